"""Loading files from disk: encodings, bad files, front matter, HTML, and the offset map."""

from __future__ import annotations

import codecs
import datetime as dt
import html
import re
import unicodedata
from pathlib import Path

import pytest

from linter.errors import UsageError
from linter.models import Document, Provenance
from linter.read import frontmatter
from linter.read.loading import LoadResult, collect_paths, load_document, load_text
from linter.read.mdtext import markdown_pieces

REPO = Path(__file__).resolve().parents[1]
REAL_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"

SENTENCE = "Tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng."
BODY = (
    "Ngày 14/12, tỉnh Quảng Ninh tổ chức hội nghị triển khai nhiệm vụ năm 2024.\n"
    f"{SENTENCE} Tốc độ tăng trưởng GRDP đạt trên 10%.\n"
    "Đồng chí Cao Tường Huy, Chủ tịch UBND tỉnh, chủ trì hội nghị.\n"
)
TONES = "\u0300\u0301\u0303\u0309\u0323"
# Elements the HTML loader drops with their content, for reading quotes back.
DROPPED_HTML = re.compile(
    r"<(script|style|noscript|template|nav|header|footer|aside|form|iframe|svg|head)\b.*?</\1\s*>",
    re.DOTALL | re.IGNORECASE,
)


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes as Vietnamese offices write them: tones as combining marks."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out.append((base + "".join(c for c in parts if c in TONES)).encode("cp1258"))
    return b"".join(out)


def load_bytes(tmp_path: Path, data: bytes, name: str = "doc.txt") -> LoadResult:
    path = tmp_path / name
    path.write_bytes(data)
    return load_document(path)


def loaded(result: LoadResult) -> Document:
    assert result.document is not None, result.problems
    return result.document


def markdown_markup(original: str) -> frozenset[int]:
    """The offsets of `original` that the Markdown reader leaves out of the text."""
    _, body_start, _, _ = frontmatter.parse(original)
    kept = {k for start, end, _ in markdown_pieces(original, body_start) for k in range(start, end)}
    return frozenset(range(len(original))) - kept


def _read_quote(quote: str, is_html: bool) -> str:
    """What the loader makes of a quote of the original: the text it should equal."""
    if is_html:
        quote = re.sub(r"<[^>]*>", "", DROPPED_HTML.sub("", quote))
        quote = html.unescape(quote).replace("\xa0", " ")
        return "".join(unicodedata.normalize("NFC", quote).split())
    return unicodedata.normalize("NFC", quote.replace("\r\n", "\n"))


def assert_spans_round_trip(
    doc: Document, is_html: bool = False, width: int = 40, markup: frozenset[int] = frozenset()
) -> None:
    """The crucial invariant: `doc.span(i, j)` points at text[i:j] in the original file.

    The quote, read as the loader reads it (NFC, CRLF as LF; for HTML without
    markup, entities or whitespace; for Markdown without the offsets `markup` of the
    original it leaves out), must equal `text[i:j]`, and the line and column must
    locate the quote in `original`.
    """
    text, original = doc.text, doc.original
    line_starts = [0] + [m.end() for m in re.finditer("\n", original)]
    starts = range(0, len(text), max(1, len(text) // 120))
    checked = 0
    for i in starts:
        for j in [*range(i + 1, min(len(text), i + width) + 1), len(text)]:
            span = doc.span(i, j)
            expected = "".join(text[i:j].split()) if is_html else text[i:j]
            offset = line_starts[span.line - 1] + span.column - 1
            end = line_starts[span.end_line - 1] + span.end_column - 1
            quote = "".join(c for k, c in enumerate(span.quote, offset) if k not in markup)
            assert _read_quote(quote, is_html) == expected, (i, j, span)
            assert original[offset:end] == span.quote, (i, j, span)
            checked += 1
    assert checked or not text


# --- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf-8", BODY.encode()),
        ("utf-8 with BOM", codecs.BOM_UTF8 + BODY.encode()),
        ("utf-16 LE with BOM", codecs.BOM_UTF16_LE + BODY.encode("utf-16-le")),
        ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + BODY.encode("utf-16-be")),
        ("utf-32 with BOM", BODY.encode("utf-32")),
        ("utf-16 LE without BOM", BODY.encode("utf-16-le")),
        ("utf-16 BE without BOM", BODY.encode("utf-16-be")),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(tmp_path: Path, name: str, data: bytes) -> None:
    result = load_bytes(tmp_path, data)
    doc = loaded(result)
    assert result.problems == ()
    assert doc.original == BODY  # no BOM left in the original
    assert doc.text == BODY
    assert doc.path == str(tmp_path / "doc.txt")
    assert_spans_round_trip(doc)


def test_windows_1258_is_decoded_and_normalised(tmp_path: Path) -> None:
    data = cp1258(BODY)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = loaded(load_bytes(tmp_path, data))
    assert doc.text == BODY
    assert doc.original != BODY  # tones stay combining marks in the original
    assert unicodedata.normalize("NFC", doc.original) == BODY
    start = doc.text.index("56.000")
    span = doc.span(start, start + len("56.000 tỷ đồng"))
    assert (span.line, span.column) == (2, doc.original.split("\n")[1].index("56.000") + 1)
    assert_spans_round_trip(doc)


def test_windows_1258_with_crlf(tmp_path: Path) -> None:
    doc = loaded(load_bytes(tmp_path, cp1258(BODY.replace("\n", "\r\n"))))
    assert doc.text == BODY
    assert "\r\n" in doc.original
    assert_spans_round_trip(doc)


def test_crlf_stays_in_original_and_becomes_lf_in_text(tmp_path: Path) -> None:
    crlf = BODY.replace("\n", "\r\n")
    doc = loaded(load_bytes(tmp_path, crlf.encode()))
    assert doc.original == crlf
    assert doc.text == BODY
    second = doc.text.index(SENTENCE)
    span = doc.span(second, second + len("Tổng thu"))
    assert (span.line, span.column, span.end_line, span.end_column) == (2, 1, 2, 9)
    across = doc.span(second - 4, second + 4)  # "24.\nTổng" across the line end
    assert across.quote == "24.\r\nTổng"
    assert (across.line, across.end_line) == (1, 2)
    assert_spans_round_trip(doc)


def test_nfd_input_is_normalised_in_text_only(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", BODY)
    doc = loaded(load_bytes(tmp_path, nfd.encode()))
    assert doc.original == nfd
    assert doc.text == BODY
    assert len(doc.breaks) > 10
    assert_spans_round_trip(doc)


def test_the_round_trip_helper_notices_a_shifted_map(tmp_path: Path) -> None:
    doc = loaded(load_bytes(tmp_path, BODY.encode()))
    shifted = doc.model_copy(update={"breaks": ((0, 0), (20, 21))})
    with pytest.raises(AssertionError):
        assert_spans_round_trip(shifted)


def test_text_and_bytes_from_memory_load_like_files(tmp_path: Path) -> None:
    from_file = loaded(load_bytes(tmp_path, BODY.encode()))
    from_bytes = loaded(load_text(BODY.encode(), from_file.path, ".txt"))
    from_str = loaded(load_text("\ufeff" + BODY, from_file.path, ".txt"))
    assert from_file == from_bytes == from_str


@pytest.mark.parametrize(
    ("data", "name", "phrase"),
    [
        (cp1258(SENTENCE), "doc.txt", "Tổ"),
        (unicodedata.normalize("NFD", SENTENCE).encode(), "doc.txt", "Tổ"),
        (b"<p>Ng&acirc;n s&#225;ch</p>", "doc.html", "Ngâ"),
    ],
    ids=["cp1258", "nfd", "html-entity"],
)
def test_span_ending_on_a_composed_character(
    tmp_path: Path, data: bytes, name: str, phrase: str
) -> None:
    doc = loaded(load_bytes(tmp_path, data, name))
    quote = doc.span(0, len(phrase)).quote
    assert _read_quote(quote, name.endswith(".html")) == phrase


# --- files that cannot be read ------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty: expected Vietnamese text"),
        (b"  \r\n\t\n \n", "file holds only whitespace: expected Vietnamese text"),
        (codecs.BOM_UTF8, "file is empty: expected Vietnamese text"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
            + bytes(40),
            "file looks binary: 49 NUL bytes in the first 66 bytes; expected text",
        ),
        (
            b"GIF89a" + bytes(range(1, 9)) * 8,
            "file looks binary: 64 control characters in the first 70 characters; expected text",
        ),
    ],
    ids=["empty", "whitespace", "bom-only", "png", "control-characters"],
)
def test_unreadable_content_gives_no_document(tmp_path: Path, data: bytes, message: str) -> None:
    result = load_bytes(tmp_path, data)
    assert result.document is None
    assert [p.message for p in result.problems] == [message]
    assert result.path == str(tmp_path / "doc.txt")


def test_undecodable_bytes_give_no_document(tmp_path: Path) -> None:
    garbage = b"Ng\xe0y 14/12\n" + bytes(range(0x80, 0x100)) * 3
    result = load_bytes(tmp_path, garbage)
    assert result.document is None
    (problem,) = result.problems
    assert problem.message.startswith("cannot decode file: invalid UTF-8 byte 0xe0 at line 1")
    assert "expected UTF-8 text" in problem.message
    assert (problem.line, problem.column) == (1, 3)


def test_bad_utf16_after_a_bom_is_reported(tmp_path: Path) -> None:
    result = load_bytes(tmp_path, codecs.BOM_UTF16_LE + "Tổng".encode("utf-16-le") + b"\x00\xdc")
    assert result.document is None
    assert "expected utf-16-le text, as the byte order mark announces" in result.problems[0].message


def test_a_directory_with_a_supported_suffix_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "odd.txt"
    folder.mkdir()
    result = load_document(folder, display_path="odd.txt")
    assert result.path == "odd.txt"
    assert result.document is None
    assert result.problems[0].message == "not a regular file: found a folder; expected a document"


def test_unsupported_suffix_given_explicitly(tmp_path: Path) -> None:
    odt = tmp_path / "bao-cao.odt"
    odt.write_bytes(b"PK\x03\x04")
    assert collect_paths([odt]) == [odt]
    result = load_document(odt)
    assert result.document is None
    # The registered document formats, by name (docx, html, md, pdf, txt).
    assert result.problems[0].message == (
        "unsupported format '.odt': expected one of .docx, .html, .htm, .md, .markdown, .pdf, .txt"
    )


# --- front matter -------------------------------------------------------------------------

FRONT_MATTER = """---
title: "Quảng Ninh triển khai nhiệm vụ năm 2024"
{date_line}
province: Quảng Ninh
district: Thị xã Quảng Yên
issuer: UBND tỉnh
plan_year: 2024
2023: a numeric key
---
"""


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("date: 2023-12-14", dt.date(2023, 12, 14)),
        ("date: '2023-12-14'", dt.date(2023, 12, 14)),
        ("date: 14/12/2023", dt.date(2023, 12, 14)),
        ("date: 2023-12", dt.date(2023, 12, 1)),
        ("date: 2023-12-14 21:00:00", dt.date(2023, 12, 14)),
        ('published: "2017-02-06/07 (event 6/2/2017)"', dt.date(2017, 2, 6)),
        ('published: "2017-06/07 (crawled 2017-07)"', dt.date(2017, 6, 1)),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".markdown"])
def test_front_matter_fills_meta(
    tmp_path: Path, suffix: str, date_line: str, expected: dt.date
) -> None:
    original = FRONT_MATTER.format(date_line=date_line) + BODY
    result = load_bytes(tmp_path, original.encode(), "doc" + suffix)
    doc = loaded(result)
    assert result.problems == ()
    assert doc.text == BODY
    assert doc.meta.title == "Quảng Ninh triển khai nhiệm vụ năm 2024"
    assert (doc.meta.date, doc.meta.date_source) == (expected, Provenance.FRONT_MATTER)
    assert (doc.meta.province, doc.meta.province_source) == ("Quảng Ninh", Provenance.FRONT_MATTER)
    assert doc.meta.district == "Thị xã Quảng Yên"
    assert doc.meta.issuer == "UBND tỉnh"
    assert (doc.meta.plan_year, doc.meta.plan_year_source) == (2024, Provenance.FRONT_MATTER)
    assert doc.front_matter["2023"] == "a numeric key"
    assert doc.span(0, 4).line == 10  # the body starts after the closing ---
    assert_spans_round_trip(doc)


def test_front_matter_with_crlf(tmp_path: Path) -> None:
    original = (FRONT_MATTER.format(date_line="date: 2023-12-14") + BODY).replace("\n", "\r\n")
    doc = loaded(load_bytes(tmp_path, original.encode()))
    assert doc.text == BODY
    assert doc.meta.date == dt.date(2023, 12, 14)
    assert_spans_round_trip(doc)


@pytest.mark.parametrize(
    ("front", "message", "line"),
    [
        (
            "---\ntitle: ok\ndate: Hạ Long: 14/12\n---\n",
            "front matter: YAML error at line 3: mapping values are not allowed here; "
            "expected 'key: value' lines",
            3,
        ),
        (
            "---\n- một\n- hai\n---\n",
            "front matter: expected a mapping of 'key: value' lines, found a list",
            2,
        ),
        (
            "---\nthông cáo báo chí\n---\n",
            "front matter: expected a mapping of 'key: value' lines, found 'thông cáo báo chí'",
            2,
        ),
    ],
)
def test_malformed_front_matter_keeps_the_body(
    tmp_path: Path, front: str, message: str, line: int
) -> None:
    result = load_bytes(tmp_path, (front + BODY).encode())
    doc = loaded(result)
    assert doc.text == BODY
    assert doc.front_matter == {}
    assert [(p.message, p.line) for p in result.problems] == [(message, line)]
    assert_spans_round_trip(doc)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "date: hôm qua",
            "front matter key 'date': expected a date like 2023-12-14, found 'hôm qua'",
        ),
        (
            "date: 2023-02-30",
            "front matter key 'date': expected a date like 2023-12-14, found '2023-02-30'",
        ),
        (
            "plan_year: năm sau",
            "front matter key 'plan_year': expected a year like 2024, found 'năm sau'",
        ),
        ("province: [a, b]", "front matter key 'province': expected a name, found ['a', 'b']"),
    ],
)
def test_bad_front_matter_values_are_reported_at_their_line(
    tmp_path: Path, line: str, message: str
) -> None:
    result = load_bytes(tmp_path, f"---\ntitle: Tin\n{line}\n---\n{BODY}".encode())
    doc = loaded(result)
    assert doc.meta.title == "Tin"
    assert doc.text == BODY
    assert [(p.message, p.line) for p in result.problems] == [(message, 3)]


def test_unclosed_front_matter_loads_the_whole_file(tmp_path: Path) -> None:
    original = "---\ntitle: Tin\n" + BODY
    result = load_bytes(tmp_path, original.encode())
    doc = loaded(result)
    assert doc.text == original
    assert "no closing '---' line" in result.problems[0].message
    assert_spans_round_trip(doc)


def test_front_matter_without_body(tmp_path: Path) -> None:
    result = load_bytes(tmp_path, b"---\ntitle: Tin\n---\n\n")
    doc = loaded(result)
    assert doc.meta.title == "Tin"
    assert [p.message for p in result.problems] == ["no body text: expected Vietnamese text"]


def test_a_rule_later_in_the_file_is_not_front_matter(tmp_path: Path) -> None:
    original = BODY + "---\ntitle: x\n---\n"
    doc = loaded(load_bytes(tmp_path, original.encode()))
    assert doc.text == original
    assert doc.front_matter == {}


# --- HTML ---------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>Quảng Ninh triển khai nhiệm vụ &amp; dự toán 2024</title>
  <meta property="article:published_time" content="2023-12-14T21:00:00+07:00">
  <style>p { color: red; }</style>
  <script>var x = "<p>không phải văn bản</p>";</script>
</head>
<body>
  <header><a href="/">Báo Quảng Ninh</a></header>
  <nav><ul><li>Thời sự</li><li>Kinh tế</li></ul></nav>
  <div class="teaser">Tin khác: giá vàng hôm nay</div>
  <article>
    <h1>Triển khai nhiệm vụ năm 2024</h1>
    <p>Ngày 14/12, tỉnh Qu&#7843;ng Ninh tổ chức hội nghị.&nbsp;Tổng thu
       ngân sách nhà nước đạt <b>56.000</b> tỷ đồng &amp; hơn.</p>
    <script>alert(1)</script>
    <p>Biểu thức &lt;script&gt; được giữ nguyên.<br>Dòng mới.</p>
    <aside>Quảng cáo</aside>
    <ul><li>Mục một</li><li>Mục hai</li></ul>
  </article>
  <footer>Bản quyền</footer>
</body>
</html>
"""


def test_html_keeps_the_article_text_only(tmp_path: Path) -> None:
    result = load_bytes(tmp_path, PAGE.encode(), "page.html")
    doc = loaded(result)
    assert result.problems == ()
    assert doc.text == (
        "Triển khai nhiệm vụ năm 2024\n"
        "Ngày 14/12, tỉnh Quảng Ninh tổ chức hội nghị. Tổng thu\n"
        "       ngân sách nhà nước đạt 56.000 tỷ đồng & hơn.\n"
        "Biểu thức <script> được giữ nguyên.\n"
        "Dòng mới.\n"
        "Mục một\n"
        "Mục hai\n"
    )
    for furniture in ("alert", "color", "Thời sự", "Báo Quảng Ninh", "Quảng cáo", "Bản quyền"):
        assert furniture not in doc.text
    assert doc.meta.title == "Quảng Ninh triển khai nhiệm vụ & dự toán 2024"
    assert (doc.meta.date, doc.meta.date_source) == (dt.date(2023, 12, 14), Provenance.HEADER)
    assert_spans_round_trip(doc, is_html=True)


def test_html_spans_point_at_the_markup_source(tmp_path: Path) -> None:
    doc = loaded(load_bytes(tmp_path, PAGE.replace("\n", "\r\n").encode(), "page.htm"))
    start = doc.text.index("Quảng Ninh tổ")
    span = doc.span(start, start + len("Quảng Ninh"))
    assert span.quote == "Qu&#7843;ng Ninh"
    line = PAGE.split("\n")[span.line - 1]
    assert line[span.column - 1 :].startswith("Qu&#7843;ng Ninh")
    start = doc.text.index("56.000")
    assert doc.span(start, start + 6).quote == "56.000"
    assert_spans_round_trip(doc, is_html=True)


def test_html_without_article_uses_the_body(tmp_path: Path) -> None:
    page = (
        "<html><head><title></title><meta name='pubdate' content='14/12/2023'></head>\n"
        "<body>\n\n  <h1>Tổng kết &#x6E;ăm</h1>\n  <div>Thu ngân sách đạt 56.000 tỷ đồng.</div>"
        "<script>document.write('x')</script>\n</body></html>"
    )
    doc = loaded(load_bytes(tmp_path, page.encode(), "page.html"))
    assert doc.text == "Tổng kết năm\nThu ngân sách đạt 56.000 tỷ đồng.\n"
    assert doc.meta.title == "Tổng kết năm"  # the first <h1>, since <title> is empty
    assert doc.meta.date == dt.date(2023, 12, 14)
    assert_spans_round_trip(doc, is_html=True)


def test_html_fragment_and_bad_meta_date(tmp_path: Path) -> None:
    page = '<meta name="pubdate" content="hôm qua">\n<p>Thu &amp; chi ngân sách</p>'
    result = load_bytes(tmp_path, page.encode(), "page.html")
    doc = loaded(result)
    assert doc.text == "Thu & chi ngân sách\n"
    (problem,) = result.problems
    assert problem.message == (
        "<meta> publication date: expected a date like 2023-12-14, found 'hôm qua'"
    )
    assert (problem.line, problem.column) == (1, 1)


def test_html_without_text_is_reported(tmp_path: Path) -> None:
    result = load_bytes(tmp_path, b"<html><body><script>alert(1)</script></body></html>", "a.html")
    assert loaded(result).text == ""
    assert [p.message for p in result.problems] == ["no body text: expected Vietnamese text"]


# --- collecting paths ---------------------------------------------------------------------


def test_collect_paths_walks_folders_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a.md",
        "sub/c.HTML",
        "sub/deeper/d.htm",
        "sub/notes.pdf",
        ".hidden.txt",
        ".git/e.txt",
        "__pycache__/f.txt",
        "sub/.cache/g.txt",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Tổng thu", encoding="utf-8")
    explicit = tmp_path / "sub" / "notes.pdf"
    found = collect_paths([tmp_path, explicit, tmp_path / "b.txt"])
    expected = ["a.md", "b.txt", "sub/c.HTML", "sub/deeper/d.htm", "sub/notes.pdf"]
    assert found == [tmp_path / name for name in expected]
    assert found == sorted(found, key=str)


def test_collect_paths_rejects_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"khong-co\.txt"):
        collect_paths([tmp_path / "khong-co.txt"])


# --- the project's own documents ----------------------------------------------------------


def test_seed_documents_load_and_map_back() -> None:
    paths = collect_paths([REPO / "seeds"])
    assert len(paths) == 5
    for path in paths:
        result = load_document(path, display_path=str(path.relative_to(REPO)))
        doc = loaded(result)
        assert result.problems == ()
        assert doc.path.startswith("seeds/")
        assert_spans_round_trip(doc)


@pytest.mark.skipif(
    not REAL_CORPUS.is_dir(), reason=f"real corpus not found at {REAL_CORPUS} (shared checkout)"
)
def test_real_corpus_loads_with_front_matter() -> None:
    paths = collect_paths([REAL_CORPUS])
    articles = [path for path in paths if path.suffix == ".txt"]
    assert len(articles) >= 30
    for path in paths:
        result = load_document(path)
        doc = loaded(result)
        markup = markdown_markup(doc.original) if path.suffix == ".md" else frozenset()
        assert_spans_round_trip(doc, width=20, markup=markup)
        if path.suffix != ".txt":
            continue  # the corpus README
        assert result.problems == (), path
        published = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", str(doc.front_matter["published"]))
        assert published, path
        year, month, day = (int(part or 1) for part in published.groups())
        assert doc.meta.date == dt.date(year, month, day), path
        assert doc.meta.date_source == Provenance.FRONT_MATTER
        assert doc.meta.province == doc.front_matter["province"], path
        assert doc.meta.plan_year == doc.front_matter["plan_year"], path
        assert not doc.text.startswith("---")
