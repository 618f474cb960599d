"""A loaded document and what was inferred about it (`DocumentMeta`)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from linter import textmap
from linter.models.base import Frozen, IssuerName, Level, Provenance, Span


class DocumentMeta(Frozen):
    title: str | None = None
    date: dt.date | None = None
    date_source: Provenance = Provenance.NONE
    province: str | None = None  # canonical short name, e.g. "Quảng Ninh"
    province_source: Provenance = Provenance.NONE
    district: str | None = None  # full name with type, e.g. "Thị xã Quảng Yên"
    district_source: Provenance = Provenance.NONE
    issuer: IssuerName | None = None
    issuer_source: Provenance = Provenance.NONE
    plan_year: int | None = None
    plan_year_source: Provenance = Provenance.NONE
    # The level of the unit the document is issued by or about. Below the
    # province it needs that unit's name (`district`, `commune`): a district
    # or commune document whose unit is unknown has no `scope`.
    level: Level = Level.PROVINCE
    level_source: Provenance = Provenance.NONE
    commune: str | None = None  # full name with type, e.g. "Xã Hiệp Hòa"
    commune_source: Provenance = Provenance.NONE
    # The year of the document: its date's when it has one, else the year its
    # text says is the present one ("năm nay (2017)"), see linter.metadata.pubdate.
    year: int | None = None
    year_source: Provenance = Provenance.NONE

    @property
    def scope(self) -> tuple[str | None, str | None] | None:
        """The unit whose figures the document states, as (district, commune) names:
        (None, None) for the province. None when the document is issued by or
        about a district or commune that could not be resolved: its figures are
        never the province's, and they are compared with nobody's."""
        named = {Level.DISTRICT: self.district, Level.COMMUNE: self.commune}
        if self.level in named and named[self.level] is None:
            return None
        return (self.district, self.commune)


class Document(Frozen):
    """A loaded document.

    `text` is the NFC-normalised body the parser reads (front matter and HTML
    markup removed). `breaks` maps it back to `original`, the decoded file:
    each `(t, o)` pair says that `text[t]` came from `original[o]`, and the
    characters after it follow one for one until the next pair. Every span is
    reported against the original file through `span()`.
    """

    path: str
    original: str
    text: str
    breaks: tuple[tuple[int, int], ...] = ((0, 0),)
    front_matter: dict[str, object] = Field(default_factory=dict)
    meta: DocumentMeta = Field(default_factory=DocumentMeta)

    def original_index(self, index: int) -> int:
        return textmap.original_index(self.breaks, index)

    def span(self, start: int, end: int) -> Span:
        """The original-file location of `text[start:end]`."""
        o_start = self.original_index(start)
        o_end = o_start
        if end > start:
            o_last = self.original_index(end - 1)
            o_end = o_last + 1
            if self.original[o_last] != self.text[end - 1]:
                # The last character was built from several (NFD marks, an entity):
                # the quote must include all of them.
                o_end = max(o_end, self.original_index(end))
        line, column = textmap.line_col(self.original, o_start)
        end_line, end_column = textmap.line_col(self.original, o_end)
        return Span(
            path=self.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            quote=self.original[o_start:o_end],
        )
