"""A configuration a user gets wrong: each mistake is one line naming the file,
the key and what is expected (exit 2), never a check silenced without a word."""

from __future__ import annotations

import math
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

import pytest
from test_faults import cli

from conftest import SEEDS
from linter.checking import Check, Option
from linter.checking.registry import load_checks
from linter.engine import policy
from linter.engine.config import Config
from linter.engine.config_errors import Said


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("[checks.EV01]\nwindow-days = -5", "checks.EV01.window-days must be at least 0, found -5"),
        ("[checks.OF01]\nwindow-days = -1", "checks.OF01.window-days must be at least 0, found -1"),
        (
            "[checks.FX01]\nrate-tolerance = -0.1",
            "checks.FX01.rate-tolerance must be at least 0, found -0.1",
        ),
        (
            "[checks.NU01]\napprox-tolerance = 1",
            "checks.NU01.approx-tolerance must be below 1, found 1",
        ),
        (
            "[checks.FX01]\nrate-tolerance = nan",
            "checks.FX01.rate-tolerance must be a finite number, found nan",
        ),
        (
            "[checks.EV01]\napprox-tolerance = -inf",
            "checks.EV01.approx-tolerance must be a finite number, found -inf",
        ),
        (
            f"[checks.FX01]\nrate-tolerance = {10**400}",
            f"checks.FX01.rate-tolerance must be a finite number, found {10**400}",
        ),
        # Which check and which setting come first: ZZ99 is no check, whatever its value.
        ("[checks.ZZ99]\nfoo = -1", "unknown check code 'ZZ99' in {where}: checks; known codes: "),
        (
            "[checks.EV01]\nwindow = -1",
            "checks.EV01 has no setting 'window' (it has: approx-tolerance, window-days)",
        ),
    ],
)
def test_a_check_setting_out_of_its_bounds_is_a_configuration_error(
    seeds: Path, capsys: pytest.CaptureFixture[str], setting: str, expected: str
) -> None:
    """A negative window links no pair and a tolerance of 1 accepts any two figures:
    EV01, OF01 and NU01 would pass every corpus; NaN passes every comparison."""
    Path("doichieu.toml").write_text(setting + "\n", encoding="utf-8")
    status, out, err = cli(capsys, "check", "corpus", "--no-cache", "--lang", "en")
    where = Path("doichieu.toml").resolve()
    assert (status, out) == (2, "")
    if expected.startswith("checks."):
        assert err == f"doichieu: error: {where}: {expected}\n"
    else:  # the list of known codes grows with the checks: its start is the point
        assert err.startswith(f"doichieu: error: {expected.format(where=where)}")


def test_settings_in_bounds_are_taken(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """FX01's rate-tolerance only widens the table's rates upwards (× 1.5 here): 1
    or more is no share of anything, and was a working setting."""
    Path("doichieu.toml").write_text(
        "[checks.EV01]\nwindow-days = 0\n[checks.FX01]\nrate-tolerance = 1.5\n", encoding="utf-8"
    )
    status, out, err = cli(capsys, "check", "corpus", "--no-cache", "--lang", "en")
    assert (status, err) == (1, "")
    assert out.endswith("5 documents read, 0 unreadable; 3 findings (3 warnings).\n")


class _Plugin(Check):
    """A third party's check whose option is legitimately negative (an offset)."""

    code = "ZZ01"
    name = "plugin.offset"
    options: ClassVar[Mapping[str, Option]] = {"offset-days": 0, "weight": 0.5}


def test_a_plugin_s_negative_option_is_taken_and_nan_is_not() -> None:
    """No bound declared: any finite number of the declared kind."""
    checks = [_Plugin, *(check for check, _ in load_checks().checks)]
    taken = Config.model_validate({"checks": {"ZZ01": {"offset-days": -3, "weight": -2.5}}})
    policy.check_settings(taken, checks)
    refused = Config.model_validate({"checks": {"ZZ01": {"weight": math.inf}}})
    with pytest.raises(Said) as said:
        policy.check_settings(refused, checks)
    assert str(said.value) == (
        "the configuration: checks.ZZ01.weight must be a finite number, found inf"
    )


def test_config_naming_no_file_says_what_it_names(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--config given a folder or a named pipe is not "not found": it is there."""
    Path("conf").mkdir()
    os.mkfifo("pipe.toml")
    expected = {
        ("conf", "vi"): "conf: không phải tệp cấu hình: đây là một thư mục; cần một tệp TOML "
        "như doichieu.toml",
        ("conf", "en"): "conf: not a configuration file: found a folder; expected a TOML file "
        "such as doichieu.toml",
        ("pipe.toml", "en"): "pipe.toml: not a configuration file: found a named pipe (FIFO); "
        "expected a TOML file such as doichieu.toml",
        ("none.toml", "vi"): "none.toml: không tìm thấy tệp cấu hình",
        ("none.toml", "en"): "none.toml: configuration file not found",
    }
    for (name, lang), line in expected.items():
        status, out, err = cli(capsys, "check", "corpus", "--config", name, "--lang", lang)
        assert (status, out, err) == (2, "", f"doichieu: error: {line}\n")


def test_configuration_errors_are_said_in_the_run_language(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("doichieu.toml").write_text(
        '[[metadata]]\npath = "corpus/**"\nprovince = "Atlantis"\nplan-year = "sau"\n'
        "[checks.EV01]\nwindow-days = -5\n",
        encoding="utf-8",
    )
    where = Path("doichieu.toml").resolve()
    status, out, err = cli(capsys, "check", "corpus", "--no-cache")
    assert (status, out) == (2, "")
    assert err == (
        f"doichieu: error: {where}: tệp: khóa 'metadata.0.province': không có tỉnh, thành phố "
        "nào tên 'Atlantis'; cần một tên như 'Quảng Ninh'; khóa 'metadata.0.plan-year': Input "
        "should be a valid integer, unable to parse string as an integer, nhưng ghi 'sau'\n"
    )
    Path("doichieu.toml").write_text("[checks.EV01]\nwindow-days = -5\n", "utf-8")
    assert cli(capsys, "check", "corpus", "--no-cache")[2] == (
        f"doichieu: error: {where}: checks.EV01.window-days phải từ 0 trở lên, nhưng ghi -5\n"
    )
    Path("doichieu.toml").write_text("[checks.EV01]\napprox-tolerance = nan\n", "utf-8")
    assert cli(capsys, "check", "corpus", "--no-cache")[2] == (
        f"doichieu: error: {where}: checks.EV01.approx-tolerance phải là một số hữu hạn, "
        "nhưng ghi nan\n"
    )
    Path("doichieu.toml").write_text("selekt = 1\n", "utf-8")
    assert cli(capsys, "check", "corpus", "--no-cache")[2] == (
        f"doichieu: error: {where}: tệp: khóa không xác định 'selekt' (các khóa được dùng: "
        "approx-tolerance, baseline, checks, corpus, exclude, extend-select, ignore, include, "
        "indicators, max-docx-inflated-size, max-file-size, metadata, per-path-ignores, select, "
        "severity)\n"
    )


def test_codes_and_settings_no_check_has_are_said_in_the_run_language(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = Path("doichieu.toml").resolve()
    said = {
        'ignore = ["TG02"]': f"không có mã kiểm tra 'TG02' (trong {where}: ignore); các mã gần "
        "nhất: TG01",
        "[checks.EV01]\nwindow = 3": f"{where}: checks.EV01 không có thiết lập 'window' (các "
        "thiết lập có: approx-tolerance, window-days)",
        "[checks.CT01]\nwindow-days = 3": f"{where}: checks.CT01 không có thiết lập "
        "'window-days' (các thiết lập có: không có)",
        "[checks.EV01]\nwindow-days = 2.5": f"{where}: checks.EV01.window-days phải là int, "
        "không phải 2.5",
    }
    for toml, line in said.items():
        Path("doichieu.toml").write_text(toml + "\n", encoding="utf-8")
        assert cli(capsys, "check", "corpus", "--no-cache") == (2, "", f"doichieu: error: {line}\n")


def test_a_configuration_that_cannot_be_read_says_why_in_the_reader_s_words(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The system's words without their "[Errno 5]", the decoder's and TOML's as they are."""
    Path("latin.toml").write_bytes(b'select = ["NU01"] # caf\xe9\n')
    Path("broken.toml").write_text('select = ["NU01"\n', encoding="utf-8")
    said = {
        "latin.toml": "'utf-8' codec can't decode byte 0xe9 in position 23: invalid "
        "continuation byte",
        "broken.toml": "Unclosed array (at end of document)",
    }
    if Path("/proc/self/mem").is_file():  # Linux: a regular file whose first byte is EIO
        said["/proc/self/mem"] = "Input/output error"
    for name, error in said.items():
        status, out, err = cli(capsys, "check", "corpus", "--config", name, "--lang", "en")
        line = f"doichieu: error: {name}: cannot read the configuration: {error}\n"
        assert (status, out, err) == (2, "", line)
