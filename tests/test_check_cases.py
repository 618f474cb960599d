"""Documents in, findings out: one YAML file per check under tests/fixtures/checks/.

Each case lists documents (name -> text, front matter allowed) and the exact
findings of that check: code, severity and evidence as (path, quote). A quote
must occur exactly once in its document, so that its line and column are known
and compared too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import run_corpus
from linter.textmap import line_col

FIXTURES = Path(__file__).parent / "fixtures" / "checks"


def _cases() -> list[Any]:
    params = []
    for path in sorted(FIXTURES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["check"], case, id=f"{path.stem}-{case['name']}"))
    return params


def _expected(case: dict[str, Any]) -> list[tuple[object, ...]]:
    result = []
    for finding in case.get("findings", []):
        evidence = []
        for ev in finding["evidence"]:
            text = case["documents"][ev["path"]]
            assert text.count(ev["quote"]) == 1, (
                f"quote {ev['quote']!r} must occur once in {ev['path']}"
            )
            line, column = line_col(text, text.index(ev["quote"]))
            evidence.append((ev["path"], line, column, ev["quote"]))
        result.append((finding["code"], finding["severity"], tuple(evidence)))
    return result


@pytest.mark.parametrize(("check", "case"), _cases())
def test_check_case(tmp_path: Path, check: str, case: dict[str, Any]) -> None:
    result = run_corpus(tmp_path, case["documents"], select={check})
    actual = [
        (f.code, f.severity.value, tuple((e.path, e.line, e.column, e.quote) for e in f.evidence))
        for f in result.findings
        if f.code == check
    ]
    assert actual == _expected(case)
    assert not [f for f in result.findings if f.code.startswith("EN")], result.findings


def test_every_check_has_cases() -> None:
    from linter.checking.registry import load_checks

    codes = {c.code for c, _ in load_checks().checks}
    covered = {p.stem for p in FIXTURES.glob("*.yml")}
    assert codes <= covered, f"checks without fixture cases: {sorted(codes - covered)}"
