"""The year an undated text calls the present one, read from its wording.

A phrase says which year is the present one ("năm nay (2017)", "6 tháng
đầu năm 2017", "từ đầu năm 2017 đến nay", "năm 2017 này", "so với cùng kỳ
năm 2016": 2017); the year said most often wins, with TEXT provenance.
Years still to come ("đến năm 2020", "tầm nhìn 2030", "giai đoạn
2016-2020"), bases of a comparison ("so với 6 tháng đầu năm 2016"), years in
a document's number ("718/2004/QĐ-UBND") and years merely named ("Thời điểm
năm 2014", "Luật HTX năm 2012") are no evidence: a lead names past years as
often as the present one (the latest year a lead named was the right one
for 60 % of the undated news2017 articles, too few to guess with).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from linter import nlp
from linter.data import places
from linter.models import Provenance

YEAR = r"((?:19|20)\d{2})(?!\d)"  # a year, as a regex group
_A_YEAR = re.compile(r"(?<![\d.,])" + YEAR + r"(?![.,]?\d|/\s*[a-zđ])")
# Where a year can begin: _A_YEAR opens on a lookbehind, which re tries at every
# character of the whole text; it is tried only here (`nlp.finditer_at`).
_CENTURY = re.compile(r"19|20")
_BEFORE = 40  # how far before a year its introducing words are looked for
_TO_DATE = re.compile(r"\)?\s*(?:đến|tới)\s+nay(?!\w)")  # "đầu năm 2017 đến nay"
_THIS = re.compile(r"\s+này(?!\w)")  # "năm 2017 này"


@lru_cache(maxsize=4)  # an undated text asks it for its date, then for its year
def present_year(folded: str) -> tuple[int | None, Provenance]:
    """The year the folded text calls the present one, TEXT; else (None, NONE)."""
    pats, said = _patterns(), Counter[int]()
    for m in nlp.finditer_at(_A_YEAR, _CENTURY, folded):
        year, before = int(m[1]), folded[max(0, m.start() - _BEFORE) : m.start()]
        after = folded[m.end() : m.end() + 6]
        if (
            pats["future_year"].search(before)
            or re.match(r"\s*[-–]\s*(?:19|20)\d\d", after)
            or re.search(r"(?:19|20)\d\d\s*[-–]\s*$", before)
        ):
            continue  # still to come, or a span ("2016-2020", "năm học 2017-2018")
        if pats["last_year"].search(before):
            said[year + 1] += 1
        elif "so với" in re.split(r"[.,;:()]", before)[-1]:
            continue  # a base of comparison: "so với 6 tháng đầu năm 2016"
        elif (
            pats["this_year"].search(before)
            or _THIS.match(folded, m.end())
            or (pats["year_to_date"].search(before) and _TO_DATE.match(folded, m.end()))
        ):
            said[year] += 1
    if said:
        return max(said, key=lambda y: (said[y], y)), Provenance.TEXT
    return None, Provenance.NONE


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    spec = places.places()
    # Each just before the year: "năm nay (2017)", "cùng kỳ năm 2016", "đến năm 2020".
    return {
        name: re.compile(
            rf"(?<!\w)(?:{places.alternatives(getattr(spec, name))})\s*[(:,]?\s*(?:năm\s*)?$"
        )
        for name in ("this_year", "year_to_date", "last_year", "future_year")
    }
