"""Parser accuracy against the hand-checked gold set (tests/gold/claims.yaml).

    python benchmarks/gold.py            # in-sample and held-out tables: precision/recall, fields
    python benchmarks/gold.py --json     # the same numbers as JSON
    python benchmarks/gold.py --errors   # every miss, unexpected claim and wrong field

A predicted claim matches a gold claim when both are of the same kind, in the
same file and line, and their quotes overlap. Precision counts predictions on
the lines the gold set covers exhaustively; recall counts every gold claim.
Field accuracy is over matched pairs. Files under ../shared are skipped, and
said so, when that folder is absent.

The gold set annotates figures whose unit is in `linter/data/units.yaml`;
figures counted in any other noun ("18 phiên chợ", open-vocabulary counts) are
not annotated, so they are left out of the quantity scores. `duration` is
true on a gold quantity that states a duration ("6 tháng thi công"), absent
(false) otherwise, and compared with the parser's `dimension == "duration"`
on every matched quantity.

`subject` (what a figure measures, tests/gold/README.md) is scored on the
matched quantities whose gold entry has one, as the word-set F1 between the
gold and the predicted subject: both are folded, split into syllables, and
stripped of `FUNCTION_WORDS` ("của", "các", "được": grammar, not which
figure), digits and duplicates. `subject_f1` is the mean F1, `subject_ok` the
share of figures whose F1 is at least `SUBJECT_OK` (a subject half right names
the same thing more often than not).

Two parts are reported apart: `in-sample` (tests/gold/claims.yaml, which the
parser was tuned on) and `held-out` (tests/gold/heldout.yaml, annotated from
articles nobody looked at while changing the parser; see tests/gold/README.md).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linter.data.unit_table import units  # noqa: E402
from linter.engine.config import Config  # noqa: E402
from linter.engine.parsing import parse_result  # noqa: E402
from linter.nlp import fold  # noqa: E402
from linter.read.loading import load_document  # noqa: E402

GOLD = REPO / "tests" / "gold" / "claims.yaml"
HELD_OUT = REPO / "tests" / "gold" / "heldout.yaml"
FIELDS = {
    "quantity": [
        *("value", "unit", "op", "low", "high", "measure", "indicator", "period", "status"),
        "duration",
    ],
    "legal_ref": ["doc_type", "number", "year", "symbol", "date", "issuer"],
    "date": ["date", "deadline"],
    "target_count": ["achieved", "total", "count", "negative", "year"],
}
# Grammatical words that do not say which figure is meant; dropped from both
# sides so that "tỷ lệ hộ dùng nước sạch" and "tỷ lệ các hộ được dùng nước sạch" agree.
FUNCTION_WORDS = frozenset("của các những về tại ở và cho được đã bị với là có đạt".split())
SUBJECT_OK = 0.5
_SYLLABLE = re.compile(r"[^\W\d_]+")


def subject_words(subject: str | None) -> frozenset[str]:
    """The syllables of a subject that are compared: folded, without digits or grammar."""
    words = _SYLLABLE.findall(fold(subject or ""))
    return frozenset(w for w in words if w not in FUNCTION_WORDS)


def subject_f1(gold: str, predicted: str | None) -> float:
    """Word-set F1 of a predicted subject against the gold one (0 when either is empty)."""
    want, got = subject_words(gold), subject_words(predicted)
    common = len(want & got)
    if not common:
        return 0.0
    precision, recall = common / len(got), common / len(want)
    return 2 * precision * recall / (precision + recall)


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0
    # name -> [sum of scores, count]: 0/1 per pair for exact fields, F1 for `subject_f1`
    fields: dict[str, list[float]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": self.matched_predicted / self.predicted if self.predicted else None,
            "recall": self.matched_gold / self.gold if self.gold else None,
            "fields": {k: ok / n for k, (ok, n) in sorted(self.fields.items()) if n},
        }


def _columns(line_text: str, quote: str, occurrence: int) -> tuple[int, int]:
    at = -1
    for _ in range(occurrence):
        at = line_text.find(quote, at + 1)
    if at < 0:
        raise ValueError(f"gold quote {quote!r} not found on its line")
    return at + 1, at + 1 + len(quote)


def _predicted_value(claim: dict[str, Any], name: str) -> object:
    if name == "period":
        return claim["period"]["label"] if claim.get("period") else None
    if name == "duration":
        return claim.get("dimension") == "duration"
    return claim.get(name)


def _gold_value(gold: dict[str, Any], name: str) -> object:
    return gold.get("duration", False) if name == "duration" else gold[name]


def _tabled(claim: dict[str, Any]) -> bool:
    """Whether a predicted claim is of a kind the gold set annotates: quantities
    only in a unit of the unit table (or a share of a plan, or a rate)."""
    if claim["kind"] != "quantity":
        return True
    unit = claim["unit"]
    known = {spec.unit for spec in units()[0]}
    base = unit.split("/")[0].removesuffix(" kế hoạch").removesuffix(" dự toán")
    return unit.endswith("/vạn dân") or base in known


def _same(name: str, gold: object, predicted: object) -> bool:
    if isinstance(gold, float | int) and isinstance(predicted, float | int) and name != "year":
        return abs(float(gold) - float(predicted)) <= 1e-9 * max(1.0, abs(float(gold)))
    return str(gold) == str(predicted) if gold is not None else predicted is None


def evaluate(
    gold_path: Path = GOLD,
    kinds: tuple[str, ...] = tuple(FIELDS),
    only: Callable[[str], bool] = lambda path: True,
) -> dict[str, Any]:
    """Scores of the parser against one gold file, for claims of `kinds` in the
    files `only` accepts (the seeds' part: `only=lambda p: p.startswith("seeds/")`)."""
    data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in data["claims"]:
        if entry["kind"] in kinds and only(entry["path"]):
            by_path[entry["path"]].append(entry)
    for cover in data.get("coverage", []):
        if only(cover["path"]):
            by_path.setdefault(cover["path"], [])
    covered = {c["path"]: c["lines"] for c in data.get("coverage", [])}
    scores: dict[str, Score] = defaultdict(Score)
    mismatches: list[str] = []
    missed: list[str] = []
    unexpected: list[str] = []
    skipped = sorted(p for p in by_path if not (REPO / p).is_file())
    for path in sorted(set(by_path) - set(skipped)):
        file = REPO / path
        _, claims, _ = parse_result(load_document(file, path), Config())
        original = file.read_text(encoding="utf-8").splitlines()
        predicted = [c.model_dump(mode="json") for c in claims]
        lines = covered.get(path, [])  # a file outside `coverage` counts for recall only

        def exhaustive(claim: dict[str, Any], lines: object = lines) -> bool:
            return lines == "all" or claim["span"]["line"] in lines  # type: ignore[operator]

        in_scope = [p for p in predicted if p["kind"] in kinds and _tabled(p)]
        used: set[int] = set()
        for kind in kinds:
            scores[kind].predicted += sum(
                1 for p in in_scope if p["kind"] == kind and exhaustive(p)
            )
        for gold in by_path[path]:
            score = scores[gold["kind"]]
            score.gold += 1
            start, end = _columns(
                original[gold["line"] - 1], gold["quote"], gold.get("occurrence", 1)
            )
            match = next(
                (
                    i
                    for i, p in enumerate(in_scope)
                    if i not in used
                    and p["kind"] == gold["kind"]
                    and p["span"]["line"] == gold["line"]
                    and p["span"]["column"] < end
                    and start < p["span"]["end_column"]
                ),
                None,
            )
            if match is None:
                missed.append(f"{gold['kind']}: {path}:{gold['line']} {gold['quote']!r}")
                continue
            used.add(match)
            score.matched_gold += 1
            score.matched_predicted += exhaustive(in_scope[match])
            for name in FIELDS[gold["kind"]]:
                if name not in gold and name != "duration":
                    continue
                if name in ("low", "high") and gold.get("op") == "approx":
                    continue
                if gold.get("short_form") and name in ("symbol", "date", "year"):
                    continue  # annotated as written; the parser completes short forms
                tally = score.fields[name]
                predicted_value = _predicted_value(in_scope[match], name)
                same = _same(name, _gold_value(gold, name), predicted_value)
                tally[0] += same
                tally[1] += 1
                if not same:
                    where = f"{path}:{gold['line']} {gold['quote']!r}"
                    mismatches.append(
                        f"{gold['kind']}.{name}: {where} gold={_gold_value(gold, name)!r} got={predicted_value!r}"  # noqa: E501
                    )
            if "subject" in gold:
                mismatches.extend(_score_subject(score, gold, in_scope[match], path))
        unexpected.extend(
            f"{p['kind']}: {path}:{p['span']['line']} {p['span']['quote']!r}"
            for i, p in enumerate(in_scope)
            if i not in used and exhaustive(p)
        )
    return {
        "kinds": {k: scores[k].as_dict() for k in kinds},
        "skipped_files": skipped,
        "mismatches": mismatches,
        "missed": missed,
        "unexpected": unexpected,
    }


def _score_subject(
    score: Score, gold: dict[str, Any], predicted: dict[str, Any], path: str
) -> list[str]:
    """Tally the subject of one matched quantity; a subject less than half right
    is listed among the wrong fields."""
    f1 = subject_f1(gold["subject"], predicted.get("subject"))
    score.fields["subject_f1"][0] += f1
    score.fields["subject_f1"][1] += 1
    score.fields["subject_ok"][0] += f1 >= SUBJECT_OK
    score.fields["subject_ok"][1] += 1
    if f1 >= SUBJECT_OK:
        return []
    where = f"{path}:{gold['line']} {gold['quote']!r}"
    got = predicted.get("subject")
    return [f"quantity.subject: {where} gold={gold['subject']!r} got={got!r} f1={f1:.2f}"]


def _table(result: dict[str, Any]) -> str:
    rows = ["| kind | gold | predicted | precision | recall |", "|---|---|---|---|---|"]
    field_rows = ["| kind | field | accuracy |", "|---|---|---|"]
    for kind, s in result["kinds"].items():
        p = "–" if s["precision"] is None else f"{s['precision']:.1%}"
        r = "–" if s["recall"] is None else f"{s['recall']:.1%}"
        rows.append(f"| {kind} | {s['gold']} | {s['predicted']} | {p} | {r} |")
        field_rows += [f"| {kind} | {name} | {acc:.1%} |" for name, acc in s["fields"].items()]
    skipped = result["skipped_files"]
    note = f"\nskipped (not present): {len(skipped)} files\n" if skipped else "\n"
    return "\n".join(rows) + "\n\n" + "\n".join(field_rows) + note


def evaluate_parts() -> dict[str, dict[str, Any]]:
    """The in-sample set, its seeds' part, and the held-out set, scored apart."""
    return {
        "in_sample": evaluate(GOLD),
        "in_sample_seeds": evaluate(GOLD, only=lambda path: path.startswith("seeds/")),
        "held_out": evaluate(HELD_OUT, kinds=("quantity",)),
    }


TITLES = {
    "in_sample": "In-sample (tests/gold/claims.yaml; the parser was tuned on it)",
    "in_sample_seeds": "In-sample, seeds' part only (checked even without ../shared)",
    "held_out": "Held-out (tests/gold/heldout.yaml; quantities; never used for tuning)",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, help="score one gold file only")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list every miss and wrong field")
    args = parser.parse_args(argv)
    parts = {"gold": evaluate(args.gold)} if args.gold else evaluate_parts()
    if args.json:
        print(json.dumps(parts, indent=2, ensure_ascii=False))
    else:
        for name, result in parts.items():
            print(f"## {TITLES.get(name, str(args.gold))}\n\n{_table(result)}")
    if args.errors:
        for name, result in parts.items():
            print(f"# {name}")
            _print_errors(result)
    return 0


def _print_errors(result: dict[str, Any]) -> None:
    print(
        "\n".join(
            [
                "",
                "missed:",
                *result["missed"],
                "",
                "unexpected (predicted, not in the gold set):",
                *result["unexpected"],
                "",
                "wrong fields:",
                *result["mismatches"],
            ]
        )
    )


if __name__ == "__main__":
    sys.exit(main())
