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

The issuer and level are read by `linter.metadata.issuer`, the district and
commune by `linter.metadata.locality`; the province vote and the plan year here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from linter import nlp
from linter.data import places
from linter.metadata import gazetteer, pubdate
from linter.metadata.issuer import issuer, level_of, subject
from linter.metadata.locality import canonical_district, typed_wards, unit_below, ward_name
from linter.metadata.mentions import PlaceMention
from linter.metadata.mentions import scan as mentions_in
from linter.models import Document, DocumentMeta, Level, Provenance
from linter.nlp import fold

_YEAR_MENTION = re.compile(nlp.alone("năm") + r"\s+" + pubdate.YEAR)
_FIELDS = ("date", "province", "district", "issuer", "plan_year", "commune")


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
    issued = issuer(folded, mentions, lead[1])
    put("issuer", issued[0].label if issued else None, Provenance.TEXT)
    if "province" in kept and (stated := gazetteer.canonical_province(out["province"])):
        out["province"] = stated.name  # a name no unit has stays the file's word
    put("province", _vote_province(mentions), Provenance.GAZETTEER)
    known = gazetteer.province(out["province"]) if out["province"] else None
    if "district" in kept:
        out["district"] = canonical_district(out["district"], known.name if known else None)
    about = issued or subject(text, folded, mentions, lead[0])
    level = level_of(about, known)
    district, ward = None, None
    if "district" not in kept or level is Level.COMMUNE:  # front matter's district stays
        district, ward = unit_below(level, about, mentions, known, out["date"], text)
    if ward is not None:
        put("commune", ward_name(ward), Provenance.GAZETTEER)
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
    plan_words = places.alternatives(places.places().plan_words)
    return {
        "plan": re.compile(rf"(?<!\w)(?:{plan_words})(?!\w).{{0,150}}?năm\s+{pubdate.YEAR}"),
    }


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
        for wards in typed_wards(mentions):
            share({w.province for w in wards if w.legacy})
    best = max(score, key=lambda name: score[name], default=None)  # first met wins ties
    return best if best and score[best] >= 1 else None


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
