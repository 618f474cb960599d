"""The promise `doichieu serve` relies on to check a draft fast: a check that says
`scope = "document"` finds in a document, within its whole province, exactly what
it finds in that document alone. The server then runs such a check on the draft
only (linter.engine.warm), not on the hundreds of documents of its province.

Held on real text: the sample corpus and, when present, the 51 real articles of
../shared/corpus/real, each document against its province. NU01 is the control:
it compares documents, and the same comparison tells it apart.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from conftest import REAL_CORPUS, REPO
from linter.checking import Check, DocumentClaims, Group
from linter.checking.registry import load_checks
from linter.data.lexicon import default_lexicon
from linter.engine.config import Config
from linter.engine.policy import settings_of
from linter.engine.run import Options, run
from linter.models import Finding, RunResult

CHECKS = {check.code: check for check, _ in load_checks().checks}
DOCUMENT_SCOPE = sorted(code for code, check in CHECKS.items() if check.scope == "document")


@pytest.fixture(scope="module")
def corpora(seeds_result: RunResult) -> list[RunResult]:
    found = [seeds_result]
    if REAL_CORPUS.is_dir():  # without it the sample corpus alone holds the promise
        found.append(run([REAL_CORPUS], Options(), root=REPO.parent))
    return found


def provinces(result: RunResult) -> list[Group]:
    by_province: dict[str | None, list[DocumentClaims]] = defaultdict(list)
    for doc in result.documents:
        by_province[doc.meta.province].append(DocumentClaims(doc, result.claims[doc.path]))
    return [Group(p, tuple(items), default_lexicon()) for p, items in by_province.items()]


def found(check: type[Check], group: Group) -> list[Finding]:
    return list(check(settings_of(check, Config())).run(group))


def broken_promises(check: type[Check], results: list[RunResult]) -> list[str]:
    """Documents whose findings in their province differ from their findings alone."""
    broken = []
    for result in results:
        for group in provinces(result):
            together = found(check, group)
            for item in group.items:
                mine = [
                    f for f in together if any(e.path == item.document.path for e in f.evidence)
                ]
                alone = found(check, Group(group.province, (item,), group.lexicon))
                if sorted(mine, key=Finding.sort_key) != sorted(alone, key=Finding.sort_key):
                    broken.append(item.document.path)
    return broken


def test_the_checks_that_need_only_their_document_say_so() -> None:
    assert DOCUMENT_SCOPE == ["AR01", "CL01", "EV02", "LI01", "SP01"]


@pytest.mark.parametrize("code", DOCUMENT_SCOPE)
def test_a_document_scope_check_finds_the_same_in_a_document_alone(
    code: str, corpora: list[RunResult]
) -> None:
    assert broken_promises(CHECKS[code], corpora) == []


def test_the_comparison_tells_a_check_across_documents_apart(corpora: list[RunResult]) -> None:
    # Control: NU01 sees 56.000 against 55.600 only with both documents of Quảng Ninh.
    assert "seeds/000_46a754388d49c070.txt" in broken_promises(CHECKS["NU01"], corpora[:1])
