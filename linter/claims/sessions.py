"""Council sessions, party conferences and congresses: "Kỳ họp thứ 18, HĐND tỉnh khóa XVI".

Reads, around the anchors "kỳ họp", "hội nghị" and "đại hội", the meeting's
number (Arabic, Roman or in words: "thứ 18", "lần thứ XVII", "thứ mười tám"),
whether it is an extraordinary or themed session ("bất thường", "chuyên đề"),
its body (HĐND, Quốc hội, the Party committee of a place, the Central
Committee), the place from the sentence or from the document's metadata
(`linter.claims.session_places`), the khóa and the "nhiệm kỳ 2016-2021" span, and the
date when the sentence gives one (`linter.claims.session_dates`). A meeting
whose body is not named ("tại kỳ họp thứ 4") is left out: it may be the
National Assembly's or a council's.

A congress elects the committee of its own number: "Đại hội Đảng bộ tỉnh lần
thứ XVII" opens the term of the "Ban Chấp hành Đảng bộ tỉnh khóa XVII", so its
number is read as that committee's khóa as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter import nlp
from linter.claims.sentence import Sentence
from linter.claims.session_dates import SessionDate, date_of
from linter.claims.session_places import Place, place_after
from linter.data.sessions import to_int
from linter.models import SessionRef

_WORD_NUM = r"(?:nhất|một|mốt|hai|ba|tư|bốn|năm|lăm|sáu|bảy|tám|chín|mười|mươi)"
_NUM = rf"(?:\d{{1,2}}|[ivxl]{{1,6}}|{_WORD_NUM}(?:\s+{_WORD_NUM}){{0,2}})(?!\w)"
_ORDINAL = re.compile(rf"\s*[,-]?\s*(?:lần\s+thứ|thứ|lần)\s+(?P<n>{_NUM})")
_BARE = re.compile(r"\s+(?P<n>\d{1,2}|[ivx]{1,5})(?!\w)")
_SPECIAL = re.compile(r"\s*\(?\s*(?:kỳ họp\s+|kì họp\s+)?(?P<s>bất thường|chuyên đề)\s*\)?")
_OF = re.compile(r"\s*[,:–-]?\s*(?:của\s+)?")
_KHOA = re.compile(
    r"\s*[,–-]?\s*\(?\s*(?:khóa|khoá)\s+(?P<k>[ivxl]{1,6}|\d{1,2})(?!\w)"
    r"(?!\s*(?:,|và)\s*(?:khóa\s+)?[ivxl]{1,6}(?!\w))\s*\)?"  # "khóa XI, XII": two terms
)
_TERM = re.compile(
    r"\s*[,–-]?\s*\(?\s*nhiệm kỳ\s+(?P<a>(?:19|20)\d\d)\s*[-–]\s*(?P<b>(?:19|20)\d\d)\s*\)?"
)
# The body that holds each kind of meeting, right after its anchor (after the number
# when the number comes first); `unit` names the level when the body's name implies it.
_BODIES = {
    "session": re.compile(r"(?P<b>hđnd|hdnd|hội đồng nhân dân|quốc hội)(?!\w)"),
    "conference": re.compile(
        r"(?:(?:ban chấp hành|bch)\s+)?(?:(?P<tw>trung ương|tw)(?:\s+đảng)?"
        r"|(?:đảng bộ|đb)(?!\w)|(?P<unit>tỉnh|thành|huyện|quận|thị)\s+ủy)(?!\w)"
    ),
    "congress": re.compile(
        r"(?:đại biểu\s+)?(?:(?P<tw>(?:đảng\s+)?toàn quốc)|đảng bộ(?!\w)"
        r"|(?P<unit>tỉnh|thành|huyện|quận|thị)\s+ủy(?!\w))"
    ),
}
# `nlp.alone`: opening on the words, not on a lookbehind, re tries it only where
# one of their first letters stands (half the time of every character).
_ANCHOR = re.compile(rf"(?P<a>{nlp.alone('kỳ họp', 'kì họp', 'hội nghị', 'đại hội')})(?!\w)")
_KIND = {"kỳ họp": "session", "kì họp": "session", "hội nghị": "conference", "đại hội": "congress"}
# "HĐND tỉnh khóa XVI, kỳ họp thứ 18": the body before the anchor.
_BODY_NAME = re.compile(r"(?<!\w)(?:hđnd|hdnd|hội đồng nhân dân|quốc hội)(?!\w)")
_BODY_TAIL = re.compile(
    r"(?P<rest>[^.;:(),]{0,40}?)(?:\s*[,–-]?\s*(?:khóa|khoá)\s+(?P<k>[ivxl]{1,6}|\d{1,2}))?"
    r"\s*[,–-]?\s*"
)
_COORDINATED = re.compile(r"\s*(?:và|đến|tới|hoặc|,)\s+(?:kỳ họp|(?:lần\s+)?thứ)\s")
_AND_ORDINAL = re.compile(r"\s*(?:và|,)\s+(?P<o>(?:lần\s+)?thứ\s)")


@dataclass
class _Reading:
    """A session's mention as read, before it becomes a claim."""

    kind: str
    start: int
    end: int
    number: int | None = None
    special: bool = False
    term: int | None = None
    years: tuple[int, int] | None = None
    body: str | None = None
    place: Place | None = None


def find_sessions(sentence: Sentence) -> list[SessionRef]:
    """The meetings a sentence names. A date without its year takes the document's
    year, and only that: a guessed year would date a meeting in the wrong term."""
    found = []
    for m in _ANCHOR.finditer(sentence.folded):
        kind = _KIND[m.group("a")]
        r = _read(sentence, _Reading(kind=kind, start=m.start(), end=m.end()), m.end())
        found.extend(_with_coordinated(sentence, r) if r else [])
    readings = _share_bodies(found)
    dated = _single(readings)
    meta = sentence.doc.meta
    year = meta.date.year if meta.date else None
    refs = []
    for r in readings:
        when: SessionDate | None = date_of(sentence, (r.start, r.end), year) if dated else None
        place = r.place or Place(level=None, name=None)
        refs.append(
            SessionRef(
                span=sentence.span(r.start, r.end),
                sentence=sentence.bounds,
                meeting=r.kind,  # type: ignore[arg-type]
                body=r.body or "",
                level=place.level,
                place=place.name,
                number=r.number,
                special=r.special,
                term=r.term,
                term_years=r.years,
                start=when.start if when else None,
                end=when.end if when else None,
                dated_by=when.source if when else None,
            )
        )
    return refs


def _share_bodies(readings: list[_Reading]) -> list[_Reading]:
    """A meeting named without its body takes the body of the next one it is
    coordinated with; one that has none is dropped."""
    for i, r in enumerate(readings):
        later = next((n for n in readings[i + 1 :] if n.body), None)
        if r.body is None and later is not None:
            r.body, r.place, r.term, r.years = later.body, later.place, later.term, later.years
    return [r for r in readings if r.body]


def _single(readings: list[_Reading]) -> bool:
    """A sentence's date is a meeting's only when it names one meeting (possibly twice)."""
    return len({(r.kind, r.body, r.number) for r in readings}) == 1


def _with_coordinated(sentence: Sentence, r: _Reading) -> list[_Reading]:
    """A meeting without its body and the one coordinated with it that names no
    anchor of its own: "Kỳ họp thứ 2 và thứ 3 của Quốc hội"."""
    m = _AND_ORDINAL.match(sentence.folded, r.end) if r.body is None else None
    second = _Reading(kind=r.kind, start=m.start("o"), end=m.start("o")) if m else None
    read = _read(sentence, second, second.start) if second else None
    return [r, read] if read and read.body else [r]


def _read(sentence: Sentence, r: _Reading, at: int) -> _Reading | None:
    """The meeting whose anchor (or, for a coordinated one, ordinal) is at `r.start`."""
    f = sentence.folded
    pos = _number_at(f, at, r)
    pos = _special_at(f, pos, r)
    body_at = _OF.match(f, pos)
    found = _BODIES[r.kind].match(f, body_at.end()) if body_at else None
    if found:
        tw = found.groupdict().get("tw")
        r.body = _body_key(r.kind, found.group("b") if r.kind == "session" else None, tw)
        if r.body in ("hdnd", "dang_bo"):
            r.place, pos = place_after(sentence, found.end(), found.groupdict().get("unit"))
        else:
            r.place, pos = Place(level="national", name=None), found.end()
        pos = _number_at(f, pos, r)
        pos = _tail(f, pos, r)
    elif r.kind == "session" and not _before(sentence, r.start, r):
        # "từ Kỳ họp thứ 2 đến Kỳ họp thứ 3 của Quốc hội": the next one's body, later
        r.end = pos
        return r if r.number and _COORDINATED.match(f, pos) else None
    elif r.kind == "session":
        pos = _tail(f, pos, r)
    elif r.kind == "congress" and r.number and re.match(r"\s*của\s+đảng(?!\s+bộ)", f[pos:]):
        r.body, r.place = "trung_uong", Place(level="national", name=None)
        pos = f.index("đảng", pos) + len("đảng")
    else:
        return None
    if r.kind == "congress":
        r.term = r.term or r.number  # the congress elects the committee of its number
    r.end = max(r.end, pos)
    while r.end > r.start and sentence.folded[r.end - 1].isspace():
        r.end -= 1  # the spaces a separator pattern took after the last word
    return r if r.number is not None or r.term is not None or r.years else None


def _body_key(kind: str, named: str | None, tw: str | None) -> str:
    if kind == "session":
        return "quoc_hoi" if named == "quốc hội" else "hdnd"
    return "trung_uong" if tw else "dang_bo"


def _before(sentence: Sentence, at: int, r: _Reading) -> bool:
    """The body written before the anchor: "HĐND tỉnh khóa XVI, kỳ họp thứ 18"."""
    window = sentence.folded[max(0, at - 80) : at]
    names = list(_BODY_NAME.finditer(window))  # the nearest body: "của HĐND tỉnh khóa XVIII,"
    m = _BODY_TAIL.fullmatch(window, names[-1].end()) if names else None
    if not m or r.number is None:
        return False
    base = at - len(window)
    r.start = base + names[-1].start()
    r.body = "quoc_hoi" if names[-1].group() == "quốc hội" else "hdnd"
    if r.body == "quoc_hoi":  # "Quốc hội khóa XIV, kỳ họp thứ 3", never "Quốc hội tại kỳ họp"
        if m.group("rest").strip():
            return False
        r.place = Place(level="national", name=None)
    else:  # what stands between the body and its khóa must all be the place
        r.place, end = place_after(sentence, base + names[-1].end(), None)
        if end < base + m.end("rest") - 1:
            return False
    if m.group("k"):
        r.term = to_int(m.group("k"))
    return True


def _number_at(f: str, pos: int, r: _Reading) -> int:
    """The ordinal at `pos`; of words, the longest that reads ("thứ tư năm 2017": 4)."""
    if r.number is not None:
        return pos
    m = _ORDINAL.match(f, pos)
    if not m and (r.body == "trung_uong" or (r.kind == "congress" and not r.body)):
        # "Hội nghị Trung ương 5"; "Đại hội XVI Đảng bộ thành phố", "Đại hội XII của Đảng"
        m = _BARE.match(f, pos)
    if not m:
        return pos
    words = list(re.finditer(r"\S+", m.group("n")))
    for k in range(len(words), 0, -1):
        if (n := to_int(" ".join(w.group() for w in words[:k]))) is not None:
            r.number = n
            return m.start("n") + words[k - 1].end()
    return pos


def _special_at(f: str, pos: int, r: _Reading) -> int:
    m = _SPECIAL.match(f, pos)
    if m:
        r.special = True
        return m.end()
    return pos


def _tail(f: str, pos: int, r: _Reading) -> int:
    """khóa and "nhiệm kỳ", in either order, and a number or "bất thường" after them."""
    for _ in range(3):
        if (m := _KHOA.match(f, pos)) and r.term is None:
            r.term, pos = to_int(m.group("k")), m.end()
        elif (m := _TERM.match(f, pos)) and r.years is None:
            r.years, pos = (int(m.group("a")), int(m.group("b"))), m.end()
        elif (end := _number_at(f, pos, r)) != pos or (end := _special_at(f, pos, r)) != pos:
            pos = end
        else:
            break
    return pos
