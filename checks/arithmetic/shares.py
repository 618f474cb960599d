"""Shares of one whole that must add up to 100 %."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.arithmetic.figures import _Figure
from checks.arithmetic.result import _Arithmetic, _number

# "cơ cấu kinh tế: ...", "cơ cấu ... gồm", "cơ cấu ... lần lượt là": the structure
# itself introduces the list; "tái cơ cấu ngành" (restructure) does not.
_STRUCTURE_CUE = re.compile(
    r"(?<!tái )(?<!\w)cơ\s+cấu(?!\w)[^.;:%]{0,60}?(?::|(?<!\w)(?:gồm|lần lượt là|là)(?!\w))"
)
# Words that end a list of shares: a second list (another year), a change, a rate,
# a share of a share ("lúa chất lượng cao 80%, trong đó giống ST 50%"), a level an
# indicator reaches ("lao động nông nghiệp 40%, lao động qua đào tạo đạt 65%").
_NOT_A_SHARE = re.compile(
    r"(?<!\w)(?:năm|giai đoạn|đến|từ|lên|xuống|tăng|giảm|t[ỷỉ] lệ|tốc độ|so với|trong đó|riêng"
    r"|đạt)(?!\w)"
)


def _shares(folded: str, figures: list[_Figure]) -> Iterator[_Arithmetic]:
    """The shares listed right after "cơ cấu ...:" make one whole: 100 %."""
    if not figures:
        return
    cue = _STRUCTURE_CUE.search(folded, figures[0].sentence_start, figures[0].sentence_end)
    if cue is None:
        return
    shares: list[_Figure] = []
    pos = cue.end()
    for f in (f for f in figures if f.start >= cue.end()):
        between = folded[pos : f.start]
        if f.unit != "%" or not f.is_level or _NOT_A_SHARE.search(between):
            break
        if shares and not re.search(r"[,;]|\s[-–]\s|(?<!\w)và(?!\w)", between):
            break  # two figures in one item: not a plain list
        shares.append(f)
        pos = f.end
    if len(shares) < 2:
        return
    value = sum(f.claim.value for f in shares)
    yield _Arithmetic(
        "shares",
        tuple((f, "share") for f in shares),
        sum(f.low for f in shares),
        sum(f.high for f in shares),
        100.0,
        100.0,
        " + ".join(f.number for f in shares) + f" = {_number(value)}%",
        "100%",
        under=None,  # GRDP structures leave out product taxes (5-10 %): less is normal
    )
