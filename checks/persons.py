"""One person named two ways: full names a syllable apart, said of the same role."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from linter.checking import Check, DocumentClaims, Group, by_date, evidence, index
from linter.checking.events import linked_pairs
from linter.claims.names import bare, name_key_of
from linter.claims.persons import tables
from linter.models import Finding, OfficialRef, PersonRef, Severity
from linter.nlp import fold

Mention = tuple[DocumentClaims, PersonRef]
# Middle syllables half of all names carry: sharing them says nothing of a person.
COMMON_MIDDLES = frozenset({"văn", "thị"})
EVIDENCE_PER_NAME = 5


@dataclass
class _Said:
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


class PersonName(Check):
    """One person given two full names a syllable apart, with the same role.

    Full names are read with what the text says of the person beside them: the
    honorific (ông, bà, em), the role or title ("Trưởng phòng", "đại diện",
    "Đại biểu Quốc hội"), the organisation or place written there and an age.
    Two names of one report, or of two linked reports of one event, that differ
    in one syllable while the rest is equal are compared: the given name may
    differ only in a mark or a letter ("Chất", "Chấn"), a middle name likewise
    ("Thành", "Thanh"), a family name in any way when the middle name is
    distinctive ("Lưu Bình Nhưỡng", "Lê Bình Nhưỡng"). They are one person
    misspelt when the two share a role, a word of their organisation (or its
    initials: "Phú Khang", "P.K") or an age, or when, inside one report, the
    second full name comes with nothing of its own after the first was
    introduced. Info; a warning when both share a title and an organisation and
    one spelling is in one report only, against several reports of the other.

    Why it matters: a misspelt name of a pupil, a witness or a deputy is the
    correction readers notice first, and the second spelling is often copied.

    Known problems: two people with near names do exist (siblings, "Nguyễn Văn
    An" and "Nguyễn Văn Anh"): names in one sentence or in a list, of different
    sexes, ages or roles, or with different organisations, are taken to be two
    people and never reported; two people with near names and nothing said of
    either beyond one shared word are reported. Names of two syllables and names
    whose middle name is only "Văn" or "Thị" are compared only by their given
    name. Office holders of the state are OF01's and left out here.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-06-30
        province: Hà Nội
        ---
        Ông Ngô Văn Chất, Trưởng phòng Quản lý thi (Sở GD&ĐT Hà Nội) cho biết Sở sẽ quyết định việc hạ điểm chuẩn. Để giúp phụ huynh, ông Ngô Văn Chấn cho biết các trường phải có chỉ tiêu.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-06-30
        province: Hà Nội
        ---
        Ông Ngô Văn Chất, Trưởng phòng Quản lý thi (Sở GD&ĐT Hà Nội) cho biết Sở sẽ quyết định việc hạ điểm chuẩn. Bà Ngô Văn Chấn, giáo viên Trường THPT Kim Liên, cho biết trường đủ chỉ tiêu.
    """

    code = "PN01"
    name = "person.name"
    severity = Severity.INFO

    def run(self, group: Group) -> Iterator[Finding]:
        said: dict[str, dict[str, _Said]] = defaultdict(lambda: defaultdict(_Said))
        for bucket in index(group, PersonRef, lambda _, ref: name_key_of(ref.name)):
            for item, ref in by_date(bucket):
                said[name_key_of(ref.name)][item.document.path].add(item, ref)
        pairs = _near_pairs(list(said))
        if not pairs:
            return
        held = _offices(group)
        linked = {
            frozenset((a.path, b.path))
            for a, b, _ in linked_pairs(item.document for item in group.items)
        }
        for a, b, slip in pairs:
            if held.get(a, set()) & held.get(b, set()):
                continue  # a state office's holder given two names: OF01 says so
            if finding := self._compare(a, b, slip, said[a], said[b], linked, group):
                yield finding

    def _compare(
        self,
        a: str,
        b: str,
        slip: bool,
        in_a: dict[str, _Said],
        in_b: dict[str, _Said],
        linked: set[frozenset[str]],
        group: Group,
    ) -> Finding | None:
        event = {  # (document of a, document of b): one report, or reports of one event
            (pa, pb)
            for pa, pb in itertools.product(in_a, in_b)
            if (pa == pb or frozenset((pa, pb)) in linked)
            and _one_person(in_a[pa], in_b[pb], pa == pb, group)
        }
        paths_a = sorted({pa for pa, _ in event} if event else in_a)
        paths_b = sorted({pb for _, pb in event} if event else in_b)
        one, other = _merge(in_a[p] for p in paths_a), _merge(in_b[p] for p in paths_b)
        if _two_people(one, other, group):
            return None
        role, words = one.roles & other.roles, _shared_words(one, other, group)
        # Same title and organisation, and one spelling in one report against several.
        firm = bool(role) and bool(words or role & tables().bodied)
        counts = sorted((len(paths_a), len(paths_b)))
        lonely = counts[0] == 1 and counts[1] > 1
        if not event and not (firm and lonely and slip):
            return None  # reports of other events: only a firm slip of a mark or a letter
        severity = Severity.WARNING if event and firm and lonely else None
        if _rank(other, len(paths_b)) < _rank(one, len(paths_a)):
            one, other = other, one  # the spelling most reports give, or the introduced, first
        message = _message(one, other, role, words, group.lang, bool(event))
        notes = [
            evidence(item, ref.span, ref.name)
            for said in (one, other)
            for item, ref in _first_per_document(said.mentions)
        ]
        return self.finding(message, notes, group, severity, key=f"name|{a}|{b}")


def _message(
    one: _Said, other: _Said, role: set[str], words: set[str], lang: str, event: bool
) -> str:
    first, second = one.mentions[0][1].name, other.mentions[0][1].name
    ages = sorted(one.ages & other.ages)
    if lang == "en":
        why = (
            f", both {', '.join(sorted(role))}"
            if role
            else f", both with «{', '.join(sorted(words))}»"
            if words
            else f", both {ages[0]} years old"
            if ages
            else ", the second with nothing said of the person"
        )
        where = "" if event else " The reports are of different events."
        return f"{first} and {second} differ in one syllable{why}: likely one person with a misspelt name.{where}"
    why = (
        f", cùng là {', '.join(sorted(role))}"
        if role
        else f", cùng đi với «{', '.join(sorted(words))}»"
        if words
        else f", cùng {ages[0]} tuổi"
        if ages
        else ", tên sau không kèm chức danh hay đơn vị nào"
    )
    where = "" if event else " Các bài không cùng một sự kiện."
    return (
        f"{first} và {second} chỉ khác một tiếng{why}: có thể là một người bị viết sai tên.{where}"
    )


def _rank(said: _Said, documents: int) -> tuple[object, ...]:
    """Which of two names comes first: given by more documents, introduced, older."""
    item, ref = by_date(said.mentions)[0]
    date = item.document.meta.date
    when = (date is None, date.isoformat() if date else "", item.document.path, ref.span.line)
    return (-documents, not said.introduced, when)


def _near_pairs(names: list[str]) -> list[tuple[str, str, bool]]:
    """Pairs of names one syllable apart, and whether that syllable is a slip of a
    mark or a letter, found through an index of each name with one syllable left
    out: linear in names, not quadratic."""
    buckets: dict[tuple[object, ...], list[str]] = defaultdict(list)
    for key in names:
        words = key.split()
        if len(words) < 3:
            continue
        for j in range(len(words)):
            buckets[(len(words), j, *words[:j], *words[j + 1 :])].append(key)
    pairs = []
    for (_, j, *_rest), keys in sorted(buckets.items(), key=lambda kv: repr(kv[0])):
        for a, b in itertools.combinations(sorted(keys), 2):
            x, y = a.split(), b.split()
            if slip := _slip(x[j], y[j]):
                pairs.append((a, b, slip))
            elif j == 0 and any(w not in COMMON_MIDDLES for w in x[1:-1]) and _initial(x, y):
                pairs.append((a, b, False))  # "Lưu Bình Nhưỡng", "Lê Bình Nhưỡng"
    return pairs


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


def _one_person(one: _Said, other: _Said, same_document: bool, group: Group) -> bool:
    """What makes two near names in one report or one event one person."""
    if same_document:
        sentences = {ref.sentence for _, ref in one.mentions}
        if any(ref.sentence in sentences for _, ref in other.mentions):
            return False  # "Nguyễn Văn An và Nguyễn Văn Anh": two people, one sentence
        if one.introduced != other.introduced:
            return True  # "ông Ngô Văn Chất, Trưởng phòng ..." then "ông Ngô Văn Chấn cho biết"
    shared = one.roles & other.roles or _shared_words(one, other, group)
    return bool(shared or one.ages & other.ages)


def _two_people(one: _Said, other: _Said, group: Group) -> bool:
    """What tells two people apart: a list, another sex, age, role or organisation."""
    if one.listed or other.listed:
        return True
    for x, y in ((one.sexes, other.sexes), (one.ages, other.ages), (one.roles, other.roles)):
        if x and y and not x & y:
            return True
    own = set(fold(group.province or "").split())  # every report of the province says it
    return bool(one.words - own and other.words - own and not _shared_words(one, other, group))


def _shared_words(one: _Said, other: _Said, group: Group) -> set[str]:
    """Words of an organisation both say, or a short one that is the initials of
    the other's ("PK" for "Phú Khang"); the province's own name tells no one apart."""
    shared = one.words & other.words - set(fold(group.province or "").split())
    for x, y in ((one, other), (other, one)):
        shared |= {w for w in x.words if 2 <= len(w) <= 4 and bare(w) in y.initials}
    return shared


def _merge(found: Iterable[_Said]) -> _Said:
    merged = _Said()
    for said in found:
        for item, ref in said.mentions:
            merged.add(item, ref)
    return merged


def _first_per_document(mentions: list[Mention]) -> list[Mention]:
    """The mention that says most of the person, one per document, a few documents."""
    best: dict[str, Mention] = {}
    for item, ref in mentions:
        path = item.document.path
        if path not in best or ((ref.roles or ref.words) and not best[path][1].roles):
            best[path] = (item, ref)
    return list(best.values())[:EVIDENCE_PER_NAME]


def _offices(group: Group) -> dict[str, set[tuple[str, bool, str]]]:
    """The state offices each name is given (OfficialRef), to leave OF01's to it."""
    held: dict[str, set[tuple[str, bool, str]]] = defaultdict(set)
    for item in group.items:
        for ref in item.of(OfficialRef):
            held[name_key_of(ref.name)].add((ref.role, ref.deputy, ref.body))
    return held
