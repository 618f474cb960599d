"""`doichieu serve` without a browser: a real server on 127.0.0.1, real HTTP requests.

The API answers what `doichieu check --draft - --format json` prints, valid
against the published schema; the guard refuses a missing or wrong token, a
foreign Host or Origin, an oversized body and a check over its time; twenty
drafts checked at once each get their own answer; a file added to the corpus
is seen without a restart.
"""

from __future__ import annotations

import http.client
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
import uvicorn
from jsonschema import Draft202012Validator

from conftest import REPO, SEEDS
from linter.app.cli import main
from linter.app.serve_api import Limits, create_app
from linter.app.serve_guard import Access
from linter.engine.config import Config
from linter.engine.parsing import ParseSettings
from linter.engine.warm import WarmCorpus
from linter.read.loading import load_text

TOKEN = "s3cret-token"
SCHEMA = json.loads((REPO / "reports/schema/doichieu-report.schema.json").read_text("utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
BAC_KAN = "seeds/003_fe3163c27ec6920d.txt"  # "thu ngân sách nhà nước trên địa bàn 1.010 tỷ đồng"
BUDGET = "Năm 2024, tỉnh Bắc Kạn phấn đấu thu ngân sách nhà nước trên địa bàn đạt {} tỷ đồng.\n"


@dataclass
class Served:
    port: int
    corpus: WarmCorpus

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        token: str | None = TOKEN,
    ) -> tuple[int, dict[str, str], bytes]:
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if token is not None:
            sent.setdefault("Authorization", f"Bearer {token}")
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def check(self, text: str, query: str = "") -> dict:
        status, _, body = self.request("POST", f"/api/check{query}", text.encode())
        assert status == 200, body
        return json.loads(body)


@contextmanager
def running(corpus: WarmCorpus, limits: Limits | None = None) -> Iterator[Served]:
    """The app under uvicorn on a free port of 127.0.0.1, in a thread, as `serve` runs it."""
    sock = socket.create_server(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(corpus, Access(TOKEN, "127.0.0.1", port), limits or Limits())
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the server did not start"
    try:
        yield Served(port, corpus)
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()


def warm_seeds(folder: Path, cache: Path) -> WarmCorpus:
    """The sample corpus copied to `folder`/seeds, shown as seeds/... as from the repo."""
    shutil.copytree(SEEDS, folder / "seeds")
    return WarmCorpus(
        [folder / "seeds"], Config(), root=folder, parsing=ParseSettings(cache_dir=cache)
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("served")
    with running(warm_seeds(folder, folder / "cache"), Limits(max_body=100_000)) as server:
        yield server


def quotes(report: dict) -> list[tuple[str, str, str]]:
    return [(f["code"], e["path"], e["quote"]) for f in report["findings"] for e in f["evidence"]]


def test_a_check_is_the_cli_report_and_valid_against_the_schema(
    served: Served, capsys, monkeypatch
) -> None:
    report = served.check(BUDGET.format("1.100"))
    assert [e.message for e in VALIDATOR.iter_errors(report)] == []
    assert quotes(report) == [
        ("NU01", "<draft>.md", "1.100 tỷ đồng"),
        ("NU01", BAC_KAN, "1.010 tỷ đồng"),
    ]
    published = report["findings"][0]["evidence"][1]
    assert (published["line"], published["column"], published["document_date"]) == (
        9,
        305,
        "2023-12-13",
    )
    # What `doichieu check --draft - seeds/ --format json` prints for the same draft.
    monkeypatch.chdir(REPO)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BUDGET.format("1.100").encode())))
    assert main(["check", "--draft", "-", "seeds/", "--format", "json", "--no-cache"]) == 1
    cli = json.loads(capsys.readouterr().out.replace("<stdin>.md", "<draft>.md"))
    assert report["findings"] == cli["findings"]
    assert report["checks"] == cli["checks"] and report["settings"] == cli["settings"]
    draft = [d for d in report["documents"] if d["path"] == "<draft>.md"]
    assert draft == [d for d in cli["documents"] if d["path"] == "<draft>.md"]
    # The draft's province only: the documents it can be compared with.
    assert [d["path"] for d in report["documents"]] == ["<draft>.md", BAC_KAN]


def test_the_pages_view_holds_the_same_findings_and_only_the_documents_it_shows(
    served: Served,
) -> None:
    report = served.check(BUDGET.format("1.100"))
    page = served.check(BUDGET.format("1.100"), "?view=page")
    assert page["report"]["findings"] == report["findings"]
    assert page["report"]["checks"] == report["checks"]
    assert [d["path"] for d in page["report"]["documents"]] == ["<draft>.md", BAC_KAN]
    # A consistent draft cites nothing: the page is sent the draft alone, where the
    # API lists the province's documents.
    quiet = served.check(BUDGET.format("1.010"), "?view=page")["report"]
    assert [d["path"] for d in quiet["documents"]] == ["<draft>.md"]
    assert len(served.check(BUDGET.format("1.010"))["documents"]) == 2


def test_consistent_draft_has_no_finding_and_english_is_asked_for(served: Served) -> None:
    assert served.check(BUDGET.format("1.010"))["findings"] == []
    english = served.check(BUDGET.format("1.100"), "?lang=en")
    assert english["settings"]["lang"] == "en"
    assert english["findings"][0]["message"].endswith(
        "The draft says «1.100 tỷ đồng»; the published documents say «1.010 tỷ đồng» "
        f"({BAC_KAN}, 13/12/2023)."
    )


def test_the_editors_metadata_decides_the_province(served: Served) -> None:
    bare = "Năm 2024, phấn đấu thu ngân sách nhà nước trên địa bàn đạt 1.100 tỷ đồng.\n"
    alone = served.check(bare)
    assert [f["code"] for f in alone["findings"]] == ["DC03"]  # no province: compared with none
    given = served.check(bare, "?province=t%E1%BB%89nh%20B%E1%BA%AFc%20K%E1%BA%A1n&date=2024-01-02")
    assert quotes(given) == [
        ("NU01", "<draft>.md", "1.100 tỷ đồng"),
        ("NU01", BAC_KAN, "1.010 tỷ đồng"),
    ]
    draft = given["documents"][0]
    assert (draft["province"], draft["province_source"]) == ("Bắc Kạn", "front_matter")
    assert (draft["date"], draft["date_source"]) == ("2024-01-02", "front_matter")
    status, _, body = served.request("POST", "/api/check?province=Atlantis", bare.encode())
    assert status == 400 and "unknown province 'Atlantis'" in json.loads(body)["error"]


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("?lang=fr", "lang must be vi or en, found 'fr'"),
        ("?format=exe", "format must be a document format such as md, txt, docx; found 'exe'"),
        ("?date=31/02/2024", "date must be YYYY-MM-DD or DD/MM/YYYY, found '31/02/2024'"),
        ("?view=html", "view must be json or page, found 'html'"),
    ],
)
def test_bad_parameters_are_400_with_one_line(served: Served, query: str, error: str) -> None:
    status, headers, body = served.request("POST", f"/api/check{query}", b"x")
    assert (status, json.loads(body)) == (400, {"error": error})
    assert headers["content-type"] == "application/json"


def test_a_file_that_is_not_a_docx_is_a_dc01_finding_not_a_crash(served: Served) -> None:
    status, _, body = served.request("POST", "/api/check?format=docx", b"PK\x03\x04 broken")
    report = json.loads(body)
    assert status == 200 and [e.message for e in VALIDATOR.iter_errors(report)] == []
    assert [f["code"] for f in report["findings"]] == ["DC01"]
    assert report["unreadable"] == ["<draft>.docx"] and report["documents"] == []
    status, _, body = served.request("POST", "/api/text?format=docx", b"PK\x03\x04 broken")
    assert status == 422 and json.loads(body)["error"]


def test_a_docx_becomes_the_text_the_page_edits(served: Served) -> None:
    word = docx.Document()
    for paragraph in ("Bắc Kạn: kế hoạch năm 2024", BUDGET.format("1.100").strip()):
        word.add_paragraph(paragraph)
    data = io.BytesIO()
    word.save(data)
    status, _, body = served.request("POST", "/api/text?format=docx", data.getvalue())
    assert status == 200
    assert json.loads(body) == {
        "text": "Bắc Kạn: kế hoạch năm 2024\n" + BUDGET.format("1.100").strip(),
        "format": "txt",
        "problems": [],
    }
    report = json.loads(served.request("POST", "/api/check?format=docx", data.getvalue())[2])
    assert quotes(report)[0] == ("NU01", "<draft>.docx", "1.100 tỷ đồng")


def test_documents_lists_the_corpus_with_its_metadata(served: Served) -> None:
    status, _, body = served.request("GET", "/api/documents")
    listing = json.loads(body)
    assert status == 200 and listing["unreadable"] == []
    assert [d["path"] for d in listing["documents"]] == sorted(
        f"seeds/{p.name}" for p in SEEDS.iterdir()
    )
    document = Draft202012Validator({"$defs": SCHEMA["$defs"], "$ref": "#/$defs/document"})
    for record in listing["documents"]:
        assert [e.message for e in document.iter_errors(record)] == []
    bac_kan = next(d for d in listing["documents"] if d["path"] == BAC_KAN)
    assert (bac_kan["province"], bac_kan["province_source"]) == ("Bắc Kạn", "gazetteer")


def test_the_token_is_required_on_every_request(served: Served) -> None:
    for method, path in (("GET", "/"), ("GET", "/assets/serve.js"), ("GET", "/api/documents")):
        for token in (None, "wrong"):
            status, headers, body = served.request(method, path, token=token)
            assert status == 403, (method, path, token)
            assert "token" in json.loads(body)["error"]
            assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert served.request("GET", f"/api/documents?token={TOKEN}", token=None)[0] == 200
    # The page's address with the token sets an HttpOnly, same-site cookie and drops
    # the token from the address; the cookie is then enough.
    status, headers, _ = served.request("GET", f"/?token={TOKEN}", token=None)
    assert (status, headers["location"]) == (303, "/?lang=vi")
    cookie = headers["set-cookie"]
    assert cookie.startswith(f"doichieu-token-{served.port}={TOKEN};")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    jar = {"Cookie": cookie.split(";")[0]}
    status, headers, body = served.request("GET", "/", headers=jar, token=None)
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert headers["content-security-policy"].startswith("default-src 'none'; script-src 'self';")
    page = body.decode()
    assert '<script src="/assets/serve.js"></script>' in page
    assert page.count("<script") == 2 and '<script type="application/json" id="strings">' in page
    assert not re.search(r"\s(style|on\w+)=", page)  # no inline style or handler


@pytest.mark.parametrize(
    "headers",
    [
        {"Host": "evil.example"},  # a rebinding page under its own name
        {"Host": "evil.example:8765"},
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1:1"},  # another site on this machine: another port
        {"Origin": "https://127.0.0.1"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_a_foreign_host_or_origin_is_refused(served: Served, headers: dict[str, str]) -> None:
    status, _, body = served.request("POST", "/api/check", b"x", headers=headers)
    assert status == 403, headers
    assert json.loads(body)["error"]


def test_the_pages_own_origin_and_loopback_names_pass(served: Served) -> None:
    for headers in (
        {"Origin": f"http://127.0.0.1:{served.port}", "Sec-Fetch-Site": "same-origin"},
        {"Host": f"localhost:{served.port}", "Origin": f"http://localhost:{served.port}"},
        {"Host": f"[::1]:{served.port}"},
    ):
        status, _, _ = served.request(
            "POST", "/api/check", BUDGET.format("1.010").encode(), headers
        )
        assert status == 200, headers


def test_an_oversized_body_is_413_before_it_is_read(served: Served) -> None:
    big = b"a" * 100_001
    status, _, body = served.request("POST", "/api/check", big)
    assert (status, json.loads(body)) == (
        413,
        {"error": "the draft is larger than 100000 bytes (max-file-size)"},
    )
    # Sent in chunks with no declared length, it is cut off at the limit too.
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    connection.putrequest("POST", "/api/check", skip_host=True)
    for name, value in (
        ("Host", f"127.0.0.1:{served.port}"),
        ("Authorization", f"Bearer {TOKEN}"),
        ("Transfer-Encoding", "chunked"),
    ):
        connection.putheader(name, value)
    connection.endheaders()
    for _ in range(110):
        connection.send(b"3e8\r\n" + b"a" * 1000 + b"\r\n")
    connection.send(b"0\r\n\r\n")
    assert connection.getresponse().status == 413
    connection.close()
    assert served.request("POST", "/api/check", b"a" * 100_000)[0] == 200


def test_a_check_over_the_time_limit_is_503(served: Served) -> None:
    with running(served.corpus, Limits(time_limit=0.001)) as slow:
        status, _, body = slow.request("POST", "/api/check", BUDGET.format("1.100").encode())
    assert status == 503
    assert json.loads(body)["error"].startswith("checking took longer than 0.001 s (--time-limit)")


def test_twenty_concurrent_checks_each_get_their_own_answer(served: Served) -> None:
    figures = [f"1.{100 + 10 * i:03d}" for i in range(10)] + ["1.010"] * 10

    def one(figure: str) -> list[tuple[str, str, str]]:
        return quotes(served.check(BUDGET.format(figure)))

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(one, figures))
    for figure, answer in zip(figures, answers, strict=True):
        expected = (
            []
            if figure == "1.010"
            else [
                ("NU01", "<draft>.md", f"{figure} tỷ đồng"),
                ("NU01", BAC_KAN, "1.010 tỷ đồng"),
            ]
        )
        assert answer == expected, figure


def test_a_file_added_to_the_corpus_is_seen_without_a_restart(tmp_path: Path) -> None:
    corpus = warm_seeds(tmp_path, tmp_path / "cache")
    corpus.rescan = 0.05
    stop = threading.Event()
    threading.Thread(target=corpus.watch, args=(stop,), daemon=True).start()
    try:
        with running(corpus) as server:
            assert len(server.check(BUDGET.format("1.010"))["documents"]) == 2
            added = tmp_path / "seeds" / "new.md"
            added.write_text("---\ndate: 2024-02-01\n---\n" + BUDGET.format("1.200"), "utf-8")
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                report = server.check(BUDGET.format("1.010"))
                if report["findings"]:
                    break
                time.sleep(0.05)
            assert sorted(quotes(report)) == [
                ("NU01", "<draft>.md", "1.010 tỷ đồng"),
                ("NU01", BAC_KAN, "1.010 tỷ đồng"),
                ("NU01", "seeds/new.md", "1.200 tỷ đồng"),
            ]
            added.unlink()  # and a removed one is gone again
            while time.monotonic() < deadline and server.check(BUDGET.format("1.010"))["findings"]:
                time.sleep(0.05)
            assert server.check(BUDGET.format("1.010"))["findings"] == []
    finally:
        stop.set()


def test_serve_refuses_other_addresses_without_allow_remote_and_needs_a_corpus(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["serve", str(SEEDS), "--host", "0.0.0.0"]) == 2
    assert capsys.readouterr().err == (
        "doichieu: error: --host 0.0.0.0 lets other machines send requests; "
        "add --allow-remote to mean it\n"
    )
    assert main(["serve"]) == 2
    assert "serve needs the published documents" in capsys.readouterr().err
    with socket.create_server(("127.0.0.1", 0)) as taken:  # said before any parsing
        port = taken.getsockname()[1]
        assert main(["serve", str(SEEDS), "--port", str(port), "--no-cache"]) == 2
    assert capsys.readouterr().err == (
        f"doichieu: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
    )


def test_doichieu_serve_prints_an_address_that_works(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "linter", "serve", "seeds/", "--port", "0", "--lang", "en"]
    command += ["--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]
    env = {k: v for k, v in os.environ.items() if k != "DOICHIEU_SERVE_TOKEN"}
    process = subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE, text=True, env=env)
    killer = threading.Timer(120, process.kill)  # a server that never prints is killed
    killer.start()
    try:
        assert process.stderr is not None
        said = [process.stderr.readline() for _ in range(3)]
        assert re.fullmatch(r"doichieu: read 5 documents in \d+\.\d s\n", said[0]), said
        assert said[1] == "doichieu: open this page (Ctrl+C to stop):\n"
        address = re.fullmatch(r" {4}http://127\.0\.0\.1:(\d+)/\?token=([\w-]{32})\n", said[2])
        assert address, said
        port, token = int(address[1]), address[2]
        server = Served(port, corpus=None)  # type: ignore[arg-type]
        status, _, body = server.request("GET", f"/api/documents?token={token}", token=None)
        assert status == 200 and len(json.loads(body)["documents"]) == 5
        assert server.request("GET", "/api/documents", token=TOKEN)[0] == 403
    finally:
        process.terminate()
        process.wait(30)
        killer.cancel()


def test_bound_to_every_interface_the_host_may_be_an_address_never_a_foreign_name() -> None:
    # --allow-remote --host 0.0.0.0: colleagues reach it by address; a rebinding page
    # always arrives under a name of its own.
    anywhere = Access(TOKEN, "0.0.0.0", 8765)
    assert [anywhere.host_allowed(h) for h in ("192.0.2.7", "[2001:db8::1]", "localhost")] == [
        True,
        True,
        True,
    ]
    assert anywhere.host_allowed("evil.example") is False
    local = Access(TOKEN, "127.0.0.1", 8765)
    assert [local.host_allowed(h) for h in ("192.0.2.7", "127.0.0.2", None)] == [False, True, False]


class SlowCorpus:
    """A warm corpus whose checks take a second each and are recorded."""

    def __init__(self, corpus: WarmCorpus) -> None:
        self.corpus = corpus
        self.config = corpus.config
        self.checked: list[str] = []

    def check(self, draft, given=None, lang="vi"):
        self.checked.append(re.findall(r"\d\.\d{3} tỷ", draft.document.original)[0])
        time.sleep(1.0)
        return self.corpus.check(draft, given, lang)


def test_a_check_whose_client_went_away_never_starts(served: Served) -> None:
    """The page aborts its check when the editor types on: waiting behind a slow
    check, the abandoned one gives its turn to the next."""
    slow = SlowCorpus(served.corpus)
    with running(slow, Limits(workers=1)) as server:  # type: ignore[arg-type]
        first = threading.Thread(target=server.check, args=(BUDGET.format("1.100"),))
        first.start()
        deadline = time.monotonic() + 20
        while not slow.checked and time.monotonic() < deadline:
            time.sleep(0.01)  # until the first holds the only slot
        abandoned = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        headers = {"Host": f"127.0.0.1:{server.port}", "Authorization": f"Bearer {TOKEN}"}
        abandoned.request("POST", "/api/check", BUDGET.format("1.200").encode(), headers)
        time.sleep(0.1)
        abandoned.close()  # well before the first check's second is over
        last = server.check(BUDGET.format("1.300"))
        first.join(30)
    assert slow.checked == ["1.100 tỷ", "1.300 tỷ"]
    assert quotes(last)[0] == ("NU01", "<draft>.md", "1.300 tỷ đồng")


def test_findings_accepted_in_the_baseline_are_hidden_as_check_hides_them(served: Served) -> None:
    draft = load_text(BUDGET.format("1.100").encode(), "<draft>.md", ".md")
    (finding,) = served.corpus.check(draft).findings
    accepted = WarmCorpus(
        served.corpus.paths,
        Config(),
        root=served.corpus.base,
        baseline=frozenset({finding.fingerprint}),
    )
    assert accepted.check(draft).findings == ()
    other = load_text(BUDGET.format("1.200").encode(), "<draft>.md", ".md")
    assert [f.code for f in accepted.check(other).findings] == ["NU01"]  # another key
