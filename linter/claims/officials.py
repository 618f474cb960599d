"""Officials named with their office: "đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh".

An office is a title (Chủ tịch, Bí thư, Giám đốc; "Phó" makes it a deputy's),
a body (UBND, Tỉnh ủy, Sở Tài chính, Chính phủ) and the unit the body belongs
to (tỉnh An Giang, huyện Gia Lâm; unnamed when the text says only "tỉnh").
Titles are found in the folded text; the name is then read from the text as
written, because only capitals tell a name from the words around it: 2-4
capitalised syllables beginning with a family name, right after the office
("Phó Chủ tịch UBND tỉnh Trần Văn B") or right before it with a comma, a dash
or a bracket ("ông Lê Văn C - Giám đốc Sở Tài chính"). Titles joined by a
comma or "kiêm" are one person's ("Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn
Thị D" holds both), unless a title repeats, which is a list of people. The
words are in `linter/data/offices.yaml` (read by `linter.data.offices`); each
office and what follows it is read by `linter.claims.office_mentions`, names
and the place before them by `linter.claims.names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from linter.claims.names import name_before
from linter.claims.office_mentions import Office, offices_in
from linter.claims.sentence import Sentence
from linter.models import OfficialRef


@dataclass(frozen=True)
class RawOfficial:
    """An office and its holder as read in a sentence."""

    start: int  # offsets in the sentence: the office, and the name when it is read
    end: int
    name: str
    role: str
    deputy: bool
    body: str
    unit: str | None  # the unit word's label: "tỉnh", "huyện", "thành phố"
    level: str | None  # national, province, city, district, ward
    place: str | None
    status: Literal["current", "former", "acting"]
    single: bool


def find_officials(folded: str, text: str) -> list[RawOfficial]:
    """The officials a sentence names with an office, in text order."""
    offices = offices_in(folded, text)
    found: list[RawOfficial] = []
    chain: list[Office] = []
    for office in offices:
        if chain and chain[-1].name:  # a name read after one office is not the next one's
            office.floor = chain[-1].name[1]
        gap = folded[chain[-1].end : office.start] if chain else ""
        repeats = any(  # "Giám đốc Sở A, Giám đốc Sở B", "Phó Chủ tịch UBND, Chủ tịch UBND"
            o.role == office.role and (o.deputy == office.deputy or o.body == office.body)
            for o in chain
        )
        if chain and (chain[-1].name or repeats or not _joins(gap)):
            found.extend(_name_chain(chain, text))
            chain = []
        chain.append(office)
    if chain:
        found.extend(_name_chain(chain, text))
    return found


_JOINER = re.compile(r"\s*(?:,|;?\s*kiêm|[-–])\s*$")


def _joins(gap: str) -> bool:
    """Titles one person holds together stand apart by a comma, "kiêm" or a dash only."""
    return gap == "" or (bool(_JOINER.match(gap)) and not gap.strip(" ,-–;").replace("kiêm", ""))


def _name_chain(chain: list[Office], text: str) -> list[RawOfficial]:
    """One person's offices: the name after the last, else the name before the first."""
    last = chain[-1]
    name = last.name or name_before(text, chain[0].start)
    if name is None or (not last.name and name[0] < chain[0].floor):
        return []
    n_start, n_end, written = name
    return [
        RawOfficial(
            start=min(o.start, n_start),
            end=max(o.end, n_end),
            name=written,
            role=o.role.title,
            deputy=o.deputy,
            body=o.body,
            unit=o.unit,
            level=o.level,
            place=o.place,
            status=o.status,
            single=o.role.single,
        )
        for o in chain
    ]


# A year as texts write it in a date or after "năm": "29/8/1995", "năm 2017".
_YEAR = re.compile(r"(?:năm\s+|\d[/.-])((?:19|20)\d\d)(?!\d)")


def officials(sentence: Sentence) -> list[OfficialRef]:
    """The sentence's officials as claims; offices without a name are left out."""
    found = find_officials(sentence.folded, sentence.text)
    if not found:
        return []  # most sentences: their years are not read
    years = [int(y) for y in _YEAR.findall(sentence.folded)]
    year = max(years) if years else None
    return [
        OfficialRef(
            span=sentence.span(o.start, o.end),
            sentence=sentence.bounds,
            name=o.name,
            role=o.role,
            deputy=o.deputy,
            body=o.body,
            unit=o.unit,
            level=o.level,  # type: ignore[arg-type]
            place=o.place,
            status=o.status,
            single=o.single,
            year=year,
        )
        for o in found
    ]
