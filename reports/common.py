"""Building blocks shared by the report's view models (see `reports.model`).

Every view is a frozen pydantic model of plain values: the templates lay them
out and autoescape every string, so no view ever holds markup.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from pydantic import BaseModel, ConfigDict

from linter.models import Document, Provenance


class View(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MetaField(View):
    value: str
    source: str  # a Provenance value; "" when nothing was inferred


class DocumentRow(View):
    path: str
    title: MetaField
    date: MetaField
    province: MetaField
    district: MetaField
    issuer: MetaField
    plan_year: MetaField


def vi_sort_key(name: str) -> tuple[str, str]:
    """Roughly Vietnamese alphabetical order: accents ignored first, Đ right after D."""
    base = unicodedata.normalize("NFD", name.casefold()).replace("đ", "d~")
    return "".join(c for c in base if not unicodedata.combining(c)), name


def format_date(date: dt.date | None) -> str | None:
    return date.strftime("%d/%m/%Y") if date else None


def date_order(docs: tuple[Document, ...] | list[Document]) -> list[Document]:
    """Publication order; undated documents last, the path keeping equal dates stable."""
    return sorted(docs, key=lambda d: (not d.meta.date, d.meta.date or dt.date.min, d.path))


def _field(value: object, source: Provenance = Provenance.NONE) -> MetaField:
    known = value is not None and source is not Provenance.NONE
    return MetaField(
        value="" if value is None else str(value), source=source.value if known else ""
    )


def document_row(doc: Document) -> DocumentRow:
    m = doc.meta
    return DocumentRow(
        path=doc.path,
        title=_field(m.title),  # DocumentMeta has no title_source
        date=_field(format_date(m.date), m.date_source),
        province=_field(m.province, m.province_source),
        district=_field(m.district, m.district_source),
        issuer=_field(m.issuer, m.issuer_source),
        plan_year=_field(m.plan_year, m.plan_year_source),
    )
