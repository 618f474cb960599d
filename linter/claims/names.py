"""Personal names and place names in a run of capitalised words.

Only capitals tell a name from the words around it: a Vietnamese full name is
2-4 capitalised syllables beginning with a family name ("Nguyễn Thị Kim
Ngân"), and the run after "UBND tỉnh" may hold a place and then a name ("Hà
Tĩnh Đặng Quốc Khánh"), split with the gazetteer. The words (family names,
honorifics, words that start a sentence) are in `linter/data/offices.yaml`.
Names are compared here too: a shortened form is one person ("Nguyễn Kim
Ngân"), a mark or a letter apart is a likely typo ("Thành"/"Thanh").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from linter.data.offices import offices
from linter.data.places import alternatives
from linter.metadata import gazetteer
from linter.nlp import fold

Word = tuple[int, int, str]  # start, end, the word as written


class _Words:
    def __init__(self) -> None:
        data = offices()
        self.surnames = {fold(s) for s in data.surnames}
        self.honorifics = {fold(h) for h in data.honorifics}
        self.not_names = {fold(w) for w in data.not_names}
        honorific = alternatives(data.honorifics)
        self.honorific_before = re.compile(rf"(?:^|\W)(?:{honorific})\.?\s+$")
        members = alternatives(data.memberships)
        namesake = alternatives(data.namesakes)
        self.namesake_before = re.compile(rf"(?:^|\W)(?:{namesake})\s+$")
        self.member = re.compile(rf"[ \t]*(?:{members})[^,;()]{{0,50}},\s*$")


@lru_cache(maxsize=1)
def words_() -> _Words:
    return _Words()


_DASH = re.compile(r"[ \t]+([-–])[ \t]+")
_TOKEN = re.compile(r"(\w+(?:['’-]\w+)*)([ \t]*)")  # "Bà Rịa-Vũng Tàu" is one place


def capitalised(text: str, pos: int) -> list[Word]:
    """The run of capitalised words from `pos`, with their offsets; a full stop may
    stand before it ("TP.HCM"), nothing but spaces between its words."""
    skip = re.compile(r"[ \t.]*").match(text, pos)
    pos = skip.end() if skip else pos
    run: list[Word] = []
    while len(run) < 8 and (m := _TOKEN.match(text, pos)) and m.group(1)[0].isupper():
        run.append((m.start(1), m.end(1), m.group(1)))
        dash = _DASH.match(text, m.end(1))
        if dash and _TOKEN.match(text, dash.end()):  # "Bà Rịa - Vũng Tàu": kept as a word
            run.append((dash.start(1), dash.end(1), "-"))
            pos = dash.end()
        elif m.group(2):
            pos = m.end()
        else:
            break
    return run


def split(words: list[str], level: str | None, may_place: bool) -> tuple[int, int]:
    """How many words are the place, how many the name that follows it."""
    for k in range(min(len(words), 5), 0, -1):
        if may_place and words[k - 1] != "-" and is_place(" ".join(words[:k]), level):
            return k, name_length(words[k:])
    if n := name_length(words):
        return 0, n
    if level in ("district", "ward", "city") and words and words[0] != "-":
        for k in range(1, len(words)):  # an unknown place, then a name: "xã Tịnh An Lý Hồng Sơn"
            if len(words) - k <= 4 and (n := name_length(words[k:])):
                return k, n
        return min([*(i for i, w in enumerate(words) if w == "-"), len(words), 3]), 0
    return 0, 0


def is_place(name: str, level: str | None) -> bool:
    if level in (None, "province"):
        return bool(gazetteer.provinces_named(name))
    # Below the province, spellings vary in marks and spacing ("Đạ Tẻh", "Đăk Glong").
    if level == "city":
        return bool(gazetteer.provinces_named(name) or gazetteer.districts_named(name, True))
    if level == "district":
        return bool(gazetteer.districts_named(name, True))
    return bool(gazetteer.wards_named(name, True))


@lru_cache(maxsize=8192)  # each name's prefixes are asked again by every reader of persons
def names_a_place(name: str) -> bool:
    """A province's or a district's name ("Hà Nội", "Đồ Sơn"): no person's, no body's."""
    return is_place(name, None) or is_place(name, "district")


def is_name(words: list[str]) -> bool:
    """2-4 capitalised syllables beginning with a family name, not a place's name."""
    if not 2 <= len(words) <= 4 or fold(words[0]) not in words_().surnames:
        return False
    if not all(w[:1].isupper() and (len(w) == 1 or w[1:].islower() or "'" in w) for w in words):
        return False
    return not is_place(" ".join(words), None)


def name_length(words: list[str]) -> int:
    """How many of `words` are a name. A fourth word that begins a sentence or a
    title ends it: "Hoàng Trung Hải Bí thư ...", "Nguyễn Thành Phong Sáng 15/6"."""
    stops = words_().not_names
    cut = next((i for i, w in enumerate(words) if i >= 3 and fold(w) in stops), len(words))
    return cut if is_name(words[:cut]) else 0


def name_before(text: str, start: int) -> Word | None:
    """ "ông Lê Văn C - Giám đốc ...", "Nguyễn Văn A (Chủ tịch ...)": the name just before."""
    t = words_()
    while member := t.member.search(fold(text[max(0, start - 70) : start])):
        start = max(0, start - 70) + member.start()  # "Ủy viên Trung ương Đảng, Bí thư ..."
    sep = re.search(r"[ \t]*(?:,|[-–]|\()[ \t]*$", text[max(0, start - 4) : start])
    if not sep:
        return None
    end = max(0, start - 4) + sep.start()
    found: list[Word] = []
    for m in re.finditer(r"\w+(?:['’]\w+)*", text[max(0, end - 50) : end]):
        found.append((max(0, end - 50) + m.start(), max(0, end - 50) + m.end(), m.group()))
    if not found or found[-1][1] != end:
        return None
    run: list[Word] = []
    for w in reversed(found):  # the capitalised words just before, joined by spaces only
        if not w[2][0].isupper() or (run and text[w[1] : run[0][0]].strip(" \t")):
            break
        run.insert(0, w)
    while len(run) > 2 and fold(run[0][2]) in t.honorifics:
        run.pop(0)  # "Ông Cao Xuân Điệu" at the start of a sentence
    if len(run) > 4 or not is_name([w for _, _, w in run]):
        return None  # five capitalised words are not one name: a title, a place, a list
    before = text[max(0, run[0][0] - 20) : run[0][0]]
    if t.namesake_before.search(fold(before)):
        return None  # "đường Phạm Văn Đồng, Giám đốc ...": a street, not the office holder
    honoured = bool(t.honorific_before.search(fold(before)))
    if honoured or len(run) >= 3 or not before.strip() or before.rstrip().endswith(("(", ",", ":")):
        return run[0][0], run[-1][1], " ".join(w for _, _, w in run)
    return None


def people(names: Iterable[str]) -> set[str]:
    """Distinct people among `names`: "Nguyễn Thị Kim Ngân" and "Nguyễn Kim Ngân" are one
    (a syllable left out, first and last kept)."""
    keys = {name_key_of(n) for n in names}
    return {k for k in keys if not any(k != o and _shortened(k, o) for o in keys)}


def _shortened(short: str, full: str) -> bool:
    s, f = short.split(), full.split()
    if len(s) >= len(f) or s[0] != f[0] or s[-1] != f[-1]:
        return False
    it = iter(f)
    return all(word in it for word in s)


@lru_cache(maxsize=65536)  # an office's names are compared in every run
def name_key_of(name: str) -> str:
    """One spelling of a name for comparing: folded (one tone placement: "Hòa",
    "Hoà"), single spaces, and a final y after a consonant written i: "Sỹ" and
    "Sĩ", "Kỳ" and "Kì" are one name in two accepted spellings."""
    return " ".join(_FINAL_Y.sub(lambda m: _Y_TO_I[m.group()], w) for w in fold(name).split())


_Y_TO_I = dict(zip("yýỳỷỹỵ", "iíìỉĩị", strict=True))
_FINAL_Y = re.compile(r"(?<=[bcdđghklmnpqrstvx])[yýỳỷỹỵ]$")


@lru_cache(maxsize=65536)  # an office's names are compared in every run
def bare(name: str) -> str:
    """The name without its marks: "Nguyễn Văn Hưng" and "Nguyễn Văn Hùng" meet."""
    plain = unicodedata.normalize("NFD", name_key_of(name).replace("đ", "d"))
    return "".join(c for c in plain if not unicodedata.combining(c))


@lru_cache(maxsize=65536)  # an office's names are compared in every run
def spelled_alike(a: str, b: str) -> bool:
    """Names that differ only in marks or in one letter of one syllable, or one
    that stops a syllable short of the other ("Nguyễn Chí" for "Nguyễn Chí Dũng")."""
    if bare(a) == bare(b):
        return True
    wa, wb = name_key_of(a).split(), name_key_of(b).split()
    if abs(len(wa) - len(wb)) == 1 and min(wa, wb, key=len) == max(wa, wb, key=len)[:-1]:
        return True
    diff = [(x, y) for x, y in zip(wa, wb, strict=False) if x != y]
    return len(wa) == len(wb) and len(diff) == 1 and _one_edit(*diff[0])


def _one_edit(x: str, y: str) -> bool:
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    short, long = sorted((x, y), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
