"""Bodies named in full before a short name in brackets, for BD01: "Liên minh hợp
tác xã dịch vụ nông nghiệp tổng hợp Đồng Nai (Donacoop)".

The short name ties the full name before it to one body. A full name is read
back from the bracket to the kind of body it opens with (`kinds` of
`linter/data/bodies.yaml`: "Liên minh", "Hiệp hội", "Tổng công ty"), and split
into that kind (a row of kinds: "Liên hiệp HTX") and the rest, spelt out
("HTX" is "hợp tác xã", "TP" "thành phố") and without the legal form a company
may give or leave out ("TNHH MTV", "cổ phần"). Two names of one short name
whose rest is equal but whose kind differs name one body two ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from linter.claims.names import names_a_place
from linter.data import Words, load, words_are_words
from linter.models import Document
from linter.nlp import fold

# "(Donacoop)", "(HoREA)", "(gọi tắt là BSR)": one token, a capital first, no dot
# ("(TP.HCM)", "(Q.2)" are places), at least three characters.
_SHORT = re.compile(r"\((?:(?:gọi|viết) tắt là |sau đây gọi là )?(?P<s>[A-ZĐ][\w&-]{2,19})\)")
_TOKEN = re.compile(r"\w+(?:[.&-]\w+)*\.?")
# Where the words before the bracket stop being one name: a clause mark, a dash
# between spaces, a sentence's full stop.
_BREAK = re.compile(r"[,;:!?“”\"()]|\s[-–]\s|\.\s")
BEFORE = 160  # characters before the bracket a full name may take
MIN_REST = 2  # words after the kind: "Hội (HND)" names no one body


class _Kind(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    label: str
    words: Words


class BodyWords(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    kinds: tuple[_Kind, ...] = Field(min_length=1)  # `_Tables` takes the longest
    legal_forms: tuple[str, ...]
    abbreviations: dict[str, str]

    @model_validator(mode="after")
    def _words_are_words(self) -> BodyWords:
        """An empty word would be a kind or a legal form of no words (the parse is kept
        in a cache, `linter.data.KEPT_FILES`: the model says all `_Tables` relies on)."""
        abbreviations = self.abbreviations
        words_are_words(
            {
                **{f"kinds.{k.label}": k.words for k in self.kinds},
                "legal_forms": self.legal_forms,
                "abbreviations": [*abbreviations, *abbreviations.values()],
            }
        )
        return self


@dataclass(frozen=True)
class BodyName:
    """One full name before a short name: where it stands, its kind, the rest."""

    start: int  # in the document's text, from the name's first word to the bracket's end
    end: int
    short: str  # as written: "Donacoop"
    kinds: tuple[str, ...]  # kind labels: ("liên minh", "hợp tác xã")
    rest: str  # spelt out, folded: "dịch vụ nông nghiệp tổng hợp đồng nai"


class _Tables:
    def __init__(self, data: BodyWords) -> None:
        self.kinds = {tuple(fold(w).split()): k.label for k in data.kinds for w in k.words}
        self.longest = max(len(words) for words in self.kinds)
        self.legal = sorted((tuple(fold(w).split()) for w in data.legal_forms), key=len)[::-1]
        self.spelt = {fold(k): tuple(fold(v).split()) for k, v in data.abbreviations.items()}


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    return _Tables(load("bodies.yaml", BodyWords))


def kind_words() -> tuple[tuple[str, ...], ...]:
    """Every kind of body as its folded words ("hợp tác xã" -> ("hợp", "tác", "xã")),
    each spelling once: what other checks ask to tell a kind from a place's word."""
    return tuple(_tables().kinds)


def body_names(document: Document) -> tuple[BodyName, ...]:
    """Every full name of a body the document gives a short name in brackets."""
    return _in_text(document.text)


# A server checks one province's published texts again for every draft: each text
# is read once and looked up by its cached hash after (bounded as the other checks'
# caches of whole texts are: checks/dated.py, held.py).
@lru_cache(maxsize=4096)
def _in_text(text: str) -> tuple[BodyName, ...]:
    found = []
    for m in _SHORT.finditer(text):
        short = m.group("s")
        if short.isdigit() or names_a_place(short):
            continue
        window = text[max(0, m.start() - BEFORE) : m.start()]
        breaks = list(_BREAK.finditer(window))
        offset = m.start() - len(window) + (breaks[-1].end() if breaks else 0)
        tokens = [(t.start(), t.group()) for t in _TOKEN.finditer(text, offset, m.start())]
        if name := _read(tokens):
            start, kinds, rest = name
            found.append(BodyName(start, m.end(), short, kinds, rest))
    return tuple(found)


def _read(tokens: list[tuple[int, str]]) -> tuple[int, tuple[str, ...], str] | None:
    """The name's start, kinds and rest: from the last capitalised kind before the
    bracket, with the kinds written right before and after it ("Liên hiệp HTX")."""
    t = _tables()
    words = [fold(w).rstrip(".") for _, w in tokens]
    kinds_at: dict[int, tuple[str, int]] = {}
    covered = 0  # where the last kind read ends: kinds never overlap
    for i in range(len(words)):  # "Tổng Công ty": one kind, not "công ty" inside it
        if i >= covered and (k := _kind_at(words, i, t)):
            kinds_at[i] = k
            covered = i + k[1]
    opening = [i for i in kinds_at if tokens[i][1][:1].isupper()]
    if not opening:
        return None
    # A capitalised kind by where it ends, to go back from one kind to the one before.
    ending = {i + n: i for i, (_, n) in kinds_at.items() if tokens[i][1][:1].isupper()}
    first = max(opening)
    while (before := ending.get(first)) is not None:
        first = before
    labels, i = [], first
    while i in kinds_at:
        label, n = kinds_at[i]
        labels.append(label)
        i += n
    rest = _spelt([w for w in words[i:] if w], t)
    if len(rest) < MIN_REST:
        return None
    return tokens[first][0], tuple(labels), " ".join(rest)


def _kind_at(words: list[str], i: int, t: _Tables) -> tuple[str, int] | None:
    for n in range(min(t.longest, len(words) - i), 0, -1):
        if label := t.kinds.get(tuple(words[i : i + n])):
            return label, n
    return None


def _spelt(words: list[str], t: _Tables) -> list[str]:
    """Abbreviations spelt out and legal forms left out: the words that tell bodies apart."""
    out: list[str] = []
    for w in words:
        out.extend(t.spelt.get(w, (w,)))
    kept, i = [], 0
    while i < len(out):
        form = next((f for f in t.legal if tuple(out[i : i + len(f)]) == f), None)
        if form:
            i += len(form)
        else:
            kept.append(out[i])
            i += 1
    return kept
