"""The words a figure's subject is read with (`linter.claims.subjects`).

Which words introduce a figure ("đạt", "chiếm", "với"), which never belong to
a subject key (time words, discourse, fillers), which tell no figure from
another (function words, "trong", "với", "qua") and which name only the kind
of figure ("diện tích", "tỷ trọng", "số tiền"); `key_words`, `content` and
`thin_dropped` read a phrase with them. `linter.checking.usable` counts a
subject's words with the same lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.claims.numbers import DIGITS, SCALE_WORD

# Verbs and comparators that introduce a figure: the subject ends before them.
# "bằng", "với" and "ước" end a noun or a preposition after "mặt", "công", "văn",
# "đối", "hiệp"...: "giải phóng mặt bằng phải mất 2 năm" is about clearing the
# ground, "dự toán thu đối với các khoản phí" about the budget, "thành viên của
# Công ước này lên 169 quốc gia" about a convention. The guards sit on these words
# only: on the whole list they kept "thi công đạt" from introducing its figure.
_INTRO = (
    "đạt được|ước đạt|ước tính|ước khoảng|dự kiến đạt|đạt|là|có|(?<!đối )với|gồm|bao gồm|chiếm|"
    "(?<!mặt )(?<!công )(?<!văn )bằng|"
    "lên tới|lên đến|lên|tới|đến|còn|khoảng|trên|hơn|gần|dưới|xấp xỉ|tối thiểu|tối đa|"
    "ít nhất|không quá|vượt|tăng|giảm|thêm|mất|hết|tốn|được|trị giá|tương đương|"
    "lên khoảng|chừng|(?<!công )(?<!hiệp )(?<!điều )(?<!quy )(?<!giao )(?<!khế )ước(?! mơ| muốn)|"
    "dự kiến|phấn đấu|tổng cộng|từ|xuống"
)
# "đối với" right before a figure introduces it ("xử phạt đối với 8 hộ"); inside a
# phrase it does not end the subject ("dự toán thu đối với các khoản phí ... đạt").
INTRO_TAIL = re.compile(rf"(?:(?<=\s)|^)(?:đối với|{_INTRO})(?:\s+(?:{_INTRO}))*\s*$")
# Compounds that start with an introducing word but name a subject: "tăng trưởng",
# "trên địa bàn", "có thể", "đạt chuẩn", "giảm nghèo".
# "khoảng cách" is a distance.
_NOT_INTRO = r"(?!\s+(?:trưởng|cường|địa bàn|thể|chuẩn|nghèo|thiểu|cách))"
INTRO_WORD = re.compile(rf"(?<!\w)(?:{_INTRO})(?!\w){_NOT_INTRO}")
# Words that never belong to a subject key: time, discourse, places, fillers.
_FILLERS = re.compile(
    r"(?<!\w)(?:năm nay|năm ngoái|năm trước|hiện nay|hiện tại|thực hiện|hiện|đến nay|tới nay|"
    r"tính đến nay|tính đến|cho đến nay|theo đó|trong đó|ngoài ra|bên cạnh đó|đặc biệt|"
    r"riêng|cụ thể|tuy nhiên|đồng thời|cùng kỳ|so với|toàn tỉnh|toàn thành phố|toàn huyện|"
    r"trên địa bàn tỉnh|trên địa bàn thành phố|trên địa bàn|địa bàn|tỉnh|thành phố|huyện|"
    r"đã|đang|sẽ|vừa|cũng|chỉ(?! số| tiêu)|mới|gần như|hầu như|các|những|mỗi|mọi|này|đó|nói trên|"
    r"năm|tháng|quý|ngày|lũy kế|bình quân|trung bình|khoảng(?! cách)|tổng số|lần lượt|của|"
    r"(?<!doanh )(?<!dân )(?<!chỉ )số)(?!\w)"
)
# A number and its scale words: "303,83 triệu cổ phiếu" counts "cổ phiếu"; a lone
# "x" multiplies ("40.092,8 m2 x 117.734 đồng").
_NUMBERISH = re.compile(rf"(?:{DIGITS})(?:\s*{SCALE_WORD}(?!\w))*|(?<!\w)x(?!\w)")
# A Roman numeral is a number only after a word that numbers what follows ("quý
# II", "khóa XIV", "lần thứ XII", "quý II và III"): elsewhere "vi", "xi" are words
# ("vi sinh", "xi măng", "phạm vi"), and "Vành đai III" names one road of several.
_ROMAN = re.compile(
    r"(?<!\w)(?P<cue>quý|khóa|khoá|kỳ|thứ|đợt|phần|giai đoạn|đại hội|thế kỷ|thế kỉ)\s+"
    r"[ivx]+(?:\s*(?:,|và|-|–)\s*[ivx]+)*(?!\w)"
)
_WORD = re.compile(r"[^\W\d_]+")
# What may follow a measure noun and still say what is counted ("hộ dân", "ha đất
# nông nghiệp", "tháng thi công"): words up to the next verb, preposition or figure.
AFTER_STOP = re.compile(
    r"(?<!\w)(?:và|với|của|cho|tại|ở|trên|trong|so|đạt|là|được|đã|sẽ|đang|để|nhằm|"
    r"từ|đến|tới|thì|mà|khi|nhưng|hoặc|hay|gồm|bao gồm|tăng|giảm|chiếm|vào|theo|bị|"
    r"có|trị giá|tương đương|thuộc|tương ứng|mỗi|hoạt động|xuống|còn|lên|vì|nữa)(?!\w)"
)
MIN_CONTENT = 2  # words after the last verb that name a figure without its clause's subject
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


# The readers below are asked again and again of the same few phrases: a figure's
# subject reads its clause, phrase and owner with each (two calls in three repeat one
# before; a fifth of reading a subject). They are cached.
@lru_cache(maxsize=4096)
def content(text: str) -> int:
    """How many words of `text` say what is measured: not fillers, function words,
    adverbs or the generic "diện tích", "mức", "số tiền"."""
    return sum(w not in FUNCTION_WORDS for w in _key_words(_THIN.sub(" ", text)))  # no copy


def thin_dropped(text: str) -> str:
    """`text` without its function words, when words before it name the subject:
    "chăn nuôi chiếm tỷ trọng" keeps "tỷ trọng", "giảm mạnh" loses "mạnh"."""
    return " ".join(w for w in text.split() if w not in FUNCTION_WORDS)


@lru_cache(maxsize=4096)
def numerals_blanked(text: str) -> str:
    """`text` with the Roman numerals that number a word ("quý II", "khóa XII")
    blanked, its length kept: "Nghị quyết Trung ương 4 khóa XII" counts no "xii"."""
    return _ROMAN.sub(lambda m: m["cue"] + " " * (m.end() - m.end("cue")), text)


def key_words(text: str) -> list[str]:
    return list(_key_words(text))  # a list of its own: callers slice and extend it


@lru_cache(maxsize=4096)
def _key_words(text: str) -> tuple[str, ...]:
    text = _FILLERS.sub(" ", _NUMBERISH.sub(" ", numerals_blanked(text)))
    return tuple(_WORD.findall(text))
