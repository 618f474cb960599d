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
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import lru_cache

from checks.person_said import Mention
from linter.checking.events import together
from linter.claims.person_words import tables
from linter.metadata import gazetteer
from linter.nlp import fold

# Unit words before a place that are no part of the body's subject: "Hội Nông dân tỉnh".
_UNIT_WORDS = frozenset({"tỉnh", "thành", "phố", "tp", "tp.", "huyện", "quận", "thị", "xã"})
MIN_SUBJECT = 2  # "Hội Hà Nội" says no subject: two words at least ("Hiệp hội đá quý")


@lru_cache(maxsize=4096)
def scope_of(body: str) -> tuple[str, str] | None:
    """(subject, place), both folded, of a body named with its place at the end."""
    words = body.replace("(", " ").replace(")", " ").split()
    for k in range(min(4, len(words) - 1), 0, -1):
        tail = words[-k:]
        if not all(w[:1].isupper() for w in tail):
            continue
        if place := _place(" ".join(tail)):
            subject = words[:-k]
            while subject and fold(subject[-1]).rstrip(".") in _UNIT_WORDS:
                subject = subject[:-1]
            if len(subject) < MIN_SUBJECT:
                return None
            return fold(" ".join(subject)), place
    return None


def _place(written: str) -> str | None:
    """One key for each place however written ("TP HCM", "Hồ Chí Minh"): the
    country, a province's name, or a district's; None for what is no place."""
    if fold(written) in tables().national:
        return "việt nam"
    if provinces := gazetteer.provinces_named(written):
        return fold(provinces[0].name)
    if districts := gazetteer.districts_named(written, True):
        return "district " + fold(districts[0].name)
    return None


def scope_pairs(
    mentions: list[Mention], linked: set[frozenset[str]]
) -> Iterator[tuple[list[Mention], str]]:
    """Pairs of mentions of one name, in one report or linked reports, that give one
    title of one subject with two places; once per pair of places, with the title.
    The pair comes first, then every other mention of the title with one of the two
    places in those reports (a third report of the event says it too)."""
    scoped = [(m, s) for m in mentions if m[1].body and (s := scope_of(m[1].body))]
    seen: set[frozenset[str]] = set()
    for ((i, x), (subject_x, place_x)), ((j, y), (subject_y, place_y)) in itertools.combinations(
        scoped, 2
    ):
        if subject_x != subject_y or place_x == place_y or frozenset((place_x, place_y)) in seen:
            continue
        if not together(i.document.path, j.document.path, linked):
            continue
        titles = set(x.roles) & set(y.roles)
        if titles and (x.sex is None or y.sex is None or x.sex == y.sex):
            seen.add(frozenset((place_x, place_y)))
            title = sorted(titles)[0]
            more = [
                m
                for m, (subject, place) in scoped
                if m not in ((i, x), (j, y))
                and subject == subject_x
                and place in (place_x, place_y)
                and title in m[1].roles
                and together(m[0].document.path, i.document.path, linked)
            ]
            yield [(i, x), (j, y), *more], title
