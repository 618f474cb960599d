"""Citations of one legal document that disagree on its number (VB01), and what VB02
(checks/citation_dates.py) shares with it: which body issued a citation."""

from __future__ import annotations

from collections.abc import Iterator

from linter.checking import (
    Check,
    DocumentClaims,
    Group,
    by_date,
    evidence,
    format_date,
    index,
    per_document,
)
from linter.claims.citations import tables
from linter.metadata import gazetteer
from linter.models import Finding, LegalRef, Severity

# Two citations whose surrounding words overlap this much are about the same subject.
SAME_SUBJECT = 0.5


def _district_level(issuer: str | None, province: str | None) -> bool:
    """Bodies of a district or town (level `district` in citations.yaml): the same name
    is a different council in each district, and each numbers its own documents.
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


def _stable(body: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """A body as fingerprints have always named it (its key in citations.yaml), so
    that baselines written before issuers were labels stay valid."""
    issuer, district = body
    return tables().keys.get(issuer or "", issuer), district


def _same_document(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Whether citations credited to bodies `a` and `b` may be of one document:
    two district-level bodies of different districts number their own."""
    return a[1] is None or b[1] is None or a[1] == b[1]


def _first_per_document(
    pairs: list[tuple[DocumentClaims, LegalRef]], field: str
) -> list[tuple[DocumentClaims, LegalRef]]:
    """One citation per (document, value of `field`): a document citing the same
    resolution five times is one piece of evidence, not five."""
    return per_document(by_date(pairs), key=lambda ref: getattr(ref, field))


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
            issuer = ref.issuer
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
            key = (
                f"{ref.doc_type}|{_stable(_body(*pairs[0]))}|{ref.date}|{','.join(sorted(numbers))}"
            )
            yield self.finding(message, notes, group, severity, key=key)
