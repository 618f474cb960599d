"""A law cited with a year in which no law of that name was passed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from linter import nlp
from linter.checking import Check, DocumentClaims, Group, evidence
from linter.checking.events import linked_pairs, touching
from linter.data import Words, alternation, load, words_are_words
from linter.models import Document, Finding, Severity

_LAW_NAME = re.compile(r"(?:bộ\s+)?luật\s+\w")  # what every name of laws.yaml opens with


class _Law(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    names: Words
    years: tuple[int, ...] = Field(min_length=1)  # none: every citation of it wrong

    @model_validator(mode="after")
    def _names_are_words(self) -> _Law:
        """An empty name would be found before every year of a text, and so would an
        empty list of laws or of a law's names (the parse is kept in a cache,
        `linter.data.KEPT_FILES`: the model says all that `_laws` relies on). A name
        that does not open with "luật" or "bộ luật" is a name split by YAML at its
        comma ("tôn giáo" of an unquoted "luật tín ngưỡng, tôn giáo"): "tôn giáo 2010"
        would read as a law cited in 2010."""
        words_are_words({"names": self.names})
        if bad := [name for name in self.names if not _LAW_NAME.match(name)]:
            raise ValueError(f"names: {bad!r} open with neither 'luật' nor 'bộ luật'")
        return self


_Laws = Annotated[list[_Law], Field(min_length=1)]  # laws.yaml


@lru_cache(maxsize=1)
def _laws() -> tuple[tuple[str, _Law], ...]:
    """(folded name, law) for every name of linter/data/laws.yaml, longest first."""
    laws = load("laws.yaml", _Laws)
    named = ((nlp.fold(name), law) for law in laws for name in law.names)
    return tuple(sorted(named, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = alternation(name for name, _ in _laws())
    return re.compile(rf"(?<!\w)(?P<name>{names})\s+(?P<nam>năm\s+)?(?P<year>(?:19|20)\d\d)(?!\d)")


# Where a citation may begin: the first word of a law's name. The pattern opens on a
# lookbehind, which re tries at every character of a text; searched from these words
# only (`nlp.finditer_at`), the same citations were found in a fifth of the time.
# Every name has a first word: `_Law` refuses an empty or blank one.
@lru_cache(maxsize=1)
def _starts() -> re.Pattern[str]:
    return re.compile(alternation(sorted({name.split()[0] for name, _ in _laws()})))


# A year after these words is the amending or draft law's, not the named one's.
_NOT_THE_LAW = re.compile(r"(?<!\w)(?:sửa đổi|bổ sung|dự thảo|dự án)(?!\w)")


@dataclass(frozen=True)
class _Cited:
    """A law cited by name and year, with the years a law of that name was passed."""

    start: int
    end: int
    name: str  # the first name of the law in laws.yaml, folded
    year: int
    bare: bool  # "Luật Đấu giá tài sản 2016": no "năm" before the year
    passed: tuple[int, ...]


class LawYear(Check):
    """A law is cited with a year in which no law of that name was passed.

    A law is named by the year the National Assembly passed it: the
    auction law is "Luật Đấu giá tài sản 2016" (01/2016/QH14), in force from
    1/7/2017. "Luật Đấu giá năm 2017" names a law that does not exist; the
    year is most often the one the law took effect. Laws and the years a law
    of their name, or one amending it, was passed are in
    `linter/data/laws.yaml`; a law missing there is never reported, nor a year
    after "sửa đổi, bổ sung, dự thảo, dự án" in its sentence (the amending or
    draft law's). A year written bare after the name is a warning; after
    "năm" it is info, since "thực hiện Luật Đất đai năm 2014" may mean "in
    2014". When a report of the same event cites the law with a right year,
    it is shown too: of several, the earliest dated, then by text, never by
    file name, so a draft checked as "../d.md" shows the whole run's.

    Why it matters: a reader looks the law up by its year; the wrong year
    sends them to no law or to the repealed one.

    Known problems: the list holds the laws news cite most, not all laws;
    a law named by a shortened name ("Luật Đấu giá") is matched to the law
    whose name it begins. Measured on news2017's tuning half (778 articles):
    the two reports that cite "Luật Đấu giá năm 2017" (T12), every other law
    cited with a year there is cited with a right one (Luật Đất đai 2003,
    2013; Bộ luật Dân sự 2005, 2015; Luật Xây dựng 2014; Luật HTX 2012 ...).
    One right citation is shown, not every report's; an undated report's
    only when no dated report has one, though it may be the earliest; two
    copies of one text are told apart by their paths alone.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-07-10
        province: Hà Nội
        ---
        Luật Đấu giá tài sản 2017 có hiệu lực đã tạo một hành lang pháp lý cho hoạt động đấu giá cổ vật.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-07-10
        province: Hà Nội
        ---
        Luật Đấu giá tài sản 2016 có hiệu lực từ ngày 1/7/2017 đã tạo một hành lang pháp lý cho hoạt động đấu giá cổ vật.
    """

    code = "VB03"
    name = "citation.law-year"
    severity = Severity.WARNING

    def run(self, group: Group) -> Iterator[Finding]:
        items = {item.document.path: item for item in group.items}
        cited: dict[str, tuple[_Cited, ...]] = {}  # each report's laws, read when asked

        def of(path: str) -> tuple[_Cited, ...]:
            if path not in cited:
                cited[path] = _cited(items[path])
            return cited[path]

        asked: Iterable[str] = items
        pairs = None  # a draft's run links first; a batch run only for a wrong citation
        if group.focus is not None:
            pairs = _linked_pairs(group)
            # A focused run (a draft's) reports only findings that involve the draft:
            # the draft's own citations, and those of a report linked to it that the
            # draft cites rightly. Only these reports' laws are read for wrong citations
            # (reading all was most of this check's time in a one-off run); another's,
            # only as the right citation of a linked report's wrong one.
            near = set(group.focus)
            for a, b, _ in touching(pairs, group.focus):
                near.update((a.path, b.path))
            asked = [path for path in items if path in near]
        wrong = [(items[path], c) for path in asked for c in of(path) if c.year not in c.passed]
        if not wrong:
            return
        linked: dict[str, set[str]] = {}
        for a, b, _ in pairs if pairs is not None else _linked_pairs(group):
            linked.setdefault(a.path, set()).add(b.path)
            linked.setdefault(b.path, set()).add(a.path)
        for item, c in wrong:
            right = [
                (items[path], other)
                for path in linked.get(item.document.path, ())
                for other in of(path)
                if other.name == c.name and other.year in c.passed
            ]
            shown = [min(right, key=_shown_first)] if right else []
            yield self._finding(item, c, shown, group)

    def _finding(
        self,
        item: DocumentClaims,
        c: _Cited,
        right: list[tuple[DocumentClaims, _Cited]],
        group: Group,
    ) -> Finding:
        passed = ", ".join(str(y) for y in c.passed)
        quote = item.document.text[c.start : c.end]
        if group.lang == "en":
            message = f"'{quote}': no law of this name was passed in {c.year} (passed: {passed})."
            label = "another report"
        else:
            message = f"«{quote}»: không có luật nào tên này được thông qua năm {c.year} (các năm: {passed})."
            label = "bản tin khác"
        notes = [evidence(item, item.document.span(c.start, c.end))]
        notes += [evidence(o, o.document.span(r.start, r.end), label) for o, r in right]
        severity = Severity.WARNING if c.bare else Severity.INFO
        key = f"{self.code}|{c.name}|{c.year}"
        return self.finding(message, notes, group, severity, item.document.meta.district, key=key)


def _shown_first(cited: tuple[DocumentClaims, _Cited]) -> tuple[object, ...]:
    """Which right citation a wrong one is shown with: the earliest dated report's
    (undated ones last), then by the report's text and the place in it, so that
    the same reports under other file names, or a draft among them, show the same
    one. The path only parts two copies of one text."""
    document, at = cited[0].document, cited[1].start
    date = document.meta.date
    return (date is None, date or dt.date.min, document.text, at, document.path)


def _linked_pairs(group: Group) -> list[tuple[Document, Document, object]]:
    return linked_pairs((item.document for item in group.items), focus=group.focus)


def _cited(item: DocumentClaims) -> tuple[_Cited, ...]:
    return _cited_in(item.document.text)


# A server checks draft after draft against the same published texts: their laws are
# read once (bounded: a batch run of a bigger archive only reads each text once anyway).
@lru_cache(maxsize=4096)
def _cited_in(text: str) -> tuple[_Cited, ...]:
    if "luật" not in text.lower():
        return ()
    folded = nlp.fold(text)
    laws = dict(_laws())
    found = []
    for m in nlp.finditer_at(_pattern(), _starts(), folded):
        law = laws[m["name"]]
        sentence_start = max(folded.rfind(".", 0, m.start()), folded.rfind("\n", 0, m.start()))
        if _NOT_THE_LAW.search(folded, sentence_start + 1, m.start()):
            continue
        first = nlp.fold(law.names[0])
        found.append(_Cited(m.start(), m.end(), first, int(m["year"]), not m["nam"], law.years))
    return tuple(found)
