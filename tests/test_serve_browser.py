"""The editor's page of `doichieu serve` in real Chromium, as an editor uses it.

Paste a draft that contradicts seeds/ and see the figure marked and its card with
the published sentence; edit the figure and see the finding go; drop a .docx;
switch to English; read it on a phone; and a hostile draft stays inert: no
dialog, no console error, no request leaving the server. As in
test_report_browser, Debian's /usr/bin/chromium is driven and nothing is
downloaded; the tests skip, saying why, without it.

DOICHIEU_SERVE_SCREENSHOT=docs/serve-seeds.png makes the screenshot test write
the README's picture there.
"""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest
from test_serve_api import BUDGET, TOKEN, Served, running, warm_seeds

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="playwright not installed (pip install playwright; the tests drive /usr/bin/chromium)",
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium not installed (apt-get install chromium); browser tests skipped",
)
BAC_KAN = "seeds/003_fe3163c27ec6920d.txt"
# Dated in front matter: the marks must land on line 5 of what the editor sees.
DRAFT = "---\ndate: 2024-01-05\n---\nBắc Kạn: kế hoạch năm 2024\n" + BUDGET.format("1.100")
HOSTILE = (
    '<script>alert(1)</script> "><img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a>\n'
    + BUDGET.format("1.100")
    + "<style>body{display:none}</style>\n"
)


@dataclass
class Opened:
    page: Page
    origin: str
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)  # requests to anywhere but the server

    def cards(self) -> list[str]:
        return self.page.eval_on_selector_all("#cards article", "a => a.map(c => c.dataset.code)")

    def answered(self) -> int:
        """How many checks the page has shown the answer of."""
        return int(self.page.get_attribute("body", "data-done") or 0)

    def wait_for_answer(self, after: int) -> None:
        # Selectors, not wait_for_function: the page's policy forbids eval, even Playwright's.
        self.page.wait_for_selector(f"body[data-done='{after + 1}']", state="attached")

    def type_draft(self, text: str) -> None:
        before = self.answered()
        self.page.fill("#draft", text)
        self.wait_for_answer(before)

    def assert_inert(self) -> None:
        assert (self.dialogs, self.errors, self.foreign) == ([], [], [])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("served")
    with running(warm_seeds(folder, folder / "cache")) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Browser, served: Served) -> Iterator[object]:
    contexts = []

    def open_(width: int = 1280, height: int = 900, lang: str = "vi") -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, f"http://127.0.0.1:{served.port}/")
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: opened.errors.append(str(exc)))

        def route(r: object) -> None:
            if r.request.url.startswith(opened.origin):
                r.continue_()
            else:
                opened.foreign.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(f"{opened.origin}?token={TOKEN}&lang={lang}")
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=10_000)
        assert page.url == f"{opened.origin}?lang={lang}"  # the token left the address bar
        return opened

    yield open_
    for context in contexts:
        context.close()


def test_a_pasted_draft_shows_the_marked_figure_and_the_published_sentence(open_page) -> None:
    opened = open_page()
    page = opened.page
    opened.type_draft(DRAFT)
    assert opened.cards() == ["NU01"]
    assert page.locator("#marked a.mark").all_inner_texts() == ["1.100 tỷ đồng"]
    assert page.text_content("#summary") == "1 chỗ cần xem lại"
    card = page.locator("#card-0")
    published = card.locator(".ev.published")
    assert published.locator("blockquote mark").inner_text() == "1.010 tỷ đồng"
    assert "thu ngân sách nhà nước trên địa bàn" in published.locator("blockquote").inner_text()
    assert published.locator("h4").inner_text() == f"Đã công bố · {BAC_KAN} · 13/12/2023"
    assert published.locator(".issuer").inner_text() == "UBND tỉnh"
    draft = card.locator(".ev.draft")
    assert draft.locator("h4").inner_text() == "Trong bản thảo · 05/01/2024 mới hơn"
    assert draft.locator("blockquote mark").inner_text() == "1.100 tỷ đồng"
    # How each piece of metadata was found is shown.
    assert page.text_content("#o-date") == "Nhận biết: 05/01/2024 (ghi ở phần đầu bản thảo)"
    assert page.text_content("#o-province") == "Nhận biết: Bắc Kạn (theo địa danh nêu trong bài)"
    # Keyboard: the mark is a link to its card, and the card back to the mark.
    page.locator("#marked a.mark").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#card-0"
    page.locator("#card-0 a.back").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#mark-0-0"
    opened.assert_inert()


def test_editing_the_figure_makes_the_finding_go(open_page) -> None:
    opened = open_page()
    opened.type_draft(DRAFT)
    assert opened.cards() == ["NU01"]
    opened.type_draft(DRAFT.replace("1.100", "1.010"))
    assert opened.cards() == []
    assert opened.page.text_content("#summary") == "Không thấy mâu thuẫn nào."
    assert opened.page.locator("#marked a.mark").count() == 0
    opened.assert_inert()


def test_a_corrected_province_is_checked_against_that_province(open_page) -> None:
    opened = open_page()
    page = opened.page
    opened.type_draft("Năm 2024, phấn đấu thu ngân sách nhà nước trên địa bàn đạt 1.100 tỷ đồng.\n")
    assert opened.cards() == ["DC03"]  # no province: the card says so
    before = opened.answered()
    page.select_option("#m-province", "Bắc Kạn")
    opened.wait_for_answer(before)
    assert opened.cards() == ["NU01"]
    assert page.text_content("#o-province") == "Nhận biết: Bắc Kạn (do bạn sửa)"
    opened.assert_inert()


def test_a_dropped_docx_is_read_and_checked(open_page) -> None:
    opened = open_page()
    page = opened.page
    word = docx.Document()
    word.add_paragraph("Bắc Kạn: kế hoạch năm 2024")
    word.add_paragraph(BUDGET.format("1.100").strip())
    data = io.BytesIO()
    word.save(data)
    transfer = page.evaluate_handle(
        """([b64, name]) => {
            const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name));
            return transfer;
        }""",
        [base64.b64encode(data.getvalue()).decode(), "ban-thao.docx"],
    )
    before = opened.answered()
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    opened.wait_for_answer(before)
    assert opened.cards() == ["NU01"]
    assert (
        page.input_value("#draft")
        == "Bắc Kạn: kế hoạch năm 2024\n" + BUDGET.format("1.100").strip()
    )
    assert page.locator("#marked a.mark").all_inner_texts() == ["1.100 tỷ đồng"]
    opened.assert_inert()


def test_a_hostile_draft_stays_inert(open_page) -> None:
    opened = open_page()
    page = opened.page
    opened.type_draft(HOSTILE)
    assert opened.cards() == ["NU01"]
    marked = page.text_content("#marked")
    assert '<script>alert(1)</script> "><img src=x onerror=alert(2)>' in marked
    assert page.locator("img, main script, main style, iframe").count() == 0
    assert page.evaluate("getComputedStyle(document.body).display") == "block"
    opened.assert_inert()


def test_english_on_a_switch(open_page) -> None:
    opened = open_page()
    page = opened.page
    opened.type_draft(DRAFT)
    before = opened.answered()
    page.click("#lang-switch")
    opened.wait_for_answer(before)  # asked again in English
    assert "The draft says «1.100 tỷ đồng»" in page.text_content("#card-0 .message")
    assert page.text_content("h1") == "Check a draft"
    assert page.text_content("#summary") == "1 to review"
    assert page.text_content("#lang-switch") == "Tiếng Việt"
    opened.assert_inert()


def test_readable_on_a_phone(open_page) -> None:
    width = 390
    opened = open_page(width=width, height=844)
    page = opened.page
    opened.type_draft(DRAFT)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    card = page.locator("#card-0").bounding_box()
    draft = page.locator("#draft").bounding_box()
    meta = page.locator("#meta").bounding_box()
    assert card and draft and meta and card["width"] <= width
    assert draft["y"] < card["y"] < meta["y"]  # the findings right after the draft
    opened.assert_inert()


def test_screenshot(open_page, tmp_path: Path) -> None:
    """The README's picture: DOICHIEU_SERVE_SCREENSHOT=docs/serve-seeds.png writes it."""
    opened = open_page(width=1280, height=860)
    opened.type_draft(DRAFT)
    target = Path(os.environ.get("DOICHIEU_SERVE_SCREENSHOT") or tmp_path / "serve.png")
    opened.page.screenshot(path=str(target))
    assert target.read_bytes().startswith(b"\x89PNG")
    opened.assert_inert()


def test_the_listeners_catch_what_they_guard_against(open_page) -> None:
    # Positive control: a dialog, and a remote image the page's policy refuses, are
    # both recorded; so the empty lists of assert_inert mean "did not happen".
    opened = open_page()
    opened.page.evaluate("() => alert('control')")
    opened.page.evaluate(
        """() => { const img = document.createElement('img');
                   img.src = 'https://example.invalid/x.png'; document.body.append(img); }"""
    )
    opened.page.wait_for_timeout(200)
    assert opened.dialogs == ["control"]
    assert any("Content Security Policy" in e for e in opened.errors), opened.errors
