"""Citations of one legal document that disagree on its number, date or issuer."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from linter.checking import (
    Check,
    DocumentClaims,
    Group,
    by_date,
    evidence,
    format_date,
    index,
)
from linter.claims.citations import issuer_label, tables
from linter.metadata import gazetteer
from linter.models import Finding, LegalRef, Severity

# Two citations whose surrounding words overlap this much are about the same subject.
SAME_SUBJECT = 0.5
# Councils number a few dozen to a few hundred resolutions a year, in sessions held
# on much the same days every year, so "số 104 ngày 18/12" recurs; only bodies that
# issue many hundreds of documents a year (decisions, dispatches) reach numbers
# this high, and the same one on the same day of two years is a mistyped year.
YEAR_SLIP_MIN_NUMBER = 300
# The Party's committees number their documents through a term (khóa) of five years,
# not a year: "Chỉ thị 05-CT/TW" is one directive of the whole term, so the same
# number on the same day of two years is a mistyped year, however low the number.
_PARTY_SYMBOL = re.compile(r"^[a-zđ]+/(?:tw|tu|hu|đu|qu)$")


def _district_level(issuer: str | None, province: str | None) -> bool:
    """Bodies of a district or town (level `district` in citations.yaml): the same key
    names a different council in each district, and each numbers its own documents.
    "HĐND thành phố" (level `city`) is a provincial city's council in a tỉnh, but the
    one council of a centrally-run city (Đà Nẵng, Hà Nội)."""
    level = tables().levels.get(issuer or "")
    if level == "district":
        return True
    if level == "city":
        found = gazetteer.province(province) if province else None
        return found is None or found.kind != "thành phố"
    return False


def _body(item: DocumentClaims, ref: LegalRef) -> tuple[str | None, str | None]:
    """The issuing body, told apart by district for district-level bodies. A
    document whose district is unknown may be about any district of the
    province, so its district-level bodies are its own and never merged."""
    meta = item.document.meta
    if not _district_level(ref.issuer, meta.province):
        return ref.issuer, None
    return ref.issuer, meta.district or f"? {item.document.path}"


def _same_document(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Whether citations credited to bodies `a` and `b` may be of one document:
    two district-level bodies of different districts number their own."""
    return a[1] is None or b[1] is None or a[1] == b[1]


def _first_per_document(
    pairs: list[tuple[DocumentClaims, LegalRef]], field: str
) -> list[tuple[DocumentClaims, LegalRef]]:
    """One citation per (document, value of `field`): a document citing the same
    resolution five times is one piece of evidence, not five."""
    seen: set[tuple[str, object]] = set()
    result = []
    for item, ref in by_date(pairs):
        key = (item.document.path, getattr(ref, field))
        if key not in seen:
            seen.add(key)
            result.append((item, ref))
    return result


def _similar(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / len(wa | wb) >= SAME_SUBJECT


class CitationNumberConflict(Check):
    """The same issuer, document type and date is cited with different numbers.

    One body rarely issues two documents of the same type on the same day about
    the same subject, so when two announcements cite "Nghị quyết ... ngày
    30/3/2023 của HĐND tỉnh" about the same subject with numbers 12 and 13, one
    of them is wrong (warning). Different subjects on the same day are common
    after a council session, so those are only noted (info).

    Why it matters: a resolution cited with the wrong number sends readers and
    lower bodies to another text, and a wrong legal basis voids what rests on it.

    Known problems: the subject is read from the few words around the citation
    ("về ..."); two resolutions of one session about close subjects may be taken
    for one. A short form ("Nghị quyết 12") counts only once its full citation is
    in the same document.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2023-12-23
        province: Quảng Ninh
        ---
        Giảm 50% hộ cận nghèo theo chuẩn nghèo đa chiều tại Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023 của HĐND tỉnh.
        === b.md
        ---
        date: 2023-12-14
        province: Quảng Ninh
        ---
        Giảm 50% hộ cận nghèo theo chuẩn nghèo đa chiều tại Nghị quyết số 13 ngày 30/3/2023 của HĐND tỉnh.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2023-12-23
        province: Quảng Ninh
        ---
        Thực hiện chuẩn nghèo đa chiều tại Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023 của HĐND tỉnh.
        === b.md
        ---
        date: 2023-12-14
        province: Quảng Ninh
        ---
        Thực hiện chuẩn nghèo đa chiều tại Nghị quyết số 12 ngày 30/3/2023 của HĐND tỉnh.
    """

    code = "VB01"
    name = "citation.number-conflict"
    severity = Severity.WARNING

    def run(self, group: Group) -> Iterator[Finding]:
        def key(item: DocumentClaims, ref: LegalRef) -> tuple[object, ...] | None:
            if ref.date and ref.issuer and ref.number and not ref.resolved:
                return (ref.doc_type, _body(item, ref), ref.date)
            return None

        for bucket in index(group, LegalRef, key):
            pairs = _first_per_document(bucket, "number")
            numbers = list(dict.fromkeys(ref.number for _, ref in pairs))
            if len(numbers) < 2:
                continue
            same_subject = any(
                _similar(a.subject, b.subject)
                for i, (_, a) in enumerate(pairs)
                for _, b in pairs[i + 1 :]
                if a.number != b.number
            )
            ref = pairs[0][1]
            issuer = issuer_label(ref.issuer)
            cited = " và ".join(f"số {n}" for n in numbers)
            if group.lang == "en":
                message = (
                    f"{ref.doc_type} of {issuer} dated {format_date(ref.date)} is cited with "
                    f"different numbers ({', '.join(numbers)}); check which number is right."
                )
            else:
                message = (
                    f"{ref.doc_type} của {issuer} ngày {format_date(ref.date)} được trích dẫn "
                    f"với số hiệu khác nhau ({cited}): kiểm tra lại số hiệu đúng."
                )
            severity = Severity.WARNING if same_subject else Severity.INFO
            notes = [evidence(i, r.span, f"số {r.number}") for i, r in pairs]
            key = f"{ref.doc_type}|{_body(*pairs[0])}|{ref.date}|{','.join(sorted(numbers))}"
            yield self.finding(message, notes, group, severity, key=key)


class CitationDateConflict(Check):
    """The same numbered document is cited with different dates or issuers.

    "Nghị quyết số 176/NQ-HĐND ngày 8/12/2023" in one announcement and
    "Nghị quyết số 176/NQ-HĐND ngày 18/12/2023" in another cannot both be right;
    nor can the same number and year be credited to two different bodies. A
    number whose symbol holds no year ("văn bản số 567/TTg-NN") cited on the same
    day and month of two years ("ngày 10/5/2007" / "ngày 10.5.2017") is one
    dispatch with a mistyped year.

    Why it matters: the date identifies a document as much as its number; a
    wrong one cannot be looked up, and a reader cannot tell which text is meant.

    Known problems: bodies below the province are told apart by the document's
    district; a document whose district is unknown is compared with nobody's
    district bodies, so a real slip there is missed.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2023-12-23
        province: Quảng Ninh
        ---
        Thực hiện Nghị quyết số 176/NQ-HĐND ngày 8/12/2023 của HĐND tỉnh về nhiệm vụ năm 2024.
        === b.md
        ---
        date: 2023-12-30
        province: Quảng Ninh
        ---
        Triển khai Nghị quyết số 176/NQ-HĐND ngày 18/12/2023 của HĐND tỉnh về nhiệm vụ năm 2024.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2023-12-23
        province: Quảng Ninh
        ---
        Thực hiện Nghị quyết số 176/NQ-HĐND ngày 8/12/2023 của HĐND tỉnh về nhiệm vụ năm 2024.
        === b.md
        ---
        date: 2023-12-30
        province: Quảng Ninh
        ---
        Triển khai Nghị quyết 176 của HĐND tỉnh và Nghị quyết số 176/NQ-HĐND ngày 8/12/2023.
    """

    code = "VB02"
    name = "citation.date-conflict"
    severity = Severity.WARNING

    def run(self, group: Group) -> Iterator[Finding]:
        def key(item: DocumentClaims, ref: LegalRef) -> tuple[object, ...] | None:
            if ref.number and ref.year and not ref.resolved and (ref.date or ref.issuer):
                return (ref.doc_type, ref.number, ref.year)
            return None

        for pairs in index(group, LegalRef, key):
            # Same body, different dates; then same date, different bodies. Each
            # council numbers its own documents, so number 45 of HĐND tỉnh and
            # number 45 of HĐND thị xã on other dates are simply two documents.
            by_body: dict[object, list[tuple[DocumentClaims, LegalRef]]] = defaultdict(list)
            by_date: dict[object, list[tuple[DocumentClaims, LegalRef]]] = defaultdict(list)
            for item, ref in pairs:
                if ref.date:
                    by_body[_body(item, ref)].append((item, ref))
                if ref.issuer and ref.date:
                    by_date[ref.date].append((item, ref))
            for body in sorted(by_body, key=repr):
                dated = _first_per_document(by_body[body], "date")
                if len({r.date for _, r in dated}) > 1:
                    yield self._finding(dated, group, "date")
            for date in sorted(by_date, key=repr):
                issued = _first_per_document(by_date[date], "issuer")
                bodies = {_body(i, r) for i, r in issued}  # distinct: few, whatever the corpus
                clash = {a for a in bodies for b in bodies if a[0] != b[0] and _same_document(a, b)}
                clashing = [(i, r) for i, r in issued if _body(i, r) in clash]
                if clashing:
                    yield self._finding(clashing, group, "issuer")
        yield from self._year_slips(group)

    def _year_slips(self, group: Group) -> Iterator[Finding]:
        """A number whose symbol holds no year ("567/TTg-NN") is dated only by its date:
        the same number, symbol and body on the same day and month of two years is
        one document with a mistyped year ("ngày 10/5/2007" / "ngày 10.5.2017"); so is
        a Party document's, numbered through a term ("05-CT/TW ngày 15/5/2016" /
        "ngày 15/5/2017")."""

        def key(item: DocumentClaims, ref: LegalRef) -> tuple[object, ...] | None:
            if not (ref.number and ref.symbol and ref.date and not ref.resolved):
                return None
            if not ref.number.isdigit():
                return None
            party = _PARTY_SYMBOL.match(ref.symbol.lower())
            if int(ref.number) < YEAR_SLIP_MIN_NUMBER and not party:
                return None  # "Nghị quyết số 104/NQ-HĐND ngày 18/12" recurs every year
            if str(ref.date.year) in ref.span.quote.split("ngày")[0]:
                return None  # "45/2023/QĐ-UBND": the year is part of the number
            day = (ref.date.day, ref.date.month)
            return (ref.doc_type, ref.number, ref.symbol.lower(), _body(item, ref), day)

        for pairs in index(group, LegalRef, key):
            dated = _first_per_document(pairs, "date")
            years = sorted({str(r.date.year) for _, r in dated if r.date})
            if len(years) == 2 and sum(a != b for a, b in zip(*years, strict=True)) == 1:
                yield self._finding(dated, group, "date")  # 2007 typed 2017: one digit

    def _finding(
        self, pairs: list[tuple[DocumentClaims, LegalRef]], group: Group, field: str
    ) -> Finding:
        ref = pairs[0][1]
        if field == "date":
            values = list(dict.fromkeys(format_date(r.date) for _, r in pairs))
            notes = [evidence(i, r.span, f"ngày {format_date(r.date)}") for i, r in pairs]
        else:
            values = list(dict.fromkeys(issuer_label(r.issuer) for _, r in pairs))
            notes = [evidence(i, r.span, issuer_label(r.issuer)) for i, r in pairs]
        if group.lang == "en":
            what = "dates" if field == "date" else "issuers"
            message = f"{ref.doc_type} no. {ref.number}/{ref.year} is cited with different {what}: {', '.join(values)}."
        else:
            what = "ngày ban hành" if field == "date" else "cơ quan ban hành"
            message = f"{ref.doc_type} số {ref.number} năm {ref.year} được trích dẫn với {what} khác nhau: {', '.join(values)}."
        key = f"{ref.doc_type}|{ref.number}|{ref.year}|{field}|{','.join(sorted(values))}"
        return self.finding(message, notes, group, key=key)
