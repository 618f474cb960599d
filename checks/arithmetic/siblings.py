"""Parts after "trong đó" that split one kind of thing, so that they cannot overlap:
"báo động đỏ nội viện ..., báo động đỏ liên viện ...", "nam ..., nữ ..."."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from checks.arithmetic.figures import _Figure
from checks.arithmetic.result import _Arithmetic, sum_of_parts
from linter.data import load
from linter.models import Severity


class _Partitions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    groups: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def _groups() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(g) for g in load("partitions.yaml", _Partitions).groups)


def _siblings(folded: str, parts: list[_Figure]) -> bool:
    """Whether the parts name one kind split by one word: the same words before each
    figure but one ("báo động đỏ nội viện là 21 trường hợp, báo động đỏ liên viện là
    6 trường hợp", "lao động nam ..., lao động nữ ..."), or each named by another
    word of one group of linter/data/partitions.yaml, before or after its figure ("4
    dự án đầu tư trong nước, 4 dự án đầu tư nước ngoài"). Such parts do not overlap
    the way "nữ" and "dân tộc thiểu số" do, so their sum is bounded by the total."""
    if _split_by_group(folded, parts):
        return True
    labels = [_label(folded, p) for p in parts]
    size = min(len(label) for label in labels)
    if size < 2:
        return False
    tails = [tuple(label[-size:]) for label in labels]
    differing = {i for i in range(size) if len({t[i] for t in tails}) > 1}
    return len(differing) == 1 and len(set(tails)) == len(tails)


# What may stand between a part's name and its figure: "... nội viện là 21 trường hợp".
_LINK = {"là", "có", "đạt", "gồm", "với", "khoảng", "gần", "hơn", "trên", "chiếm"}


def _split_by_group(folded: str, parts: list[_Figure]) -> bool:
    """Each part named by a different word of one group, at the end of the words
    before its figure or of those after it (up to the next comma)."""
    ends = []
    for p in parts:
        after = re.split(r"[;:,.()]|\svà\s", folded[p.end : p.sentence_end])[0].split()
        words = (_label(folded, p), after)
        ends.append({" ".join(w[-n:]) for w in words for n in (1, 2) if len(w) >= n})
    for group in _groups():
        named = [e & group for e in ends]
        if all(len(n) == 1 for n in named) and len(set().union(*named)) == len(parts):
            return True
    return False


def _label(folded: str, part: _Figure) -> list[str]:
    """The words naming a part, up to its figure, from the start of its clause."""
    clause = re.split(r"[;:,.()]|trong\s+đó", folded[part.sentence_start : part.start])[-1]
    words = clause.split()
    while words and words[-1] in _LINK:
        words.pop()
    return words[-6:]


def _sibling_sum(total: _Figure, parts: list[_Figure]) -> _Arithmetic:
    """Parts of one kind split by one word add up to at most the total. Info: two
    siblings may still overlap ("xã nghèo", "xã đặc biệt khó khăn")."""
    return sum_of_parts(total, parts, Severity.INFO, None)
