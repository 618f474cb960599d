"""A count of items that the list after it does not have."""

from __future__ import annotations

from collections.abc import Iterator

from linter import nlp
from linter.checking import Check, DocumentClaims, Group, evidence
from linter.claims.enumerations import Enumeration, find_enumerations
from linter.models import Finding, Severity


class ListCount(Check):
    """A list is announced with a count of items and then lists another number.

    "3 khâu đột phá: cải cách hành chính; phát triển nguồn nhân lực" names
    three and lists two; so does "ba nhiệm vụ trọng tâm là A và B". A count is
    one in digits or words (hai ... mười) before a counted noun of
    `linter/data/listing.yaml` ("khâu đột phá", "nhóm", "nhiệm vụ", ...), then
    ":", "gồm" or "là". The items are read on the lines below (by their marker:
    "-", "+", "1.", "a)", "(1)"), from "Thứ nhất, ... Thứ hai, ...", or inside
    the sentence: ";" always separates items, while "," and "và" may join words
    inside one item ("giáo dục, đào tạo và dạy nghề"), so a sentence's list is
    only flagged when the count is outside what it can hold. A list of names
    may follow any noun ("10 tuyến đường ... là Đồng Khởi, Nguyễn Thái Học,
    ...", "05 nhà chờ ... gồm: Bến xe Kim Mã: 522, Nguyễn Tuân: 302, ..."):
    when every item opens with a capital, what they name is what was counted
    (not after a count of years, ages or amounts, `not_named_things`).

    Why it matters: the count is what a reader remembers and the next report
    repeats ("3 khâu đột phá"); a list that says otherwise means an item was
    dropped, merged or added without the count.

    Known problems: a list separated by commas alone is flagged only when it
    has too few items, never too many (an item may hold a comma); a list that
    goes on in the next sentence without a marker is read as ended; examples
    ("như", "trong đó", "...") and sub-groups with counts of their own are not
    counted. A list of names is flagged only when it is short even if every
    "cùng", "với", "/" or dash joined two names ("Hà Nội - Hải Phòng" may be
    one route or two cities), and one item in lower case leaves it unread.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-07-05
        province: Đắk Lắk
        ---
        Tỉnh tập trung thực hiện 3 khâu đột phá: cải cách hành chính; phát triển nguồn nhân lực chất lượng cao.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-07-05
        province: Đắk Lắk
        ---
        Tỉnh tập trung thực hiện 3 khâu đột phá: cải cách hành chính; phát triển nguồn nhân lực chất lượng cao; xây dựng kết cấu hạ tầng.
    """

    code = "LI01"
    name = "list.count"
    severity = Severity.WARNING
    scope = "document"  # a finding is one document's, found from it alone

    def run(self, group: Group) -> Iterator[Finding]:
        for item in group.items:
            text = item.document.text
            for found in find_enumerations(text, nlp.lowered(text)):
                if not found.fewest <= found.said <= found.most:
                    yield self._finding(item, found, group)

    def _finding(self, item: DocumentClaims, found: Enumeration, group: Group) -> Finding:
        span = item.document.span(found.start, found.end)
        listed = _listed(found, group.lang)
        if group.lang == "en":
            message = f"The text announces {found.said} items and lists {listed}."
        else:
            message = f"Văn bản nêu {found.said} mục nhưng liệt kê {listed}."
        key = f"{self.code}|{span.quote}|{found.fewest}|{found.most}"
        district = item.document.meta.district
        return self.finding(message, [evidence(item, span)], group, district=district, key=key)


def _listed(found: Enumeration, lang: str) -> str:
    """ "2", or "at most 2" / "at least 4" when commas leave the count open."""
    if found.fewest == found.most:
        return str(found.fewest)
    if found.said > found.most:
        return f"at most {found.most}" if lang == "en" else f"nhiều nhất {found.most}"
    return f"at least {found.fewest}" if lang == "en" else f"ít nhất {found.fewest}"
