"""Council sessions, party conferences and congresses whose numbers, dates or terms disagree."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

from checks.session_terms import (
    Pair,
    first,
    gap_of,
    meetings_of,
    numeral_clash,
    roman,
    term_of,
    term_problem,
    years_label,
)
from linter.checking import Check, DocumentClaims, Group, evidence, format_date
from linter.data.sessions import body
from linter.models import Finding, SessionRef, Severity

# Two dates of one meeting further apart than this many days may be two meetings an
# editor could mean (a resolution passed in July, cited at December's session): info.
MONTHS_APART = 31
_MEETING = {
    "vi": {"session": "Kỳ họp", "conference": "Hội nghị", "congress": "Đại hội"},
    "en": {
        "session": "The session of",
        "conference": "The conference of",
        "congress": "The congress of",
    },
}


class SessionConflict(Check):
    """A council session, conference or congress is given a number, date or khóa another citation contradicts.

    Within a document and across the documents of one province, one body's
    meetings are compared: the same day cited as "kỳ họp thứ 4" and "kỳ họp
    thứ 5" of one council (warning); one session number given two dates further
    apart than a session lasts (a council sits one to five days; warning, info
    when the dates are more than a month apart, as a later text may mean another
    session); numbers that do not grow with the dates (conference 15 before
    conference 14 of one khóa); a "nhiệm kỳ" that is not one of the body's terms
    (HĐND: 2011-2016, 2016-2021, 2021-2026; a provincial party committee:
    2015-2020, 2020-2025) or that the meeting's date falls outside; and a khóa
    that does not fit the date: the National Assembly and the Central Committee
    have one numeral per term everywhere (Quốc hội khóa XIV is 2016-2021), a
    province's council and party committee number their terms their own way, so
    their khóa is compared across the province's documents (khóa IX for a 2017
    session in one, khóa X in another). Terms and session lengths are in
    `linter/data/sessions.yaml`.

    Why it matters: the session identifies the resolutions passed at it and the
    officials elected there; a wrong number or khóa points readers to another
    meeting, another term, and another set of decisions.

    Known problems: a date is a meeting's only when its sentence names that one
    meeting and one date, and a date without its year needs the document's
    date; a meeting whose body is not named beside it ("tại kỳ họp thứ 4",
    "trình Quốc hội xem xét, thông qua tại kỳ họp thứ 3") is not read; a date
    inside the months when terms change (elections, congresses) belongs to no
    term and is not checked against a khóa; councils renumbered after the 2025
    mergers are compared within the new term only.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-07-12
        province: Ninh Bình
        ---
        Sáng 12/7, Kỳ họp thứ 5 HĐND tỉnh khóa XIV, nhiệm kỳ 2016-2021 đã khai mạc.
        === b.md
        ---
        date: 2017-07-13
        province: Ninh Bình
        ---
        Chiều 12/7, Kỳ họp thứ 6 HĐND tỉnh khóa XIV thảo luận về tình hình kinh tế - xã hội.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-07-12
        province: Ninh Bình
        ---
        Sáng 12/7, Kỳ họp thứ 5 HĐND tỉnh khóa XIV, nhiệm kỳ 2016-2021 đã khai mạc.
        === b.md
        ---
        date: 2017-07-13
        province: Ninh Bình
        ---
        Chiều 13/7, Kỳ họp thứ 5 HĐND tỉnh khóa XIV thảo luận về tình hình kinh tế - xã hội.
    """

    code = "SE01"
    name = "session.conflict"
    severity = Severity.WARNING

    def run(self, group: Group) -> Iterator[Finding]:
        by_body: dict[tuple[object, ...], list[Pair]] = defaultdict(list)
        for item in group.items:
            for ref in item.of(SessionRef):
                if ref.body and (ref.level == "national" or ref.place):
                    by_body[(ref.body, ref.level, ref.place)].append((item, ref))
        for key in sorted(by_body, key=repr):
            pairs = by_body[key]
            yield from self._own_terms(pairs, group)
            yield from self._numerals(pairs, group)
            series: dict[str, list[Pair]] = defaultdict(list)
            for item, ref in pairs:
                series[ref.meeting].append((item, ref))
            for meeting in sorted(series):
                yield from self._numbers(series[meeting], group)

    def _own_terms(self, pairs: list[Pair], group: Group) -> Iterator[Finding]:
        """Each citation on its own: its "nhiệm kỳ" is one of the body's terms, its date
        falls inside it, and a nationwide numeral is the term's."""
        for item, ref in first(pairs, lambda r: (r.term, r.term_years, r.start)):
            if problem := term_problem(body(ref.body), ref):
                yield self._term_finding(item, ref, problem, group)

    def _numerals(self, pairs: list[Pair], group: Group) -> Iterator[Finding]:
        """A province's own numerals: khóa minus the term's index is the same for all."""
        b = body(pairs[0][1].body)
        shown = numeral_clash(b, pairs)
        if not shown:
            return
        said = sorted({(years_label(b.years(term_of(b, r) or 0)), r.term or 0) for _, r in shown})
        listed = ", ".join(f"khóa {roman(k)} ({y})" for y, k in said)
        label = _label(pairs[0][1], group.lang, start=True)
        if group.lang == "en":
            message = f"{label} is given term numerals that do not agree: {listed}."
        else:
            message = f"{label} được ghi khóa không khớp với nhiệm kỳ: {listed}."
        notes = [evidence(i, r.span, f"khóa {roman(r.term or 0)}") for i, r in shown]
        key = f"{self.code}|numeral|{pairs[0][1].body}|{pairs[0][1].place}|{listed}"
        yield self.finding(message, notes, group, key=key, district=_district(pairs[0][1]))

    def _numbers(self, pairs: list[Pair], group: Group) -> Iterator[Finding]:
        """Dated meetings of one term, gathered into meetings (dates closer than a
        meeting lasts): one number per meeting, one meeting per number, numbers
        growing with dates."""
        b = body(pairs[0][1].body)
        terms: dict[int, list[Pair]] = defaultdict(list)
        for item, ref in first(pairs, lambda r: (r.number, r.start)):
            t = b.term_of(ref.start) if ref.number and ref.start else None
            if t is not None:
                terms[t].append((item, ref))
        for t in sorted(terms):
            meetings = meetings_of(sorted(terms[t], key=lambda p: p[1].start), b.max_days)
            for held in meetings:
                if len({r.number for _, r in held}) > 1:
                    shown = first(held, lambda r: r.number)
                    yield self._number_finding("numbers", shown, Severity.WARNING, group)
            numbers = sorted({r.number or 0 for held in meetings for _, r in held})
            for n in numbers:
                shown = [
                    next(p for p in held if p[1].number == n)
                    for held in meetings
                    if any(r.number == n for _, r in held)
                ]
                if len(shown) > 1:
                    yield self._number_finding("dates", shown, _by_gap(gap_of(shown)), group)
            single = [
                (held[0], held[0][1].number)
                for held in meetings
                if len({r.number for _, r in held}) == 1
            ]
            for (a, na), (z, nz) in itertools.combinations(single, 2):
                if (na or 0) > (nz or 0) and not (a[1].special or z[1].special):
                    yield self._number_finding("order", [a, z], _by_gap(gap_of([a, z])), group)

    def _number_finding(
        self, kind: str, pairs: list[Pair], severity: Severity, group: Group
    ) -> Finding:
        a, z = pairs[0][1], pairs[-1][1]
        en = group.lang == "en"
        what = f"{_MEETING['en' if en else 'vi'][a.meeting]} {_label(a, group.lang)}"
        da, dz = format_date(a.start), format_date(z.start)
        numbers = list(dict.fromkeys(str(r.number) for _, r in pairs))
        dates = list(dict.fromkeys(format_date(r.start) for _, r in pairs))
        days = body(a.body).max_days
        if kind == "numbers":
            message = (
                f"{what} on {da} is numbered {' and '.join(numbers)}: check the number."
                if en
                else f"{what} ngày {da} được ghi là thứ {' và thứ '.join(numbers)}: "
                "kiểm tra lại số thứ tự."
            )
        elif kind == "dates":
            message = (
                f"{what} no. {a.number} is dated {', '.join(dates)}, {gap_of(pairs)} days apart; "
                f"one meeting lasts at most {days} days."
                if en
                else f"{what} thứ {a.number} được ghi ngày {', '.join(dates)}, cách nhau "
                f"{gap_of(pairs)} ngày, trong khi một kỳ chỉ kéo dài tối đa {days} ngày."
            )
        else:
            message = (
                f"{what}: no. {a.number} is dated {da}, before no. {z.number} on {dz}; "
                "numbers grow with dates."
                if en
                else f"{what}: thứ {a.number} ghi ngày {da}, trước thứ {z.number} ghi ngày "
                f"{dz}; số thứ tự phải tăng theo thời gian."
            )
        notes = [evidence(i, r.span, f"thứ {r.number}, {format_date(r.start)}") for i, r in pairs]
        key = f"{self.code}|{kind}|{a.body}|{a.place}|{a.meeting}|{','.join(numbers)}|{','.join(dates)}"
        return self.finding(message, notes, group, severity, district=_district(a), key=key)

    def _term_finding(
        self, item: DocumentClaims, ref: SessionRef, problem: tuple[str, str, str], group: Group
    ) -> Finding:
        kind, said, right = problem
        label = _label(ref, group.lang, start=True)
        if group.lang == "en":
            message = {
                "span": f"{label}: term {said} is not one of its terms ({right}).",
                "date": f"{label}: the meeting of {said} falls in the term {right}, not the one written.",
                "numeral": f"{label}: the term {said} is khóa {right}, not khóa {roman(ref.term or 0)}.",
            }[kind]
        else:
            message = {
                "span": f"{label}: nhiệm kỳ {said} không phải nhiệm kỳ của cơ quan này (các nhiệm kỳ: {right}).",
                "date": f"{label}: ngày {said} thuộc nhiệm kỳ {right}, không phải nhiệm kỳ văn bản ghi.",
                "numeral": f"{label}: nhiệm kỳ {said} là khóa {right}, văn bản ghi khóa {roman(ref.term or 0)}.",
            }[kind]
        key = f"{self.code}|{kind}|{ref.body}|{ref.place}|{ref.term}|{ref.term_years}|{said}"
        note = f"khóa {roman(ref.term)}" if ref.term else None
        return self.finding(
            message, [evidence(item, ref.span, note)], group, district=_district(ref), key=key
        )


def _by_gap(gap: int) -> Severity:
    return Severity.INFO if gap > MONTHS_APART else Severity.WARNING


def _district(ref: SessionRef) -> str | None:
    return ref.place if ref.level == "district" else None


def _label(ref: SessionRef, lang: str, start: bool = False) -> str:
    """The body as messages name it: "HĐND Ninh Bình", "the Ninh Bình People's Council"."""
    name = body(ref.body).label["en" if lang == "en" else "vi"]
    if lang != "en":
        return f"{name} {ref.place}" if ref.place else name
    label = f"the {ref.place} {name}" if ref.place else f"the {name}"
    return label[0].upper() + label[1:] if start else label
