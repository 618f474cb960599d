"""The district or commune a document is about, resolved against the gazetteer.

In: the document's level and issuer or subject (`linter.metadata.issuer`), the
places its text names (`mentions.scan`), its province and date. Out:
`unit_below`, the `District` or the `Ward` it is about, or None when not
resolved; `canonical_district`, a front matter's district as the gazetteer
spells it; `ward_name`, a ward's name with its type word; `typed_wards`, the
candidates of each ward named with its unit word, which the province vote
also reads. The rules are those of `linter.metadata.infer`'s docstring
(district, commune).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from linter.data import places
from linter.metadata import gazetteer
from linter.metadata.gazetteer import District, Province, Ward
from linter.metadata.issuer import Body
from linter.metadata.mentions import PlaceMention
from linter.metadata.mentions import scan as mentions_in
from linter.models import Level
from linter.nlp import fold

MERGER = dt.date(2025, 7, 1)  # districts end, communes come under the 34 provinces


def typed_wards(mentions: list[PlaceMention]) -> Iterable[tuple[Ward, ...]]:
    """The candidates of each distinct ward named with its unit word ("xã Tiền An")."""
    return {(m.unit.type, m.name): m.wards for m in mentions if m.unit and m.wards}.values()


def unit_below(
    level: Level,
    about: list[Body],
    mentions: list[PlaceMention],
    province: Province | None,
    date: dt.date | None,
    text: str,
) -> tuple[District | None, Ward | None]:
    """The district or the commune the document is about, at those levels, if resolved."""
    name = province.name if province else None
    if level is Level.DISTRICT:
        return _district(about, mentions, name, _headline_end(text)), None
    if level is Level.COMMUNE:
        return None, _commune(about, mentions, name, date)
    return None, None


def _headline_end(text: str) -> int:
    """Where the first line with text ends: a title line names what the text is about."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _best(score: dict[District, Any], needed: Any = 0) -> District | None:
    """The district with the highest score if no other has it and it reaches `needed`."""
    ranked = sorted(score.items(), key=lambda item: item[1], reverse=True)[:2]
    clear = ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1])
    return ranked[0][0] if clear and ranked[0][1] >= needed else None


def _district(
    issued: list[Body], mentions: list[PlaceMention], province: str | None, headline: int
) -> District | None:
    unit_type = issued[0].unit.type

    def fits(d: District | None) -> bool:
        return d is not None and d.type == unit_type and province in (None, d.province)

    wards: Counter[District] = Counter()
    for candidates in typed_wards(mentions):
        owners = {d for w in candidates if fits(d := gazetteer.district_of(w))}
        # A ward found in one district only counts as much as two shared ones.
        wards.update({d: 2 if len(owners) == 1 else 1 for d in owners})
    # Named with the issuer's own unit word, of its type or of one it was raised to.
    attached = {d for b in issued for d in b.mention.districts if province in (None, d.province)}
    if attached:
        return _best(Counter({d: 1 + wards[d] for d in attached}))
    # A district named in the title line counts twice: "Huyện Vạn Ninh triển khai ...
    # Lãnh đạo huyện Cam Lâm cũng dự" is Vạn Ninh's news.
    named: Counter[District] = Counter()
    for m in mentions:
        named.update({d: 2 if m.start < headline else 1 for d in m.districts if fits(d)})
    return _best(wards, needed=2) or _best({d: (n, wards[d]) for d, n in named.items()}, (0, 0))


def canonical_district(district: str, province: str | None) -> str:
    """A district named in front matter as the gazetteer spells it, when it knows it
    ("huyện Bạch Thông", "Bạch Thông" -> "Huyện Bạch Thông"), so that documents of
    one district meet however their front matter writes it."""
    named = [m.districts for m in mentions_in(district, fold(district)) if m.unit]
    found = {
        d
        for d in (named[0] if named else gazetteer.districts_named(district))
        if province in (None, d.province)
    }
    return found.pop().name if len(found) == 1 else district


def _commune(
    issued: list[Body], mentions: list[PlaceMention], province: str | None, date: dt.date | None
) -> Ward | None:
    """The ward named with the issuer, if exactly one fits (see infer's docstring)."""

    merged = gazetteer.merged_into(province) if province else None

    def fits(w: Ward) -> bool:
        if date and date >= MERGER:  # "phường Bồng Sơn (Bình Định)" is now in Gia Lai
            return w.current and (province is None or w.province in (province, merged))
        return w.legacy and province in (None, w.province)

    candidates = {w for b in issued for w in b.mention.wards if fits(w)}
    if len(candidates) > 1:  # "xã Tân Lập, huyện Đan Phượng": the district tells
        named = {d.name for m in mentions for d in m.districts}
        candidates = {w for w in candidates if w.district in named} or candidates
    return candidates.pop() if len(candidates) == 1 else None


def ward_name(ward: Ward) -> str:
    """ "Xã Tiền An"; "Phường 14" as the dataset spells it, with its type word."""
    short = places.without_type_note(ward.short)
    typed = places.name_key(short).startswith(places.name_key(ward.type) + " ")
    return short if typed else f"{ward.type} {short}"
