"""Figures of one sentence become `Quantity` claims: what each measures, of which
period, with which status and scope.

Inside a sentence, figures separated by ";" or "," each take the indicator
named in their own clause; a clause that only continues the previous figure
("..., đạt 100% kế hoạch, tăng 12% so với cùng kỳ") takes its indicator and
subject; after "trong đó" a figure is a part of the one before. Every figure
also gets its subject in open vocabulary (`linter.claims.subjects`); figures
counted in a noun outside the unit table (`linter.claims.counts`) name no
indicator. A title kept in front matter is read too (`title_quantities`): news
puts its most quoted figure there ("ôm 80 tỷ").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from linter import nlp
from linter.claims.context import Context, cues, figure_period, scope_of, site_of, status_of
from linter.claims.counts import find_open_counts
from linter.claims.quantities import RawQuantity, find_quantities
from linter.claims.roles import is_whole, market_of, opening
from linter.claims.sentence import Sentence, read_sentence
from linter.claims.status import CONTINUATION, rule_quotes
from linter.claims.subjects import subject_of
from linter.data.lexicon import IndicatorMention, Lexicon
from linter.models import Dimension, Document, Period, Quantity, Scope, Status

# Between two figures, a word of change: the second is the first's subject at
# another time ("giảm từ 20 tỷ năm 2017 còn 10 tỷ năm 2021").
_FROM_TO = re.compile(r"\s*(?:năm \d{4}\s*)?,?\s*(?:xuống còn|xuống|lên tới|lên đến|lên|còn)\s*$")
# How far before a clause a "trong đó" may stand and still open it: ", trong đó " fits.
PART_CUE_WINDOW = 12


@dataclass(frozen=True)
class Reading:
    """What the whole document tells about each of its figures."""

    lexicon: Lexicon
    reference: dt.date | None  # the document's date: periods before it are over
    scope: Scope  # the document's: a district's figures are the district's


@dataclass
class _Previous:
    """What the figures read so far in the sentence leave for the next one."""

    indicator: str | None = None  # for a continuing clause and a part ("trong đó")
    subject: str | None = None  # the same, for figures without an indicator
    end: int = 0  # where the last figure ended: an indicator named after it is pending


@dataclass(frozen=True)
class _Naming:
    """What a figure is named as: its indicator, the whole it is part of, its measure."""

    indicator: str | None
    part_of: str | None
    measure: str


def quantities(sentence: Sentence, reading: Reading, context: Context) -> list[Quantity]:
    f = sentence.folded
    known = find_quantities(f)
    taken = [(q.start, q.end) for q in known] + [(c.start, c.end) for c in sentence.counts]
    cited = sentence.cited
    times = [(p.start, p.end) for p in sentence.mentions]
    opened = find_open_counts(f, sentence.text, taken + cited + times)
    if not known and not opened:
        # Most sentences state no figure: their names, clauses and opening are not
        # read (a sixth of a cold parse's figure time). They start no running total.
        context.running = frozenset()
        return []
    lexicon = reading.lexicon
    before, after = lexicon.find(f), lexicon.find_after(f)
    names = [(m.start, m.end) for m in before + after]
    clauses = sentence.clauses(names)
    # Words inside a figure, a count or an indicator's name are no status cues:
    # "lao động đã qua đào tạo" holds "đã" and "100% kế hoạch" holds "kế hoạch".
    not_cues = taken + names
    previous = _Previous()
    result: list[Quantity] = []
    periods = sentence.periods
    roles = opening(f, tuple(periods))  # read once for all the sentence's figures
    rules = rule_quotes(f)  # quotations of a rule's text
    totals: set[tuple[str, str]] = set()  # the running totals the sentence starts
    for q in sorted(known + opened, key=lambda q: q.start):
        if any(a <= q.number_start < b for a, b in cited):
            continue
        site = site_of(f, q, clauses, sentence.mentions, rules)
        clause = site.clause
        scope = scope_of(f, q.number_start, reading.scope)  # "cả nước có ..." is the country's
        figures = [span for span in taken + cited if span != (q.start, q.end)]
        subject = subject_of(f, q, clause, q.unit, figures, times)
        if previous.subject and (
            CONTINUATION.match(f[clause[0] : q.start]) or _FROM_TO.match(f, previous.end, q.start)
        ):
            # "..., tăng 9,8%", "đạt 128% kế hoạch": the clause goes on about the figure
            # before; "từ 35 triệu xuống còn 8 triệu đồng": the same thing, later
            subject = (previous.subject, subject[1])
        # "150 tấn vải thiều, trong đó có 70 tấn vải tươi": a part of the figure before
        is_part = bool(cues().part_of.search(f, max(0, clause[0] - PART_CUE_WINDOW), q.start))
        if q in opened:  # a noun outside the unit table names no indicator
            part = f"({previous.subject})" if is_part and previous.subject else None
            naming = _Naming(None, part, q.measure)
        else:
            naming = name_figure(q, sentence, clause, is_part, (before, after), previous, reading)
            if scope is Scope.NATIONAL:  # the country's figure is no statistic of the province
                naming = _Naming(None, _part(is_part, previous), q.measure)
        # Every figure's period and status are read alike: "năm 2016 có 770 nhà văn hóa"
        # and "kế hoạch năm 2017: 910 nhà văn hóa" are not one figure twice.
        period = figure_period(f, q, periods, site, context)
        status = status_of(f, q, period, context, reading.reference, not_cues, site)
        quantity = _quantity(sentence, q, naming, (period, status, scope), subject, q in opened)
        # "hơn 685 ha trong tổng số 956 ha": the whole a part is counted out of;
        # "Cũng trong buổi họp mặt, ... ủng hộ hơn 3,7 tỷ": one occasion's figure.
        # "Riêng huyện Kim Sơn có ...": one part singled out of a whole said before.
        whole, part = is_whole(f, q.start), roles.opens_part(clause[0])
        occasion = roles.is_occasion(q.start, periods)
        per = "/" in (subject[1] or "")  # "800 đồng/kg": a price, "giá tại ruộng"
        # any currency of units.yaml ("euro" too), not a list of two
        money = q.dimension is Dimension.MONEY
        market = market_of(f, clause, q.start, per) if money else None
        # "từ năm 2016 đến nay ... 2.889 vụ": the next sentence's "vụ" without a
        # period of its own counts from 2016 too, and so does the money it cost
        # ("Thiệt hại ... 300 tỉ đồng"); its "40 hộ" of a hamlet, "4.400 km" of road
        # or "42%" is no part of that total (16 such on news2017's allowed files)
        continues = (q.unit, q.measure) in context.running or (money and q.measure == "level")
        carried = context.since if continues and not period else None
        since = roles.since(q.start)
        if since:
            totals.add((q.unit, q.measure))
        since = since or carried
        if whole or occasion or part or market or since:
            played = {"whole": whole, "occasion": occasion, "part": part, "market": market}
            quantity = quantity.model_copy(update={**played, "since": since})
        result.append(quantity)
        part_of_previous = naming.part_of and naming.part_of == previous.indicator
        if naming.indicator is not None and not part_of_previous:
            previous.indicator = naming.indicator
        previous.end, previous.subject = q.end, subject[0] or previous.subject
    context.running = frozenset(totals)
    return result


def title_quantities(doc: Document, reading: Reading, default_year: int | None) -> list[Quantity]:
    """Figures of a title given in front matter ("Vụ đại gia thủy sản ôm 80 tỷ lặn mất
    tăm"), read as a sentence of its own with no context, and located on the title's
    line of the file. A title the body already holds (a .txt file's first line) or
    one not found verbatim in the front matter is left to the body's reading."""
    title = doc.meta.title
    if not title:
        return []
    body_start = doc.original_index(0) if doc.text else len(doc.original)
    key = max(0, doc.original.find("title:", 0, body_start))  # not a copy in another field
    at = doc.original.find(title, key, body_start)
    if at < 0:
        return []
    shown = Document(path=doc.path, original=doc.original, text=title, breaks=((0, at),))
    sentence = read_sentence(shown, nlp.fold(title), 0, len(title), default_year)
    # `sentence` bounds are offsets in Document.text, which holds no title: (0, 0),
    # an empty sentence, keeps checks that read a figure's sentence from the body's.
    return [
        q.model_copy(update={"sentence": (0, 0)}) for q in quantities(sentence, reading, Context())
    ]


def name_figure(
    q: RawQuantity,
    sentence: Sentence,
    clause: tuple[int, int],
    is_part: bool,
    names: tuple[list[IndicatorMention], list[IndicatorMention]],
    previous: _Previous,
    reading: Reading,
) -> _Naming:
    """The indicator a figure states (`names`: lexicon names before and after figures),
    the larger figure it is a part of, and its measure."""
    before, after = names
    indicator = _indicator(q, before, after, clause)
    part_of = _part(is_part, previous)
    continuing = CONTINUATION.match(sentence.folded[clause[0] : q.start])
    if not is_part and indicator is None and previous.indicator and continuing:
        indicator = previous.indicator
    if indicator is None and not is_part:
        indicator = _pending(before, previous.end, q.start)
    lexicon = reading.lexicon
    if indicator is not None and not lexicon.accepts(indicator, q.unit):
        indicator = None  # "960 tỷ đồng" is no rate, whatever name precedes it
    spec = lexicon.indicators.get(indicator or "")
    measure = q.measure
    if spec is not None:
        part_of = part_of or spec.parent
        if spec.kind == "growth" and measure == "increase":
            measure = "level"  # "tốc độ tăng trưởng ... tăng trên 22%" states the rate itself
    return _Naming(indicator, part_of if part_of != indicator else None, measure)


def _part(is_part: bool, previous: _Previous) -> str | None:
    """What a figure after "trong đó" is a part of: the figure before's indicator,
    else its subject in brackets."""
    if not is_part:
        return None
    return previous.indicator or (f"({previous.subject})" if previous.subject else None)


def _indicator(
    q: RawQuantity,
    before: list[IndicatorMention],
    after: list[IndicatorMention],
    clause: tuple[int, int],
) -> str | None:
    for m in after:  # what the figure counts is the most specific name
        if q.number_start <= m.start <= q.end + 1 and m.start < clause[1]:
            return m.key
    left = [m for m in before if clause[0] <= m.start and m.end <= q.start]
    return left[-1].key if left else None


def _pending(before: list[IndicatorMention], last_figure_end: int, pos: int) -> str | None:
    """An indicator named earlier in the sentence whose figure has not come yet.

    "Tỷ lệ thu gom, xử lý rác thải ... đô thị và các xã đảo, ..., đạt 97,6%":
    the name and its figure sit in different clauses with no figure between.
    """
    left = [m for m in before if last_figure_end <= m.start and m.end <= pos]
    return left[-1].key if left else None


def _quantity(
    sentence: Sentence,
    q: RawQuantity,
    naming: _Naming,
    about: tuple[Period | None, Status | None, Scope],
    subject: tuple[str | None, str | None],
    open_unit: bool,
) -> Quantity:
    period, status, scope = about
    return Quantity(
        span=sentence.span(q.start, q.end),
        sentence=sentence.bounds,
        value=q.value,
        unit=q.unit,
        op=q.op,
        low=q.low,
        high=q.high,
        low_inclusive=q.low_inclusive,
        high_inclusive=q.high_inclusive,
        measure=naming.measure,  # type: ignore[arg-type]
        indicator=naming.indicator,
        period=period,
        base=q.base,
        status=status,
        scope=scope,
        part_of=naming.part_of,
        subject=subject[0],
        measured=subject[1],
        open_unit=open_unit,
        dimension=q.dimension,
    )
