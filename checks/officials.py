"""An office given to two people, or one person given two incompatible offices."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from linter.checking import (
    Check,
    DocumentClaims,
    Group,
    Option,
    by_date,
    document_year,
    evidence,
    index,
)
from linter.claims.names import bare, capitalised, name_key_of, people, spelled_alike
from linter.data.places import name_key
from linter.metadata import gazetteer
from linter.models import Finding, OfficialRef, Severity
from linter.nlp import fold

Mention = tuple[DocumentClaims, OfficialRef]
Unit = tuple[str, str]  # (level, name); a name "? path" is a document's own unknown unit


class OfficialConflict(Check):
    """One office held by two names, or one name holding an office and its deputy's.

    Officials are read with their office ("đồng chí Nguyễn Văn A, Chủ tịch UBND
    tỉnh", "Phó Chủ tịch UBND tỉnh Trần Văn B"). An office is its title, body
    and unit: Chủ tịch UBND tỉnh An Giang is not Chủ tịch UBND huyện Chợ Mới,
    and an unnamed "tỉnh" is the document's province. Within a province, an
    office with one holder (Chủ tịch, Bí thư, Giám đốc Sở, Bộ trưởng, but not
    Phó Chủ tịch, which has several) given to two names is a finding; so is one
    name called both Chủ tịch and Phó Chủ tịch of one body, and two deputies
    whose names differ only in their marks ("Hùng", "Hưng"), a likely typo.
    Offices held together ("Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh") are normal.
    Documents within `window-days` of each other, or one document, make a
    warning; documents further apart an info, since people change office.

    Why it matters: a wrong name or title on an official is the correction
    readers notice first and editors fix by hand every day.

    Known problems: names are read by rules over capitalised syllables after
    titles and honorifics, and need a known family name; a short form ("Chủ
    tịch Chung") is not read. A former holder counts only when the text says
    so ("nguyên", "cựu", "khi còn là"); documents without a date are compared as
    if far apart. An office below the province whose unit is not named ("Chủ
    tịch UBND xã") is compared only for a misspelt name: a report may visit
    several communes.

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

    def run(self, group: Group) -> Iterator[Finding]:
        def office(item: DocumentClaims, ref: OfficialRef) -> tuple[object, ...] | None:
            if not _present(item, ref):
                return None
            return (ref.role, ref.deputy, ref.body, _unit(item, ref))

        for bucket in index(group, OfficialRef, office):
            mentions = _first_per_name(bucket)
            ref = mentions[0][1]
            holders = people(r.name for _, r in mentions)
            if ref.single and not ref.deputy and len(holders) > 1:
                unknown = _unit(*mentions[0])[1].startswith("?")
                if not unknown or _all_alike(holders):
                    # "Chủ tịch UBND xã" unnamed, in a report of several communes, may be
                    # two chairs: only a misspelt name is sure to be one office's slip.
                    yield self._two_holders(mentions, group)
            elif ref.deputy:
                yield from self._misspelt_deputies(mentions, group)
        yield from self._incompatible(group)

    def _two_holders(self, mentions: list[Mention], group: Group) -> Finding:
        item, ref = mentions[0]
        written: dict[str, str] = {}  # one spelling per name, the first one met
        for _, r in mentions:
            written.setdefault(name_key_of(r.name), r.name)
        names = list(written.values())
        alike = any(spelled_alike(a, b) for a in names for b in names if a != b)
        office = _label(item, ref)
        if group.lang == "en":
            message = f"{office} is one person, but it is given to {' and '.join(names)}."
            message += (
                " The names differ in a letter, a mark or a syllable: a likely typo."
                if alike
                else ""
            )
        else:
            message = f"{office} chỉ có một người giữ, nhưng được ghi cho {' và '.join(names)}."
            message += (
                " Hai tên chỉ khác một chữ, một dấu hoặc một tiếng: có thể viết sai tên."
                if alike
                else ""
            )
        key = f"holders|{office}|{','.join(names)}"
        return self._finding(message, mentions, group, key, typo=alike)

    def _misspelt_deputies(self, mentions: list[Mention], group: Group) -> Iterator[Finding]:
        seen: set[str] = set()
        for i, (_, a) in enumerate(mentions):
            for _, b in mentions[i + 1 :]:
                written_apart = name_key_of(a.name) != name_key_of(b.name)
                if written_apart and bare(a.name) == bare(b.name) and a.name not in seen:
                    seen.add(a.name)
                    pair = [m for m in mentions if m[1].name in (a.name, b.name)]
                    office = _label(*mentions[0])
                    if group.lang == "en":
                        message = f"{office} is written {a.name} and {b.name}: a likely typo."
                    else:
                        message = (
                            f"{office} được ghi tên {a.name} và {b.name}: có thể viết sai tên."
                        )
                    key = f"spelling|{office}|{a.name}"
                    yield self._finding(message, pair, group, key, typo=True)

    def _incompatible(self, group: Group) -> Iterator[Finding]:
        def person(item: DocumentClaims, ref: OfficialRef) -> tuple[object, ...] | None:
            if not _present(item, ref) or not ref.single:
                return None
            return (name_key_of(ref.name), ref.role, ref.body, _unit(item, ref))

        for bucket in index(group, OfficialRef, person):
            ranks = {ref.deputy for _, ref in bucket}
            if len(ranks) < 2:
                continue
            mentions = _first_per_name(bucket, by=lambda r: r.deputy)
            ref = mentions[0][1]
            offices = list(dict.fromkeys(_label(i, r) for i, r in mentions))
            if group.lang == "en":
                message = f"{ref.name} is called both {' and '.join(offices)}."
            else:
                message = f"{ref.name} được ghi là {' và cũng là '.join(offices)}."
            yield self._finding(message, mentions, group, f"rank|{ref.name}|{','.join(offices)}")

    def _finding(
        self, message: str, mentions: list[Mention], group: Group, key: str, typo: bool = False
    ) -> Finding:
        close = _close(mentions, int(self.option("window-days")))
        if not close and not typo:  # a misspelt name is one person: no change of hands
            dated = all(item.document.meta.date for item, _ in mentions)
            if group.lang == "en":
                when = "The documents are months apart" if dated else "A document has no date"
                message += f" {when}: the office may have changed hands."
            else:
                when = "Các văn bản cách nhau nhiều tháng" if dated else "Có văn bản không rõ ngày"
                message += f" {when}: có thể đã thay đổi nhân sự."
        notes = [evidence(i, r.span, f"{r.name}: {_label(i, r)}") for i, r in mentions]
        severity = Severity.WARNING if close else Severity.INFO
        return self.finding(message, notes, group, severity, key=key)


def _all_alike(names: set[str]) -> bool:
    return all(spelled_alike(a, b) for a in names for b in names if a != b)


def _first_per_name(bucket: list[Mention], by=None) -> list[Mention]:  # noqa: ANN001
    """One mention per (document, name or rank), oldest document first."""
    seen: set[tuple[str, object]] = set()
    kept = []
    for item, ref in by_date(bucket):
        key = (item.document.path, by(ref) if by else name_key_of(ref.name))
        if key not in seen:
            seen.add(key)
            kept.append((item, ref))
    return kept


def _present(item: DocumentClaims, ref: OfficialRef) -> bool:
    """Whether the office is the person's at the document's time: not a former one
    ("nguyên Chủ tịch"), nor one in a sentence about an earlier year ("Ngày
    29/8/1995, Thủ tướng Võ Văn Kiệt ...")."""
    if ref.status != "current":
        return False
    meta = item.document.meta
    year = meta.date.year if meta.date else document_year(item)
    return ref.year is None or year is None or ref.year >= year


def _close(mentions: list[Mention], window: int) -> bool:
    """Whether two mentions that disagree are in one document or within `window` days."""
    for i, (a, ra) in enumerate(mentions):
        for b, rb in mentions[i + 1 :]:
            if (ra.name, ra.deputy) == (rb.name, rb.deputy):
                continue
            if a.document.path == b.document.path:
                return True
            da, db = a.document.meta.date, b.document.meta.date
            if da and db and abs((da - db).days) <= window:
                return True
    return False


def _unit(item: DocumentClaims, ref: OfficialRef) -> tuple[str, str]:
    """The unit whose office it is: named in the text, else the document's own. An
    unnamed "tỉnh" in a sentence that names another province may be that one's."""
    meta = item.document.meta
    own = f"? {item.document.path}"
    if ref.level == "national":
        return ("national", "")
    if ref.place:
        found = gazetteer.province(ref.place) if ref.level in ("province", "city") else None
        return ("province", found.name) if found else (ref.level or "", name_key(ref.place))
    province = gazetteer.province(meta.province) if meta.province else None
    if ref.level in ("province", "city") and province and _elsewhere(item, ref, province.name):
        return (ref.level, own)
    if ref.level == "province":
        return ("province", province.name if province else own)
    if ref.level == "city":
        if province and province.kind == "thành phố":
            return ("province", province.name)
        return ("district", meta.district or own)
    if ref.level == "district":
        return ("district", meta.district or own)
    return (ref.level or "", meta.commune or own)


_UNIT_WORD = re.compile(r"(?<!\w)(?:tỉnh|thành phố|tp)(?!\w)")


def _elsewhere(item: DocumentClaims, ref: OfficialRef, own: str) -> bool:
    """Whether the sentence names a province other than the document's ("tại tỉnh
    Phú Yên, Chủ tịch UBND tỉnh Hoàng Văn Trà ..." in a Bình Định report)."""
    text = item.document.text[ref.sentence[0] : ref.sentence[1]]
    for m in _UNIT_WORD.finditer(fold(text)):
        words = [w for _, _, w in capitalised(text, m.end())]
        for k in range(1, min(len(words), 4) + 1):
            found = gazetteer.provinces_named(" ".join(words[:k]))
            if found and found[0].name != own:
                return True
    return False


def _label(item: DocumentClaims, ref: OfficialRef) -> str:
    """The office as a reader writes it, with the province the document implies."""
    level, place = _unit(item, ref)
    if ref.place or level != "province" or place.startswith("?"):
        return ref.office
    return f"{ref.office} {place}"
