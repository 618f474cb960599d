"""Councils, party committees and their terms, from `linter/data/sessions.yaml`.

Which term a date falls in, which years a term is named by ("nhiệm kỳ
2016-2021") and, for the bodies whose numerals are the same everywhere (the
National Assembly, the Party's Central Committee), which khóa it is. Shared by
the session reader (`linter.claims.sessions`) and check SE01. The ordinals that
number meetings and terms are read here too, from the file's number words.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, model_validator

from linter.data import load


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Change(_Frozen):
    """The days in which one term gives way to the next (elections, congresses)."""

    start: dt.date
    end: dt.date


class Body(_Frozen):
    label: dict[str, str]
    max_days: int
    changes: tuple[Change, ...]
    numerals: tuple[int, ...] = ()  # khóa of each term, where the same nationwide
    renumbered: dt.date | None = None  # terms ending after it do not count on from before

    def counted_on(self, term: int) -> bool:
        """Whether the term's khóa follows from the earlier terms' (one more each)."""
        return self.renumbered is None or self.changes[term + 1].start < self.renumbered

    @model_validator(mode="after")
    def _ordered(self) -> Body:
        days = [d for c in self.changes for d in (c.start, c.end)]
        if days != sorted(days):
            raise ValueError("changes must be in order and must not overlap")
        if self.numerals and len(self.numerals) != len(self.changes) - 1:
            raise ValueError("one numeral per term: one fewer than the changes")
        if not {"vi", "en"} <= set(self.label):
            raise ValueError("label needs 'vi' and 'en'")
        return self

    def term_of(self, day: dt.date) -> int | None:
        """The index of the term `day` falls in; None inside a change or outside all."""
        for i, (a, b) in enumerate(zip(self.changes, self.changes[1:], strict=False)):
            if a.end < day < b.start:
                return i
        return None

    def term_named(self, first: int, last: int) -> int | None:
        """The index of the term named "nhiệm kỳ first-last", None when there is none."""
        for i, (a, b) in enumerate(zip(self.changes, self.changes[1:], strict=False)):
            if (a.start.year, b.start.year) == (first, last):
                return i
        return None

    def years(self, term: int) -> tuple[int, int]:
        return self.changes[term].start.year, self.changes[term + 1].start.year

    def spans(self) -> list[tuple[int, int]]:
        return [self.years(i) for i in range(len(self.changes) - 1)]


class SessionsFile(_Frozen):
    bodies: dict[str, Body]
    ordinal_words: dict[str, int]
    today_words: tuple[str, ...]
    undated_before: tuple[str, ...]
    undated_sentence: tuple[str, ...]

    @model_validator(mode="after")
    def _known_bodies(self) -> SessionsFile:
        missing = {"hdnd", "quoc_hoi", "dang_bo", "trung_uong"} - set(self.bodies)
        if missing:
            raise ValueError(f"bodies: the reader needs {', '.join(sorted(missing))}")
        return self


@lru_cache(maxsize=1)
def tables() -> SessionsFile:
    return load("sessions.yaml", SessionsFile)


def body(key: str) -> Body:
    return tables().bodies[key]


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}
MAX_NUMBER = 60  # no council, committee or congress has met this many times in one series


def to_int(token: str) -> int | None:
    """An ordinal as written: "18", "XVIII", "mười tám", "hai mươi mốt"; None if unreadable."""
    token = token.strip()
    if token.isdigit():
        value = int(token)
    elif re.fullmatch(r"[ivxl]+", token):
        value = _roman(token)
    else:
        value = _spelled(token.split())
    return value if value and 0 < value <= MAX_NUMBER else None


def _roman(token: str) -> int:
    values = [_ROMAN[c] for c in token]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _spelled(words: list[str]) -> int | None:
    """Tens and units in words: "mười" is ten, "mươi" multiplies the word before it,
    "lăm" and "mốt" are five and one only after a ten ("mười lăm", "hai mươi mốt")."""
    table = tables().ordinal_words
    if not words or any(w not in table for w in words):
        return None
    if len(words) == 1:
        return None if words[0] in ("mươi", "lăm", "mốt") else table[words[0]]
    if words[0] == "mười":
        tens, rest = 10, words[1:]
    elif words[1] == "mươi" and 2 <= table[words[0]] <= 9:
        tens, rest = table[words[0]] * 10, words[2:]
    else:
        return None
    if not rest:
        return tens
    unit = rest[0]
    if len(rest) > 1 or unit in ("mười", "mươi", "nhất") or (unit == "mốt" and tens < 20):
        return None
    return tens + table[unit]
