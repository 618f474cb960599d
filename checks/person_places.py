"""One person, named in full, said to live in two places of one level."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from checks.nationalities import Said, flagged, two_nationalities
from checks.person_said import Mention
from linter.checking import Check, Group, by_date, evidence, index
from linter.checking.events import linked_paths, together
from linter.claims.names import bare, name_key_of
from linter.claims.person_home import level_of, unit_word
from linter.models import Finding, PersonRef, Severity
from linter.nlp import fold

# A city or a province after a name is as often a deputy's delegation ("Đại biểu
# Trương Trọng Nghĩa (TP HCM)") as a home, and is written many ways: not compared.
COMPARED = frozenset({"village", "commune", "district"})
MIN_SYLLABLES = 3  # "Lê Hà" may be two people of one event; "Đinh Xuân Hướng" hardly


class PersonPlace(Check):
    """One person given two homes, or a person or a ship two nationalities.

    Reports say where a person lives right after the name: "ông Đinh Xuân Hướng
    (47 tuổi, phường Vạn Sơn, quận Đồ Sơn)", "anh Lê Văn Võ, 37 tuổi, trú tại xã
    An Lư". The same full name of three or four syllables, in one report or in
    linked reports of one event, given two units of one level (two wards or
    communes, two districts, two villages) is an info: one of the two is likely
    a slip. Names given another age or another sex are two people and never
    compared. So is a name of two words or more given two nationalities or
    flags ("tàu vận tải Chemroad Journey (quốc tịch Calmal Island)", "Tàu
    Chemroad Journey, quốc tịch Cayman Islands": `checks.nationalities`).

    Why it matters: a victim's or a witness's ward is how neighbours and
    officials find the family; a wrong one sends them to another place.

    Known problems: only the address said right after the name is read (in the
    brackets or after the comma, perhaps after "trú", "ngụ", "ở"); a hometown
    ("quê ...") is not an address and is not read. Two people of one full name
    in reports of one event, with no age to tell them apart, are reported, and
    so may be a street named after a person that the reader of names takes for
    one ("số 10 Nguyễn Tất Thành (quận 4)"). A city or a province is not
    compared: after a deputy's name it is the delegation, not a home. Two
    names of one country ("Mỹ", "Hoa Kỳ") are two nationalities.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-07-01
        province: Hải Phòng
        ---
        Trâu số 18 của ông Đinh Xuân Hướng (47 tuổi, phường Vạn Sơn, quận Đồ Sơn) húc chủ tại lễ hội chọi trâu Đồ Sơn.
        === b.md
        ---
        date: 2017-07-02
        province: Hải Phòng
        ---
        Tại lễ hội chọi trâu Đồ Sơn, trâu số 18 của ông Đinh Xuân Hướng (47 tuổi, phường Vạn Hương) húc chủ.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-07-01
        province: Hải Phòng
        ---
        Trâu số 18 của ông Đinh Xuân Hướng (47 tuổi, phường Vạn Sơn, quận Đồ Sơn) húc chủ tại lễ hội chọi trâu Đồ Sơn.
        === b.md
        ---
        date: 2017-07-02
        province: Hải Phòng
        ---
        Tại lễ hội chọi trâu Đồ Sơn, trâu số 18 của ông Đinh Xuân Hướng (47 tuổi, phường Vạn Sơn) húc chủ.
    """

    code = "PN03"
    name = "person.place"
    severity = Severity.INFO

    def run(self, group: Group) -> Iterator[Finding]:
        def homed(_: object, ref: PersonRef) -> str | None:
            key = name_key_of(ref.name)
            return key if ref.home and len(key.split()) >= MIN_SYLLABLES else None

        buckets = [b for b in index(group, PersonRef, homed) if len({r.home for _, r in b}) > 1]
        documents = flagged(group.items)
        if not buckets and not documents:
            return
        linked = linked_paths((item.document for item in group.items), focus=group.focus)
        for one, other in two_nationalities(documents, linked):
            yield self._nationalities(one, other, group)
        for bucket in buckets:
            seen: set[frozenset[str]] = set()
            for first, second, here, there in _pairs(by_date(bucket), linked):
                places = frozenset((here, there))
                if places not in seen:
                    seen.add(places)
                    yield self._finding(first, second, here, there, group)

    def _finding(
        self, first: Mention, second: Mention, here: str, there: str, group: Group
    ) -> Finding:
        name, one, other = first[1].name, _shown(here), _shown(there)
        if group.lang == "en":
            message = f"{name} lives in {one} in one place and in {other} in another: one is likely a slip."
        else:
            message = f"{name} được ghi ở {one} tại một chỗ và ở {other} tại chỗ khác: có thể một nơi bị ghi sai."
        # The name and the address said after it: "Đinh Xuân Hướng (47 tuổi, phường Vạn Sơn".
        notes = [evidence(item, ref.home_span or ref.span) for item, ref in (first, second)]
        key = f"home|{name_key_of(name)}|{'|'.join(sorted((one, other)))}"
        return self.finding(message, notes, group, key=key)

    def _nationalities(self, one: list[Said], other: list[Said], group: Group) -> Finding:
        item, said = one[0]
        name = re.split(r"[ \t]*[(,]", item.document.text[said.start : said.end])[0]
        first, second = said.nationality, other[0][1].nationality
        if group.lang == "en":
            message = f"{name} is of {first} in one place and of {second} in another: one is likely a slip."
        else:
            message = f"{name} được ghi quốc tịch {first} ở một chỗ và {second} ở chỗ khác: có thể một nơi bị ghi sai."
        notes = [evidence(i, i.document.span(n.start, n.end)) for i, n in (*one, *other)]
        key = f"nationality|{said.name}|{'|'.join(sorted((fold(first), fold(second))))}"
        return self.finding(message, notes, group, key=key)


def _pairs(
    mentions: list[Mention], linked: set[frozenset[str]]
) -> Iterator[tuple[Mention, Mention, str, str]]:
    """Mentions of one name in one report or linked reports, of one person (no other
    age, no other sex), that give one level two units; with the two units."""
    homed = [(mention, _levels(mention[1])) for mention in mentions]
    for ((i, x), here), ((j, y), there) in itertools.combinations(homed, 2):
        if not together(i.document.path, j.document.path, linked):
            continue
        if (x.age is not None and y.age is not None and x.age != y.age) or (
            x.sex and y.sex and x.sex != y.sex
        ):
            continue
        for level in sorted(here.keys() & there.keys() & COMPARED):
            if bare(here[level]) != bare(there[level]):
                yield (i, x), (j, y), here[level], there[level]
                break


def _levels(ref: PersonRef) -> dict[str, str]:
    """The units of a mention's home by level: read once per mention."""
    return {level_of(unit): unit for unit in ref.home}


def _shown(unit: str) -> str:
    """ "phường vạn sơn" as a reader writes it: "phường Vạn Sơn"."""
    word = unit_word(unit)
    return f"{word} {unit[len(word) + 1 :].title()}"
