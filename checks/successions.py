"""When two holders of one office follow one another: a succession, not a slip (for OF01).

People change office: Đà Nẵng's chairman is Văn Hữu Chiến in a report of his last
weeks (2014) and Huỳnh Đức Thơ in the reports of 2017; a council's chair of one
term is another in the next. In: the mentions of one office that give it to two
or more names, one per document and name. Out: whether they read as successive
holders (`succession`): taken in time order, each name's reports form one run,
no report gives two names, no two names are spelled alike, and each change of
name is either more than `window` days after the last report of the name
before, or between two names that several reports each give (a handover: the
reports of each holder agree among themselves, however close the change).

A report's time is its date; an undated one (VietNews articles carry none) is
the year its text calls its own (`DocumentMeta.year`) or, failing that, the
year its full dates name most (`document_year`: "ngày 3/10/2011", "từ ngày
1/1/2015"), taken as the whole year. A report with no year at all is left out
of the order when other reports place its name (news2017 leaves many undated:
Đà Nẵng's chairman is named by six 2017 reports, three of them yearless);
a name that only such reports give could be anywhere, and no order holds. A
name that comes back after another ("A, B, A") or one report against the
others within the window stays OF01's. Known problem: a yearless report that
names the former holder after the new one's reports reads as one of his.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from linter.checking import DocumentClaims, document_year
from linter.claims.names import name_key_of, spelled_alike
from linter.models import OfficialRef

Mention = tuple[DocumentClaims, OfficialRef]


def when(item: DocumentClaims) -> tuple[dt.date, dt.date] | None:
    """The first and last day a report may speak of: its date, else its year."""
    meta = item.document.meta
    if meta.date:
        return meta.date, meta.date
    year = meta.year or document_year(item)
    return (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year else None


@dataclass
class _Run:
    """Consecutive reports, in time order, that give the office to one name."""

    name: str
    first: dt.date
    last: dt.date
    paths: set[str] = field(default_factory=set)


def succession(mentions: Sequence[Mention], window: int) -> bool:
    """Whether the names of one office read as holders that followed one another."""
    names = {name_key_of(ref.name) for _, ref in mentions}
    if any(spelled_alike(a, b) for a, b in itertools.combinations(sorted(names), 2)):
        return False  # one person's name misspelt: no change of hands
    per_path: dict[str, set[str]] = {}
    for item, ref in mentions:
        per_path.setdefault(item.document.path, set()).add(name_key_of(ref.name))
    if any(len(found) > 1 for found in per_path.values()):
        return False  # one report gives the office to two names
    timed: list[tuple[dt.date, dt.date, str, str]] = []
    for item, ref in mentions:
        if span := when(item):
            timed.append((*span, item.document.path, name_key_of(ref.name)))
    if {name for *_, name in timed} != names:
        return False  # a name given only by reports of no known time may sit anywhere
    runs: list[_Run] = []
    for first, last, path, name in sorted(timed):
        if not runs or runs[-1].name != name:
            runs.append(_Run(name, first, last))
        runs[-1].last = max(runs[-1].last, last)
        runs[-1].paths.add(path)
    if len(runs) != len({run.name for run in runs}):
        return False  # a name comes back after another's reports: not one order of holders
    return all(_changed_hands(a, b, window) for a, b in itertools.pairwise(runs))


def _changed_hands(before: _Run, after: _Run, window: int) -> bool:
    """A change of name that is a new holder: far from the last report of the old
    one, or between two holders each given by several reports (one odd report
    within the window of the others' is the slip OF01 is for)."""
    if (after.first - before.last).days > window:
        return True
    return len(before.paths) > 1 and len(after.paths) > 1
