"""The HTML report in a real browser: Playwright driving Debian's chromium, offline.

What an editor does with the page (read both quotes, filter, search, print) is
done here as they would, with every dialog, console error and network request
recorded: document text is hostile and the page must stay inert and local.
No browser is downloaded: `playwright install` cannot run here, so the tests use
/usr/bin/chromium and skip, saying why, when either piece is missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import SEEDS, run_corpus
from linter.models import (
    CheckInfo,
    Document,
    DocumentMeta,
    Evidence,
    Finding,
    Provenance,
    RunResult,
    Severity,
)
from reports.html import render_html
from reports.model import build_report

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request, Route

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="playwright not installed (pip install playwright; no browser download is "
    "needed: these tests drive /usr/bin/chromium)",
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium not installed (apt-get install chromium); browser tests skipped",
)

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_ATTR = '"><img src=x onerror=alert(1)>'
XSS_LINK = '<a href="javascript:alert(1)">bấm vào đây</a>'
# Front matter gives the hostile strings a title, an issuer and a place in a NU01 card
# (its budget figure contradicts the seeds'), so they reach every part of the page.
HOSTILE_TXT = f"""---
title: '{XSS_SCRIPT} Thông cáo'
date: 2024-01-10
province: Quảng Ninh
issuer: '{XSS_ATTR.replace("'", "''")}'
---
Tin nóng {XSS_SCRIPT} {XSS_ATTR}. Năm 2024, tỉnh phấn đấu tổng thu ngân sách nhà nước trên địa bàn \
đạt 57.000 tỷ đồng, {XSS_LINK}.
"""
HOSTILE_HTML = f"""<!DOCTYPE html><html><head><title>{XSS_SCRIPT}</title>
<meta name="date" content="2024-02-01"></head><body onload="alert(1)">
<p>Quảng Ninh: {XSS_ATTR} <img src=x onerror=alert(1)> {XSS_LINK}</p>
<script>alert(1)</script><p>Kế hoạch phát triển kinh tế - xã hội năm 2024.</p></body></html>
"""


@dataclass
class Opened:
    """A report page and everything it did that it should not have."""

    page: Page
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    blocked: list[str] = field(default_factory=list)  # requests that would leave the machine

    def visible(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "article.card:not([hidden])", "cards => cards.map(c => c.dataset.code)"
        )

    def shown(self) -> int:
        return int(self.page.text_content("#f-shown") or "-1")

    def assert_inert(self) -> None:
        assert self.dialogs == []
        assert self.errors == []
        assert self.blocked == []
        assert all(url.startswith("file://") for url in self.requests), self.requests


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[object]:
    contexts = []

    def open_(path: Path, wait: bool = True, width: int = 1280, height: int = 900) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def on_dialog(dialog: Dialog) -> None:
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                opened.errors.append(message.text)

        def on_route(route: Route) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                opened.blocked.append(route.request.url)
                route.abort()

        def on_request(request: Request) -> None:
            opened.requests.append(request.url)

        page.on("dialog", on_dialog)
        page.on("console", on_console)
        page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
        page.on("request", on_request)
        page.route("**/*", on_route)
        page.goto(path.as_uri())
        if wait:
            page.wait_for_selector("body[data-ready='1']", state="attached", timeout=10_000)
        return opened

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def seeds_page(seeds_result: RunResult, tmp_path: Path, open_page) -> Opened:
    path = tmp_path / "seeds.html"
    path.write_text(render_html(seeds_result), encoding="utf-8")
    return open_page(path)


def test_the_listeners_catch_what_they_guard_against(tmp_path: Path, open_page) -> None:
    # Positive control: the same payload, unescaped, does fire a dialog, and a remote
    # image is stopped by the route; so an empty list below means "did not happen".
    control = tmp_path / "control.html"
    control.write_text(
        f'<!DOCTYPE html><html><body>{XSS_SCRIPT}<img src="https://example.invalid/x.png">'
        "</body></html>",
        encoding="utf-8",
    )
    opened = open_page(control, wait=False)
    opened.page.wait_for_load_state("load")
    assert opened.dialogs == ["1"]
    assert opened.blocked == ["https://example.invalid/x.png"]


def test_the_policy_blocks_inline_code_that_escaped_escaping(
    seeds_result: RunResult, tmp_path: Path, open_page
) -> None:
    """What a future escaping mistake would let through (an inline script, an event
    handler, a style attribute) does not run: the policy names the page's own script
    and style by hash, which still run."""
    page_html = render_html(seeds_result).replace(
        "</main>",
        "<script>alert('inline')</script><img id=bad src=x onerror=alert('handler')>"
        '<p id="styled" style="color: rgb(255, 0, 0)">x</p></main>',
    )
    path = tmp_path / "injected.html"
    path.write_text(page_html, encoding="utf-8")
    opened = open_page(path)  # waits for body[data-ready]: the hashed script ran
    page = opened.page
    assert opened.dialogs == []
    color = page.evaluate("getComputedStyle(document.getElementById('styled')).color")
    assert color != "rgb(255, 0, 0)"
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"  # style.css applies
    assert opened.errors and all("Content Security Policy" in e for e in opened.errors)
    assert opened.blocked == []


def test_readable_on_a_phone(seeds_result: RunResult, tmp_path: Path, open_page) -> None:
    path = tmp_path / "seeds.html"
    path.write_text(render_html(seeds_result), encoding="utf-8")
    width, height = 390, 844  # a common phone, in CSS pixels
    opened = open_page(path, width=width, height=height)
    page = opened.page
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    bar = page.locator("#filters").bounding_box()
    assert bar is not None and bar["width"] <= width and bar["height"] < height / 5
    # Reading the last finding, the filter bar has scrolled away with the page.
    page.locator("article.card").last.scroll_into_view_if_needed()
    bar = page.locator("#filters").bounding_box()
    assert bar is not None and bar["y"] + bar["height"] <= 0
    page.select_option("#f-code", "VB01")  # and it still works
    assert (opened.visible(), opened.shown()) == (["VB01"], 1)
    opened.assert_inert()


def test_seed_findings_visible_with_both_quotes(seeds_page: Opened) -> None:
    page = seeds_page.page
    assert sorted(seeds_page.visible()) == ["NU01", "TG01", "VB01"]
    assert seeds_page.shown() == 3

    def marks(code: str) -> list[str]:
        card = page.locator(f"article.card[data-code='{code}']")
        assert card.is_visible()
        return [m.inner_text() for m in card.locator("blockquote mark").all() if m.is_visible()]

    assert sorted(marks("NU01")) == ["55.600 tỷ đồng", "56.000 tỷ đồng"]
    vb01 = marks("VB01")
    assert len(vb01) == 2 and all(m.startswith("Nghị quyết số 1") for m in vb01)
    assert marks("TG01") == ["kế hoạch phát triển kinh tế – xã hội năm 2023"]
    nu01 = page.locator("article.card[data-code='NU01']")
    # Who said it, when, and which statement is the newer one.
    assert nu01.locator(".issuer").all_inner_texts() == ["UBND tỉnh", "UBND tỉnh"]
    assert nu01.locator(".ev.newer .date").inner_text() == "23/12/2023"
    assert page.locator("figure.chart.conflict svg .ring").count() == 2
    seeds_page.assert_inert()


def test_filters_hide_and_show_cards(seeds_page: Opened) -> None:
    page = seeds_page.page
    page.select_option("#f-severity", "error")
    assert (seeds_page.visible(), seeds_page.shown()) == ([], 0)
    assert page.locator("section.group:not([hidden])").count() == 0
    page.select_option("#f-severity", "warning")
    assert seeds_page.shown() == 3
    page.select_option("#f-code", "VB01")
    assert (seeds_page.visible(), seeds_page.shown()) == (["VB01"], 1)
    page.click("#f-reset")
    sync_api.expect(page.locator("#f-shown")).to_have_text("3")
    province = page.locator("#f-province option", has_text="Quảng Ninh").get_attribute("value")
    page.select_option("#f-province", province)
    assert seeds_page.shown() == 3
    # Every seed finding cites 001; only NU01 and VB01 also cite 000.
    page.select_option("#f-document", label=f"23/12/2023 — {SEEDS.name}/000_46a754388d49c070.txt")
    assert (sorted(seeds_page.visible()), seeds_page.shown()) == (["NU01", "VB01"], 2)
    assert page.inner_text("#f-count") == "Đang hiển thị 2 trên 3 phát hiện"
    page.select_option("#f-code", "TG01")
    assert (seeds_page.visible(), seeds_page.shown()) == ([], 0)
    seeds_page.assert_inert()


def test_search_box(seeds_page: Opened) -> None:
    page = seeds_page.page
    page.fill("#f-search", "TONG THU ngan sach")  # no accents, any case
    assert (seeds_page.visible(), seeds_page.shown()) == (["NU01"], 1)
    page.fill("#f-search", "Nghị quyết số 13")
    assert seeds_page.visible() == ["VB01"]
    page.fill("#f-search", "không-có-trong-báo-cáo")
    assert seeds_page.shown() == 0
    page.fill("#f-search", "")
    assert seeds_page.shown() == 3
    seeds_page.assert_inert()


def test_prints_what_is_filtered(seeds_page: Opened) -> None:
    page = seeds_page.page
    page.select_option("#f-code", "NU01")
    page.emulate_media(media="print")
    style = "([sel, prop]) => getComputedStyle(document.querySelector(sel))[prop]"
    assert page.evaluate(style, ["#filters", "display"]) == "none"
    assert page.evaluate(style, ["article.card", "breakInside"]) == "avoid"
    assert page.evaluate(style, ["figure.chart", "breakInside"]) == "avoid"
    assert page.locator("#f-print").is_visible()
    printed = page.inner_text("#f-print")
    assert "1 trên 3" in printed and "NU01" in printed
    assert seeds_page.visible() == ["NU01"]
    assert page.pdf()[:4] == b"%PDF"
    seeds_page.assert_inert()


def test_hostile_corpus_stays_inert(tmp_path: Path, open_page) -> None:
    documents = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    documents |= {"zz-hostile.txt": HOSTILE_TXT, "zz-hostile.html": HOSTILE_HTML}
    result = run_corpus(tmp_path / "corpus", documents)
    hostile = [f for f in result.findings if any("hostile" in e.path for e in f.evidence)]
    assert any(f.code == "NU01" for f in hostile)  # the payload sits in a finding card
    path = tmp_path / "hostile.html"
    path.write_text(render_html(result), encoding="utf-8")
    opened = open_page(path)
    page = opened.page
    body = page.inner_text("body")
    for payload in (XSS_SCRIPT, XSS_ATTR, 'href="javascript:alert(1)"'):
        assert payload in body  # shown to the reader as text
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1
    assert page.locator("a[href^='javascript'], [onerror], [onload]").count() == 0
    for link in page.locator("a").all():  # every link the page has goes nowhere harmful
        link.click()
    page.fill("#f-search", XSS_SCRIPT)
    assert "NU01" in opened.visible()
    opened.assert_inert()


def big_result(n: int = 1000) -> RunResult:
    provinces = ["Quảng Ninh", "Hà Nội", "Đà Nẵng", "Cà Mau", None]
    docs = []
    for i in range(40):
        province = provinces[i % 5]
        text = f"Thông cáo số {i}\nNăm 2024 tổng thu ngân sách đạt {1000 + i}.000 tỷ đồng.\n"
        meta = DocumentMeta(
            title=f"Thông cáo số {i}",
            date=dt.date(2024, 1, 1) + dt.timedelta(days=i),
            date_source=Provenance.FRONT_MATTER,
            province=province,
            province_source=Provenance.CONFIG if province else Provenance.NONE,
            issuer=f"UBND tỉnh {i}",
            issuer_source=Provenance.TEXT,
        )
        docs.append(Document(path=f"tin/{i:02d}.txt", original=text, text=text, meta=meta))
    severities = [Severity.ERROR, Severity.WARNING, Severity.INFO]
    findings = []
    for k in range(n):
        a, b = docs[k % 40], docs[(k * 7 + 1) % 40]
        evidence = tuple(
            Evidence(
                **d.span(d.text.index("tổng thu"), d.text.index(" tỷ đồng")).model_dump(),
                document_date=d.meta.date,
                document_title=d.meta.title,
            )
            for d in (a, b)
        )
        findings.append(
            Finding(
                code=f"X{k % 4:02d}",
                name="synthetic",
                severity=severities[k % 3],
                message=f"Phát hiện mã-{k:04d}",
                evidence=evidence,
                province=a.meta.province,
            )
        )
    checks = tuple(
        CheckInfo(
            code=f"X{c:02d}", name="synthetic", summary="…", severity=Severity.INFO, package="t"
        )
        for c in range(4)
    )
    return RunResult(
        documents=tuple(docs),
        claims={},
        findings=tuple(findings),
        checks=checks,
        indicator_labels={},
        settings={"lang": "vi"},
    )


def test_thousand_findings_load_and_filter(tmp_path: Path, open_page) -> None:
    result = big_result()
    report = build_report(result)
    path = tmp_path / "big.html"
    path.write_text(render_html(result), encoding="utf-8")
    opened = open_page(path)
    page = opened.page
    assert opened.shown() == 1000 and page.locator("article.card").count() == 1000
    page.select_option("#f-severity", "error")
    assert opened.shown() == sum(f.severity is Severity.ERROR for f in result.findings)
    page.select_option("#f-code", "X01")
    expected = [f for f in result.findings if f.severity is Severity.ERROR and f.code == "X01"]
    assert opened.shown() == len(expected) > 0
    page.click("#f-reset")
    sync_api.expect(page.locator("#f-shown")).to_have_text("1000")
    group = report.groups[-1]  # the unknown province
    assert group.province is None
    page.select_option("#f-province", group.key)
    assert opened.shown() == len(group.cards)
    option = report.doc_options[3]
    page.select_option("#f-document", option.key)
    cited = sum(any(e.path == option.path for e in c.finding.evidence) for c in group.cards)
    assert opened.shown() == cited
    page.click("#f-reset")
    page.fill("#f-search", "ma-0999")
    assert opened.visible() == ["X03"] and opened.shown() == 1
    opened.assert_inert()
