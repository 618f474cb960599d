"""Where a person named in full lives, as the words right after the name say it:
"ông Đinh Xuân Hướng (47 tuổi, phường Vạn Sơn, quận Đồ Sơn)", "anh Lê Văn Võ,
37 tuổi, trú tại xã An Lư", "bà Nguyễn Thị Hiền (50 tuổi, thôn Kim Tây)".

After the name's bracket or comma come items one after another: an age, a year
of birth, and the units of the address, each a unit word ("phường", "xã",
"huyện", "thôn") and its name, the first one perhaps after "trú", "ngụ" or "ở".
The reading stops at the first item that is none of these: a title ("Chủ tịch
UBND xã Phú Hữu" names where the person works, not where the person lives), a
hometown ("quê xã ..." is where the person comes from), a verb. Each unit is
kept folded with its word ("phường vạn sơn"), one a level: a ward and a commune
are one level, a district and a town another.
"""

from __future__ import annotations

import re

from linter.nlp import fold

# The unit words of an address and their level: a person's ward is compared with
# another's ward or commune, never with a district.
LEVELS = {
    "thôn": "village", "ấp": "village", "bản": "village", "xóm": "village",
    "tổ dân phố": "village", "khu phố": "village", "khối": "village", "tổ": "village",
    "xã": "commune", "phường": "commune", "thị trấn": "commune",
    "huyện": "district", "quận": "district", "thị xã": "district",
    "thành phố": "city", "tp": "city", "tp.": "city", "tỉnh": "province",
}  # fmt: skip

# Longest first: "tổ dân phố 5" is a "tổ dân phố", not a "tổ"; "thị xã" no "xã".
_WORDS = tuple(sorted(LEVELS, key=len, reverse=True))
_UNIT = "|".join(re.escape(w) for w in _WORDS)
_CAPITAL = r"[A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ]"
# A unit's name: capitalised words ("Vạn Sơn", "Đồ Sơn") or a number ("phường 5").
_NAME = rf"(?:{_CAPITAL}\w*(?:[ \t]+{_CAPITAL}\w*){{0,3}}|\d{{1,2}}\b)"
_LIVES = r"(?i:(?:cư trú|thường trú|trú|ngụ|ở)(?:[ \t]+(?:tại|ở))?[ \t]+)?"
# What joins the name to its first item and each item to the next: ", ", " - " or a
# bracket ("trú thôn Hội Khánh (xã Mỹ Hòa)"). Unlike the opener of a title in
# linter.claims.persons, a dash joins only before a space.
_SEP = r"(?:,|\(|[-–](?=[ \t]))"
# One item after the name, and its separator. Words are matched in any case, a
# unit's name only capitalised ("xã hội" is no commune).
_ITEM = re.compile(
    rf"[ \t]*(?:(?P<age>\d{{1,3}}[ \t]*tuổi)|(?i:sinh năm|sn)[ \t]*\d{{4}}"
    rf"|{_LIVES}(?P<unit>(?i:{_UNIT}))[ \t]*(?P<name>{_NAME}))[ \t]*(?P<sep>{_SEP})?"
)
_OPENER = re.compile(rf"[ \t]*{_SEP}")


def home_at(text: str, end: int) -> tuple[tuple[str, ...], int]:
    """The units of the address said right after a name that ends at `end`, and
    where the last of them ends."""
    opener = _OPENER.match(text, end)
    if not opener:
        return (), end
    units: dict[str, str] = {}
    pos, last = opener.end(), end
    while m := _ITEM.match(text, pos):
        if m.group("unit"):
            word = fold(m.group("unit"))
            level = LEVELS[word]
            if level in units:
                break  # a second ward is another's, or a list of places
            units[level] = f"{word.rstrip('.')} {fold(m.group('name'))}"
            last = m.end("name")
        if not m.group("sep"):
            break
        pos = m.end()
    return tuple(units.values()), last


def unit_word(unit: str) -> str:
    """The unit word a kept unit begins with: "phường" of "phường vạn sơn"."""
    return next(w for w in _WORDS if unit.startswith(w + " "))


def level_of(unit: str) -> str:
    """The level of a unit `home_at` keeps: "commune" for "phường vạn sơn"."""
    return LEVELS[unit_word(unit)]
