"""Infer a document's date, province, district, issuer, plan year and title.

Fields the reader set are kept (front matter, FRONT_MATTER; a web page's
publication date in its markup, HEADER); the others are inferred from the text,
each with its `Provenance`. Word lists live in
`linter/data/places.yaml`.

- date (HEADER, TEXT or GUESS): see `linter.metadata.pubdate`.
- province (GAZETTEER): front matter's as the gazetteer spells it (see
  `gazetteer.canonical_province`), else votes of the units the text names. A
  province after a unit word or by an alias ("tỉnh Quảng Ninh", "TP.HCM", "Tỉnh
  ủy Quảng Ninh") counts 2, a bare province name 1, a district after its unit word ("thị xã
  Quảng Yên") 1 shared among the provinces having one of that name. A name
  after a lower unit word ("khu vực Hà Nam", "xã Hiệp Hòa") is not a province.
  Ties go to the province met first. With no vote, wards named with their unit
  word vote the same way (at least 1 in all), then the inferred district.
- issuer (TEXT): the acting body, "UBND tỉnh", "Thị ủy", "UBND thị xã"...:
  each mention not right after a `not_acting` word (a title, "của", ...)
  scores 3 in the title or first paragraph and 1 elsewhere; the best needs 2.
  A body of a list of unit words ("UBND quận, huyện, thị xã") is none.
- level (TEXT): the level of the unit whose figures the document states. The
  issuer's ("UBND huyện" a district, "Đảng ủy xã" a commune); without an
  issuer, the unit named with its unit word where the text or its lead
  paragraph starts ("Huyện Cư M'gar đạt ...", "Sáng 5/3, xã Tiền An ...");
  else the province. Front matter naming a district makes it a district at
  least. A district or commune whose name is not resolved is left None: such
  a document has no `DocumentMeta.scope` and is never taken for its province.
- district (GAZETTEER): only at district or commune level. The district named
  with the issuer ("UBND huyện Đức Thọ"), else the district of the issuer's
  type holding the most wards named with their unit word (at least 2, or 1
  found in no other such district), else the one named most often (twice in
  the title line). Within the province when that is known. The unit word
  decides between units of one name: "thị xã Cai Lậy" is never "huyện Cai
  Lậy". A district named in front matter is kept, spelled as the gazetteer
  does when it knows it.
- commune (GAZETTEER): at commune level, the ward named with the issuer, of the
  issuer's type and province: of the units before 1 July 2025 when the document
  is dated before it (its district is then set too), of the units after it
  when dated after (in the province the named one merged into). Several such
  wards: the one in a district the text names.
- plan_year: a `plan_words` word followed by "năm YYYY" in the title or first
  sentence (TEXT), else the most frequent "năm YYYY" not before the date's
  year, the later on a tie (GUESS).
- title (.txt only): the first line of four words or more, if it has at most
  200 characters, no final period, and a blank or dated line after it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from linter import nlp
from linter.data import places
from linter.data.places import UnitWord
from linter.metadata import gazetteer, pubdate
from linter.metadata.gazetteer import District, Province, Ward
from linter.metadata.mentions import PlaceMention
from linter.metadata.mentions import scan as mentions_in
from linter.models import Document, DocumentMeta, Level, Provenance
from linter.nlp import fold

_YEAR_MENTION = re.compile(nlp.alone("năm") + r"\s+" + pubdate.YEAR)
_FIELDS = ("date", "province", "district", "issuer", "plan_year", "commune")
_MERGER = dt.date(2025, 7, 1)  # districts end, communes come under the 34 provinces
# What may come before the unit a text is about: a heading mark, an opening date.
_LIST_GAP = re.compile(r"\s*(?:,|/|và|hoặc)\s*")
_OPENER = re.compile(r"[\s#*]*(?:(?:sáng|trưa|chiều|tối|đêm|ngày)[^,.\n]{1,20},\s*)?")


def infer_metadata(doc: Document) -> DocumentMeta:
    """The document's metadata: front-matter fields kept, the others inferred."""
    text, folded, layout = doc.text, fold(doc.text), pubdate.read_layout(doc)
    mentions = mentions_in(text, folded)
    out: dict[str, Any] = doc.meta.model_dump()
    # What the reader found stays: front matter, and a web page's date in its markup
    # (HEADER); inferred again from the text, that date was lost, the page undated.
    kept = {f for f in _FIELDS if out[f"{f}_source"] != Provenance.NONE}

    def put(field: str, value: object, source: Provenance) -> None:
        if field not in kept:
            out[field], out[f"{field}_source"] = value, source if value else Provenance.NONE

    put("date", *pubdate.infer_date(folded, layout))
    year = pubdate.infer_year(folded, layout, out["date"], out["date_source"])
    out["year"], out["year_source"] = year if year[0] else (None, Provenance.NONE)
    lead = layout.paragraphs[0] if layout.paragraphs else (0, len(text))
    issued = _issuer(folded, mentions, lead[1])
    put("issuer", issued[0].label if issued else None, Provenance.TEXT)
    if "province" in kept and (stated := gazetteer.canonical_province(out["province"])):
        out["province"] = stated.name  # a name no unit has stays the file's word
    put("province", _vote_province(mentions), Provenance.GAZETTEER)
    known = gazetteer.province(out["province"]) if out["province"] else None
    if "district" in kept:
        out["district"] = _canonical(out["district"], known.name if known else None)
    about = issued or _subject(text, folded, mentions, lead[0])
    level = _level(about, known)
    district, ward = None, None
    if "district" not in kept or level is Level.COMMUNE:  # front matter's district stays
        district, ward = _unit_below(level, about, mentions, known, out["date"], text)
    if ward is not None:
        put("commune", _ward_name(ward), Provenance.GAZETTEER)
        district = gazetteer.district_of(ward)  # None after the merger
    if district is not None:
        put("district", district.name, Provenance.GAZETTEER)
    if (district or ward) and not out["province"]:
        put("province", (district or ward).province, Provenance.GAZETTEER)
    source = Provenance.TEXT if about else Provenance.NONE
    if level is Level.PROVINCE and out["district"]:  # named in front matter
        level, source = Level.DISTRICT, out["district_source"]
    out["level"], out["level_source"] = level, source
    out["title"] = out["title"] or layout.title
    opening = f"{out['title'] or ''}\n{_first_sentence(text[lead[0] : lead[1]])}"
    put("plan_year", *_plan_year(opening, folded, out["date"]))
    return DocumentMeta(**out)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    spec = places.places()
    bodies = places.escaped(v for variants in spec.bodies.values() for v in variants)
    not_acting = places.alternatives(spec.not_acting)
    plan_words = places.alternatives(spec.plan_words)
    return {
        "body": re.compile(rf"({nlp.alone(*bodies)})\s+"),  # searched for its words
        "not_acting": re.compile(rf"(?<!\w)(?:{not_acting})\W*$"),
        "plan": re.compile(rf"(?<!\w)(?:{plan_words})(?!\w).{{0,150}}?năm\s+{pubdate.YEAR}"),
    }


def _typed_wards(mentions: list[PlaceMention]) -> Iterable[tuple[gazetteer.Ward, ...]]:
    """The candidates of each distinct ward named with its unit word ("xã Tiền An")."""
    return {(m.unit.type, m.name): m.wards for m in mentions if m.unit and m.wards}.values()


def _vote_province(mentions: list[PlaceMention]) -> str | None:
    score: Counter[str] = Counter()

    def share(owners: set[str]) -> None:
        for name in owners:
            score[name] += 1 / len(owners)

    for m in mentions:
        if m.provinces:
            score[m.provinces[0].name] += 2 if m.unit is not None or m.alias else 1
        elif m.districts:
            share({d.province for d in m.districts})
    if not score:  # a town's own news may name only its wards ("thị trấn Phố Châu")
        for wards in _typed_wards(mentions):
            share({w.province for w in wards if w.legacy})
    best = max(score, key=lambda name: score[name], default=None)  # first met wins ties
    return best if best and score[best] >= 1 else None


class _Body(NamedTuple):
    label: str  # "UBND thị xã", "Thị ủy"
    unit: UnitWord
    mention: PlaceMention  # the unit word and the name after it, if any
    start: int


def _issuer(folded: str, mentions: list[PlaceMention], lead_end: int) -> list[_Body]:
    """Mentions of the body acting in the text; empty when none stands out."""
    pats, canonical = _patterns(), _canonical_bodies()
    units = {m.start: (m, m.unit) for m in mentions if m.unit is not None}
    bodies = [_Body(u.label, u, m, m.start) for m, u in units.values() if u.committee]
    for b in pats["body"].finditer(folded):
        m, u = units.get(b.end(), (None, None))
        if m and u and u.level != "place" and not u.committee:
            # "UBND quận, huyện, thị xã" are all of them, no body acting.
            listed = _LIST_GAP.match(folded, m.end)
            if m.name or not listed or listed.end() not in units:
                bodies.append(_Body(f"{canonical[b[1]]} {u.label}", u, m, b.start()))
    score: Counter[str] = Counter()
    for body in sorted(bodies, key=lambda b: b.start):
        if not pats["not_acting"].search(folded, max(0, body.start - 40), body.start):
            score[body.label] += 3 if body.start < lead_end else 1
    label = max(score, key=lambda k: score[k], default=None)
    return [b for b in bodies if b.label == label] if label and score[label] >= 2 else []


@lru_cache(maxsize=1)
def _canonical_bodies() -> dict[str, str]:
    """Each folded way of writing a body, to the body's name."""
    return {fold(v): k for k, variants in places.places().bodies.items() for v in variants}


def _subject(text: str, folded: str, mentions: list[PlaceMention], lead_start: int) -> list[_Body]:
    """The unit a text without issuer is about: the one named with its unit word
    where the text or its lead paragraph starts ("Huyện Cư M'gar đạt ..."). A
    name must follow, known or not: "Xã hội hóa ..." names no commune."""
    starts = {_OPENER.match(folded, at).end() for at in (0, lead_start)}
    return [
        _Body("", m.unit, m, m.start)
        for m in mentions
        if m.unit is not None
        and m.start in starts
        and m.unit.level != "place"
        and (m.name is not None or _capital_after(text, m.end))
    ][:1]


def _capital_after(text: str, end: int) -> bool:
    """Whether a capital or a digit follows: "Huyện Tĩnh Gia", "Phường 14", not "Xã hội"."""
    first = text[end : end + 4].lstrip(" \t")[:1]
    return first.isupper() or first.isdigit()


def _level(issued: list[_Body], province: Province | None) -> Level:
    """The level of the issuer or subject ("UBND TX", "Huyện ủy", "UBND TP Hạ Long")."""
    level = issued[0].unit.level if issued else None
    if level == "ward":
        return Level.COMMUNE
    if level != "city":
        return Level.DISTRICT if level == "district" else Level.PROVINCE
    named = [b.mention for b in issued if b.mention.name]
    if named:  # "UBND TP Hạ Long" is a district body, "UBND TP Hà Nội" a provincial one
        return Level.PROVINCE if any(m.provinces for m in named) else Level.DISTRICT
    district = province is None or province.kind != "thành phố"
    return Level.DISTRICT if district else Level.PROVINCE


def _headline_end(text: str) -> int:
    """Where the first line with text ends: a title line names what the text is about."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _unit_below(
    level: Level,
    about: list[_Body],
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


def _best(score: dict[District, Any], needed: Any = 0) -> District | None:
    """The district with the highest score if no other has it and it reaches `needed`."""
    ranked = sorted(score.items(), key=lambda item: item[1], reverse=True)[:2]
    clear = ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1])
    return ranked[0][0] if clear and ranked[0][1] >= needed else None


def _district(
    issued: list[_Body], mentions: list[PlaceMention], province: str | None, headline: int
) -> District | None:
    unit_type = issued[0].unit.type

    def fits(d: District | None) -> bool:
        return d is not None and d.type == unit_type and province in (None, d.province)

    wards: Counter[District] = Counter()
    for candidates in _typed_wards(mentions):
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


def _canonical(district: str, province: str | None) -> str:
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
    issued: list[_Body], mentions: list[PlaceMention], province: str | None, date: dt.date | None
) -> Ward | None:
    """The ward named with the issuer, if exactly one fits (see the module docstring)."""

    merged = gazetteer.merged_into(province) if province else None

    def fits(w: Ward) -> bool:
        if date and date >= _MERGER:  # "phường Bồng Sơn (Bình Định)" is now in Gia Lai
            return w.current and (province is None or w.province in (province, merged))
        return w.legacy and province in (None, w.province)

    candidates = {w for b in issued for w in b.mention.wards if fits(w)}
    if len(candidates) > 1:  # "xã Tân Lập, huyện Đan Phượng": the district tells
        named = {d.name for m in mentions for d in m.districts}
        candidates = {w for w in candidates if w.district in named} or candidates
    return candidates.pop() if len(candidates) == 1 else None


def _ward_name(ward: Ward) -> str:
    """ "Xã Tiền An"; "Phường 14" as the dataset spells it, with its type word."""
    short = places.without_type_note(ward.short)
    typed = places.name_key(short).startswith(places.name_key(ward.type) + " ")
    return short if typed else f"{ward.type} {short}"


def _plan_year(lead: str, folded: str, date: dt.date | None) -> tuple[int | None, Provenance]:
    if m := _patterns()["plan"].search(fold(lead)):
        return int(m[1]), Provenance.TEXT
    years = Counter(
        int(m[1]) for m in _YEAR_MENTION.finditer(folded) if not date or int(m[1]) >= date.year
    )
    best = max(years, key=lambda y: (years[y], y), default=None)
    return best, Provenance.GUESS if best else Provenance.NONE


def _first_sentence(paragraph: str) -> str:
    for m in re.finditer(r"[.!?]\s+", paragraph):
        if paragraph[m.end() : m.end() + 1].isupper():
            return paragraph[: m.start() + 1]
    return paragraph
