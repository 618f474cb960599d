"""VB03's law names (linter/data/laws.yaml): a name with a comma is one name, not two.

YAML splits an unquoted "[luật tín ngưỡng, tôn giáo]" into "luật tín ngưỡng" and
"tôn giáo", and "tôn giáo 2010" then read as that law cited in 2010. The model
refuses a name that opens with neither "luật" nor "bộ luật", so the file cannot
lose a quote silently."""

from __future__ import annotations

import pydantic
import pytest

from checks import laws
from linter import nlp


def test_names_with_a_comma_are_whole_and_every_name_opens_with_luat() -> None:
    names = [name for name, _ in laws._laws()]
    assert {"luật phòng, chống tham nhũng", "luật tín ngưỡng, tôn giáo"} <= set(names)
    assert not {"tôn giáo", "chống tham nhũng", "công chức", "chữa bệnh", "khen thưởng"} & set(
        names
    )
    assert all(n.startswith(("luật ", "bộ luật ")) for n in names)


def test_a_name_split_at_its_comma_is_refused() -> None:
    with pytest.raises(pydantic.ValidationError, match="tôn giáo"):
        laws._Law(names=("luật tín ngưỡng", "tôn giáo"), years=(2016,))
    assert laws._Law(names=("bộ luật dân sự", "luật dân sự"), years=(2015,)).names


def test_only_the_whole_name_is_cited_with_a_year() -> None:
    text = nlp.fold(
        "Theo Luật Tín ngưỡng, tôn giáo 2016, các tổ chức tôn giáo 2010 và công chức 2019 "
        "được công nhận; Luật Cán bộ, công chức 2008 vẫn áp dụng."
    )
    found = [(m["name"], m["year"]) for m in laws._pattern().finditer(text)]
    assert found == [("luật tín ngưỡng, tôn giáo", "2016"), ("luật cán bộ, công chức", "2008")]
