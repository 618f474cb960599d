"""Citations of one numbered document that disagree on its date or issuer (VB02)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from checks.citations import _body, _first_per_document, _same_document
from linter.checking import Check, DocumentClaims, Group, evidence, format_date, index
from linter.models import Finding, LegalRef, Severity

# Councils number a few dozen to a few hundred resolutions a year, in sessions held
# on much the same days every year, so "số 104 ngày 18/12" recurs; only bodies that
# issue many hundreds of documents a year (decisions, dispatches) reach numbers
# this high, and the same one on the same day of two years is a mistyped year.
YEAR_SLIP_MIN_NUMBER = 300
# The Party's committees number their documents through a term (khóa) of five years,
# not a year: "Chỉ thị 05-CT/TW" is one directive of the whole term, so the same
# number on the same day of two years is a mistyped year, however low the number.
_PARTY_SYMBOL = re.compile(r"^[a-zđ]+/(?:tw|tu|hu|đu|qu)$")


class CitationDateConflict(Check):
    """The same numbered document is cited with different dates or issuers.

    "Nghị quyết số 176/NQ-HĐND ngày 8/12/2023" in one announcement and
    "Nghị quyết số 176/NQ-HĐND ngày 18/12/2023" in another cannot both be right;
    nor can the same number and year be credited to two different bodies. A
    number whose symbol holds no year ("văn bản số 567/TTg-NN") cited on the same
    day and month of two years ("ngày 10/5/2007" / "ngày 10.5.2017") is one
    dispatch with a mistyped year. A number that holds its year cited with a
    date of another year ("Quyết định số 45/2016/QĐ-UBND ngày 10/5/2017") is
    one too: a document is numbered in the year it is issued.

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
        yield from self._number_years(group)

    def _number_years(self, group: Group) -> Iterator[Finding]:
        """A number that holds its year ("45/2016/QĐ-UBND") cited with a date of
        another year ("ngày 10/5/2017"): a document is numbered in the year it is
        issued, so one of the two was mistyped."""
        for item in group.items:
            for ref in item.of(LegalRef):
                if ref.resolved or not (ref.date and ref.year and ref.number):
                    continue
                number = ref.span.quote.split("ngày")[0]
                if f"/{ref.year}/" not in number.replace(" ", "") or ref.date.year == ref.year:
                    continue
                yield self._number_year(item, ref, group)

    def _number_year(self, item: DocumentClaims, ref: LegalRef, group: Group) -> Finding:
        dated = format_date(ref.date)
        if group.lang == "en":
            message = f"{ref.doc_type} no. {ref.number}/{ref.year} is numbered in {ref.year} but dated {dated}."
        else:
            message = f"{ref.doc_type} số {ref.number}/{ref.year} mang số năm {ref.year} nhưng ghi ngày {dated}."
        key = f"{ref.doc_type}|{ref.number}|{ref.year}|number-year|{dated}"
        notes = [evidence(item, ref.span)]
        return self.finding(message, notes, group, district=item.document.meta.district, key=key)

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
            values = list(dict.fromkeys(r.issuer or "?" for _, r in pairs))
            notes = [evidence(i, r.span, r.issuer or "?") for i, r in pairs]
        if group.lang == "en":
            what = "dates" if field == "date" else "issuers"
            message = f"{ref.doc_type} no. {ref.number}/{ref.year} is cited with different {what}: {', '.join(values)}."
        else:
            what = "ngày ban hành" if field == "date" else "cơ quan ban hành"
            message = f"{ref.doc_type} số {ref.number} năm {ref.year} được trích dẫn với {what} khác nhau: {', '.join(values)}."
        key = f"{ref.doc_type}|{ref.number}|{ref.year}|{field}|{','.join(sorted(values))}"
        return self.finding(message, notes, group, key=key)
