# ruff: noqa: E501  (the sentences of announcements below are data, kept on one line each)
"""A synthetic archive of provincial announcements, with known contradictions.

    python benchmarks/generate.py OUT_DIR --docs 5000 --seed 1

writes OUT_DIR/<province>/<year>/[<district>-]<kind>-<n>.md (front matter: date,
province, district for district news) and OUT_DIR/manifest.json. The archive
covers the 63 pre-2025 provinces (names from `linter.gazetteer`), two districts
of each, and the years 2016-2025: conference reports, council sessions, year
reviews, half-year and quarter news, district plans and thematic articles that
restate the same indicators in the wording of real announcements (synonyms from
`linter/data/indicators.yaml`, comparators "trên", "hơn", "ít nhất", "khoảng",
"đạt", "trở lên", "dưới", ranges, "trong đó" parts, scale words, citations of
the resolutions they implement) around paragraphs of ordinary prose.

Every figure comes from one truth: a value per (province, district, indicator,
period, status) that is a pure function of the seed, and each restatement picks
a comparator whose interval contains it, so restatements always agree. Then
about one document in 50 (`--rate`) gets one contradiction, listed in the
manifest: NU01, a restated target with a figure no other restatement allows,
or VB01, a resolution cited with another number on the same date and subject.
A correct linter reports exactly those. The output depends only on the seed,
the number of documents, the rate and the average size.

District documents are the hard part of scoping, so the provinces whose
districts have hard names come first: names with an apostrophe ("Cư M'gar",
"Ea H'leo", "Ia H'Drai") and a huyện and a thị xã of one name ("Cai Lậy", "Kỳ
Anh"), both of which are then picked. Their texts spell the name as real news
does ("Cư M’gar", "Cư Mgar", "Krông Ana", "Đăk R'Lấp"), call the body "UBND
TX" or "Thị ủy", name a neighbouring district, and only one in four says the
district in its front matter: the linter has to find it in the text, and a
district figure it takes for the province's is a false alarm.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import random
import re
import shutil
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from linter import gazetteer  # noqa: E402

YEARS = tuple(range(2016, 2026))
MERGER = dt.date(2025, 7, 1)  # the 63 provinces end here: no news of them after it
MANIFEST = "manifest.json"
GENERATOR_VERSION = 2  # 2: district documents with hard names, scoped by their text

# --------------------------------------------------------------------------- numbers


def vn_number(value: float, decimals: int) -> str:
    """56000 -> "56.000", 6.33 -> "6,33" (trailing zeros of the decimals dropped)."""
    text = f"{value:.{decimals}f}"
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ".".join(groups) + ("," + frac if frac else "")


def round_sig(value: float, digits: int) -> float:
    if value <= 0:
        return 0.0
    exponent = math.floor(math.log10(value)) - digits + 1
    step = 10.0**exponent
    return round(round(value / step) * step, 6)


def decimals_of(value: float) -> int:
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def lower_bound_below(value: float) -> float | None:
    """A rounder number strictly below `value` ("ước đạt trên 6,3%" for 6,33)."""
    for digits in (3, 2, 1):
        candidate = math.floor(value / 10 ** (math.floor(math.log10(value)) - digits + 1))
        candidate *= 10 ** (math.floor(math.log10(value)) - digits + 1)
        candidate = round(candidate, 6)
        if 0 < candidate < value and candidate >= value * 0.8:
            return candidate
    return None


def stable_rng(*parts: object) -> random.Random:
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


def slug(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# --------------------------------------------------------------------------- indicators


@dataclass(frozen=True)
class Indicator:
    """How announcements state one statistic.

    `forms` are clause templates: {name} is one of `names`; {v} is a verb after
    the name ("đạt", "ước đạt", "tăng", "còn": VERBS[verb]) and {p} a prefix for
    clauses that start with a verb ("ước" for estimates, else nothing); {f} is
    the figure with its comparator and unit. `unit` is "%", "tỷ đồng", "triệu
    đồng", "triệu USD" (written in tỷ USD when large), or the counted noun
    written after the number ("lao động", "ha", "xã").
    """

    id: str
    names: tuple[str, ...]
    forms: tuple[str, ...]
    unit: str
    lo: float  # typical range of a province (money and counts: of a small province in 2016)
    hi: float
    domain: str = "econ"  # econ, social, env: which sentence of a target list it goes in
    kind: str = "level"  # level (scaled by province size), rate (bounded %), growth (% per year)
    growth: float = 0.08  # yearly growth of levels
    drift: float = 0.0  # yearly drift of rates
    verb: str = "dat"
    direction: str = "up"  # up: targets are floors ("trên"); down: ceilings ("dưới"); range
    strict: float = 0.3  # share of targets stated as strict bounds
    target_digits: int = 2  # significant digits of a target (levels) / decimals (rates)
    result_digits: int = 3
    results: bool = True  # also stated as estimates and actual results
    flow: bool = False  # a yearly flow: half a year is about half of it
    district: bool = False  # also stated by districts
    parent: str | None = None  # stated after "trong đó" of this indicator
    share: tuple[float, float] = (0.0, 0.0)  # a part's share of its parent
    term: bool = False  # also a target of the five-year plan


VERBS: dict[str, dict[str, tuple[str, ...]]] = {
    "dat": {
        "target": ("đạt ", "đạt ", ""),
        "estimate": ("ước đạt ", "ước đạt ", "ước "),
        "actual": ("đạt ", "đạt ", ""),
    },
    "tang": {"target": ("tăng ",), "estimate": ("ước tăng ",), "actual": ("tăng ",)},
    "part": {"target": ("tăng ",), "estimate": ("tăng ",), "actual": ("tăng ",)},
    "con": {
        "target": ("còn ", "giảm còn "),
        "estimate": ("ước còn ", "ước giảm còn "),
        "actual": ("còn ", "giảm còn "),
    },
}
COUNTS = frozenset({"doanh nghiệp", "lao động", "xã", "sản phẩm", "lượt khách", "ha"})

_I = Indicator
INDICATORS: tuple[Indicator, ...] = (
    _I("grdp_growth",
      ("tốc độ tăng trưởng kinh tế", "tăng trưởng kinh tế", "tốc độ tăng trưởng GRDP",
       "tăng trưởng GRDP", "tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)",
       "tốc độ tăng trưởng tổng sản phẩm trên địa bàn {dv} (GRDP)"),
      ("{name} {v}{f}",), "%", 5.0, 10.5, kind="growth", strict=0.45,
      target_digits=1, result_digits=2, term=True, district=True),
    # The sectors of GRDP growth, only ever after "trong đó" of an estimate or result.
    _I("agriculture_growth",
      ("khu vực nông, lâm nghiệp và thủy sản", "nông, lâm nghiệp, thủy sản",
       "khu vực nông, lâm nghiệp, thủy sản"),
      ("{name} {v}{f}",), "%", 2.0, 4.5, kind="growth", verb="part", parent="grdp_growth",
      result_digits=2),
    _I("industry_construction_growth",
      ("khu vực công nghiệp - xây dựng", "công nghiệp - xây dựng", "công nghiệp và xây dựng"),
      ("{name} {v}{f}",), "%", 6.0, 13.0, kind="growth", verb="part", parent="grdp_growth",
      result_digits=2),
    _I("services_growth", ("khu vực dịch vụ", "ngành dịch vụ", "dịch vụ"),
      ("{name} {v}{f}",), "%", 4.5, 8.5, kind="growth", verb="part", parent="grdp_growth",
      result_digits=2),
    _I("grdp_per_capita", ("GRDP bình quân đầu người", "tổng sản phẩm bình quân đầu người"),
      ("{name} {v}{f}",), "triệu đồng", 28, 45, growth=0.07, result_digits=3),
    _I("income_per_capita", ("thu nhập bình quân đầu người",),
      ("{name} {v}{f}",), "triệu đồng", 22, 38, growth=0.07, result_digits=3),
    _I("state_budget_revenue",
      ("tổng thu ngân sách nhà nước trên địa bàn", "tổng thu ngân sách nhà nước",
       "thu ngân sách nhà nước trên địa bàn", "tổng thu NSNN trên địa bàn", "thu NSNN",
       "thu ngân sách nhà nước", "tổng thu ngân sách trên địa bàn"),
      ("{name} {v}{f}",), "tỷ đồng", 900, 2600, growth=0.09, strict=0.15, flow=True,
      district=True),
    _I("budget_revenue_domestic", ("thu nội địa",), ("{name} {v}{f}",), "tỷ đồng", 0, 0,
      parent="state_budget_revenue", share=(0.55, 0.8), flow=True),
    _I("budget_revenue_import_export",
      ("thu từ hoạt động xuất nhập khẩu", "thu xuất nhập khẩu", "thu từ xuất nhập khẩu"),
      ("{name} {v}{f}",), "tỷ đồng", 0, 0, parent="state_budget_revenue",
      share=(0.08, 0.2), flow=True),
    _I("budget_spending", ("tổng chi ngân sách địa phương", "chi ngân sách địa phương"),
      ("{name} {v}{f}",), "tỷ đồng", 5000, 9000, growth=0.06, strict=0.0),
    _I("total_social_investment",
      ("tổng vốn đầu tư toàn xã hội", "tổng vốn đầu tư phát triển toàn xã hội",
       "vốn đầu tư toàn xã hội"),
      ("{name} {v}{f}",), "tỷ đồng", 6000, 14000, growth=0.09, flow=True, district=True),
    _I("total_social_investment_growth",
      ("tổng vốn đầu tư toàn xã hội", "vốn đầu tư toàn xã hội"),
      ("{name} {v}{f}",), "%", 8.0, 12.0, kind="growth", verb="tang", strict=0.6,
      target_digits=0, results=False),
    _I("fdi", ("thu hút vốn FDI", "thu hút vốn đầu tư trực tiếp nước ngoài", "thu hút FDI"),
      ("{name} {v}{f}",), "triệu USD", 20, 120, growth=0.12, strict=0.5, results=False),
    _I("new_enterprises", (),
      ("{p}phát triển mới {f}", "số doanh nghiệp thành lập mới {v}{f}", "{p}có {f} thành lập mới"),
      "doanh nghiệp", 150, 450, growth=0.06, strict=0.5, flow=True),
    _I("labour_productivity_growth",
      ("tốc độ tăng năng suất lao động xã hội bình quân", "tốc độ tăng năng suất lao động"),
      ("{name} {v}{f}",), "%", 5.0, 7.5, kind="growth", strict=0.6, target_digits=1,
      results=False),
    _I("urbanisation_rate", ("tỷ lệ đô thị hóa",), ("{name} {v}{f}",), "%", 18, 60,
      kind="rate", drift=0.8, strict=0.4, target_digits=1, result_digits=1, term=True),
    _I("trained_labour_rate", ("tỷ lệ lao động qua đào tạo", "tỷ lệ lao động đã qua đào tạo"),
      ("{name} {v}{f}",), "%", 52, 70, domain="social", kind="rate", drift=1.5,
      target_digits=0, result_digits=1, term=True),
    _I("certified_labour_rate",
      ("tỷ lệ lao động qua đào tạo có bằng, chứng chỉ", "có bằng cấp, chứng chỉ"),
      ("{name} {v}{f}",), "%", 0, 0, domain="social", kind="rate",
      parent="trained_labour_rate", share=(0.35, 0.6), target_digits=0, result_digits=1),
    _I("new_jobs", ("giải quyết việc làm mới cho", "tạo việc làm cho", "giải quyết việc làm cho"),
      ("{p}{name} {f}",), "lao động", 5000, 16000, domain="social", growth=0.02, strict=0.0,
      flow=True, district=True),
    _I("national_standard_schools", ("tỷ lệ trường đạt chuẩn quốc gia",),
      ("{name} {v}{f}",), "%", 55, 75, domain="social", kind="rate", drift=2.0, strict=0.4,
      target_digits=0, result_digits=1),
    _I("hospital_beds_per_10k", (), ("{v}{f}",), "giường bệnh/vạn dân", 26, 34,
      domain="social", kind="rate", drift=0.4, target_digits=1, result_digits=1),
    _I("doctors_per_10k", (), ("{v}{f}",), "bác sĩ/vạn dân", 8, 11, domain="social",
      kind="rate", drift=0.3, target_digits=1, result_digits=1),
    _I("health_insurance_coverage",
      ("tỷ lệ tham gia bảo hiểm y tế", "tỷ lệ bao phủ bảo hiểm y tế",
       "tỷ lệ dân số tham gia bảo hiểm y tế"),
      ("{name} {v}{f}",), "%", 86, 93, domain="social", kind="rate", drift=0.6, strict=0.5,
      target_digits=1, result_digits=1, district=True),
    _I("poverty_rate", ("tỷ lệ hộ nghèo đa chiều", "tỷ lệ hộ nghèo"), ("{name} {v}{f}",),
      "%", 6, 22, domain="social", kind="rate", drift=-1.2, verb="con", direction="down",
      strict=0.5, target_digits=1, result_digits=2),
    _I("poverty_reduction_rate", ("tỷ lệ giảm nghèo",), ("{name} {v}{f}",), "%", 0, 0,
      domain="social", kind="rate", direction="range", results=False),
    _I("urban_clean_water",
      ("tỷ lệ dân số đô thị được cung cấp nước sạch",
       "tỷ lệ người dân đô thị được cung cấp nước sạch"),
      ("{name} {v}{f}",), "%", 88, 96, domain="env", kind="rate", drift=0.5,
      target_digits=1, result_digits=1),
    _I("rural_hygienic_water",
      ("tỷ lệ dân số nông thôn sử dụng nước hợp vệ sinh",
       "tỷ lệ hộ dân nông thôn sử dụng nước hợp vệ sinh"),
      ("{name} {v}{f}",), "%", 90, 97, domain="env", kind="rate", drift=0.4, strict=0.4,
      target_digits=1, result_digits=1),
    _I("urban_solid_waste",
      ("tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt đô thị",
       "tỷ lệ chất thải rắn sinh hoạt được thu gom"),
      ("{name} {v}{f}",), "%", 80, 94, domain="env", kind="rate", drift=0.7,
      target_digits=1, result_digits=1),
    _I("forest_cover", ("tỷ lệ che phủ rừng", "độ che phủ rừng"), ("{name} {v}{f}",), "%",
      38, 70, domain="env", kind="rate", drift=0.3, target_digits=1, result_digits=2,
      term=True),
    _I("afforestation", ("trồng rừng mới", "trồng rừng tập trung"), ("{p}{name} {f}",), "ha",
      1500, 6000, domain="env", growth=0.0, strict=0.3, flow=True),
    _I("new_rural_communes", (), ("{p}có thêm {f} đạt chuẩn nông thôn mới",), "xã", 6, 16,
      domain="env", growth=0.0, strict=0.0, target_digits=1, district=True),
    _I("ocop_products", ("phát triển mới", "có thêm"), ("{p}{name} {f} OCOP",), "sản phẩm",
      15, 40, growth=0.03, strict=0.0),
    _I("industrial_production_index",
      ("chỉ số sản xuất công nghiệp (IIP)", "chỉ số sản xuất công nghiệp"),
      ("{name} {v}{f}",), "%", 6.0, 14.0, kind="growth", verb="tang", target_digits=1,
      result_digits=1),
    _I("retail_sales",
      ("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
       "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"),
      ("{name} {v}{f}",), "tỷ đồng", 8000, 20000, growth=0.1, flow=True),
    _I("exports", ("kim ngạch xuất khẩu", "tổng kim ngạch xuất khẩu", "giá trị xuất khẩu"),
      ("{name} {v}{f}",), "triệu USD", 150, 900, growth=0.1, flow=True),
    _I("tourists", (),
      ("{p}đón {f} du lịch", "{p}thu hút {f} du lịch", "tổng lượt khách du lịch {v}{f}"),
      "lượt khách", 900_000, 2_600_000, growth=0.08, flow=True),
    _I("tourism_revenue", ("tổng thu từ du lịch", "doanh thu du lịch"), ("{name} {v}{f}",),
      "tỷ đồng", 700, 2600, growth=0.1, flow=True),
    _I("cultural_families",
      ("tỷ lệ gia đình văn hóa", "tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa"),
      ("{name} {v}{f}",), "%", 84, 92, domain="social", kind="rate", drift=0.3,
      target_digits=0, result_digits=1, district=True),
    _I("cultural_villages", ("tỷ lệ thôn, bản, khu phố văn hóa", "tỷ lệ thôn, khu văn hóa"),
      ("{name} {v}{f}",), "%", 70, 85, domain="social", kind="rate", drift=0.6,
      target_digits=0, result_digits=1, district=True),
    _I("public_investment_disbursement",
      ("tỷ lệ giải ngân vốn đầu tư công", "giải ngân vốn đầu tư công"),
      ("{name} {v}{f}",), "%", 90, 98, kind="rate", drift=0.0, strict=0.3, target_digits=0,
      results=False),
)  # fmt: skip
BY_ID = {ind.id: ind for ind in INDICATORS}
PARTS: dict[str, tuple[str, ...]] = defaultdict(tuple)
for _ind in INDICATORS:
    if _ind.parent:
        PARTS[_ind.parent] += (_ind.id,)
TOP = tuple(i.id for i in INDICATORS if i.parent is None)
RESULT_TOP = tuple(i.id for i in INDICATORS if i.parent is None and i.results)
HALF_YEAR = ("grdp_growth", "state_budget_revenue", "retail_sales", "exports", "tourists",
             "new_enterprises", "industrial_production_index", "total_social_investment",
             "tourism_revenue")  # fmt: skip
TERM = tuple(i.id for i in INDICATORS if i.term)
DISTRICT = tuple(i.id for i in INDICATORS if i.district)
BIG = {"Hà Nội": 40.0, "Hồ Chí Minh": 55.0, "Hải Phòng": 12.0, "Đà Nẵng": 7.0,
       "Bình Dương": 14.0, "Đồng Nai": 12.0, "Bà Rịa - Vũng Tàu": 11.0, "Quảng Ninh": 14.0,
       "Bắc Ninh": 10.0, "Thanh Hóa": 9.0, "Hải Dương": 5.0, "Vĩnh Phúc": 6.0,
       "Cần Thơ": 4.0, "Long An": 5.0, "Nghệ An": 5.0, "Khánh Hòa": 4.0}  # fmt: skip

# --------------------------------------------------------------------------- truth

Fact = tuple[str, str | None, str, str, str]  # province, district, indicator, period, status


@dataclass(frozen=True)
class Truth:
    value: float  # the figure as announcements round it; for ranges the low end
    decimals: int
    strict: bool = False  # the true value lies strictly beyond `value` ("trên x")
    high: float | None = None  # ranges: the high end


class World:
    """The one truth every document restates, a pure function of the seed."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._cache: dict[Fact, Truth] = {}

    def size(self, province: str, district: str | None) -> float:
        rng = stable_rng(self.seed, "size", province)
        size = BIG.get(province, rng.uniform(0.6, 3.5))
        if district:
            size *= stable_rng(self.seed, "dsize", province, district).uniform(0.06, 0.16)
        return size

    def level(self, province: str, district: str | None, ind: Indicator, year: int) -> float:
        """The underlying yearly value the figures of all statuses are close to."""
        rng = stable_rng(self.seed, "level", province, district, ind.id)
        start = rng.uniform(ind.lo, ind.hi)
        if ind.kind == "growth":
            return stable_rng(self.seed, "g", province, district, ind.id, year).uniform(
                ind.lo, ind.hi
            )
        if ind.kind == "rate":
            drift = ind.drift * rng.uniform(0.5, 1.5)
            return min(99.0, max(0.8, start + drift * (year - 2016)))
        scale = self.size(province, district) if ind.unit not in ("xã",) else 1.0
        if district and ind.unit == "xã":
            scale = 0.3
        return start * scale * (1 + ind.growth) ** (year - 2016)

    def truth(self, fact: Fact) -> Truth:
        found = self._cache.get(fact)
        if found is None:
            found = self._cache[fact] = self._truth(fact)
        return found

    def _truth(self, fact: Fact) -> Truth:
        province, district, ind_id, period, status = fact
        ind = BY_ID[ind_id]
        rng = stable_rng(self.seed, "truth", *map(str, fact))
        year = int(period[-4:])
        if ind.parent and ind.share[1]:
            parent = self.truth((province, district, ind.parent, period, status))
            raw = parent.value * rng.uniform(*ind.share)
            return self._rounded(ind, raw, status, rng, allow_strict=False)
        if ind.direction == "range":
            low = rng.choice((1.0, 1.5, 2.0, 2.5, 3.0, 3.5))
            width = rng.choice((0.5, 0.5, 1.0))
            return Truth(low, 1, high=low + width)
        if period.startswith("T"):  # five-year plan: the average or end-of-term level
            year = int(period[1:5]) + 4 if ind.kind == "rate" else year
        raw = self.level(province, district, ind, year)
        if ind.kind != "growth" or period.startswith(("Y", "T")):
            raw *= rng.uniform(1.0, 1.06) if status == "target" else rng.uniform(0.95, 1.04)
        if period.startswith("H"):
            raw *= rng.uniform(0.42, 0.5) if ind.flow else rng.uniform(0.93, 1.0)
        if period.startswith("Q"):
            raw *= rng.uniform(0.2, 0.25) if ind.flow else rng.uniform(0.9, 1.0)
        if ind.kind == "rate" and ind.direction == "up":
            raw = min(raw, 98.4)
        return self._rounded(ind, raw, status, rng, allow_strict=status == "target")

    def _rounded(
        self, ind: Indicator, raw: float, status: str, rng: random.Random, allow_strict: bool
    ) -> Truth:
        target = status == "target"
        if ind.unit == "%" or ind.unit.endswith("vạn dân"):
            decimals = ind.target_digits if target else ind.result_digits
            if target and decimals and rng.random() < 0.4:
                decimals -= 1
            value = round(raw, decimals)
        else:
            digits = ind.target_digits if target else ind.result_digits
            if ind.unit in COUNTS:
                value = round_sig(raw, digits) if raw >= 100 else float(round(raw))
            else:
                value = round_sig(raw, digits) if raw >= 10 else round(raw, 1)
            value = max(value, 1.0)
            decimals = decimals_of(value)
        strict = allow_strict and rng.random() < ind.strict
        return Truth(value, decimals, strict)


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    province: str
    city: bool  # a centrally-run city ("thành phố") rather than a "tỉnh"
    district: str | None = None  # full name, "Huyện Tiên Yên"

    @property
    def unit(self) -> str:
        """How the text calls the unit the document is about: tỉnh, thành phố, huyện, thị xã."""
        if self.district:
            return (
                self.district.split()[0].lower()
                if not self.district.startswith("Thị xã")
                else "thị xã"
            )
        return "thành phố" if self.city else "tỉnh"

    @property
    def short(self) -> str:
        if self.district:
            return self.district.removeprefix("Huyện ").removeprefix("Thị xã ")
        return self.province


# How news spells some names besides the dataset's spelling (an apostrophe is
# also written ’ or left out: see `spelled`).
SPELLINGS: dict[str, tuple[str, ...]] = {
    "Krông A Na": ("Krông Ana",),
    "Krông Pắc": ("Krông Pắk",),
    "Đắk R'Lấp": ("Đăk R'Lấp", "Đắk R'lấp"),
    "Đăk Glong": ("Đắk Glong",),
    "Đắk Mil": ("Đăk Mil",),
    "Đắk Song": ("Đăk Song",),
    "Đắk Hà": ("Đăk Hà",),
    "Đắk Tô": ("Đăk Tô",),
    "Đắk Glei": ("Đăk Glei",),
    "M'Đrắk": ("M'Drắk",),
    "Cư M'gar": ("Cư M'Gar",),
}


def spelled(name: str, rng: random.Random) -> str:
    """`name` as one document writes it: a variant spelling, an apostrophe as ' or ’
    or none ("Cư M’gar", "Cư Mgar")."""
    name = rng.choice((name, *SPELLINGS.get(name, ())))
    return name.replace("'", rng.choice(("'", "’", "’", "")))


def hard(name: str, others: tuple[str, ...]) -> bool:
    """A district name that scoping gets wrong easily: an apostrophe, a variant
    spelling, or a short name shared with another district of the province."""
    short = Place("", False, name).short
    twins = [o for o in others if o != name and Place("", False, o).short == short]
    return "'" in short or short in SPELLINGS or bool(twins)


@lru_cache(maxsize=1)
def provinces() -> tuple[tuple[str, bool, tuple[str, ...]], ...]:
    """(name, is a city, districts of type Huyện or Thị xã) of the 63 pre-2025 provinces."""
    gaz = gazetteer.load()
    legacy = {p.name: p for units in gaz.provinces.values() for p in units if p.legacy}
    districts: dict[str, list[str]] = defaultdict(list)
    for d in gaz.district_of.values():
        if d.type in ("Huyện", "Thị xã"):
            districts[d.province].append(d.name)
    return tuple(
        (name, legacy[name].kind == "thành phố", tuple(sorted(districts[name])))
        for name in sorted(legacy)
    )


# --------------------------------------------------------------------------- resolutions


@dataclass(frozen=True)
class Resolution:
    id: str
    doc_type: str  # Nghị quyết, Quyết định, Kế hoạch
    number: int
    symbol: str  # "/NQ-HĐND", "/2023/NQ-HĐND", "-NQ/TU", "/QĐ-UBND"
    date: dt.date
    body: str  # hdnd, ubnd, party, district_hdnd, government
    subject: str


THEMES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Nghị quyết", "hdnd", "chính sách hỗ trợ phát triển du lịch cộng đồng trên địa bàn {dv}",
     ("tourists", "tourism_revenue")),
    ("Nghị quyết", "hdnd", "chính sách khuyến khích phát triển nông nghiệp ứng dụng công nghệ cao",
     ("ocop_products", "new_rural_communes")),
    ("Nghị quyết", "party", "phát triển nguồn nhân lực chất lượng cao đáp ứng yêu cầu hội nhập",
     ("trained_labour_rate", "new_jobs")),
    ("Kế hoạch", "ubnd", "bảo vệ và phát triển rừng bền vững gắn với sinh kế người dân",
     ("forest_cover", "afforestation")),
    ("Nghị quyết", "hdnd", "chính sách hỗ trợ nâng cao chất lượng y tế cơ sở và y tế dự phòng",
     ("hospital_beds_per_10k", "doctors_per_10k", "health_insurance_coverage")),
    ("Nghị quyết", "party", "xây dựng đô thị văn minh hiện đại gắn với bảo vệ môi trường",
     ("urbanisation_rate", "urban_solid_waste", "urban_clean_water")),
    ("Kế hoạch", "ubnd", "cải thiện môi trường đầu tư kinh doanh và hỗ trợ phát triển doanh nghiệp",
     ("new_enterprises", "fdi", "retail_sales")),
    ("Nghị quyết", "hdnd", "chính sách hỗ trợ giảm nghèo bền vững đối với đồng bào vùng sâu vùng xa",
     ("poverty_rate", "poverty_reduction_rate", "new_jobs")),
)  # fmt: skip


class Registry:
    """The resolutions of every province and district; numbers unique per type and year."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.by_id: dict[str, Resolution] = {}
        self._used: dict[tuple[str, str, int], set[int]] = defaultdict(set)
        self.themes: dict[str, list[Resolution]] = defaultdict(list)

    def _number(self, owner: str, doc_type: str, year: int, lo: int, hi: int) -> int:
        used = self._used[(owner, doc_type, year)]
        rng = stable_rng(self.seed, "number", owner, doc_type, year, len(used))
        while True:
            n = rng.randint(lo, hi)
            if n not in used:
                used.add(n)
                return n

    def wrong_number(self, res: Resolution, owner: str, rng: random.Random) -> int:
        """Another number of the same type and year that no document of `owner` uses."""
        used = self._used[(owner, res.doc_type, res.date.year)]
        for _ in range(100):
            n = res.number + rng.choice((-1, 1)) * rng.randint(1, 9)
            if n > 0 and n not in used:
                used.add(n)
                return n
        raise RuntimeError("no free number")

    def _add(self, res: Resolution) -> Resolution:
        self.by_id[res.id] = res
        return res

    def build(self, province: str, districts: tuple[str, ...]) -> None:
        rng = stable_rng(self.seed, "registry", province)
        for year in (*YEARS, YEARS[-1] + 1):
            before = year - 1
            party_day = dt.date(before, 11, rng.randint(20, 30))
            council_day = dt.date(before, 12, rng.randint(5, 11))
            decision_day = council_day + dt.timedelta(days=rng.randint(3, 9))
            normative = rng.random() < 0.3
            number = self._number(province, "Nghị quyết", before, 60, 220)
            self._add(Resolution(
                f"{province}|hdnd|{year}", "Nghị quyết", number,
                f"/{before}/NQ-HĐND" if normative else "/NQ-HĐND", council_day, "hdnd",
                f"nhiệm vụ phát triển kinh tế - xã hội năm {year}"))  # fmt: skip
            number = self._number(province, "Nghị quyết", before, 8, 45)
            self._add(Resolution(
                f"{province}|party|{year}", "Nghị quyết", number, "-NQ/TU", party_day, "party",
                f"phương hướng nhiệm vụ phát triển kinh tế - xã hội năm {year}"))  # fmt: skip
            number = self._number(province, "Quyết định", before, 1800, 3600)
            self._add(Resolution(
                f"{province}|ubnd|{year}", "Quyết định", number, "/QĐ-UBND", decision_day,
                "ubnd",
                f"việc giao chỉ tiêu phát triển kinh tế - xã hội và dự toán ngân sách năm {year}"))  # fmt: skip
            for district in districts:
                day = dt.date(before, 12, rng.randint(15, 22))
                number = self._number(province, "Nghị quyết", before, 30, 140)
                self._add(Resolution(
                    f"{province}|{district}|{year}", "Nghị quyết", number, "/NQ-HĐND", day,
                    "district_hdnd",
                    f"nhiệm vụ phát triển kinh tế - xã hội năm {year} của {district.split()[0].lower()}"))  # fmt: skip
        for t, (doc_type, body, subject, _) in enumerate(THEMES):
            year = rng.choice(YEARS[:-1])
            day = dt.date(year, rng.randint(2, 11), rng.randint(1, 28))
            if doc_type == "Kế hoạch":
                number, symbol = self._number(province, doc_type, year, 40, 400), "/KH-UBND"
            elif body == "party":
                number, symbol = self._number(province, doc_type, year, 1, 40), "-NQ/TU"
            else:
                number = self._number(province, doc_type, year, 1, 59)
                symbol = f"/{year}/NQ-HĐND"
            res = Resolution(f"{province}|theme{t}", doc_type, number, symbol, day, body, subject)
            self.themes[province].append(self._add(res))

    def government(self, year: int) -> Resolution:
        key = f"government|{year}"
        if key not in self.by_id:
            rng = stable_rng(self.seed, "government", year)
            self._add(Resolution(
                key, "Nghị quyết", 1, "/NQ-CP", dt.date(year, 1, rng.randint(3, 9)), "government",
                f"những nhiệm vụ giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội năm {year}"))  # fmt: skip
        return self.by_id[key]


# --------------------------------------------------------------------------- people


SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Phan", "Trịnh", "Đinh", "Lương", "Mai", "Tạ")  # fmt: skip
MIDDLE = ("Văn", "Đức", "Minh", "Thanh", "Quốc", "Hữu", "Ngọc", "Xuân", "Đình", "Thị",
          "Công", "Mạnh", "Tiến", "Trọng", "Quang", "Anh")  # fmt: skip
GIVEN = ("Hùng", "Dũng", "Tuấn", "Thắng", "Huy", "Cường", "Khánh", "Thành", "Phúc", "Hiếu",
         "Trung", "Nghĩa", "Tâm", "Quân", "Toàn", "Vinh", "Đạt", "Lâm", "Hạnh", "Thủy",
         "Mai", "Hằng", "Kiên", "Tùng", "Nam", "Việt", "Chiến", "Thái")  # fmt: skip


def person(*parts: object) -> str:
    rng = stable_rng(*parts)
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


# --------------------------------------------------------------------------- prose

# Ordinary sentences of these announcements: no figure follows an indicator name.
# Slots: {dv} tỉnh/thành phố/huyện/thị xã, {ten} its name, {ubnd} {hdnd} {party}
# its bodies, {bt} {ct} {cthd} {pct} its leaders, {nganh} "sở, ban, ngành" or
# "phòng, ban, ngành", {coquan} a department, {noi} a
# place in it, {han} a deadline after the document's date.
SPEECH = (
    "Phát biểu chỉ đạo tại hội nghị, đồng chí {bt}, Bí thư {party}, ghi nhận, đánh giá cao những nỗ lực, cố gắng của các cấp, các ngành, cộng đồng doanh nghiệp và Nhân dân trong {dv}.",
    "Đồng chí {bt} nhấn mạnh, bên cạnh những thời cơ, thuận lợi, dự báo khó khăn, thách thức còn nhiều, đòi hỏi các sở, ngành, địa phương phải chủ động, linh hoạt, sáng tạo trong chỉ đạo, điều hành.",
    "Đồng chí yêu cầu các sở, ngành, địa phương bám sát chủ đề công tác của năm, cụ thể hóa thành các chương trình, kế hoạch hành động với lộ trình, thời gian hoàn thành và phân công trách nhiệm rõ ràng.",
    "Kết luận hội nghị, đồng chí {ct}, Chủ tịch {ubnd}, đề nghị các đơn vị tập trung tháo gỡ khó khăn, vướng mắc cho sản xuất kinh doanh, nhất là các dự án lớn, dự án trọng điểm.",
    "Chủ tịch {ubnd} {ct} yêu cầu người đứng đầu các cơ quan, đơn vị nêu cao tinh thần trách nhiệm, không né tránh, đùn đẩy, kiên quyết xử lý các trường hợp chậm trễ, gây phiền hà cho người dân và doanh nghiệp.",
    "Nhiều ý kiến cho rằng cần tiếp tục cải thiện mạnh mẽ môi trường đầu tư kinh doanh, nâng cao năng lực cạnh tranh, tạo mọi điều kiện thuận lợi để các nhà đầu tư yên tâm gắn bó lâu dài với {dv}.",
    "Đồng chí {pct}, Phó Chủ tịch {ubnd}, đề nghị {coquan} phối hợp chặt chẽ với các địa phương trong triển khai nhiệm vụ được giao, kịp thời báo cáo những vướng mắc vượt thẩm quyền.",
    "Chủ tịch {hdnd} {cthd} đề nghị các đại biểu dân cử tăng cường giám sát việc thực hiện các nghị quyết, kịp thời phản ánh tâm tư, nguyện vọng chính đáng của cử tri.",
    "Đồng chí {bt} lưu ý, phải đặt lợi ích của Nhân dân lên trên hết, trước hết; mọi chủ trương, chính sách đều hướng tới nâng cao đời sống vật chất và tinh thần của Nhân dân.",
    "Theo đồng chí {ct}, bài học lớn nhất là sự đoàn kết, thống nhất trong lãnh đạo, chỉ đạo và sự vào cuộc đồng bộ của cả hệ thống chính trị.",
    "Đồng chí {cthd} đề nghị {ubnd} chỉ đạo rà soát, hoàn thiện các cơ chế, chính sách còn bất cập, bảo đảm tính khả thi khi áp dụng vào thực tiễn.",
    "Giải trình các ý kiến của đại biểu, lãnh đạo {coquan} cho biết ngành sẽ tập trung chỉ đạo quyết liệt hơn, khắc phục ngay những hạn chế đã được chỉ ra.",
    "Đồng chí {pct} yêu cầu các chủ đầu tư lập kế hoạch chi tiết cho từng dự án, cam kết tiến độ và chịu trách nhiệm trước {ubnd} nếu để chậm trễ.",
    "Đồng chí {bt} đề nghị cấp ủy, chính quyền các cấp tiếp tục đổi mới phương thức lãnh đạo, phát huy vai trò nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu.",
    "Lãnh đạo {coquan} kiến nghị {ubnd} sớm ban hành quy định phân cấp, ủy quyền để rút ngắn thời gian giải quyết hồ sơ cho người dân.",
    "Ghi nhận các ý kiến phát biểu, đồng chí {ct} khẳng định {ubnd} sẽ tiếp thu đầy đủ để hoàn thiện chương trình công tác trình cấp có thẩm quyền.",
)
TASKS = (
    "Các sở, ngành, địa phương cần đẩy nhanh tiến độ giải phóng mặt bằng, tháo gỡ vướng mắc về đất đai, vật liệu xây dựng để bảo đảm tiến độ các công trình, dự án trọng điểm.",
    "Tiếp tục đẩy mạnh cải cách hành chính, chuyển đổi số, xây dựng chính quyền số, nâng cao chất lượng phục vụ người dân và doanh nghiệp trên môi trường điện tử.",
    "Chú trọng phát triển văn hóa, xã hội, bảo đảm an sinh xã hội, chăm lo đời sống của người có công, gia đình chính sách, đồng bào vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số.",
    "Tập trung thực hiện ba khâu đột phá chiến lược về hoàn thiện thể chế, phát triển nguồn nhân lực và xây dựng hệ thống kết cấu hạ tầng đồng bộ, hiện đại.",
    "Giữ vững quốc phòng, an ninh, bảo đảm trật tự, an toàn xã hội; làm tốt công tác tiếp công dân, giải quyết khiếu nại, tố cáo ngay từ cơ sở.",
    "Tăng cường quản lý nhà nước về tài nguyên, môi trường, chủ động phòng, chống thiên tai, ứng phó với biến đổi khí hậu, bảo vệ nghiêm ngặt diện tích rừng hiện có.",
    "Đẩy mạnh cơ cấu lại ngành nông nghiệp gắn với xây dựng nông thôn mới, phát triển các vùng sản xuất hàng hóa tập trung, ứng dụng công nghệ cao và liên kết theo chuỗi giá trị.",
    "Nâng cao chất lượng giáo dục và đào tạo, đổi mới công tác quản lý, sắp xếp mạng lưới trường, lớp phù hợp với điều kiện thực tế của từng địa phương.",
    "Củng cố mạng lưới y tế cơ sở, nâng cao chất lượng khám, chữa bệnh, chủ động phòng, chống dịch bệnh, không để dịch bệnh lây lan trên diện rộng.",
    "Phát triển du lịch theo hướng bền vững, khai thác hiệu quả các giá trị văn hóa, lịch sử, cảnh quan thiên nhiên, xây dựng sản phẩm du lịch đặc trưng của {dv}.",
    "Quản lý chặt chẽ các nguồn thu, chống thất thu, chống buôn lậu, gian lận thương mại; điều hành chi tiêu tiết kiệm, hiệu quả, đúng quy định.",
    "Tăng cường kỷ luật, kỷ cương hành chính, siết chặt trách nhiệm của người đứng đầu trong thực thi công vụ, kiên quyết chống tham nhũng, lãng phí, tiêu cực.",
    "Khẩn trương hoàn thiện quy hoạch chung, quy hoạch phân khu, tạo quỹ đất sạch để thu hút các dự án đầu tư có công nghệ hiện đại, thân thiện với môi trường.",
    "Ưu tiên nguồn lực đầu tư hạ tầng giao thông kết nối, hạ tầng các khu, cụm công nghiệp, hạ tầng thương mại, dịch vụ, tạo động lực cho phát triển nhanh và bền vững.",
    "Phát huy sức mạnh khối đại đoàn kết toàn dân tộc, tạo đồng thuận xã hội trong thực hiện các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội của {dv}.",
    "Rà soát, phân loại các dự án chậm tiến độ, kiên quyết thu hồi các dự án không có khả năng triển khai để giao cho nhà đầu tư có năng lực.",
    "Chủ động nắm bắt tình hình, giải quyết dứt điểm các vụ việc phức tạp ngay từ cơ sở, không để hình thành điểm nóng về an ninh, trật tự.",
    "Đẩy mạnh xúc tiến thương mại, kết nối cung cầu, hỗ trợ doanh nghiệp mở rộng thị trường tiêu thụ sản phẩm, nhất là nông sản chủ lực của {dv}.",
    "Triển khai đồng bộ các giải pháp bảo đảm trật tự an toàn giao thông, kiềm chế, kéo giảm tai nạn giao thông trên cả ba tiêu chí.",
    "Nâng cao hiệu quả hoạt động của Trung tâm Phục vụ hành chính công, bảo đảm việc tiếp nhận và trả kết quả đúng hẹn, công khai, minh bạch.",
    "Tập trung phát triển công nghiệp chế biến, chế tạo, công nghiệp hỗ trợ, từng bước hình thành chuỗi liên kết giữa doanh nghiệp trong và ngoài {dv}.",
    "Thực hiện tốt công tác bảo tồn, phát huy giá trị di sản văn hóa, các lễ hội truyền thống, nghề thủ công của đồng bào các dân tộc.",
    "Tăng cường công tác thanh tra, kiểm tra việc quản lý, sử dụng đất đai, khoáng sản, xử lý nghiêm các trường hợp vi phạm.",
    "Quan tâm đào tạo, bồi dưỡng, thu hút nhân lực chất lượng cao, đặc biệt trong các lĩnh vực y tế, giáo dục, công nghệ thông tin.",
    "Làm tốt công tác thông tin, tuyên truyền để cán bộ, đảng viên và Nhân dân hiểu rõ, đồng thuận với các chủ trương lớn của {dv}.",
)
SCENE = (
    "Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến tới các điểm cầu cấp huyện và cấp xã trên địa bàn {dv}.",
    "Dự hội nghị có các đồng chí trong Ban Thường vụ {party}, Thường trực {hdnd}, lãnh đạo {ubnd}, Ủy ban Mặt trận Tổ quốc {dv} cùng lãnh đạo các {nganh}, đoàn thể.",
    "Tham dự còn có đại diện các cơ quan Trung ương đóng trên địa bàn, các doanh nghiệp tiêu biểu và các cơ quan thông tấn, báo chí.",
    "Quang cảnh hội nghị tại điểm cầu {noi}.",
    "Buổi làm việc diễn ra trong không khí dân chủ, thẳng thắn, nhiều ý kiến tâm huyết đã được các đại biểu gửi tới hội nghị.",
    "Các đồng chí {bt}, Bí thư {party}; {cthd}, Chủ tịch {hdnd}; {ct}, Chủ tịch {ubnd} dự và chỉ đạo.",
    "Cùng dự có các đồng chí Phó Chủ tịch {ubnd}, Thủ trưởng các {nganh} và lãnh đạo các địa phương.",
    "Trước đó, các đại biểu đã dành một phút mặc niệm tưởng nhớ các anh hùng liệt sĩ.",
)
CLOSING = (
    "Các sở, ngành, địa phương khẩn trương xây dựng kế hoạch cụ thể của đơn vị, báo cáo {ubnd} trước ngày {han}.",
    "{ubnd} giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các đơn vị liên quan theo dõi, đôn đốc, tổng hợp tình hình thực hiện, báo cáo định kỳ hằng tháng.",
    "Ngay sau hội nghị, các địa phương tổ chức quán triệt, triển khai đến từng cơ quan, đơn vị, cán bộ, công chức, viên chức và người lao động.",
    "Thời gian tới, {dv} tiếp tục theo dõi sát diễn biến tình hình, kịp thời đề ra các giải pháp phù hợp, không để bị động, bất ngờ.",
    "Kết thúc buổi làm việc, đoàn đã đi kiểm tra thực tế một số công trình, dự án trên địa bàn {noi}.",
    "Dịp này, {ubnd} đã tặng Bằng khen cho nhiều tập thể, cá nhân có thành tích xuất sắc trong thực hiện nhiệm vụ.",
    "{coquan} được giao hướng dẫn các địa phương triển khai, định kỳ báo cáo kết quả về {ubnd} trước ngày {han}.",
    "Hội nghị kết thúc trong không khí phấn khởi, quyết tâm cao của các cấp, các ngành.",
)
SESSION = (
    "Kỳ họp đã nghe các báo cáo, tờ trình của {ubnd}, báo cáo thẩm tra của các ban {hdnd} và thảo luận tại tổ, tại hội trường.",
    "Tại phiên chất vấn, các đại biểu tập trung vào những vấn đề cử tri quan tâm như quản lý đất đai, ô nhiễm môi trường, chất lượng khám, chữa bệnh.",
    "Thay mặt {ubnd}, đồng chí {ct} đã giải trình, làm rõ nhiều nội dung đại biểu quan tâm và nêu các giải pháp khắc phục trong thời gian tới.",
    "Bế mạc kỳ họp, đồng chí {cthd}, Chủ tịch {hdnd}, đề nghị {ubnd} khẩn trương cụ thể hóa các nghị quyết vừa được thông qua.",
    "Các nghị quyết được thông qua với tỷ lệ đồng thuận cao, thể hiện trách nhiệm của đại biểu trước cử tri và Nhân dân.",
    "Kỳ họp được truyền hình, phát thanh trực tiếp để cử tri và Nhân dân theo dõi, giám sát.",
)
DISTRICT_TALK = (
    "Tại cuộc họp, lãnh đạo các phòng, ban chuyên môn đã báo cáo tình hình thực hiện nhiệm vụ thuộc lĩnh vực phụ trách và đề xuất chỉ tiêu cho năm tới.",
    "Đồng chí Chủ tịch {ubnd} đề nghị các phòng, ban rà soát, đối chiếu với Nghị quyết Đại hội Đảng bộ {dv} để xác định chỉ tiêu phù hợp.",
    "Các xã, thị trấn được yêu cầu chủ động xây dựng kế hoạch, tập trung vào những lĩnh vực còn yếu, những tiêu chí còn thiếu.",
    "{ubnd} đề nghị Phòng Tài chính - Kế hoạch tổng hợp ý kiến, hoàn thiện dự thảo kế hoạch trước khi báo cáo Ban Thường vụ {party}.",
    "{dv} tiếp tục tập trung hoàn thành hạ tầng các cụm công nghiệp, chợ, trường học và các công trình giao thông nông thôn.",
)
# In every district's news, after its opening: another district named ({lang}).
NEIGHBOUR = (
    "{ubnd} thống nhất phối hợp chặt chẽ với {lang} trong quản lý đất đai, trật tự xây dựng ở các địa bàn giáp ranh.",
    "Lãnh đạo {lang} cũng dự và chia sẻ kinh nghiệm xây dựng nông thôn mới.",
)
SECTORS = ("Tài chính", "Kế hoạch và Đầu tư", "Công Thương", "Nông nghiệp và Phát triển nông thôn",
           "Xây dựng", "Giao thông vận tải", "Y tế", "Giáo dục và Đào tạo",
           "Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh và Xã hội",
           "Tài nguyên và Môi trường")  # fmt: skip
OFFICES = ("Phòng Tài chính - Kế hoạch", "Phòng Kinh tế và Hạ tầng",
           "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Lao động - Thương binh và Xã hội",
           "Phòng Văn hóa và Thông tin", "Phòng Tài nguyên và Môi trường")  # fmt: skip
LEADS = ("Thực hiện", "Triển khai", "Quán triệt", "Bám sát", "Căn cứ", "Theo")
CITE_REST = (
    "các sở, ngành, địa phương đã khẩn trương xây dựng chương trình, kế hoạch hành động cụ thể",
    "{ubnd} đã giao chỉ tiêu cho các {nganh} và địa phương ngay từ đầu năm",
    "các cấp, các ngành đã chủ động triển khai nhiều giải pháp đồng bộ, quyết liệt",
    "{dv} xác định chủ đề công tác của năm là tăng cường kỷ luật, kỷ cương, nâng cao hiệu quả",
    "toàn {dv} tập trung huy động các nguồn lực cho đầu tư phát triển",
)
ROMAN = ("I", "II", "III", "IV")


# --------------------------------------------------------------------------- documents

KINDS = ("plan", "review", "session", "half", "district_plan", "theme", "plan", "district_review",
         "quarter", "review", "theme", "session")  # fmt: skip


@dataclass
class Doc:
    index: int
    kind: str
    place: Place
    year: int  # the year the document is about
    date: dt.date
    path: str
    targets: list[str] = field(default_factory=list)  # indicators with a target of `year`
    results: list[tuple[str, str, str]] = field(default_factory=list)  # (ind, period, status)
    term: list[str] = field(default_factory=list)  # targets of the five-year plan
    cites: list[str] = field(default_factory=list)  # resolution ids, cited in full
    theme: int | None = None
    wrong: dict[str, float] = field(default_factory=dict)  # fact id -> a wrong figure
    wrong_number: dict[str, int] = field(default_factory=dict)  # resolution id -> number
    quotes: dict[str, str] = field(default_factory=dict)  # resolution id -> first citation
    stated: list[tuple[str, str]] = field(default_factory=list)  # (fact id, figure) rendered

    def fact(self, ind: str, period: str, status: str) -> Fact:
        return (self.place.province, self.place.district, ind, period, status)


def fact_id(fact: Fact) -> str:
    return "|".join(str(p) for p in fact)


def term_of(year: int) -> str:
    first = 2016 if year <= 2020 else 2021
    return f"T{first}-{first + 4}"


class Corpus:
    """Plans the documents (what each states and cites), then renders them."""

    def __init__(self, n_docs: int, seed: int, rate: int = 50, avg_kb: float = 6.0) -> None:
        if n_docs < 1:
            raise ValueError("--docs must be at least 1")
        self.n_docs, self.seed, self.rate, self.avg_kb = n_docs, seed, rate, avg_kb
        self.world = World(seed)
        self.registry = Registry(seed)
        self.districts: dict[str, tuple[str, ...]] = {}
        self.core: dict[str, tuple[str, ...]] = {}
        self.docs: list[Doc] = []
        self.injected: list[dict[str, object]] = []
        self._plan()

    # ----------------------------------------------------------------- planning

    def _slots(self) -> list[tuple[str, bool, int]]:
        rng = stable_rng(self.seed, "slots")
        table = list(provinces())
        rng.shuffle(table)
        # Provinces with hard district names first, so that small archives have them.
        table.sort(key=lambda row: not any(hard(d, row[2]) for d in row[2]))
        years = {name: rng.sample(YEARS, len(YEARS)) for name, _, _ in table}
        per_slot = 8
        wanted = max(1, min(len(table) * len(YEARS), math.ceil(self.n_docs / per_slot)))
        slots: list[tuple[str, bool, int]] = []
        for round_ in range(len(YEARS)):
            for name, city, districts in table:
                if len(slots) < wanted:
                    slots.append((name, city, years[name][round_]))
                if name not in self.districts:
                    pick = stable_rng(self.seed, "districts", name)
                    chosen = sorted(pick.sample(districts, min(2, len(districts))))
                    self.districts[name] = self._hard_pick(name, districts) or tuple(chosen)
                    excluded = set(pick.sample(TOP, 4))
                    self.core[name] = tuple(i for i in TOP if i not in excluded)
        return slots

    def _hard_pick(self, province: str, districts: tuple[str, ...]) -> tuple[str, ...]:
        """Two hard districts of `province`, a huyện and a thị xã of one name if it has
        them; empty when it has no hard name."""
        found = [d for d in districts if hard(d, districts)]
        by_short: dict[str, list[str]] = defaultdict(list)
        for d in found:
            by_short[Place(province, False, d).short].append(d)
        rng = stable_rng(self.seed, "hard", province)
        pairs = [tuple(sorted(p)) for p in by_short.values() if len(p) == 2]
        if pairs:
            return rng.choice(pairs)
        return tuple(sorted(rng.sample(found, min(2, len(found)))))

    def _plan(self) -> None:
        slots = self._slots()
        for name in sorted({s[0] for s in slots}):
            self.registry.build(name, self.districts[name])
        base, extra = divmod(self.n_docs, len(slots))
        index = 0
        for s, (province, city, year) in enumerate(slots):
            for k in range(base + (1 if s < extra else 0)):
                self.docs.append(self._plan_doc(index, province, city, year, KINDS[k % len(KINDS)]))
                index += 1
        self._inject()

    def _plan_doc(self, index: int, province: str, city: bool, year: int, kind: str) -> Doc:
        rng = stable_rng(self.seed, "doc", index)
        districts = self.districts[province]
        if kind.startswith("district") and not districts:
            kind = "theme"
        if kind == "half" and year == YEARS[-1]:
            kind = "quarter"  # news of mid-2025 would be about the merged provinces
        district = (
            districts[index // len(KINDS) % len(districts)] if kind.startswith("district") else None
        )
        place = Place(province, city, district)
        core = (
            [i for i in self.core[province] if i in DISTRICT]
            if district
            else list(self.core[province])
        )
        results = [i for i in core if i in RESULT_TOP]
        reg = self.registry
        own = f"{province}|{district}" if district else province
        council = reg.by_id[f"{own}|{year}"] if district else reg.by_id[f"{province}|hdnd|{year}"]
        if kind == "plan":
            date = council.date + dt.timedelta(days=rng.randint(4, 18))
        elif kind == "session":
            date = council.date + dt.timedelta(days=rng.randint(0, 2))
        elif kind == "review":
            date = dt.date(year, rng.randint(1, 3), rng.randint(5, 28))
        elif kind == "half":
            date = dt.date(year, 7, rng.randint(3, 28))
        elif kind == "quarter":
            date = dt.date(year, 4, rng.randint(3, 25))
        elif kind == "district_plan":
            date = dt.date(year - 1, rng.choice((9, 10, 11, 12)), rng.randint(1, 28))
        elif kind == "district_review":
            date = dt.date(year, rng.randint(1, 6), rng.randint(1, 28))
        else:  # theme
            last = 6 if year == YEARS[-1] else 12
            date = dt.date(year, rng.randint(2, last), rng.randint(1, 28))
        date = min(date, MERGER - dt.timedelta(days=1))
        folder = f"{slug(province)}/{year}"
        name = f"{slug(district)}-" if district else ""
        doc = Doc(index, kind, place, year, date, f"{folder}/{name}{kind}-{index:05d}.md")

        def pick(pool: list[str] | tuple[str, ...], lo: int, hi: int) -> list[str]:
            pool = list(pool)
            return rng.sample(pool, min(len(pool), rng.randint(lo, hi)))

        if kind == "plan":
            doc.targets = pick(core, 12, 20)
            doc.results = [(i, f"Y{year - 1}", "estimate") for i in pick(results, 4, 8)]
            if rng.random() < 0.35:
                doc.term = pick(TERM, 1, 3)
        elif kind == "session":
            doc.targets = pick(core, 8, 14)
        elif kind == "review":
            doc.results = [(i, f"Y{year - 1}", "actual") for i in pick(results, 4, 9)]
            doc.targets = pick(core, 4, 8)
        elif kind == "half":
            doc.results = [(i, f"H1-{year}", "estimate") for i in pick(HALF_YEAR, 3, 6)]
            doc.targets = pick(core, 3, 7)
        elif kind == "quarter":
            doc.results = [(i, f"Q1-{year}", "estimate") for i in pick(HALF_YEAR, 2, 4)]
            doc.targets = pick(core, 2, 5)
        elif kind == "district_plan":
            doc.targets = pick(core, 5, 9)
        elif kind == "district_review":
            doc.results = [(i, f"Y{year - 1}", "actual") for i in pick(results, 3, 6)]
            doc.targets = pick(core, 3, 6)
        else:
            themes = [t for t, res in enumerate(reg.themes[province]) if res.date < date]
            if themes:
                doc.theme = rng.choice(themes)
                related = [i for i in THEMES[doc.theme][3] if i in core]
                doc.targets = related or pick(core, 2, 3)
            else:
                doc.targets = pick(core, 2, 4)
            if rng.random() < 0.3:
                doc.term = pick(TERM, 1, 2)
        doc.cites = self._cites(doc, rng)
        return doc

    def _cites(self, doc: Doc, rng: random.Random) -> list[str]:
        reg, province, year = self.registry, doc.place.province, doc.year
        if doc.place.district:
            candidates = [f"{province}|{doc.place.district}|{year}"]
        else:
            candidates = [f"{province}|hdnd|{year}", f"{province}|party|{year}",
                          f"{province}|ubnd|{year}"]  # fmt: skip
            if doc.theme is not None:
                candidates.insert(0, reg.themes[province][doc.theme].id)
        cited = [c for c in candidates if reg.by_id[c].date < doc.date]
        if doc.kind in ("review", "half", "quarter") and not doc.place.district:
            gov = reg.government(year)
            if gov.date < doc.date and rng.random() < 0.4:
                cited.append(gov.id)
        keep = [c for c in cited if rng.random() < 0.75 or c.endswith("|hdnd|" + str(year))]
        return keep[:3]

    # ----------------------------------------------------------------- contradictions

    def _inject(self) -> None:
        wanted = max(2, round(self.n_docs / self.rate))
        rng = stable_rng(self.seed, "inject")
        stated: dict[Fact, list[Doc]] = defaultdict(list)
        for doc in self.docs:
            for ind in doc.targets:
                stated[doc.fact(ind, f"Y{doc.year}", "target")].append(doc)
        cited: dict[tuple[str, str | None], list[Doc]] = defaultdict(list)
        for doc in self.docs:
            for res in doc.cites:
                if not res.startswith("government"):
                    cited[(res, doc.place.district)].append(doc)
        nu = [(f, d) for f, d in stated.items() if len({x.path for x in d}) >= 2]
        vb = [(r, d) for r, d in cited.items() if len({x.path for x in d}) >= 2]
        rng.shuffle(nu)
        rng.shuffle(vb)
        busy: set[str] = set()
        for k in range(wanted):
            # NU01 and VB01 in turn; when one kind has no candidate left, the other.
            for code in ("NU01", "VB01") if k % 2 == 0 else ("VB01", "NU01"):
                if entry := self._inject_one(code, nu if code == "NU01" else vb, busy, rng):
                    self.injected.append(entry)
                    break

    def _inject_one(
        self,
        code: str,
        pool: list[tuple[Fact, list[Doc]]] | list[tuple[tuple[str, str | None], list[Doc]]],
        busy: set[str],
        rng: random.Random,
    ) -> dict[str, object] | None:
        while pool:
            key, docs = pool.pop()
            docs = [d for d in docs if d.path not in busy]
            if len(docs) < 2:
                continue
            bad, good = docs[-1], docs[0]
            if code == "NU01":
                entry = self._inject_figure(key, bad, good, rng)  # type: ignore[arg-type]
            else:
                entry = self._inject_number(str(key[0]), bad, good, rng)
            if entry is not None:
                busy.update((bad.path, good.path))
                return entry
        return None

    def _inject_figure(
        self, fact: Fact, bad: Doc, good: Doc, rng: random.Random
    ) -> dict[str, object] | None:
        truth = self.world.truth(fact)
        ind = BY_ID[fact[2]]
        if ind.direction == "range":
            assert truth.high is not None
            value = round(truth.high * rng.uniform(1.3, 1.6), 1)
        elif ind.direction == "down":
            value = round(truth.value * rng.uniform(1.15, 1.3), truth.decimals)
            if value <= truth.value * 1.06:
                return None
        else:
            value = truth.value * rng.uniform(0.78, 0.88)
            value = (
                round_sig(value, max(2, len(vn_number(truth.value, 0).replace(".", "")) - 1))
                if truth.decimals == 0 and value >= 100
                else round(value, truth.decimals)
            )
            if not 0 < value < truth.value * 0.94:
                return None
        key = fact_id(fact)
        bad.wrong[key] = value
        return {"code": "NU01", "fact": key, "files": [bad.path, good.path]}

    def _inject_number(
        self, res_id: str, bad: Doc, good: Doc, rng: random.Random
    ) -> dict[str, object] | None:
        res = self.registry.by_id[res_id]
        bad.wrong_number[res_id] = self.registry.wrong_number(res, bad.place.province, rng)
        return {"code": "VB01", "resolution": res_id, "files": [bad.path, good.path]}

    # ----------------------------------------------------------------- rendering

    def render(self, doc: Doc) -> str:
        return Renderer(self, doc).text()


class Renderer:
    """One document's text; every figure and citation comes from the corpus' truth."""

    def __init__(self, corpus: Corpus, doc: Doc) -> None:
        self.corpus, self.doc = corpus, doc
        self.rng = stable_rng(corpus.seed, "render", doc.index)
        place, seed, term = doc.place, corpus.seed, doc.year // 5
        party = "Thành ủy" if place.city else "Tỉnh ủy"
        ten = spelled(place.short, self.rng) if place.district else place.short
        ubnd = f"UBND {place.unit}"
        if place.unit == "thị xã" and self.rng.random() < 0.4:
            ubnd = "UBND TX"
        self.slots = {
            "dv": place.unit,
            "ten": ten,
            "lang": self._neighbour(),
            "bt": person(seed, "bt", place.province, place.district, term),
            "ct": person(seed, "ct", place.province, place.district, term),
            "cthd": person(seed, "cthd", place.province, place.district, term),
            "pct": person(seed, "pct", place.province, place.district, doc.year),
            "nganh": "phòng, ban, ngành" if place.district else "sở, ban, ngành",
            "ubnd": ubnd,
            "hdnd": f"HĐND {place.unit}",
            "party": {"huyện": "Huyện ủy", "thị xã": "Thị ủy"}.get(place.unit, party),
        }
        banks = [SPEECH, TASKS, CLOSING, SCENE[2:]]
        if doc.kind == "session":
            banks.append(SESSION)
        if place.district:
            banks.append(DISTRICT_TALK)
        self._prose = [s for bank in banks for s in bank]
        self.rng.shuffle(self._prose)

    # ----------------------------------------------------------------- helpers

    def fill(self, template: str, capitalize: bool = True) -> str:
        rng = self.rng
        office = rng.choice(OFFICES) if self.doc.place.district else f"Sở {rng.choice(SECTORS)}"
        extra = {"coquan": office, "noi": self._somewhere(), "han": self._deadline()}
        text = template.format(**self.slots, **extra)
        return cap(text) if capitalize else text

    def _neighbour(self) -> str:
        """Another district of the province, named in a district's own news: the twin
        of one name ("huyện Cai Lậy" in news of "thị xã Cai Lậy") where there is one."""
        place = self.doc.place
        others = [d for d in self.corpus.districts[place.province] if d != place.district]
        if not place.district or not others:
            return "các địa phương lân cận"
        other = Place(place.province, False, others[0])
        return f"{other.unit} {spelled(other.short, self.rng)}"

    def _somewhere(self) -> str:
        districts = self.corpus.districts[self.doc.place.province]
        if self.doc.place.district or not districts:
            return f"{self.doc.place.unit} {self.slots['ten']}"
        d = Place(self.doc.place.province, False, self.rng.choice(districts))
        return f"{d.unit} {d.short}"

    def _deadline(self) -> str:
        day = self.doc.date + dt.timedelta(days=self.rng.randint(10, 40))
        return f"{day.day}/{day.month}/{day.year}"

    def prose(self, count: int) -> str:
        """A paragraph of ordinary sentences, none repeated before all were used."""
        out = []
        for _ in range(count):
            if not self._prose:
                self._prose = [*SPEECH, *TASKS, *CLOSING]
                self.rng.shuffle(self._prose)
            out.append(self.fill(self._prose.pop()))
        return " ".join(out)

    # ----------------------------------------------------------------- figures

    def figure(self, fact: Fact, status: str, last: bool) -> str:
        """The figure of `fact` with a comparator its truth allows and its unit.

        `last`: the figure ends its clause, so "trở lên" may follow it."""
        ind = BY_ID[fact[2]]
        truth = self.corpus.world.truth(fact)
        rng = self.rng
        wrong = self.doc.wrong.get(fact_id(fact))
        if truth.high is not None and wrong is None:
            a, b = vn_number(truth.value, 1), vn_number(truth.high, 1)
            return rng.choice((f"{a} - {b}%", f"từ {a} đến {b}%"))
        value = truth.value if wrong is None else wrong
        decimals = truth.decimals if wrong is None else decimals_of(wrong)
        before, after = "", ""
        if wrong is not None:
            pass  # a plain figure: "đạt 47.000 tỷ đồng"
        elif status == "target":
            if ind.direction == "down":
                options = ("dưới ",) if truth.strict else ("", "", "khoảng ")
            elif truth.strict:
                options = ("trên ", "hơn ", "trên ", "ít nhất ", "+ trở lên")
            else:
                options = ("", "", "", "khoảng ", "ít nhất ", "+ trở lên")
            choice = rng.choice(options)
            if choice.startswith("+") and not last:  # "trở lên" only ends a clause
                choice = "trên " if truth.strict else ""
            if choice.startswith("+"):
                after = choice[1:]
            else:
                before = choice
        else:
            roll = rng.random()
            floor = lower_bound_below(value) if ind.direction == "up" else None
            if roll < 0.15:
                before = "khoảng "
            elif roll < 0.3 and floor is not None:
                before, value, decimals = rng.choice(("trên ", "hơn ")), floor, decimals_of(floor)
        number, unit = self._number(ind, value, decimals)
        return f"{before}{number}{unit}{after}"

    def _number(self, ind: Indicator, value: float, decimals: int) -> tuple[str, str]:
        rng, unit = self.rng, ind.unit
        if unit == "%":
            return vn_number(value, decimals), "%"
        if unit == "tỷ đồng":
            if value >= 10_000 and value % 100 == 0 and rng.random() < 0.3:
                return vn_number(value / 1000, 2), " nghìn tỷ đồng"
            return vn_number(value, decimals), " tỷ đồng"
        if unit == "triệu USD":
            if value >= 1000 and rng.random() < 0.7:
                return vn_number(value / 1000, 3), " tỷ USD"
            return vn_number(value, decimals), " triệu USD"
        if unit == "lượt khách" and value >= 1_000_000:
            if value % 10_000 == 0 and rng.random() < 0.7:
                return vn_number(value / 1_000_000, 2), " triệu lượt khách"
            return vn_number(value, 0), " lượt khách"
        if unit.endswith("/vạn dân"):
            noun = unit.split("/")[0]
            return vn_number(value, decimals), f" {noun}/{rng.choice(('vạn dân', '1 vạn dân'))}"
        return vn_number(value, decimals), f" {unit}"

    def clause(self, ind_id: str, period: str, status: str) -> str:
        """One clause stating a figure, with its parts ("trong đó ...") when it has any."""
        doc, rng = self.doc, self.rng
        ind = BY_ID[ind_id]
        fact = doc.fact(ind_id, period, status)
        form = rng.choice(ind.forms)
        figure = self.figure(fact, status, last=form.endswith("{f}"))
        name = rng.choice(ind.names).replace("{dv}", doc.place.unit) if ind.names else ""
        if "(GRDP)" in name and doc.place.district:
            name = "tốc độ tăng trưởng kinh tế"
        verb = rng.choice(VERBS[ind.verb][status])
        prefix = "ước " if status == "estimate" else ""
        text = re.sub(r"\s+", " ", form.format(name=name, v=verb, p=prefix, f=figure).strip())
        doc.stated.append((fact_id(fact), figure))
        parts = list(PARTS.get(ind_id, ()))
        if ind_id == "grdp_growth" and (status == "target" or not period.startswith(("Y", "H"))):
            parts = []  # sectors are only stated as results
        if parts and not period.startswith("T") and rng.random() < 0.45:
            if ind_id == "state_budget_revenue":
                parts = rng.sample(parts, rng.randint(1, 2))
            inner = [self.clause(p, period, status) for p in parts]
            text += ", trong đó " + (
                "; ".join(inner) if ind_id == "grdp_growth" else " và ".join(inner)
            )
        return text

    # ----------------------------------------------------------------- sections

    def targets(self) -> list[str]:
        """Sentences stating the year's targets, economy first, then society, environment."""
        doc, rng = self.doc, self.rng
        if not doc.targets:
            return []
        y, dv = doc.year, doc.place.unit
        future = doc.date < dt.date(y, 1, 1)  # before the year, every figure of it is a target
        if doc.place.district:
            leads = (f"Dự kiến các chỉ tiêu năm {y}: ", f"Chỉ tiêu năm {y} của {dv}: ",
                     f"Năm {y}, {dv} phấn đấu ", f"Mục tiêu năm {y}: ")  # fmt: skip
        else:
            leads = (f"Chỉ tiêu năm {y}: ", f"Các chỉ tiêu chủ yếu năm {y}: ",
                     f"Theo đó, các chỉ tiêu đặt ra trong năm {y} là ",
                     f"Năm {y}, {dv} phấn đấu ", f"Mục tiêu năm {y}: ",
                     f"{cap(dv)} đề ra mục tiêu năm {y}: ")  # fmt: skip
        topics = {"econ": "Về kinh tế, ", "social": "Về xã hội, ", "env": "Về môi trường, "}
        groups: dict[str, list[str]] = defaultdict(list)
        for ind in doc.targets:
            groups[BY_ID[ind].domain].append(ind)
        ordered = [g for g in (groups["econ"], groups["social"], groups["env"]) if g]
        if len(ordered) > 1 and len(ordered[0]) + len(ordered[1]) <= 4:
            ordered[0:2] = [ordered[0] + ordered[1]]
        sentences = []
        for g, group in enumerate(ordered):
            body = rng.choice(("; ", "; ", ", ")).join(
                self.clause(i, f"Y{y}", "target") for i in group
            )
            if g == 0:
                lead = rng.choice(leads)
            else:
                lead = topics[BY_ID[group[0]].domain]
                if not future:
                    lead += rng.choice((f"mục tiêu năm {y}: ", f"chỉ tiêu năm {y} là "))
            sentences.append(cap(lead + body) + ".")
        return sentences

    def results(self) -> list[str]:
        """Sentences stating estimates or results, each naming its period and status."""
        doc, rng = self.doc, self.rng
        by_period: dict[tuple[str, str], list[str]] = defaultdict(list)
        for ind, period, status in doc.results:
            by_period[(period, status)].append(ind)
        sentences = []
        for (period, status), inds in by_period.items():
            label = period_label(period)
            low = label[0].lower() + label[1:]
            if status == "estimate":
                leads: tuple[str, ...] = (f"{label}, ", f"Ước thực hiện {low}, ",
                                          f"Dự ước {low}, ")  # fmt: skip
                if period.startswith("Y"):
                    leads += (f"{label}, kinh tế của {doc.place.unit} tiếp tục phục hồi, ",)
            else:
                leads = (f"{label}, ", f"Kết thúc {low}, ", f"Trong {low}, ", f"Kết quả {low}: ")
            size = math.ceil(len(inds) / rng.randint(1, 2))
            for i in range(0, len(inds), size):
                clauses = [self.clause(ind, period, status) for ind in inds[i : i + size]]
                sentences.append(cap(rng.choice(leads) + "; ".join(clauses)) + ".")
        if doc.kind == "plan" and rng.random() < 0.5:
            total = rng.randint(20, 30)
            missed = rng.randint(1, 4)
            sentences.append(
                f"Dự ước năm {doc.year - 1}, {doc.place.unit} có {total - missed}/{total} chỉ "
                f"tiêu chủ yếu đạt và vượt kế hoạch, {missed:02d} chỉ tiêu không đạt kế hoạch."
            )
        return sentences

    def term(self) -> list[str]:
        doc = self.doc
        if not doc.term:
            return []
        period = term_of(doc.year)
        first, last = period[1:5], period[6:10]
        clauses = [self.clause(i, period, "target") for i in doc.term]
        lead = self.rng.choice((f"Mục tiêu giai đoạn {first} - {last}: ",
                                f"Mục tiêu cả giai đoạn {first} - {last} là "))  # fmt: skip
        return [lead + "; ".join(clauses) + "."]

    def citation(self, res_id: str) -> str:
        """A citation in full: `Nghị quyết số 176/NQ-HĐND ngày 8/12/2023 của HĐND tỉnh`."""
        res = self.corpus.registry.by_id[res_id]
        rng, unit = self.rng, self.doc.place.unit
        number = self.doc.wrong_number.get(res_id, res.number)
        issuer = {
            "hdnd": rng.choice((f"HĐND {unit}", f"Hội đồng nhân dân {unit}")),
            "district_hdnd": rng.choice((f"HĐND {unit}", f"Hội đồng nhân dân {unit}")),
            "ubnd": rng.choice((f"UBND {unit}", f"Ủy ban nhân dân {unit}")),
            "party": rng.choice(
                ("Thành ủy", "Ban Chấp hành Đảng bộ thành phố") if self.doc.place.city
                else ("Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh", "BCH Đảng bộ tỉnh")),
            "government": "Chính phủ",
        }[res.body]  # fmt: skip
        symbol = res.symbol if rng.random() < 0.8 or res.body == "government" else ""
        day = res.date
        date = f"{day.day}/{day.month}/{day.year}"
        if rng.random() < 0.2:
            date = f"{day.day:02d}/{day.month:02d}/{day.year}"
        quote = f"{res.doc_type} số {number}{symbol} ngày {date} của {issuer}"
        self.doc.quotes.setdefault(res_id, quote)
        return quote

    def citing(self, res_id: str) -> str:
        """A sentence implementing a resolution; its subject follows "về"."""
        res = self.corpus.registry.by_id[res_id]
        subject = res.subject.replace("{dv}", self.doc.place.unit)
        rest = self.fill(self.rng.choice(CITE_REST), capitalize=False)
        return f"{self.rng.choice(LEADS)} {self.citation(res_id)} về {subject}, {rest}"

    def short_form(self, res_id: str) -> str | None:
        """`Nghị quyết 176 của HĐND tỉnh`, after the full citation in the same document."""
        res = self.corpus.registry.by_id[res_id]
        if res.body not in ("hdnd", "party"):
            return None
        number = self.doc.wrong_number.get(res_id, res.number)
        body = self.slots["hdnd"] if res.body == "hdnd" else self.slots["party"]
        return (
            f"Các sở, ngành, địa phương khẩn trương xây dựng kế hoạch thực hiện "
            f"{res.doc_type} {number} của {body}, báo cáo {self.slots['ubnd']} trước ngày "
            f"{self._deadline()}."
        )

    # ----------------------------------------------------------------- the document

    def title(self) -> str:
        doc = self.doc
        y, ten, dv = doc.year, self.slots["ten"], cap(doc.place.unit)
        ubnd, hdnd = self.slots["ubnd"], self.slots["hdnd"]
        titles = {
            "plan": (f"{ten} triển khai nhiệm vụ phát triển kinh tế - xã hội năm {y}",
                     f"Hội nghị triển khai kế hoạch phát triển kinh tế - xã hội năm {y}",
                     f"{ten} đặt mục tiêu tăng trưởng năm {y}"),
            "session": (f"Kỳ họp cuối năm {hdnd} {ten}: quyết nghị các chỉ tiêu năm {y}",
                        f"{hdnd} {ten} thông qua nghị quyết về nhiệm vụ năm {y}"),
            "review": (f"{ten} tổng kết năm {y - 1}, triển khai nhiệm vụ năm {y}",
                       f"{ubnd} {ten} triển khai nhiệm vụ năm {y}"),
            "half": (f"Kinh tế {ten} 6 tháng đầu năm {y} duy trì đà tăng trưởng",
                     f"{ubnd} {ten} họp phiên thường kỳ tháng 7/{y}"),
            "quarter": (f"{ten}: kinh tế quý I/{y} khởi sắc",
                        f"{ubnd} {ten} đánh giá tình hình quý I/{y}"),
            "district_plan": (f"{ubnd} {ten} họp nghe dự kiến các chỉ tiêu phát triển kinh tế - xã hội năm {y}",
                              f"{dv} {ten} xây dựng kế hoạch năm {y}"),
            "district_review": (f"{dv} {ten} triển khai nhiệm vụ năm {y}",
                                f"{ubnd} {ten} đánh giá kết quả năm {y - 1}"),
            "theme": (f"{ten} quyết liệt thực hiện các mục tiêu năm {y}",
                      f"{dv} {ten} tạo chuyển biến trong thực hiện nghị quyết chuyên đề"),
        }[doc.kind]  # fmt: skip
        return self.rng.choice(titles)

    def intro(self) -> str:
        doc, rng, s = self.doc, self.rng, self.slots
        d, y = doc.date, doc.year
        when = rng.choice((f"Ngày {d.day}/{d.month}", f"Chiều {d.day}/{d.month}",
                           f"Sáng {d.day}/{d.month}", f"Ngày {d.day}/{d.month}/{d.year}"))  # fmt: skip
        what = {
            "plan": f"{s['ubnd']} tổ chức hội nghị trực tuyến triển khai nhiệm vụ phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm {y}.",
            "session": f"{s['hdnd']} tổ chức kỳ họp thường lệ cuối năm để xem xét, quyết định nhiều nội dung quan trọng.",
            "review": f"{s['ubnd']} tổ chức hội nghị tổng kết công tác năm {y - 1}, triển khai nhiệm vụ năm {y}.",
            "half": f"{s['ubnd']} họp phiên thường kỳ đánh giá tình hình phát triển kinh tế - xã hội 6 tháng đầu năm.",
            "quarter": f"{s['ubnd']} họp đánh giá tình hình kinh tế - xã hội quý I, triển khai nhiệm vụ những tháng tiếp theo.",
            "district_plan": f"đồng chí {s['ct']}, Chủ tịch {s['ubnd']}, chủ trì cuộc họp nghe dự kiến các chỉ tiêu phát triển kinh tế - xã hội năm {y}.",
            "district_review": f"{s['ubnd']} tổ chức hội nghị triển khai nhiệm vụ năm {y}.",
            "theme": f"đoàn công tác của {s['ubnd']} do đồng chí {s['pct']}, Phó Chủ tịch {s['ubnd']}, làm trưởng đoàn đã làm việc với các sở, ngành về tình hình thực hiện các nghị quyết chuyên đề.",
        }[doc.kind]  # fmt: skip
        if doc.place.district and rng.random() < 0.5:  # the body named with its unit
            kind = "thành phố" if doc.place.city else "tỉnh"
            where = rng.choice(("", f" ({doc.place.province})", f", {kind} {doc.place.province},"))
            what = what.replace(s["ubnd"], f"{s['ubnd']} {s['ten']}{where}", 1)
        scenes = {"session": SESSION[:1], "theme": SCENE[4:5]}.get(doc.kind, SCENE[:2])
        scene = self.fill(rng.choice(scenes))
        return f"{when}, {what} {scene}"

    def text(self) -> str:
        doc, rng = self.doc, self.rng
        body: list[str] = [self.intro()]
        if doc.place.district:
            body[0] += " " + self.fill(rng.choice(NEIGHBOUR))
        if results := self.results():
            body.append(" ".join(results))
        cites = [self.citing(r) + "." for r in doc.cites]
        targets = self.targets()
        if doc.kind in ("plan", "session", "district_plan") or rng.random() < 0.5:
            body.append(" ".join([*cites, *targets]))
        else:
            body.append(" ".join(targets))
            if cites:
                body.append(self.prose(1) + " " + " ".join(cites))
        body.extend(self.term())
        if doc.cites and rng.random() < 0.3 and (short := self.short_form(doc.cites[0])):
            body.append(short)
        body = [p for p in body if p]
        # Ordinary paragraphs up to the document's size; sizes spread like an archive's.
        mean = self.corpus.avg_kb * 1000
        wanted = min(4 * mean, max(mean / 4, rng.lognormvariate(math.log(mean) - 0.125, 0.5)))
        wanted -= 450  # the front matter, the title and the last paragraph's overshoot
        size = sum(len(p.encode()) for p in body)
        prose = []
        while size < wanted:
            paragraph = self.prose(rng.randint(2, 4))
            prose.append(paragraph)
            size += len(paragraph.encode()) + 2
        cut = rng.randint(0, len(prose))
        body = [body[0], *prose[:cut], *body[1:], *prose[cut:]]
        meta = [f"date: {doc.date.isoformat()}", f"province: {doc.place.province}"]
        if doc.place.district and rng.random() < 0.25:  # else the linter reads it in the text
            meta.append(f"district: {doc.place.unit} {self.slots['ten']}")
        head = "---\n" + "\n".join(meta) + "\n---\n# " + self.title() + "\n\n"
        return head + "\n\n".join(body) + "\n"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def period_label(period: str) -> str:
    if period.startswith("H1-"):
        return f"6 tháng đầu năm {period[3:]}"
    if period.startswith("Q1-"):
        return f"Quý I/{period[3:]}"
    return f"Năm {period[1:]}"


# --------------------------------------------------------------------------- output


def generate(
    out_dir: Path, n_docs: int, seed: int, rate: int = 50, avg_kb: float = 6.0
) -> dict[str, object]:
    """Write the corpus and its manifest into `out_dir`; returns the manifest."""
    started = time.perf_counter()
    corpus = Corpus(n_docs, seed, rate, avg_kb)
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    made: set[Path] = set()
    for doc in corpus.docs:
        path = out_dir / doc.path
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = corpus.render(doc).encode()
        path.write_bytes(data)
        total += len(data)
    by_path = {d.path: d for d in corpus.docs}
    injected = []
    for entry in corpus.injected:
        key = str(entry.get("fact") or entry.get("resolution"))
        files = []
        for path in entry["files"]:  # type: ignore[attr-defined]
            doc = by_path[path]
            quote = doc.quotes.get(key) or next((q for f, q in doc.stated if f == key), "")
            files.append({"path": path, "quote": quote})
        injected.append({**entry, "files": files})
    manifest: dict[str, object] = {
        "generator": GENERATOR_VERSION,
        "seed": seed,
        "documents": n_docs,
        "rate": rate,
        "bytes": total,
        "provinces": len({d.place.province for d in corpus.docs}),
        "injected": injected,
    }
    (out_dir / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return {**manifest, "seconds": round(time.perf_counter() - started, 2)}


def draft(n_docs: int, seed: int, rate: int = 50) -> tuple[str, str]:
    """A new announcement for the corpus of (`n_docs`, `seed`): the plan of the first
    province and year restated once more, one target wrong. Returns (text, that figure)."""
    corpus = Corpus(n_docs, seed, rate)
    first = corpus.docs[0]
    doc = Doc(10**6, "plan", first.place, first.year, first.date, "draft.md")
    doc.targets = list(corpus.core[first.place.province])
    stated = {i for d in corpus.docs if d.place == first.place and d.year == first.year
              for i in d.targets}  # fmt: skip
    wrong = next((i for i in doc.targets if i in stated and BY_ID[i].direction == "up"), None)
    key = None
    if wrong is not None:
        fact = doc.fact(wrong, f"Y{doc.year}", "target")
        truth = corpus.world.truth(fact)
        key = fact_id(fact)
        doc.wrong[key] = round(truth.value * 0.8, truth.decimals)
    text = Renderer(corpus, doc).text()
    return text, next((q for f, q in doc.stated if f == key), "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--docs", type=int, default=1000, help="number of documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=int, default=50, help="one contradiction per RATE documents")
    parser.add_argument("--avg-kb", type=float, default=6.0, help="average document size")
    args = parser.parse_args(argv)
    out: Path = args.out_dir
    if out.exists() and any(out.iterdir()):
        if not (out / MANIFEST).is_file():
            parser.error(f"{out} is not empty and holds no {MANIFEST}: refusing to overwrite it")
        shutil.rmtree(out)
    manifest = generate(out, args.docs, args.seed, args.rate, args.avg_kb)
    print(
        f"{manifest['documents']} documents, {int(manifest['bytes']) / 1e6:.1f} MB, "  # type: ignore[call-overload]
        f"{len(manifest['injected'])} contradictions, {manifest['seconds']} s -> {out}"  # type: ignore[arg-type]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
