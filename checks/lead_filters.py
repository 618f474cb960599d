"""EV02's filters: which lead/body figure pairs that disagree are no conflict.

In: a report's text and two figures `linter.checking.likeness.conflicts` paired,
one of the lead and one of the body. Out: whether they are two things after all:
told apart by their sentences (`apart`: each names someone the other does not,
each is dated and no date is shared, each is what another counted group has)
or one is an order of magnitude that holds the other (`in_magnitude`). Each was
a false alarm on news2017; `checks/lead.py` pairs the figures and reports the rest.
"""

from __future__ import annotations

import re

from linter.checking.align import sentence_of
from linter.checking.apart import magnitude
from linter.models import Quantity

# Names (two or more capitalised words: "Yestech Vina", "Vĩnh Niệm") and dates
# ("6/2/2017", "31/1") of the sentence that holds a figure.
_NAME = re.compile(r"(?<![\w])[A-ZĐÂĂÊÔƠƯ][\w'-]*(?:\s+[A-ZĐÂĂÊÔƠƯ][\w'-]*)+")
_DATE = re.compile(r"(?<![\d/.-])\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?![\d,])")


def apart(text: str, qa: Quantity, qb: Quantity) -> bool:
    """Whether the two figures are told apart by their sentences: each names someone
    the other does not ("Công ty Yestech Vina ... 200 triệu đồng", "Công ty Willtech
    Vina ... 133 triệu đồng"), or each is dated and no date is shared ("ngày đầu tiên
    (6/2/2017) ... 173 lượt xe", "từ ngày 1/1/2017 đến ngày 31/1/2017 ... 9.394 lượt
    xe"), or each is what another counted group has ("51 tổ ... với 1.369 lao động",
    "39 tổ hợp tác ... với gần 3.000 lao động"). All were false alarms on news2017."""
    a, b = (sentence_of(text, q) for q in (qa, qb))
    names = [{n for n in _NAME.findall(s) if s.find(n) > 0} for s in (a, b)]
    if names[0] - names[1] and names[1] - names[0]:
        return True
    dates = [{re.sub(r"\s", "", d) for d in _DATE.findall(s)} for s in (a, b)]
    if dates[0] and dates[1] and not dates[0] & dates[1]:
        return True
    owners = [_owner(text, q) for q in (qa, qb)]
    return None not in owners and owners[0] != owners[1]


def in_magnitude(qa: Quantity, qb: Quantity) -> bool:
    """Whether one figure is an order of magnitude ("hàng chục hộ": 10 to 100, "hàng
    nghìn hecta") that holds the other ("60 hộ", "hơn 2.000 ha"): a lead or a body
    that says it loosely agrees. Both were false alarms on news2017."""
    for vague, exact in ((qa, qb), (qb, qa)):
        if magnitude(vague):  # "hàng chục": low and high are set
            return (vague.low or 0) <= exact.value <= (vague.high or 0)
    return False


# "51 tổ đoàn kết ... với 1.369 lao động": the figure is what a counted group has.
_OWNED = re.compile(r"(\d[\d.,]*)\s+(\w+(?:\s+\w+)?)[^\d.;:]*?\svới\s*$")


def _owner(text: str, q: Quantity) -> tuple[str, str] | None:
    """The counted group a figure is given "với" (with): "51 tổ đoàn" for "51 tổ đoàn
    kết ... với 1.369 lao động". Two figures of two groups ("39 tổ hợp tác ... với
    gần 3.000 lao động") are apart: a false alarm on news2017 (tien-giang)."""
    start, end = q.sentence
    at = text.find(q.span.quote, start, end)
    m = _OWNED.search(text[start:at].lower()) if at >= 0 else None
    return (m.group(1), m.group(2)) if m else None
