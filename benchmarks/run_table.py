"""The Markdown tables benchmarks/run.py prints (wall clock, CPU time) and the line
that describes the machine."""

from __future__ import annotations

from typing import Any

COLUMNS = (
    ("floor", "floor"),
    ("cold", "cold"),
    ("cold_cache", "cold, cache"),
    ("warm", "warm"),
    ("warm_edit", "warm, 1 edit"),
    ("draft", "draft"),
)


def table(results: list[dict[str, Any]], which: str = "median") -> str:
    """The Markdown table of wall-clock medians (`which` "median"), or of CPU medians
    ("cpu_median": user + system, which another job on the machine barely moves)."""
    head = ["docs", "MB", *(label for _, label in COLUMNS), "peak RSS", "recall", "false alarms"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        floor = r["timings"]["floor"][which]
        cells = [f"{r['documents']:,}", f"{r['bytes'] / 1e6:.1f}"]
        for key, _ in COLUMNS:
            t = r["timings"].get(key)
            if t is None:
                cells.append("n/a")
            elif t["error"]:
                cells.append("error")
            elif key == "floor" or not floor:
                cells.append(f"{t[which]:.2f} s")
            else:
                cells.append(f"{t[which]:.2f} s ({_ratio(t[which] / floor)})")
        s = r["score"]
        recall = f"{s['reported']}/{s['injected']}" if s["injected"] else "n/a"
        cells += [f"{r['rss_mb']:.0f} MB", recall, str(s["false_alarms"])]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _ratio(times: float) -> str:
    """3.8× near the targets (3× warm, 4× one edit), 119× far from them."""
    return f"{times:.1f}×" if times < 10 else f"{times:.0f}×"


def describe(m: dict[str, Any]) -> str:
    ram = f"{m['ram_gb']} GB RAM" if m["ram_gb"] else "RAM unknown"
    commit = f", doichieu {m['commit']}" if m["commit"] else ""
    return (
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), {ram}, Python {m['python']}, "
        f"{m['platform']}{commit}"
    )
