"""Turn a file's bytes into text, or say why they are not text.

Announcements arrive in whatever their authors' tools wrote: UTF-8 with or
without a byte order mark, UTF-16 from Word, Windows-1258 from old Vietnamese
setups, the odd other code page. `decode` tries them from the surest sign to
the weakest; what fits none of them raises `NotText`, whose message says what
was expected and what was found, for the loader to report.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

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


class NotText(ValueError):
    """Bytes that are binary or in no encoding that fits, at `line` and `column` if known."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message  # says what was expected and what was found
        self.line = line
        self.column = column


def decode(data: bytes) -> str:
    """The text of `data`: BOM, BOM-less UTF-16, UTF-8, Windows-1258, then any code page."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise NotText(
                    f"cannot decode file: invalid {codec} at byte {exc.start + len(bom)}; "
                    f"expected {codec} text, as the byte order mark announces"
                ) from exc
    sample = data[:SAMPLE]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: judge it like any other file
    nuls = sample.count(0)
    if nuls:
        raise NotText(
            f"file looks binary: {nuls} NUL bytes in the first {len(sample)} bytes; expected text"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        # Windows-1258 stores tones as combining marks; charset-normalizer rarely names it.
        legacy = data.decode("cp1258")
        if _VIETNAMESE.search(unicodedata.normalize("NFC", legacy)):
            return legacy
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best)
    bad = utf8_error.start
    line = data.count(b"\n", 0, bad) + 1
    column = len(data[data.rfind(b"\n", 0, bad) + 1 : bad].decode("utf-8", "replace")) + 1
    raise NotText(
        f"cannot decode file: invalid UTF-8 byte 0x{data[bad]:02x} at line {line}, "
        "and no legacy encoding such as Windows-1258 fits; expected UTF-8 text",
        line=line,
        column=column,
    )


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 of mostly Latin text puts a NUL in every other byte, on one side only."""
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if pairs and odd * 10 >= pairs * 3 and even * 50 <= pairs:
        return "utf-16-le"
    if pairs and even * 10 >= pairs * 3 and odd * 50 <= pairs:
        return "utf-16-be"
    return None


def control_count(sample: str) -> int:
    """Control characters in `sample` if there are many of them (a binary file), else 0.

    Decoding alone cannot tell: many binary files decode as some code page.
    """
    count = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f")
    return count if count >= 8 and count * 20 > len(sample) else 0
