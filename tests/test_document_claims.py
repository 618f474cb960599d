"""DocumentClaims.of keeps each kind's claims once asked (linter.checking): the same
claims, in the document's order, at every ask, and an ask that stops early changes
nothing for the next; the document compares and pickles by its fields."""

from __future__ import annotations

import pickle

from linter.checking import DocumentClaims
from linter.models import DateRef, LegalRef, Quantity, RunResult

SEED = "seeds/000_46a754388d49c070.txt"  # as the seeds' run (conftest) shows it


def _items(result: RunResult) -> tuple[DocumentClaims, DocumentClaims]:
    """Two DocumentClaims of one seed's document and claims, as the run gave them:
    the second built from copies, so that equality is of values, not of one object."""
    doc = next(d for d in result.documents if d.path == SEED)
    claims = result.claims[SEED]
    copies = tuple(c.model_copy(deep=True) for c in claims)
    return DocumentClaims(doc, claims), DocumentClaims(doc.model_copy(deep=True), copies)


def test_each_kind_is_the_claims_of_that_kind_in_order_at_every_ask(
    seeds_result: RunResult,
) -> None:
    item, _ = _items(seeds_result)
    for kind in (Quantity, LegalRef, DateRef, (Quantity, DateRef)):
        expected = [c for c in item.claims if isinstance(c, kind)]
        assert expected  # the seed has each kind
        first = item.of(kind)
        assert next(first) == expected[0]  # an ask that stops here
        assert list(item.of(kind)) == expected  # the next ask has them all
        assert list(first) == expected[1:]


def test_a_document_asked_is_equal_to_one_not_asked_and_pickles(
    seeds_result: RunResult,
) -> None:
    asked, fresh = _items(seeds_result)
    assert list(asked.of(Quantity))
    assert asked == fresh
    again = pickle.loads(pickle.dumps(asked))
    assert again == fresh
    assert list(again.of(Quantity)) == list(fresh.of(Quantity))
