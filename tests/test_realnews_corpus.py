"""The whole-corpus harness (benchmarks/corpus.py) sends each finding to the right
verdict file, and tests/realnews/corpus_verdicts.yaml judges what it can judge.

Routing is tested on the two example articles of tests/realnews/example, laid
out as news2017/ and real/ in a temporary corpus and run through the real
pipeline; the verdicts' files and quotes need ../shared/corpus and are skipped
without it.
"""

from __future__ import annotations

import pytest

from conftest import REPO, SHARED, load_script

EXAMPLE = REPO / "tests" / "realnews" / "example"
CORPUS = SHARED / "corpus"


corpus = load_script("corpus")
ARTICLES = {  # the same budget target as 56.000 and 55.600 tỷ đồng: one NU01, one VB01
    name: (EXAMPLE / "corpus" / "quang-ninh" / name).read_text(encoding="utf-8")
    for name in ("mz-1.txt", "mz-2.txt")
}
NU01_KEY = [("mz-1.txt", "56.000 tỷ đồng"), ("mz-2.txt", "55.600 tỷ đồng")]


def _verdicts(path, folders, verdict="true"):
    """A verdict file judging the example's NU01 with its files under `folders`."""
    lines = ["- code: NU01", "  evidence:"]
    for (name, quote), folder in zip(NU01_KEY, folders, strict=True):
        lines += [f"  - file: {folder}quang-ninh/{name}", f"    quote: {quote}"]
    lines += [f"  verdict: {verdict}", "  why: the same target, two figures"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _layout(tmp_path, folders):
    for name, folder in zip(ARTICLES, folders, strict=True):
        path = tmp_path / "corpus" / folder / "quang-ninh" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLES[name], encoding="utf-8")
    return tmp_path / "corpus"


def _nu01(judged):
    (only,) = [j for j in judged if j.finding.code == "NU01"]
    return only


def test_a_finding_citing_real_is_judged_by_corpus_verdicts_with_paths_from_the_corpus(
    tmp_path,
) -> None:
    root = _layout(tmp_path, ["news2017/", "real/"])
    whole = _verdicts(tmp_path / "corpus_verdicts.yaml", ["news2017/", "real/"])
    # The same finding keyed as if both files were news2017's must not match.
    news = _verdicts(tmp_path / "verdicts.yaml", ["", ""], verdict="false")
    judged, unused, _ = corpus.measure(root, news, whole)
    assert _nu01(judged).verdict.verdict == "true"
    assert unused == 0
    rows = corpus.table(judged)
    assert rows["warning+"]["true"] == 1 and rows["warning+"]["precision"] == 1.0
    # VB01 (info) has no verdict: it is counted, never in precision.
    assert rows["info"]["unjudged"] == 1 and rows["info"]["precision"] is None


def test_a_finding_citing_news2017_only_is_judged_by_verdicts_yaml_relative_to_news2017(
    tmp_path,
) -> None:
    root = _layout(tmp_path, ["news2017/", "news2017/"])
    news = _verdicts(tmp_path / "verdicts.yaml", ["", ""], verdict="false")
    whole = tmp_path / "corpus_verdicts.yaml"
    whole.write_text("[]\n", encoding="utf-8")
    judged, _, result = corpus.measure(root, news, whole)
    assert _nu01(judged).verdict.verdict == "false"
    assert corpus.table(judged)["warning+"]["precision"] == 0.0
    listing = corpus.unjudged(judged, result)
    assert "NU01" not in listing and "in verdicts.yaml:" in listing  # VB01, to store there
    assert "file: quang-ninh/mz-1.txt" in listing  # the stub is ready to paste


def test_a_corpus_verdict_citing_news2017_only_is_an_error(tmp_path) -> None:
    path = _verdicts(tmp_path / "corpus_verdicts.yaml", ["news2017/", "news2017/"])
    with pytest.raises(corpus.DataError, match=r"cites only news2017: it goes in verdicts\.yaml"):
        corpus.load_corpus_verdicts(path)


def test_the_stored_corpus_verdicts_load() -> None:
    verdicts = corpus.load_corpus_verdicts()
    assert len(verdicts) >= 11  # the findings judged on 2026-11-30
    assert {v.verdict for v in verdicts} <= {"true", "false", "debatable"}


def test_every_corpus_verdict_names_an_existing_file_and_quote() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not present at {CORPUS} (it lives in ../shared)")
    missing = []
    for v in corpus.load_corpus_verdicts():
        for q in v.evidence:
            path = CORPUS / q.file
            if not path.is_file():
                missing.append(f"{v.code}: no file {q.file}")
            elif q.quote not in path.read_text(encoding="utf-8"):
                missing.append(f"{v.code}: {q.quote!r} not in {q.file}")
    assert not missing, missing


def test_the_command_exits_2_with_one_line_without_the_corpus(tmp_path, capsys) -> None:
    assert corpus.main(["--corpus", str(tmp_path / "absent")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("corpus: corpus not present at ")
    assert err.count("\n") == 1
