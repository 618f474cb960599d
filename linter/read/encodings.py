"""Turn a file's bytes into text, or say why they are not text.

Announcements arrive in whatever their authors' tools wrote: UTF-8 with or
without a byte order mark, UTF-16 from Word, Windows-1258 from old Vietnamese
setups, the odd other code page. `decode_text` tries them from the surest sign to
the weakest; what fits none of them raises `NotText`, whose message says what
was expected and what was found, for the loader to report.

Text typed in the pre-Unicode Vietnamese fonts (TCVN3 and VNI) is converted by
`linter.read.legacy`. A UTF-8 file with a few damaged bytes is read with U+FFFD
in their place, and the damage is reported (`Decoded.damage`), not the file lost.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from linter import diagnostics
from linter.read.legacy import NotText, from_legacy

SAMPLE = 4096  # bytes (or characters) inspected to tell text from binary
# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Letters only Vietnamese uses (after NFC): tell a Windows-1258 file from other code pages.
_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")


@dataclass(frozen=True)
class Decoded:
    """A file's text, and what was wrong with its bytes when the text could still be
    read: a UTF-8 file with a few damaged bytes, each now U+FFFD."""

    text: str
    damage: NotText | None = None


def decode_text(data: bytes) -> Decoded:
    """The text of `data` (BOM, BOM-less UTF-16, UTF-8, TCVN3 or VNI, Windows-1258, then
    any code page), saying where a UTF-8 file's damaged bytes were replaced."""
    decoded = _decode(data)
    # Damaged UTF-8 too: legacy-font text some tool turned into UTF-8 ("Tæng thu") can
    # have a stray byte like any other, and was checked garbled for it.
    return Decoded(from_legacy(decoded.text) or decoded.text, decoded.damage)


def _decode(data: bytes) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec))
            except UnicodeDecodeError as exc:
                at = exc.start + len(bom)
                if codec == "utf-8" and (damaged := _damaged_utf8(data, at, len(bom))):
                    return damaged
                raise NotText(diagnostics.reason("bom-invalid", codec=codec, byte=at)) from exc
    sample = data[:SAMPLE]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        try:
            return Decoded(data.decode(utf16))
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: judge it like any other file
    nuls = sample.count(0)
    if nuls:
        raise NotText(diagnostics.reason("nul-bytes", count=nuls, length=len(sample)))
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if damaged := _damaged_utf8(data, utf8_error.start):  # before the legacy fonts: see below
        return damaged
    if legacy := from_legacy(data.decode("latin-1")):  # the bytes of a .VnTime or VNI font
        return Decoded(legacy)
    try:
        # Windows-1258 stores tones as combining marks; charset-normalizer rarely names it.
        legacy = data.decode("cp1258")
        if _VIETNAMESE.search(unicodedata.normalize("NFC", legacy)):
            return Decoded(legacy)
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # here: a file that is not UTF-8 is rare, its import 7 ms

    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return Decoded(str(best))
    bad = utf8_error.start
    line, column = _line_column(data, bad)
    reason = diagnostics.reason("invalid-utf8", byte=f"{data[bad]:02x}", row=line)
    raise NotText(reason, line=line, column=column)


# A UTF-8 file with damaged bytes (a transfer cut a letter in two, an editor pasted a
# stray byte) still decodes its Vietnamese letters: dozens of valid multi-byte
# sequences for each damaged one. Another encoding's high bytes almost never make
# valid UTF-8 (a lead byte must be followed by exactly its continuation bytes), so
# its Vietnamese file has next to none. Read as Latin-1, the UTF-8 file looks like a
# legacy font ("Tá»\x95ng"), and was dropped whole as TCVN3 for one bad byte.
_MIN_LETTERS = 20  # valid multi-byte characters
_LETTERS_PER_DAMAGE = 20


def _damaged_utf8(data: bytes, bad: int, start: int = 0) -> Decoded | None:
    """`data` from `start` as UTF-8 with its few invalid bytes replaced by U+FFFD, and
    the first of them, `bad` (the decoding error's), reported; None when it is not
    mostly valid UTF-8."""
    text = data[start:].decode("utf-8", "replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())  # those written as such
    letters = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    if letters < _MIN_LETTERS or letters < damaged * _LETTERS_PER_DAMAGE:
        return None
    line, column = _line_column(data[start:], bad - start)  # a BOM is no character of a line
    reason = diagnostics.reason("utf8-damaged", byte=f"{data[bad]:02x}", row=line, count=damaged)
    return Decoded(text, NotText(reason, line=line, column=column))


def _line_column(data: bytes, at: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte `at` of UTF-8-ish `data`."""
    line = data.count(b"\n", 0, at) + 1
    column = len(data[data.rfind(b"\n", 0, at) + 1 : at].decode("utf-8", "replace")) + 1
    return line, column


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 of mostly Latin text puts a NUL in every other byte, on one side only."""
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if pairs and odd * 10 >= pairs * 3 and even * 50 <= pairs:
        return "utf-16-le"
    if pairs and even * 10 >= pairs * 3 and odd * 50 <= pairs:
        return "utf-16-be"
    return None


# The control characters control_count counts: C0 but for whitespace, and DEL.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def control_count(sample: str) -> int:
    """Control characters in `sample` if there are many of them (a binary file), else 0.

    Decoding alone cannot tell: many binary files decode as some code page.
    """
    count = len(_CONTROLS.findall(sample))  # a loop per character was a tenth of loading
    return count if count >= 8 and count * 20 > len(sample) else 0
