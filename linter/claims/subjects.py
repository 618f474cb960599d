"""What a figure measures, in open vocabulary.

Most figures in real news name no indicator of the lexicon: "11.400 hộ dân",
"diện tích 48 ha đất nông nghiệp", "thời gian thi công 6 tháng", "4.000 cây xà
cừ". A figure's *subject* is read from its own clause, the way a reader does:

- the noun phrase before the verb that introduces the figure ("tổng thu ngân
  sách nhà nước | đạt 56.000 tỷ đồng", "sản lượng vải thiều nhà chị | ước tính
  khoảng 10 tấn"), cut after the last earlier verb ("... năm nay dự kiến chỉ đạt
  | sản lượng | bằng 70%"); when what follows that verb names no thing ("chiếm
  tỷ trọng", "với số tiền", "giảm mạnh"), the clause's own subject before its
  first verb is put in front ("chăn nuôi | chiếm tỷ trọng 60%");
- for a figure in a bracket, after "và" or right after another figure with
  nothing of its own before it, the phrase before that bracket or figure: it
  glosses or continues it ("đường Bùi Viện (1,4 km)", "chi 846 tỷ đồng (37
  triệu USD)", "lần lượt 13,3% và 14,4%");
- the words after the number that say what is counted ("11.400 hộ | dân",
  "48 ha | đất nông nghiệp", "6 tháng | thi công").

The subject is folded, stripped of time words, fillers and places, and cut to
`MAX_WORDS` syllables, so that wording variants of one subject meet
("tổng vốn đầu tư của dự án" and "tổng vốn đầu tư dự án" give the same key;
a word the unit table spells joined and split, "ôtô" / "ô tô", is split). A
subject of function words only ("trong số 157 ha": "trong") is no subject.
Rules, not underthesea's chunker: chunking every sentence with a figure cost
more than the whole parse, and these rules read the gold set's subjects as well.

Figures counted in a noun the unit table does not know ("25 tàu", "4.000 cây")
are read by `linter.claims.counts`.
"""

from __future__ import annotations

import re

from linter.claims.intervals import RawQuantity
from linter.claims.nouns import counted, spelled
from linter.claims.subject_words import (
    AFTER_STOP,
    FUNCTION_WORDS,
    GENERIC,
    INTRO_TAIL,
    INTRO_WORD,
    MIN_CONTENT,
    content,
    key_words,
    numerals_blanked,
    thin_dropped,
)

__all__ = ["MAX_WORDS", "MEASURES", "subject_of"]

MAX_WORDS = 8  # longer noun phrases are clauses in disguise; the head comes first
# Units that measure rather than count: the noun they measure comes from the
# words around them ("48 ha đất"), while a counted noun is itself the subject
# ("11.400 hộ dân", "25 tàu cá").
MEASURES = frozenset(
    "VND USD % pp lần ha km2 km m m2 m3 tấn kg tạ lít năm tháng ngày giờ bậc sao độ".split()
)

_AFTER_WORDS = 4
_SAID_END = re.compile(
    r"(?<!\w)(?:thì|mà|nhưng|để|nhằm|vì|nên|so|khi|tương ứng|tương đương|chiếm|gồm|"
    r"bao gồm|tăng|giảm|đạt|bằng|gấp|trong đó|còn)(?!\w)"
)
# "2 triệu đồng đối với người bị thương": for whom, not what is counted.
_AFTER_END = re.compile(rf"{AFTER_STOP.pattern}|(?<!\w)đối(?= với)")
HOLE = "\x00"  # where another figure stood in a clause: `_blank`
_HOLES = re.compile(f"{HOLE}+")
# Where a phrase before a figure ends: a sentence mark, a bracket, "và", a figure.
# A full stop inside a sentence ends nothing when a word follows it: "TP.HCM", "H.Nhà Bè".
_BREAK = re.compile(rf"(\.(?!\w)|[!?…\"“”'‘’()]|(?<!\w)và(?!\w)|{HOLE}+)")
_BRACKETED = re.compile(r"\([^()]*\)")
_LEADING_GLOSS = re.compile(r"^\s*\([^()]*\)")
# ("khoảng" is an introducing word: `INTRO_TAIL` drops it)
_TAIL_FILLER = re.compile(r"(?<!\w)(?:bình quân|trung bình|lần lượt|tương ứng)\s*$")
_PURPOSE = re.compile(r"^\s*(?:để|nhằm|dành cho|cho việc|phục vụ)\s+")
_PER_UNIT = re.compile(r"\s*/\s*(?:1\s+)?(\w+(?: \d)?)")
# Where the words after a figure stop saying what it is: a mark or another figure.
_CLAUSE_MARK = re.compile(rf"[.,;:()\"“”'‘’!?…{HOLE}]")


def subject_of(
    f: str,
    q: RawQuantity,
    clause: tuple[int, int],
    unit: str,
    figures: list[tuple[int, int]],
    times: list[tuple[int, int]],
) -> tuple[str | None, str | None]:
    """The folded subject of figure `q` in folded sentence `f`, and its part that
    names what is counted or measured after the number ("dầu fo" in "trên tàu chở
    1.701 tấn dầu FO"). Other `figures` (and citations) end a subject; `times`
    (periods, dates) are left out of it: "tổng thu ngân sách năm 2016 đạt"."""
    c_start, c_end = clause
    f = numerals_blanked(f)  # "4 khóa | XII": the numeral after the figure's noun too
    before = _blank(f, c_start, q.start, figures, times)
    head = key_words(_noun_phrase_before(before))[-MAX_WORDS:]  # the words nearest the figure
    per = _PER_UNIT.match(f, q.end)
    after_start = per.end() if per else q.end
    rest = _blank(f, after_start, c_end, figures, times)
    after = _words_after(rest)
    noun = [] if unit in MEASURES else counted(f[q.number_start : q.end])
    measured = (noun + key_words(after))[:MAX_WORDS]
    if per:  # "15 triệu đồng/m2" is a price, never comparable with a total
        measured.append("/" + per.group(1))
    if " ".join(measured) in " ".join(head):
        measured_part: list[str] = []  # "số hộ dân là 11.400 hộ": said once
    elif not per and not key_words(before):
        # Nothing names the figure before it: it is its clause's subject, and what
        # its clause says of it tells which ("100% hộ dân trong thôn đã có nước sạch").
        told = _said_of(rest)
        measured_part = (noun + key_words(told))[:MAX_WORDS]
    else:
        measured_part = measured
    subject = spelled(head + measured_part)
    if all(w in FUNCTION_WORDS for w in subject):
        return None, " ".join(spelled(measured)) or None  # "trong số 157 ha": no subject
    return " ".join(subject), " ".join(spelled(measured)) or None


def _blank(
    f: str, start: int, end: int, hard: list[tuple[int, int]], soft: list[tuple[int, int]]
) -> str:
    """`f[start:end]` with `hard` spans (other figures) replaced by `HOLE` (a
    boundary a list or a gloss steps over) and `soft` ones by spaces (left out)."""
    chars = list(f[start:end])
    for spans, fill in ((soft, " "), (hard, HOLE)):
        for a, b in spans:
            for i in range(max(a, start), min(b, end)):
                chars[i - start] = fill
    return "".join(chars)


def _noun_phrase_before(text: str) -> str:
    """The noun phrase right before a figure, the way a reader names it.

    A bracket of its own inside the phrase is a gloss and left out ("chỉ số sản
    xuất công nghiệp (IIP) tăng 21%"). The phrase ends at a sentence mark, a
    bracket, "và" or another figure ("1.701 tấn dầu FO và 113 tấn dầu DO" gives
    the second figure no subject before it), unless nothing but verbs, function
    words and generic nouns is left between: then the figure glosses or continues
    what stands before that boundary ("đường Bùi Viện (1,4 km)", "chi 846 tỷ đồng (khoảng 37 triệu
    USD)", "doanh thu lần lượt 860,7 tỷ đồng và 812,5 tỷ đồng")."""
    parts = _BREAK.split(_BRACKETED.sub(" ", text))  # phrase, mark, phrase, mark, ...
    phrase = _phrase(parts[-1])
    i = len(parts) - 1
    while i >= 2 and not content(phrase) and _steps_over(parts, i):
        i -= 2
        # read before joining: no compound forms across the join ("chỉ | trong số")
        phrase = f"{' '.join(key_words(_phrase(parts[i])))} {thin_dropped(phrase)}"
    return phrase.strip()


def _steps_over(parts: list[str], i: int) -> bool:
    """Whether the mark before `parts[i]` may be stepped over: an opening bracket,
    another figure, or "và" right after one (a list of one thing's values)."""
    mark = parts[i - 1]
    if mark == "(" or _HOLES.fullmatch(mark):
        return True
    after_figure = i >= 3 and bool(_HOLES.fullmatch(parts[i - 3]))
    return mark == "và" and not content(parts[i - 2]) and after_figure


def _phrase(text: str) -> str:
    """The words before a figure that name it: the introducing verbs at the end
    dropped ("đạt bình quân hơn"), then what follows the last earlier verb; and
    when that is too thin ("tăng mạnh", "chiếm tỷ trọng", "với số tiền", "của
    tỉnh"), the clause's subject before it: "chăn nuôi | chiếm tỷ trọng 60%"."""
    text = text.rstrip()
    while True:  # "đạt bình quân hơn 80 triệu USD": fillers between the verbs
        shorter = _TAIL_FILLER.sub("", INTRO_TAIL.sub("", text)).rstrip()
        if shorter == text:
            break
        text = shorter
    pieces = INTRO_WORD.split(text)
    phrase = pieces[-1]
    if content(phrase) >= MIN_CONTENT or len(pieces) == 1:
        return phrase.strip()
    # The owner is the clause's own subject, before its first verb ("dự án | được đầu
    # tư thành 2 giai đoạn | trên tổng diện tích đất 5,07 ha"), else the nearest words.
    if content(pieces[0]):
        owner = pieces[0]
    else:
        earlier = [piece for piece in pieces[1:-1] if content(piece)]
        if not earlier:
            return phrase.strip()
        owner = earlier[-1]
    # The owner's head comes first: "khu công nghiệp Phước Lý của một doanh nghiệp
    # đang san lấp mặt bằng | trên diện tích 18 ha" is the park's area.
    owner_words, tail = key_words(owner), thin_dropped(phrase)
    tail_words = len(key_words(tail))
    if len(owner_words) + tail_words > MAX_WORDS:
        # no room: the generic noun says nothing once the unit is known ("diện tích")
        tail = thin_dropped(GENERIC.sub(" ", phrase))
        tail_words = len(key_words(tail))
    head = owner_words[: max(MIN_CONTENT, MAX_WORDS - tail_words)]
    return f"{' '.join(head)} {tail}".strip()


def _words_after(text: str) -> str:
    text = _LEADING_GLOSS.sub(" ", text)  # "73% (58.587) ý kiến cho rằng": the count's gloss
    text = _CLAUSE_MARK.split(text, maxsplit=1)[0]
    text = _PURPOSE.sub("", text)  # "23.000 tỉ đồng để giải phóng mặt bằng": what it is for
    stop = _AFTER_END.search(text)
    if stop:
        text = text[: stop.start()]
    return " ".join(text.split()[:_AFTER_WORDS])


def _said_of(text: str) -> str:
    """What a clause says of the figure that opens it, up to a figure, a mark or a
    word that starts another statement ("thì", "nhưng", "so với", "chiếm")."""
    text = _CLAUSE_MARK.split(text, maxsplit=1)[0]
    stop = _SAID_END.search(text)
    return text[: stop.start()] if stop else text
