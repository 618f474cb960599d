"""Figures inside one document that do not add up: differences, parts, growth rates, shares.

The check is here; `reading` walks a document's sentences and hands each rule
what it reads (`candidates`, re-exported here). Each kind of arithmetic is read
in its own module (differences, partitions, totals, subsets, changes, rates,
shares, equivalents, portions, products), over the figures of `figures` and into
the `result` they share; `lists` holds what lists of parts have in common.
`fractions` and `breakdowns` read their figures from the text itself: the parser
reads no "64/67" and no bare count ("là 13.455,"); `products` reads from the text
what a price is per (the parser keeps "16 triệu đồng/tấn" but drops the "/m3" of
"45.000 đồng/m3").
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.arithmetic.breakdowns import Breakdown, breakdowns
from checks.arithmetic.figures import _lower
from checks.arithmetic.fractions import FractionSlip, fraction_slips
from checks.arithmetic.reading import candidates
from checks.arithmetic.result import _ROLES, _Arithmetic, _number, bound_message
from linter.checking import Check, DocumentClaims, Group, evidence
from linter.models import Finding, Severity

__all__ = ["ArithmeticMismatch", "candidates"]


class ArithmeticMismatch(Check):
    """Figures of one document that are stated together do not add up.

    Kinds of arithmetic a reader can redo from the text alone:

    - a stated difference against the two levels it comes from ("chênh lệch
      giảm 18,5 tỷ đồng. Số báo cáo là 1.520 tỷ đồng, kiểm toán xác nhận là
      1.310 tỷ đồng": 1.520 − 1.310 = 210, not 18,5);
    - parts listed after "gồm / bao gồm" that add up to more than the total
      they make up, one part after "trong đó" larger than its total, parts
      after "trong đó" that name one kind split by one word and add up to
      more than the total ("26 trường hợp ... Trong đó, ... báo động đỏ nội
      viện là 21 trường hợp, báo động đỏ liên viện là 6 trường hợp", or
      told apart by a split of linter/data/partitions.yaml: "nam ..., nữ ...",
      "trong nước ..., nước ngoài ...": info, since the parts may belong to
      another total than the one before them), parts and what is left
      ("còn lại r") that do not make the total up, or parts stated first and
      their total after "tổng cộng" ("15,5 tỷ đồng và ... thêm 500 triệu
      đồng, tổng cộng là 16 tỷ đồng": more than the total is a warning, less
      an info, since a part may sit in an earlier sentence); parts listed by
      name after "như sau:" / "cụ thể:" against a bare count stated just before
      ("trình độ ĐH là 13.455, CĐ 450; ... như sau: Trường A 3.040 chỉ tiêu ĐH và
      300 chỉ tiêu CĐ; Trường B 1.400; ...; Khoa Y 175": 13.445, not 13.455; see
      `breakdowns`, info, since only wording links them);
    - a change against the two levels it links ("đạt L, tăng g% so với cùng kỳ
      (L0)": L/L0 − 1 must be g; "tăng d tỷ đồng": L − L0 must be d; "gấp N
      lần", "bằng x%", "bằng x% dự toán (L0)": L/L0 must be N, or x %; a
      share "giảm từ 5,2% xuống còn 3,8%, giảm 1,6 điểm phần trăm": 1,4
      points, not 1,6);
    - shares of one whole ("cơ cấu kinh tế: nông nghiệp 20%, công nghiệp 45%,
      dịch vụ 35%") that add up to more than 100 %;
    - a count written as a fraction and the percent it makes ("64/67 phiếu,
      đạt tỷ lệ 97%": 64/67 is 95,5 %), the percent rounded or cut at its
      last digit; not a percent of a plan or a base ("đạt 80% kế hoạch");
    - a share stated with the amount it comes to, against the one whole of
      the amount's unit before it ("gần 80.000 học sinh. Trong khi đó, chỉ
      tiêu ... đáp ứng được khoảng 70%, tương đương trên 60.000 học sinh":
      over 75 %; a whole in the sentence before is info, in the same one a
      warning); the amount may come first, with the share it takes
      ("470.142 m, trong đó ống gang 289.146 m, chiếm 53%": 61,5 %; only
      "chiếm / tương đương / tức" and a share that ends its clause, and in
      the same sentence a whole the words name one: "trong đó", "gồm", "cụ
      thể", "tổng"; see `portions`);
    - a change stated both as an amount and as a percent, against the level
      it led to ("còn 208 đơn vị, giảm 121 đơn vị (30,2%)": 121 of 329 is
      36,8 %), info; not a percent followed by the words of its whole
      ("(2,5% tổng thu)"), nor beside a count with a rate of its own in
      indicators.yaml ("hộ nghèo": it may be the rate's change in points),
      see `rates`;
    - a price per unit, a quantity of that unit and the total they come to
      ("bán 20.199 m3 cát với giá 45.000 đồng/m3, thu về hơn 1,6 tỷ đồng":
      about 909 triệu; "400 suất, mỗi suất 5.500 đồng, tổng số tiền 1,7 triệu
      đồng": 2,2 triệu), info, see `products`.

    Every figure is taken as the interval it states: a figure is only as
    precise as its last digit (18,5 means 18,45 to 18,55), the last zeros of
    a round figure but one may be rounding (1.500 means 1.495 to 1.505, 1.000
    means 950 to 1.050: never looser than "khoảng"; a count of whole things
    written to its units is exact), "khoảng / gần" widen it
    (see `linter.claims.quantities`) and "hơn / trên" open it; the side a
    bound word fixes is the number as written, without rounding ("trên
    60.000" passes 60.000, "gần 80.000" stays under 80.000). A mismatch is
    reported only when no choice of values inside those intervals makes the
    arithmetic hold, so rounding never raises a finding. Parts that add up to
    less than their total are reported at info, and only for a closed "gồm"
    list (every item carrying one figure of the total's unit, no "khác / còn
    lại"): texts often list the main parts only. Shares that add up to less
    than 100 % are never reported: a GRDP structure leaves out product taxes
    ("nông lâm thủy sản 44,61%, công nghiệp – xây dựng 18,31%, dịch vụ
    33,35%" is a real one).

    Why it matters: a difference, a sum or a growth rate that the reader can
    redo in their head and that does not come out is the first thing a
    journalist or an auditor quotes back, and it makes every other figure of
    the announcement suspect.

    Only figures the text links explicitly are used: the levels of a
    difference are the only two figures of its unit in its sentence (or, when
    it has none, in the next one); a growth rate is linked to the level just
    before it (its noun may go on before the comma: "12.000 hành khách đi
    buýt nhanh, tăng 8,4%") and to a base level in brackets or after "là" right after "so
    với ..."; a level in brackets after "đạt" is the new level, never the
    base; "từ A lên / xuống B" gives both levels of the change next to it, a
    word naming the level may follow "từ" ("giảm 1,43 m (từ cao trình 545,28 m
    xuống 543,85 m)", "từ mức 17.000 đồng lên 18.000 đồng"), and a bare A takes
    B's unit and scale ("giảm từ 401 xuống còn 208 đơn vị", unless that makes it
    more than ten times off B: "từ 800 lên 1,2 triệu đồng"). A
    sentence holding a figure that cannot be redone (spelled out, "566 tỷ 384
    triệu", negative "âm 49,3 tỷ") is skipped whole.

    Measured on real text: over the 1,051 real articles of ../shared/corpus
    (news2017, real and real_detokenized) the rules link 85 pieces of
    arithmetic (75 "trong đó" parts, 5 "gồm" partitions, 2 "còn lại" rests,
    2 changes, 1 list of shares). Every one was read: each links the figures
    a reader links, all add up within their rounding, and the check raised
    no finding there. Siblings after "trong đó" (added later) raise one on
    the 778 tuning-half articles of news2017, at info and true: 21 + 6
    patients saved of 26 (tp-ho-chi-minh/mz-21473193). Added at 449d889 and
    after, read over the tuning half and ../shared/corpus/real only: levels
    named after "từ" link 3 reservoir changes, totals after "tổng cộng" 2
    sums, a share with its amount 2 (all hold but one: T62 of the reading set,
    70 % said of over 60.000 in under 80.000, info). The closest call is
    debatable and stays quiet: "63.610 tỷ đồng. Trong đó, vốn chủ sở hữu
    14.350 tỷ. Còn lại khoảng 47.000 tỷ đồng" (49.260 are left, inside the
    5 % of "khoảng"). Breakdowns after "như sau:" (added for issue 10) link 4
    totals on the tuning half and ../shared/corpus/real, the two levels of the
    two reports of one press release: university places, 13.445 listed for
    13.455 (T81, T82, info), and college places, 450 as stated. What shaped
    the rules: a false alarm met on real text ("... lợi nhuận trước thuế là
    552 tỷ đồng. Trong đó, doanh thu từ trái cây gần 2.600 tỷ đồng": "trong
    đó" splits the revenue named earlier), a
    misread sign ("âm 49,3 tỷ"), two false alarms on the synthetic archive
    of benchmarks/generate.py ("thu NSNN 190 tỷ đồng, trong đó thu từ xuất
    nhập khẩu khoảng 18 tỷ đồng, tổng vốn đầu tư ... khoảng 1.100 tỷ đồng":
    the list of targets goes on after the part; none is left in 5,000
    documents), and made-up sentences that must stay quiet (the fixture
    cases in tests/fixtures/checks/AR01.yml).

    Shares after their amounts and rates beside their amounts (added for
    issue 10 at f191457, read over the 778 tuning-half files and
    ../shared/corpus/real): "N, chiếm x%" links 4 (two shares of 823 triệu
    kWh, 10 of 475 shops, 249.146 of 470.142 m), all holding; an amount with
    its percent 2, one holding (7.800 tỷ, giảm 200 tỷ, 2,5 %) and one that was
    misread ("giảm từ 401 xuống còn 208 đơn vị, giảm 121 đơn vị (30,2%)": the
    rate is of the 401; now read as "từ A xuống B" with a bare A, 401 − 208 =
    193, not 121, a warning, and no rate); a level whose noun goes on
    before its change 1 more change, which holds (T111 of the reading set:
    over 12.000 against about 11.000, 8,4 %).

    Known problems: a difference whose two levels sit in two sentences, or a
    base level named far from its growth rate, is not read (recall is low on
    purpose); "trong đó" parts may overlap ("nữ", "dân tộc thiểu số"), so
    their sum is never compared, only each part against the total, and only
    the first item is surely a part (a later one is reported only when
    indicators.yaml makes its indicator a part of the total's); a list of
    shares after "cơ cấu ...:" is taken as one whole, so a ratio slipped into
    it without a verb ("lao động nông nghiệp 40%, lao động qua đào tạo 65%")
    would be added up; a product is read only with a total word ("tổng",
    "thu về", "thành tiền") and one price and one quantity of its unit in the
    total's sentence (or the one before, when the total's opens "Như vậy"):
    on the 778 tuning-half files and ../shared/corpus/real that links 2 sales,
    both holding; a price said further from its total, a per-day rate of work
    ("khoan 12 m/ngày") and a yield ("tạ/ha") are not read; the parser reads
    "41, 75 tỷ" (a stray space in 41,75) as 75 tỷ, which only makes parts look
    smaller than their total.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-06-20
        province: Gia Lai
        ---
        Qua kiểm toán, tổng chi ngân sách địa phương chênh lệch giảm 18,5 tỷ đồng. Số báo cáo là 1.520 tỷ đồng, số kiểm toán xác nhận là 1.310 tỷ đồng.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-06-20
        province: Gia Lai
        ---
        Qua kiểm toán, tổng chi ngân sách địa phương chênh lệch giảm 210 tỷ đồng. Số báo cáo là 1.520 tỷ đồng, số kiểm toán xác nhận là 1.310 tỷ đồng.
        Bếp ăn của trường nấu 400 suất, mỗi suất 5.500 đồng, tổng số tiền là 2,2 triệu đồng.
        Tổng chiều dài đường ống là 470.142 m, trong đó ống gang 249.146 m, chiếm 53%.
        Doanh thu đạt khoảng 7.800 tỷ đồng, giảm khoảng 200 tỷ đồng so với năm 2015 (giảm 2,5%).
    """

    code = "AR01"
    name = "arithmetic.mismatch"
    severity = Severity.WARNING
    scope = "document"  # a finding is one document's, found from it alone

    def run(self, group: Group) -> Iterator[Finding]:
        for item in group.items:
            folded = _lower(item.document.text)  # once: every reader below reads it
            for candidate in candidates(item, group.lexicon, folded):
                severity = candidate.verdict()
                if severity is not None:
                    yield self._finding(item, group, candidate, severity)
            for slip in fraction_slips(folded):
                yield self._fraction(item, group, slip)
            for found in breakdowns(item.document.text, folded):
                if found.summed != found.total.value:
                    yield self._breakdown(item, group, found)

    def _breakdown(self, item: DocumentClaims, group: Group, found: Breakdown) -> Finding:
        """Named parts after "như sau:" that do not make their total: info, since the
        total and its parts are linked by wording alone (see `breakdowns`)."""
        under = found.summed < found.total.value
        computed = " + ".join(p.written for p in found.parts) + f" = {_number(found.summed)}"
        message = bound_message(group.lang, "sum", under, computed, found.total.written)
        roles = _ROLES[group.lang]
        doc = item.document
        notes = [evidence(item, doc.span(found.total.start, found.total.end), roles["total"])]
        notes += [evidence(item, doc.span(p.start, p.end), roles["part"]) for p in found.parts]
        key = "|".join(("breakdown", found.total.written, *(p.written for p in found.parts)))
        district = doc.meta.district
        return self.finding(
            message, notes, group, severity=Severity.INFO, district=district, key=key
        )

    def _fraction(self, item: DocumentClaims, group: Group, slip: FractionSlip) -> Finding:
        text = item.document.text
        fraction = " ".join(text[slip.start : slip.end].split())
        ratio = f"{slip.ratio:.2f}".rstrip("0").rstrip(".")
        if group.lang == "en":
            message = f"{fraction} is {ratio}%, not {slip.written}%."
        else:
            message = f"{fraction} là {ratio.replace('.', ',')}%, không phải {slip.written}%."
        notes = [
            evidence(item, item.document.span(slip.start, slip.end)),
            evidence(item, item.document.span(slip.percent_start, slip.percent_end)),
        ]
        key = f"fraction|{fraction}|{slip.written}"
        return self.finding(message, notes, group, district=item.document.meta.district, key=key)

    def _finding(
        self, item: DocumentClaims, group: Group, c: _Arithmetic, severity: Severity
    ) -> Finding:
        roles = _ROLES[group.lang]
        notes = [evidence(item, f.claim.span, roles[role]) for f, role in c.figures]
        return self.finding(
            c.message(group.lang),
            notes,
            group,
            severity=severity,
            district=item.document.meta.district,
            key="|".join((c.kind, *(f"{f.claim.value:.12g}" for f, _ in c.figures))),
        )
