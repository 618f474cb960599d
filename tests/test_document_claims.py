"""DocumentClaims.of keeps each kind's claims once asked (linter.checking): the same
claims, in the document's order, at every ask, and an ask that stops early changes
nothing for the next; the document compares and pickles by its fields."""

from __future__ import annotations

import pickle

from conftest import REPO
from linter.checking import DocumentClaims
from linter.claims import extract_claims
from linter.data.lexicon import default_lexicon
from linter.metadata.infer import infer_metadata
from linter.models import DateRef, LegalRef, Quantity
from linter.read.loading import load_document

SEED = REPO / "seeds" / "000_46a754388d49c070.txt"


def _item() -> DocumentClaims:
    doc = load_document(SEED, "seeds/000.txt").document
    assert doc is not None
    doc = doc.model_copy(update={"meta": infer_metadata(doc)})
    return DocumentClaims(doc, extract_claims(doc, default_lexicon()))


def test_each_kind_is_the_claims_of_that_kind_in_order_at_every_ask() -> None:
    item = _item()
    for kind in (Quantity, LegalRef, DateRef, (Quantity, DateRef)):
        expected = [c for c in item.claims if isinstance(c, kind)]
        assert expected  # the seed has each kind
        first = item.of(kind)
        assert next(first) == expected[0]  # an ask that stops here
        assert list(item.of(kind)) == expected  # the next ask has them all
        assert list(first) == expected[1:]


def test_a_document_asked_is_equal_to_one_not_asked_and_pickles() -> None:
    asked, fresh = _item(), _item()
    assert list(asked.of(Quantity))
    assert asked == fresh
    again = pickle.loads(pickle.dumps(asked))
    assert again == fresh
    assert list(again.of(Quantity)) == list(fresh.of(Quantity))
