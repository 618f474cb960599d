"""Stage 3, claims: a `Document` with metadata in, its typed `Claim`s out.

The parser reads sentence by sentence (`extract`, `sentence`): figures become
`Quantity` claims with a subject, period, status and scope (`figures`,
`subjects`, `quantities`, `numbers`, `periods`, `context`); legal citations,
dates, target counts and plans become their own claim types (`citations`,
`targets`).
"""

from linter.claims.extract import extract_claims

__all__ = ["extract_claims"]
