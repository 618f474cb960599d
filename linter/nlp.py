"""The one module that talks to underthesea.

Two services: sentence boundaries (as offsets into the text, since every claim
keeps its exact span) and `fold`, a length-preserving matching form of the text.
Folding lowercases and unifies old and new tone placement (hoà/hòa, uỷ/ủy),
which underthesea's token normaliser knows, plus quí/quý, which it leaves alone.
Because folding never changes the length of the text, an offset found in the
folded form is valid in the original one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_WORD = re.compile(r"\w+")
# Spelling variants underthesea's tone normaliser does not merge; same length.
_VARIANTS = {"quí": "quý", "tỉ": "tỷ"}


@lru_cache(maxsize=1)
def _underthesea() -> tuple[Callable[[str], list[str]], Callable[[str], str]]:
    """Imported on first use: a run served from the cache never pays for it."""
    from underthesea import sent_tokenize
    from underthesea.pipeline.text_normalize.token_normalize import token_normalize

    return sent_tokenize, token_normalize


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    folded = _underthesea()[1](word.lower())
    if len(folded) != len(word):  # never trade span accuracy for normalisation
        folded = word.lower()
    return _VARIANTS.get(folded, folded)


@lru_cache(maxsize=64)  # metadata inference and the claim parser fold the same document
def fold(text: str) -> str:
    """Lowercase `text` and unify tone placement, keeping its length."""
    return _WORD.sub(lambda m: _fold_word(m.group()), text)


def lower(text: str) -> str:
    """Lowercase `text`, keeping its length, without underthesea: for checks that
    run on a cached parse and only need case ("Tết" and "tết", "Thứ Hai")."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # "İ" grows


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, as offsets into `text`.

    Paragraph breaks always end a sentence; underthesea splits inside them.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text[start:end]):
        base = start + para.start()
        chunk = para.group()
        pos = 0
        for sent in _underthesea()[0](chunk):
            found = chunk.find(sent, pos)
            if found < 0:  # the tokenizer altered the text; fall back to the rest
                found = pos
                sent = chunk[pos:]
            s, e = found, found + len(sent)
            if chunk[s:e].strip():
                spans.append((base + s, base + e))
            pos = e
        if pos < len(chunk) and chunk[pos:].strip():
            spans.append((base + pos, base + len(chunk)))
    return spans
