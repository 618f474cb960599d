"""Each office a sentence writes, with the place and the name written after it.

An office is a title found in the folded text ("phó chủ tịch", "bí thư"; a
status before it, "nguyên", "quyền"), then its body ("Sở Tài chính", "UBND",
"Ban Tuyên giáo Trung ương"; or the one the title implies, "Thủ tướng"), then
its unit ("tỉnh", "huyện"), then the capitalised words after it, split with the
gazetteer into a place and a name. A title inside a body's name ("Văn phòng Chủ
tịch nước") or an office of another country ("Thủ tướng Nhật Bản") is not one.
`linter.claims.officials` joins the offices one person holds and names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from linter.claims.names import capitalised, name_length, split
from linter.claims.names import words_ as name_words
from linter.data.offices import Offices, Role, offices
from linter.data.places import alternatives, unit_words
from linter.metadata import gazetteer
from linter.nlp import finditer_at, fold


@dataclass
class Office:
    """One office as read so far; `find_officials` sets `floor` when it chains them."""

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


class Tables:
    """The words of `linter/data/offices.yaml` as lookups and patterns, built once."""

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


@lru_cache(maxsize=1)
def tables() -> Tables:
    return Tables(offices())


def offices_in(folded: str, text: str) -> list[Office]:
    """The offices of a sentence, in text order, each read as far as it goes."""
    t = tables()
    return [
        o
        for m in finditer_at(t.office, t.office_starts, folded)
        if not _inside(m, folded, t) and (o := _read_office(m, folded, text, t))
    ]


def _inside(m: re.Match[str], folded: str, t: Tables) -> bool:
    """ "Chủ nhiệm Văn phòng Chủ tịch nước": the title is part of a body's name."""
    return bool(t.inside.search(folded, max(0, m.start() - 30), m.start()))


# The short form of a body's name in brackets, after it: "(LĐLĐ)", "(KH-ĐT)".
_ABBREVIATION = re.compile(r"\s*\([^\s()]{2,12}\)")


def _read_office(m: re.Match[str], folded: str, text: str, t: Tables) -> Office | None:
    """The office whose title `m` found: its body, unit and what is written after it."""
    role = t.roles[m.group("role")]
    said = m.group("status") or ""
    status = "former" if said in map(fold, t.data.former) else "acting" if said else "current"
    office = Office(m.start(), m.end(), role, bool(m.group("deputy")), status)
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


def _read_after(office: Office, folded: str, text: str, t: Tables) -> Office | None:
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
