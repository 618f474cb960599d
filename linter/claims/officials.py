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
words are in `linter/data/offices.yaml`; a run of capitals after a unit word
is split into the place and the name with the gazetteer ("UBND tỉnh Hà Tĩnh
Đặng Quốc Khánh").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from linter.claims.sentence import Sentence
from linter.data import load
from linter.data.places import alternatives, unit_words
from linter.metadata import gazetteer
from linter.models import OfficialRef
from linter.nlp import fold


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Role(_Entry):
    title: str
    words: tuple[str, ...]
    single: bool
    body: str | None = None  # the body the title implies ("Thủ tướng": Chính phủ)
    bare_level: str | None = None  # "Chủ tịch tỉnh" is the chair of this body


class Body(_Entry):
    label: str
    words: tuple[str, ...]
    units: bool = False  # a unit word follows: "UBND tỉnh", "HĐND huyện"
    level: Literal["national", "province", "city", "district"] | None = None


class Department(_Entry):
    label: str
    words: tuple[str, ...]


class Offices(_Entry):
    roles: tuple[Role, ...]
    former: tuple[str, ...]
    acting: tuple[str, ...]
    standing: tuple[str, ...]
    bodies: tuple[Body, ...]
    departments: tuple[Department, ...]
    honorifics: tuple[str, ...]
    surnames: tuple[str, ...]
    foreign: tuple[str, ...]
    memberships: tuple[str, ...]
    inside: tuple[str, ...]
    not_names: tuple[str, ...]


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


class _Tables:
    def __init__(self, data: Offices) -> None:
        self.data = data
        self.roles = {fold(w): r for r in data.roles for w in r.words}
        self.bodies = {fold(w): b for b in data.bodies for w in b.words}
        self.departments = {fold(w): d for d in data.departments for w in d.words}
        self.units = {w: u for w, u in unit_words().items() if u.level != "place"}
        self.inside = re.compile(rf"(?:{alternatives(data.inside)})\s+$")
        self.not_names = {fold(w) for w in data.not_names}
        self.honorific_words = {fold(h) for h in data.honorifics}
        self.surnames = {fold(s) for s in data.surnames}
        self.foreign = {fold(s) for s in data.foreign}
        before = alternatives((*data.former, *data.acting))
        self.office = re.compile(
            rf"(?<![\w&])(?:(?P<status>{before})\s+)?(?P<deputy>phó\s+)?"
            rf"(?P<role>{alternatives(self.roles)})(?:\s+(?:{alternatives(data.standing)}))?(?!\w)"
        )
        self.dept = re.compile(
            rf"\s+(?P<kind>sở|bộ)\s+(?P<w>{alternatives(self.departments)})(?![\w&])"
        )
        self.body = re.compile(rf"\s+(?P<w>{alternatives(self.bodies)})(?![\w&])")
        self.unit = re.compile(rf"[\s.]+(?P<w>{alternatives(self.units)})(?![\w&])")
        honorific = alternatives(data.honorifics)
        self.member = re.compile(rf"[ \t]*(?:{alternatives(data.memberships)})[^,;()]{{0,50}},\s*$")
        self.honorific_before = re.compile(rf"(?:^|\W)(?:{honorific})\.?\s+$")
        self.joiner = re.compile(r"\s*(?:,|;?\s*kiêm|[-–])\s*$")


@lru_cache(maxsize=1)
def tables() -> _Tables:
    return _Tables(load("offices.yaml", Offices))


# The short form of a body's name in brackets, after it: "(LĐLĐ)", "(KH-ĐT)".
_ABBREVIATION = re.compile(r"\s*\([^\s()]{2,12}\)")


def find_officials(folded: str, text: str) -> list[RawOfficial]:
    """The officials a sentence names with an office, in text order."""
    t = tables()
    offices = [
        o
        for m in t.office.finditer(folded)
        if not t.inside.search(folded, 0, m.start()) and (o := _office(m, folded, text, t))
    ]
    found: list[RawOfficial] = []
    chain: list[_Office] = []
    for office in offices:
        gap = folded[chain[-1].end : office.start] if chain else ""
        repeats = any(  # "Giám đốc Sở A, Giám đốc Sở B", "Phó Chủ tịch UBND, Chủ tịch UBND"
            o.role == office.role and (o.deputy == office.deputy or o.body == office.body)
            for o in chain
        )
        if chain and (chain[-1].name or repeats or not _joins(gap, t)):
            found.extend(_name_chain(chain, text, t))
            chain = []
        chain.append(office)
    if chain:
        found.extend(_name_chain(chain, text, t))
    return found


def _joins(gap: str, t: _Tables) -> bool:
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
    elif body := t.body.match(folded, pos):
        found = t.bodies[body.group("w")]
        office.body, office.level = found.label, found.level
        pos = body.end()
    elif role.body is not None:
        office.body, office.level = role.body, "national"
    elif role.bare_level and t.unit.match(folded, pos):
        office.body = role.bare_level
    else:
        return None  # "Chủ tịch Nguyễn Đức Chung": a short form, its office said elsewhere
    if short := _ABBREVIATION.match(folded, pos):
        pos = short.end()  # "Liên đoàn Lao động (LĐLĐ) tỉnh Khánh Hòa"
    if office.level != "national" and (unit := t.unit.match(folded, pos)):
        word = t.units[unit.group("w")]
        office.unit, pos = word.label or None, unit.end()
        office.level = office.level or word.level
    office.end = pos
    return _read_after(office, folded, text, t)


def _read_after(office: _Office, folded: str, text: str, t: _Tables) -> _Office | None:
    """The place and the name written after the office, split with the gazetteer."""
    words = _capitalised(text, office.end)
    plain = [w for _, _, w in words]
    foreign = plain and (fold(plain[0]) in t.foreign or fold(" ".join(plain[:2])) in t.foreign)
    if foreign and office.unit is None:
        return None  # "Thủ tướng Nhật Bản": not an office of Vietnam
    level = office.level if office.level != "national" else None
    may_place = office.level != "national"
    place_len, name_len = _split(plain, level, may_place, t)
    name_at = place_len
    if name_len and fold(plain[name_at]) in t.honorific_words:  # "... xã Ngọc Lương Ông Phương"
        name_at, name_len = name_at + 1, _name_length(plain[name_at + 1 :], t)
    if place_len:
        office.place = " ".join(plain[:place_len])
        office.level = office.level or "province"
        office.end = words[place_len - 1][1]
    if name_len:
        first, last = words[name_at][0], words[name_at + name_len - 1][1]
        office.name = (first, last, " ".join(plain[name_at : name_at + name_len]))
    return office


_DASH = re.compile(r"[ \t]+([-–])[ \t]+")
_TOKEN = re.compile(r"(\w+(?:['’-]\w+)*)([ \t]*)")  # "Bà Rịa-Vũng Tàu" is one place


def _capitalised(text: str, pos: int) -> list[tuple[int, int, str]]:
    """The run of capitalised words from `pos`, with their offsets; a full stop may
    stand before it ("TP.HCM"), nothing but spaces between its words."""
    skip = re.compile(r"[ \t.]*").match(text, pos)
    pos = skip.end() if skip else pos
    words: list[tuple[int, int, str]] = []
    while len(words) < 8 and (m := _TOKEN.match(text, pos)) and m.group(1)[0].isupper():
        words.append((m.start(1), m.end(1), m.group(1)))
        dash = _DASH.match(text, m.end(1))
        if dash and _TOKEN.match(text, dash.end()):  # "Bà Rịa - Vũng Tàu": kept as a word
            words.append((dash.start(1), dash.end(1), "-"))
            pos = dash.end()
        elif m.group(2):
            pos = m.end()
        else:
            break
    return words


def _split(words: list[str], level: str | None, may_place: bool, t: _Tables) -> tuple[int, int]:
    """How many words are the place, how many the name that follows it."""
    for k in range(min(len(words), 5), 0, -1):
        if may_place and words[k - 1] != "-" and _is_place(" ".join(words[:k]), level):
            return k, _name_length(words[k:], t)
    if n := _name_length(words, t):
        return 0, n
    if level in ("district", "ward", "city") and words:
        for k in range(1, len(words)):  # an unknown place, then a name: "xã Tịnh An Lý Hồng Sơn"
            if len(words) - k <= 4 and (n := _name_length(words[k:], t)):
                return k, n
        return min(len(words), 3), 0
    return 0, 0


def _is_place(name: str, level: str | None) -> bool:
    if level in (None, "province"):
        return bool(gazetteer.provinces_named(name))
    if level == "city":
        return bool(gazetteer.provinces_named(name) or gazetteer.districts_named(name))
    if level == "district":
        return bool(gazetteer.districts_named(name))
    return bool(gazetteer.wards_named(name))


def is_name(words: list[str], t: _Tables | None = None) -> bool:
    """2-4 capitalised syllables beginning with a family name, not a place's name."""
    t = t or tables()
    if not 2 <= len(words) <= 4 or fold(words[0]) not in t.surnames:
        return False
    if not all(w[:1].isupper() and (len(w) == 1 or w[1:].islower() or "'" in w) for w in words):
        return False
    return not _is_place(" ".join(words), None)


def _name_length(words: list[str], t: _Tables) -> int:
    """How many of `words` are a name. A fourth word that begins a sentence or a
    title ends it: "Hoàng Trung Hải Bí thư ...", "Nguyễn Thành Phong Sáng 15/6"."""
    cut = next((i for i, w in enumerate(words) if i >= 3 and fold(w) in t.not_names), len(words))
    return cut if is_name(words[:cut], t) else 0


def _name_chain(chain: list[_Office], text: str, t: _Tables) -> list[RawOfficial]:
    """One person's offices: the name after the last, else the name before the first."""
    last = chain[-1]
    name = last.name or _name_before(text, chain[0].start, t)
    if name is None:
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


def _name_before(text: str, start: int, t: _Tables) -> tuple[int, int, str] | None:
    """ "ông Lê Văn C - Giám đốc ...", "Nguyễn Văn A (Chủ tịch ...)": the name just before."""
    while member := t.member.search(fold(text[max(0, start - 70) : start])):
        start = max(0, start - 70) + member.start()  # "Ủy viên Trung ương Đảng, Bí thư ..."
    sep = re.search(r"[ \t]*(?:,|[-–]|\()[ \t]*$", text[max(0, start - 4) : start])
    if not sep:
        return None
    end = max(0, start - 4) + sep.start()
    words: list[tuple[int, int, str]] = []
    for m in re.finditer(r"\w+(?:['’]\w+)*", text[max(0, end - 50) : end]):
        words.append((max(0, end - 50) + m.start(), max(0, end - 50) + m.end(), m.group()))
    if not words or words[-1][1] != end:
        return None
    run: list[tuple[int, int, str]] = []
    for w in reversed(words):  # the capitalised words just before, joined by spaces only
        if not w[2][0].isupper() or (run and text[w[1] : run[0][0]].strip(" \t")):
            break
        run.insert(0, w)
    while len(run) > 2 and fold(run[0][2]) in t.honorific_words:
        run.pop(0)  # "Ông Cao Xuân Điệu" at the start of a sentence
    if len(run) > 4 or not is_name([w for _, _, w in run], t):
        return None  # five capitalised words are not one name: a title, a place, a list
    before = text[max(0, run[0][0] - 20) : run[0][0]]
    honoured = bool(t.honorific_before.search(fold(before)))
    if honoured or len(run) >= 3 or not before.strip() or before.rstrip().endswith(("(", ",", ":")):
        return run[0][0], run[-1][1], " ".join(w for _, _, w in run)
    return None


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
