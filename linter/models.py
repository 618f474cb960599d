"""The values that flow through doichieu: documents, claims, findings.

Everything here is a frozen pydantic model. Loading produces `Document`s, the
parser turns each into `Claim`s, checks turn claims into `Finding`s, and the
reporters only format findings. Locations are always structured (`Span`,
`Evidence`) and never packed into message text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from linter import textmap


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


class Provenance(StrEnum):
    """How a piece of document metadata was obtained (shown in reports)."""

    FRONT_MATTER = "front_matter"
    HEADER = "header"  # a dated header line such as `15/09/2023 21:00`
    TEXT = "text"  # read from the body, e.g. "Ngày 14/12" plus a year from the text
    GAZETTEER = "gazetteer"  # place names resolved against the administrative units
    GUESS = "guess"  # a weaker inference, e.g. the latest period the text reports on
    CONFIG = "config"  # a metadata override in the configuration, by path glob
    NONE = "none"


# Who issued a document, or a document it cites, as messages name it: the label of
# a body listed in linter/data/citations.yaml ("HĐND tỉnh", "Tỉnh ủy", "UBND thị
# xã"), or the words a front matter or a configuration gives for one it does not
# list. One type for a document's issuer and a citation's, so that they compare.
IssuerName = str


class Span(Frozen):
    """A stretch of the original file: 1-based line and column, end exclusive.

    Columns count Unicode characters of the decoded original line.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    quote: str


class Level(StrEnum):
    """The administrative level whose figures a document states."""

    PROVINCE = "province"
    DISTRICT = "district"  # huyện, quận, thị xã, provincial city (until 1 July 2025)
    COMMUNE = "commune"  # xã, phường, thị trấn, đặc khu


class DocumentMeta(Frozen):
    title: str | None = None
    date: dt.date | None = None
    date_source: Provenance = Provenance.NONE
    province: str | None = None  # canonical short name, e.g. "Quảng Ninh"
    province_source: Provenance = Provenance.NONE
    district: str | None = None  # full name with type, e.g. "Thị xã Quảng Yên"
    district_source: Provenance = Provenance.NONE
    issuer: IssuerName | None = None
    issuer_source: Provenance = Provenance.NONE
    plan_year: int | None = None
    plan_year_source: Provenance = Provenance.NONE
    # The level of the unit the document is issued by or about. Below the
    # province it needs that unit's name (`district`, `commune`): a district
    # or commune document whose unit is unknown has no `scope`.
    level: Level = Level.PROVINCE
    level_source: Provenance = Provenance.NONE
    commune: str | None = None  # full name with type, e.g. "Xã Hiệp Hòa"
    commune_source: Provenance = Provenance.NONE
    # The year of the document: its date's when it has one, else the year its
    # text says is the present one ("năm nay (2017)"), see linter.metadata.pubdate.
    year: int | None = None
    year_source: Provenance = Provenance.NONE

    @property
    def scope(self) -> tuple[str | None, str | None] | None:
        """The unit whose figures the document states, as (district, commune) names:
        (None, None) for the province. None when the document is issued by or
        about a district or commune that could not be resolved: its figures are
        never the province's, and they are compared with nobody's."""
        named = {Level.DISTRICT: self.district, Level.COMMUNE: self.commune}
        if self.level in named and named[self.level] is None:
            return None
        return (self.district, self.commune)


class Document(Frozen):
    """A loaded document.

    `text` is the NFC-normalised body the parser reads (front matter and HTML
    markup removed). `breaks` maps it back to `original`, the decoded file:
    each `(t, o)` pair says that `text[t]` came from `original[o]`, and the
    characters after it follow one for one until the next pair. Every span is
    reported against the original file through `span()`.
    """

    path: str
    original: str
    text: str
    breaks: tuple[tuple[int, int], ...] = ((0, 0),)
    front_matter: dict[str, object] = Field(default_factory=dict)
    meta: DocumentMeta = Field(default_factory=DocumentMeta)

    def original_index(self, index: int) -> int:
        return textmap.original_index(self.breaks, index)

    def span(self, start: int, end: int) -> Span:
        """The original-file location of `text[start:end]`."""
        o_start = self.original_index(start)
        o_end = o_start
        if end > start:
            o_last = self.original_index(end - 1)
            o_end = o_last + 1
            if self.original[o_last] != self.text[end - 1]:
                # The last character was built from several (NFD marks, an entity):
                # the quote must include all of them.
                o_end = max(o_end, self.original_index(end))
        line, column = textmap.line_col(self.original, o_start)
        end_line, end_column = textmap.line_col(self.original, o_end)
        return Span(
            path=self.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            quote=self.original[o_start:o_end],
        )


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


class Evidence(Span):
    """A span that supports a finding, with what a reader needs to weigh it."""

    document_date: dt.date | None = None
    document_title: str | None = None
    note: str | None = None  # what this piece shows, e.g. "56.000 tỷ đồng, mục tiêu 2024"


class Reason(Frozen):
    """An engine finding's message as data (`linter/data/engine_messages.yaml`): a
    cached finding is rendered in the language of the run that shows it."""

    id: str
    params: tuple[tuple[str, str | int], ...] = ()  # put in as they are
    words: tuple[tuple[str, str], ...] = ()  # parameter -> a word of the messages file


class Finding(Frozen):
    code: str
    name: str
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...]
    province: str | None = None
    district: str | None = None
    # The normalised claims involved (indicator, period, figures, citation...),
    # never line numbers: the fingerprint survives edits and moves of documents.
    key: str = ""
    reason: Reason | None = None  # engine findings (DC01, DC02): `message` as data

    @property
    def fingerprint(self) -> str:
        raw = "|".join(
            (self.code, self.province or "", self.district or "", self.key or self.message)
        )
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]

    def sort_key(self) -> tuple[object, ...]:
        first = self.evidence[0] if self.evidence else None
        return (
            (first.path, first.line, first.column) if first else ("", 0, 0),
            self.code,
            self.message,
        )


class CheckInfo(Frozen):
    """What reports and `doichieu checks` show about one check."""

    code: str
    name: str  # slug, e.g. "figure.conflict"
    summary: str  # first line of the check's docstring
    severity: Severity
    package: str  # distribution that registered it


class RunResult(Frozen):
    """Everything one run produced; the single input of every reporter."""

    # Every document read, sorted by path; a run that returns no claims (`Options.claims`
    # False) and has no focus returns them as summaries: metadata, without their texts.
    documents: tuple[Document, ...]
    claims: dict[str, tuple[Claim, ...]]  # by document path, in text order
    findings: tuple[Finding, ...]  # sorted, deterministic
    checks: tuple[CheckInfo, ...]
    indicator_labels: dict[str, str]  # indicator key -> human label in the run's language
    settings: dict[str, str]  # e.g. {"fail_on": "warning", "lang": "vi"}
    unreadable: tuple[str, ...] = ()  # paths that could not be read at all
    skipped: int = 0  # cached documents of other provinces, not needed by a focused run
