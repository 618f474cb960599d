"""Where a sentence ends and starts in raw text, for readers that look around a cue.

The parser cuts a document into sentences once (`linter.claims.sentence`); a
reader that finds its cue in the whole text ("3 khâu đột phá:", "như sau:") needs
only the bounds of the sentence around that cue, and every such reader must agree
on them. A ".", "!" or "?" followed by a space (or the end of what is read) ends
a sentence, except:

- a "." after an abbreviation written before a name: "TP. Hồ Chí Minh", "Tp. Hồ
  Chí Minh", "PGS. TS. Lê Văn A", "Q. 1" (a list "Trường A 1; Trường Y TP. HCM 2;
  Trường C 3" goes on after "TP.");
- a stop before a word in lower case: a sentence opens with a capital, a digit or
  a quote, so "Nguyễn Văn H. cho biết" goes on.

Both bounds are looked for only between `at` and a `limit` the caller sets (the
line, or a reach of characters in a file that is one huge line).
"""

from __future__ import annotations

import re

# A full stop after these is no sentence's end: "TP. Hồ Chí Minh", "PGS. TS. Lê Văn A".
# Measured on news2017's tuning half and real/: "TP." before a capital 322 times,
# "Tp." 18, "TS." 10; a single capital ("H.") is a name cut short.
ABBREVIATION = re.compile(r"(?<!\w)(?:TP|Tp|TX|TT|Q|P|H|Th[Ss]|TS|PGS|GS|BS)$")
_STOP = re.compile(r"[.!?](?:\s+|$)")
# A stop that opens a sentence before `at`: a word of it must come before `at`.
_OPENS = re.compile(r"[.!?]\s+(?=\S)")


def sentence_end(text: str, at: int, limit: int) -> int:
    """Where the first stop after `at` that ends a sentence is, else `limit`."""
    for m in _STOP.finditer(text, at, limit):
        if _ends(text, m.start()):
            return m.start()
    return limit


def sentence_start(text: str, at: int, limit: int) -> int:
    """Where the sentence that the text right before `at` belongs to starts: after
    the last stop between `limit` and `at` that ends a sentence, else `limit`. At
    the first word of a sentence that is the sentence before: a cue that opens one
    ("Cụ thể như sau: ...") goes on from it."""
    start = limit
    for m in _OPENS.finditer(text, limit, at):
        if _ends(text, m.start()):
            start = m.end()
    return start


def _ends(text: str, stop: int) -> bool:
    """Whether the stop at `stop` ends its sentence (see the module's docstring)."""
    if text[stop] == "." and ABBREVIATION.search(text, max(0, stop - 5), stop):
        return False
    after = text[stop + 1 : stop + 4].lstrip()
    return not after or not after[0].islower()
