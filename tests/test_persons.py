"""People named in full (PersonRef), one person named two ways (PN01), given two
titles of one organisation or one title of two bodies a place apart (PN02), or
two homes or nationalities (PN03).

The reader is tried on real sentences of the tuning half of news2017 (who the
person is, and what is not a person: a school, a street, a ward named after
one); the checks on the real reports of the tuning half where a reader found a
name given two ways or two titles (tests/realnews/tune_inconsistencies.yaml:
T64, T70, T84; T67, T109, T68 in three reports; T69, T33), and on real reports of two different people with
near names and of a deputy made head.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.claims.persons import find_persons
from linter.engine.run import Options, run
from linter.nlp import fold


def _read(sentence: str) -> list[tuple[object, ...]]:
    return [
        (p.name, p.sex, tuple(p.roles), p.age, p.listed)
        for p in find_persons(sentence, fold(sentence))
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # mz-22654780: the role after a comma, its body in brackets
        (
            "Ông Ngô Văn Chất, Trưởng phòng Quản lý thi và Kiểm định chất lượng Giáo dục "
            "(Sở GD&ĐT Hà Nội) cho biết, dựa trên số liệu tuyển sinh thực tế.",
            [("Ngô Văn Chất", "male", ("trưởng phòng",), None, False)],
        ),
        # mz-21484698: "học sinh" belongs to the name after it, not to the father
        (
            "Ngày 7/2, anh Trần Chí Dũng, phụ huynh học sinh Trần Duy Kiên (lớp 2, "
            "trường Tiểu học Nam Trung Yên) cho hay.",
            [
                ("Trần Chí Dũng", "male", ("phụ huynh",), None, False),
                ("Trần Duy Kiên", "child", ("học sinh",), None, False),
            ],
        ),
        # mz-21478853: an age in brackets
        (
            "Cô Ngọc đã nhớ ra các tình tiết liên quan tới vụ việc em Trần Chí Kiên (7 tuổi) "
            "bị va chạm với ô tô.",
            [("Trần Chí Kiên", "child", (), 7, False)],
        ),
        # mz-22370628: a title before the name that names its body
        (
            "Đại biểu Quốc hội Lưu Bình Nhưỡng cho rằng lãnh đạo địa phương này nên giải thích.",
            [("Lưu Bình Nhưỡng", None, ("đại biểu quốc hội",), None, False)],
        ),
        # mz-21478853: a province between the title and the name is no part of it
        (
            "Chủ tịch Hà Nội Nguyễn Đức Chung yêu cầu chuyển công tác hiệu trưởng.",
            [("Nguyễn Đức Chung", None, ("chủ tịch",), None, False)],
        ),
        # mz-22654780: schools named after people are not people; "Ông Chung" is short
        (
            "Có tới 3 trường là Trường THPT Chuyên Hà Nội - Amsterdam, THPT Chu Văn An và "
            "Trường THPT Chuyên Nguyễn Huệ tuyển bổ sung. Ông Chung chỉ đạo.",
            [],
        ),
        # mz-22384781: a ward and a street
        ("Khu đất ở phường Kim Tân, gần đường Trần Hưng Đạo, được đấu giá.", []),
        # names in a row are a list of different people
        (
            "Tòa tuyên phạt các bị cáo Nguyễn Văn Hùng, Nguyễn Văn Hưng và Lê Thị Hoa.",
            [
                ("Nguyễn Văn Hùng", None, ("bị cáo",), None, True),
                ("Nguyễn Văn Hưng", None, (), None, True),
                ("Lê Thị Hoa", None, (), None, True),
            ],
        ),
    ],
)
def test_who_a_full_name_is(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _read(sentence) == expected


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # T64: inside one report, the head of the exams office, then "Chấn"
        (
            ["ha-noi/mz-22654780.txt"],
            [("info", ["Ngô Văn Chất", "Ngô Văn Chấn"])],
        ),
        # T70: the deputy, "Lưu" in two reports of one event and "Lê" in a third
        (
            ["lao-cai/mz-22370628.txt", "lao-cai/mz-22370692.txt", "lao-cai/mz-22384781.txt"],
            [("warning", ["Lưu Bình Nhưỡng", "Lưu Bình Nhưỡng", "Lê Bình Nhưỡng"])],
        ),
        # T84: the clinic's representative; its name written out, then "PK P.K"
        (
            ["tp-ho-chi-minh/mz-21766374.txt", "tp-ho-chi-minh/mz-21766755.txt"],
            [("info", ["Phạm Thị Thúy Phượng", "Phan Thị Thúy Phượng"])],
        ),
        # Two chairmen of two associations, Thân and Thanh: two people
        (
            [
                "tp-ho-chi-minh/mz-22296733.txt",
                "tp-ho-chi-minh/mz-22300142.txt",
                "tp-ho-chi-minh/mz-22655648.txt",
            ],
            [],
        ),
        # T45: the injured pupil, "em Trần Chí Kiên (7 tuổi)" in one report of the
        # accident, "học sinh Trần Duy Kiên" in another: a middle name wholly
        # different is compared for two children of one event only
        (
            ["ha-noi/mz-21478853.txt", "ha-noi/mz-21484698.txt"],
            [("info", ["Trần Chí Kiên", "Trần Duy Kiên"])],
        ),
    ],
)
def test_one_person_named_two_ways_in_real_reports(
    news: Path, files: list[str], expected: list[tuple[str, list[str]]]
) -> None:
    result = run([news / f for f in files], Options(select=["PN01"]), root=news)
    found = [(f.severity.value, [e.quote for e in f.evidence]) for f in result.findings]
    assert found == expected


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # T67: the auction company's director in one report, its board chairman in
        # another; T68 in the same two reports: the chairman of the Hà Nội gem
        # association in mz-22718930 (line 13), of Vietnam's in mz-22718935 (line 11)
        (
            ["ha-noi/mz-22718930.txt", "ha-noi/mz-22718935.txt"],
            [
                [("ha-noi/mz-22718930.txt", 13), ("ha-noi/mz-22718935.txt", 12)],
                [("ha-noi/mz-22718930.txt", 13), ("ha-noi/mz-22718935.txt", 11)],
            ],
        ),
        # T68 in its three reports: the pair of places, then the third report's Hà Nội;
        # T67's titles in mz-22718930 and mz-22720945 against mz-22718935
        (
            ["ha-noi/mz-22718930.txt", "ha-noi/mz-22718935.txt", "ha-noi/mz-22720945.txt"],
            [
                [("ha-noi/mz-22718930.txt", 13), ("ha-noi/mz-22718935.txt", 12)],
                [
                    ("ha-noi/mz-22718930.txt", 13),
                    ("ha-noi/mz-22718935.txt", 11),
                    ("ha-noi/mz-22720945.txt", 12),
                ],
            ],
        ),
        # T109: inside one report, Donacoop's general director and its board chairman
        (
            ["dong-nai/mz-22678133.txt"],
            [[("dong-nai/mz-22678133.txt", 12), ("dong-nai/mz-22678133.txt", 12)]],
        ),
        # A vice-principal, then the principal, in undated reports months apart
        (["tp-ho-chi-minh/mz-21493916.txt", "tp-ho-chi-minh/mz-22712615.txt"], []),
        # T67 in a third report of the press conference: mz-22720945 (a rewrite of
        # mz-22718930) calls the company's head its director, mz-22718935 its board
        # chairman. T68's third report: its "Chủ tịch Hiệp hội đá quý Hà Nội chia
        # sẻ:" ends at no comma, the body ends at the verb: Hà Nội against Việt Nam.
        (
            ["ha-noi/mz-22718935.txt", "ha-noi/mz-22720945.txt"],
            [
                [("ha-noi/mz-22720945.txt", 12), ("ha-noi/mz-22718935.txt", 12)],
                [("ha-noi/mz-22720945.txt", 12), ("ha-noi/mz-22718935.txt", 11)],
            ],
        ),
    ],
)
def test_one_person_given_two_titles_in_real_reports(
    news: Path, files: list[str], expected: list[list[tuple[str, int]]]
) -> None:
    result = run([news / f for f in files], Options(select=["PN02"]), root=news)
    found = [[(e.path, e.line) for e in f.evidence] for f in result.findings]
    assert found == expected
    assert all(f.severity.value == "info" for f in result.findings)


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        # mz-22720945: no comma closes the title; what he does ends its body
        (
            'Ông Hoàng Thế Ngữ, Chủ tịch Hiệp hội đá quý Hà Nội chia sẻ: "Hiệp hội Đá quý '
            'Hà Nội rất ủng hộ hình thức đấu giá này".',
            "Hiệp hội đá quý Hà Nội",
        ),
        # mz-21510412: a title between dashes, then the verb
        (
            "ông Lê Văn Nưng - Phó Chủ tịch UBND tỉnh An Giang - khẳng định: “Lúc lựa chọn "
            "đơn vị tham gia, công ty có đủ năng lực”.",
            "UBND tỉnh An Giang",
        ),
        # an adverb before the verb is no part of the body
        (
            "Bà Trần Thị Mai, Giám đốc Sở Y tế tỉnh Nam Định cũng cho hay số ca bệnh đã giảm.",
            "Sở Y tế tỉnh Nam Định",
        ),
        # a verb that is also a noun ends the body after the body's name only
        (
            "Ông Phạm Văn Long, Giám đốc Trung tâm Công nghệ thông tin tỉnh Thái Bình "
            "thông tin thêm về hệ thống.",
            "Trung tâm Công nghệ thông tin tỉnh Thái Bình",
        ),
        # capitalised, the words name a body: "Sở Thông tin", "Đài Tiếng nói"
        (
            "Ông Đỗ Quang Vinh, Giám đốc Sở Thông tin và Truyền thông tỉnh Hà Nam đề nghị "
            "các huyện báo cáo.",
            "Sở Thông tin và Truyền thông tỉnh Hà Nam",
        ),
        (
            "Ông Nguyễn Thế Kỷ, Tổng giám đốc Đài Tiếng nói Việt Nam nhấn mạnh vai trò "
            "của báo chí.",
            "Đài Tiếng nói Việt Nam",
        ),
    ],
)
def test_the_body_of_a_title_ends_where_the_person_speaks(sentence: str, body: str) -> None:
    (person,) = find_persons(sentence, fold(sentence))
    assert person.body == body


def test_a_title_the_roles_do_not_name_is_a_data_error() -> None:
    import yaml
    from pydantic import ValidationError

    from linter.claims.person_words import PersonWords

    data = yaml.safe_load((Path(__file__).parents[1] / "linter/data/persons.yaml").read_text())
    data["exclusive_titles"].append(["giám đốc", "giam doc"])
    with pytest.raises(ValidationError, match="exclusive_titles: giam doc is not a role label"):
        PersonWords.model_validate(data)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # mz-22656029: an age, a ward, a district, in brackets
        (
            "Trâu số 18 của ông Đinh Xuân Hướng (47 tuổi, phường Vạn Sơn, quận Đồ Sơn) được đưa vào.",
            ("phường vạn sơn", "quận đồ sơn"),
        ),
        # after a comma, "trú": the village and the commune
        (
            "Bà Hà Thị Yến, 54 tuổi, trú thôn Mỹ Cang, xã Phước Sơn, cho biết.",
            ("thôn mỹ cang", "xã phước sơn"),
        ),
        # a commune in brackets after the village
        (
            "Ông Lê Văn Khôi, trú thôn Hội Khánh (xã Mỹ Hòa) cho biết.",
            ("thôn hội khánh", "xã mỹ hòa"),
        ),
        # a title's commune is where the person works; a hometown is no home
        ("Ông Cao Xuân Điệu, Chủ tịch UBND xã Phú Hữu, cho biết.", ()),
        ("Chị Lê Thị Hoa, quê xã Tam Anh, cho biết.", ()),
    ],
)
def test_where_a_person_lives(sentence: str, expected: tuple[str, ...]) -> None:
    (person,) = find_persons(sentence, fold(sentence))
    assert person.home == expected


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # T69: the buffalo's owner, phường Vạn Sơn in one report, Vạn Hương in another
        (
            ["hai-phong/mz-22656029.txt", "hai-phong/mz-22705629.txt"],
            [
                [
                    "Đinh Xuân Hướng (47 tuổi, phường Vạn Sơn, quận Đồ Sơn",
                    "Đinh Xuân Hướng (47 tuổi, phường Vạn Hương",
                ]
            ],
        ),
        # one commune in two reports
        (["ben-tre/mz-21471903.txt", "ben-tre/mz-21494490.txt"], []),
        # in one report, "ông Đoàn Minh Quân (quận Tây Hồ, thành phố Hà Nội)" and
        # "(trú tại ..., phường Phú Thượng, quận Tây Hồ, ...)": a ward given with its
        # district and the district alone; only the level both give is compared
        (["ha-noi/mz-22236524.txt"], []),
        # T33: the grounded ship's flag state, "Calmal Island" in three reports (twice
        # in two) and "Cayman Islands" in a fourth: every mention is shown
        (
            [
                "binh-thuan/mz-22505758.txt",
                "binh-thuan/mz-22507065.txt",
                "binh-thuan/mz-22515329.txt",
                "binh-thuan/mz-22520228.txt",
            ],
            [
                [
                    "Chemroad Journey (Quốc tịch Calmal Island",
                    "Chemroad Journey (Quốc tịch Calmal Island",
                    "Chemroad Journey (quốc tịch Calmal Island",
                    "Chemroad Journey (quốc tịch Calmal Island",
                    "Chemroad Journey (quốc tịch Calmal Island",
                    "Tàu Chemroad Journey, quốc tịch Cayman Islands",
                ]
            ],
        ),
        # a deputy's city, "TP.HCM" and "Thành phố Hồ Chí Minh": no home compared
        (["tp-ho-chi-minh/mz-22486018.txt", "tp-ho-chi-minh/mz-22487812.txt"], []),
    ],
)
def test_one_person_given_two_homes_in_real_reports(
    news: Path, files: list[str], expected: list[list[str]]
) -> None:
    result = run([news / f for f in files], Options(select=["PN03"]), root=news)
    assert [[e.quote for e in f.evidence] for f in result.findings] == expected
