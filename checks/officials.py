"""An office given to two people, or one person given two incompatible offices."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from typing import ClassVar

from checks.official_titles import two_offices
from checks.successions import Mention, close_in_time, report_year, unexplained
from linter.checking import (
    DAYS,
    EVIDENCE_PER_NAME,
    Bound,
    Check,
    DocumentClaims,
    Group,
    Option,
    by_date,
    evidence,
    per_document,
)
from linter.checking.kept import focused_index
from linter.claims.names import bare, name_key_of, people, spelled_alike
from linter.claims.offices import label_of, unit_of
from linter.models import Finding, OfficialRef, Severity


class OfficialConflict(Check):
    """One office held by two names, or one name holding an office and its deputy's.

    Officials are read with their office ("đồng chí Nguyễn Văn A, Chủ tịch UBND
    tỉnh", "Phó Chủ tịch UBND tỉnh Trần Văn B"). An office is its title, body
    and unit: Chủ tịch UBND tỉnh An Giang is not Chủ tịch UBND huyện Chợ Mới,
    nor is huyện Kỳ Anh's thị xã Kỳ Anh's (the unit word tells two units of one
    name apart), nor xã Tân Tiến of Bù Đốp that of Đồng Phú (the district written
    right after the commune's name, else the metadata's); an unnamed "tỉnh" is the document's
    province, an unnamed "thị xã" the document's district if it is one. In a
    province, an office with one holder (Chủ tịch, Bí thư, Giám đốc Sở, Bộ
    trưởng, not Phó Chủ tịch, which has several) given to two names is a
    finding; so is one name called both Chủ tịch and Phó Chủ tịch of one body,
    and two deputies whose names differ only in their marks ("Hùng", "Hưng"), a
    likely typo. Offices held together ("Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh")
    are normal; so are holders that follow one another (`checks.successions`: in
    time order one run of reports per name, each new name given by two or more
    reports, or by one more than a year later, strictly after the last report of
    the name before, over `window-days` later or after several reports of that
    name). Each stretch of names no such change of hands explains is one finding
    (three chairs, the second a handover, the third named once months later: the
    second against the third). In it one document or two within `window-days`
    make a warning, documents further apart an info; every name given by several
    documents, an info that the office changed hands; one name heading two
    bodies in one document ("Giám đốc Sở Y tế", "Giám đốc Sở Tài chính":
    `checks.official_titles`), an info.

    Why it matters: a wrong name or title on an official is the correction
    readers notice first and editors fix by hand every day.

    Known problems: names are read after titles and honorifics, with a known
    family name, never a short form. A former holder counts only when the text
    says so ("nguyên", "cựu", "khi còn là"); a document with neither date nor
    year is compared as if far apart; one with neither that names the old holder
    after the new one's reports reads as a succession. An office below the
    province whose unit is not named ("Chủ tịch UBND xã") is compared only for a
    misspelt name: a report may visit several communes; nor is a commune whose
    name another district shares compared outside its report when neither the
    words right after its name ("xã Tân Tiến (Bù Đốp)", "xã Tân Tiến, huyện Bù
    Đốp") nor the metadata say which district: one the text names anywhere
    else is not read as the commune's. Capitalised words after "đường", "cầu",
    "trường" name a thing after a person ("đường Phạm Văn Đồng, Giám đốc Sở
    ..."); a name glued to the next sentence by a missing full stop is cut only
    before the words listed as opening one. Two bodies for one head are read in
    one document only, and only fixtures show it.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-06-20
        province: An Giang
        ---
        Ông Vương Bình Thạnh, Chủ tịch UBND tỉnh An Giang, chủ trì hội nghị.
        === b.md
        ---
        date: 2017-06-28
        province: An Giang
        ---
        Chủ tịch UBND tỉnh An Giang Vương Bình Thành đã ký quyết định.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-06-20
        province: An Giang
        ---
        Ông Vương Bình Thạnh, Chủ tịch UBND tỉnh An Giang, chủ trì hội nghị.
        === b.md
        ---
        date: 2017-06-28
        province: An Giang
        ---
        Phó Chủ tịch UBND tỉnh Lê Văn Nưng và Phó Chủ tịch UBND tỉnh Trần Anh Thư dự.
    """

    code = "OF01"
    name = "official.title"
    severity = Severity.WARNING
    options: ClassVar[Mapping[str, Option]] = {"window-days": 60}
    bounds: ClassVar[Mapping[str, Bound]] = {"window-days": DAYS}

    def run(self, group: Group) -> Iterator[Finding]:
        def office(item: DocumentClaims, ref: OfficialRef) -> tuple[object, ...] | None:
            if not _present(item, ref):
                return None
            return (ref.role, ref.deputy, ref.body, unit_of(item.document, ref))

        window = int(self.option("window-days"))
        for bucket in focused_index(group, OfficialRef, office, (self.code, "office")):
            mentions = _first_per_name(bucket)
            ref = mentions[0][1]
            holders = people(r.name for _, r in mentions)
            if ref.single and not ref.deputy and len(holders) > 1:
                unknown = unit_of(mentions[0][0].document, mentions[0][1])[1].startswith("?")
                alike = [spelled_alike(a, b) for a, b in itertools.combinations(sorted(holders), 2)]
                # "Chủ tịch UBND xã" unnamed, in a report of several communes, may be
                # two chairs: only a misspelt name is sure to be one office's slip.
                if not unknown or all(alike):
                    # A misspelt name is one person: never a change of hands. Else
                    # each stretch of names no succession explains is one finding.
                    typo = any(alike)
                    for part in [mentions] if typo else unexplained(mentions, window):
                        yield self._two_holders(part, group, typo=typo)
            elif ref.deputy:
                yield from self._misspelt_deputies(mentions, group)
        yield from self._incompatible(group)
        yield from two_offices(self, group)  # one name heading two bodies in one text

    def _two_holders(self, mentions: list[Mention], group: Group, typo: bool) -> Finding:
        item, ref = mentions[0]
        written: dict[str, str] = {}  # one spelling per name, the first one met
        for _, r in mentions:
            written.setdefault(name_key_of(r.name), r.name)
        names = list(written.values())
        office = label_of(item.document, ref)
        if group.lang == "en":
            message = f"{office} is one person, but it is given to {' and '.join(names)}."
            slip = " The names differ in a letter, a mark or a syllable: a likely typo."
        else:
            message = f"{office} chỉ có một người giữ, nhưng được ghi cho {' và '.join(names)}."
            slip = " Hai tên chỉ khác một chữ, một dấu hoặc một tiếng: có thể viết sai tên."
        message += slip if typo else ""
        key = f"holders|{office}|{','.join(names)}"
        documents: dict[str, set[str]] = defaultdict(set)
        for i, r in mentions:
            documents[name_key_of(r.name)].add(i.document.path)
        # A slip is one odd document against the others; when every name is given by
        # several documents, each has its own reports: the office changed hands.
        handover = not typo and all(len(paths) > 1 for paths in documents.values())
        return self._finding(message, mentions, group, key, typo=typo, handover=handover)

    def _misspelt_deputies(self, mentions: list[Mention], group: Group) -> Iterator[Finding]:
        """Deputies are several, but two of them named alike but for the marks are one
        name misspelt. Names are bucketed by their bare form: linear in mentions."""
        spellings: dict[str, dict[str, str]] = defaultdict(dict)
        for _, ref in mentions:
            spellings[bare(ref.name)].setdefault(name_key_of(ref.name), ref.name)
        office = label_of(mentions[0][0].document, mentions[0][1])
        for written in spellings.values():
            if len(written) < 2:
                continue
            a, b, *_ = written.values()
            pair = [m for m in mentions if m[1].name in written.values()]
            if group.lang == "en":
                message = f"{office} is written {a} and {b}: a likely typo."
            else:
                message = f"{office} được ghi tên {a} và {b}: có thể viết sai tên."
            yield self._finding(message, pair, group, f"spelling|{office}|{a}", typo=True)

    def _incompatible(self, group: Group) -> Iterator[Finding]:
        def person(item: DocumentClaims, ref: OfficialRef) -> tuple[object, ...] | None:
            if not _present(item, ref) or not ref.single:
                return None
            return (name_key_of(ref.name), ref.role, ref.body, unit_of(item.document, ref))

        for bucket in focused_index(group, OfficialRef, person, (self.code, "person")):
            ranks = {ref.deputy for _, ref in bucket}
            if len(ranks) < 2:
                continue
            mentions = _first_per_name(bucket, by=lambda r: r.deputy)
            ref = mentions[0][1]
            offices = list(dict.fromkeys(label_of(i.document, r) for i, r in mentions))
            if group.lang == "en":
                message = f"{ref.name} is called both {' and '.join(offices)}."
            else:
                message = f"{ref.name} được ghi là {' và cũng là '.join(offices)}."
            yield self._finding(message, mentions, group, f"rank|{ref.name}|{','.join(offices)}")

    def _finding(
        self,
        message: str,
        mentions: list[Mention],
        group: Group,
        key: str,
        typo: bool = False,
        handover: bool = False,
    ) -> Finding:
        close = close_in_time(mentions, int(self.option("window-days"))) and not handover
        if handover:
            if group.lang == "en":
                message += (
                    " Each name is given by several documents: the office may have changed hands."
                )
            else:
                message += " Mỗi tên đều được nhiều văn bản ghi: có thể đã thay đổi nhân sự."
        elif not close and not typo:  # a misspelt name is one person: no change of hands
            dated = all(item.document.meta.date for item, _ in mentions)
            if group.lang == "en":
                when = "The documents are months apart" if dated else "A document has no date"
                message += f" {when}: the office may have changed hands."
            else:
                when = "Các văn bản cách nhau nhiều tháng" if dated else "Có văn bản không rõ ngày"
                message += f" {when}: có thể đã thay đổi nhân sự."
        # A Prime Minister is named in thousands of reports: a finding shows the oldest
        # few documents of each name, enough to find and fix them.
        shown: dict[tuple[str, bool], int] = defaultdict(int)
        notes = []
        for i, r in mentions:
            said = (name_key_of(r.name), r.deputy)
            shown[said] += 1
            if shown[said] <= EVIDENCE_PER_NAME:
                notes.append(evidence(i, r.span, f"{r.name}: {label_of(i.document, r)}"))
        severity = Severity.WARNING if close else Severity.INFO
        return self.finding(message, notes, group, severity, key=key)


def _first_per_name(
    bucket: list[Mention], by: Callable[[OfficialRef], object] | None = None
) -> list[Mention]:
    """One mention per (document, name or rank), oldest document first."""
    return per_document(by_date(bucket), key=by or (lambda ref: name_key_of(ref.name)))


def _present(item: DocumentClaims, ref: OfficialRef) -> bool:
    """Whether the office is the person's at the document's time: not a former one
    ("nguyên Chủ tịch"), nor one in a sentence about an earlier year ("Ngày
    29/8/1995, Thủ tướng Võ Văn Kiệt ...")."""
    if ref.status != "current":
        return False
    if ref.year is None:
        return True
    year = report_year(item)
    return year is None or ref.year >= year
