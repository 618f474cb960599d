"""The values the other models are built of: spans of a file, severities, provenance.

`Frozen` is the base of every model in `linter.models`: immutable, and refusing
fields it does not declare (`extra="forbid"`).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


class Provenance(StrEnum):
    """How a piece of document metadata was obtained (shown in reports)."""

    FRONT_MATTER = "front_matter"
    HEADER = "header"  # a dated header line such as `15/09/2023 21:00`
    TEXT = "text"  # read from the body, e.g. "Ngày 14/12" plus a year from the text
    GAZETTEER = "gazetteer"  # place names resolved against the administrative units
    GUESS = "guess"  # a weaker inference, e.g. the latest period the text reports on
    CONFIG = "config"  # a metadata override in the configuration, by path glob
    NONE = "none"


# Who issued a document, or a document it cites, as messages name it: the label of
# a body listed in linter/data/citations.yaml ("HĐND tỉnh", "Tỉnh ủy", "UBND thị
# xã"), or the words a front matter or a configuration gives for one it does not
# list. One type for a document's issuer and a citation's, so that they compare.
IssuerName = str


class Span(Frozen):
    """A stretch of the original file: 1-based line and column, end exclusive.

    Columns count Unicode characters of the decoded original line.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    quote: str


class Level(StrEnum):
    """The administrative level whose figures a document states."""

    PROVINCE = "province"
    DISTRICT = "district"  # huyện, quận, thị xã, provincial city (until 1 July 2025)
    COMMUNE = "commune"  # xã, phường, thị trấn, đặc khu
