"""How precise a written number is, read by the separators `parse_digits` reads:
AR01's rounding slack and EV01's agreement both depend on it. A decimal point
before a scale word ("14.65 triệu USD") and English separators ("33,448.22")
were read as whole numbers or as seven decimals before one helper served both."""

from __future__ import annotations

import pytest

from checks.arithmetic.figures import _last_digit
from linter.checking.likeness import rounding
from linter.claims.extract import extract_claims
from linter.claims.numbers import decimal_step, parse_digits
from linter.models import Document, Quantity


@pytest.mark.parametrize(
    ("token", "value", "step"),
    [
        ("18,5", 18.5, 0.1),
        ("14.65", 14.65, 0.01),
        ("33,448.22", 33448.22, 0.01),
        ("4,8", 4.8, 0.1),
        ("1.520", 1520.0, None),
        ("15", 15.0, None),
    ],
)
def test_a_tokens_last_decimal_follows_its_separators(
    token: str, value: float, step: float | None
) -> None:
    assert parse_digits(token) == value
    assert decimal_step(token) == step
    assert _last_digit(token) == (step if step is not None else 1.0)


def test_a_decimal_point_before_a_scale_word_is_rounded_at_its_last_digit() -> None:
    text = "Kim ngạch xuất khẩu đạt 14.65 triệu USD."
    doc = Document(path="a.md", original=text, text=text)
    (q,) = [c for c in extract_claims(doc) if isinstance(c, Quantity)]
    assert q.value == 14_650_000
    assert rounding(q) == pytest.approx(5_000)  # half of 0,01 triệu, not of 1 triệu
