"""One person given one title of two bodies whose names differ only in the place
they cover (for PN02): "Ông Hoàng Thế Ngữ, Chủ tịch Hiệp hội đá quý Hà Nội" and
"ông Hoàng Thế Ngữ, Chủ tịch Hiệp hội đá quý Việt Nam".

The body written after the title (`PersonRef.body`) is split into its kind and
subject ("Hiệp hội đá quý") and the place at its end: a province or district of
the gazetteer, or the whole country (`national_scopes` of
`linter/data/persons.yaml`), one key however it is written ("TP HCM", "Hồ Chí
Minh"). One name given one title, in one report or linked
reports of one event, of two bodies with the same subject and two places, is
likely given one place by a slip: a person chairs the city's association or the
country's, and reports of one event do not change which.

A place keeps the unit word the text writes before it, as OF01 keeps it
(`linter.claims.offices`): huyện Kỳ Anh and thị xã Kỳ Anh are two units of Hà
Tĩnh, tỉnh Hà Tĩnh and TP Hà Tĩnh (its provincial city) two more, so their
bodies are two. The word is read as the gazetteer's type ("TX" and "thị xã" are
one, "TP Đà Nẵng" is the province), of the document's province first, else of
a type the word's units may have become ("huyện Sa Pa", a thị xã since). A name
written without a word is any unit of that name; so is one after a word whose
type the gazetteer has no unit of that name of ("quận Thủ Đức" of 2019, a
Thành phố since 2021): a unit raised since, not a second one. After a
commune's word ("xã", "phường", "thị trấn") the capitalised name is a commune
of the province the gazetteer knows (else read as if without its word); two
words of one name are two communes only when the province has a commune of
each (a xã raised to a phường is one unit under its old word), looked up only
then. A word that ends a kind of body of several words ("Hợp tác xã Thành
Công", `linter/data/bodies.yaml`) is that kind's, no unit's word.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from checks.body_names import kind_words
from checks.person_said import Mention
from linter.checking.events import together
from linter.claims.person_words import tables
from linter.data.places import UnitWord, name_key, names_province, unit_word_at, unit_words
from linter.metadata import gazetteer
from linter.metadata.mentions import in_province, of_type
from linter.nlp import fold

MIN_SUBJECT = 2  # "Hội Hà Nội" says no subject: two words at least ("Hiệp hội đá quý")
_PROVINCE = "Tỉnh"  # the kind of a province, or of a centrally-run city


class Place(NamedTuple):
    """A body's place: its name's key, and its kind when the text wrote a unit word."""

    name: str  # "kỳ anh", "hồ chí minh", "việt nam"
    kind: str | None = None  # "Tỉnh", or the gazetteer's type ("Thị xã", "Xã"); None: unsaid

    @property
    def commune(self) -> bool:
        """A kind of commune: its type is told apart only when asked (`same_place`)."""
        return self.kind in _commune_types()


@lru_cache(maxsize=1)
def _commune_types() -> frozenset[str]:
    return frozenset(u.type for u in unit_words().values() if u.level == "ward" and u.type)


@lru_cache(maxsize=4096)
def scope_of(body: str, province: str | None) -> tuple[str, Place] | None:
    """(subject folded, place) of a body named with its place at the end; a unit
    word read as a unit of `province` (the document's) first."""
    words = body.replace("(", " ").replace(")", " ").split()
    for k in range(min(4, len(words) - 1), 0, -1):
        tail = words[-k:]
        if not all(w[:1].isupper() for w in tail):
            continue
        n, unit = _unit_word(words[:-k])
        if place := _place(" ".join(tail), unit, province):
            subject = words[: len(words) - k - n]
            if len(subject) < MIN_SUBJECT:
                return None
            return fold(" ".join(subject)), place
    return None


def _unit_word(words: list[str]) -> tuple[int, UnitWord | None]:
    """The unit word that ends `words` ("thị xã", "TP."): how many words it is, and it.
    None when it ends a body's kind instead ("Hợp tác xã Thành Công": a cooperative)."""
    n, unit = unit_word_at(words, True, lambda u: u.level != "place" and not u.committee)
    if unit is None:
        return 0, None
    kinds = _kinds_ending(fold(words[-1]).rstrip("."))
    if not kinds:  # no body's kind ends with it: nothing more to fold
        return n, unit
    folded = [fold(w).rstrip(".") for w in words[-max(map(len, kinds)) :]]
    if any(tuple(folded[-len(kind) :]) == kind for kind in kinds):
        return 0, None
    return n, unit


@lru_cache(maxsize=64)
def _kinds_ending(word: str) -> tuple[tuple[str, ...], ...]:
    """The kinds of body of several words that end with `word` ("hợp tác xã" ends
    with "xã"): their last word is no unit word (`linter/data/bodies.yaml`)."""
    return tuple(k for k in kind_words() if len(k) > 1 and k[-1] == word)


def _place(written: str, unit: UnitWord | None, province: str | None) -> Place | None:
    """One key for each place however written ("TP HCM", "Hồ Chí Minh"): the
    country, a province, a district or, after a commune's word, a commune of the
    province; of the kind the unit word names. None for what is no place."""
    if unit is None:
        if fold(written) in tables().national:
            return Place("việt nam")
        if provinces := gazetteer.provinces_named(written):
            return Place(name_key(provinces[0].name))
        districts = gazetteer.districts_named(written, True)
        return Place(name_key(districts[0].short)) if districts else None
    if unit.level == "ward":  # a commune the province has: its type asked only if needed
        wards = gazetteer.wards_named(written)
        known = any(w.province == province for w in wards) if province else bool(wards)
        return Place(name_key(written), unit.type) if known else _place(written, None, province)
    found = gazetteer.provinces_named(written) if unit.level in ("province", "city") else ()
    if found and names_province(unit.level, found[0].kind):
        return Place(name_key(found[0].name), _PROVINCE)  # "TP Đà Nẵng" is the province
    if unit.level == "province":
        return None
    named = gazetteer.districts_named(written, True)
    if typed := of_type(in_province(named, province), unit):
        return Place(name_key(typed[0].short), typed[0].type)
    # A name the gazetteer has only under other types ("quận Thủ Đức" of 2019, a
    # Thành phố since 2021): any unit of the name, as if written without its word.
    return _place(written, None, province)


def same_place(a: Place, b: Place, province: str | None) -> bool:
    """Whether two places may be one: one name, and one kind or a kind unsaid. A
    commune written with two words ("xã", "phường") is two only when the province
    has a commune of that name of each type; else one unit under its old word."""
    if a.name != b.name:
        return False
    if a.kind is None or b.kind is None or a.kind == b.kind:
        return True
    return a.commune and b.commune and not _two_communes(a.name, a.kind, b.kind, province)


@lru_cache(maxsize=1024)
def _two_communes(name: str, one: str, other: str, province: str | None) -> bool:
    wards = [w for w in gazetteer.wards_named(name) if w.legacy]
    types = {w.type for w in in_province(wards, province)}
    return one in types and other in types


def scope_pairs(
    mentions: list[Mention], linked: set[frozenset[str]], province: str | None
) -> Iterator[tuple[list[Mention], str]]:
    """Pairs of mentions of one name, in one report or linked reports, that give one
    title of one subject with two places; once per pair of places, with the title.
    The pair comes first, then every other mention of the title with one of the two
    places in those reports (a third report of the event says it too). A pair is
    skipped when a pair already given has places that may be its two (`same_place`,
    not equality: "Kỳ Anh" without a word is huyện Kỳ Anh too), so that one pair
    of places written two ways is one finding."""
    scoped = [(m, s) for m in mentions if m[1].body and (s := scope_of(m[1].body, province))]
    seen: list[tuple[Place, Place]] = []
    for ((i, x), (subject_x, place_x)), ((j, y), (subject_y, place_y)) in itertools.combinations(
        scoped, 2
    ):
        if subject_x != subject_y or same_place(place_x, place_y, province):
            continue
        if not together(i.document.path, j.document.path, linked):
            continue
        titles = set(x.roles) & set(y.roles)
        if not titles or (x.sex is not None and y.sex is not None and x.sex != y.sex):
            continue
        if _given(seen, place_x, place_y, province):
            continue
        seen.append((place_x, place_y))
        title = sorted(titles)[0]
        more = [
            m
            for m, (subject, place) in scoped
            if m not in ((i, x), (j, y))
            and subject == subject_x
            and (same_place(place, place_x, province) or same_place(place, place_y, province))
            and title in m[1].roles
            and together(m[0].document.path, i.document.path, linked)
        ]
        yield [(i, x), (j, y), *more], title


def _given(seen: list[tuple[Place, Place]], x: Place, y: Place, province: str | None) -> bool:
    """Whether a pair of places already given may be these two."""
    return any(
        (same_place(x, a, province) and same_place(y, b, province))
        or (same_place(x, b, province) and same_place(y, a, province))
        for a, b in seen
    )
