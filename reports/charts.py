"""Small line charts of one indicator's stated figures over publication dates.

Everything is computed here as numbers and plain strings (coordinates rounded so
the page is byte-for-byte reproducible); `_facts.html.j2` only writes them out as
`<svg>` elements, escaped like the rest of the page. No library, no script.

A chart holds one indicator in one unit and measure (VND levels and % growth do
not share an axis), at one scope; each series is one (period, status), e.g.
"năm 2024 · mục tiêu", so a figure restated differently shows as a step in a line.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from linter.models import Scope
from reports.common import View, format_date

HEIGHT = 180
TOP, BOTTOM = 24, 30  # room for the labels above the top point, and for the dates
CHAR = 6.6  # rough width of one character at the chart's 11px font
DATE_HALF = 36.0  # half the width of a dd/mm/yyyy label, centred under its point
PALETTE = 6  # series colours `.s0`..`.s5` in style.css; red is kept for conflicts
# Money is shown in the scale Vietnamese releases write it in ("55.600 tỷ đồng").
_SCALES = {
    "VND": ((1e9, "tỷ đồng"), (1e6, "triệu đồng"), (1.0, "đồng")),
    "USD": ((1e9, "tỷ USD"), (1e6, "triệu USD"), (1.0, "USD")),
}


class Observation(NamedTuple):
    """One figure of a dated document, before layout."""

    date: dt.date
    period_start: dt.date
    period: str
    status: str
    value: float
    text: str  # the figure as written in the document
    conflict: bool


class Tick(View):
    pos: float
    label: str


class Point(View):
    x: float
    y: float
    label_x: float
    label_y: float  # labels of points sharing a date are stacked so they never overlap
    text: str
    date: str
    conflict: bool


class Series(View):
    period: str
    status: str  # a Status value or ""
    colour: int  # index into the palette
    line: str  # the SVG polyline's points; "" when the series has one date
    points: tuple[Point, ...]


class Chart(View):
    indicator: str
    scope: Scope
    district: str | None
    unit: str  # the y axis unit as read: "tỷ đồng", "%", "doanh nghiệp"
    measure: str  # level, increase, decrease or multiple
    width: int
    height: int
    plot: tuple[float, float, float, float]  # left, top, right, bottom of the plotting area
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    series: tuple[Series, ...]
    conflict: bool


def vi_number(value: float) -> str:
    """55600.5 -> "55.600,5": Vietnamese separators, at most two decimals."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,"))


def scale(unit: str, values: Iterable[float]) -> tuple[float, str]:
    """The divisor and unit label that make the largest value readable."""
    steps = _SCALES.get(unit)
    if not steps:
        return 1.0, unit
    top = max((abs(v) for v in values), default=0.0)
    return next(((f, label) for f, label in steps if top >= f), steps[-1])


def _width(text: str) -> float:
    return len(text) * CHAR


def _stack(ys: list[float]) -> list[float]:
    """Baselines of labels drawn above points sharing a date, given bottom first: 13px apart."""
    out: list[float] = []
    for y in ys:
        out.append(min(y - 8, out[-1] - 13) if out else y - 8)
    low = min(out, default=12.0)
    return [v + 12 - low for v in out] if low < 12 else out  # pushed off the top: move down


def build_chart(
    indicator: str,
    scope: Scope,
    district: str | None,
    unit: str,
    measure: str,
    observations: Iterable[Observation],
) -> Chart | None:
    """The chart of these figures, or None when they come from fewer than two dates."""
    # A figure repeated in one release is one point; an infinite one has no place at all.
    obs = sorted({o for o in observations if math.isfinite(o.value)})
    dates = sorted({o.date for o in obs})
    if len(dates) < 2:
        return None
    factor, unit_label = scale(unit, (o.value for o in obs))
    lo, hi = min(o.value for o in obs), max(o.value for o in obs)
    ticks = sorted({lo, hi})
    # Zero is not forced onto the axis: the point is to see 55.600 against 56.000.
    pad = (hi - lo) * 0.12 if hi > lo else (abs(hi) * 0.1 or 1.0)
    lo, hi = lo - pad, hi + pad
    tick_text = [vi_number(v / factor) + ("%" if unit == "%" else f" {unit_label}") for v in ticks]
    left = round(max(48.0, max(map(_width, tick_text)) + 12), 1)
    column = {d: [o for o in obs if o.date == d] for d in dates}
    # Labels are centred above their points: dates sit far enough apart for them not to meet.
    half = [max(_width(o.text) for o in column[d]) / 2 for d in dates]
    step = min(260.0, max(90.0, *(a + b + 14 for a, b in pairwise(half))))
    first = left + max(16.0, half[0] + 6)
    xs = {d: round(first + step * i, 1) for i, d in enumerate(dates)}
    right = round(xs[dates[-1]] + 16, 1)
    width = round(max(right, xs[dates[-1]] + max(half[-1] + 6, DATE_HALF)))
    bottom = HEIGHT - BOTTOM

    def y_of(v: float) -> float:
        return round(TOP + (hi - v) / (hi - lo) * (bottom - TOP), 1)

    placed: dict[Observation, Point] = {}
    for d in dates:
        here = sorted(column[d], key=lambda o: (o.value, o))  # bottom of the chart first
        for o, label_y in zip(here, _stack([y_of(o.value) for o in here]), strict=True):
            placed[o] = Point(
                x=xs[d],
                y=y_of(o.value),
                label_x=xs[d],
                label_y=round(label_y, 1),
                text=o.text,
                date=format_date(d) or "",
                conflict=o.conflict,
            )
    keys = sorted({(o.period_start, o.period, o.status) for o in obs})
    series = []
    for i, (start, period, status) in enumerate(keys):
        points = [
            placed[o]
            for o in obs
            if (o.period_start, o.period, o.status) == (start, period, status)
        ]
        line = (
            " ".join(f"{p.x:g},{p.y:g}" for p in points) if len({p.x for p in points}) > 1 else ""
        )
        series.append(
            Series(
                period=period, status=status, colour=i % PALETTE, line=line, points=tuple(points)
            )
        )
    return Chart(
        indicator=indicator,
        scope=scope,
        district=district,
        unit=unit_label,
        measure=measure,
        width=width,
        height=HEIGHT,
        plot=(left, TOP, right, bottom),
        x_ticks=tuple(Tick(pos=xs[d], label=format_date(d) or "") for d in dates),
        y_ticks=tuple(Tick(pos=y_of(v), label=t) for v, t in zip(ticks, tick_text, strict=True)),
        series=tuple(series),
        conflict=any(o.conflict for o in obs),
    )
