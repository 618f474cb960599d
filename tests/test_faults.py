"""Fault injection: hostile inputs, odd files, a damaged or shared cache, outputs that fail.

Every case runs the real command line, in this process or in a subprocess (where a
hang, a signal, a resource limit or dropped privileges are part of the fault), and
asserts that the run ends with findings or one clear error line: never an internal
error, a hang, a temporary file left behind or a device replaced by a file.
"""

from __future__ import annotations

import ctypes
import io
import json
import os
import resource
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import SEEDS
from linter.app.cli import main
from linter.app.outputs import format_names, render
from linter.diagnostics import engine_finding, engine_infos
from linter.engine.cache import Cache
from linter.engine.rows import row_of
from linter.models import RunResult
from reports.html import render_html

# Two seeds that contradict each other (NU01, VB01, TG01): the clean run has findings.
PAIR = sorted(SEEDS.glob("00[01]_*.txt"))
TIMEOUT = 60  # seconds; a run of two small documents takes about two
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, PR_CAPBSET_DROP = 1, 2, 24


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path/corpus holds the two seeds; the working directory is tmp_path."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in PAIR:
        shutil.copy(path, folder / path.name)
    monkeypatch.chdir(tmp_path)
    return folder


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def cli_bytes(capfdbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, bytes, str]:
    """The command line in this process, its standard output as the bytes written."""
    status = main(list(args))
    out, err = capfdbinary.readouterr()
    return status, out, err.decode("utf-8", "replace")


def subprocess_cli(
    args: Sequence[str | os.PathLike[str]],
    cwd: Path,
    preexec: Callable[[], None] | None = None,
    timeout: float = TIMEOUT,
) -> subprocess.CompletedProcess[bytes]:
    """`python -m linter ...` in a child process; a hang fails the test, it never blocks it."""
    command = [sys.executable, "-m", "linter", *map(os.fsencode, args)]
    return subprocess.run(
        command, cwd=cwd, capture_output=True, timeout=timeout, preexec_fn=preexec, check=False
    )


def assert_clean_failure(status: int, err: str, *expected: str) -> None:
    """Exit status 2 and one line on standard error that says what went wrong."""
    assert status == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("doichieu: error: "), err
    assert "internal error" not in err and "Traceback" not in err
    for text in expected:
        assert text in lines[0], err


def temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


def _drop_root_powers() -> None:
    """In the child: lose the capabilities that let root write into read-only folders."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def read_only(folder: Path) -> Callable[[], None] | None:
    """Make `folder` read-only; the preexec function a child needs to be bound by it."""
    folder.chmod(0o555)
    if os.geteuid() != 0:
        return None
    if not sys.platform.startswith("linux"):
        pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE off Linux")
    return _drop_root_powers


# --- bad input -------------------------------------------------------------------------


def front_matter_doc(block: str) -> str:
    return f"---\n{block}\n---\n" + PAIR[0].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("block", "reason"),
    [
        (  # "billion laughs": 9 levels of 9 aliases, 387 million strings once expanded
            "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n"
                for i in range(8)
            ),
            "YAML aliases ('*name') are not allowed",
        ),
        ("title: " + "[" * 5000 + "]" * 5000, "nested more than 20 levels deep"),
        ("title: x\n" + "note: blah blah\n" * 10_000, "more than the limit of 64,000"),
    ],
    ids=["alias-bomb", "deep-nesting", "huge-block"],
)
def test_hostile_front_matter_is_dc02_and_the_body_is_still_read(
    corpus: Path, capsys: pytest.CaptureFixture[str], block: str, reason: str
) -> None:
    (corpus / "bomb.md").write_text(front_matter_doc(block), encoding="utf-8")
    args = ("check", "corpus", "--format", "json", "--no-cache", "--lang", "en")
    status, out, err = cli(capsys, *args)
    assert status == 1 and not err
    report = json.loads(out)
    found = [f for f in report["findings"] if f["evidence"][0]["path"] == "corpus/bomb.md"]
    assert [f["code"] for f in found if f["code"].startswith("DC0")] == ["DC02"]
    assert reason in found[0]["message"]
    assert "corpus/bomb.md" in [d["path"] for d in report["documents"]]  # the body is read


def test_a_50_mb_single_line_file_is_skipped_at_once_and_named(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = "Tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng. "
    huge = corpus / "huge.txt"
    huge.write_text(line * (50_000_000 // len(line.encode())), encoding="utf-8")
    started = time.perf_counter()
    status, out, _ = cli(
        capsys, "check", "corpus", "--no-cache", "--select", "NU01", "--lang", "en"
    )
    assert time.perf_counter() - started < 20
    assert status == 1
    assert (
        f"corpus/huge.txt:1:1: DC01 [error] file skipped: {huge.stat().st_size:,} bytes, more "
        "than the limit of 5,000,000 bytes (raise `max-file-size` in the configuration to read it)"
    ) in out.splitlines()


def test_the_size_caps_are_configurable(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small, large = (path.stat().st_size for path in PAIR)
    Path("doichieu.toml").write_text(f"max-file-size = {small}\n", encoding="utf-8")
    status, out, _ = cli(capsys, "check", "corpus", "--no-cache", "--lang", "en")
    assert status == 1
    assert out.splitlines()[0] == (
        f"corpus/{PAIR[1].name}:1:1: DC01 [error] file skipped: {large:,} bytes, more than the "
        f"limit of {small:,} bytes (raise `max-file-size` in the configuration to read it)"
    )
    Path("doichieu.toml").write_text("max-file-size = 0\n", encoding="utf-8")
    status, _, err = cli(capsys, "check", "corpus", "--no-cache")
    assert_clean_failure(status, err, "max-file-size")


def test_a_docx_that_inflates_past_the_cap_is_skipped_before_unzipping(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * 60_000_000)  # a few kilobytes zipped
    (corpus / "bomb.docx").write_bytes(buffer.getvalue())
    assert (corpus / "bomb.docx").stat().st_size < 200_000
    status, out, _ = cli(
        capsys, "check", "corpus", "--no-cache", "--select", "NU01", "--lang", "en"
    )
    assert status == 1
    assert (
        "corpus/bomb.docx:1:1: DC01 [error] file skipped: its parts "
        "inflate to 60,000,008 bytes, more than the limit of 50,000,000 bytes"
    ) in out


# --- the file system -------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_in_the_corpus_or_named_is_dc01_and_never_read(corpus: Path) -> None:
    os.mkfifo(corpus / "x.txt")
    os.mkfifo(corpus.parent / "named.txt")
    for cache in ("--no-cache", "--cache-dir=c"):  # the cache hashes files before loading
        run = subprocess_cli(["check", "corpus", "named.txt", cache, "--lang=en"], corpus.parent)
        lines = run.stdout.decode().splitlines()
        assert run.returncode == 1, run.stderr
        for name in ("corpus/x.txt", "named.txt"):
            assert (
                f"{name}:1:1: DC01 [error] not a regular file: found a named pipe (FIFO); "
                "expected a document"
            ) in lines


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_as_the_baseline_is_one_clear_error(corpus: Path) -> None:
    os.mkfifo(corpus.parent / "pipe.json")
    run = subprocess_cli(
        ["check", "corpus", "--no-cache", "--baseline", "pipe.json"], corpus.parent
    )
    reason = "not a regular file: found a named pipe (FIFO); expected a document"
    assert_clean_failure(run.returncode, run.stderr.decode(), "pipe.json: cannot read the ", reason)


def test_symlink_loops_broken_links_and_sockets_are_dc01(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "loop1.txt").symlink_to("loop2.txt")
    (corpus / "loop2.txt").symlink_to("loop1.txt")
    (corpus / "broken.txt").symlink_to("nowhere.txt")
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(corpus / "socket.txt"))
    status, out, err = cli(capsys, "check", "corpus", "corpus/loop1.txt", "--no-cache", "--lang=en")
    assert status == 1, err
    loop = "DC01 [error] cannot read file: a symlink loop (the link points, directly or not, at itself)"
    assert f"corpus/loop1.txt:1:1: {loop}" in out.splitlines()
    assert f"corpus/loop2.txt:1:1: {loop}" in out.splitlines()
    assert (
        "corpus/broken.txt:1:1: DC01 [error] cannot read file: no such file (a broken symlink?)"
        in out
    )
    socket_line = "DC01 [error] not a regular file: found a socket; expected a document"
    assert f"corpus/socket.txt:1:1: {socket_line}" in out.splitlines()
    listening.close()


# --- file names --------------------------------------------------------------------------

NOT_UTF8 = b"th\xf4ng-c\xe1o.txt"  # Windows-1258 bytes of "thông-cáo", not UTF-8
# A newline, then what a GitHub runner would execute as a workflow command.
INJECTION = "a\n::add-mask::secret\n::error title=pwned::x.txt"


@pytest.fixture
def odd_names(corpus: Path) -> Path:
    """The seeds under a name that is not UTF-8 and one that holds newlines and '::'."""
    (corpus / PAIR[0].name).rename(corpus / os.fsdecode(NOT_UTF8))
    (corpus / PAIR[1].name).rename(corpus / INJECTION)
    (corpus.parent / "::warning::lead.txt").write_text("Hôm nay trời đẹp.\n", encoding="utf-8")
    return corpus


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_odd_file_names_are_escaped_in_every_format(
    odd_names: Path, capfdbinary: pytest.CaptureFixture[bytes], fmt: str
) -> None:
    args = ("check", "corpus", "::warning::lead.txt", "--no-cache", "--format", fmt)
    args = (*args, "--html", "report.html")
    status, out, err = cli_bytes(capfdbinary, *args)
    assert status == 1, err
    status, _, err = cli_bytes(capfdbinary, *args, "--output", "report.out")
    assert status == 1, err
    assert Path("report.out").read_bytes() == out
    assert not temporary_files(odd_names.parent)
    for written in (out, Path("report.html").read_bytes()):
        text = written.decode("utf-8")  # strict: valid UTF-8
        if fmt in ("json", "sarif"):  # JSON doubles the backslash; SARIF has URIs
            text = unquote(text.replace("\\\\", "\\"))
        assert "th\\xf4ng-c\\xe1o.txt" in text
        assert "a\\n::add-mask::secret\\n::error title=pwned::x.txt" in text
    lines = out.decode().splitlines()
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "github":  # one line per annotation, each one of ours
        assert all(line.startswith(("::warning ", "::error ", "::notice ")) for line in lines)
        assert not [line for line in lines if "::add-mask::" in line.partition(" ")[0]]
    else:
        assert not [line for line in lines if line.startswith("::")]
        assert "./::warning::lead.txt:1:1: DC03 [info]" in out.decode()


def test_control_characters_in_messages_are_escaped_in_every_format() -> None:
    """Messages quote document text; an ANSI escape or a bidi override in it must reach
    no terminal, log or page as such."""
    hostile = "Tổng thu \x1b[2J\x07\u202eđạt 56.000 tỷ đồng"
    finding = engine_finding("DC02", hostile, "corpus/a\x1b[31m.txt")
    result = RunResult(
        documents=(), claims={}, findings=(finding,), checks=tuple(engine_infos()),
        indicator_labels={}, settings={"fail_on": "warning", "lang": "vi"},
    )  # fmt: skip
    outputs = {fmt: render(result, fmt, "vi") for fmt in format_names()}  # every registered one
    assert set(outputs) >= {"text", "json", "sarif", "github", "html"}
    rendered = {fmt: out.text for fmt, out in outputs.items()}
    rendered["github summary"] = outputs["github"].job_summary or ""
    assert rendered["html"] == render_html(result)
    for fmt, text in rendered.items():  # JSON keeps the text exact, control codes escaped
        invisible = "\x1b\x07" if fmt in ("json", "sarif") else "\x1b\x07\u202e"
        assert not [ch for ch in text if ch in invisible], fmt
    assert "Tổng thu \\x1b[2J\\x07\\u202eđạt 56.000 tỷ đồng" in rendered["text"]
    assert "Tổng thu \\x1b[2J\\x07\\u202eđạt 56.000 tỷ đồng" in rendered["html"]
    assert json.loads(rendered["json"])["findings"][0]["message"] == hostile


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_changed_files_with_odd_names_are_still_focused(
    odd_names: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """git names a changed file with its raw bytes; the run shows it escaped: they match."""
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=odd_names.parent, check=True)
    subprocess.run(
        [*git, "commit", "-q", "--allow-empty", "-m", "base"], cwd=odd_names.parent, check=True
    )
    status, out, err = cli(capsys, "check", "corpus", "--no-cache", "--changed-since", "HEAD")
    assert status == 1, err
    assert out.startswith("corpus/a\\n::add-mask::secret\\n::error title=pwned::x.txt:2:553: NU01")
    assert "corpus/th\\xf4ng-c\\xe1o.txt:2:377" in out


# --- the cache ---------------------------------------------------------------------------


def clean_run(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status, out, _ = cli(capsys, "check", "corpus", "--format", "json", "--no-cache")
    return status, out


@pytest.mark.parametrize("damage", ["sqlite-is-a-folder", "folder-is-a-file"])
def test_an_unusable_cache_gives_the_clean_output_with_a_notice(
    corpus: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    reference = clean_run(capsys)
    if damage == "sqlite-is-a-folder":
        (corpus.parent / "c" / "cache.sqlite").mkdir(parents=True)
    else:
        (corpus.parent / "c").write_text("not a folder\n", encoding="utf-8")
    for _ in range(2):
        status, out, err = cli(capsys, "check", "corpus", "--format", "json", "--cache-dir", "c")
        assert (status, out) == reference
        assert err.startswith("doichieu: notice: not using the cache c/cache.sqlite: ")
        assert len(err.splitlines()) == 1
    if damage == "sqlite-is-a-folder":
        status, _, err = cli(capsys, "cache", "clear", "--cache-dir", "c")
        assert_clean_failure(status, err, "c/cache.sqlite is not a cache file")


def test_a_read_only_cache_folder_gives_the_clean_output(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = clean_run(capsys)
    for warm in (False, True):
        folder = corpus.parent / f"c{warm}"
        if warm:
            cli(capsys, "check", "corpus", "--cache-dir", folder.name)
        (folder.parent / "ro").mkdir(exist_ok=True)
        preexec = read_only(folder if warm else folder.parent / "ro")
        args = ["check", "corpus", "--format", "json", "--cache-dir"]
        run = subprocess_cli([*args, folder.name if warm else "ro/c"], corpus.parent, preexec)
        assert (run.returncode, run.stdout.decode()) == reference, run.stderr
        assert b"Traceback" not in run.stderr


def test_the_cache_folder_ignores_itself_in_git(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, "check", "corpus", "--cache-dir", "c")
    assert (corpus.parent / "c" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_caches_opened_at_the_same_instant_all_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The race of many runs creating one cache, made certain: 16 threads start together."""
    barrier = threading.Barrier(16)
    failures: list[BaseException] = []

    def open_write_commit(i: int) -> None:
        barrier.wait()
        try:
            cache = Cache(tmp_path / "c")
            cache.put_row(f"key{i}", row_of((None, (), []), None))
            cache.commit()
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=open_write_commit, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT)
    assert failures == []
    assert capsys.readouterr().err == ""  # not even a notice: nothing was discarded
    cache = Cache(tmp_path / "c")
    assert [cache.get(f"key{i}") for i in range(16)] == [(None, (), [])] * 16


def test_concurrent_runs_on_one_cache_all_give_the_clean_output(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(3):  # more files to write: longer transactions, more contention
        for path in PAIR:
            shutil.copy(path, corpus / f"{i}-{path.name}")
    reference = clean_run(capsys)
    command = [sys.executable, "-m", "linter", "check", "corpus", "--format", "json"]
    runs = [
        subprocess.Popen(
            [*command, "--cache-dir", "shared"],
            cwd=corpus.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(8)
    ]
    results = [(run.wait(timeout=3 * TIMEOUT), *run.communicate()) for run in runs]
    for status, out, err in results:
        assert (status, out.decode()) == reference, err.decode()
        assert not err or err.startswith(b"doichieu: notice: "), err.decode()


# --- outputs -----------------------------------------------------------------------------

OUTPUT_OPTIONS = [["--output"], ["--html"], ["--write-baseline"]]


@pytest.mark.parametrize("option", OUTPUT_OPTIONS, ids=lambda o: o[0])
def test_writing_onto_a_folder_is_one_clear_error(
    corpus: Path, capsys: pytest.CaptureFixture[str], option: list[str]
) -> None:
    Path("out").mkdir()
    status, _, err = cli(capsys, "check", "corpus", "--no-cache", *option, "out")
    assert_clean_failure(status, err, "cannot write out: it is a folder")
    assert not temporary_files(corpus.parent)


# Each of these starts a process: one writer each (they share `outputs.write_atomic`).
@pytest.mark.parametrize("option", [["--output"], ["--write-baseline"]], ids=lambda o: o[0])
def test_a_read_only_folder_keeps_the_previous_file(corpus: Path, option: list[str]) -> None:
    folder = corpus.parent / "ro"
    folder.mkdir()
    (folder / "previous").write_text("previous report\n", encoding="utf-8")
    preexec = read_only(folder)
    run = subprocess_cli(
        ["check", "corpus", "--no-cache", *option, "ro/previous"], corpus.parent, preexec
    )
    assert_clean_failure(
        run.returncode, run.stderr.decode(), "cannot write ro/previous: Permission denied"
    )
    assert (folder / "previous").read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in folder.iterdir()) == ["previous"]


@pytest.mark.parametrize("option", [["--html"]], ids=lambda o: o[0])
def test_a_file_size_limit_keeps_the_previous_file(corpus: Path, option: list[str]) -> None:
    (corpus.parent / "previous").write_text("previous report\n", encoding="utf-8")

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))  # every report is larger

    run = subprocess_cli(
        ["check", "corpus", "--no-cache", *option, "previous"], corpus.parent, small_files
    )
    assert_clean_failure(
        run.returncode, run.stderr.decode(), "cannot write previous: File too large"
    )
    assert (corpus.parent / "previous").read_text(encoding="utf-8") == "previous report\n"
    assert not temporary_files(corpus.parent)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("option", OUTPUT_OPTIONS, ids=lambda o: o[0])
def test_a_full_device_is_written_to_never_replaced(
    corpus: Path, capsys: pytest.CaptureFixture[str], option: list[str]
) -> None:
    status, _, err = cli(capsys, "check", "corpus", "--no-cache", *option, "/dev/full")
    assert_clean_failure(status, err, "cannot write /dev/full: No space left on device")
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_standard_output_named_as_a_file_is_written_to(corpus: Path) -> None:
    before = os.lstat("/dev/stdout")
    assert stat.S_ISLNK(before.st_mode)
    run = subprocess_cli(
        ["check", "corpus", "--no-cache", "--output", "/dev/stdout"], corpus.parent
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout.decode().startswith(f"corpus/{PAIR[1].name}:2:553: NU01 [warning]")
    after = os.lstat("/dev/stdout")  # still the same symlink
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


def test_a_full_standard_output_is_one_clear_error(corpus: Path) -> None:
    with Path("/dev/full").open("wb") as full:
        command = [sys.executable, "-m", "linter", "check", "corpus", "--no-cache"]
        run = subprocess.run(
            command,
            cwd=corpus.parent,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT,
            check=False,
        )
    assert_clean_failure(
        run.returncode,
        run.stderr.decode(),
        "cannot write to standard output: No space left on device",
    )


# --- configuration and baseline ----------------------------------------------------------


def test_a_deeply_nested_configuration_is_one_clear_error(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("doichieu.toml").write_text("select = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    status, _, err = cli(capsys, "check", "corpus", "--no-cache", "--lang", "en")
    assert_clean_failure(
        status, err, "doichieu.toml: cannot read the configuration: values nested too deeply"
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"version": 1, "findings": ' + "[" * 5000 + "]" * 5000 + "}", "recursion limit exceeded"),
        ('{"version": true, "findings": []}', "version: Input should be a valid integer"),
        ('{"version": 2, "findings": []}', "expected version 1, found 2"),
    ],
    ids=["deep", "version-true", "version-2"],
)
def test_a_bad_baseline_is_one_clear_error(
    corpus: Path, capsys: pytest.CaptureFixture[str], content: str, reason: str
) -> None:
    Path("baseline.json").write_text(content, encoding="utf-8")
    status, _, err = cli(capsys, "check", "corpus", "--no-cache", "--baseline", "baseline.json")
    assert_clean_failure(status, err, "baseline.json: not a doichieu baseline: ", reason)


# --- legacy Vietnamese encodings ---------------------------------------------------------

# One sentence as typed in each legacy font, byte for byte as old documents hold it:
# TCVN3 (.VnTime) bytes, and VNI-Times text that some tool already turned into UTF-8.
SENTENCE = (
    "Tổng thu ngân sách nhà nước trên địa bàn tỉnh Quảng Ninh năm 2024 phấn đấu đạt 57.000 tỷ đồng."
)
TCVN3 = (
    "Tæng thu ng©n s¸ch nhµ n\xadíc trªn ®Þa bµn tØnh Qu¶ng Ninh n¨m 2024 "
    "phÊn ®Êu ®¹t 57.000 tû ®ång."
).encode("latin-1")
VNI = (
    "Toång thu ngaân saùch nhaø nöôùc treân ñòa baøn tænh Quaûng Ninh naêm 2024 "
    "phaán ñaáu ñaït 57.000 tyû ñoàng."
).encode()


@pytest.mark.parametrize("data", [TCVN3, VNI], ids=["tcvn3-bytes", "vni-as-utf8"])
def test_legacy_encodings_are_converted_and_checked(
    corpus: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    (corpus / "legacy.txt").write_bytes(b"---\ndate: 2024-01-05\n---\n" + data + b"\n")
    status, out, _ = cli(capsys, "check", "corpus", "--format", "json", "--no-cache")
    assert status == 1
    report = json.loads(out)
    figures = [
        (e["path"], e["quote"])
        for f in report["findings"]
        if f["code"] == "NU01"
        for e in f["evidence"]
    ]
    assert ("corpus/legacy.txt", "57.000 tỷ đồng") in figures  # against the seeds' 56.000
    status, out, _ = cli(capsys, "claims", "corpus/legacy.txt", "--format", "json")
    assert status == 0
    quotes = [claim["quote"] for claim in json.loads(out)["claims"]]
    assert quotes and all(quote in SENTENCE for quote in quotes)  # spans on the converted text


def test_legacy_text_that_does_not_convert_reliably_is_named(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Place names only: too few frequent words to trust a conversion.
    names = "Qu¶ng Ninh, H¹ Long, CÈm Ph¶, U«ng BÝ, §«ng TriÒu, Yªn H\xadng, V©n §ån, B×nh Liªu"
    (corpus / "names.txt").write_bytes(names.encode("latin-1"))
    status, out, _ = cli(capsys, "check", "corpus", "--no-cache", "--lang", "en")
    assert status == 1
    assert (
        "corpus/names.txt:1:1: DC01 [error] the text looks like it was typed in the legacy "
        "TCVN3 encoding"
    ) in out
