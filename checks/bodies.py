"""One body, tied by its short name, named as two kinds of body."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

from checks.body_names import BodyName, body_names
from linter.checking import (
    EVIDENCE_PER_NAME,
    Check,
    DocumentClaims,
    Group,
    by_date,
    evidence,
    per_document,
)
from linter.models import Finding, Severity

Mention = tuple[DocumentClaims, BodyName]


class BodyTwoKinds(Check):
    """One body, named before the same short name in brackets, given two kinds.

    A report that names a body in full often gives its short name in brackets
    right after it: "Liên minh hợp tác xã dịch vụ nông nghiệp tổng hợp Đồng Nai
    (Donacoop)". The short name ties the full name to one body. Within a
    province, two full names given the same short name, whose words after the
    kind of body are the same ("dịch vụ nông nghiệp tổng hợp Đồng Nai") but
    whose kind differs ("Liên minh hợp tác xã" and "Liên hiệp HTX"; "Hiệp hội"
    and "Hội"; "Tổng công ty" and "Công ty"), name one body two ways: one is
    likely a slip. Abbreviations are spelt out first (HTX is hợp tác xã, TP is
    thành phố, UBND is ủy ban nhân dân) and the legal form of a company ("TNHH
    MTV", "cổ phần") may be given or left out: neither is a second name.

    Why it matters: a body's name is a legal fact; a cooperative alliance is
    not a union of cooperatives, and readers and the body itself notice.

    Known problems: only names followed by a short name in brackets are read;
    the same body named two ways without one, or two names whose other words
    differ too ("Bất động sản" and "BĐS" aside), are not compared. A body that
    changed kind (a company made a corporation) between two reports is reported.
    A short name that is a place ("(Hà Nội)") or holds a dot ("(TP.HCM)") ties
    nothing.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-06-01
        province: Đồng Nai
        ---
        Cổ đông Liên minh hợp tác xã dịch vụ nông nghiệp tổng hợp Đồng Nai (Donacoop) gửi đơn tố cáo.
        === b.md
        ---
        date: 2017-07-05
        province: Đồng Nai
        ---
        Ông Bùi Thanh Trúc, Tổng Giám đốc Liên hiệp HTX Dịch vụ nông nghiệp tổng hợp Đồng Nai (Donacoop), cho biết đã gửi đơn.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-06-01
        province: Đồng Nai
        ---
        Cổ đông Liên minh hợp tác xã dịch vụ nông nghiệp tổng hợp Đồng Nai (Donacoop) gửi đơn tố cáo.
        === b.md
        ---
        date: 2017-07-05
        province: Đồng Nai
        ---
        Ông Bùi Thanh Trúc, Chủ tịch Liên minh HTX Dịch vụ nông nghiệp tổng hợp Đồng Nai (Donacoop), cho biết đã gửi đơn.
    """

    code = "BD01"
    name = "body.name"
    severity = Severity.INFO

    def run(self, group: Group) -> Iterator[Finding]:
        named: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for item in group.items:
            for body in body_names(item.document):
                named[(body.short.casefold(), body.rest)].append((item, body))
        for (short, rest), mentions in sorted(named.items()):
            kinds: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
            for item, body in by_date(mentions):
                kinds[body.kinds].append((item, body))
            for a, b in itertools.combinations(sorted(kinds, key=lambda k: -len(kinds[k])), 2):
                yield self._finding(short, rest, kinds[a], kinds[b], group)

    def _finding(
        self, short: str, rest: str, one: list[Mention], other: list[Mention], group: Group
    ) -> Finding:
        first, second = _written(one[0]), _written(other[0])
        written = one[0][1].short
        if group.lang == "en":
            message = (
                f"«{written}» is named {first} in one place and {second} in another:"
                " one body has one name; one is likely a slip."
            )
        else:
            message = (
                f"«{written}» được ghi là {first} ở một chỗ và {second} ở chỗ khác:"
                " một đơn vị chỉ có một tên; có thể một tên bị ghi sai."
            )
        notes = [
            evidence(item, item.document.span(body.start, body.end))
            for mentions in (one, other)
            for item, body in per_document(mentions, EVIDENCE_PER_NAME)
        ]
        kinds = sorted(" ".join(m[0][1].kinds) for m in (one, other))
        return self.finding(message, notes, group, key=f"body|{short}|{rest}|{'|'.join(kinds)}")


def _written(mention: Mention) -> str:
    item, body = mention
    return item.document.text[body.start : body.end].rsplit("(", 1)[0].strip()
