"""Which reader finds a figure's subject better: the product's rules or underthesea's POS tags.

    python benchmarks/subjects.py            # both readers' scores and time per sentence
    python benchmarks/subjects.py --errors   # every figure where one reader is right, the other not

Issue 10 asks to use underthesea's word segmentation, POS tags or chunking on
the sentences that hold a figure only if they pay for themselves. This script
measures it on the gold quantities that have a `subject` (tests/gold/claims.yaml)
and that the parser finds, with the score of benchmarks/gold.py (word-set F1 of
folded syllables; mean, and share with F1 >= 0.5).

Both readers get the same figure (the parser's span and unit) and the same
post-processing (the product's fillers, time words and `MAX_WORDS` cap), so
only the way the noun phrase is found differs:

- **rules**: `linter.claims.subjects.subject_of`, as the parser calls it;
- **pos**: `underthesea.pos_tag` on the figure's sentence; the subject is the
  run of nouns and adjectives (joined by "của / về / trên / tại / ở") nearest
  before the figure, after skipping the verbs, adverbs and comparators that
  introduce it ("đạt", "ước", "tăng trên"), plus the nouns right after the
  figure, plus the counted noun of a unit that counts ("2.000 doanh nghiệp").
  Chunking (`underthesea.chunk`) tags every noun as its own B-NP, so it gives
  no longer phrases than the tags do, at twice the cost.

Time is wall time on this machine: for the rules, the calls of `subject_of`
inside the parse (per figure), and the whole parse per sentence that holds a
figure; for underthesea, `pos_tag` plus the reading, per sentence (the model
is loaded before timing starts).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold import GOLD, REPO, SUBJECT_OK, _columns, subject_f1

import linter.claims.extract as extract
from linter.claims.subject_words import INTRO_WORD, key_words
from linter.claims.subjects import MAX_WORDS, MEASURES
from linter.engine.config import Config
from linter.engine.parsing import parse_result
from linter.nlp import fold, sentences
from linter.read.loading import load_document

NOUNS = frozenset("N Np Nc Ny Nb".split())  # Nu (đồng, ha) is a unit, M a number
_BRIDGES = frozenset("của về trên tại ở".split())  # "thu ngân sách | trên | địa bàn"
_CLAUSE_END = frozenset(", ; : ( ) . và".split())
_AFTER_TOKENS = 3
_TIME = frozenset("năm quý tháng ngày".split())
_LETTERS = re.compile(r"[^\W\d_]+")


def _tokens(sentence: str, tagged: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, word, tag) of each tagged token, found in order in `sentence`."""
    out, at = [], 0
    for word, tag in tagged:
        found = sentence.find(word, at)
        if found < 0:  # the tagger altered the text; place the token where we are
            found = at
        out.append((found, found + len(word), word, tag))
        at = found + len(word)
    return out


def _is_figure(tokens: list[tuple[int, int, str, str]], k: int) -> bool:
    """Whether token `k` is part of another figure (a year after "năm" is a time)."""
    word, tag = tokens[k][2], tokens[k][3]
    if re.fullmatch(r"(?:19|20)\d\d", word) or (k and tokens[k - 1][2].lower() in _TIME):
        return False
    return tag == "Nu" or any(ch.isdigit() for ch in word)


def _is_intro(word: str) -> bool:
    return bool(INTRO_WORD.fullmatch(fold(word)))


def _inside(tokens: list[tuple[int, int, str, str]], k: int, verbs: bool) -> bool:
    """Whether token `k` can be part of the noun phrase: nouns and adjectives, the
    prepositions that join a noun to its qualifier, and with `verbs` the verbs and
    adverbs of nominal phrases ("vốn đầu tư", "lao động đã qua đào tạo") unless
    they introduce a figure."""
    word, tag = tokens[k][2], tokens[k][3]
    if (_is_figure(tokens, k) and tag != "M") or word.lower() in _CLAUSE_END:
        return False
    if tag in NOUNS or tag == "A" or (tag == "M" and not _is_figure(tokens, k)):
        return not (verbs and _is_intro(word))
    if tag == "E":
        return word.lower() in _BRIDGES
    return verbs and tag in ("V", "R") and not _is_intro(word)


def _before(tokens: list[tuple[int, int, str, str]], start: int, verbs: bool) -> list[str]:
    """The noun phrase nearest before the figure that starts at `start`."""
    i = max((k for k, t in enumerate(tokens) if t[1] <= start), default=-1)
    while i >= 0 and tokens[i][3] not in NOUNS:  # "đạt", "ước", "tăng", "trên"
        if tokens[i][2].lower() in _CLAUSE_END or _is_figure(tokens, i):
            return []  # the clause, or another figure, ends before any noun
        i -= 1
    j = i
    while j >= 0 and _inside(tokens, j, verbs):
        j -= 1
    words = [t[2] for t in tokens[j + 1 : i + 1]]
    while words and words[0].lower() in _BRIDGES:
        words.pop(0)
    return words


def _after(tokens: list[tuple[int, int, str, str]], end: int) -> list[str]:
    """The nouns right after the figure that ends at `end`: "11.400 hộ | dân"."""
    words = []
    for _, _, word, tag in (t for t in tokens if t[0] >= end):
        if (tag not in NOUNS and tag != "A") or len(words) == _AFTER_TOKENS:
            break
        words.append(word)
    return words


def pos_subject(
    tagged: list[tuple[str, str]],
    sentence: str,
    figure: tuple[int, int, str, str],
    verbs: bool = False,
) -> str | None:
    """The subject read from underthesea's tags around `figure` (start and end in
    `sentence`, quote, unit), with the product's post-processing."""
    start, end, quote, unit = figure
    tokens = _tokens(sentence, tagged)
    head = key_words(fold(" ".join(_before(tokens, start, verbs))))[-MAX_WORDS:]
    number = re.search(r"\d", quote)
    noun = [] if unit in MEASURES or not number else _LETTERS.findall(fold(quote[number.start() :]))
    measured = (noun + key_words(fold(" ".join(_after(tokens, end)))))[:MAX_WORDS]
    words = head + ([] if " ".join(measured) in " ".join(head) else measured)
    return " ".join(words) or None


def _timed_subject_of(spent: list[float]):
    original = extract.subject_of

    def timed(*args: Any) -> tuple[str | None, str | None]:
        t = time.perf_counter()
        result = original(*args)
        spent.append(time.perf_counter() - t)
        return result

    return original, timed


def compare() -> dict[str, Any]:
    """Both readers on every gold quantity with a subject that the parser finds."""
    from underthesea import pos_tag

    pos_tag("Tổng thu ngân sách đạt 56.000 tỷ đồng.")  # load the model before timing
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in data["claims"]:
        if entry["kind"] == "quantity" and "subject" in entry:
            by_path[entry["path"]].append(entry)
    rows: list[dict[str, Any]] = []
    rule_calls: list[float] = []
    parse_time = pos_time = 0.0
    figure_sentences: set[tuple[str, int, int, int]] = set()
    tagged_cache: dict[str, list[tuple[str, str]]] = {}
    skipped = sorted(p for p in by_path if not (REPO / p).is_file())
    original, timed = _timed_subject_of(rule_calls)
    extract.subject_of = timed
    try:
        for path in sorted(set(by_path) - set(skipped)):
            file = REPO / path
            t = time.perf_counter()
            _, claims, _ = parse_result(load_document(file, path), Config())
            parse_time += time.perf_counter() - t
            lines = file.read_text(encoding="utf-8").splitlines()
            quantities = [c for c in claims if c.kind == "quantity"]
            for c in quantities:  # the sentences that hold a figure, for the parse's cost
                figure_sentences.add((path, c.span.line, *c.sentence))
            for gold in by_path[path]:
                line = lines[gold["line"] - 1]
                g_start, g_end = _columns(line, gold["quote"], gold.get("occurrence", 1))
                match = next(
                    (
                        c
                        for c in quantities
                        if c.span.line == gold["line"]
                        and c.span.column < g_end
                        and g_start < c.span.end_column
                    ),
                    None,
                )
                if match is None:
                    continue
                start, end = match.span.column - 1, match.span.end_column - 1
                s, e = next((a, b) for a, b in sentences(line) if a <= start < b)
                sentence = line[s:e]
                t = time.perf_counter()
                if sentence not in tagged_cache:
                    tagged_cache[sentence] = pos_tag(sentence)
                figure = (start - s, end - s, match.span.quote, match.unit)
                pos = pos_subject(tagged_cache[sentence], sentence, figure)
                pos_time += time.perf_counter() - t
                pos_verbs = pos_subject(tagged_cache[sentence], sentence, figure, verbs=True)
                rows.append(
                    {
                        "where": f"{path}:{gold['line']} {gold['quote']!r}",
                        "gold": gold["subject"],
                        "rules": match.subject,
                        "pos": pos,
                        "rules_f1": subject_f1(gold["subject"], match.subject),
                        "pos_f1": subject_f1(gold["subject"], pos),
                        "pos_verbs": pos_verbs,
                        "pos_verbs_f1": subject_f1(gold["subject"], pos_verbs),
                    }
                )
    finally:
        extract.subject_of = original
    n = len(rows)
    return {
        "figures": n,
        "sentences": len(tagged_cache),
        "skipped_files": skipped,
        "rows": rows,
        "readers": {
            "rules": {
                "mean_f1": sum(r["rules_f1"] for r in rows) / n,
                "ok": sum(r["rules_f1"] >= SUBJECT_OK for r in rows) / n,
                "ms_per_figure": 1000 * sum(rule_calls) / len(rule_calls),
                "parse_ms_per_sentence": 1000 * parse_time / len(figure_sentences),
            },
            "pos": {
                "mean_f1": sum(r["pos_f1"] for r in rows) / n,
                "ok": sum(r["pos_f1"] >= SUBJECT_OK for r in rows) / n,
                "ms_per_sentence": 1000 * pos_time / len(tagged_cache),
                "kb_per_s": sum(len(x.encode()) for x in tagged_cache) / 1000 / pos_time,
            },
            "pos_verbs": {
                "mean_f1": sum(r["pos_verbs_f1"] for r in rows) / n,
                "ok": sum(r["pos_verbs_f1"] >= SUBJECT_OK for r in rows) / n,
            },
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the figures the readers split")
    args = parser.parse_args(argv)
    result = compare()
    rules, pos = result["readers"]["rules"], result["readers"]["pos"]
    print(
        f"{result['figures']} gold quantities with a subject, in {result['sentences']} sentences\n"
    )
    print("| reader | mean F1 | F1 >= 0.5 | time |")
    print("|---|---|---|---|")
    print(
        f"| rules (subjects.py) | {rules['mean_f1']:.1%} | {rules['ok']:.1%} | "
        f"{rules['ms_per_figure']:.3f} ms per figure "
        f"(whole parse {rules['parse_ms_per_sentence']:.1f} ms per sentence with a figure) |"
    )
    print(
        f"| underthesea pos_tag | {pos['mean_f1']:.1%} | {pos['ok']:.1%} | "
        f"{pos['ms_per_sentence']:.1f} ms per sentence ({pos['kb_per_s']:.0f} kB/s) |"
    )
    verbs = result["readers"]["pos_verbs"]
    print(
        f"| underthesea pos_tag, verbs inside, rules' verb list | {verbs['mean_f1']:.1%} | "
        f"{verbs['ok']:.1%} | the same |"
    )
    if result["skipped_files"]:
        print(f"\nskipped (not present): {len(result['skipped_files'])} files")
    if args.errors:
        print()
        for row in result["rows"]:
            if (row["rules_f1"] >= SUBJECT_OK) != (row["pos_f1"] >= SUBJECT_OK):
                print(
                    f"{row['where']}\n  gold={row['gold']!r}\n"
                    f"  rules={row['rules']!r} ({row['rules_f1']:.2f})\n"
                    f"  pos={row['pos']!r} ({row['pos_f1']:.2f})\n"
                    f"  pos_verbs={row['pos_verbs']!r} ({row['pos_verbs_f1']:.2f})"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
