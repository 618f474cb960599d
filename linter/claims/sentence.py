"""One sentence as the parser reads it, found once and handed to every reader.

A `Sentence` carries its offsets in the document, its folded text, the periods
it names, the citations and target counts in it, and its clauses. Offsets of
everything found inside (`start`, `end` of a raw figure or period) are
relative to the sentence; `span()` turns them into a location in the file.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from linter.claims.citations import RawCitation, find_citations
from linter.claims.periods import PeriodMention, find_periods
from linter.claims.targets import RawCount, find_counts
from linter.models import Document, Span

# Clause breaks: ";" and ":", a comma not inside a number ("57,2"), a spaced dash.
_SEPARATORS = re.compile(r"[;:]|,(?!\d)|\s[-–]\s")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, folded, with its offsets in the text."""

    doc: Document
    start: int  # offsets of the sentence in Document.text
    end: int
    folded: str  # nlp.fold of the sentence: lowercase, same length
    mentions: tuple[PeriodMention, ...]  # every period named, comparison bases included
    citations: tuple[RawCitation, ...]
    counts: tuple[RawCount, ...]  # "23/26 chỉ tiêu"

    @property
    def bounds(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def text(self) -> str:
        """The sentence as written (case kept): names are capitalised, counted nouns not."""
        return self.doc.text[self.start : self.end]

    @property
    def periods(self) -> list[PeriodMention]:
        """The periods the sentence is about (a comparison base is not one)."""
        return [p for p in self.mentions if not p.is_base]

    @property
    def cited(self) -> list[tuple[int, int]]:
        return [(c.start, c.end) for c in self.citations]

    def span(self, start: int, end: int) -> Span:
        return self.doc.span(self.start + start, self.start + end)

    def clauses(self, protected: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
        """Clause boundaries; separators inside `protected` spans (indicator names such
        as "có bằng, chứng chỉ") do not count."""
        keep = protected or []
        cuts = [0]
        for m in _SEPARATORS.finditer(self.folded):
            if not any(a <= m.start() < b for a, b in keep):
                cuts.append(m.end())
        cuts.append(len(self.folded))
        return list(itertools.pairwise(cuts))


def clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return next((a, b) for a, b in clauses if a <= pos < b)


def read_sentence(
    doc: Document, folded: str, start: int, end: int, default_year: int | None
) -> Sentence:
    f = folded[start:end]
    return Sentence(
        doc=doc,
        start=start,
        end=end,
        folded=f,
        mentions=tuple(find_periods(f, default_year)),
        citations=tuple(find_citations(f, doc.text[start:end])),
        counts=tuple(find_counts(f)),
    )
