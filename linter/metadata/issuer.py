"""Who acts in a document and at which level: its issuer, its subject, their level.

In: the folded text and the places it names (`mentions.scan`). Out: `issuer`,
the mentions of the body acting ("UBND tỉnh", "Thị ủy", "UBND thị xã"), each a
`Body`; `subject`, for a text without issuer, the unit named with its unit word
where the text or its lead paragraph starts; `level_of`, the `Level` of either.
The rules are those of `linter.metadata.infer`'s docstring (issuer, level);
body names and the `not_acting` words live in `linter/data/places.yaml`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from linter import nlp
from linter.data import places
from linter.data.places import UnitWord
from linter.metadata.gazetteer import Province
from linter.metadata.mentions import PlaceMention
from linter.models import Level
from linter.nlp import fold

# Between the unit words of a list: "quận, huyện, thị xã", "xã/phường".
_LIST_GAP = re.compile(r"\s*(?:,|/|và|hoặc)\s*")
# What may come before the unit a text is about: a heading mark, an opening date.
_OPENER = re.compile(r"[\s#*]*(?:(?:sáng|trưa|chiều|tối|đêm|ngày)[^,.\n]{1,20},\s*)?")


class Body(NamedTuple):
    label: str  # "UBND thị xã", "Thị ủy"
    unit: UnitWord
    mention: PlaceMention  # the unit word and the name after it, if any
    start: int


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    spec = places.places()
    bodies = places.escaped(v for variants in spec.bodies.values() for v in variants)
    not_acting = places.alternatives(spec.not_acting)
    return {
        "body": re.compile(rf"({nlp.alone(*bodies)})\s+"),  # searched for its words
        "not_acting": re.compile(rf"(?<!\w)(?:{not_acting})\W*$"),
    }


def issuer(folded: str, mentions: list[PlaceMention], lead_end: int) -> list[Body]:
    """Mentions of the body acting in the text; empty when none stands out."""
    pats, canonical = _patterns(), _canonical_bodies()
    units = {m.start: (m, m.unit) for m in mentions if m.unit is not None}
    bodies = [Body(u.label, u, m, m.start) for m, u in units.values() if u.committee]
    for b in pats["body"].finditer(folded):
        m, u = units.get(b.end(), (None, None))
        if m and u and u.level != "place" and not u.committee:
            # "UBND quận, huyện, thị xã" are all of them, no body acting.
            listed = _LIST_GAP.match(folded, m.end)
            if m.name or not listed or listed.end() not in units:
                bodies.append(Body(f"{canonical[b[1]]} {u.label}", u, m, b.start()))
    score: Counter[str] = Counter()
    for body in sorted(bodies, key=lambda b: b.start):
        if not pats["not_acting"].search(folded, max(0, body.start - 40), body.start):
            score[body.label] += 3 if body.start < lead_end else 1
    label = max(score, key=lambda k: score[k], default=None)
    return [b for b in bodies if b.label == label] if label and score[label] >= 2 else []


@lru_cache(maxsize=1)
def _canonical_bodies() -> dict[str, str]:
    """Each folded way of writing a body, to the body's name."""
    return {fold(v): k for k, variants in places.places().bodies.items() for v in variants}


def subject(text: str, folded: str, mentions: list[PlaceMention], lead_start: int) -> list[Body]:
    """The unit a text without issuer is about: the one named with its unit word
    where the text or its lead paragraph starts ("Huyện Cư M'gar đạt ..."). A
    name must follow, known or not: "Xã hội hóa ..." names no commune."""
    starts = {_OPENER.match(folded, at).end() for at in (0, lead_start)}
    return [
        Body("", m.unit, m, m.start)
        for m in mentions
        if m.unit is not None
        and m.start in starts
        and m.unit.level != "place"
        and (m.name is not None or _capital_after(text, m.end))
    ][:1]


def _capital_after(text: str, end: int) -> bool:
    """Whether a capital or a digit follows: "Huyện Tĩnh Gia", "Phường 14", not "Xã hội"."""
    first = text[end : end + 4].lstrip(" \t")[:1]
    return first.isupper() or first.isdigit()


def level_of(issued: list[Body], province: Province | None) -> Level:
    """The level of the issuer or subject ("UBND TX", "Huyện ủy", "UBND TP Hạ Long")."""
    unit_level = issued[0].unit.level if issued else None
    if unit_level == "ward":
        return Level.COMMUNE
    if unit_level != "city":
        return Level.DISTRICT if unit_level == "district" else Level.PROVINCE
    named = [b.mention for b in issued if b.mention.name]
    if named:  # "UBND TP Hạ Long" is a district body, "UBND TP Hà Nội" a provincial one
        return Level.PROVINCE if any(m.provinces for m in named) else Level.DISTRICT
    district = province is None or province.kind != "thành phố"
    return Level.DISTRICT if district else Level.PROVINCE
