"""PN03 reads only texts that say a nationality or a flag (checks/nationalities._flags).
Its test is now three substring searches of the lowercased text; it must keep every
answer of the case-insensitive regex it replaced, on real reports and on the phrases
written in any case, with near misses still read as none."""

from __future__ import annotations

import re

import pytest

from checks.nationalities import _flags
from conftest import real_corpus_or_skip, seed_texts

# The test as it was before: a case-insensitive regex over the text as written.
_BEFORE = re.compile(r"quốc tịch|(?:mang|treo) cờ", re.IGNORECASE)

_SAID = ["quốc tịch", "Quốc tịch", "QUỐC TỊCH", "quốc Tịch", "Mang cờ", "MANG CỜ", "treo Cờ"]
# Other spacing, no tone marks, a decomposed "ị" (i + U+0323), or other words: not said.
_NOT_SAID = ["quốc  tịch", "quoc tich", "qu\u1ed1c ti\u0323ch", "mang\tcờ", "cầm cờ", "chủ tịch"]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The real reports and the seeds, read once for the module's cases."""
    folder = real_corpus_or_skip()
    found = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]
    assert len(found) >= 30
    return found + seed_texts()


@pytest.fixture(scope="module")
def plain(texts: list[str]) -> str:
    """A real report that says no nationality nor flag: a phrase put in it is the
    only thing that can make it flagged, so a not-said case fails only on itself."""
    return next(t for t in texts if _BEFORE.search(t) is None)


def test_real_reports_flagged_as_before(texts: list[str]) -> None:
    assert [_flags(t) for t in texts] == [_BEFORE.search(t) is not None for t in texts]


@pytest.mark.parametrize("phrase", _SAID + _NOT_SAID)
def test_each_case_flagged_as_before(plain: str, phrase: str) -> None:
    middle = len(plain) // 2
    written = f"{plain[:middle]} Ông John Smith ({phrase} Anh) {plain[middle:]}"
    assert _flags(written) is (phrase in _SAID)
    assert _flags(written) is (_BEFORE.search(written) is not None)
