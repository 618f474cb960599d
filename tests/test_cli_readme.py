"""The README's examples, run as a reader would copy them."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO, write_corpus
from linter.app.cli import main
from linter.engine.config import load_config

README = (REPO / "README.md").read_text(encoding="utf-8")
VENV_BIN = REPO / ".venv" / "bin"


def _block(language: str, first_line: str) -> str:
    """The fenced block of `language` whose first line is `first_line`."""
    for m in re.finditer(rf"```{language}\n(.*?)```", README, re.DOTALL):
        if m.group(1).startswith(first_line):
            return m.group(1)
    raise AssertionError(f"no ```{language} block starting with {first_line!r} in README.md")


def test_the_configuration_example_works_as_written(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "doichieu.toml").write_text(_block("toml", "# doichieu.toml"), encoding="utf-8")
    config = load_config(start=tmp_path)
    assert config.select == ("NU", "VB01") and config.corpus == ("press/",)
    assert config.baseline == ".doichieu-baseline.json"
    # Its corpus, metadata override and extra indicator at work: a town's two
    # announcements of international visitors, with no province in their text.
    visitors = (
        "---\ndate: 2024-01-0{d}\n---\nChỉ tiêu năm 2024: đón {n} triệu lượt khách quốc tế.\n"
    )
    write_corpus(
        tmp_path / "press" / "quang-yen",
        {"a.md": visitors.format(d=5, n=3), "b.md": visitors.format(d=6, n=4)},
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(d["province"], d["district"]) for d in data["documents"]] == [
        ("Quảng Ninh", "Thị xã Quảng Yên")
    ] * 2
    assert [(f["code"], f["severity"]) for f in data["findings"]] == [("NU01", "error")]


def _workflow() -> dict:
    return yaml.safe_load(_block("yaml", "name: doichieu"))


def test_the_workflow_installs_from_the_checkout_and_runs_on_pushes_too() -> None:
    workflow = _workflow()
    assert set(workflow[True]) == {"push", "pull_request"}  # YAML 1.1 reads `on:` as True
    runs = [step.get("run", "") for step in workflow["jobs"]["check"]["steps"]]
    assert "pip install ./.doichieu" in runs
    assert not any(re.search(r"pip install doichieu\b", r) for r in runs)  # not on PyPI


def _git(repo: Path, *args: str) -> str:
    ident = ["-c", "user.email=t@example.invalid", "-c", "user.name=t"]
    proc = subprocess.run(
        ["git", *ident, *args], cwd=repo, check=True, capture_output=True, text=True
    )
    return proc.stdout.strip()


@pytest.mark.parametrize("before", ["previous", "0000000000000000000000000000000000000000"])
def test_the_workflow_annotates_what_a_push_changed(tmp_path: Path, before: str) -> None:
    """The last step's script, run as GitHub runs it for a push: $BASE is the
    commit before the push (all zeros for a new branch)."""
    if not (VENV_BIN / "doichieu").exists():
        pytest.skip(f"no doichieu console script in {VENV_BIN} (run `make test` first)")
    step = _workflow()["jobs"]["check"]["steps"][-1]
    published = "---\ndate: 2023-12-20\nprovince: Quảng Ninh\n---\nThực hiện Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023 của HĐND tỉnh về chuẩn nghèo đa chiều.\n"
    pushed = "---\ndate: 2023-12-28\nprovince: Quảng Ninh\n---\nThực hiện Nghị quyết số 13 ngày 30/3/2023 của HĐND tỉnh về chuẩn nghèo đa chiều.\n"
    # The workflow's own checkout of doichieu lies in the workspace, with announcements
    # of its own (the seeds): hidden, they are never read as the repository's.
    seed = published.replace("số 12/2023/NQ-HĐND", "số 14")
    write_corpus(tmp_path, {"press/c.md": published, ".doichieu/seeds/s.md": seed})
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "published")
    base = _git(tmp_path, "rev-parse", "HEAD") if before == "previous" else before
    write_corpus(tmp_path, {"press/Thông cáo số 2.md": pushed})
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "pushed")
    env = {**os.environ, "BASE": base, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"}
    env["DOICHIEU_CACHE_DIR"] = str(tmp_path.parent / f"cache-{before[:4]}")
    env.pop("GITHUB_STEP_SUMMARY", None)
    proc = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True,
        check=False, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("::warning file=press/Thông cáo số 2.md,line=5,col=11,")
    assert len(lines) == 1 and "press/c.md" in lines[0] and ".doichieu" not in proc.stdout
