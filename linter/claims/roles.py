"""What part a figure plays in its sentence, beyond what it measures.

Two reports of one event often state two figures under one noun that are not
one figure said twice, and the sentence says so in words a reader does not
skip:

- a *whole* a part is taken from: "có tới hơn 685 ha trong tổng số 956 ha nuôi
  tôm ... có tôm bị chết", "132 ha trong số 157 ha". The figure after "trong
  (tổng) số" / "trên tổng số" is what the part is counted out of; another
  report's "gần 600 ha nuôi tôm" is the part again (at another date), never the
  whole;
- a figure given at one *occasion* the sentence opens with: "Cũng trong buổi
  họp mặt ..., các doanh nghiệp đã ủng hộ hơn 3,7 tỷ đồng" is what was given
  at one meeting, not the "hơn 10 tỉ đồng" the same firms gave over the year.
  A sentence that only reports at the occasion ("Tại hội nghị, ông X cho biết
  năm 2016 ...") states the year's figures, not the occasion's: a reporting
  verb or a period named before the figure makes it no occasion's.

- a *part* singled out of what the text said before: "Riêng huyện Kim Sơn,
  ...", "...; riêng năm vừa qua đã có thêm 4.000 ha" open a sentence or a
  clause about one place, year or kind of a whole; another report's figure of
  the whole is not it (two debts of two blocks, "Riêng" being "separately",
  were one such false alarm on news2017's tuning half). "Trong đó" is left to
  `linter.claims.figures` (`part_of`): what follows it is often the very
  figure another report states without it ("16 phòng khám có bác sĩ Trung
  Quốc").

- a running total *since* a time: "từ năm 2016 đến nay thành phố xảy ra 2.889
  vụ ... Tài sản thiệt hại ước tính hơn 300 tỉ đồng" counts from 2016 to the
  day of writing, not the half-year another report gives ("khoảng 43,99 tỷ
  đồng" from 16/11/2016 to 15/5/2017). The start is kept, not a period: news
  calls such a total a stock ("đến nay"), and its status and period stay so.
  The next sentence's figures of the total's unit and measure, without a
  period of their own, go on counting from that start (`linter.claims.carried`);
- a price at one *market*: "giá tại ruộng 800 đồng/kg" is the farm gate's,
  "giá bán lẻ tại các chợ khoảng 70 nghìn đồng/kg" the shop's; one product's
  two prices at two stages of its sale are no figure given two ways.

All are read from the folded sentence (`linter.claims.figures`) and kept on
the `Quantity` (`whole`, `occasion`, `part`, `since`, `market`);
`linter.checking.likeness` keeps such figures apart from others.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from linter.claims.periods import PeriodMention

# "trong tổng số 956 ha", "trong số 157 ha", "trên tổng số 1.200 hộ", "trong tổng
# diện tích 956 ha", with the figure's own comparator ("trong tổng số hơn 200 ha").
# Not "trên tổng diện tích 5,07 ha" (a project built on an area of), nor "trong số
# đó có 60%" (a part of what was said before: "đó", "này" and a verb stand between).
_WHOLE_BEFORE = re.compile(
    r"(?<!\w)(?:trong\s+(?:tổng\s+)?số|trên\s+tổng\s+số|trong\s+tổng(?:\s+(?!số)[^\W\d]+){1,2})"
    r"\s+(?:(?:hơn|gần|khoảng|trên|dưới|xấp xỉ|chừng|ước)\s+)?$"
)
# The longest stretch before a figure "trong tổng số" and its words may take.
WHOLE_WINDOW = 40

# A sentence that opens on the occasion it reports: "Tại buổi lễ, ...", "Cũng
# trong buổi họp mặt ...", "Ngay tại lễ ký kết, ...", "Nhân dịp này, ...".
_OCCASION_OPENER = re.compile(
    r"^\W*(?:(?:cũng|ngay)\s+)?(?:(?:tại|trong)\s+(?:buổi|lễ)|nhân dịp)(?!\w)"
)
# What a speaker reports at the occasion is not what was given there.
# What a speaker reports, asks for or argues at the occasion ("Tại buổi làm việc,
# ... kiến nghị Trung ương hỗ trợ 244 tỷ đồng", "... bày tỏ quan điểm: ...") is
# not what was given there; a colon or a quotation mark opens what was said.
_REPORTED = re.compile(
    r"(?<!\w)(?:cho biết|cho hay|báo cáo|thông tin|thông báo|nêu rõ|khẳng định|"
    r"đánh giá|nhấn mạnh|chia sẻ|phát biểu|theo|nói|bày tỏ|cho rằng|trình bày|"
    r"giải trình|kiến nghị|đề nghị|đề xuất|yêu cầu|phản ánh|lưu ý)(?!\w)|[:\"“”]"
)


def is_whole(folded: str, start: int) -> bool:
    """Whether the figure at `start` is what a part of its sentence is counted out
    of ("hơn 685 ha trong tổng số 956 ha")."""
    return bool(_WHOLE_BEFORE.search(folded, max(0, start - WHOLE_WINDOW), start))


# "Riêng huyện Kim Sơn có ...", "...; riêng năm 2016 ...": a sentence or a clause
# that opens on one part; "nhà riêng", "vốn riêng" qualify a noun.
_PART_OPENER = re.compile(r"\W*riêng(?!\w)")


# Where along its sale a price is paid, by the words of its clause; wholesale is
# read before retail ("chợ đầu mối" is no shop).
_MARKETS = (
    ("bán buôn", r"bán buôn|chợ đầu mối|đầu mối|giá sỉ|bán sỉ"),
    ("xuất khẩu", r"xuất khẩu|giá xuất"),
    ("bán lẻ", r"bán lẻ|tại chợ|các chợ|ngoài chợ|siêu thị|cửa hàng|người tiêu dùng"),
    (
        "tại nơi sản xuất",
        r"tại vườn|nhà vườn|tại ruộng|tại ao|tại chuồng|xuất chuồng|tại rẫy|tại bè|"
        r"thương lái|tiểu thương mua|thu mua|giá mua",
    ),
)
_MARKET = re.compile(
    "|".join(rf"(?P<m{i}>(?<!\w)(?:{words})(?!\w))" for i, (_, words) in enumerate(_MARKETS))
)


_PRICE_BEFORE = re.compile(r"(?<!\w)giá(?!\w)(?! trị)")


def market_of(folded: str, clause: tuple[int, int], start: int, per: bool) -> str | None:
    """The one market the clause of a price names ("tại ruộng", "bán lẻ", "xuất
    khẩu"), else None (none, or two: "giá thu mua ... còn giá bán lẻ ..."). A price
    is money per unit ("800 đồng/kg": `per`) or money after "giá" in its clause; a
    total ("kim ngạch xuất khẩu đạt 3 tỷ USD") has no market."""
    if not per and not _PRICE_BEFORE.search(folded, clause[0], start):
        return None
    found = {
        _MARKETS[int(name[1:])][0]
        for m in _MARKET.finditer(folded, *clause)
        for name, text in m.groupdict().items()
        if text
    }
    return found.pop() if len(found) == 1 else None


# "từ năm 2016 đến nay", "từ ngày 10/5 tới nay", "từ đầu năm 2017 đến thời điểm này".
_FROM = re.compile(r"(?<!\w)(?:kể\s+)?từ\s+(?:đầu\s+)?$")
_TO_NOW = re.compile(
    r"\s*(?:đến|tới|cho đến|cho tới)\s+(?:nay|hiện nay|hiện tại|thời điểm này|bây giờ)(?!\w)"
)
SINCE_WINDOW = 12  # "kể từ đầu " before the period's name


@dataclass(frozen=True)
class Opening:
    """What a sentence's opening and its periods say of every figure in it, read
    once per sentence (not once per figure): the occasion it opens on, a part it
    singles out, the running totals its periods start."""

    folded: str
    occasion_end: int | None  # where "Tại buổi lễ" ends, None without one
    part: bool  # "Riêng huyện Kim Sơn có ..."
    # Each period's end, and the date a running total from it starts ("từ năm 2016
    # đến nay": 1/1/2016), None for a period that starts no running total.
    starts: tuple[tuple[int, dt.date | None], ...]

    def is_occasion(self, start: int, periods: list[PeriodMention]) -> bool:
        """Whether the figure at `start` is what was given or done at the occasion
        its sentence opens with: no reporting verb and no period named before it."""
        if self.occasion_end is None or self.occasion_end > start:
            return False
        if _REPORTED.search(self.folded, self.occasion_end, start):
            return False
        return not any(p.end <= start for p in periods)

    def opens_part(self, clause_start: int) -> bool:
        """Whether the sentence, or the clause of a figure, singles out a part."""
        return self.part or bool(_PART_OPENER.match(self.folded, clause_start))

    def since(self, end: int) -> dt.date | None:
        """When a running total the sentence names before `end` starts, else None."""
        found = None
        for period_end, start in self.starts:
            if period_end > end:
                break
            found = start or found
        return found


@lru_cache(maxsize=64)  # a sentence's figures, then `carried.update_context`
def opening(folded: str, periods: tuple[PeriodMention, ...]) -> Opening:
    """The roles a sentence's opening and periods give its figures."""
    opener = _OCCASION_OPENER.match(folded)
    starts = tuple(
        (p.end, p.period.start if _starts_running_total(folded, p) else None) for p in periods
    )
    part = bool(_PART_OPENER.match(folded))
    return Opening(folded, opener.end() if opener else None, part, starts)


def _starts_running_total(folded: str, p: PeriodMention) -> bool:
    """ "từ năm 2016 đến nay": the period is where a running total starts."""
    window = max(0, p.start - SINCE_WINDOW)
    return bool(_FROM.search(folded, window, p.start) and _TO_NOW.match(folded, p.end))
