"""One person named two ways: full names a syllable apart, said of the same role."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

from checks.person_said import (
    Mention,
    Said,
    left_out,
    merge,
    middle_pairs,
    near_pairs,
    one_person,
    shared_words,
    two_people,
)
from linter.checking import EVIDENCE_PER_NAME, Check, Group, by_date, evidence, index, per_document
from linter.checking.events import linked_paths, together
from linter.claims.names import name_key_of
from linter.claims.person_words import tables
from linter.models import Evidence, Finding, OfficialRef, PersonRef, Severity


class PersonName(Check):
    """One person given two full names a syllable apart, with the same role.

    Full names are read with what the text says of the person beside them: the
    honorific (ông, bà, em), the role or title ("Trưởng phòng", "đại diện",
    "Đại biểu Quốc hội"), the organisation or place written there and an age.
    Two names of three or four syllables, in one report or in two linked
    reports of one event, that differ in one syllable while the rest is equal
    are compared. The syllable may differ by its marks and one letter ("Chất",
    "Chấn"; "Phạm", "Phan"; "Thành", "Thanh"), or be another family name of the
    same first letter ("Lưu Bình Nhưỡng", "Lê Bình Nhưỡng") when both names are
    given the same title of the same body. They are one person misspelt when
    the two share a role, a word of their organisation (or its initials: "Phú
    Khang", "P.K") or an age, or when, inside one report, the second full name
    comes with nothing of its own after the first was introduced. Info; a
    warning when both share a title and its body and one spelling is in one
    report only, against several reports of the other. Reports of different
    events are compared only for that firm case with a slip of marks and one
    letter, and give an info.

    Why it matters: a misspelt name of a pupil, a witness or a deputy is the
    correction readers notice first, and the second spelling is often copied.

    Known problems: two people with near names do exist (siblings, "Nguyễn Văn
    An" and "Nguyễn Văn Anh"): names in one sentence or in a list, of different
    sexes, ages or roles, or with different organisations, are taken to be two
    people and never reported; two people with near names and nothing said of
    either beyond one shared word are reported. A middle name wholly different
    ("Trần Chí Kiên", "Trần Duy Kiên") is compared only for two children (em,
    cháu, bé, học sinh) in linked reports of one event, where two children of
    one family and given name are rare (an info; another age, role or school
    says two children); a middle "Văn" or "Thị" for another, and names of two
    syllables, are never compared. Office holders of the state (an
    `OfficialRef` office shared by both names) are OF01's and left out here.

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
        said: dict[str, dict[str, Said]] = defaultdict(lambda: defaultdict(Said))
        for bucket in index(group, PersonRef, lambda _, ref: name_key_of(ref.name)):
            for item, ref in by_date(bucket):
                said[name_key_of(ref.name)][item.document.path].add(item, ref)
        buckets = left_out(list(said))
        pairs = near_pairs(buckets)
        children = [(a, b) for a, b in middle_pairs(buckets) if _child(said[a]) and _child(said[b])]
        if not pairs and not children:
            return
        held = _offices(group)
        linked = linked_paths((item.document for item in group.items), focus=group.focus)
        for a, b, slip in pairs:
            if held.get(a, set()) & held.get(b, set()):
                continue  # a state office's holder given two names: OF01 says so
            if finding := self._compare(a, b, slip, said[a], said[b], linked, group):
                yield finding
        for a, b in children:
            if finding := self._children(a, b, said[a], said[b], linked, group):
                yield finding

    def _children(
        self,
        a: str,
        b: str,
        in_a: dict[str, Said],
        in_b: dict[str, Said],
        linked: set[frozenset[str]],
        group: Group,
    ) -> Finding | None:
        """A child named with another middle name in another report of one event: in
        one event two children of one family and given name are rare, siblings never."""
        event = [
            (pa, pb) for pa, pb in itertools.product(in_a, in_b) if frozenset((pa, pb)) in linked
        ]
        if not event:
            return None
        one = merge(in_a[pa] for pa in sorted({pa for pa, _ in event}))
        other = merge(in_b[pb] for pb in sorted({pb for _, pb in event}))
        if two_people(one, other, group):
            return None
        one, other = _ordered(
            (one, len({i.document.path for i, _ in one.mentions})),
            (other, len({i.document.path for i, _ in other.mentions})),
        )
        first, second = one.mentions[0][1].name, other.mentions[0][1].name
        if group.lang == "en":
            message = (
                f"{first} and {second} differ only in the middle name, both a child in reports"
                " of one event: likely one child with a misspelt name."
            )
        else:
            message = (
                f"{first} và {second} chỉ khác tên đệm, cùng là trẻ em trong các bài về cùng một"
                " sự kiện: có thể là một em bị viết sai tên."
            )
        return self.finding(message, _notes(one, other), group, key=f"child|{a}|{b}")

    def _compare(
        self,
        a: str,
        b: str,
        slip: bool,
        in_a: dict[str, Said],
        in_b: dict[str, Said],
        linked: set[frozenset[str]],
        group: Group,
    ) -> Finding | None:
        event = {  # (document of a, document of b): one report, or reports of one event
            (pa, pb)
            for pa, pb in itertools.product(in_a, in_b)
            if together(pa, pb, linked) and one_person(in_a[pa], in_b[pb], pa == pb, group)
        }
        paths_a = sorted({pa for pa, _ in event} if event else in_a)
        paths_b = sorted({pb for _, pb in event} if event else in_b)
        one, other = merge(in_a[p] for p in paths_a), merge(in_b[p] for p in paths_b)
        if two_people(one, other, group):
            return None
        role, words = one.roles & other.roles, shared_words(one, other, group)
        # Same title and organisation, and one spelling in one report against several.
        firm = bool(role) and bool(words or role & tables().bodied)
        counts = sorted((len(paths_a), len(paths_b)))
        lonely = counts[0] == 1 and counts[1] > 1
        if not event and not (firm and lonely and slip):
            return None  # reports of other events: only a firm slip of a mark or a letter
        if not slip and not firm:
            return None  # another family name ("Đặng", "Đinh"): the same title and body only
        severity = Severity.WARNING if event and firm and lonely else None
        one, other = _ordered((one, len(paths_a)), (other, len(paths_b)))
        message = _message(one, other, role, words, group.lang, bool(event))
        return self.finding(message, _notes(one, other), group, severity, key=f"name|{a}|{b}")


def _message(
    one: Said, other: Said, role: set[str], words: set[str], lang: str, event: bool
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


def _ordered(one: tuple[Said, int], other: tuple[Said, int]) -> tuple[Said, Said]:
    """Two names, each with how many documents give it, in the order a finding shows
    them: the spelling most reports give, or the introduced, or the earlier, first."""
    if _rank(*other) < _rank(*one):
        return other[0], one[0]
    return one[0], other[0]


def _notes(one: Said, other: Said) -> list[Evidence]:
    """A few documents of each spelling, the mention that says most in each."""
    return [
        evidence(item, ref.span, ref.name)
        for said in (one, other)
        for item, ref in _first_per_document(said.mentions)
    ]


def _rank(said: Said, documents: int) -> tuple[object, ...]:
    """Which of two names comes first: given by more documents, introduced, older."""
    item, ref = by_date(said.mentions)[0]
    date = item.document.meta.date
    when = (date is None, date.isoformat() if date else "", item.document.path, ref.span.line)
    return (-documents, not said.introduced, when)


def _first_per_document(mentions: list[Mention]) -> list[Mention]:
    """The mention that says most of the person, one per document, a few documents."""
    return per_document(mentions, EVIDENCE_PER_NAME, better=_says_more)


def _says_more(ref: PersonRef, kept: PersonRef) -> bool:
    """A role or an organisation said of the person, where the kept mention gives no role."""
    return bool(ref.roles or ref.words) and not kept.roles


def _child(documents: dict[str, Said]) -> bool:
    """Called a child (em, cháu, bé, học sinh) wherever a word before the name says who."""
    sexes = {sex for said in documents.values() for sex in said.sexes}
    return sexes == {"child"}


def _offices(group: Group) -> dict[str, set[tuple[str, bool, str]]]:
    """The state offices each name is given (OfficialRef), to leave OF01's to it."""
    held: dict[str, set[tuple[str, bool, str]]] = defaultdict(set)
    for item in group.items:
        for ref in item.of(OfficialRef):
            held[name_key_of(ref.name)].add((ref.role, ref.deputy, ref.body))
    return held
