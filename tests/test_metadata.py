"""Metadata inference (linter.metadata.infer) and the gazetteer it resolves places with."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import REAL_CORPUS, SEEDS, run_corpus
from linter.metadata import gazetteer
from linter.metadata.infer import infer_metadata
from linter.models import Document, DocumentMeta, Provenance

REAL = REAL_CORPUS
# Measured: 37 of 37 real articles agree with their front-matter province.
REAL_AGREEMENT_FLOOR = 0.95


def doc(text: str, path: str = "doc.txt", meta: DocumentMeta | None = None) -> Document:
    text = unicodedata.normalize("NFC", text)
    return Document(path=path, original=text, text=text, meta=meta or DocumentMeta())


def seed(prefix: str) -> Document:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return doc(path.read_text(encoding="utf-8"), path=str(path))


# --- gazetteer ---------------------------------------------------------------------------


def test_gazetteer_knows_both_generations() -> None:
    gaz = gazetteer.load()
    provinces = {p for found in gaz.provinces.values() for p in found}
    assert sum(p.legacy for p in provinces) == 63
    assert sum(p.current for p in provinces) == 34
    assert gazetteer.provinces_named("Quảng Ninh")[0].full == "Tỉnh Quảng Ninh"
    assert gazetteer.provinces_named("Hà Nội")[0].kind == "thành phố"


def test_lookups_ignore_tone_placement_and_case() -> None:
    assert gazetteer.provinces_named("Hoà Bình") == gazetteer.provinces_named("HÒA BÌNH")
    (quang_yen,) = gazetteer.districts_named("quảng yên")
    assert (quang_yen.name, quang_yen.type, quang_yen.province) == (
        "Thị xã Quảng Yên",
        "Thị xã",
        "Quảng Ninh",
    )
    hiep_hoa = gazetteer.wards_named("Hiệp Hoà")
    assert any(w.district == "Thị xã Quảng Yên" for w in hiep_hoa)
    assert {d.province for d in gazetteer.districts_named("Hiệp Hòa")} == {"Bắc Giang"}
    assert gazetteer.districts_named("1")[0].name == "Quận 1"  # "quận 1" in text


def test_merger_mapping() -> None:
    assert gazetteer.merged_into("Bắc Kạn") == "Thái Nguyên"
    assert gazetteer.merged_into("Hà Nam") == "Ninh Bình"
    assert gazetteer.merged_into("Quảng Ninh") == "Quảng Ninh"
    assert gazetteer.merged_into("Tỉnh Bà Rịa – Vũng Tàu") == "Hồ Chí Minh"
    assert gazetteer.merged_into("TP. Hồ Chí Minh") == "Hồ Chí Minh"
    with pytest.raises(KeyError):
        gazetteer.merged_into("Atlantis")


# --- the five seeds -----------------------------------------------------------------------

H, T, G = Provenance.HEADER, Provenance.TEXT, Provenance.GUESS
SEED_EXPECTED = [
    ("000", dt.date(2023, 12, 23), T, "Quảng Ninh", None, 2024),
    ("001", dt.date(2023, 12, 14), T, "Quảng Ninh", None, 2024),
    ("002", dt.date(2024, 3, 31), G, "Quảng Ninh", None, 2024),
    ("003", dt.date(2023, 12, 13), H, "Bắc Kạn", None, 2024),
    ("004", dt.date(2023, 9, 15), H, "Quảng Ninh", "Thị xã Quảng Yên", 2024),
]


@pytest.mark.parametrize(
    ("prefix", "date", "source", "province", "district", "plan"), SEED_EXPECTED
)
def test_seed_metadata(
    prefix: str,
    date: dt.date,
    source: Provenance,
    province: str,
    district: str | None,
    plan: int,
) -> None:
    meta = infer_metadata(seed(prefix))
    assert (meta.date, meta.date_source) == (date, source)
    assert (meta.province, meta.province_source) == (province, Provenance.GAZETTEER)
    assert meta.district == district
    assert meta.plan_year == plan


def test_seed_issuers_titles_and_provenance() -> None:
    metas = {p: infer_metadata(seed(p)) for p in ("000", "001", "002", "003", "004")}
    assert {p: m.issuer for p, m in metas.items()} == {
        "000": "UBND tỉnh",
        "001": "UBND tỉnh",
        "002": None,
        "003": "UBND tỉnh",
        "004": "UBND thị xã",
    }
    assert metas["004"].district_source == Provenance.GAZETTEER
    assert metas["004"].title == (
        "UBND TX họp, nghe dự kiến các chỉ tiêu phát triển kinh tế - xã hội năm 2024"
    )
    assert [metas[p].title for p in ("000", "001", "003")] == [None, None, None]
    assert metas["002"].plan_year_source == Provenance.GUESS
    assert metas["000"].plan_year_source == Provenance.TEXT


# --- traps --------------------------------------------------------------------------------


def test_ha_nam_as_a_place_is_not_the_province() -> None:
    text = (
        "Sáng 5/3, UBND tỉnh Quảng Ninh họp bàn kế hoạch đầu tư năm 2024.\n"
        "Phấn đấu khởi công phòng khám đa khoa khu vực Hà Nam và nhà văn hóa thôn Hà Nam; "
        "nâng cấp đường Hà Nam. Hà Nam là vùng đất giàu truyền thống của Quảng Yên."
    )
    assert infer_metadata(doc(text)).province == "Quảng Ninh"
    # A bare "Hà Nam" with nothing else is the province.
    assert infer_metadata(doc("Năm 2024, Hà Nam đạt tốc độ tăng trưởng 9%.")).province == "Hà Nam"


def test_provincial_document_listing_districts_has_no_district() -> None:
    text = (
        "Ngày 10/1, UBND tỉnh tổ chức hội nghị triển khai kế hoạch năm 2024. "
        "Tỉnh thu hút đầu tư vào các khu công nghiệp Sông Khoai (thị xã Quảng Yên), "
        "Việt Hưng (thành phố Hạ Long), Hải Hà (huyện Hải Hà), xã Hiệp Hòa."
    )
    meta = infer_metadata(doc(text))
    assert (meta.province, meta.district, meta.issuer) == ("Quảng Ninh", None, "UBND tỉnh")


def test_named_district_body() -> None:
    text = (
        "Ngày 20/1, UBND huyện Đức Thọ tổ chức hội nghị triển khai nhiệm vụ năm 2017. "
        "Huyện phấn đấu có thêm 3 xã đạt chuẩn nông thôn mới."
    )
    meta = infer_metadata(doc(text))
    assert (meta.province, meta.district, meta.issuer) == ("Hà Tĩnh", "Huyện Đức Thọ", "UBND huyện")
    assert meta.plan_year == 2017


def test_district_named_like_a_commune_elsewhere() -> None:
    text = "Huyện ủy Hiệp Hòa họp, bàn giải pháp phát triển kinh tế năm 2024 của huyện."
    meta = infer_metadata(doc(text))
    assert (meta.district, meta.province, meta.issuer) == (
        "Huyện Hiệp Hòa",
        "Bắc Giang",
        "Huyện ủy",
    )


def test_city_body_of_a_centrally_run_city_is_provincial() -> None:
    text = "Sáng 6-2, UBND TP Hà Nội họp giao ban. UBND TP giao 84 đầu việc cho các sở."
    meta = infer_metadata(doc(text))
    assert (meta.province, meta.district, meta.issuer) == ("Hà Nội", None, "UBND thành phố")


def test_titles_and_citations_do_not_make_an_issuer() -> None:
    text = "Đồng chí Chủ tịch UBND tỉnh dự hội nghị. Nghị quyết của HĐND tỉnh được nêu."
    assert infer_metadata(doc(text)).issuer is None


# --- dates --------------------------------------------------------------------------------


def test_date_tag_without_matching_body_day_takes_the_first() -> None:
    meta = infer_metadata(doc(" date 2023-12 Sáng 5/11, UBND tỉnh họp bàn kế hoạch năm 2024."))
    assert (meta.date, meta.date_source) == (dt.date(2023, 12, 1), Provenance.HEADER)


def test_deadlines_do_not_date_the_text() -> None:
    text = (
        "Ngày 23/12, UBND tỉnh họp. Nghị quyết ngày 8/12/2023 giao nhiệm vụ; "
        "báo cáo trước ngày 15/1/2024."
    )
    assert infer_metadata(doc(text)).date == dt.date(2023, 12, 23)


def test_early_january_text_citing_late_december() -> None:
    text = "Ngày 5/1, UBND tỉnh triển khai Quyết định ban hành ngày 28/12/2023."
    assert infer_metadata(doc(text)).date == dt.date(2024, 1, 5)


def test_opening_date_without_a_cited_year_is_not_dated() -> None:
    meta = infer_metadata(doc("Sáng 6-2, UBND tỉnh họp giao ban đầu năm."))
    assert (meta.date, meta.date_source) == (None, Provenance.NONE)


@pytest.mark.parametrize("bad", ["2023-13-45", '"hôm qua"', "2023-02-30", "[2023, 12]"])
def test_malformed_front_matter_date_falls_back_to_the_text(tmp_path: Path, bad: str) -> None:
    """The bad value is reported (DC02) and the date is read from the text as if the
    front matter had none; the other keys still count."""
    text = (
        f"---\ndate: {bad}\nprovince: Quảng Ninh\n---\n"
        "Ngày 14/12, UBND tỉnh họp bàn kế hoạch năm 2024 theo Nghị quyết ngày 8/12/2023.\n"
    )
    result = run_corpus(tmp_path, {"a.md": text})
    (document,) = result.documents
    assert (document.meta.date, document.meta.date_source) == (dt.date(2023, 12, 14), T)
    assert document.meta.province_source == Provenance.FRONT_MATTER
    (problem,) = [f for f in result.findings if f.code == "DC02"]
    # In Vietnamese, the language of a run by default
    assert problem.message.startswith("khóa 'date' của front matter: cần một ngày như 2023-12-14")
    assert problem.evidence[0].line == 2


def test_front_matter_fields_are_kept() -> None:
    meta = DocumentMeta(
        province="Hà Nội",
        province_source=Provenance.FRONT_MATTER,
        plan_year=2017,
        plan_year_source=Provenance.FRONT_MATTER,
        title="Tiêu đề",
    )
    result = infer_metadata(seed("004").model_copy(update={"meta": meta}))
    assert (result.province, result.province_source) == ("Hà Nội", Provenance.FRONT_MATTER)
    assert (result.plan_year, result.title) == (2017, "Tiêu đề")
    assert result.district is None  # Quảng Yên is not in Hà Nội
    assert result.date == dt.date(2023, 9, 15)


# --- real corpus --------------------------------------------------------------------------


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"^(?:tp|thanh-pho|tinh)-", "", re.sub(r"[^a-z0-9]+", "-", plain).strip("-"))


def test_real_corpus_province_agreement() -> None:
    files = sorted(REAL.glob("*/*.txt"))
    if not files:
        pytest.skip(f"real corpus not present at {REAL}")
    agree = 0
    for path in files:
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        expected = yaml.safe_load(front)["province"]
        meta = infer_metadata(doc(body, path=str(path)))
        agree += meta.province is not None and _slug(meta.province) == _slug(expected)
    assert agree / len(files) >= REAL_AGREEMENT_FLOOR, f"{agree}/{len(files)}"


@pytest.mark.parametrize(
    "line", ["Quảng Ninh, ngày 28/12/2023", "Quảng Ninh, ngày 28 tháng 12 năm 2023"]
)
def test_place_and_date_line_of_official_writing(line: str) -> None:
    meta = infer_metadata(
        doc(f"UBND TỈNH QUẢNG NINH\n{line}\nKế hoạch của tỉnh Quảng Ninh năm 2024.")
    )
    assert (meta.date, meta.date_source) == (dt.date(2023, 12, 28), Provenance.HEADER)
