"""Flat front matter is read by libyaml (`frontmatter._FAST`) and the rest by
PyYAML's pure-Python `_YamlLoader`: both must give the same mapping, or both
fail, for every block the fast path takes."""

from __future__ import annotations

import random

import pytest
import yaml

from linter.read import frontmatter

pytestmark = pytest.mark.skipif(frontmatter._FAST is None, reason="PyYAML built without libyaml")

# What front matter values are made of, with every character YAML gives a meaning to.
_PIECES = [
    "Cần Thơ", "2017-05-16", "2023-02-30", "14/12/2023", "12:30", "1,5", "1.000", "0x1F",
    "yes", "no", "~", "null", "true", "1e3", ".inf", '"', "'", "''", ":", ": ", " #", "#",
    "-", "?", ",", "[", "]", "{", "}", "&a", "*a", "!!str", "|", ">", "%", "@", "`", "\\",
    "\\n", " ", "\t", "\u00a0", "é", "\u0301", "\x85", "\r", "\u2028", "\x07", "\ufeff",
]  # fmt: skip


def _value(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 5)))


def _block(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        if kind < 0.1:
            lines.append("# " + _value(rng))
        elif kind < 0.2:
            lines.append("")
        else:
            key = rng.choice(["title", "date", "province", "plan_year", "x-y", "_k"])
            quote = rng.choice(['"', "'", ""])
            lines.append(f"{key}: {quote}{_value(rng)}{quote}")
    return rng.choice(["\n", "\r\n"]).join(lines) + rng.choice(["", "\n"])


def _read(block: str, loader: type) -> object:
    try:
        return ("ok", yaml.load(block, Loader=loader))  # safe loaders only
    except yaml.YAMLError:
        return ("error",)


def test_flat_blocks_read_the_same_by_both_parsers() -> None:
    rng = random.Random(20261129)
    taken = 0
    for _ in range(3000):
        block = _block(rng)
        if not frontmatter._FLAT.fullmatch(block):
            continue
        taken += 1
        fast, slow = _read(block, frontmatter._FAST), _read(block, frontmatter._YamlLoader)
        assert repr(fast) == repr(slow), block
    assert taken > 1000  # the generator does reach the fast path


@pytest.mark.parametrize(
    ("block", "flat"),
    [
        ('title: "Báo cáo"\nprovince: "Cần Thơ"\ndate: 2017-05-16\n', True),
        ("date: 2023-02-30\r\n", True),
        ("x: &a 1\ny: *a\n", False),  # an alias: refused by _YamlLoader, with its line
        ("a:\n  b: 1\n", False),  # nesting
        ("tags: [a, b]\n", False),
        ("k: a\x07b\n", False),  # a control character
        ("k: a\rb\n", False),  # a lone carriage return is a line break in YAML
        ("plan_year: \t\n", False),  # a tab: PyYAML refuses it, libyaml reads None
    ],
)
def test_which_blocks_are_flat(block: str, flat: bool) -> None:
    assert bool(frontmatter._FLAT.fullmatch(block)) is flat


def test_a_flat_block_libyaml_rejects_is_reported_in_pyyaml_words() -> None:
    # libyaml says "mapping values are not allowed in this context" of this block
    mapping, _, _, problems = frontmatter.parse("---\ntitle: Báo cáo: quý I\n---\nBody\n")
    assert mapping == {}
    assert [(p.reason.id, p.line, p.column) for p in problems] == [("fm-yaml", 2, 15)]
    assert "mapping values are not allowed here" in problems[0].message
