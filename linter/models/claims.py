"""The claims the parser finds in a document: figures, citations, dates, periods,
plans, sessions, officials and persons; `Claim` is their tagged union (by `kind`)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from linter.models.base import Frozen, IssuerName, Span


class Status(StrEnum):
    TARGET = "target"
    ESTIMATE = "estimate"
    ACTUAL = "actual"


class Scope(StrEnum):
    PROVINCE = "province"
    DISTRICT = "district"
    # A figure about the whole country ("cả nước", "toàn quốc", a ministry's
    # report): never the province's or the district's, never compared with them.
    NATIONAL = "national"


class Dimension(StrEnum):
    """What a figure measures, from its unit (`linter/data/units.yaml`): figures
    of different dimensions never describe the same thing."""

    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    AREA = "area"
    LENGTH = "length"
    MASS = "mass"
    VOLUME = "volume"  # "1 triệu m3 bùn thải"
    DURATION = "duration"  # "6 tháng thi công", "trong 45 ngày"
    MULTIPLE = "multiple"  # "gấp 3 lần"
    RATE = "rate"  # per time or per population: "600.000 tấn/năm", "/vạn dân"


class Op(StrEnum):
    """How a figure is stated; see `linter.claims.quantities` for the intervals."""

    EQ = "eq"  # đạt 56.000 tỷ đồng
    GT = "gt"  # trên, hơn, vượt
    GE = "ge"  # ít nhất, tối thiểu, trở lên
    LT = "lt"  # dưới, chưa đến
    LE = "le"  # tối đa, không quá
    APPROX = "approx"  # khoảng, gần, xấp xỉ
    RANGE = "range"  # 2 - 2,5%


class Period(Frozen):
    grain: Literal["day", "month", "quarter", "half", "year", "multi_year", "term"]
    start: dt.date
    end: dt.date
    label: str

    @property
    def year(self) -> int | None:
        return self.start.year if self.start.year == self.end.year else None


class ClaimBase(Frozen):
    span: Span
    sentence: tuple[int, int]  # offsets in Document.text of the sentence it belongs to


class Quantity(ClaimBase):
    kind: Literal["quantity"] = "quantity"
    value: float
    unit: str  # base unit: "VND", "USD", "%", "người", "ha", ...
    op: Op
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    measure: Literal["level", "increase", "decrease", "multiple"] = "level"
    indicator: str | None = None
    period: Period | None = None
    status: Status | None = None
    scope: Scope = Scope.PROVINCE
    # What the larger figure measures ("trong đó", "bao gồm"): its indicator, or its
    # subject in brackets when it has none ("(vải thiều nói chung)").
    part_of: str | None = None
    base: str | None = None  # what a change is measured against ("so với dự toán 2018")
    dimension: Dimension | None = None  # from the unit; None for claims cached before it
    # What the figure measures, in open vocabulary: folded words of its clause
    # ("sản lượng vải thiều", "hộ dân"); see `linter.claims.subjects`.
    subject: str | None = None
    measured: str | None = None  # the part of the subject after the number ("dầu fo")
    open_unit: bool = False  # counted in a noun outside the unit table ("25 tàu cá")
    # The whole a part of its sentence is taken from ("hơn 685 ha trong tổng số 956
    # ha nuôi tôm"): context for the part, never the figure another report states.
    whole: bool = False
    # Given at one occasion its sentence names ("Cũng trong buổi họp mặt, các doanh
    # nghiệp đã ủng hộ hơn 3,7 tỷ đồng"), not a total over a period.
    occasion: bool = False
    # One part singled out of a whole the text gave before ("Riêng huyện Kim Sơn có").
    part: bool = False
    # Where along a product's sale a price is paid ("tại ruộng", "bán lẻ", "xuất khẩu").
    market: str | None = None
    # Where a running total starts ("từ năm 2016 đến nay": 1/1/2016); its period stays None.
    since: dt.date | None = None

    @property
    def year(self) -> int | None:
        return self.period.year if self.period else None


class LegalRef(ClaimBase):
    kind: Literal["legal_ref"] = "legal_ref"
    doc_type: str  # canonical: "Nghị quyết", "Quyết định", ...
    number: str | None
    year: int | None
    symbol: str | None  # e.g. "NQ-HĐND", "NQ/TU"
    date: dt.date | None
    issuer: IssuerName | None
    subject: str | None = None  # folded words around the citation ("về ...")
    resolved: bool = False  # filled in from a fuller citation of the same document


class DateRef(ClaimBase):
    kind: Literal["date"] = "date"
    date: dt.date
    deadline: bool = False  # trước ngày, chậm nhất đến ngày, ...


class TargetCount(ClaimBase):
    kind: Literal["target_count"] = "target_count"
    achieved: int | None  # 23 in `23/26 chỉ tiêu`; None for a bare count
    total: int | None  # 26 in `23/26 chỉ tiêu`
    count: int | None = None  # 03 in `03 chỉ tiêu ... không đạt`
    negative: bool = False  # the count is of targets *not* met
    year: int | None = None


class PeriodRef(ClaimBase):
    """A period the text names: `quý I/2024`, `giai đoạn 2021-2025`, `6 tháng đầu năm`."""

    kind: Literal["period"] = "period"
    grain: Literal["day", "month", "quarter", "half", "year", "multi_year", "term"]
    start: dt.date
    end: dt.date
    label: str
    base: bool = False  # the base of a comparison ("so với cùng kỳ năm 2022")


class PlanRef(ClaimBase):
    """A socio-economic plan named with its year (`kế hoạch phát triển KT-XH năm 2023`)."""

    kind: Literal["plan_ref"] = "plan_ref"
    year: int
    # handout: being handed out (giao, ban hành, phê duyệt); execution: being
    # carried out (thực hiện, triển khai); mention: named or looked back on.
    action: Literal["handout", "execution", "mention"]


class SessionRef(ClaimBase):
    """A council session, party conference or congress: `Kỳ họp thứ 18, HĐND tỉnh khóa XVI`
    (`linter.claims.sessions`)."""

    kind: Literal["session"] = "session"
    meeting: Literal["session", "conference", "congress"]
    body: str  # key of linter/data/sessions.yaml: hdnd, quoc_hoi, dang_bo, trung_uong
    level: Literal["national", "province", "district", "commune"] | None
    place: str | None  # province short name, district full name, commune; None: unknown
    number: int | None  # kỳ họp thứ 18; a congress's number is also its committee's khóa
    special: bool = False  # bất thường, chuyên đề
    term: int | None = None  # khóa XVI
    term_years: tuple[int, int] | None = None  # nhiệm kỳ 2016-2021
    start: dt.date | None = None  # the meeting's date(s), when the sentence gives them
    end: dt.date | None = None
    dated_by: Literal["text", "document"] | None = None  # "sáng nay": the document's date


class OfficialRef(ClaimBase):
    """A person named with an office: `đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh`
    (`linter.claims.officials`). The office is its title, body and unit."""

    kind: Literal["official"] = "official"
    name: str  # as written: "Nguyễn Văn A"
    role: str  # the title without "Phó": "Chủ tịch", "Bí thư", "Giám đốc"
    deputy: bool = False  # "Phó Chủ tịch": one of several holders
    body: str  # "UBND", "Tỉnh ủy", "Sở Tài chính", "Chính phủ"
    unit: str | None = None  # the unit word written: "tỉnh", "huyện", "thành phố"
    level: Literal["national", "province", "city", "district", "ward"] | None = None
    place: str | None = None  # the unit's name as written; None: not named
    status: Literal["current", "former", "acting"] = "current"  # nguyên, cựu; quyền
    single: bool = True  # the title has one holder at a time (deputies aside)
    year: int | None = None  # the latest year its sentence names: "Năm 1995, Thủ tướng ..."

    @property
    def office(self) -> str:
        """ "Phó Chủ tịch UBND tỉnh An Giang": the office as a reader writes it."""
        shared = self.role.endswith(" ban") and self.body.startswith("Ban ")  # Trưởng ban Tổ chức
        body = self.body[4:] if shared else self.body
        words = ("Phó" if self.deputy else "", self.role, body, self.unit, self.place)
        return " ".join(w for w in words if w)


class PersonRef(ClaimBase):
    """A person's full name with the words beside it that say who the person is:
    `ông Ngô Văn Chất, Trưởng phòng Quản lý thi` (`linter.claims.persons`)."""

    kind: Literal["person"] = "person"
    name: str  # as written: "Ngô Văn Chất"
    sex: Literal["male", "female", "child"] | None = None  # from "ông", "bà", "em" before it
    roles: tuple[str, ...] = ()  # role labels beside it: "trưởng phòng", "đại biểu"
    words: tuple[str, ...] = ()  # folded capitalised words beside it: "quản", "gd&đt"
    age: int | None = None  # "(7 tuổi)", "Trần Văn A, 45 tuổi"
    listed: bool = False  # one of several names in a row: "A, B và C"
    # the organisation written after the title that follows the name, as written:
    # "Hiệp hội đá quý Hà Nội" of "ông Hoàng Thế Ngữ, Chủ tịch Hiệp hội đá quý Hà Nội"
    body: str = ""
    # where the person lives, folded, one unit a level: "phường vạn sơn", "quận đồ sơn"
    # of "ông Đinh Xuân Hướng (47 tuổi, phường Vạn Sơn, quận Đồ Sơn)"
    home: tuple[str, ...] = ()
    # the name through the last unit of `home`, when it has one: PN03's evidence
    home_span: Span | None = None


Claim = Annotated[
    Quantity
    | LegalRef
    | DateRef
    | TargetCount
    | PlanRef
    | PeriodRef
    | SessionRef
    | OfficialRef
    | PersonRef,
    Field(discriminator="kind"),
]
