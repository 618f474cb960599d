"""What is distinctive about a report: the features that link it to others of one event.

In: a `Document` (its text and title). Out: its `Features`: figures with three
or more significant digits or a decimal ("1.520 tỷ", "4,8 ha", "1.680ha" with
its unit glued on), the years it names, word pairs of its capitalised names
("Khu công nghiệp Phú Mỹ 3", "cầu Rào 1") and of its title, and its syllables
weighed (`linter.checking.wording`) with the `TOP_WORDS` heaviest it is found
by. Capitalised pairs every report of a province holds, and title words that
say nothing of the event, are left out. `linter.checking.events` links two
reports on what their features share.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from linter import nlp
from linter.checking.wording import weighed
from linter.models import Document

TOP_WORDS = 12  # a document is found by this many of its heaviest syllables

# A figure may have its unit glued on ("1.680ha", "77ha", "10km"): it is the same
# figure as "1.680 ha" of another report, so only a digit may not follow it.
_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?!\d|[.,]\d)")
# The capitals a name opens on: `_NAME` begins with one, and `_CAPITAL` searches for it.
_CAPITALS = "[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]"
_NAME = re.compile(rf"(?<![\w])(?:{_CAPITALS}[\w’'-]*)(?:\s+(?:[A-ZĐ0-9][\w’'-]*)){{1,5}}")
# Where a figure or a name may begin: both patterns open on a lookbehind, which re
# tries at every character; searched from the first digit of a run (`nlp.RUN_START`:
# `_NUMBER`'s lookbehind refuses a digit before) or a capital only (`nlp.finditer_at`),
# the same figures and names were found in half the time.
_CAPITAL = re.compile(_CAPITALS)
# Capitalised pairs every report of a province may hold: they link nothing.
_COMMON_NAMES = frozenset(
    (
        "việt nam|hà nội|hồ chí|chí minh|tp hcm|tp.hcm|chủ tịch|phó chủ|thủ tướng|"
        "chính phủ|quốc hội|bộ trưởng|phó thủ|tỉnh ủy|thành ủy|ban thường|thường vụ|"
        "mặt trận|tổ quốc|ủy ban|ubnd tỉnh|ubnd tp|ubnd thành|hđnd tỉnh|bí thư|phó bí|"
        "trung ương|nhà nước|đảng ủy|công an|quân đội|nhân dân|giám đốc|phó giám|"
        "trưởng phòng|phó trưởng|trung quốc|hoa kỳ"
    ).split("|")
)
_TITLE_WORD = re.compile(r"[^\W\d_]+")
_TITLE_STOP = frozenset(
    (
        "và của các những cho với tại trong trên về để được là có đã sẽ này khi từ đến "
        "một người tỉnh thành phố huyện năm tháng ngày"
    ).split()
)


@dataclass(frozen=True)
class Features:
    """What links a report to another: its distinctive figures, names, title words, syllables."""

    numbers: frozenset[str]
    years: frozenset[str]  # "2016": shared by every report of a year, weak alone
    names: frozenset[str]  # folded pairs of capitalised words
    title: frozenset[str]  # folded word bigrams of the title
    words: Mapping[str, float]  # the text's syllables, weighed (a unit vector)
    top: frozenset[str]  # its heaviest syllables: the keys it is found by


def features(doc: Document) -> Features:
    key = (doc.text, doc.meta.title)
    found = _KNOWN.get(key)
    if found is None:
        found = _features(doc.text, doc.meta.title)
        _remember(key, found)
    return found


def give(doc: Document, found: Features) -> None:
    """Let `features(doc)` answer `found` (kept from an earlier run by
    `linter.engine.keptfeatures`) without reading it."""
    _remember((doc.text, doc.meta.title), found)


def known(doc: Document) -> Features | None:
    """The features of `doc` if computed or given since the run began, else None."""
    return _KNOWN.get((doc.text, doc.meta.title))


def forget() -> None:
    """Drop every remembered feature: a run calls it first, so that what an earlier
    run was given from its cache (trusted for that cache only) is never taken by a
    run with another cache, or none."""
    _KNOWN.clear()


# The features of each text and title met, computed or given: a run links each
# report more than once (each linking check), and a draft's run is given those of
# its province's published reports (weighing the 81 texts of one again was a tenth
# of the run, 70 ms). Bounded, as a batch run reads each text once anyway.
_KNOWN: dict[tuple[str, str | None], Features] = {}
_KNOWN_SIZE = 4096


def _remember(key: tuple[str, str | None], found: Features) -> None:
    if len(_KNOWN) >= _KNOWN_SIZE:
        _KNOWN.clear()
    _KNOWN[key] = found


def _features(text: str, title: str | None) -> Features:
    # A text repeats its figures and names: each distinct one is read once.
    tokens = {m.group() for m in nlp.finditer_at(_NUMBER, nlp.RUN_START, text)}
    numbers = frozenset(t for t in tokens if _significant(t))
    years = frozenset(t for t in tokens if _YEAR.fullmatch(t))
    names = frozenset(
        pair
        for name in {m.group() for m in nlp.finditer_at(_NAME, _CAPITAL, text)}
        for pair in bigrams(nlp.lower(name).split())
        if _distinctive(pair)
    )
    title = nlp.lower(title or "")
    heading = [w for w in _TITLE_WORD.findall(title) if w not in _TITLE_STOP]
    words = weighed(text)
    top = frozenset(itertools.islice(words, TOP_WORDS))  # heaviest first
    return Features(numbers, years, names, frozenset(bigrams(heading)), words, top)


def bigrams(words: list[str]) -> list[str]:
    """Names and titles are compared by word pairs: "Tàu Chemroad Journey" and
    "tàu vận tải Chemroad Journey" share "chemroad journey"."""
    return [f"{a} {b}" for a, b in itertools.pairwise(words)]


def _significant(token: str) -> bool:
    """Three or more significant digits, or a decimal: "1.520", "4,8", not "2.000",
    nor a year ("2016", "2017" are in every report of a year: they link nothing)."""
    if "," in token:
        return True
    if _YEAR.fullmatch(token):
        return False
    return len(token.replace(".", "").strip("0")) >= 3


_YEAR = re.compile(r"(?:19|20)\d\d")


def _distinctive(name: str) -> bool:
    return name not in _COMMON_NAMES and len(name) >= 5
