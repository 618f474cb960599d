"""The HTML report: content, escaping of hostile documents, determinism, and a real browser.

The engine is written separately, so the RunResult here is built by hand from
real-looking Quảng Ninh press releases, with spans computed from the texts.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from linter.models import (
    CheckInfo,
    Document,
    DocumentMeta,
    Evidence,
    Finding,
    Op,
    Period,
    Provenance,
    Quantity,
    RunResult,
    Scope,
    Severity,
    Span,
    Status,
)
from reports.charts import Observation, build_chart, scale, vi_number
from reports.common import vi_sort_key
from reports.highlight import highlight
from reports.html import environment, render_html, render_report, ui_strings
from reports.model import build_report

DOC_A = """Chương trình hành động thực hiện nhiệm vụ phát triển KT-XH năm 2024
Ngày 23/12, Ban Cán sự Đảng UBND tỉnh họp nghe và cho ý kiến về dự thảo Chương trình hành động.
UBND tỉnh xây dựng Chương trình hành động với những chỉ tiêu chủ yếu sau: Tốc độ tăng trưởng GRDP \
đạt trên 10%; tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng; tổng vốn đầu tư toàn xã hội tăng \
trên 10%. Đồng chí Cao Tường Huy chủ trì.
"""
DOC_B = """Quảng Ninh triển khai nhiệm vụ năm 2024
Năm 2024, tỉnh phấn đấu tăng trưởng GRDP trên 10%. Tổng thu NSNN trên địa bàn đạt 55.600 tỷ đồng, \
trong đó thu nội địa 36.000 tỷ đồng.
"""
PWN = "document.body.appendChild(document.createElement('xss-pwned'))"
HOSTILE = (
    'Tin nóng <script>alert(1)</script> và "><img src=x onerror=alert(1)> '
    f'cùng <img src=x onerror="{PWN}"> <script>{PWN}</script> '
    '<a href="javascript:alert(1)">bấm vào đây</a> kế hoạch năm 2023'
)
DOC_C = f"Bản tin\n{HOSTILE}\n"
NEEDLE_A = "tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng"
NEEDLE_B = "Tổng thu NSNN trên địa bàn đạt 55.600 tỷ đồng"


def make_doc(path: str, text: str, meta: DocumentMeta) -> Document:
    return Document(path=path, original=text, text=text, meta=meta)


def span_of(doc: Document, needle: str) -> Span:
    start = doc.text.index(needle)
    return doc.span(start, start + len(needle))


def evidence(doc: Document, needle: str, note: str | None = None) -> Evidence:
    return Evidence(
        **span_of(doc, needle).model_dump(),
        document_date=doc.meta.date,
        document_title=doc.meta.title,
        note=note,
    )


def budget(doc: Document, figure: str, value: float) -> Quantity:
    year = Period(grain="year", start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), label="2024")
    start = doc.text.index(figure)
    return Quantity(
        span=doc.span(start, start + len(figure)),
        sentence=(0, len(doc.text)),
        value=value,
        unit="VND",
        op=Op.EQ,
        low=value,
        high=value,
        indicator="thu_ngan_sach",
        period=year,
        status=Status.TARGET,
    )


@pytest.fixture
def result() -> RunResult:
    qn = {"province": "Quảng Ninh", "province_source": Provenance.GAZETTEER}
    a = make_doc(
        "qn/2023-12-23-chuong-trinh.txt",
        DOC_A,
        DocumentMeta(
            title=DOC_A.splitlines()[0],
            date=dt.date(2023, 12, 23),
            date_source=Provenance.TEXT,
            issuer="UBND tỉnh",
            issuer_source=Provenance.TEXT,
            plan_year=2024,
            plan_year_source=Provenance.TEXT,
            **qn,
        ),
    )
    b = make_doc(
        "qn/2024-01-05-trien-khai.txt",
        DOC_B,
        DocumentMeta(
            title=DOC_B.splitlines()[0],
            date=dt.date(2024, 1, 5),
            date_source=Provenance.FRONT_MATTER,
            **qn,
        ),
    )
    c = make_doc("khac/ban-tin.txt", DOC_C, DocumentMeta(title="<script>alert(2)</script>"))
    nu01 = Finding(
        code="NU01",
        name="figure.conflict",
        severity=Severity.ERROR,
        message="Tổng thu ngân sách nhà nước năm 2024: 56.000 tỷ đồng và 55.600 tỷ đồng",
        evidence=(
            evidence(a, NEEDLE_A, "56.000 tỷ đồng, mục tiêu 2024"),
            evidence(b, NEEDLE_B, "55.600 tỷ đồng, mục tiêu 2024"),
        ),
        province="Quảng Ninh",
    )
    tg01 = Finding(
        code="TG01",
        name="plan.stale_year",
        severity=Severity.WARNING,
        message="Kế hoạch năm 2023 <b>cũ</b>",
        evidence=(evidence(c, HOSTILE),),
    )
    dc01 = Finding(
        code="DC01",
        name="document.unreadable",
        severity=Severity.ERROR,
        message="Không đọc được qn/hong.doc: không nhận ra bảng mã",
        evidence=(
            Evidence(path="qn/hong.doc", line=1, column=1, end_line=1, end_column=1, quote=""),
        ),
    )
    checks = (
        CheckInfo(
            code="NU01",
            name="figure.conflict",
            summary="Cùng một chỉ tiêu, hai con số khác nhau.",
            severity=Severity.ERROR,
            package="doichieu",
        ),
        CheckInfo(
            code="TG01",
            name="plan.stale_year",
            summary="Kế hoạch của năm đã qua.",
            severity=Severity.WARNING,
            package="doichieu",
        ),
    )
    return RunResult(
        documents=(c, a, b),
        claims={
            a.path: (budget(a, "56.000 tỷ đồng", 56e12),),
            b.path: (budget(b, "55.600 tỷ đồng", 55.6e12),),
        },
        findings=(dc01, tg01, nu01),
        checks=checks,
        indicator_labels={"thu_ngan_sach": "Tổng thu ngân sách nhà nước"},
        settings={"fail_on": "warning", "lang": "vi"},
        unreadable=("qn/hong.doc",),
    )


def test_quotes_marked_and_newer_labelled(result: RunResult) -> None:
    html = render_html(result)
    assert f"<mark>{NEEDLE_A}</mark>" in html
    assert f"<mark>{NEEDLE_B}</mark>" in html
    assert html.count(">mới hơn</span>") == 1
    newer = re.search(r'<div class="ev newer">\s*<div class="ev-title">([^<]*)<', html)
    assert newer and newer.group(1) == "Quảng Ninh triển khai nhiệm vụ năm 2024"
    assert "23/12/2023" in html and "05/01/2024" in html
    assert "qn/2023-12-23-chuong-trinh.txt:3:" in html
    assert 'href="#check-NU01"' in html and 'id="check-NU01"' in html
    assert 'href="#check-DC01"' not in html  # no DC01 row in the checks table to link to


def test_summary_documents_and_facts(result: RunResult) -> None:
    report = build_report(result)
    s = report.summary
    assert (s.documents_read, s.findings) == (3, 3)
    assert s.unreadable[0].reason.startswith("Không đọc được qn/hong.doc")
    assert s.by_severity == (("error", 2), ("warning", 1), ("info", 0))
    assert s.by_code == (("DC01", 1), ("NU01", 1), ("TG01", 1))
    assert [g.province for g in report.groups] == ["Quảng Ninh", None]
    # Severity first within a province; the run's order otherwise.
    assert [c.finding.code for c in report.groups[1].cards] == ["DC01", "TG01"]
    # Date order, undated last; provenance shown as labels.
    assert [d.path for d in report.documents][-1] == "khac/ban-tin.txt"
    assert report.documents[0].province.source == "gazetteer"
    assert report.documents[0].title.source == ""
    [table] = report.facts
    assert table.province == "Quảng Ninh"
    [row] = table.rows
    assert row.indicator == "Tổng thu ngân sách nhà nước"
    assert [[f.text for f in cell] for cell in row.cells] == [
        ["56.000 tỷ đồng"],
        ["55.600 tỷ đồng"],
    ]
    assert all(f.conflict for cell in row.cells for f in cell)
    html = render_html(result)
    assert html.count('class="fig conflict"') == 2
    assert "Không xác định tỉnh" in html and "danh mục địa giới" in html
    assert html.count("không rõ ngày") == 2  # the hostile document and the unreadable one
    assert "Không đọc được qn/hong.doc: không nhận ra bảng mã" in html


def test_document_text_is_inert(result: RunResult) -> None:
    html = render_html(result)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert" not in html and "<img" not in html and "<b>cũ" not in html
    assert '<a href="javascript' not in html and 'href="javascript' not in html
    assert len(re.findall(r"<script\b", html)) == 1


def csp_source(text: str) -> str:
    """How a Content-Security-Policy names an inline script or style by its content."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_self_contained_and_csp(result: RunResult) -> None:
    html = render_html(result)
    assert "http://" not in html and "https://" not in html
    assert "//" not in re.sub(r"<script>.*?</script>|<style>.*?</style>", "", html, flags=re.S)
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert policy is not None and "unsafe" not in policy[1]
    # The policy allows the inlined style and script by their hashes, and nothing else.
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert style is not None and script is not None

    assert policy[1] == (
        f"default-src 'none'; style-src {csp_source(style[1])}; "
        f"script-src {csp_source(script[1])}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    assert html.index("Content-Security-Policy") < html.index("<style>")


def test_deterministic(result: RunResult) -> None:
    assert render_html(result) == render_html(result)
    shuffled = result.model_copy(update={"settings": dict(reversed(result.settings.items()))})
    assert render_html(shuffled) == render_html(result)


def test_english(result: RunResult) -> None:
    html = render_html(result, lang="en")
    assert '<html lang="en">' in html
    for text in ("Press release cross-check report", "Unknown province", ">newer</span>"):
        assert text in html
    assert "mới hơn" not in html and "Không xác định tỉnh" not in html


def test_unknown_date_and_long_lines() -> None:
    segments = highlight("x" * 1000 + " đạt 56.000 tỷ đồng " + "y " * 500, 1005, 1019)
    text = "".join(s.text for s in segments)
    assert len(text) < 400 and text.startswith("…") and text.endswith("…")
    assert [s.text for s in segments if s.mark] == ["56.000 tỷ đồng"]
    # Whole sentences are preferred over clipping.
    segments = highlight("Câu trước. Thu đạt 5 tỷ đồng. Câu sau.", 19, 28)
    assert [s.text for s in segments] == ["Thu đạt ", "5 tỷ đồng", "."]


def test_vietnamese_province_order() -> None:
    names = ["Đồng Nai", "Yên Bái", "Đà Nẵng", "Điện Biên", "Bắc Ninh", "Quảng Ninh", "Cà Mau"]
    assert sorted(names, key=vi_sort_key) == [
        "Bắc Ninh",
        "Cà Mau",
        "Đà Nẵng",
        "Điện Biên",
        "Đồng Nai",
        "Quảng Ninh",
        "Yên Bái",
    ]


def test_missing_field_fails_loudly(result: RunResult) -> None:
    data = build_report(result).model_dump()
    del data["checks"]
    template = environment().get_template("report.html.j2")
    with pytest.raises(UndefinedError):
        template.render(report=data, t=ui_strings("vi"))
    with pytest.raises(UndefinedError):  # a UI string missing from strings.yaml
        template.render(report=build_report(result), t={})
    assert render_report(build_report(result))  # the real model has every field


def test_every_enum_value_has_a_label_in_both_languages() -> None:
    # StrictUndefined turns a missing label into a crash on real input: cover every value.
    keys = [f"prov_{p.value}" for p in Provenance]
    keys += [f"sev_{s.value}" for s in Severity] + [f"status_{s.value}" for s in Status]
    keys += [f"scope_{s.value}" for s in Scope]
    keys += [f"measure_{m}" for m in ("level", "increase", "decrease", "multiple")]
    for lang in ("vi", "en"):
        strings = ui_strings(lang)
        assert [k for k in keys if not strings.get(k)] == [], lang
    assert ui_strings("vi")["prov_config"] != ui_strings("en")["prov_config"]


def test_config_provenance_renders(result: RunResult) -> None:
    # A metadata override from the configuration (linter.engine.policy) sets Provenance.CONFIG.
    doc = result.documents[0]
    meta = doc.meta.model_copy(update={"province": "Hà Nội", "province_source": Provenance.CONFIG})
    docs = (doc.model_copy(update={"meta": meta}), *result.documents[1:])
    changed = result.model_copy(update={"documents": docs})
    assert "cấu hình" in render_html(changed)
    assert ">config</small>" in render_html(changed, lang="en")


def test_card_says_who_said_it(result: RunResult) -> None:
    html = render_html(result)
    nu01 = html[html.index('data-code="NU01"') :]
    nu01 = nu01[: nu01.index("</article>")]
    assert nu01.count('<span class="issuer" title="Cơ quan">UBND tỉnh</span>') == 1
    assert nu01.count("không rõ cơ quan") == 1  # the other release names no issuer
    assert "Tổng thu ngân sách nhà nước năm 2024: 56.000 tỷ đồng và 55.600 tỷ đồng" in nu01


def test_document_filter_options(result: RunResult) -> None:
    report = build_report(result)
    # Cited paths only, in publication order; a path never read (DC01) comes last.
    assert [(o.key, o.path) for o in report.doc_options] == [
        ("d0", "qn/2023-12-23-chuong-trinh.txt"),
        ("d1", "qn/2024-01-05-trien-khai.txt"),
        ("d2", "khac/ban-tin.txt"),
        ("d3", "qn/hong.doc"),
    ]
    cards = {c.finding.code: c.docs for g in report.groups for c in g.cards}
    assert cards == {"NU01": "d0 d1", "TG01": "d2", "DC01": "d3"}
    html = render_html(result)
    assert '<option value="d0">23/12/2023 — qn/2023-12-23-chuong-trinh.txt</option>' in html
    assert 'data-docs="d0 d1"' in html
    shown = '<span id="f-shown">3</span> trên <span id="f-total">3</span> phát hiện'
    assert shown in html


def test_fact_chart(result: RunResult) -> None:
    [table] = build_report(result).facts
    [chart] = table.charts
    assert (chart.indicator, chart.unit, chart.conflict) == (
        "Tổng thu ngân sách nhà nước",
        "tỷ đồng",
        True,
    )
    assert [t.label for t in chart.x_ticks] == ["23/12/2023", "05/01/2024"]
    assert [t.label for t in chart.y_ticks] == ["55.600 tỷ đồng", "56.000 tỷ đồng"]
    [series] = chart.series
    assert (series.period, series.status) == ("2024", "target")
    assert [p.text for p in series.points] == ["56.000 tỷ đồng", "55.600 tỷ đồng"]
    assert series.points[0].y < series.points[1].y  # the larger figure is drawn higher
    html = render_html(result)
    assert html.count("<svg ") == 1 and html.count('class="ring"') == 2
    assert '<figure class="chart conflict">' in html


def test_chart_text_is_escaped(result: RunResult) -> None:
    hostile = '"><img src=x onerror=alert(1)>'
    claims = {
        path: tuple(
            q.model_copy(update={"span": q.span.model_copy(update={"quote": hostile})}) for q in qs
        )
        for path, qs in result.claims.items()
    }
    labels = {"thu_ngan_sach": "<script>alert(3)</script>"}
    html = render_html(result.model_copy(update={"claims": claims, "indicator_labels": labels}))
    svg = html[html.index("<svg ") : html.index("</svg>")]
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;</text>" in svg
    assert 'aria-label="&lt;script&gt;alert(3)&lt;/script&gt;"' in svg
    assert "<img" not in html and "<script>alert" not in html


def test_chart_layout() -> None:
    day = dt.date(2024, 1, 1)

    def obs(date: dt.date, value: float, text: str, status: str = "target") -> Observation:
        return Observation(date, day, "năm 2024", status, value, text, False)

    one_date = [obs(dt.date(2023, 12, 14), 10, "trên 10%"), obs(dt.date(2023, 12, 14), 9, "9%")]
    assert build_chart("GRDP", Scope.PROVINCE, None, "%", "level", one_date) is None
    same = [
        obs(dt.date(2023, 12, 14), 10, "trên 10%"),
        obs(dt.date(2023, 12, 14), 10, "2 con số"),
        obs(dt.date(2023, 12, 14), 10, "2 con số"),  # repeated in one release: one point
        obs(dt.date(2024, 3, 31), 11.03, "11,03%", "actual"),
    ]
    chart = build_chart("GRDP", Scope.PROVINCE, None, "%", "level", same)
    assert chart is not None
    assert [len(s.points) for s in chart.series] == [1, 2]  # actual, then target
    first = chart.series[1].points
    assert abs(first[0].label_y - first[1].label_y) >= 13  # stacked, never overlapping
    assert chart.series[1].line == ""  # one date: a point, not a line
    assert all(p.label_y > 0 and p.x < chart.width for s in chart.series for p in s.points)
    assert [t.label for t in chart.y_ticks] == ["10%", "11,03%"]


def test_readable_numbers() -> None:
    assert vi_number(55600) == "55.600" and vi_number(11.03) == "11,03" and vi_number(0) == "0"
    assert scale("VND", [55.6e12, 56e12]) == (1e9, "tỷ đồng")
    assert scale("VND", [450e6]) == (1e6, "triệu đồng")
    assert scale("USD", [3e9]) == (1e9, "tỷ USD")
    assert scale("%", [10]) == (1.0, "%")


CHROMIUM = Path("/usr/bin/chromium")
# Appended after the report's own script: drives the filter form like a reader would.
FILTER_PROBE = """<script>
var sev = document.getElementById("f-severity"); sev.value = "error";
sev.dispatchEvent(new Event("change", {bubbles: true}));
var q = document.getElementById("f-search"); q.value = "tong thu NGAN SACH";
q.dispatchEvent(new Event("input", {bubbles: true}));
</script></body>"""


def dump_dom(page: Path, tmp_path: Path) -> str:
    profile = tmp_path / f"profile-{page.stem}"
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--dump-dom",
        page.as_uri(),
    ]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=15, check=False)
    except subprocess.TimeoutExpired:
        # A modal alert() blocks the page load, so a hang is what an executed payload looks like.
        pytest.fail(f"chromium timed out on {page.name}: did an alert() run?")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


@pytest.mark.skipif(
    not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None,
    reason="/usr/bin/chromium not installed (apt-get install chromium); browser test skipped",
)
def test_browser_renders_cards_and_payload_stays_inert(result: RunResult, tmp_path: Path) -> None:
    # Positive control: the payload, unescaped, does run in this browser (without the
    # alert()s, whose modal dialog would block the page load).
    control = tmp_path / "control.html"
    payload = HOSTILE.replace("alert(1)", "void 0")
    control.write_text(f"<!DOCTYPE html><html><body>{payload}</body></html>", encoding="utf-8")
    assert "<xss-pwned" in dump_dom(control, tmp_path)

    page = tmp_path / "report.html"
    page.write_text(render_html(result), encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    assert 'data-ready="1"' in dom  # our script ran despite the CSP
    assert len(re.findall(r'<article class="card', dom)) == 3
    assert "<mark>" in dom and "56.000 tỷ đồng" in dom
    assert "<xss-pwned" not in dom
    assert "<img" not in dom and not re.search(r"<[a-z]+[^>]*\sonerror=", dom)
    assert len(re.findall(r"<script\b", dom)) == 1

    # The filters: pick a severity and search without accents, as a reader would.
    # The probe is an inline script: the policy must list its hash, as it lists ours.
    probe_source = FILTER_PROBE.removeprefix("<script>").removesuffix("</script></body>")
    probe = page.read_text(encoding="utf-8").replace("</body>", FILTER_PROBE)
    probe = probe.replace("script-src ", f"script-src {csp_source(probe_source)} ", 1)
    page.write_text(probe, encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    hidden = dict(re.findall(r'<article [^>]*data-code="(\w+)"[^>]*?( hidden="")?>', dom))
    assert hidden == {"NU01": "", "DC01": ' hidden=""', "TG01": ' hidden=""'}
    assert '<span id="f-shown">1</span>' in dom
