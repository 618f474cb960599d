"""When two holders of one office follow one another: a succession, not a slip (for OF01).

People change office: Đà Nẵng's chairman is Văn Hữu Chiến in a report of his last
weeks (2014) and Huỳnh Đức Thơ in the reports of 2017; a council's chair of one
term is another in the next. In: the mentions of one office that give it to two
or more names not spelled alike (the caller tells a misspelt name first), one
per document and name. Out: the mentions no succession explains
(`unexplained`). Names read as successive holders when, taken in time order,
each name's reports form one run, no report gives two names
(`one_report_gives_two`), and a change of name is strictly later than the last
report of the name before, to a name that two or more reports give (or one
report more than a year later: `LONE_GAP_DAYS`), and either more than `window`
days later or from a name that several reports give too (a handover: the
reports of each holder agree among themselves, however close the change).
A change that is none of these leaves the names on both sides of it to OF01,
without the holders before a change that is one (three chairs in ten years,
the last named once eight months after the second: the second and third).

A report's time is its date; an undated one (VietNews articles carry none) is
its year (`report_year`), taken as the whole year: a year-only report sits in
no order against a dated one of that year, and its name's run overlaps the
other's, which keeps the finding. A report with no year at all is left out of
the order when other reports place its name (news2017 leaves many undated:
Đà Nẵng's chairman is named by six 2017 reports, three of them yearless); a
name that only such reports give could be anywhere, and no order holds. A name
that comes back after another ("A, B, A"), one report against the others
within the window, or a lone last report naming someone new within a year (a
wrong name as likely as a new holder) stays OF01's. Known problems: a yearless
report that names the former holder after the new one's reports reads as one
of his; an undated report's year is its text's own ("năm nay"), else the year
its full dates name most, which may be a year it looks back on.

`close_in_time` decides no succession: it sets OF01's severity (a warning when
two mentions that disagree are in one report or within the window, else an
info), kept here beside `one_report_gives_two`, which it uses. Its `said` (the
name's key and the rank) is the one `checks.officials` counts a finding's
evidence by: the two must stay one.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from typing import NamedTuple

from linter.checking import DocumentClaims, document_year
from linter.checking.memo import IdentityMemo
from linter.claims.names import name_key_of
from linter.models import OfficialRef

Mention = tuple[DocumentClaims, OfficialRef]

# A lone report naming someone new more than a year after the last report of
# the holder before: a slip repeats a name of the story (the old holder's comes
# back, which stays a finding) or misspells it (told apart before this), not a
# stranger's a year later; terms run five years. The synthetic archive's 74
# successions of that kind were OF01 infos with the two-report rule alone.
LONE_GAP_DAYS = 365

# One year per document for all of OF01 (whether a mention is current, where a
# report sits in time): document_year scans the whole text, and OF01 asks once
# per mention. Held weakly by the document, as the engine's other memos.
_YEARS: IdentityMemo[int] = IdentityMemo(4096)


def report_year(item: DocumentClaims) -> int | None:
    """The year a report speaks of: its date's, else the year its text calls its
    own (`DocumentMeta.year`), else the year its full dates name most."""
    meta = item.document.meta
    if meta.date:
        return meta.date.year
    known = _YEARS.get("year", (item.document,))
    if known is None:
        known = meta.year or document_year(item) or 0  # 0: no year (the memo keeps no None)
        _YEARS.put("year", (item.document,), known)
    return known or None


def one_report_gives_two(
    mentions: Sequence[Mention], said: Callable[[OfficialRef], object]
) -> bool:
    """Whether one report gives two answers (`said`: a name, or a name and rank)."""
    per_path: dict[str, set[object]] = {}
    for item, ref in mentions:
        per_path.setdefault(item.document.path, set()).add(said(ref))
    return any(len(found) > 1 for found in per_path.values())


def close_in_time(mentions: Sequence[Mention], window: int) -> bool:
    """Whether two mentions that disagree (another name, or rank) are in one document
    or within `window` days (OF01's warning, else an info). If any two are, two
    neighbours in date order are."""

    def said(ref: OfficialRef) -> tuple[str, bool]:
        return (name_key_of(ref.name), ref.deputy)

    if one_report_gives_two(mentions, said):
        return True
    dated = sorted(
        (item.document.meta.date, said(ref)) for item, ref in mentions if item.document.meta.date
    )
    return any(a[1] != b[1] and (b[0] - a[0]).days <= window for a, b in itertools.pairwise(dated))


class _Run(NamedTuple):
    """Consecutive reports, in time order, that give the office to one name."""

    name: str
    first: dt.date
    last: dt.date
    reports: int  # one mention per report and name: its reports


def unexplained(mentions: Sequence[Mention], window: int) -> list[list[Mention]]:
    """The mentions no succession explains: all of them when the names are no order
    of holders; else, split at each change of hands, the stretches of two or more
    names (A to B a handover, then B to C one report eight months later: B's and C's
    mentions, and A's are no part of it); none when every change is one."""
    runs = _runs(mentions)
    if runs is None:
        return [list(mentions)]
    stretches = [[runs[0]]]
    for before, after in itertools.pairwise(runs):
        if _changed_hands(before, after, window):
            stretches.append([after])
        else:
            stretches[-1].append(after)
    parts = []
    for stretch in stretches:
        if len(stretch) > 1:
            names = {run.name for run in stretch}
            parts.append([m for m in mentions if name_key_of(m[1].name) in names])
    return parts


def _runs(mentions: Sequence[Mention]) -> list[_Run] | None:
    """Each name's reports in time order, one run a name; None when they are no
    order of holders (one report gives two names, a name comes back, or a name has
    no report of a known time)."""
    if one_report_gives_two(mentions, lambda ref: name_key_of(ref.name)):
        return None
    # Reports of one day are ordered by the name they give, never by their files'
    # names: which two holders a finding sets against each other follows the text.
    timed: list[tuple[dt.date, dt.date, str]] = []
    for item, ref in mentions:
        if span := _when(item):
            timed.append((*span, name_key_of(ref.name)))
    if {name for *_, name in timed} != {name_key_of(ref.name) for _, ref in mentions}:
        return None  # a name given only by reports of no known time may sit anywhere
    runs = []
    for name, group in itertools.groupby(sorted(timed), key=lambda report: report[2]):
        reports = list(group)
        last = max(report[1] for report in reports)  # a year-only report may reach further
        runs.append(_Run(name, reports[0][0], last, len(reports)))
    if len(runs) != len({run.name for run in runs}):
        return None  # a name comes back after another's reports: not one order of holders
    return runs


def _when(item: DocumentClaims) -> tuple[dt.date, dt.date] | None:
    """The first and last day a report may speak of: its date, else its year."""
    if date := item.document.meta.date:
        return date, date
    year = report_year(item)
    return (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year else None


def _changed_hands(before: _Run, after: _Run, window: int) -> bool:
    """A change of name that is a new holder: strictly after the old one's last
    report (on one day, or in a year-only report's year, the order is unknown),
    named by two or more reports (one lone report may be the slip) unless more than
    a year later, and far from the old one's last report or after several
    reports of the old one."""
    if before.last >= after.first:
        return False
    gap = (after.first - before.last).days
    if after.reports < 2:  # never more lenient than two reports are
        return gap > max(LONE_GAP_DAYS, window)
    return gap > window or before.reports > 1
