"""Whose council or party committee a meeting is: "HĐND tỉnh", "HĐND TP Hải Phòng",
"Ban Chấp hành Đảng bộ huyện", "Thành ủy".

The place is read after the body's name: a unit word ("tỉnh", "TP", "huyện",
"xã") and the capitalised name that follows it, resolved through the
gazetteer; a unit word without a name is the document's own unit ("HĐND tỉnh"
in a document about Quảng Ninh is Quảng Ninh's). "Thành phố" is a centrally-run
city when the name (or the document's province) is one, and a provincial city,
a district-level unit, otherwise. An unresolved place leaves the name None:
such meetings are never compared with another document's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from linter.claims.sentence import Sentence
from linter.metadata import gazetteer

Level = Literal["national", "province", "district", "commune"]

_UNIT = re.compile(
    r"\s*(?P<u>tphcm|tp\.?\s*hcm|tp\.|tx\.|(?:tỉnh|thành phố|tp|huyện|quận|thị xã|tx|xã|phường"
    r"|thị trấn)(?!\w))"  # "TP.Đà Nẵng": the full stop ends the unit word
)
_UNITS = {
    "tỉnh": "province", "thành phố": "city", "tp": "city", "huyện": "district",
    "quận": "district", "thị xã": "district", "tx": "district",
    "xã": "commune", "phường": "commune", "thị trấn": "commune",
    "thành": "city", "thị": "district",  # Thành ủy, Thị ủy
}  # fmt: skip
_TYPE_NAMES = {
    "huyện": "Huyện",
    "quận": "Quận",
    "thị xã": "Thị xã",
    "tx": "Thị xã",
    "thị": "Thị xã",
}
_MANY = re.compile(r"\s*(?:các|những|mọi|cơ sở)(?!\w)")
_WORD = re.compile(r"\s*(?P<w>[^\W_][\w-]*)")
# Capitalised words that are not part of a place's name.
_NOT_NAME = frozenset({"khóa", "khoá", "kỳ", "kì", "lần", "nhiệm", "hđnd", "ubnd", "đảng", "ban"})


@dataclass(frozen=True)
class Place:
    """Where a session sits: a unit's level and name."""

    level: Level | None
    name: str | None  # province short name, district full name, or commune name


def place_after(sentence: Sentence, pos: int, hint: str | None) -> tuple[Place, int]:
    """The place named at `pos` of the sentence (`hint`: the unit a "tỉnh ủy" implies)."""
    unit = _UNITS.get(hint) if hint else None
    unit_word = hint
    if m := _UNIT.match(sentence.folded, pos):  # "Thành ủy Thành phố Hồ Chí Minh": the unit again
        word = m.group("u").rstrip(".")
        if "hcm" in word:
            return Place("province", "Hồ Chí Minh"), m.end()
        unit_word, unit, pos = word, _UNITS[word], m.end()
    name, pos = _name_at(sentence, pos)
    if unit is None and name is None and _MANY.match(sentence.folded, pos):
        return Place(None, None), pos  # "HĐND các cấp", "đại hội đảng bộ các cấp": no one body
    return _resolve(sentence, unit, unit_word or "", name), pos


def _name_at(sentence: Sentence, pos: int) -> tuple[str | None, int]:
    """Capitalised words at `pos` ("Hải Phòng", "Quận 1"), up to four."""
    words: list[str] = []
    while len(words) < 4 and (m := _WORD.match(sentence.text, pos)):
        word = m.group("w")
        if not (word[0].isupper() or (words and word.isdigit())):
            break
        if word.lower() in _NOT_NAME or (words and re.fullmatch(r"[IVXL]+", word)):
            break
        words.append(word)
        pos = m.end()
    return (" ".join(words) or None), pos


def _resolve(sentence: Sentence, unit: str | None, word: str, name: str | None) -> Place:
    meta = sentence.doc.meta
    home = gazetteer.province(meta.province) if meta.province else None
    if name and unit in (None, "province", "city") and (found := gazetteer.province(name)):
        return Place("province", found.name)
    if unit == "province":
        return Place("province", None if name or home is None else home.name)
    if unit == "city" and not name:
        if home is not None and home.kind == "thành phố":
            return Place("province", home.name)
        city = meta.district if meta.district and meta.district.startswith("Thành phố") else None
        return Place("district", city)
    if unit in ("city", "district"):
        kind = "Thành phố" if unit == "city" else _TYPE_NAMES.get(word.rstrip("."), "")
        if not name:
            own = meta.district if meta.district and meta.district.startswith(kind) else None
            return Place("district", own)
        return Place("district", _district(name, kind, meta.province))
    if unit == "commune":
        return Place("commune", f"{word} {name}" if name else meta.commune)
    if unit is None and name is None:  # "kỳ họp HĐND lần 5": the document's own council
        own = {"province": home.name if home else None, "district": meta.district}
        return Place(meta.level.value, own.get(meta.level.value, meta.commune))  # type: ignore[arg-type]
    return Place(None, None)


def _district(name: str, kind: str, province: str | None) -> str:
    """A district's full name as the gazetteer writes it ("Huyện Yên Khánh")."""
    found = [d for d in gazetteer.districts_named(name) if d.name.startswith(kind)]
    local = [d for d in found if d.province == province]
    chosen = local or (found if len(found) == 1 else [])
    return chosen[0].name if chosen else f"{kind} {name}"
