"""Days given to a thing named in words, read and compared for EV03.

- acts: "ngày 9.2 Phó Chủ tịch UBND TP Hà Nội Ngô Văn Quý đã ký quyết định
  phê duyệt tờ trình tuyển sinh ...", "Ngày 10/2, UBND thành phố Hà Nội chấp
  thuận tờ trình ... về công tác tuyển sinh", "Cùng ngày, Phó Thủ tướng
  Thường trực ... đã có văn bản yêu cầu ...": the day a body signed, issued,
  approved, passed or wrote something, with the words after the verb that
  name it;
- their conflicts, and those of last days (`dated.ends`): one thing named in
  shared pairs of words given two days close together in two reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from checks import dated, opening_days
from checks.body_names import _tables
from linter import nlp
from linter.claims import stops


@dataclass(frozen=True)
class Act:
    """The day something was signed, issued, approved or passed, with the words after
    the verb that name it: "ngày 10/2, ubnd thành phố hà nội chấp thuận tờ trình ..."."""

    start: int
    end: int
    day: tuple[int, int]  # (day, month)
    year: int | None
    what: tuple[str, ...]  # the words after the verb, within the sentence
    pairs: frozenset[tuple[str, str]]  # `dated.word_pairs(what)`, read once: compared often
    bodies: frozenset[tuple[str, tuple[str, ...]]] = frozenset()  # `_bodies` of who acts

    @property
    def label(self) -> str:
        return f"{self.day[0]}/{self.day[1]}"


# A day the text writes as one ("ngày 9.2", "sáng 15/6": the word keeps "9.2 tỷ" out),
# the words of who acts (no other number, no sentence end), and the verb: a signature,
# an issue, an approval, a council's vote, a letter. "đăng ký" (register) and "ký túc
# xá" (a dormitory) are no signature; a day before "cho biết, thông tin ..." dates
# what was said ("Ngày 5/7, UBND TP Vinh cho biết ... đã có quyết định"), not the act.
# "Cùng ngày" (the same day) is the day the last sentence opened with
# (`opening_days.sentence_day`). The day is a part of a day or "ngày" and a day
# (`opening_days.DAY_OPENED`), or "cùng ngày", which marks `same`, an empty group; both
# open on flat alternatives of words, so re searches for them (an opening lookbehind was
# tried at every character). Who acts may hold a full stop that ends no sentence ("UBND
# TP. Hà Nội", "UBND TP.HCM"): `who` is read again by `linter.claims.stops`, which knows
# the abbreviations.
_ACT = re.compile(
    rf"(?:{opening_days.DAY_OPENED.pattern}|{nlp.alone('cùng ngày')}(?P<same>)(?!\s*\d))"
    r"(?P<who>(?:(?!cho biết|thông tin|thông báo|khẳng định|trao đổi)[^;:!?\n\d]){0,80}?)"
    r"(?<!\w)(?<!đăng )(?:ký|ban hành|phê duyệt|phê chuẩn|chấp thuận|thông qua|công bố"
    r"|có văn bản|có công văn|có ý kiến|ra quyết định)(?!\w)(?! túc)"
)
# Where an act may begin: the first word of `DAY_OPENED` (`opening_days.DAY_OPENERS`)
# or "cùng ngày". Searched from these (`nlp.finditer_at`: the leftmost match, as
# `search` finds) rather than from their first letters, the acts were found in half
# the time on /tmp/s8/sub's texts.
_ACT_STARTS = re.compile("|".join((*opening_days.DAY_OPENERS, "cùng ngày")))
ACT_WORDS = 25  # how far after the verb the words naming what was acted on are read
_REACH = 300  # characters read after the verb for them, at most


@lru_cache(maxsize=4096)
def acts(original: str, text: str) -> tuple[Act, ...]:
    """Every dated signature, issue, approval or vote in `original` (a document's text,
    not lowercased: capitals tell where a sentence opens; `text` is it lowercased),
    with the words after its verb in its sentence."""
    found = []
    for m in _acts_in(original, text):
        if m["same"] is not None:
            opened = opening_days.sentence_day(original, text, m.start())
            if opened is None:
                continue
            day, month = int(opened["d"]), int(opened["m"])
        else:
            day, month = int(m["d"]), int(m["m"])
        if dated.date_of(dated.NO_YEAR, month, day) is None:
            continue
        sentence = _sentence_after(original, text, m.end())
        words = tuple(re.findall(r"[^\W\d_]+", sentence)[:ACT_WORDS])
        year = int(m["y"]) if m["y"] else None
        pairs, bodies = dated.word_pairs(words), _bodies(original[m.start("who") : m.end("who")])
        found.append(Act(m.start(), m.end(), (day, month), year, words, pairs, bodies))
    return tuple(found)


def _acts_in(original: str, text: str) -> Iterator[re.Match[str]]:
    """`_ACT`'s matches whose day and verb are in one sentence. A match that runs over a
    sentence's end is dropped and the search goes on from its next character: a day of
    the next sentence ("Ngày 13/3, đoàn ... tại TP. Hạ Long. Ngày 15/3, UBND ... ký")
    is inside it, and would be skipped after its end."""
    at = 0
    while (m := nlp.search_at(_ACT, _ACT_STARTS, text, at)) is not None:
        if stops.sentence_end(original, m.start("who"), m.end("who")) < m.end("who"):
            at = m.start() + 1
            continue
        yield m
        at = m.end()


# Who acts, when it names a body of a kind (`kinds` of linter/data/bodies.yaml: "Trường
# ĐH", "Sở", "Công ty"), tells two acts named alike apart: each university announces its
# own "phương án tuyển sinh", each department signs its own contract. A body is read as
# its kind and the words after it, as many as tell names of one kind apart ("ĐH Văn hóa",
# "ĐH Công nghiệp"). Two words tell no council apart ("Ủy ban nhân dân" of any province
# reads "nhân dân" after "ủy ban"; "UBND" is no kind), nor a person from a body: those
# acts are compared by what they name alone, as before.
NAME_WORDS = 2
_TOKEN = re.compile(r"\w+")


def _bodies(who: str) -> frozenset[tuple[str, tuple[str, ...]]]:
    """(kind, the words after it) of every body `who` names: ("đại học", ("văn", "hóa"))
    of "Trường ĐH Văn hóa TP.HCM"; the longest kind at each word."""
    found_in = _tables()  # the kinds `body_names` reads, from bodies.yaml
    kinds, longest, words = found_in.kinds, found_in.longest, _TOKEN.findall(nlp.fold(who))
    found, i = set(), 0
    while i < len(words):
        size = next((n for n in range(longest, 0, -1) if tuple(words[i : i + n]) in kinds), 0)
        if size and len(name := tuple(words[i + size : i + size + NAME_WORDS])) == NAME_WORDS:
            found.add((kinds[tuple(words[i : i + size])], name))
        i += size or 1
    return frozenset(found)


def _bodies_apart(a: Act, b: Act) -> bool:
    """Whether who acts names a body of one kind in both, under names that differ."""
    for kind in {k for k, _ in a.bodies} & {k for k, _ in b.bodies}:
        if not {n for k, n in a.bodies if k == kind} & {n for k, n in b.bodies if k == kind}:
            return True
    return False


def _sentence_after(original: str, text: str, at: int) -> str:
    """The lowercased rest of the sentence from `at`: up to a stop that ends it (read in
    `original`, whose capitals tell: "TP. Hà Nội" and "1.250 tỷ" go on,
    `linter.claims.stops`), the line's end, or a ";" that closes one item of a list of
    acts ("ngày 14/3, HĐND thông qua ...; ngày 15/3, UBND phê duyệt ...")."""
    limit = min(len(text), at + _REACH)
    for mark in ("\n", ";"):
        cut = original.find(mark, at, limit)
        limit = cut if cut >= 0 else limit
    return text[at : stops.sentence_end(original, at, limit)]


END_DAYS = 31  # two last days further apart are two deadlines, not one slipped
# An approval and the decision that issues it, or a vote and its promulgation, are
# days or weeks apart: only days this close are one act dated two ways (or one day
# number in months next to each other, a mistyped month: `dated.month_slip`).
ACT_DAYS = 3

Dated = TypeVar("Dated", dated.End, Act)


def day_conflicts(
    left: list[Dated], right: list[Dated], days: int
) -> Iterator[tuple[Dated, Dated]]:
    """One thing named alike given two days (last days, days of an act) no more than
    `days` apart, neither day given to it on the other side."""
    for ea in left:
        for eb in right:
            if ea.day == eb.day or not _one_thing(ea, eb) or not _near(ea, eb, days):
                continue
            if any(e.day == ea.day and _one_thing(e, ea) for e in right):
                continue
            if any(e.day == eb.day and _one_thing(e, eb) for e in left):
                continue
            yield ea, eb


def _one_thing(a: dated.End | Act, b: dated.End | Act) -> bool:
    if isinstance(a, Act) and isinstance(b, Act) and _bodies_apart(a, b):
        return False
    return dated.named_alike(a.pairs, b.pairs)


def _near(a: dated.End | Act, b: dated.End | Act, days: int) -> bool:
    if a.year and b.year and a.year != b.year:
        return False
    apart = dated.days_apart(a.day, b.day, a.year or b.year or dated.NO_YEAR)
    return (apart is not None and apart <= days) or dated.month_slip(a.day, b.day)
