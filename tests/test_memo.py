"""IdentityMemo: a value is given back only for the very objects it was made from."""

from __future__ import annotations

from linter.checking.memo import IdentityMemo


class Doc:
    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:  # equal texts are equal documents
        return isinstance(other, Doc) and other.text == self.text

    __hash__ = object.__hash__


def test_a_value_is_kept_for_the_same_objects_only() -> None:
    memo: IdentityMemo[str] = IdentityMemo(4)
    a, b = Doc("x"), Doc("y")
    memo.put("k", (a, None), "pairs of a")
    assert memo.get("k", (a, None)) == "pairs of a"
    assert memo.get("other key", (a, None)) is None
    assert memo.get("k", (b, None)) is None
    assert memo.get("k", (Doc("x"), None)) is None  # an equal but new document: read again


def test_an_entry_whose_object_is_gone_never_matches() -> None:
    memo: IdentityMemo[str] = IdentityMemo(4)
    a = Doc("x")
    memo.put("k", (a,), "kept")
    ident = id(a)
    del a
    again = [Doc("x") for _ in range(50)]
    reused = [d for d in again if id(d) == ident]
    assert reused  # CPython gives a freed object's identity to the next one of its size
    assert all(memo.get("k", (d,)) is None for d in reused)


def test_the_least_recently_used_entry_goes_first() -> None:
    memo: IdentityMemo[int] = IdentityMemo(2)
    docs = [Doc(str(i)) for i in range(3)]
    memo.put("k", (docs[0],), 0)
    memo.put("k", (docs[1],), 1)
    assert memo.get("k", (docs[0],)) == 0  # used: docs[1] is now the oldest
    memo.put("k", (docs[2],), 2)
    assert memo.get("k", (docs[1],)) is None
    assert memo.get("k", (docs[0],)) == 0 and memo.get("k", (docs[2],)) == 2
    memo.clear()
    assert memo.get("k", (docs[0],)) is None
