"""Stage 3, claims: a `Document` with metadata in, its typed `Claim`s out.

The parser reads sentence by sentence (`extract`, `sentence`): figures become
`Quantity` claims with a subject, period, status and scope (`figures`,
`subjects`, `quantities`, `numbers`, `periods`; a figure's period in `context`,
its status in `status` from the cues of `cues`, what carries from one sentence
to the next in `carried`, its role as a whole, a part, one occasion's or one
market's in `roles`); legal citations, dates, target counts and plans become
their own claim types (`citations`, `targets`); people, offices and bodies are
read by `persons`, `officials` and `names`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linter.claims.extract import extract_claims

__all__ = ["extract_claims"]


def __getattr__(name: str) -> Any:
    # Imported when first asked for: `extract` imports every claim reader (0.2 s),
    # which a check that uses one helper of the parser, or a warm run that parses
    # nothing, does not need.
    if name == "extract_claims":
        from linter.claims.extract import extract_claims

        return extract_claims
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
