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
words are in `linter/data/offices.yaml` (read by `linter.data.offices`); names
and the place before them are read by `linter.claims.names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from linter.claims.names import capitalised, name_before, name_length, split
from linter.claims.names import words_ as name_words
from linter.claims.sentence import Sentence
from linter.data.offices import Offices, Role, offices
from linter.data.places import alternatives, unit_words
from linter.metadata import gazetteer
from linter.models import OfficialRef
from linter.nlp import finditer_at, fold


@dataclass(frozen=True)
class RawOfficial:
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


@dataclass
class _Office:
    start: int
    end: int
    role: Role
    deputy: bool
    status: Literal["current", "former", "acting"]
    body: str = ""
    unit: str | None = None
    level: str | None = None
    place: str | None = None
    name: tuple[int, int, str] | None = None  # the name written right after the office
    floor: int = 0  # a name before the office starts here or later


class _Tables:
    def __init__(self, data: Offices) -> None:
        self.data = data
        self.roles = {fold(w): r for r in data.roles for w in r.words}
        self.bodies = {fold(w): b for b in data.bodies for w in b.words}
        self.departments = {fold(w): d for d in data.departments for w in d.words}
        self.units = {w: u for w, u in unit_words().items() if u.level != "place"}
        self.inside = re.compile(rf"(?:{alternatives(data.inside)})\s+$")
        self.foreign = {fold(s) for s in data.foreign}
        before = alternatives((*data.former, *data.acting))
        self.office = re.compile(
            rf"(?<![\w&])(?:(?P<status>{before})\s+)?(?P<deputy>phó\s+)?"
            rf"(?P<role>{alternatives(self.roles)})(?:\s+(?:{alternatives(data.standing)}))?(?!\w)"
        )
        # Where an office can begin: its status, "phó" or its title (nlp.finditer_at).
        self.office_starts = re.compile(rf"{before}|phó|{alternatives(self.roles)}")
        self.dept = re.compile(
            rf"\s+(?P<kind>sở|bộ)\s+(?P<w>{alternatives(self.departments)})(?![\w&])"
        )
        self.body = re.compile(rf"\s+(?P<w>{alternatives(self.bodies)})(?![\w&])")
        self.unit = re.compile(rf"[\s.]+(?P<w>{alternatives(self.units)})(?![\w&])")
        honorific = alternatives(data.honorifics)
        self.central = re.compile(rf"\s+(?:{alternatives(data.central)})(?![\w.])")
        # "..., ông Nguyễn Hữu Hoài", "... - bà Nguyễn Thị Thu", "... - Nguyễn Thiện Nhân"
        self.apposed = re.compile(
            rf"[ \t]*(?:,[ \t]*(?:{honorific})\.?|[-–](?:[ \t]*(?:{honorific})\.?)?)[ \t]+"
        )
        self.joiner = re.compile(r"\s*(?:,|;?\s*kiêm|[-–])\s*$")


@lru_cache(maxsize=1)
def tables() -> _Tables:
    return _Tables(offices())


# The short form of a body's name in brackets, after it: "(LĐLĐ)", "(KH-ĐT)".
_ABBREVIATION = re.compile(r"\s*\([^\s()]{2,12}\)")


def find_officials(folded: str, text: str) -> list[RawOfficial]:
    """The officials a sentence names with an office, in text order."""
    t = tables()
    offices = [
        o
        for m in finditer_at(t.office, t.office_starts, folded)
        if not _inside(m, folded, t) and (o := _office(m, folded, text, t))
    ]
    found: list[RawOfficial] = []
    chain: list[_Office] = []
    for office in offices:
        if chain and chain[-1].name:  # a name read after one office is not the next one's
            office.floor = chain[-1].name[1]
        gap = folded[chain[-1].end : office.start] if chain else ""
        repeats = any(  # "Giám đốc Sở A, Giám đốc Sở B", "Phó Chủ tịch UBND, Chủ tịch UBND"
            o.role == office.role and (o.deputy == office.deputy or o.body == office.body)
            for o in chain
        )
        if chain and (chain[-1].name or repeats or not _joins(gap, t)):
            found.extend(_name_chain(chain, text))
            chain = []
        chain.append(office)
    if chain:
        found.extend(_name_chain(chain, text))
    return found


def _inside(m: re.Match[str], folded: str, t: _Tables) -> bool:
    """ "Chủ nhiệm Văn phòng Chủ tịch nước": the title is part of a body's name."""
    return bool(t.inside.search(folded, max(0, m.start() - 30), m.start()))


def _joins(gap: str, t: _Tables) -> bool:
    """Titles one person holds together stand apart by a comma, "kiêm" or a dash only."""
    return gap == "" or (bool(t.joiner.match(gap)) and not gap.strip(" ,-–;").replace("kiêm", ""))


def _office(m: re.Match[str], folded: str, text: str, t: _Tables) -> _Office | None:
    role = t.roles[m.group("role")]
    said = m.group("status") or ""
    status = "former" if said in map(fold, t.data.former) else "acting" if said else "current"
    office = _Office(m.start(), m.end(), role, bool(m.group("deputy")), status)
    pos = m.end()
    if dept := t.dept.match(folded, pos):
        label = t.departments[dept.group("w")].label
        national = dept.group("kind") == "bộ"
        office.body = f"{'Bộ' if national else 'Sở'} {label}"
        office.level = "national" if national else "province"
        pos = dept.end()
    elif body := t.body.match(folded, pos - 4 if m.group("role").endswith(" ban") else pos):
        # "Trưởng ban Tuyên giáo": the title's "ban" is the body's first word
        found = t.bodies[body.group("w")]
        office.body, office.level = found.label, found.level
        pos = body.end()
    elif role.body is not None:
        office.body, office.level = role.body, "national"
    elif role.bare_level and t.unit.match(folded, pos):
        office.body = role.bare_level  # "Chủ tịch tỉnh", "Phó Chủ tịch quận Hoàn Kiếm"
    elif role.bare_province and (province := _province_named(text, pos)):
        # "Chủ tịch Hà Nội Nguyễn Đức Chung", "Bí thư Đà Nẵng Nguyễn Xuân Anh"
        city = province.kind == "thành phố" and role.bare_province == "Tỉnh ủy"
        office.body, office.level = "Thành ủy" if city else role.bare_province, "province"
    else:
        return None  # "Chủ tịch Nguyễn Đức Chung": a short form, its office said elsewhere
    if central := t.central.match(folded, pos):
        office.level, pos = "national", central.end()  # "Ban Tuyên giáo Trung ương"
    if short := _ABBREVIATION.match(folded, pos):
        pos = short.end()  # "Liên đoàn Lao động (LĐLĐ) tỉnh Khánh Hòa"
    if office.level != "national" and (unit := t.unit.match(folded, pos)):
        word = t.units[unit.group("w")]
        office.unit, pos = word.label or None, unit.end()
        office.level = office.level or word.level
    office.end = pos
    return _read_after(office, folded, text, t)


def _province_named(text: str, pos: int) -> gazetteer.Province | None:
    words = [w for _, _, w in capitalised(text, pos)]
    found = (gazetteer.provinces_named(" ".join(words[:k])) for k in (4, 3, 2, 1))
    return next((units[0] for units in found if units), None)


def _read_after(office: _Office, folded: str, text: str, t: _Tables) -> _Office | None:
    """The place and the name written after the office, split with the gazetteer."""
    words = capitalised(text, office.end)
    plain = [w for _, _, w in words]
    foreign = plain and (fold(plain[0]) in t.foreign or fold(" ".join(plain[:2])) in t.foreign)
    if foreign and office.unit is None:
        return None  # "Thủ tướng Nhật Bản": not an office of Vietnam
    level = office.level if office.level != "national" else None
    may_place = office.level != "national"
    place_len, name_len = split(plain, level, may_place)
    name_at = place_len
    if name_len and fold(plain[name_at]) in name_words().honorifics:  # "... Ngọc Lương Ông Phương"
        name_at, name_len = name_at + 1, name_length(plain[name_at + 1 :])
    if place_len:
        office.place = " ".join(plain[:place_len])
        office.level = office.level or "province"
        office.end = words[place_len - 1][1]
    if name_len:
        first, last = words[name_at][0], words[name_at + name_len - 1][1]
        office.name = (first, last, " ".join(plain[name_at : name_at + name_len]))
    elif plain[place_len : place_len + 1] in ([], ["-"]) and (
        apposed := t.apposed.match(folded, office.end)
    ):
        after = capitalised(text, apposed.end())
        if n := name_length([w for _, _, w in after]):
            office.name = (after[0][0], after[n - 1][1], " ".join(w for _, _, w in after[:n]))
    return office


def _name_chain(chain: list[_Office], text: str) -> list[RawOfficial]:
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
        for o in find_officials(sentence.folded, sentence.text)
    ]
