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
from linter.claims.numbers import DIGITS, SCALE_WORD

MAX_WORDS = 8  # longer noun phrases are clauses in disguise; the head comes first
# Units that measure rather than count: the noun they measure comes from the
# words around them ("48 ha đất"), while a counted noun is itself the subject
# ("11.400 hộ dân", "25 tàu cá").
MEASURES = frozenset(
    "VND USD % pp lần ha km2 km m m2 m3 tấn kg tạ lít năm tháng ngày giờ bậc sao độ".split()
)

# Verbs and comparators that introduce a figure: the subject ends before them.
_INTRO = (
    "đạt được|ước đạt|ước tính|ước khoảng|dự kiến đạt|đạt|là|có|với|gồm|bao gồm|chiếm|bằng|"
    "lên tới|lên đến|lên|tới|đến|còn|khoảng|trên|hơn|gần|dưới|hơn|xấp xỉ|tối thiểu|tối đa|"
    "ít nhất|không quá|vượt|tăng|giảm|thêm|mất|hết|tốn|được|trị giá|tương đương|"
    "lên khoảng|chừng|ước|dự kiến|phấn đấu|tổng cộng|từ|xuống"
)
_INTRO_TAIL = re.compile(rf"(?:(?<=\s)|^)(?:{_INTRO})(?:\s+(?:{_INTRO}))*\s*$")
# Compounds that start with an introducing word but name a subject: "tăng trưởng",
# "trên địa bàn", "có thể", "đạt chuẩn", "giảm nghèo".
# "khoảng cách" is a distance; "mặt bằng", "công bằng", "văn bằng" and "đối với"
# are a noun, an adjective and a preposition: "giải phóng mặt bằng phải mất 2 năm"
# is about clearing the ground, "dự toán thu đối với các khoản phí" about the budget.
_NOT_INTRO = r"(?!\s+(?:trưởng|cường|địa bàn|thể|chuẩn|nghèo|thiểu|cách))"
_INTRO_WORD = re.compile(
    rf"(?<!\w)(?<!mặt )(?<!công )(?<!văn )(?<!đối )(?:{_INTRO})(?!\w){_NOT_INTRO}"
)
# Words that never belong to a subject key: time, discourse, places, fillers.
_FILLERS = re.compile(
    r"(?<!\w)(?:năm nay|năm ngoái|năm trước|hiện nay|hiện tại|thực hiện|hiện|đến nay|tới nay|"
    r"tính đến nay|tính đến|cho đến nay|theo đó|trong đó|ngoài ra|bên cạnh đó|đặc biệt|"
    r"riêng|cụ thể|tuy nhiên|đồng thời|cùng kỳ|so với|toàn tỉnh|toàn thành phố|toàn huyện|"
    r"trên địa bàn tỉnh|trên địa bàn thành phố|trên địa bàn|địa bàn|tỉnh|thành phố|huyện|"
    r"đã|đang|sẽ|vừa|cũng|chỉ(?! số| tiêu)|mới|gần như|hầu như|các|những|mỗi|mọi|này|đó|nói trên|"
    r"năm|tháng|quý|ngày|lũy kế|luỹ kế|bình quân|trung bình|khoảng(?! cách)|tổng số|lần lượt|của|"
    r"(?<!doanh )(?<!dân )(?<!chỉ )số)(?!\w)"
)
# A number and its scale words: "303,83 triệu cổ phiếu" counts "cổ phiếu".
# "quý II", "khóa XIV" are numbers; the "vi" of "vi phạm", "vi khuẩn" is not.
_NUMBERISH = re.compile(
    rf"(?:{DIGITS})(?:\s*{SCALE_WORD}(?!\w))*|(?<!\w)(?!vi (?:phạm|khuẩn|rút))[ivx]+(?!\w)"
)
_WORD = re.compile(r"[^\W\d_]+")
# What may follow a measure noun and still say what is counted ("hộ dân", "ha đất
# nông nghiệp", "tháng thi công"): words up to the next verb, preposition or figure.
AFTER_STOP = re.compile(
    r"(?<!\w)(?:và|với|của|cho|tại|ở|trên|trong|so|đạt|là|được|đã|sẽ|đang|với|để|nhằm|"
    r"từ|đến|tới|thì|mà|khi|nhưng|hoặc|hay|gồm|bao gồm|tăng|giảm|chiếm|vào|theo|bị|"
    r"có|trị giá|tương đương|thuộc|tương ứng|mỗi|hoạt động|xuống|còn|lên|vì|nữa)(?!\w)"
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
_TAIL_FILLER = re.compile(r"(?<!\w)(?:bình quân|trung bình|lần lượt|tương ứng|khoảng)\s*$")
MIN_CONTENT = 2  # words of a subject that say what is measured (`linter.checking.usable`)
# Words that tell no figure from another: prepositions, connectives, degree and
# manner words. A subject of these only ("trong", "với", "qua") is no subject.
FUNCTION_WORDS = frozenset(
    (
        "trong ngoài ở với qua cho tại về theo của từ đến tới bởi do vì thì mà là và hoặc hay "
        "không rất khá nhiều ít nhất hơn thôi nữa lại cũng vẫn còn đều chỉ được bị có đạt như "
        "nếu khi vào ra lên xuống nhưng mạnh nhẹ nhanh chậm đáng kể một so trước"
    ).split()
)
# Words that say nothing about what is measured once the unit is known: "diện
# tích" is any area, "chiều dài" any length ("2 ống hầm có chiều dài 781m" and
# "toàn tuyến có chiều dài gần 20km" are two things of one metro line).
GENERIC = re.compile(
    r"(?<!\w)(?:diện tích|số lượng|tổng số|tổng cộng|tổng|con số|mức|"
    r"chiều dài|chiều rộng|chiều cao|chiều ngang|bề rộng|bề dài|bề ngang|độ dài|độ sâu|"
    r"độ cao|độ rộng)(?!\w)"
)
# Nouns that say which kind of figure, not of what: "chiếm tỷ trọng gần 5%", "với
# số tiền 150 triệu đồng", "có giá 30 triệu đồng", "với quy mô 1.000 ha".
_THIN = re.compile(
    rf"{GENERIC.pattern}|(?<!\w)(?:tỷ trọng|tỉ trọng|tỷ lệ|tỉ lệ|tiền|giá trị|giá|quy mô|"
    r"kích thước|khoảng cách)(?!\w)"
)
_PURPOSE = re.compile(r"^\s*(?:để|nhằm|dành cho|cho việc|phục vụ)\s+")
_PER_UNIT = re.compile(r"\s*/\s*(?:1\s+)?(\w+(?: \d)?)")


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
    before = _blank(f, c_start, q.start, figures, times)
    head = _key_words(_noun_phrase_before(before))[-MAX_WORDS:]  # the words nearest the figure
    per = _PER_UNIT.match(f, q.end)
    after_start = per.end() if per else q.end
    after = _words_after(_blank(f, after_start, c_end, figures, times))
    noun = [] if unit in MEASURES else counted(f[q.number_start : q.end])
    measured = (noun + _key_words(after))[:MAX_WORDS]
    if per:  # "15 triệu đồng/m2" is a price, never comparable with a total
        measured.append("/" + per.group(1))
    if " ".join(measured) in " ".join(head):
        measured_part: list[str] = []  # "số hộ dân là 11.400 hộ": said once
    elif not per and not _key_words(before.replace(HOLE, " ")):
        # Nothing names the figure before it: it is its clause's subject, and what
        # its clause says of it tells which ("100% hộ dân trong thôn đã có nước sạch").
        told = _said_of(_blank(f, after_start, c_end, figures, times))
        measured_part = (noun + _key_words(told))[:MAX_WORDS]
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
    while i >= 2 and not _content(phrase) and _steps_over(parts, i):
        i -= 2
        phrase = f"{_phrase(parts[i])} {_thin_dropped(phrase)}"
    return phrase.strip()


def _steps_over(parts: list[str], i: int) -> bool:
    """Whether the mark before `parts[i]` may be stepped over: an opening bracket,
    another figure, or "và" right after one (a list of one thing's values)."""
    mark = parts[i - 1]
    if mark == "(" or _HOLES.fullmatch(mark):
        return True
    after_figure = i >= 3 and bool(_HOLES.fullmatch(parts[i - 3]))
    return mark == "và" and not _content(parts[i - 2]) and after_figure


def _phrase(text: str) -> str:
    """The words before a figure that name it: the introducing verbs at the end
    dropped ("đạt bình quân hơn"), then what follows the last earlier verb; and
    when that is too thin ("tăng mạnh", "chiếm tỷ trọng", "với số tiền", "của
    tỉnh"), the clause's subject before it: "chăn nuôi | chiếm tỷ trọng 60%"."""
    text = text.rstrip()
    while True:  # "đạt bình quân hơn 80 triệu USD": fillers between the verbs
        shorter = _TAIL_FILLER.sub("", _INTRO_TAIL.sub("", text)).rstrip()
        if shorter == text:
            break
        text = shorter
    pieces = _INTRO_WORD.split(text)
    phrase = pieces[-1]
    if _content(phrase) >= MIN_CONTENT or len(pieces) == 1:
        return phrase.strip()
    # The owner is the clause's own subject, before its first verb ("dự án | được đầu
    # tư thành 2 giai đoạn | trên tổng diện tích đất 5,07 ha"), else the nearest words.
    earlier = [piece for piece in pieces[:-1] if _content(piece)]
    if not earlier:
        return phrase.strip()
    owner = pieces[0] if _content(pieces[0]) else earlier[-1]
    # The owner's head comes first: "khu công nghiệp Phước Lý của một doanh nghiệp
    # đang san lấp mặt bằng | trên diện tích 18 ha" is the park's area.
    owner_words, tail = _key_words(owner), _thin_dropped(phrase)
    if len(owner_words) + len(_key_words(tail)) > MAX_WORDS:
        # no room: the generic noun says nothing once the unit is known ("diện tích")
        tail = _thin_dropped(GENERIC.sub(" ", phrase))
    head = owner_words[: max(MIN_CONTENT, MAX_WORDS - len(_key_words(tail)))]
    return f"{' '.join(head)} {tail}".strip()


def _content(text: str) -> int:
    """How many words of `text` say what is measured: not fillers, function words,
    adverbs or the generic "diện tích", "mức", "số tiền"."""
    return sum(w not in FUNCTION_WORDS for w in _key_words(_THIN.sub(" ", text)))


def _thin_dropped(text: str) -> str:
    """`text` without its function words, when words before it name the subject:
    "chăn nuôi chiếm tỷ trọng" keeps "tỷ trọng", "giảm mạnh" loses "mạnh"."""
    return " ".join(w for w in text.split() if w not in FUNCTION_WORDS)


def _words_after(text: str) -> str:
    text = _LEADING_GLOSS.sub(" ", text)  # "73% (58.587) ý kiến cho rằng": the count's gloss
    text = re.split(rf"[.,;:()\"“”'‘’!?…{HOLE}]", text, maxsplit=1)[0]
    text = _PURPOSE.sub("", text)  # "23.000 tỉ đồng để giải phóng mặt bằng": what it is for
    stop = _AFTER_END.search(text)
    if stop:
        text = text[: stop.start()]
    return " ".join(text.split()[:_AFTER_WORDS])


def _said_of(text: str) -> str:
    """What a clause says of the figure that opens it, up to a figure, a mark or a
    word that starts another statement ("thì", "nhưng", "so với", "chiếm")."""
    text = re.split(rf"[.,;:()\"“”'‘’!?…{HOLE}]", text, maxsplit=1)[0]
    stop = _SAID_END.search(text)
    return text[: stop.start()] if stop else text


def _key_words(text: str) -> list[str]:
    text = _FILLERS.sub(" ", _NUMBERISH.sub(" ", text))
    return _WORD.findall(text)
