"""A new user's trial, encodings: a UTF-8 file with a damaged byte, and legacy-font or
code-page text, is still checked, and its damage is reported where it is.

Each test runs the real command line on the seeds that contradict each other
(NU01, VB01, TG01) and asserts its exact report (`test_trial_reading.FINDINGS`).
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from test_loading import cp1258
from test_trial_reading import FINDINGS, LATER, check, seed_pair

from linter.read.legacy import _legacy


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return seed_pair(tmp_path, monkeypatch)


def damaged(line: int, column: int) -> str:
    """The DC02 line of one stray 0xff byte at `line`:`column` of the later seed."""
    return (
        f"corpus/001.txt:{line}:{column}: DC02 [warning] byte 0xff không hợp lệ trong UTF-8"
        f" ở dòng {line} (tổng cộng 1 chỗ hỏng), đọc thành '\ufffd'; cần văn bản UTF-8\n"
    )


# The three contradictions and the damage: four findings.
SUMMARY = "Đã đọc 2 văn bản, 0 không đọc được; 4 phát hiện (4 cảnh báo).\n"


def damaged_on_line_6() -> str:
    """The report of the seeds with a stray byte starting line 6: its DC02 among the
    findings in the order of lines, before TG01 (line 8)."""
    tg01 = FINDINGS.index("corpus/001.txt:8:286: TG01")
    return FINDINGS[:tg01] + damaged(6, 1) + FINDINGS[tg01:] + SUMMARY


# --- damaged UTF-8 ---------------------------------------------------------------------


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["utf-8", "utf-8-bom"])
def test_a_utf8_file_with_a_damaged_byte_is_checked_and_the_damage_named(
    corpus: Path, capsys: pytest.CaptureFixture[str], bom: bytes
) -> None:
    """A stray byte in line 6 of a UTF-8 announcement (a cut transfer, a bad paste) was
    read as a TCVN3 file that does not convert, and the whole document was lost
    (DC01), with it the three contradictions it holds."""
    data = LATER.read_bytes()
    at = data.index("Phát biểu chỉ đạo".encode())
    (corpus / "001.txt").write_bytes(bom + data[:at] + b"\xff" + data[at:])
    status, out = check(capsys)
    assert status == 1
    assert out == damaged_on_line_6()


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["utf-8", "utf-8-bom"])
def test_damage_on_the_first_line_is_placed_at_its_character(
    corpus: Path, capsys: pytest.CaptureFixture[str], bom: bytes
) -> None:
    """The column counts the characters of the line, as an editor shows them: the byte
    order mark is none (it was counted, and the damage shown one character late)."""
    data = LATER.read_bytes()
    at = data.index("tỉnh Quảng Ninh".encode())
    assert data[:at].decode() == "Ngày 14/12, "
    (corpus / "001.txt").write_bytes(bom + data[:at] + b"\xff" + data[at:])
    status, out = check(capsys)
    assert status == 1
    assert out == damaged(1, 13) + FINDINGS + SUMMARY


def test_a_windows_1258_file_is_not_taken_for_damaged_utf8(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The other side of the rule: a legacy code page's Vietnamese makes almost no valid
    UTF-8 sequence, and is still decoded as that code page, without a DC02."""
    (corpus / "001.txt").write_bytes(cp1258(LATER.read_text(encoding="utf-8")))
    status, out = check(capsys)
    assert status == 1
    # Columns count the characters of the file, where a tone is a character of its own.
    heads = [line.split(" [")[0] for line in out.splitlines() if not line.startswith(" ")]
    assert heads == [
        "corpus/001.txt:2:602: NU01",
        "corpus/001.txt:4:505: VB01",
        "corpus/001.txt:8:322: TG01",
        "Đã đọc 2 văn bản, 0 không đọc được; 3 phát hiện (3 cảnh báo).",
    ]


def legacy_font(text: str, font: str) -> str:
    """`text` as typed in a pre-Unicode font (TCVN3 or VNI), its bytes read as Latin-1:
    the inverse of the tables `linter.read.legacy` converts with. TCVN3 has no capital
    toned vowels ("Ủy" comes back "ủy"), as the .VnTimeH font drew them."""
    (charmap,) = [c for c in _legacy()[1] if c.name == font]
    typed = {}
    for sequence, letter in sorted(charmap.pairs.items(), key=lambda p: len(p[0])):
        typed.setdefault(letter, sequence)
    return "".join(typed.get(ch, typed.get(ch.lower(), ch)) for ch in text)


@pytest.mark.parametrize("font", ["TCVN3", "VNI"])
def test_a_legacy_font_file_with_a_damaged_byte_is_converted_and_the_damage_named(
    corpus: Path, capsys: pytest.CaptureFixture[str], font: str
) -> None:
    """Legacy-font text that some tool already turned into UTF-8 ("Tæng thu"), with one
    stray byte: read as damaged UTF-8 and never converted, it was checked as garbled
    text (no figure compared, only the damage named). It is converted as the same file
    without the stray byte is, and the damage still named."""
    data = legacy_font(LATER.read_text(encoding="utf-8"), font).encode()
    at = data.index(legacy_font("Phát biểu chỉ đạo", font).encode())
    (corpus / "001.txt").write_bytes(data[:at] + b"\xff" + data[at:])
    status, out = check(capsys)
    assert status == 1
    assert out == damaged_on_line_6()
