"""linter.data reads its YAML with libyaml's safe loader where PyYAML has it:
the same data as the pure loader, and the pure loader's words for a mistake."""

from __future__ import annotations

import pytest
import yaml

from conftest import REPO
from linter import data


def test_every_data_file_reads_the_same_with_both_loaders() -> None:
    files = sorted((REPO / "linter" / "data").glob("*.yaml"))
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert data._parse(text) == yaml.safe_load(text), path.name


def test_a_mistake_is_told_in_the_pure_loaders_words() -> None:
    text = "a: b: c\n"
    with pytest.raises(yaml.YAMLError) as pure:
        yaml.safe_load(text)
    with pytest.raises(yaml.YAMLError) as ours:
        data._parse(text)
    assert str(ours.value) == str(pure.value)
