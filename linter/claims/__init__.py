"""The claim parser: quantities, legal citations, dates, target counts, plans."""

from linter.claims.extract import extract_claims

__all__ = ["extract_claims"]
