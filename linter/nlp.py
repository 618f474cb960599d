"""The one module that talks to underthesea.

Two services: sentence boundaries (as offsets into the text, since every claim
keeps its exact span) and `fold`, a length-preserving matching form of the text.
Folding lowercases and unifies old and new tone placement (hoà/hòa, uỷ/ủy),
which underthesea's token normaliser knows, plus quí/quý, which it leaves alone.
Because folding never changes the length of the text, an offset found in the
folded form is valid in the original one.

Both services use underthesea's own code and data, but not `import underthesea`:
the package's `__init__` imports its whole pipeline (and joblib) in about 0.4 s,
more than a draft run may take, for two small pieces. The sentence splitter is
underthesea's module, loaded from its file on its own, whose decisions `_split`
makes while walking the text faster than it does; the normaliser's tables
are underthesea's rules file, read with pickle (it is a plain pickle of two
dicts that joblib writes and reads) and applied exactly as its
`token_normalize` does. tests/test_nlp_speed.py holds both equal to
underthesea's functions on real articles, tests/test_nlp_split.py the splitter on
crafted strings and seeds/ (no corpus needed).
"""

from __future__ import annotations

import importlib.util
import pickle
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

# Splits a text into separators and words, alternately (words at odd indexes).
_WORDS = re.compile(r"(\w+)")
# Spelling variants underthesea's tone normaliser does not merge; same length.
_VARIANTS = {"quí": "quý", "tỉ": "tỷ"}
_RULES = "pipeline/text_normalize/tn_rules_2023_07_14.bin"  # the file token_normalize reads
_SPLITTER = "pipeline/sent_tokenize/__init__.py"


def _package_dir() -> Path:
    """underthesea's folder, found without running its __init__."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("underthesea is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def _splitter() -> Any:
    """underthesea's sentence tokenizer, its module loaded alone (json and string
    only). `_split` relies on two private names of it, `_load_model` and the
    tokenizer's `_is_sentence_boundary`: if a release drops them this says so, rather
    than splitting otherwise (pyproject pins underthesea below 10)."""
    path = _package_dir() / _SPLITTER
    spec = importlib.util.spec_from_file_location("_doichieu_underthesea_sent", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    load = getattr(module, "_load_model", None)
    if callable(load):
        load()
    tokenizer = getattr(module, "sentence_tokenizer", None)
    if not callable(getattr(tokenizer, "_is_sentence_boundary", None)):
        raise ImportError(
            f"{path} has no _load_model or sentence_tokenizer._is_sentence_boundary: "
            "this underthesea is not one linter.nlp knows (underthesea>=9.0,<10)"
        )
    return tokenizer


# Where underthesea's splitter may end a sentence (its SENT_END_CHARS).
_ENDS = re.compile(r"[.?!]")


def _stripped(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of `text[start:end].strip()`, or None when that is empty."""
    while start < end and text[start].isspace():  # the characters str.strip drops
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _split(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences underthesea's `sentences_from_text` returns, as
    offsets into `text` (it returns their stripped strings). Its steps but for its
    walk over the text: it steps one character at a time in Python (a twentieth of
    a cold parse) and does nothing but step on any character but ".", "?" and "!",
    so this jumps from one of them to the next. The decision at each is
    underthesea's own (`_is_sentence_boundary`, its abbreviations).
    tests/test_nlp_split.py holds it equal to `sent_tokenize`."""
    tokenizer = _splitter()
    if not text or not text.strip():
        return []
    spans: list[tuple[int, int] | None] = []
    start, n = 0, len(text)
    i = 0
    while (found := _ENDS.search(text, i)) is not None:
        i = found.start()
        if text[i] == ".":
            dot_end = i
            while dot_end < n and text[dot_end] == ".":
                dot_end += 1
            if dot_end - i >= 3:  # an ellipsis ends a sentence at the end or before a capital
                after = dot_end
                while after < n and text[after] in " \t":
                    after += 1
                if after >= n or text[after].isupper():
                    spans.append(_stripped(text, start, dot_end))
                    while dot_end < n and text[dot_end] in " \t\n\r":
                        dot_end += 1
                    start = dot_end
                i = dot_end
                continue
        if tokenizer._is_sentence_boundary(text, i):
            end = i + 1
            while end < n and text[end] in ".?!":
                end += 1
            spans.append(_stripped(text, start, end))
            while end < n and text[end] in " \t\r\n":
                end += 1
            start = i = end
            continue
        i += 1
    spans.append(_stripped(text, start, n))
    return [span for span in spans if span is not None]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """underthesea's character and token maps. The file ships inside an installed
    package, so it is as trusted as that package's code (pickle is never used on a
    cache or a document)."""
    with (_package_dir() / _RULES).open("rb") as handle:
        data = pickle.load(handle)  # an installed package's own data file
    return data["character"], data["token"]


def _token_normalize(token: str) -> str:
    """underthesea's token_normalize(token), step by step."""
    if len(token) > 6:
        return token
    characters, tokens = _tables()
    token = unicodedata.normalize("NFC", token)
    for odd, standard in characters.items():
        token = token.replace(odd, standard)
    return tokens.get(token, token)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    folded = _token_normalize(word.lower())
    if len(folded) != len(word):  # never trade span accuracy for normalisation
        folded = word.lower()
    return _VARIANTS.get(folded, folded)


@lru_cache(maxsize=64)  # metadata inference and the claim parser fold the same document
def fold(text: str) -> str:
    """Lowercase `text` and unify tone placement, keeping its length."""
    if text.isalpha():  # one word (re's \w is str.isalnum's letters, digits and "_")
        return _fold_word(text)  # as the split below would: most calls fold a name's word
    # Split and joined rather than re.sub with a callback: a Python call per word
    # (a document has thousands) cost a third of folding news2017's texts.
    parts = _WORDS.split(text)
    parts[1::2] = map(_fold_word, parts[1::2])
    return "".join(parts)


# A pattern that matches nowhere: `alone` of no word, and linter.data's empty alternation.
NOTHING = "(?!)"


def alone(*words: str) -> str:
    """A pattern for one of `words` not inside a longer word: "(?<!\\w)word" with the
    lookbehind put after the word's letters, several words as flat alternatives each
    opening on its own letters, "(?:a(?<!\\wa)|b(?<!\\wb))". A pattern that opens on a
    literal (or on alternatives that each open on one) is searched for by re; one that
    opens on a lookbehind or an optional group is tried at every character of a text.
    No word gives a pattern that matches nowhere: a data file's list emptied (cues'
    place words, issuer's bodies) must find nothing, not fail."""
    each = [rf"{word}(?<!\w{word})" for word in words]
    if not each:
        return NOTHING
    return each[0] if len(each) == 1 else "(?:" + "|".join(each) + ")"


# One digit: where a figure, a date or a citation's number begins; a text without
# one is not searched for them (`finditer_at`, and the claim parser's pre-checks).
DIGIT = re.compile(r"\d")
# The first digit of a run: where a pattern that no digit may stand before (a date,
# a figure: their lookbehinds refuse \w) can begin, so `finditer_at` tries "2017"
# once, not at each of its four digits. The lookbehind after the digit, not before
# it, so that re searches for a digit rather than trying every character.
RUN_START = re.compile(r"\d(?<!\d\d)")


def finditer_at(
    pattern: re.Pattern[str],
    starts: re.Pattern[str],
    text: str,
    pos: int = 0,
    endpos: int | None = None,
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, pos, endpos)`, `pattern` tried only where `starts`
    matches: for a pattern that opens on optional groups or a lookbehind, which re
    tries at every character. Every match of `pattern` must begin where `starts`
    matches, and none may be empty."""
    end = len(text) if endpos is None else endpos
    while (candidate := starts.search(text, pos, end)) is not None:
        if (m := pattern.match(text, candidate.start(), end)) is None:  # lookbehinds see before
            pos = candidate.start() + 1
            continue
        yield m
        pos = m.end()


def search_at(
    pattern: re.Pattern[str], starts: re.Pattern[str], text: str, pos: int = 0
) -> re.Match[str] | None:
    """`pattern.search(text, pos)`, `pattern` tried only where `starts` matches (as
    `finditer_at`): the first match, or None."""
    return next(finditer_at(pattern, starts, text, pos), None)


def lower(text: str) -> str:
    """Lowercase `text`, keeping its length, without underthesea: for checks that
    run on a cached parse and only need case ("Tết" and "tết", "Thứ Hai")."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # "İ" grows


@lru_cache(maxsize=4096)
def lowered(text: str) -> str:
    """`lower(text)`, once per text: the weighing of linter.checking.wording and five
    checks (CL01, EV02's todays, EV03, LI01, SP01) each lowered every text again (0.6 %
    of a cold run). The one lowered string keeps its hash, so the readers' caches keyed
    by it hit without hashing the whole text again. Bounded like those caches (a server
    checks draft after draft against the same published texts; a batch run reads each
    text once per check, a group at a time); an edited file is a new text, lowered anew."""
    return lower(text)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, as offsets into `text`.

    Paragraph breaks always end a sentence; underthesea splits inside them.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text[start:end]):
        base = start + para.start()
        spans += [(base + s, base + e) for s, e in _split(para.group())]
    return spans
