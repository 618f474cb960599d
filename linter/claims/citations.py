"""Legal citations: `Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023 của HĐND tỉnh`.

Reads the type, number, year, symbol, date and issuer of every citation, in
both symbol styles (`12/2023/NQ-HĐND`, `176/NQ-HĐND`, `20-NQ/TU`), and short
forms (`Nghị quyết 20 của Tỉnh ủy`), which `resolve_short_forms` completes from
a fuller citation of the same document. Issuers are canonical keys so that
"Tỉnh ủy" and "BCH Đảng bộ tỉnh" are one body. Tables live in `citations.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from linter.data import alternation, load, words_are_words
from linter.nlp import DIGIT, fold

# What a citation is about is said just before it, within a short clause.
SUBJECT_WINDOW = 60

_STOP = frozenset(
    [
        "của",
        "và",
        "về",
        "các",
        "việc",
        "tại",
        "theo",
        "số",
        "ngày",
        "năm",
        "trên",
        "với",
        "cho",
        "trong",
        "đã",
        "được",
        "là",
        "có",
        "thực",
        "hiện",
    ]
)


@dataclass(frozen=True)
class Tables:
    """citations.yaml's names folded, as the reader of citations looks them up."""

    doc_types: dict[str, str]  # folded name -> canonical name
    needs_marker: frozenset[str]  # canonical types that are also common nouns
    issuers: dict[str, str]  # folded name -> the issuer's label ("HĐND tỉnh")
    symbol_issuers: dict[str, str]  # folded symbol suffix -> the issuer's label
    levels: dict[str, str]  # label -> national | province | city | district
    keys: dict[str, str]  # label -> its key in citations.yaml (for stable fingerprints)


class Issuer(BaseModel):
    """One issuing body: how texts name it, how messages name it, and its level."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    level: Literal["national", "province", "city", "district"]
    names: tuple[str, ...]


class _CitationsFile(BaseModel):
    """linter/data/citations.yaml; every name it refers to must be defined in it. A
    type may have no other name ("Luật": []); the file always has types and issuers
    (an empty alternation of types made a citation of every number)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_types: dict[str, tuple[str, ...]] = Field(min_length=1)
    needs_marker: tuple[str, ...]
    issuers: dict[str, Issuer] = Field(min_length=1)
    symbol_issuers: dict[str, str]

    @model_validator(mode="after")
    def _names_are_defined(self) -> _CitationsFile:
        unknown = {
            "needs_marker": set(self.needs_marker) - set(self.doc_types),
            "symbol_issuers": set(self.symbol_issuers.values()) - set(self.issuers),
        }
        for field, names in unknown.items():
            if names:
                raise ValueError(f"{field}: {sorted(names)} not defined in this file")
        labels = [issuer.label for issuer in self.issuers.values()]
        twice = sorted({label for label in labels if labels.count(label) > 1})
        if twice:  # a citation's issuer is its label: two bodies may not share one
            raise ValueError(f"issuers: the label {twice[0]!r} is given to two issuers")
        # An empty name would make a citation of any number (the parse is kept in a
        # cache, `linter.data.KEPT_FILES`: the model says all that `tables` relies on).
        words_are_words(
            {
                "doc_types": [n for name, more in self.doc_types.items() for n in (name, *more)],
                **{f"issuers.{key}": issuer.names for key, issuer in self.issuers.items()},
                "symbol_issuers": self.symbol_issuers,
            }
        )
        return self


@lru_cache(maxsize=1)
def tables() -> Tables:
    raw = load("citations.yaml", _CitationsFile)
    doc_types = {
        fold(alias): name for name, aliases in raw.doc_types.items() for alias in [name, *aliases]
    }
    label = {key: issuer.label for key, issuer in raw.issuers.items()}
    issuers = {fold(name): issuer.label for issuer in raw.issuers.values() for name in issuer.names}
    return Tables(
        doc_types=doc_types,
        needs_marker=frozenset(raw.needs_marker),
        issuers=issuers,
        symbol_issuers={fold(k): label[v] for k, v in raw.symbol_issuers.items()},
        levels={issuer.label: issuer.level for issuer in raw.issuers.values()},
        keys={issuer.label: key for key, issuer in raw.issuers.items()},
    )


def _alternation(words: dict[str, str]) -> str:
    """The names of `words`, longest first, a space in a name any run of spaces."""
    return alternation(
        sorted(words, key=len, reverse=True), write=lambda w: re.escape(w).replace(r"\ ", r"\s+")
    )


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    t = tables()
    return re.compile(
        rf"(?<!\w)(?P<type>{_alternation(t.doc_types)})\s+(?P<so>số\s+)?"
        r"(?P<num>\d{1,5})(?:(?P<sym>(?:/(?P<y>(?:19|20)\d{2}))?(?:/|-)[a-zđ][a-zđ0-9]*(?:[-/][a-zđ0-9]+)*)"
        r"|(?!\s*(?:năm|tháng|%|chỉ tiêu|[.,]\d)))(?!\w)"
        r"(?:\s*,?\s*ngày\s+(?P<d>\d{1,2})(?:\s*(?P<s>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<dy>(?:19|20)\d{2})"
        # or in words: "ngày 12 tháng 7 năm 2024"
        r"|\s+tháng\s+(?P<wm>\d{1,2})\s+năm\s+(?P<wy>(?:19|20)\d{2})))?"
        rf"(?:\s*,?\s*(?:của|do)\s+(?P<issuer>{_alternation(t.issuers)})(?!\w))?"
    )


@dataclass(frozen=True)
class RawCitation:
    """A cited document as read in a folded sentence."""

    start: int
    end: int
    doc_type: str
    number: str
    year: int | None
    symbol: str | None
    date: dt.date | None
    issuer: str | None
    subject: str | None


def find_citations(folded: str, original: str) -> list[RawCitation]:
    """Citations in a folded sentence; `original` is the same sentence unfolded."""
    t = tables()
    found: list[RawCitation] = []
    if not DIGIT.search(folded):  # every citation holds its number; most sentences none
        return found
    for m in _pattern().finditer(folded):
        doc_type = t.doc_types[re.sub(r"\s+", " ", m.group("type"))]
        has_marker = m.group("so") or m.group("sym") or m.group("d") or m.group("issuer")
        if doc_type in t.needs_marker and not has_marker:
            continue  # "kế hoạch 5 ..." is not a citation; "Kế hoạch 3838 của UBND tỉnh" is
        date = None
        if m.group("d"):
            year, month = m.group("dy") or m.group("wy"), m.group("m") or m.group("wm")
            try:
                date = dt.date(int(year), int(month), int(m.group("d")))
            except ValueError:
                date = None
        symbol = original[m.start("sym") : m.end("sym")].lstrip("/-") if m.group("sym") else None
        if symbol and m.group("y"):
            symbol = symbol[len(m.group("y")) + 1 :]
        issuer = t.issuers[re.sub(r"\s+", " ", m.group("issuer"))] if m.group("issuer") else None
        if issuer is None and m.group("sym"):
            issuer = _issuer_from_symbol(fold(symbol or ""))
        year = int(m.group("y")) if m.group("y") else (date.year if date else None)
        subject = _subject(folded, m.start(), m.end())
        found.append(
            RawCitation(
                m.start(),
                m.end(),
                doc_type,
                str(int(m.group("num"))),
                year,
                symbol,
                date,
                issuer,
                subject,
            )
        )
    return found


def _issuer_from_symbol(symbol: str) -> str | None:
    for suffix, label in tables().symbol_issuers.items():
        if symbol.endswith(suffix):
            return label
    return None


def _subject(folded: str, start: int, end: int) -> str | None:
    """Content words around a citation: a few before it and its "về ..." clause."""
    before = re.split(r"[;:.]", folded[max(0, start - SUBJECT_WINDOW) : start])[-1].split()[-6:]
    after_text = folded[end : end + 120]
    after: list[str] = []
    if re.match(r"\s*,?\s*về\s", after_text):
        after = re.split(r"[;:.,“”\"]", after_text.strip(" ,")[3:])[0].split()[:10]
    words = [w for w in before + after if w not in _STOP and w.isalpha()]
    return " ".join(words) or None


def resolve_short_forms(citations: list[RawCitation]) -> list[tuple[RawCitation, bool]]:
    """Complete `Nghị quyết 20 của Tỉnh ủy` from `Nghị quyết số 20-NQ/TU ngày 27/11/2023`.

    A short form takes the fields it lacks from the one fuller citation with the
    same type and number (and a compatible issuer); if several differ, it stays
    as it is rather than guess.
    """
    full = [c for c in citations if c.date or c.symbol]
    result: list[tuple[RawCitation, bool]] = []
    for c in citations:
        if c.date or c.symbol:
            result.append((c, False))
            continue
        matches = {
            (f.year, f.symbol, f.date, f.issuer)
            for f in full
            if f.doc_type == c.doc_type and f.number == c.number and c.issuer in (None, f.issuer)
        }
        if len(matches) != 1:
            result.append((c, False))
            continue
        year, symbol, date, issuer = matches.pop()
        result.append(
            (replace(c, year=year, symbol=symbol, date=date, issuer=c.issuer or issuer), True)
        )
    return result
