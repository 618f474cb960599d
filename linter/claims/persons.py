"""People named in full, with what the text says of them: "ông Ngô Văn Chất,
Trưởng phòng Quản lý thi", "em Trần Chí Kiên (7 tuổi)", "Đại biểu Quốc hội Lưu
Bình Nhưỡng".

A full name is 2-4 capitalised syllables beginning with a family name (the
list of `linter/data/offices.yaml`, read by `linter.claims.names`), not a place
and not a thing named after a person ("đường Phạm Văn Đồng"). Beside it a
report says who the person is, and that is what tells one person from another
with a near name: the honorific before it (its sex: ông, bà; a child: em,
cháu), the role or title just before it or after a comma, dash or bracket
("Trưởng phòng", "đại diện", "học sinh"), the capitalised words there (the
organisation, the place: "Quản", "Phú Khang") and an age ("7 tuổi"). Names in
a row ("A, B và C") are marked as listed: a list holds different people. The
words are in `linter/data/persons.yaml` (read by `linter.claims.person_words`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from linter.claims.names import Word, capitalised, names_a_place
from linter.claims.names import words_ as name_words
from linter.claims.person_home import home_at
from linter.claims.person_words import Sex, Tables, tables
from linter.claims.sentence import Sentence
from linter.models import PersonRef
from linter.nlp import fold

WINDOW = 60  # characters before a name where its honorific and title stand
AFTER = 110  # characters after a name's comma or bracket where its role is said


_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
# A capitalised word followed by another word: where a full name may begin. Not after
# a letter: the lookbehind follows the capital, so re searches for capitals (before it,
# it was tried at every character of every sentence).
_CAPS = "[A-ZÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ]"
_CAPITAL = re.compile(rf"{_CAPS}(?<!\w{_CAPS})\w*(?=[ \t]+\w)")
_CLAUSE_END = re.compile(r"[,.;:!?“”\"]")
_OPENER = re.compile(r"[ \t]*(?:,|[-–]|\()[ \t]*")
_AGE = re.compile(r"(?<!\d)(\d{1,3})[ \t]*tuổi")
# Names in a row: "Nguyễn Văn An, Nguyễn Văn Anh và Lê Thị Bình".
_IN_A_ROW = re.compile(r"^[ \t]*(?:,|;|và|,[ \t]*và)[ \t]*(?:\w+[ \t]+)?$")


@dataclass
class _Found:
    """A person's name found in a sentence, with what is read around it."""

    start: int
    end: int
    name: str
    sex: Sex | None = None
    roles: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    age: int | None = None
    listed: bool = False
    body: str = ""
    home: tuple[str, ...] = ()
    home_end: int = 0  # where the last unit of `home` ends


def persons(sentence: Sentence) -> list[PersonRef]:
    """The full names of a sentence, each with what the sentence says of the person."""
    found = find_persons(sentence.text, sentence.folded)
    return [
        PersonRef(
            span=sentence.span(p.start, p.end),
            sentence=sentence.bounds,
            name=p.name,
            sex=p.sex,
            roles=tuple(dict.fromkeys(p.roles)),
            words=tuple(dict.fromkeys(p.words)),
            age=p.age,
            listed=p.listed,
            body=p.body,
            home=p.home,
            home_span=sentence.span(p.start, p.home_end) if p.home else None,
        )
        for p in found
    ]


def find_persons(text: str, folded: str) -> list[_Found]:
    names = _names(text, folded)
    inside = {i for s, e, _ in names for i in range(s, e)}
    starts = [s for s, _, _ in names]
    found = [_describe(text, folded, s, e, name, inside, starts) for s, e, name in names]
    for a, b in itertools.pairwise(found):
        if _IN_A_ROW.match(folded[a.end : b.start]):
            a.listed = b.listed = True
    return found


def _names(text: str, folded: str) -> list[Word]:
    """Every full name of the sentence, as (start, end, name as written). A name
    begins with a family name: only there is a run of capitals read (most
    sentences have none, and reading every capitalised word cost a tenth of a
    parse)."""
    t = tables()
    names: list[Word] = []
    done = 0
    for m in _CAPITAL.finditer(text):
        if m.start() < done or m.group().lower() not in t.surnames:
            continue
        run = capitalised(text, m.start())
        k = _name_at(run, 0, t) if run else 0
        if not k:
            continue
        done = run[k - 1][1]  # "THPT Chu Văn An" is no person, nor is its "Văn An"
        if not t.named_after.search(folded[max(0, run[0][0] - 24) : run[0][0]]):
            names.append((run[0][0], done, " ".join(w for _, _, w in run[:k])))
    return names


def _name_at(run: list[Word], i: int, t: Tables) -> int:
    """How many words of `run` from `i` are a full name (0: none begins there)."""
    plain = [w for _, _, w in run]
    if fold(plain[i]) not in t.surnames:
        return 0
    if fold(plain[i]) in t.bare_honorifics and _name_at_plain(plain, i + 1, t):
        return 0  # "Ông Cao Xuân Điệu" at the start of a sentence: the name is after "Ông"
    k = _name_at_plain(plain, i, t)
    return 0 if k == 2 and fold(plain[i]) in t.bare_honorifics else k  # "Ông Chung"


def _name_at_plain(plain: list[str], i: int, t: Tables) -> int:
    if i >= len(plain) or fold(plain[i]) not in t.surnames:
        return 0
    stops = name_words().not_names
    for k in (4, 3, 2):
        words = plain[i : i + k]
        if len(words) < k or any(fold(w) in stops for w in words[1:]):
            continue
        # "Hà Nội Phạm Xuân" is a place and half a name: no prefix may be a place.
        if _capitalised(words) and not any(
            names_a_place(" ".join(words[:j])) for j in range(2, k + 1)
        ):
            return k
    return 0


def _capitalised(words: list[str]) -> bool:
    """Each syllable capitalised and the rest lower case: "Lưu Bình Nhưỡng", not "UBND"."""
    return all(w[:1].isupper() and (len(w) == 1 or w[1:].islower() or "'" in w) for w in words)


def _describe(
    text: str, folded: str, start: int, end: int, name: str, inside: set[int], starts: list[int]
) -> _Found:
    t = tables()
    found = _Found(start, end, name)
    before = folded[max(0, start - WINDOW) : start]
    ends = list(_CLAUSE_END.finditer(before))
    clause = before[ends[-1].end() :] if ends else before
    if h := t.honorific.search(clause):
        found.sex = t.sex.get(h.group("w"))
    roles = list(t.role.finditer(clause))
    if roles:  # the title nearest the name is its own: "phụ huynh học sinh Trần Duy Kiên"
        found.roles.append(t.roles[roles[-1].group()])
        offset = start - len(clause)
        found.words.extend(_words(text, offset + roles[-1].end(), start, t, inside))
        # "Chủ tịch Hiệp hội đá quý Hà Nội Hoàng Thế Ngữ": the title's body before the name
        found.body = " ".join(text[offset + roles[-1].end() : start].split())
    if opener := _OPENER.match(text, end):
        stop = ")" if "(" in opener.group() else ",;."
        window = folded[opener.end() : opener.end() + AFTER]
        cut = min((p for c in stop if (p := window.find(c)) >= 0), default=len(window))
        # What is said of the person ends where another's name begins: in "anh Trần
        # Chí Dũng, phụ huynh học sinh Trần Duy Kiên", "học sinh" is Kiên's.
        named = min([len(window), *(s - opener.end() for s in starts if s >= opener.end())])
        window = window[: min(cut, named, _said_at(text, window, opener.end(), t))]
        if not _starts_with_name(text, opener.end()):
            said = list(t.role.finditer(window))
            if said and named <= cut and not window[said[-1].end() :].strip():
                said.pop()  # the title right before the next name is that name's
            found.roles.extend(t.roles[r.group()] for r in said)
            base = opener.end()
            if said:  # "Chủ tịch Hiệp hội đá quý Hà Nội": the body of the last title
                body = text[base + said[-1].end() : base + len(window)]
                # "ông X - Giám đốc Sở Y tế - cho biết": the dash closing the title
                found.body = " ".join(body.split()).rstrip(" -–")
            titles = {base + i for r in said for i in range(r.start(), r.end())}
            found.words.extend(_words(text, base, base + len(window), t, inside | titles))
            if age := _AGE.search(window[:25]):
                found.age = int(age.group(1))
    found.home, found.home_end = home_at(text, end)
    return found


def _said_at(text: str, window: str, base: int, t: Tables) -> int:
    """Where what is said of a person ends in `window` (folded, from `base` of `text`)
    at what the person does: "Ông Hoàng Thế Ngữ, Chủ tịch Hiệp hội đá quý Hà Nội chia
    sẻ: ..." says no more of who he is after "Hà Nội" (no comma closes the title).
    A word written lower case only ("Sở Thông tin" is a body); a word that is also a
    noun of a body's name ("Trung tâm Công nghệ thông tin") only where the name has
    ended, after a capitalised word, a number or a bracket."""
    verbs = (m.start() for m in t.said.finditer(window) if not text[base + m.start()].isupper())
    nouns = (
        m.start()
        for m in t.said_nouns.finditer(window)
        if text[base + m.start()].islower()
        and _name_ended(text[base : base + m.start()].split()[-1:])
    )
    return min(next(verbs, len(window)), next(nouns, len(window)))


def _name_ended(before: list[str]) -> bool:
    """ "Hà Nội", "số 5", "(TP HCM)": the word before may end a body's name."""
    return bool(before) and (
        before[0][0].isupper() or before[0][-1].isdigit() or before[0].endswith(")")
    )


def _starts_with_name(text: str, pos: int) -> bool:
    """ "Nguyễn Văn An, Nguyễn Văn Anh": the comma joins names, it does not describe."""
    run = capitalised(text, pos)
    return bool(run) and bool(_name_at(run, 0, tables()))


def _words(text: str, start: int, end: int, t: Tables, skip: set[int]) -> list[str]:
    """The folded capitalised words of text[start:end] that tell one body or place
    from another: "Phòng khám Phú Khang" gives "phú", "khang"; names and titles
    (at the offsets `skip`) are left out."""
    kept = []
    for m in _TOKEN.finditer(text, start, end):
        word = fold(m.group())
        if m.start() in skip or not m.group()[0].isupper():
            continue
        if len(word) > 1 and word not in t.common:
            kept.append(word)
    return kept
