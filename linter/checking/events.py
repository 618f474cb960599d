"""Which documents of one province report the same event.

Reports of one press conference, council session or incident are written by
several outlets within days and share what is distinctive about it: figures
with three or more significant digits or a decimal ("1.520 tỷ", "4,8 ha"),
names ("Khu công nghiệp Phú Mỹ 3", "cầu Rào 1") and the key words of the title.
Two documents are linked when they share enough of that and, when both are
dated, were published within `WINDOW_DAYS`. Years ("2016") are no distinctive
figure: every report of a year holds them; they only support shared names.
Many shared names alone (`MIN_NAMES`: the company, the ward, the speakers of
one fire or one debate) make an event too, since outlets reword the figures
and titles of one event more than its names. Links are pairwise, never
transitive: a running story over weeks does not make its first and last
reports one event.

Candidate pairs come from an inverted index of the distinctive features, so
the work grows with the pairs that share something, not with the square of a
province's documents.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from linter import nlp
from linter.models import Document

WINDOW_DAYS = 10  # outlets report a press conference within days; a later report is news
MIN_NUMBERS = 2  # two shared distinctive figures alone make an event
MAX_FEATURE_DOCS = 12  # a feature shared by more documents than this is not distinctive
# Names alone make an event when there are this many: reports of one fire or one
# debate share the company, the ward, the speakers ("kwong lung", "trà nóc", ...).
MIN_NAMES = 5
# Measured on the tuning clusters of news2017 (711 pairs of one cluster, 4,489
# other pairs of one province): the rules below link 254 and 13; before names
# alone and before years were set apart, 199 and 22.

_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w]|[.,]\d)")
_NAME = re.compile(
    r"(?<![\w])(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\w’'-]*)(?:\s+(?:[A-ZĐ0-9][\w’'-]*)){1,5}", re.UNICODE
)
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
    numbers: frozenset[str]
    years: frozenset[str]  # "2016": shared by every report of a year, weak alone
    names: frozenset[str]  # folded pairs of capitalised words
    title: frozenset[str]  # folded word bigrams of the title


@dataclass(frozen=True)
class Link:
    """Why two documents are taken to report one event."""

    numbers: int
    names: int
    title: float


def features(doc: Document) -> Features:
    return _features(doc.text, doc.meta.title)


# A server links draft after draft with the same published texts: each is read once
# (bounded, as a batch run reads each text once anyway).
@lru_cache(maxsize=4096)
def _features(text: str, title: str | None) -> Features:
    # A text repeats its figures and names: each distinct one is read once.
    tokens = set(_NUMBER.findall(text))
    numbers = frozenset(t for t in tokens if _significant(t))
    years = frozenset(t for t in tokens if _YEAR.fullmatch(t))
    names = frozenset(
        pair
        for name in set(_NAME.findall(text))
        for pair in _bigrams(nlp.lower(name).split())
        if _distinctive(pair)
    )
    title = nlp.lower(title or "")
    words = [w for w in _TITLE_WORD.findall(title) if w not in _TITLE_STOP]
    return Features(numbers, years, names, frozenset(_bigrams(words)))


def _bigrams(words: list[str]) -> list[str]:
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


def link(
    a: Document, b: Document, fa: Features, fb: Features, window: int = WINDOW_DAYS
) -> Link | None:
    """Whether `a` and `b` (with their features) report one event, and on what evidence."""
    if a.meta.date and b.meta.date and abs((a.meta.date - b.meta.date).days) > window:
        return None
    numbers = len(fa.numbers & fb.numbers)
    names = len(fa.names & fb.names)
    union = fa.title | fb.title
    title = len(fa.title & fb.title) / len(union) if union else 0.0
    found = Link(numbers, names, title)
    if numbers >= MIN_NUMBERS or (numbers >= 1 and (names >= 2 or title >= 0.2)):
        return found
    if names >= MIN_NAMES or (names >= 3 and (title >= 0.2 or fa.years & fb.years)):
        return found
    return None


def linked_pairs(
    docs: Iterable[Document], window: int = WINDOW_DAYS
) -> list[tuple[Document, Document, Link]]:
    """Every linked pair of documents, in a stable order (by path)."""
    ordered = sorted(docs, key=lambda d: d.path)
    found_features = [_local(features(doc), doc) for doc in ordered]
    frequent = _frequent(found_features)
    found_features = [
        Features(f.numbers - frequent, f.years - frequent, f.names - frequent, f.title)
        for f in found_features
    ]
    index: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(found_features):
        for key in (*(f"n:{n}" for n in f.numbers), *(f"e:{n}" for n in f.names)):
            index[key].append(i)
        for key in f.title:
            index[f"t:{key}"].append(i)
    candidates: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > MAX_FEATURE_DOCS:
            continue
        for x, i in enumerate(members):
            candidates.update((i, j) for j in members[x + 1 :])
    result = []
    for i, j in sorted(candidates):
        found = link(ordered[i], ordered[j], found_features[i], found_features[j], window)
        if found is not None:
            result.append((ordered[i], ordered[j], found))
    return result


def _local(found: Features, doc: Document) -> Features:
    """Drop the document's own province from its names: it links every report."""
    own = frozenset(_bigrams(nlp.lower(doc.meta.province or "").split()))
    return Features(found.numbers, found.years, found.names - own, found.title - own)


def _frequent(found: list[Features]) -> frozenset[str]:
    """Figures and names in more than `MAX_FEATURE_DOCS` documents of the group."""
    counts: dict[str, int] = defaultdict(int)
    for f in found:
        for key in f.numbers | f.years | f.names:
            counts[key] += 1
    return frozenset(k for k, n in counts.items() if n > MAX_FEATURE_DOCS)
