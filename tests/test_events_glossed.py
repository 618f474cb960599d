"""EV01's way through glosses: a figure both reports state, glossed in another
unit by each ("12 tầng, tương đương độ cao 50 m" / "12 tầng (55 m)"), with two
values (linter.checking.companions). On sentences quoted here and on the real
articles of news2017's tuning half (skipped without ../shared).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.checking.companions import glossed, regloss
from linter.claims.extract import extract_claims
from linter.engine.run import Options, run
from linter.models import Document, Quantity


def _glossed(text: str) -> list[tuple[str, str]]:
    return [(g.anchor.span.quote, g.gloss.span.quote) for g in glossed(*_figures(text))]


def _figures(text: str) -> tuple[str, list[Quantity]]:
    doc = Document(path="a.txt", original=text, text=text)
    return text, [c for c in extract_claims(doc) if isinstance(c, Quantity)]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Dự án được phê duyệt tới 12 tầng, tương đương độ cao 50 m.",
            [("12 tầng", "50 m"), ("50 m", "12 tầng")],
        ),
        (
            "Khách sạn phải hạ từ 12 tầng (55 m) xuống còn 6 tầng (25 m).",
            [("12 tầng", "55 m"), ("55 m", "12 tầng"), ("6 tầng", "25 m"), ("25 m", "6 tầng")],
        ),
        # One figure stated twice in a sentence: each quote is found after the one
        # before, so the second "12 tầng" is glossed by the second height.
        (
            "Khách sạn A cao 12 tầng (55 m) và khách sạn B cao 12 tầng (40 m).",
            [("12 tầng", "55 m"), ("55 m", "12 tầng"), ("12 tầng", "40 m"), ("40 m", "12 tầng")],
        ),
        # Figures of one unit in a row are a list or a range, not a gloss; a figure
        # far from the next one, or joined to it by other words, glosses nothing.
        ("Hai đường băng dài 3.048 m (3.800 m) cách nhau 365 m.", []),
        ("Tòa nhà cao 20 tầng và có 3 tầng hầm rộng 6.000 m2.", []),
    ],
)
def test_a_gloss_follows_its_figure_in_brackets_or_after_an_equivalence_word(
    text: str, pairs: list[tuple[str, str]]
) -> None:
    assert _glossed(text) == pairs


def test_a_figure_held_twice_is_placed_once() -> None:
    """A cache and a corpus may hand a report's claims twice: each place in the
    text is one figure, not a second "12 tầng" looked for after the first."""
    text, figures = _figures("Khách sạn phải hạ từ 12 tầng (55 m) xuống còn 6 tầng.")
    assert [(g.anchor.span.quote, g.gloss.span.quote) for g in glossed(text, figures * 2)] == [
        ("12 tầng", "55 m"),
        ("55 m", "12 tầng"),
    ]


def test_two_glosses_of_one_figure_disagree_unless_the_other_report_states_them() -> None:
    a, b = (
        _figures("Khách sạn 12 tầng, tương đương độ cao 50 m."),
        _figures("Khách sạn 12 tầng (55 m)."),
    )
    found = regloss(glossed(*a), glossed(*b), (a[1], b[1]), 0.05)
    assert [(x.span.quote, y.span.quote, at) for x, y, at in found] == [("50 m", "55 m", "12 tầng")]
    # "công trình có độ cao từ 45 m" (a rule's bound) does not state the 55 m again.
    c = _figures(
        "Khách sạn 12 tầng, tương đương độ cao 50 m. Công trình cao từ 45 m phải xin phép."
    )
    assert len(list(regloss(glossed(*c), glossed(*b), (c[1], b[1]), 0.05))) == 1
    # The other report's own "50 m" elsewhere: both heights are stated there.
    d = _figures("Khách sạn 12 tầng (55 m). Bãi đỗ xe cách 50 m.")
    assert list(regloss(glossed(*a), glossed(*d), (a[1], d[1]), 0.05)) == []


def test_the_golf_hotels_height_given_two_ways(news: Path) -> None:
    """Reading entry T92: the Tân Sơn Nhất golf hotel approved "tới 12 tầng, tương
    đương độ cao 50 m" in one report and cut "từ 12 tầng (55 m)" in another."""
    paths = ["tp-ho-chi-minh/mz-22509299.txt", "tp-ho-chi-minh/mz-22524591.txt"]
    result = run([news / p for p in paths], Options(select=["EV01"]), root=news)
    found = [
        (f.severity.value, f.message.split(") ")[-1], [(e.path, e.quote) for e in f.evidence])
        for f in result.findings
        if "50 m" in {e.quote for e in f.evidence}
    ]
    assert found == [
        (
            "info",
            "nêu «độ cao» là 50 m và 55 m.",
            [(paths[0], "50 m"), (paths[1], "55 m")],
        )
    ]
