"""Shared helpers: run the real pipeline on documents written to a temporary folder."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import time
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from types import ModuleType

import pytest

from linter.engine.run import Options, run
from linter.models import RunResult

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """CLI runs in tests cache into a temporary folder, never into the checkout."""
    import linter.app.arguments

    linter.app.arguments.DEFAULT_CACHE = tmp_path_factory.mktemp("cache")


def settle(monkeypatch: pytest.MonkeyPatch, paths: Iterable[Path]) -> None:
    """Trust the metadata of the files `paths` as if written long ago, and of every
    file changed before them, and of none written after
    (`linter.engine.keys.settled_before`): os.utime puts a modification time back,
    never the change time, which the racy rule reads too. The kernel may stamp files
    with a coarse clock: a probe beside the first file (hidden, so never listed, and
    removed) is written every millisecond until its change time is past theirs, so
    that a file written next is not trusted; a clock that never gets there fails."""
    from linter.engine import keys

    files = list(paths)
    settled = max(path.stat().st_ctime_ns for path in files) + 1
    monkeypatch.setattr(keys, "settled_before", lambda: settled)
    probe = files[0].parent / ".settle-probe"
    try:
        for _ in range(2_000):  # 2 s at least: FAT stamps a file every 2 s
            probe.write_bytes(b"x")
            if probe.stat().st_ctime_ns >= settled:
                return
            time.sleep(0.001)
    finally:
        probe.unlink(missing_ok=True)
    pytest.fail(f"no change time past {settled} within 2 s under {probe.parent}")


SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
REAL_CORPUS = SHARED / "corpus" / "real"
NEWS_CORPUS = SHARED / "corpus" / "news2017"

# Four outlets' reports of the Chemroad Journey tanker (a tuning cluster of news2017,
# Bình Thuận), as a draft and the reports published before it: EV01 between the
# draft and the first (a tonnage with two digits swapped), PN03 (the ship's flag)
# with the first three; the last two are other stories of the province.
CHEMROAD_DRAFT = "binh-thuan/mz-22507065.txt"
CHEMROAD_PUBLISHED = (
    "binh-thuan/mz-22505758.txt",
    "binh-thuan/mz-22515329.txt",
    "binh-thuan/mz-22520228.txt",
    "binh-thuan/mz-22449696.txt",
    "binh-thuan/mz-22654095.txt",
)


def chemroad_corpus(root: Path, news: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The Chemroad draft in `root`/drafts, the reports published before it in
    `root`/archive (another folder: a focused run finds them only through the
    cache's provinces), all settled (their metadata trusted); `root`."""
    for name, folder in [(CHEMROAD_DRAFT, "drafts"), *((p, "archive") for p in CHEMROAD_PUBLISHED)]:
        target = root / folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(news / name, target)
    settle(monkeypatch, root.rglob("*.txt"))
    return root


def seed_texts() -> list[str]:
    """The texts of seeds/*.txt, in their names' order."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert len(texts) >= 5
    return texts


def write_corpus(folder: Path, documents: Mapping[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in documents.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def load_script(name: str) -> ModuleType:
    """benchmarks/<name>.py as a module, loaded once (benchmarks/ is a folder of
    scripts, not a package): registered in sys.modules under `name` before it runs,
    since dataclasses and pydantic look their module up there while they build its
    classes, and with benchmarks/ on the path for its siblings (corpus.py imports
    realnews.py)."""
    path = REPO / "benchmarks" / f"{name}.py"
    loaded = sys.modules.get(name)
    if loaded is not None and Path(loaded.__file__ or "") == path:
        return loaded  # a test or a sibling script imported it already
    if str(path.parent) not in sys.path:
        sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def run_corpus(
    folder: Path, documents: Mapping[str, str | bytes], select: Collection[str] | None = None
) -> RunResult:
    """Write `documents` under `folder` and check them; paths are relative to `folder`."""
    write_corpus(folder, documents)
    return run([folder], Options(select=select), root=folder)


def news_shown(name: str) -> str:
    """How a run rooted at ../shared shows a news2017 file."""
    return f"corpus/news2017/{name}"


def run_news(names: Collection[str], code: str, focus: str | None) -> RunResult:
    """Check news2017 files `names` with one check, focused on one of them (a draft's
    run) or not; skipped without ../shared."""
    paths = [NEWS_CORPUS / name for name in names]
    if not all(p.is_file() for p in paths):
        pytest.skip(f"news2017 not present under {NEWS_CORPUS} (it lives in ../shared)")
    options = Options(select={code}, focus=frozenset({news_shown(focus)}) if focus else None)
    return run(paths, options, root=SHARED)


def involving(result: RunResult, name: str | None = None) -> list[list[str]]:
    """The evidence paths of each finding (sorted), of those that involve `name`."""
    found = sorted(sorted({e.path for e in f.evidence}) for f in result.findings)
    return [f for f in found if name is None or news_shown(name) in f]


@pytest.fixture(scope="session")
def seeds_result() -> RunResult:
    return run([SEEDS], Options(), root=REPO)


def real_corpus_or_skip() -> Path:
    if not REAL_CORPUS.is_dir():
        pytest.skip(
            f"real corpus not present at {REAL_CORPUS} (it lives in ../shared, outside the repo)"
        )
    return REAL_CORPUS


@pytest.fixture(scope="session")
def news() -> Path:
    """../shared/corpus/news2017, or the test is skipped saying where it was looked for."""
    if not NEWS_CORPUS.is_dir():
        pytest.skip(f"news2017 corpus not present at {NEWS_CORPUS} (it lives in ../shared)")
    return NEWS_CORPUS
