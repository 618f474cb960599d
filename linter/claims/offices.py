"""Which office an `OfficialRef` names: its unit, resolved with the document.

"Chủ tịch UBND tỉnh" with no name is the chair of the document's province;
"UBND TP" is the province's in a centrally-run city and a provincial city's
elsewhere; a unit below the province that the text does not name is the
document's own district or commune when its metadata says which, else a unit
of that document alone ("? path"), compared with nobody's.

A district-level unit is known by its unit word and its name together: huyện
Kỳ Anh and thị xã Kỳ Anh are two units of Hà Tĩnh, with two chairmen. A named
one is keyed as the gazetteer spells it ("Thị xã Kỳ Anh"), the unit of the
word's type, else of a type the word's units may have become ("huyện" of a
district since raised to a thị xã: one unit under its old word), which is how
a document's own district (`DocumentMeta.district`) is spelt: "Chủ tịch UBND
thị xã" in a report on thị xã Kỳ Anh and "Chủ tịch UBND thị xã Kỳ Anh" are one
office. An unnamed unit whose word is not the document's district's kind
("UBND huyện" in a report on the thị xã) is no unit the document tells. So
below: xã Yên Viên and thị trấn Yên Viên (Gia Lâm) are two communes.

Communes of one name in two districts of a province (xã Tân Tiến of Bù Đốp and
of Đồng Phú, Bình Phước: the gazetteer's wards say which names are shared) are
two units: such a commune is keyed with its district, the one of the
commune's districts written right after its name where the office names it
("xã Tân Tiến (huyện Bù Đốp)", "xã Tân Tiến (Bù Đốp)", "xã Tân Tiến, huyện
Bù Đốp", "xã Tân Tiến, Bù Đốp"), else the document's (`DocumentMeta.district`).
A district named anywhere else ("lao động sang huyện Bù Đốp làm thuê", the
other chair's "xã Tân Tiến (huyện Đồng Phú)" in the same sentence) is not the
commune's. When none tells, the commune is the document's own: compared within it (a
report names one xã Tân Tiến) and with no other, since two chairs of two
communes reported as one office's would be a false alarm. A name no other
district shares keeps its key without a district, so that reports that name
its district and reports that do not still meet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.claims.names import capitalised
from linter.data.places import (
    UnitWord,
    alternatives,
    name_key,
    names_province,
    unit_word_at,
    unit_words,
)
from linter.metadata import gazetteer
from linter.metadata.locality import MERGER
from linter.metadata.mentions import in_province, of_type
from linter.models import Document, OfficialRef
from linter.nlp import fold

# (level, name). A name "? path" is a document's own unit, not named: unknown. A
# commune whose district is not told is "xã tân tiến ? path": named, so known (OF01
# reads only a name starting with "?" as unknown), but kept to its document.
Unit = tuple[str, str]


def unit_of(doc: Document, ref: OfficialRef) -> Unit:
    """The unit whose office it is: named in the text, else the document's own. An
    unnamed "tỉnh" in a sentence that names another province may be that one's."""
    meta = doc.meta
    own = f"? {doc.path}"
    if ref.level == "national":
        return ("national", "")
    home = gazetteer.province(meta.province) if meta.province else None
    # The word that tells the unit's kind: "thị xã", or a committee's ("Thị ủy").
    word = ref.unit or (ref.body if fold(ref.body) in unit_words() else None)
    if ref.place:
        found = gazetteer.province(ref.place) if ref.level in ("province", "city") else None
        # "UBND TP Hà Tĩnh" is the provincial city's, "UBND TP Đà Nẵng" the province's.
        if found and names_province(ref.level, found.kind):
            return ("province", found.name)
        if ref.level in ("district", "city"):
            return ("district", _district(word, ref.place, home))
        unit = _unit(word)
        named = f"{unit.type or '' if unit else ''} {ref.place}".strip()
        if ref.level == "ward":
            return ("ward", _commune(doc, ref, named, home, (unit, ref.place)))
        return (ref.level or "", name_key(named))
    if ref.level in ("province", "city") and home and _elsewhere(doc, ref, home.name):
        return (ref.level, own)
    if ref.level == "province":
        return ("province", home.name if home else own)
    if home and names_province(ref.level, home.kind):  # "UBND thành phố" of Đà Nẵng
        return ("province", home.name)
    if ref.level in ("district", "city"):
        return ("district", _own_district(meta.district, word, home) or own)
    commune = meta.commune if meta.commune and _may_be(meta.commune, word) else None
    if commune is None:
        return (ref.level or "", own)
    words = commune.split()  # the metadata's, spelt with its type: "Xã Tân Tiến"
    n, unit = unit_word_at(words, False)
    return (ref.level or "", _commune(doc, ref, commune, home, (unit, " ".join(words[n:]))))


def _unit(word: str | None) -> UnitWord | None:
    """The unit word as the gazetteer's table knows it ("TX", "thị xã"), or None."""
    return unit_words().get(fold(word)) if word else None


def _may_be(full: str, word: str | None) -> bool:
    """Whether a unit spelt with its type ("Xã Hiệp Hòa") may be one the word names:
    of its type, or of one its units may have become ("xã" of a ward since raised)."""
    unit = _unit(word)
    types = (unit.type, *unit.became) if unit and unit.type else ()
    return not types or any(full.startswith(f"{t} ") for t in types)


# The type words the gazetteer writes before a district's name ("Thị xã Kỳ Anh").
_TYPES = ("Quận", "Huyện", "Thị xã", "Thành phố")


@lru_cache(maxsize=4096)  # asked again for each mention of a district's offices
def _district(word: str | None, place: str, home: gazetteer.Province | None) -> str:
    """A named district-level unit as the gazetteer spells it: of the document's
    province when one there has the name, of the word's type, else of a type the
    word's units may have become. A name the gazetteer cannot tell apart keeps
    the word the text wrote before it, so huyện X and thị xã X stay two units."""
    unit = _unit(word)
    named = gazetteer.districts_named(place)
    found = in_province(named, home.name if home else None)
    if unit is not None:
        found = of_type(found, unit)
    if len(found) == 1:
        return found[0].name
    return f"{unit.type} {place}" if unit and unit.type else name_key(place)


def _own_district(
    district: str | None, word: str | None, home: gazetteer.Province | None
) -> str | None:
    """The document's district when the office's unit word may be its kind ("thị
    xã" in a report on thị xã Kỳ Anh), else None: "huyện" there is another unit."""
    if district is None or not word:
        return district
    kind = next((t for t in _TYPES if district.startswith(f"{t} ")), None)
    if kind is None:
        return district  # a name the gazetteer does not know: its kind unknown
    return district if _district(word, district[len(kind) + 1 :], home) == district else None


def _commune(
    doc: Document,
    ref: OfficialRef,
    named: str,
    home: gazetteer.Province | None,
    parts: tuple[UnitWord | None, str],
) -> str:
    """A commune's key ("xã tân tiến"), with its district when others of the province
    share its name ("xã tân tiến, huyện bù đốp"), or the document's path when
    neither the words after its name nor the document's metadata tell which
    district ("xã tân tiến ? path"). `parts` is its unit word and the name after
    it: the word the text wrote, or read from the metadata's spelt name."""
    key = name_key(named)
    if home is None or (doc.meta.date and doc.meta.date >= MERGER):
        return key  # after the merger a commune is the province's own: no district
    districts = _districts_sharing(*parts, home.name)
    if not districts:
        return key
    told = _attached(doc, ref, districts, home.name) if ref.place else None
    if told is None and doc.meta.district in districts:
        told = doc.meta.district
    return f"{key}, {name_key(told)}" if told else f"{key} ? {doc.path}"


@lru_cache(maxsize=4096)
def _districts_sharing(unit: UnitWord | None, name: str, province: str) -> frozenset[str]:
    """The districts of the province's communes of this name and word ("xã", "Tân
    Tiến": of its type, else of one the word's units may have become), when they
    are several; else none."""
    if unit is None or unit.level != "ward":
        return frozenset()
    wards = tuple(w for w in gazetteer.wards_named(name) if w.province == province and w.legacy)
    typed = {w.district for w in of_type(wards, unit)}
    return frozenset(d for d in typed if d) if len(typed) > 1 else frozenset()


# What stands between a commune's name and its district: "xã Tân Tiến (huyện Bù
# Đốp)", "xã Tân Tiến, Bù Đốp".
_BEFORE_DISTRICT = re.compile(r"[ \t]*(?:\(|,)[ \t]*")


def _attached(
    doc: Document, ref: OfficialRef, districts: frozenset[str], province: str
) -> str | None:
    """The one of `districts` written right after the commune's name where the
    reference names it, in brackets or after a comma, its unit word optional.
    Only there: a district named elsewhere in the sentence ("lao
    động sang huyện Bù Đốp làm thuê") or for another commune of the name is not
    this one's."""
    start, end = ref.sentence
    sentence = doc.text[start:end]
    folded = fold(sentence)  # of the same length: its offsets are the sentence's
    after = _place_end(doc, ref, folded)
    gap = _BEFORE_DISTRICT.match(sentence, after) if after is not None else None
    if gap is None:
        return None
    pos, unit = gap.end(), None
    if word := _district_word().match(folded, pos):
        pos, unit = word.end(), unit_words()[word.group("w")]
    written = [w for _, _, w in capitalised(sentence, pos)]
    for k in range(min(len(written), 4), 0, -1):
        named = tuple(
            d for d in gazetteer.districts_named(" ".join(written[:k])) if d.province == province
        )
        found = {d.name for d in (of_type(named, unit) if unit else named)} & districts
        if len(found) == 1:
            return found.pop()
    return None


def _place_end(doc: Document, ref: OfficialRef, folded: str) -> int | None:
    """Where the reference's place ends in its folded sentence: the last time the
    place is written inside the reference's span (compared in the file's lines
    and columns, so marks the text drops, "**", do not matter)."""
    words = r"\s+".join(re.escape(w) for w in fold(ref.place or "").split())
    first, last = (ref.span.line, ref.span.column), (ref.span.end_line, ref.span.end_column)
    ends: list[int] = []
    for m in re.finditer(rf"(?<!\w){words}(?!\w)", folded):
        at = doc.span(ref.sentence[0] + m.start(), ref.sentence[0] + m.end())
        if first <= (at.line, at.column) and (at.end_line, at.end_column) <= last:
            ends.append(m.end())
    return ends[-1] if ends else None


@lru_cache(maxsize=1)
def _district_word() -> re.Pattern[str]:
    """A district's unit word ("huyện", "TX.") and the space or full stop after it."""
    units = unit_words().items()
    words = [w for w, u in units if u.level in ("district", "city") and not u.committee]
    return re.compile(rf"(?P<w>{alternatives(words)})[ \t.]+")


_UNIT_WORD = re.compile(r"(?<!\w)(?:tỉnh|thành phố|tp)(?!\w)")


def _elsewhere(doc: Document, ref: OfficialRef, own: str) -> bool:
    """Whether the sentence names a province other than the document's ("tại tỉnh
    Phú Yên, Chủ tịch UBND tỉnh Hoàng Văn Trà ..." in a Bình Định report)."""
    return _names_another(doc.text[ref.sentence[0] : ref.sentence[1]], own)


@lru_cache(maxsize=65536)  # every run asks again of the same published sentences
def _names_another(text: str, own: str) -> bool:
    for m in _UNIT_WORD.finditer(fold(text)):
        words = [w for _, _, w in capitalised(text, m.end())]
        for k in range(1, min(len(words), 4) + 1):
            found = gazetteer.provinces_named(" ".join(words[:k]))
            if found and found[0].name != own:
                return True
    return False


def label_of(doc: Document, ref: OfficialRef) -> str:
    """The office as a reader writes it, with the province the document implies."""
    level, place = unit_of(doc, ref)
    if ref.place or level != "province" or place.startswith("?"):
        return ref.office
    return f"{ref.office} {place}"
