"""Scope is never guessed upwards: the unit a document is issued by or about.

A district or commune document whose unit is resolved is compared only with
documents of that unit; one whose unit cannot be resolved is compared with
nobody's, never with its province's. Names with apostrophes, spelling variants
and names shared by two units of one province are resolved here, over the
whole gazetteer.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import REPO, run_corpus
from linter.data.places import name_key, without_type_note
from linter.metadata import gazetteer
from linter.metadata.gazetteer import District, Province, Ward
from linter.metadata.infer import infer_metadata
from linter.models import Document, DocumentMeta, Level, Provenance
from reports.json_report import render_json


def doc(text: str) -> Document:
    text = unicodedata.normalize("NFC", text)
    return Document(path="doc.txt", original=text, text=text)


def meta_of(text: str) -> DocumentMeta:
    return infer_metadata(doc(text))


def _province(name: str) -> Province:
    found = gazetteer.province(name)
    assert found is not None, name
    return found


# --- every unit of the gazetteer ----------------------------------------------------------

# How texts introduce a district body of each type: its UBND, its abbreviation,
# its party committee.
_DISTRICT_BODIES = {
    "Huyện": ("UBND huyện", "Huyện ủy"),
    "Thị xã": ("UBND thị xã", "UBND TX", "Thị ủy"),
    "Thành phố": ("UBND thành phố", "UBND TP", "Thành ủy"),
    "Quận": ("UBND quận", "Quận ủy"),
}


def _short(unit: District | Ward) -> str:
    """The name as a text writes it after its unit word: "Cai Lậy", "1" for "Quận 1"."""
    short = without_type_note(unit.short)
    prefix = unit.type + " "
    return short[len(prefix) :] if name_key(short).startswith(name_key(prefix)) else short


def test_every_district_before_the_merger_resolves_with_its_unit_word() -> None:
    """ "UBND huyện X, tỉnh Y họp ..." is about X, for each of the ~700 districts."""
    gaz = gazetteer.load()
    wrong = []
    for district in gaz.district_of.values():
        province = _province(district.province)
        for body in _DISTRICT_BODIES[district.type]:
            text = (
                f"Ngày 5/1, {body} {_short(district)}, {province.kind} {province.name} họp "
                "triển khai nhiệm vụ năm 2024 theo Nghị quyết ngày 28/12/2023."
            )
            meta = meta_of(text)
            found = (meta.province, meta.district, meta.level, meta.scope)
            if found != (district.province, district.name, Level.DISTRICT, (district.name, None)):
                wrong.append((text, found))
    assert len(gaz.district_of) > 690
    assert wrong == []


def test_every_commune_after_the_merger_resolves() -> None:
    """A 2025 document of a commune or ward of the 34 provinces is about that unit."""
    wards = {w for found in gazetteer.load().wards.values() for w in found if w.current}
    wrong = []
    for ward in wards:
        province = _province(ward.province)
        text = (
            f"Ngày 5/8, UBND {ward.type.lower()} {_short(ward)}, {province.kind} {province.name} "
            "họp triển khai nhiệm vụ năm 2025 theo Quyết định ngày 1/8/2025."
        )
        meta = meta_of(text)
        expected = f"{ward.type} {_short(ward)}"
        if (meta.province, meta.commune, meta.district, meta.level) != (
            ward.province,
            expected,
            None,
            Level.COMMUNE,
        ):
            wrong.append((text, meta.province, meta.commune, meta.district))
    assert len(wards) > 3300
    assert wrong == []


def test_a_commune_before_the_merger_belongs_to_its_district() -> None:
    text = (
        "Ngày 5/3, UBND xã Tân Lập, huyện Đan Phượng, thành phố Hà Nội họp bàn kế hoạch "
        "năm 2024. Nghị quyết ngày 1/3/2024 giao chỉ tiêu."
    )
    meta = meta_of(text)
    assert (meta.level, meta.scope) == (Level.COMMUNE, ("Huyện Đan Phượng", "Xã Tân Lập"))
    # Many provinces have a Tân Lập: the district named decides, here in Bình Phước.
    other = meta_of(text.replace("huyện Đan Phượng, thành phố Hà Nội", "huyện Đồng Phú"))
    assert (other.province, other.scope) == ("Bình Phước", ("Huyện Đồng Phú", "Xã Tân Lập"))


# --- hard names -----------------------------------------------------------------------------

APOSTROPHE_NAMES = [
    ("Cư M'gar", "Huyện Cư M'gar"),
    ("Cư M’gar", "Huyện Cư M'gar"),
    ("Cư M‘Gar", "Huyện Cư M'gar"),
    ("Cư Mgar", "Huyện Cư M'gar"),
    ("Ea H'leo", "Huyện Ea H'leo"),
    ("Ea H’Leo", "Huyện Ea H'leo"),
    ("Ea Hleo", "Huyện Ea H'leo"),
    ("M'Đrắk", "Huyện M'Đrắk"),
    ("M’Drắk", "Huyện M'Đrắk"),
    ("Mđrắk", "Huyện M'Đrắk"),
    ("Krông A Na", "Huyện Krông A Na"),
    ("Krông Ana", "Huyện Krông A Na"),
    ("Krông Pắk", "Huyện Krông Pắc"),
    ("Đắk R'Lấp", "Huyện Đắk R'Lấp"),
    ("Đắk R’lấp", "Huyện Đắk R'Lấp"),
    ("Đăk R'Lấp", "Huyện Đắk R'Lấp"),
    ("Đắk Glong", "Huyện Đăk Glong"),
    ("Đăk Glong", "Huyện Đăk Glong"),
    ("Ia H'Drai", "Huyện Ia H'Drai"),
    ("Ia HDrai", "Huyện Ia H'Drai"),
]


@pytest.mark.parametrize(("written", "district"), APOSTROPHE_NAMES)
def test_names_with_apostrophes_and_spelling_variants(written: str, district: str) -> None:
    text = f"Sáng 20/1, UBND huyện {written} tổ chức hội nghị triển khai nhiệm vụ năm 2024."
    meta = meta_of(text)
    assert (meta.district, meta.level) == (district, Level.DISTRICT)
    assert meta.province == gazetteer.load().districts[name_key(_short_of(district))][0].province


def _short_of(full: str) -> str:
    return full.split(" ", 1)[1]


SHARED_NAMES = [
    ("UBND thị xã Cai Lậy", "Thị xã Cai Lậy"),
    ("UBND TX Cai Lậy", "Thị xã Cai Lậy"),
    ("Thị ủy Cai Lậy", "Thị xã Cai Lậy"),
    ("UBND huyện Cai Lậy", "Huyện Cai Lậy"),
    ("Huyện ủy Cai Lậy", "Huyện Cai Lậy"),
    ("UBND thị xã Kỳ Anh", "Thị xã Kỳ Anh"),
    ("UBND huyện Kỳ Anh", "Huyện Kỳ Anh"),
    ("UBND thị xã Duyên Hải", "Thị xã Duyên Hải"),
    ("UBND huyện Duyên Hải", "Huyện Duyên Hải"),
    ("UBND thị xã Long Mỹ", "Thị xã Long Mỹ"),
    ("UBND huyện Long Mỹ", "Huyện Long Mỹ"),
    ("UBND TP Cao Lãnh", "Thành phố Cao Lãnh"),
    ("UBND huyện Cao Lãnh", "Huyện Cao Lãnh"),
    ("Thành ủy Hồng Ngự", "Thành phố Hồng Ngự"),
    ("UBND huyện Hồng Ngự", "Huyện Hồng Ngự"),
]


@pytest.mark.parametrize(("body", "district"), SHARED_NAMES)
def test_the_unit_word_decides_between_units_of_one_name(body: str, district: str) -> None:
    # The other unit of that name is named too, as a place: it must not win.
    other = "huyện" if district.startswith(("Thị xã", "Thành phố")) else "thị xã"
    text = (
        f"Ngày 10/1, {body} tổ chức hội nghị tổng kết năm 2023. Đến dự có lãnh đạo "
        f"{other} {_short_of(district)}."
    )
    assert meta_of(text).district == district


def test_a_text_about_a_district_without_an_issuer_is_the_districts() -> None:
    meta = meta_of("Huyện Cư M'gar phấn đấu năm 2024 thu ngân sách đạt 300 tỷ đồng.")
    assert (meta.province, meta.district, meta.level) == (
        "Đắk Lắk",
        "Huyện Cư M'gar",
        Level.DISTRICT,
    )
    meta = meta_of("Sáng 5/3, tại Hạ Long, tỉnh Quảng Ninh tổ chức hội nghị xúc tiến đầu tư.")
    assert (meta.level, meta.scope) == (Level.PROVINCE, (None, None))


def test_an_unresolved_district_has_no_scope() -> None:
    meta = meta_of(
        "Ngày 20/1, UBND huyện Không Tên, tỉnh Đắk Lắk tổ chức hội nghị triển khai "
        "nhiệm vụ năm 2024."
    )
    assert (meta.province, meta.district, meta.level, meta.scope) == (
        "Đắk Lắk",
        None,
        Level.DISTRICT,
        None,
    )
    commune = meta_of("Ngày 2/2, Đảng ủy xã Không Tên, tỉnh Đắk Lắk họp bàn nhiệm vụ năm 2024.")
    assert (commune.level, commune.commune, commune.scope) == (Level.COMMUNE, None, None)


# --- what the checks compare ------------------------------------------------------------------

_PROVINCE = """---
date: 2023-12-20
---
Ngày 20/12, UBND tỉnh Đắk Lắk tổ chức hội nghị triển khai nhiệm vụ năm 2024.
Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước trên địa bàn đạt 9.000 tỷ đồng.
"""


def _district_doc(name: str, figure: str, province: str = "Đắk Lắk") -> str:
    return f"""---
date: 2023-12-22
---
Ngày 22/12, UBND huyện {name}, tỉnh {province} tổ chức hội nghị triển khai nhiệm vụ năm 2024.
Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước trên địa bàn đạt {figure} tỷ đồng.
"""


def _nu01(tmp_path: Path, documents: dict[str, str]) -> list[tuple[str, ...]]:
    result = run_corpus(tmp_path, documents, select=["NU01"])
    return [tuple(sorted(e.path for e in f.evidence)) for f in result.findings if f.code == "NU01"]


@pytest.mark.parametrize("name", ["Cư M'gar", "Cư Mgar", "Ea H’leo", "Krông Ana", "Không Tên"])
def test_district_figures_are_never_the_provinces(tmp_path: Path, name: str) -> None:
    """Resolved or not, a district's figures are not compared with the province's."""
    documents = {"tinh.md": _PROVINCE, "huyen.md": _district_doc(name, "300")}
    assert _nu01(tmp_path, documents) == []


def test_two_documents_of_one_district_are_compared(tmp_path: Path) -> None:
    documents = {
        "a.md": _district_doc("Cư M'gar", "300"),
        "b.md": _district_doc("Cư M’gar", "350"),
        "tinh.md": _PROVINCE,
    }
    assert _nu01(tmp_path, documents) == [("a.md", "b.md")]


def test_two_unresolved_districts_are_not_compared(tmp_path: Path) -> None:
    documents = {
        "a.md": _district_doc("Không Tên", "300"),
        "b.md": _district_doc("Chưa Rõ", "350"),
    }
    assert _nu01(tmp_path, documents) == []


def test_huyen_and_thi_xa_of_one_name_are_not_compared(tmp_path: Path) -> None:
    town = _district_doc("Cai Lậy", "300", "Tiền Giang").replace("UBND huyện", "UBND thị xã")
    documents = {
        "huyen.md": _district_doc("Cai Lậy", "420", "Tiền Giang"),
        "thixa.md": town,
        "huyen2.md": _district_doc("Cai Lậy", "420", "Tiền Giang"),
    }
    assert _nu01(tmp_path, documents) == []
    documents["thixa2.md"] = town.replace("300", "250")
    assert _nu01(tmp_path, documents) == [("thixa.md", "thixa2.md")]


@pytest.mark.parametrize(
    ("body", "district"),
    [
        ("UBND TX Hồng Ngự", "Thành phố Hồng Ngự"),  # a town of 2017, a city since 2020
        ("Thị ủy Từ Sơn", "Thành phố Từ Sơn"),
        ("UBND huyện Điện Bàn", "Thị xã Điện Bàn"),  # a district raised to a town in 2015
        ("UBND huyện Hồng Ngự", "Huyện Hồng Ngự"),  # its own type first: never the city
    ],
)
def test_a_unit_raised_since_is_found_under_its_new_type(body: str, district: str) -> None:
    assert meta_of(f"Ngày 3/3, {body} tổ chức hội nghị sơ kết quý I năm 2017.").district == district


@pytest.mark.parametrize("written", ["huyện Cư M'gar", "Huyện Cư Mgar", "Cư M’gar"])
def test_a_district_in_front_matter_is_spelled_as_the_gazetteer_does(written: str) -> None:
    """So that documents of one district meet, however their front matter writes it."""
    front = DocumentMeta(district=written, district_source=Provenance.FRONT_MATTER)
    text = "Ngày 3/3, Sở Tài chính tỉnh Đắk Lắk làm việc về thu ngân sách năm 2017."
    meta = infer_metadata(doc(text).model_copy(update={"meta": front}))
    assert (meta.district, meta.district_source) == ("Huyện Cư M'gar", Provenance.FRONT_MATTER)
    assert (meta.level, meta.scope) == (Level.DISTRICT, ("Huyện Cư M'gar", None))
    unknown = DocumentMeta(district="huyện Không Tên", district_source=Provenance.FRONT_MATTER)
    kept = infer_metadata(doc(text).model_copy(update={"meta": unknown}))
    assert (kept.district, kept.scope) == ("huyện Không Tên", ("huyện Không Tên", None))


def test_the_district_of_the_title_line_wins_over_a_neighbour_named_as_often() -> None:
    text = (
        "Huyện Vạn Ninh triển khai nhiệm vụ năm 2024\n\n"
        "Ngày 6/3, UBND huyện tổ chức hội nghị triển khai nhiệm vụ năm 2024. "
        "Lãnh đạo huyện Cam Lâm cũng dự và chia sẻ kinh nghiệm xây dựng nông thôn mới."
    )
    assert meta_of(text).district == "Huyện Vạn Ninh"
    # Named once each outside the title: no district stands out, none is guessed.
    body = text.split("\n\n", 1)[1] + " Huyện Vạn Ninh có nhiều tiềm năng."
    assert (meta_of(body).district, meta_of(body).scope) == (None, None)


def test_every_district_with_an_apostrophe_resolves_however_it_is_written() -> None:
    districts = [d for d in gazetteer.load().district_of.values() if "'" in d.short]
    assert len(districts) >= 5  # Ia H'Drai, Ea H'leo, Cư M'gar, M'Đrắk, Đắk R'Lấp
    wrong = []
    for district in districts:
        for mark in ("’", "‘", "ʼ", "`", "´", ""):
            written = _short(district).replace("'", mark)
            meta = meta_of(f"Chiều 15/9, Huyện ủy {written} họp bàn nhiệm vụ quý IV năm 2023.")
            if (meta.district, meta.province) != (district.name, district.province):
                wrong.append((written, meta.district, meta.province))
    assert wrong == []


def test_a_commune_after_the_merger_named_with_its_former_province() -> None:
    text = (
        "Ngày 5/8, UBND phường Bồng Sơn (Bình Định) họp triển khai nhiệm vụ năm 2025 "
        "theo Quyết định ngày 1/8/2025."
    )
    meta = meta_of(text)
    assert (meta.commune, meta.district, meta.level) == ("Phường Bồng Sơn", None, Level.COMMUNE)
    # Before the merger the same name is the ward of thị xã Hoài Nhơn.
    before = meta_of(text.replace("5/8", "5/3").replace("1/8/2025", "1/3/2025"))
    assert (before.commune, before.district) == ("Phường Bồng Sơn", "Thị xã Hoài Nhơn")


def test_the_json_report_gives_each_documents_level_and_commune(tmp_path: Path) -> None:
    documents = {
        "xa.txt": "Ngày 5/3, UBND xã Tân Lập, huyện Đan Phượng, thành phố Hà Nội họp bàn kế "
        "hoạch năm 2024 theo Nghị quyết ngày 1/3/2024.",
        "huyen.txt": "Ngày 5/1, UBND huyện Không Tên, tỉnh Đắk Lắk họp bàn kế hoạch năm 2024.",
    }
    payload = json.loads(render_json(run_corpus(tmp_path, documents)))
    schema = json.loads((REPO / "reports/schema/doichieu-report.schema.json").read_text("utf-8"))
    assert [e.message for e in Draft202012Validator(schema).iter_errors(payload)] == []
    fields = ("district", "level", "level_source", "commune", "commune_source")
    assert {d["path"]: tuple(d[f] for f in fields) for d in payload["documents"]} == {
        "xa.txt": ("Huyện Đan Phượng", "commune", "text", "Xã Tân Lập", "gazetteer"),
        "huyen.txt": (None, "district", "text", None, "none"),
    }


@pytest.mark.parametrize(
    "opening",
    ["Xã hội hóa giáo dục ở Quảng Ninh", "Phường, xã của Quảng Ninh", "Quận, huyện nào cũng"],
)
def test_a_unit_word_without_a_name_is_no_subject(opening: str) -> None:
    meta = meta_of(f"{opening} đạt kết quả tốt năm 2024, theo tỉnh Quảng Ninh.")
    assert (meta.level, meta.scope) == (Level.PROVINCE, (None, None))


def test_bodies_of_a_list_of_unit_words_act_for_none() -> None:
    text = (
        "Ngày 30/5, Sở Giáo dục và Đào tạo Hà Nội công bố kế hoạch tuyển sinh năm 2017. "
        "Tuyến tuyển sinh do UBND quận, huyện, thị xã phê duyệt; UBND quận, huyện và thị xã "
        "tổng hợp danh sách."
    )
    meta = meta_of(text)
    assert (meta.issuer, meta.level, meta.scope) == (None, Level.PROVINCE, (None, None))


def test_a_commune_raised_to_a_ward_since_is_found_under_its_new_type() -> None:
    text = (
        "Theo ông Lê Văn Thìn, Chủ tịch UBND xã Thủy Bằng, thị xã Hương Thủy, khu đất "
        "do UBND xã Thủy Bằng quản lý từ năm 2015 (Thừa Thiên Huế)."
    )
    meta = meta_of(text)
    assert (meta.level, meta.commune, meta.province) == (
        Level.COMMUNE,
        "Phường Thủy Bằng",
        "Huế",
    )
