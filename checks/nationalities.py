"""The nationality a report gives a named person or ship, for PN03: "tàu vận tải
Chemroad Journey (quốc tịch Calmal Island)", "Tàu Chemroad Journey, quốc tịch
Cayman Islands", "du khách Nuntira Mekaroon Kamol, quốc tịch Thái Lan".

The name is the run of capitalised words right before the bracket or comma
that opens "quốc tịch" (or "mang cờ", a ship's flag), without the words that
say what it is ("Tàu", "Ông"); the nationality is the capitalised words after.
"Xin nhập quốc tịch Việt Nam" follows no name and is not read. Two mentions of
one name, in one report or linked reports, with two nationalities, give the
person or the ship two: one is likely a slip.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from linter.checking import EVIDENCE_PER_NAME, DocumentClaims, per_document
from linter.checking.events import together
from linter.claims.names import bare
from linter.nlp import fold

_CAP = r"[A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ]"
_WORD = rf"{_CAP}[\w'’-]*"
_SAID = re.compile(
    rf"(?P<name>(?:{_WORD}[ \t]+){{0,4}}{_WORD})[ \t]*(?:\(|,)[ \t]*"
    rf"(?:(?i:quốc tịch)|(?i:mang|treo)[ \t]+(?i:cờ))[ \t]+(?P<nat>{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
)
# Words before a name that say what is named, not who: "Tàu Chemroad Journey".
_WHAT = frozenset(
    {"tàu", "ông", "bà", "anh", "chị", "em", "cháu", "du", "khách", "nữ", "chiến", "hạm"}
)
# What a text must say, in any case, to be read: "quốc tịch", "mang cờ", "treo cờ".
FLAGGED = ("quốc tịch", "mang cờ", "treo cờ")
MIN_WORDS = 2  # "Tàu Izumo" and another "Izumo" need more than one word to be one


@dataclass(frozen=True)
class Nationality:
    """A ship or person named with the nationality a text gives it."""

    start: int  # in the document's text: the name through the nationality
    end: int
    name: str  # folded, without "tàu", "ông"
    nationality: str  # as written: "Cayman Islands"


# Texts whose flags and nationalities are kept: a server checks one province's
# published texts again for every draft (12 ms of a check's 90, on 80 reports), and
# a text read once is looked up by its cached hash after. Bounded as the other
# checks' caches of whole texts are (checks/dated.py, held.py).
TEXTS_KEPT = 4096


@lru_cache(maxsize=TEXTS_KEPT)
def nationalities(text: str) -> tuple[Nationality, ...]:
    found = []
    for m in _SAID.finditer(text):
        words = m.group("name").split()
        while words and fold(words[0]) in _WHAT:
            words = words[1:]
        if len(words) >= MIN_WORDS:
            found.append(Nationality(m.start(), m.end(), fold(" ".join(words)), m.group("nat")))
    return tuple(found)


Said = tuple[DocumentClaims, Nationality]


def flagged(items: Iterable[DocumentClaims]) -> list[DocumentClaims]:
    """The documents that give a nationality or a flag at all: the only ones read."""
    return [item for item in items if _flags(item.document.text)]


@lru_cache(maxsize=TEXTS_KEPT)
def _flags(text: str) -> bool:
    # Plain substring searches of the lowercased text, not a case-insensitive regex:
    # re tries each letter against its every case at every position (11 ms for a
    # province's 80 reports, nearly all with "chủ tịch"), `in` skips ahead (2 ms).
    # Same answers: no letter of the phrases has a case that re folds to it and
    # str.lower() does not (only "İ" lowers apart, to "i" + a dot; neither is in them).
    low = text.lower()
    return any(phrase in low for phrase in FLAGGED)


def two_nationalities(
    items: Iterable[DocumentClaims], linked: set[frozenset[str]]
) -> Iterator[tuple[list[Said], list[Said]]]:
    """The mentions of one name given two nationalities, one list for each, when
    two of them are in one report or linked reports; a few documents each. `items`
    are the documents `flagged` keeps."""
    named: dict[str, dict[str, list[Said]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        for said in nationalities(item.document.text):
            named[said.name][bare(said.nationality)].append((item, said))
    for _, given in sorted(named.items()):
        for a, b in itertools.combinations(sorted(given), 2):
            if any(
                together(i.document.path, j.document.path, linked)
                for (i, _), (j, _) in itertools.product(given[a], given[b])
            ):
                one, other = sorted((given[a], given[b]), key=lambda m: -len(m))  # most said first
                yield _first_documents(one), _first_documents(other)


def _first_documents(mentions: list[Said]) -> list[Said]:
    """Every mention in the first few documents: each is a place to correct, and
    the spelling most reports give may be the wrong one ("Calmal Island")."""
    kept = {item.document.path for item, _ in per_document(mentions, EVIDENCE_PER_NAME)}
    return [(item, said) for item, said in mentions if item.document.path in kept]
