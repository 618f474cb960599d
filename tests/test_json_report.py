"""The JSON report's own encoder writes exactly the bytes of `json.dumps(indent=2)`."""

from __future__ import annotations

import json
from enum import Enum, IntEnum

import pytest

from conftest import real_corpus_or_skip
from linter.engine.config import Config
from linter.engine.parsing import parse_result
from linter.models import RunResult
from linter.read.loading import load_document
from reports import json_report


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def test_the_seeds_report_is_the_bytes_json_would_write(seeds_result: RunResult) -> None:
    data = json_report.payload(seeds_result)
    assert data["findings"] and data["documents"]  # a real report, not an empty one
    assert json_report.render_json(seeds_result) == _json(data) + "\n"


def test_the_claims_of_real_articles_are_the_bytes_json_would_write() -> None:
    paths = sorted(real_corpus_or_skip().glob("*/*.txt"))[:12]
    config = Config()
    claims = {}
    for path in paths:
        loaded = load_document(path, path.name, config.max_file_size, config.max_docx_inflated_size)
        claims[path.name] = tuple(parse_result(loaded, config)[1])
    records = [json_report.claim_record(c) for path in sorted(claims) for c in claims[path]]
    assert len(records) > 50
    text = json_report.render_claims_json(claims)
    assert text == _json({"schema_version": json_report.SCHEMA_VERSION, "claims": records}) + "\n"


class Colour(Enum):
    RED = "đỏ"


class Level(IntEnum):
    HIGH = 3


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [[]], "d": [{}]},
        {"tỷ lệ": 0.1, "tiny": 1e-07, "huge": 1e16, "money": 5.6e13, "neg": -0.0, "n": -12},
        {"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf")},
        {"quote": 'Nghị quyết "số 12"\n\t\\ \x00 \x1f \x7f \u2028 😀 \ud800'},
        {1: "int key", 2.5: "float key", False: "bool key", None: "null key"},
        [True, False, None, 0, 1, (1, (2, 3)), "hòa"],
        {"nested": [{"deep": [[[{"x": [1, {"y": []}]}]]]}]},
        # Values json spells through its own rules (subclasses, enums): handed to json.
        [Level.HIGH, {"level": Level.HIGH}],
        {Level.HIGH: "an IntEnum key"},
    ],
)
def test_odd_values_are_spelt_as_json_spells_them(value: object) -> None:
    assert json_report.dumps(value) == _json(value)


def test_a_value_json_refuses_is_refused_alike() -> None:
    with pytest.raises(TypeError):
        _json({"colour": Colour.RED})
    with pytest.raises(TypeError):
        json_report.dumps({"colour": Colour.RED})
