"""Which reports are of one event (linter.checking.events): the weighed words of two
rewrites of one press release link them when they share no distinctive figure or
name; two stories of one topic, or one text weeks later, are not linked.

Real pairs come from the tuning half of news2017 (../shared, skipped when absent);
the synthetic ones are written here. Documents get their metadata as the engine
gives it (no claims: the linking reads text, title, date and province only).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, load_script, write_corpus
from linter.checking.events import MIN_NUMBERS, MIN_TEXT, features, link, linked_pairs
from linter.checking.wording import weighed
from linter.metadata.infer import infer_metadata
from linter.models import Document
from linter.read.loading import load_document


def read(folder: Path, names: list[str]) -> list[Document]:
    docs = []
    for name in names:
        doc = load_document(folder / name, name).document
        assert doc is not None, name
        docs.append(doc.model_copy(update={"meta": infer_metadata(doc)}))
    return docs


def linked(docs: list[Document]) -> list[tuple[str, str]]:
    return [(a.path, b.path) for a, b, _ in linked_pairs(docs)]


# --- written here ------------------------------------------------------------------------

HEAD = "---\ndate: {date}\nprovince: Hậu Giang\ntitle: {title}\n---\n"
GROUNDBREAKING = HEAD.format(date="2024-06-12", title="Khởi công nâng cấp kênh tưới tiêu") + (
    "Sáng 12/6, tỉnh tổ chức lễ khởi công dự án nâng cấp hệ thống kênh tưới tiêu phục vụ sản "
    "xuất lúa cho các xã vùng trũng. Theo chủ đầu tư, công trình gồm nạo vét kênh chính, xây "
    "mới cống điều tiết và trạm bơm điện, giúp chủ động nước tưới cho vụ hè thu và chống úng "
    "vào mùa mưa. Bà con nông dân phấn khởi vì nhiều năm nay ruộng thường xuyên bị ngập, năng "
    "suất lúa thấp. Đơn vị thi công cam kết bảo đảm chất lượng, hoàn thành trước mùa mưa bão."
)
# The same ceremony in another outlet's words: no figure, no name in common.
REWRITE = (
    "Ngày 12/6, lễ khởi công công trình nâng cấp kênh tưới tiêu cho vùng trũng trồng lúa đã "
    "diễn ra. Công trình sẽ nạo vét kênh chính, làm mới cống điều tiết và một trạm bơm điện để "
    "chủ động nước tưới vụ hè thu, chống úng khi mưa lớn. Nhiều hộ nông dân cho biết ruộng lúa "
    "của họ ngập úng nhiều năm liền. Nhà thầu cam kết thi công bảo đảm chất lượng, xong trước "
    "mùa mưa bão."
)
VACCINATION = HEAD.format(date="2024-06-13", title="Phát động tiêm vắc xin sởi") + (
    "Chiều 13/6, Sở Y tế phát động chiến dịch tiêm vắc xin sởi cho trẻ em dưới năm tuổi tại "
    "các trạm y tế xã. Cán bộ y tế sẽ đến từng ấp để vận động phụ huynh đưa con đi tiêm đúng "
    "lịch, đồng thời kiểm tra việc bảo quản vắc xin trong dây chuyền lạnh."
)


def test_a_rewrite_of_one_press_release_is_linked_by_its_words(tmp_path: Path) -> None:
    write_corpus(
        tmp_path,
        {
            "a.md": GROUNDBREAKING,
            "b.md": HEAD.format(date="2024-06-13", title="Vùng trũng có kênh mới") + REWRITE,
            "c.md": VACCINATION,
        },
    )
    docs = read(tmp_path, ["a.md", "b.md", "c.md"])
    assert linked(docs) == [("a.md", "b.md")]
    a, b = docs[0], docs[1]
    why = link(a, b, features(a), features(b))
    assert why is not None and why.numbers < MIN_NUMBERS and why.names == 0
    assert why.text >= MIN_TEXT  # the words did it, nothing else


def test_the_same_words_weeks_later_are_news_not_the_same_report(tmp_path: Path) -> None:
    late = HEAD.format(date="2024-08-20", title="Vùng trũng có kênh mới") + REWRITE
    write_corpus(tmp_path, {"a.md": GROUNDBREAKING, "b.md": late})
    assert linked(read(tmp_path, ["a.md", "b.md"])) == []


def test_undated_rewrites_about_two_years_are_two_reports(tmp_path: Path) -> None:
    # The same December phrases of two years' budget reports: no date to keep them
    # apart, but each says which year it is about.
    head = "---\nprovince: Hậu Giang\nplan_year: {year}\ntitle: Vùng trũng có kênh mới\n---\n"
    write_corpus(
        tmp_path,
        {"a.md": head.format(year=2017) + REWRITE, "b.md": head.format(year=2018) + REWRITE},
    )
    assert linked(read(tmp_path, ["a.md", "b.md"])) == []
    write_corpus(tmp_path, {"b.md": head.format(year=2017) + REWRITE})
    assert linked(read(tmp_path, ["a.md", "b.md"])) == [("a.md", "b.md")]


def test_a_unit_glued_to_a_figure_is_the_same_figure(tmp_path: Path) -> None:
    body = "Dự án thu hồi {area} đất nông nghiệp của 312 hộ dân tại xã Tân Bình."
    write_corpus(
        tmp_path,
        {
            "a.md": HEAD.format(date="2024-06-12", title="Thu hồi đất")
            + body.format(area="1.680ha"),
            "b.md": HEAD.format(date="2024-06-12", title="Thu hồi đất")
            + body.format(area="1.680 ha"),
        },
    )
    a, b = read(tmp_path, ["a.md", "b.md"])
    assert features(a).numbers == features(b).numbers == {"1.680", "312"}


def test_words_of_every_text_weigh_little_and_rare_ones_much() -> None:
    words = weighed("Sân golf và sân bay: tỉnh và thành phố bàn về sân golf và đường băng.")
    assert max(words, key=words.__getitem__) == "golf"
    assert words["golf"] > 4 * words["và"] > 0


def test_old_and_new_tone_placement_weigh_as_one_word(tmp_path: Path) -> None:
    text = "Hội nghị bàn về {w} giải và hợp tác thủy sản vùng đồng bằng sông Cửu Long."
    write_corpus(
        tmp_path,
        {
            "a.md": HEAD.format(date="2024-06-12", title="Hội nghị") + text.format(w="hoà"),
            "b.md": HEAD.format(date="2024-06-12", title="Hội nghị") + text.format(w="hòa"),
        },
    )
    a, b = read(tmp_path, ["a.md", "b.md"])
    assert features(a).words == features(b).words


# --- real reports of news2017 (tuning half) ---------------------------------------------------

LINKED = [
    # Lychee prices in Bắc Giang (C007): the figures and names differ from outlet to
    # outlet, the words (vải thiều, thương lái, mất mùa, Lục Ngạn) do not.
    ("bac-giang/mz-22498008.txt", "bac-giang/mz-22544270.txt"),
    # Hà Nội's chairman on the ward loudspeakers at the city's meeting of 6/2 (C011):
    # "loa phường", "vài trăm triệu", no figure of three digits, one shared name.
    ("ha-noi/mz-21471869.txt", "ha-noi/mz-21473160.txt"),
    # The Kwong Lung - Meko fire (C009), its first report and the inspection of the site.
    ("can-tho/mz-21866862.txt", "can-tho/mz-22291130.txt"),
    # The ship aground off Phú Quý (C001), a first report and the salvage weeks on.
    ("binh-thuan/mz-22515329.txt", "binh-thuan/mz-22654095.txt"),
]
NOT_LINKED = [
    # Two Đà Nẵng stories of one year, months apart: years alone link nothing.
    ("da-nang/mz-21511518.txt", "da-nang/mz-22701032.txt"),
    # Hà Nội's rapid buses in February and its first double-decker in July: one topic,
    # words in common (xe buýt, hành khách, tuyến), two events.
    ("ha-noi/mz-21479725.txt", "ha-noi/mz-22645868.txt"),
    # A private university's admission plan in February and the scores of private
    # universities in July.
    ("tp-ho-chi-minh/mz-21510141.txt", "tp-ho-chi-minh/mz-22751144.txt"),
]


@pytest.mark.parametrize(
    ("pair", "expected"), [(p, True) for p in LINKED] + [(p, False) for p in NOT_LINKED]
)
def test_real_reports_of_one_event_are_linked(
    news: Path, pair: tuple[str, str], expected: bool
) -> None:
    assert linked(read(news, list(pair))) == ([pair] if expected else [])


def test_the_table_of_syllables_is_what_the_corpus_gives(news: Path, tmp_path: Path) -> None:
    """linter/data/syllables.yaml is generated: regenerated, it is the same file."""
    module = load_script("linking")
    module.write_frequencies(news, tmp_path / "syllables.yaml")
    shipped = REPO / "linter" / "data" / "syllables.yaml"
    assert (tmp_path / "syllables.yaml").read_text(encoding="utf-8") == shipped.read_text(
        encoding="utf-8"
    )


def test_the_checks_of_one_run_share_a_groups_pairs(tmp_path: Path) -> None:
    write_corpus(
        tmp_path,
        {
            "a.md": GROUNDBREAKING,
            "b.md": HEAD.format(date="2024-06-13", title="Vùng trũng có kênh mới") + REWRITE,
        },
    )
    docs = read(tmp_path, ["a.md", "b.md"])
    first = linked_pairs(docs)
    again = linked_pairs(reversed(docs))  # the same documents in another order
    assert again == first == [(docs[0], docs[1], first[0][2])]
    again.clear()  # a caller's list is its own
    assert linked_pairs(docs) == first
    # An edited document is another object: its pairs are read again.
    edited = docs[1].model_copy(update={"text": VACCINATION})
    assert linked_pairs([docs[0], edited]) == []
