"""One person of a company, association or school given two titles of it that exclude each other."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from checks.person_said import Mention, Said, shared_words
from checks.person_scopes import same_place, scope_of, scope_pairs
from linter.checking import Check, DocumentClaims, Group, by_date, evidence, index
from linter.checking.events import WINDOW_DAYS, linked_paths, together
from linter.claims.names import name_key_of
from linter.claims.person_words import tables
from linter.models import Finding, OfficialRef, PersonRef, Severity
from linter.nlp import fold


class PersonTitle(Check):
    """One person given two titles of one organisation that one person does not hold.

    A person of a company, a cooperative, an association or a school is named
    with a title ("Ông Quản Văn Minh, Giám đốc Công ty CP Đấu giá số 5"). The
    same full name given, in one report or in linked reports of one event, two
    titles that one person does not hold at once in one organisation (director
    and board chairman, principal and vice-principal, chairman and vice-chairman:
    `exclusive_titles` in `linter/data/persons.yaml`) is an info: one of the two
    is likely a slip. Titles written together ("Chủ tịch HĐQT kiêm Tổng giám
    đốc") are held together and never reported, nor are two titles whose
    organisations are written with no word in common (one person may run one
    company and chair another).

    Why it matters: a wrong title misinforms readers about who answers for a
    company or a school, and is the correction its people ask for first.

    A deputy's title against the head's (a promotion) is compared between two
    reports only when both are dated within days of each other.

    One title of two bodies whose names differ only in the place they cover
    ("Chủ tịch Hiệp hội đá quý Hà Nội", "Chủ tịch Hiệp hội đá quý Việt Nam"), in
    one report or linked reports, is an info too: one place is likely a slip
    (`checks.person_scopes`; the country's words in `national_scopes`). Every
    other mention of the title with one of the two places is shown after the
    pair. The body ends at a comma, or where the person speaks ("Chủ tịch Hiệp
    hội đá quý Hà Nội chia sẻ:": `said_after_title` in `persons.yaml`).
    A place keeps the unit word written before it: huyện Kỳ Anh and thị xã Kỳ
    Anh, tỉnh Hà Tĩnh and TP Hà Tĩnh, xã and thị trấn Yên Viên are two units,
    so one title of both is that info, and a head of one unit's body who is the
    deputy of the other's holds two offices, none a slip; "TX" and "thị xã", a
    huyện since made a thị xã, or a name without its word are one unit.

    Known problems: a person who changed title between two dated reports of
    one event is reported. State offices (an `OfficialRef` of the same name: Giám đốc Sở,
    Chủ tịch UBND) are OF01's and left out. A title is read only right before
    the name or after its comma, dash or bracket; a short reference ("ông Minh")
    carries none. A person who chairs both a province's association and the
    country's of one subject, and is given each in reports of one event, is
    reported, and so is one who chairs one place's body and deputises in
    another place's (a city's association, the country's): only one name under
    two unit words counts as two bodies. A unit word the gazetteer of 2025
    cannot tell (a xã of 2017 since made a phường, where the province now has
    both of the name) reads as two units; a word of no unit of the name there
    ("quận Thủ Đức", a Thành phố since 2021; a xã the province has none of)
    reads as no word; a name without its word is never told from one with it;
    a body the reader ends at the full stop of "TP." ("Hội Khuyến học TP.
    Hải Dương") has no place.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-07-10
        province: Hà Nội
        ---
        Ông Quản Văn Minh, Giám đốc Công ty CP Đấu giá số 5, cho biết phiên đấu giá biển số 30E-933.33 kết thúc với giá 1,1 tỷ đồng.
        === b.md
        ---
        date: 2017-07-10
        province: Hà Nội
        ---
        Theo ông Quản Văn Minh, Chủ tịch Hội đồng quản trị Công ty, biển số 30E-933.33 được trả giá 1,1 tỷ đồng.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-07-10
        province: Hà Nội
        ---
        Ông Quản Văn Minh, Chủ tịch HĐQT kiêm Giám đốc Công ty CP Đấu giá số 5, cho biết phiên đấu giá biển số 30E-933.33 kết thúc với giá 1,1 tỷ đồng.
        === b.md
        ---
        date: 2017-07-10
        province: Hà Nội
        ---
        Theo ông Quản Văn Minh, Chủ tịch Hội đồng quản trị Công ty, biển số 30E-933.33 được trả giá 1,1 tỷ đồng.
    """

    code = "PN02"
    name = "person.title"
    severity = Severity.INFO

    def run(self, group: Group) -> Iterator[Finding]:
        exclusive = tables().exclusive
        state = {name_key_of(ref.name) for item in group.items for ref in item.of(OfficialRef)}

        def titled(_: object, ref: PersonRef) -> str | None:
            key = name_key_of(ref.name)
            return key if ref.roles and key not in state else None

        every = index(group, PersonRef, titled)
        buckets = [b for b in every if _two_titles(b, exclusive)]
        province = group.province
        scoped = [
            b
            for b in every
            if len({scope_of(r.body, province) for _, r in b if r.body} - {None}) > 1
        ]
        if not buckets and not scoped:
            return
        linked = linked_paths((item.document for item in group.items), focus=group.focus)
        for bucket in buckets:
            yield from self._compare(by_date(bucket), exclusive, linked, group)
        for bucket in scoped:
            for said, title in scope_pairs(by_date(bucket), linked, province):
                yield self._scopes(said, title, group)

    def _compare(
        self,
        mentions: list[Mention],
        exclusive: frozenset[frozenset[str]],
        linked: set[frozenset[str]],
        group: Group,
    ) -> Iterator[Finding]:
        # Titles one mention gives ("Chủ tịch HĐQT kiêm Tổng giám đốc") are held together.
        joint = {r for _, ref in mentions for r in _pairs(ref.roles) if r in exclusive}
        seen: set[frozenset[str]] = set()
        for (i, x), (j, y) in itertools.combinations(mentions, 2):
            if not together(i.document.path, j.document.path, linked):
                continue  # two events: nothing to compare
            same = i.document.path == j.document.path
            apart: bool | None = None  # read once per pair of mentions, when needed
            for a, b in itertools.product(x.roles, y.roles):
                pair = frozenset((a, b))
                if pair not in exclusive or pair in joint or pair in seen:
                    continue
                if a in y.roles or b in x.roles:
                    continue
                if apart is None:
                    apart = _apart((i, x), (j, y), group)
                if apart:
                    continue
                if not same and _rank(a, b) and not _dated_close(i, j):
                    continue  # a deputy made head: reports with no dates may be months apart
                seen.add(pair)
                yield self._finding(mentions, (i, x), (j, y), a, b, group)

    def _finding(
        self,
        mentions: list[Mention],
        first: Mention,
        second: Mention,
        a: str,
        b: str,
        group: Group,
    ) -> Finding:
        name = first[1].name
        if group.lang == "en":
            message = (
                f"{name} is called {a} in one place and {b} in another, of one organisation:"
                " one person does not hold both; one title is likely a slip."
            )
        else:
            message = (
                f"{name} được ghi là {a} ở một chỗ và {b} ở chỗ khác của cùng một đơn vị:"
                " một người không giữ cả hai; có thể một chức danh bị ghi sai."
            )
        notes = [
            evidence(item, ref.span, f"{ref.name}: {', '.join(ref.roles)}")
            for item, ref in (first, second)
        ]
        key = f"title|{name_key_of(name)}|{','.join(sorted((a, b)))}"
        return self.finding(message, notes, group, key=key)

    def _scopes(self, said: list[Mention], title: str, group: Group) -> Finding:
        """The pair of places first, then every other mention of one of them."""
        first, second = said[:2]
        name, one, other = first[1].name, first[1].body, second[1].body
        if group.lang == "en":
            message = (
                f"{name} is called {title} of {one} in one place and of {other} in another:"
                " the bodies differ only in the place they cover; one is likely a slip."
            )
        else:
            message = (
                f"{name} được ghi là {title} {one} ở một chỗ và {title} {other} ở chỗ khác:"
                " hai đơn vị chỉ khác địa danh; có thể một tên đơn vị bị ghi sai."
            )
        notes = [evidence(item, ref.span, f"{ref.name}: {ref.body}") for item, ref in said]
        places = sorted(fold(r.body) for _, r in (first, second))
        return self.finding(
            message, notes, group, key=f"scope|{name_key_of(name)}|{'|'.join(places)}"
        )


def _pairs(roles: tuple[str, ...]) -> Iterator[frozenset[str]]:
    return (frozenset(p) for p in itertools.combinations(roles, 2))


def _two_titles(bucket: list[Mention], exclusive: frozenset[frozenset[str]]) -> bool:
    """Whether the name is given, across its mentions, two titles that exclude each other."""
    roles = {r for _, ref in bucket for r in ref.roles}
    return any(frozenset(p) in exclusive for p in itertools.combinations(sorted(roles), 2))


def _rank(a: str, b: str) -> bool:
    """A deputy's title and the head's ("hiệu phó", "hiệu trưởng"): a promotion apart."""
    return any(t.startswith(("phó ", "hiệu phó")) for t in (a, b))


def _dated_close(i: DocumentClaims, j: DocumentClaims) -> bool:
    x, y = i.document.meta.date, j.document.meta.date
    return x is not None and y is not None and abs((x - y).days) <= WINDOW_DAYS


def _apart(x: Mention, y: Mention, group: Group) -> bool:
    """Two people, or two organisations: another sex, a list, no word in common, or
    one name under two unit words ("Hội Chữ thập đỏ huyện Kỳ Anh", "Hội Chữ thập
    đỏ thị xã Kỳ Anh"). Two names ("Hiệp hội đá quý Hà Nội", "Hiệp hội đá quý
    Việt Nam") are not enough: a head of one is seldom the deputy of the other,
    and the pair is the slip PN02 reports."""
    here, there = (scope_of(ref.body, group.province) if ref.body else None for _, ref in (x, y))
    # A person may chair one unit's association and deputise in another's of its name.
    if (
        here
        and there
        and here[1].name == there[1].name
        and not same_place(here[1], there[1], group.province)
    ):
        return True
    one, other = Said(), Said()
    one.add(*x)
    other.add(*y)
    if one.listed or other.listed or (one.sexes and other.sexes and not one.sexes & other.sexes):
        return True
    own = set(fold(group.province or "").split())
    return bool(one.words - own and other.words - own and not shared_words(one, other, group))
