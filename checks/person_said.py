"""What the reports say of a name, and what makes two near names one person (for PN01).

A name's mentions in a document are merged (`Said`): the sexes its honorifics
give, its roles, the capitalised words beside it (its organisation, its place),
its age. Two near names are one person when they share a role, a word of the
organisation (or its initials: "Phú Khang", "P.K") or an age, or, inside one
report, when one is introduced and the other comes with nothing of its own.
They are two people when they stand in one sentence or a list, or are given
another sex, age, role or organisation. Names are paired through an index of
each name with one syllable left out, so the work is linear in names.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from linter.checking import DocumentClaims, Group
from linter.claims.names import bare
from linter.models import PersonRef
from linter.nlp import fold

Mention = tuple[DocumentClaims, PersonRef]
# Middle syllables half of all names carry: sharing them says nothing of a person.
COMMON_MIDDLES = frozenset({"văn", "thị"})


@dataclass
class Said:
    """What the documents say of one name: merged over its mentions."""

    mentions: list[Mention] = field(default_factory=list)
    sexes: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    ages: set[int] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)  # of runs of its words: "pk"
    listed: bool = False

    def add(self, item: DocumentClaims, ref: PersonRef) -> None:
        self.mentions.append((item, ref))
        self.sexes.update([ref.sex] if ref.sex else [])
        self.roles.update(ref.roles)
        self.words.update(ref.words)
        self.ages.update([ref.age] if ref.age is not None else [])
        firsts = [bare(w)[0] for w in ref.words]
        for n in (2, 3, 4):
            self.initials.update("".join(firsts[i : i + n]) for i in range(len(firsts) - n + 1))
        self.listed = self.listed or ref.listed

    @property
    def introduced(self) -> bool:
        return bool(self.roles or self.words or self.ages)


Buckets = dict[tuple[object, ...], list[str]]


def left_out(names: list[str]) -> Buckets:
    """Names of three or four syllables by what is left with one syllable left out:
    (length, which syllable, the others). Two names of one bucket differ in that
    syllable only, so pairs are found in linear time, not by comparing every two."""
    buckets: Buckets = defaultdict(list)
    for key in names:
        words = key.split()
        if len(words) < 3:
            continue
        for j in range(len(words)):
            buckets[(len(words), j, *words[:j], *words[j + 1 :])].append(key)
    return buckets


def near_pairs(buckets: Buckets) -> list[tuple[str, str, bool]]:
    """Pairs of names one syllable apart (`left_out`'s buckets), and whether that
    syllable is a slip of a mark or a letter."""
    pairs = []
    for (_, j, *_rest), keys in sorted(buckets.items(), key=lambda kv: repr(kv[0])):
        for a, b in itertools.combinations(sorted(keys), 2):
            x, y = a.split(), b.split()
            if slip := _slip(x[j], y[j]):
                pairs.append((a, b, slip))
            elif j == 0 and any(w not in COMMON_MIDDLES for w in x[1:-1]) and _initial(x, y):
                pairs.append((a, b, False))  # "Lưu Bình Nhưỡng", "Lê Bình Nhưỡng"
    return pairs


def middle_pairs(buckets: Buckets) -> list[tuple[str, str]]:
    """Names of three syllables with the same family and given name and another
    middle one that is no slip of it ("Trần Chí Kiên", "Trần Duy Kiên"), from
    `left_out`'s buckets of the middle syllable; never a middle "Văn" or "Thị"
    ("Nguyễn Văn Hùng" is no "Nguyễn Đức Hùng")."""
    middles = sorted(
        (key[2:], [k for k in keys if k.split()[1] not in COMMON_MIDDLES])
        for key, keys in buckets.items()
        if key[:2] == (3, 1)
    )
    return [
        (a, b)
        for _, keys in middles
        for a, b in itertools.combinations(sorted(keys), 2)
        if not _slip(a.split()[1], b.split()[1])
    ]


def _slip(x: str, y: str) -> bool:
    """Syllables a slip of marks and one letter apart: "Chất", "Chấn"; "Phạm", "Phan";
    never a middle "Văn" or "Thị" for another ("Nguyễn Thị Hà", "Nguyễn Thu Hà")."""
    if x in COMMON_MIDDLES or y in COMMON_MIDDLES:
        return False
    p, q = bare(x), bare(y)
    if p == q:
        return True
    if len(p) == len(q):
        return sum(c != d for c, d in zip(p, q, strict=True)) == 1
    short, long = sorted((p, q), key=len)
    return len(long) - len(short) == 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


def _initial(x: list[str], y: list[str]) -> bool:
    """Family names with the same first letter: "Lưu", "Lê"; never "Hà", "Phạm"."""
    return bare(x[0])[0] == bare(y[0])[0]


def one_person(one: Said, other: Said, same_document: bool, group: Group) -> bool:
    """What makes two near names in one report or one event one person."""
    if same_document:
        sentences = {ref.sentence for _, ref in one.mentions}
        if any(ref.sentence in sentences for _, ref in other.mentions):
            return False  # "Nguyễn Văn An và Nguyễn Văn Anh": two people, one sentence
        if one.introduced != other.introduced:
            return True  # "ông Ngô Văn Chất, Trưởng phòng ..." then "ông Ngô Văn Chấn cho biết"
    shared = one.roles & other.roles or shared_words(one, other, group)
    return bool(shared or one.ages & other.ages)


def two_people(one: Said, other: Said, group: Group) -> bool:
    """What tells two people apart: a list, another sex, age, role or organisation."""
    if one.listed or other.listed:
        return True
    for x, y in ((one.sexes, other.sexes), (one.ages, other.ages), (one.roles, other.roles)):
        if x and y and not x & y:
            return True
    own = set(fold(group.province or "").split())  # every report of the province says it
    return bool(one.words - own and other.words - own and not shared_words(one, other, group))


def shared_words(one: Said, other: Said, group: Group) -> set[str]:
    """Words of an organisation both say, or a short one that is the initials of
    the other's ("PK" for "Phú Khang"); the province's own name tells no one apart."""
    shared = one.words & other.words - set(fold(group.province or "").split())
    for x, y in ((one, other), (other, one)):
        shared |= {w for w in x.words if 2 <= len(w) <= 4 and bare(w) in y.initials}
    return shared


def merge(found: Iterable[Said]) -> Said:
    merged = Said()
    for said in found:
        for item, ref in said.mentions:
            merged.add(item, ref)
    return merged
