"""The terms and meetings of one body: a khóa or "nhiệm kỳ" that contradicts the
table of terms (`linter/data/sessions.yaml`) or the body's other citations, and
dated citations gathered into the meetings they are of.

Each citation is of a term: the one its "nhiệm kỳ" names, else the one its date
falls in. A nationwide body's khóa is the table's for that term; a province's
council or party committee numbers its terms its own way, one after the other,
so its khóa minus the term's index is the same in every citation of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from linter.checking import DocumentClaims, by_date, format_date
from linter.data.sessions import Body
from linter.models import SessionRef

Pair = tuple[DocumentClaims, SessionRef]


def first(pairs: list[Pair], value: Callable[[SessionRef], object]) -> list[Pair]:
    """One citation per document and value: a text repeating "kỳ họp thứ 4" is one witness."""
    seen: set[tuple[str, object]] = set()
    kept = []
    for item, ref in pairs:
        key = (item.document.path, value(ref))
        if key not in seen:
            seen.add(key)
            kept.append((item, ref))
    return kept


def term_problem(b: Body, ref: SessionRef) -> tuple[str, str, str] | None:
    """What is wrong with one citation's term: (kind, what it says, what is right)."""
    named = b.term_named(*ref.term_years) if ref.term_years else None
    dated = b.term_of(ref.start) if ref.start else None
    if (  # a span the table can judge: older history is not checked
        ref.term_years
        and named is None
        and b.changes[0].start.year <= ref.term_years[0] <= b.changes[-1].start.year
    ):
        spans = ", ".join(f"{a}-{z}" for a, z in b.spans())
        return ("span", years_label(ref.term_years), spans)
    if named is not None and dated is not None and named != dated:
        return ("date", format_date(ref.start), years_label(b.years(dated)))
    t = named if named is not None else dated
    if b.numerals and ref.term and t is not None and b.numerals[t] != ref.term:
        return ("numeral", years_label(b.years(t)), roman(b.numerals[t]))
    return None


def term_of(b: Body, ref: SessionRef) -> int | None:
    """The term a citation is of: its "nhiệm kỳ" when that names one, else its date's."""
    named = b.term_named(*ref.term_years) if ref.term_years else None
    if named is not None:
        return named
    return b.term_of(ref.start) if ref.start else None


def _in_table(b: Body, years: tuple[int, int]) -> bool:
    """Whether `years` lie where the table knows the terms (older history is not checked)."""
    return b.changes[0].start.year <= years[0] <= b.changes[-1].start.year


def numeral_clash(b: Body, pairs: list[Pair]) -> list[Pair]:
    """Citations of a province's body whose khóa and term disagree, one per document
    and khóa, oldest first; none when they agree (or the numerals are nationwide).
    Terms counted on from each other share one offset (khóa minus the term's
    index); a term after a renumbering is compared only with itself."""
    scopes: dict[object, dict[int, list[Pair]]] = defaultdict(lambda: defaultdict(list))
    for item, ref in pairs:
        t = term_of(b, ref)
        if ref.term and t is not None and not b.numerals:
            scopes["counted" if b.counted_on(t) else t][ref.term - t].append((item, ref))
    for scope in sorted(scopes, key=str):
        if len(offsets := scopes[scope]) > 1:
            return by_date(p for o in sorted(offsets) for p in first(offsets[o], lambda r: r.term))
    return []


def meetings_of(dated: list[Pair], max_days: int) -> list[list[Pair]]:
    """Dated citations (in date order) gathered into meetings: each meeting spans
    fewer than `max_days` days from its first date."""
    meetings: list[list[Pair]] = []
    for pair in dated:
        first = meetings[-1][0][1].start if meetings else None
        if first and (pair[1].start - first).days < max_days:  # type: ignore[operator]
            meetings[-1].append(pair)
        else:
            meetings.append([pair])
    return meetings


def gap_of(pairs: list[Pair]) -> int:
    """Days from the first citation's date to the last's."""
    return (pairs[-1][1].start - pairs[0][1].start).days  # type: ignore[operator]


def years_label(span: tuple[int, int]) -> str:
    return f"{span[0]}-{span[1]}"


def roman(value: int) -> str:
    """A khóa as councils write it: 14 -> "XIV"."""
    digits = ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for n, s in digits:
        while value >= n:
            out, value = out + s, value - n
    return out
