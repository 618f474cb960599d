"""A new user's trial, metadata: a document's province and date, as its front matter
or its web page states them, are read as the rest of the corpus reads them.

Each test runs the real command line on the seeds that contradict each other
(NU01, VB01, TG01) and asserts what its JSON report says of them.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from pydantic import ValidationError
from test_trial_reading import LATER, check, seed_pair

from linter.engine.warm import DraftMeta


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return seed_pair(tmp_path, monkeypatch)


def front_matter(corpus: Path, block: str) -> None:
    """Put `block` as front matter atop the later seed, corpus/001.txt."""
    later = corpus / "001.txt"
    later.write_text(f"---\n{block}\n---\n" + later.read_text(encoding="utf-8"), encoding="utf-8")


def json_report(capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    """The exit status of `doichieu check --format json` and its report."""
    status, out = check(capsys, "--format", "json")
    return status, json.loads(out)


# --- a province written loosely in front matter ----------------------------------------


@pytest.mark.parametrize(
    "written", ["tỉnh Quảng Ninh", "quảng ninh", "QUẢNG NINH", "Quang Ninh", " Quảng  Ninh "]
)
def test_a_province_in_front_matter_is_the_one_the_text_would_give(
    corpus: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """Documents are compared within a province, by its name: "tỉnh Quảng Ninh" kept as
    written was a province of its own, and the announcement was compared with nothing
    (NU01 and VB01 were silent). The editor's page already refuses such a name; front
    matter is a file's own word, so it is read as the gazetteer spells it."""
    front_matter(corpus, f'province: "{written}"')
    status, report = json_report(capsys)
    assert status == 1
    assert [(d["path"], d["province"], d["province_source"]) for d in report["documents"]] == [
        ("corpus/000.txt", "Quảng Ninh", "gazetteer"),
        ("corpus/001.txt", "Quảng Ninh", "front_matter"),
    ]
    assert [(f["code"], f["evidence"][0]["line"]) for f in report["findings"]] == [
        ("NU01", 5),
        ("VB01", 7),
        ("TG01", 11),
    ]


def test_a_city_in_front_matter_meets_the_same_city_found_in_a_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real corpus's front matter writes "TP. Hồ Chí Minh"; a text naming the city
    is grouped under the gazetteer's "Hồ Chí Minh". Two reports of one figure must meet."""
    said = (
        "UBND TP.HCM triển khai Nghị quyết số {} ngày 30/3/2023 của HĐND Thành phố về đầu tư công."
    )
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.md").write_text(
        '---\ndate: 2023-12-14\nprovince: "TP. Hồ Chí Minh"\n---\n' + said.format("13") + "\n",
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "---\ndate: 2023-12-15\n---\n" + said.format("12/2023/NQ-HĐND") + "\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    status, report = json_report(capsys)
    assert [d["province"] for d in report["documents"]] == ["Hồ Chí Minh", "Hồ Chí Minh"]
    assert status == 1
    assert [(f["code"], [e["quote"] for e in f["evidence"]]) for f in report["findings"]] == [
        (
            "VB01",
            [
                "Nghị quyết số 13 ngày 30/3/2023 của HĐND Thành phố",
                "Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023 của HĐND Thành phố",
            ],
        )
    ]


def test_a_province_no_gazetteer_knows_is_kept_as_written(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name no unit has (a newsroom's own grouping, a typo too far to guess) stays
    the file's word: the document is grouped by it, as before."""
    front_matter(corpus, 'province: "Atlantis"')
    status, report = json_report(capsys)
    assert [d["province"] for d in report["documents"]] == ["Quảng Ninh", "Atlantis"]
    assert status == 1
    assert [f["code"] for f in report["findings"]] == ["TG01"]


@pytest.mark.parametrize(
    "written", ["Quang Ninh", "tinh Quang Ninh", "TINH QUANG NINH", "Tỉnh Quang Ninh"]
)
def test_a_province_written_loosely_is_read_alike_wherever_it_is_given(
    corpus: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """Front matter, the configuration and the editor's form name a province in one
    reading (`gazetteer.canonical_province`). "Quang Ninh" was read in front matter and
    the configuration but refused by the form as unknown; "tinh Quang Ninh" (its unit
    word unmarked too) was a province of its own in front matter, compared with
    nothing, and a configuration error."""
    assert DraftMeta(province=written).province == "Quảng Ninh"
    Path("doichieu.toml").write_text(
        f'[[metadata]]\npath = "corpus/000.txt"\nprovince = "{written}"\n', encoding="utf-8"
    )
    front_matter(corpus, f'province: "{written}"')
    status, report = json_report(capsys)
    assert status == 1
    assert [(d["path"], d["province"], d["province_source"]) for d in report["documents"]] == [
        ("corpus/000.txt", "Quảng Ninh", "config"),
        ("corpus/001.txt", "Quảng Ninh", "front_matter"),
    ]
    assert [f["code"] for f in report["findings"]] == ["NU01", "VB01", "TG01"]


@pytest.mark.parametrize("written", ["Quang", "tinh", "tinh Atlantis"])
def test_a_loose_name_of_no_province_is_refused_by_the_form(written: str) -> None:
    """The other side: a name is read loosely only when it is a whole province's name."""
    with pytest.raises(ValidationError, match="unknown province"):
        DraftMeta(province=written)


# --- the publication date of a web page ------------------------------------------------


def test_a_web_page_keeps_the_publication_date_of_its_markup(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A saved news page states its date in <meta property="article:published_time">,
    and its text often does not. The reader read it, then the metadata stage inferred
    the date from the text again and threw it away: the page was undated, its
    evidence '??/??/????', and TG01 (which needs the year a text is about) silent."""
    lines = LATER.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("Ngày 14/12, tỉnh", "Tỉnh")  # the text states no date
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    (corpus / "001.txt").unlink()
    (corpus / "001.html").write_text(
        "<html><head><title>Quảng Ninh triển khai nhiệm vụ năm 2024</title>\n"
        '<meta property="article:published_time" content="2023-12-14T21:00:00+07:00">'
        f"</head>\n<body><article>\n{paragraphs}\n</article></body></html>\n",
        encoding="utf-8",
    )
    status, out = check(capsys)
    assert status == 1
    assert out == (
        "corpus/001.html:5:556: NU01 [warning] «Tổng thu ngân sách nhà nước trên địa bàn»"
        " (năm 2024, mục tiêu) được nêu là 55.600 tỷ đồng và 56.000 tỷ đồng: các số liệu"
        " này không thể cùng đúng.\n"
        "    corpus/001.html:5:556  14/12/2023  «55.600 tỷ đồng»\n"
        "    corpus/000.txt:2:377  23/12/2023  «56.000 tỷ đồng»\n"
        "corpus/001.html:7:454: VB01 [warning] Nghị quyết của HĐND tỉnh ngày 30/03/2023 được"
        " trích dẫn với số hiệu khác nhau (số 13 và số 12): kiểm tra lại số hiệu đúng.\n"
        "    corpus/001.html:7:454  14/12/2023  «Nghị quyết số 13 ngày 30/3/2023 của HĐND tỉnh»\n"
        "    corpus/000.txt:2:773  23/12/2023"
        "  «Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023 của HĐND tỉnh»\n"
        "corpus/001.html:11:289: TG01 [warning] Văn bản về kế hoạch năm 2024 (công bố"
        " 14/12/2023) lại giao kế hoạch năm 2023: có phải là năm 2024?\n"
        "    corpus/001.html:11:289  14/12/2023  «kế hoạch phát triển kinh tế – xã hội năm 2023»\n"
        "Đã đọc 2 văn bản, 0 không đọc được; 3 phát hiện (3 cảnh báo).\n"
    )


# --- front matter keys written as people write them ------------------------------------


@pytest.mark.parametrize(
    "block",
    [
        "Date: 2023-12-15\nProvince: Quảng Ninh\nPlan-Year: 2024",
        "DATE: 2023-12-15\nPROVINCE: Quảng Ninh\nPLAN_YEAR: 2024",
        "date: 2023-12-15\nprovince: Quảng Ninh\nplan-year: 2024",  # the configuration's spelling
    ],
    ids=["capitalised", "upper-case", "hyphen"],
)
def test_front_matter_keys_are_read_whatever_their_case_or_hyphen(
    corpus: Path, capsys: pytest.CaptureFixture[str], block: str
) -> None:
    """'Date:' or 'plan-year:' (as `[[metadata]]` in doichieu.toml spells it) was
    ignored without a word: the document took the date its text gave, or none."""
    front_matter(corpus, block)
    status, report = json_report(capsys)
    assert status == 1
    meta = report["documents"][1]
    assert [(key, meta[key], meta[f"{key}_source"]) for key in ("date", "plan_year")] == [
        ("date", "2023-12-15", "front_matter"),
        ("plan_year", 2024, "front_matter"),
    ]
    assert (meta["province"], meta["province_source"]) == ("Quảng Ninh", "front_matter")
    assert [(f["code"], f["evidence"][0]["document_date"]) for f in report["findings"]] == [
        ("NU01", "2023-12-15"),
        ("VB01", "2023-12-15"),
        ("TG01", "2023-12-15"),
    ]


@pytest.mark.parametrize("written", ["15/12/2023", "15-12-2023", "15.12.2023", "2023-12-15"])
def test_a_front_matter_date_may_be_written_day_first_with_any_separator(
    corpus: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """Vietnamese dates are written day first, with '/', '-' or '.' ('ngày 15.12.2023'):
    '15-12-2023' was a DC02 and the date the text gave was taken instead."""
    front_matter(corpus, f"date: {written}")
    status, report = json_report(capsys)
    meta = report["documents"][1]
    assert status == 1
    assert (meta["date"], meta["date_source"]) == ("2023-12-15", "front_matter")
    assert [f["code"] for f in report["findings"]] == ["NU01", "VB01", "TG01"]


@pytest.mark.parametrize(
    "tag",
    [
        '<meta itemprop="datePublished" content="2023-12-14T21:00:00+07:00">',
        '<meta name="DC.date.issued" content="2023-12-14">',
        '<meta property="og:published_time" content="2023-12-14T21:00:00+07:00">',
        '<meta name="publishdate" content="14/12/2023">',
    ],
    ids=["itemprop", "dublin-core", "open-graph", "publishdate"],
)
def test_a_web_page_dated_by_other_common_markup_is_dated(
    corpus: Path, capsys: pytest.CaptureFixture[str], tag: str
) -> None:
    """News sites state the publication date in one of a few <meta> spellings
    (schema.org's itemprop, Dublin Core, Open Graph); the reader knew two."""
    (corpus / "001.txt").unlink()
    (corpus / "001.html").write_text(
        f"<html><head><title>Thu ngân sách</title>{tag}</head><body><article><p>"
        + html.escape(LATER.read_text(encoding="utf-8").replace("Ngày 14/12, tỉnh", "Tỉnh"))
        + "</p></article></body></html>\n",
        encoding="utf-8",
    )
    status, report = json_report(capsys)
    assert status == 1
    meta = report["documents"][1]
    assert (meta["path"], meta["date"], meta["date_source"]) == (
        "corpus/001.html",
        "2023-12-14",
        "header",
    )
