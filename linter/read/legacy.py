"""Text typed in the pre-Unicode Vietnamese fonts, TCVN3 and VNI, converted to Unicode.

Such text (see `linter/data/legacy_encodings.yaml`) is valid Latin-1, and often
valid UTF-8 once some tool has converted it, yet reads "ViÖt Nam" or "Vieät Nam".
It is converted when the conversion reads as Vietnamese far better than the text
as it is (counted in frequent words), and reported, naming the encoding, when it
looks legacy but no conversion reads well enough to trust (`NotText`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from linter import diagnostics
from linter.data import load
from linter.models import Reason


class NotText(ValueError):
    """Bytes that are binary or in no encoding that fits, at `line` and `column` if known
    (raised here and by `linter.read.encodings`, which imports this module)."""

    def __init__(self, reason: Reason, line: int = 1, column: int = 1) -> None:
        super().__init__(diagnostics.render(reason, "en"))
        self.reason = reason  # says what was expected and what was found
        self.line = line
        self.column = column


class _Vni(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    tones: dict[str, str]
    circumflex: dict[str, str]
    breve: dict[str, str]
    letters: dict[str, str]


class _Legacy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    tcvn3: dict[str, str]
    vni: _Vni
    common_words: frozenset[str]

    @field_validator("tcvn3")
    @classmethod
    def _one_character_each(cls, table: dict[str, str]) -> dict[str, str]:
        bad = [k for k, v in table.items() if len(k) != 1 or len(v) != 1 or not v.isalpha()]
        if bad:
            raise ValueError(f"TCVN3 maps one character to one letter; not so for {bad}")
        return table


@dataclass(frozen=True)
class _Charmap:
    name: str
    pairs: dict[str, str]  # legacy sequence -> Unicode (NFC)
    pattern: re.Pattern[str]  # the sequences, longest first

    def convert(self, text: str) -> str:
        return self.pattern.sub(lambda m: self.pairs[m[0]], text)


def _charmap(name: str, pairs: dict[str, str]) -> _Charmap:
    ordered = sorted(pairs, key=len, reverse=True)
    return _Charmap(name, pairs, re.compile("|".join(map(re.escape, ordered))))


def _vni_pairs(vni: _Vni) -> dict[str, str]:
    """Every base letter + mark of VNI, in both cases, from the parts in the YAML file."""
    letters = {**vni.letters, **{k.upper(): v.upper() for k, v in vni.letters.items()}}
    pairs = dict(letters)

    def add(base: str, mark: str, combining: str) -> None:
        for b, m in ((base, mark), (base.upper(), mark.upper())):
            pairs[b + m] = unicodedata.normalize("NFC", letters.get(b, b) + combining)

    hooked = [k for k, v in vni.letters.items() if v in "ơư"]  # ơ and ư take tones too
    for base in ("a", "e", "i", "o", "u", "y", *hooked):
        for mark, tone in vni.tones.items():
            add(base, mark, tone)
    for base in ("a", "e", "o"):
        for mark, tone in vni.circumflex.items():
            add(base, mark, "\u0302" + tone)
    for mark, tone in vni.breve.items():
        add("a", mark, "\u0306" + tone)
    return pairs


@cache
def _legacy() -> tuple[frozenset[str], tuple[_Charmap, ...]]:
    data = load("legacy_encodings.yaml", _Legacy)
    maps = (_charmap("TCVN3", data.tcvn3), _charmap("VNI", _vni_pairs(data.vni)))
    return data.common_words, maps


# Latin-1 letters that Vietnamese uses: any other (ð, ö, ×, ¸, «...) in a Vietnamese
# document is a sign of a legacy font.
_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_SIGNS = "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIETNAMESE_LATIN1)
_SIGN = re.compile(f"[{re.escape(_SIGNS)}]")
_WORD = re.compile(r"\w+")


def from_legacy(text: str) -> str | None:
    """`text` converted from TCVN3 or VNI if it clearly is one of them, else None.

    Raises NotText when the text is full of a legacy font's characters but neither
    conversion reads as Vietnamese well enough to trust it.
    """
    signs = len(_SIGN.findall(text))
    if signs < 3:
        return None  # the common case, decided without converting anything
    words, charmaps = _legacy()

    def score(candidate: str) -> int:
        folded = unicodedata.normalize("NFC", candidate).lower()
        return sum(1 for w in _WORD.findall(folded) if w in words)

    as_is = score(text)
    converted = ((c.convert(text), c.name) for c in charmaps)
    scored = sorted(((score(t), name, t) for t, name in converted), reverse=True)
    (best, _, best_text), (second, *_) = scored  # the names differ: no text is compared
    # Far better than the text as it is and than the other encoding: a conversion
    # of ordinary Vietnamese (or of French) garbles the words it had right.
    if best >= 5 and best >= 3 * max(as_is, second, 1):
        return unicodedata.normalize("NFC", best_text)
    # Not convertible with confidence (a list of names has few frequent words): still
    # a legacy font if its own signs are dense, where French or German has a few.
    evidence, name = max((_evidence(c, text), c.name) for c in charmaps)
    if evidence >= 6 and evidence * 30 >= sum(1 for ch in text if ch.isalpha()):
        examples = _examples(text)
        raise NotText(
            diagnostics.reason("legacy-encoding", encoding=name, count=signs, examples=examples)
        )
    return None


def _evidence(charmap: _Charmap, text: str) -> int:
    """Signs of `charmap` inside words, which no living language writes: a VNI vowel
    followed by its mark (aø, eä, öô), a TCVN3 letter that is a symbol in Latin-1
    (¸ µ ® «) next to an ASCII letter ("Qu¶ng"), which a run of random bytes rarely is."""
    found = 0
    for match in charmap.pattern.finditer(text):
        seq = match[0]
        if charmap.name == "VNI":
            found += len(seq) > 1
        elif not seq.isalpha() or seq == "µ":  # the letters (ö, ß, È) are German or French
            around = text[max(match.start() - 1, 0) : match.end() + 1]
            found += any(ch.isascii() and ch.isalpha() for ch in around)
    return found


def _examples(text: str) -> str:
    seen: list[str] = []
    for ch in text:
        if _SIGN.match(ch) and ch not in seen:
            seen.append(ch)
        if len(seen) == 4:
            break
    return ", ".join(f"'{ch}'" for ch in seen)
