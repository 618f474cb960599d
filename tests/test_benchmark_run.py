"""benchmarks/run.py times whole processes: the wall clock a user waits, and the
CPU time (user + system) the process spent, which another job on the machine
does not inflate. A sleeping process waits without computing; a busy one computes."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import run  # noqa: E402  (benchmarks/run.py)

BUSY = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"


def test_wall_and_cpu_time_of_a_process(tmp_path: Path) -> None:
    sleeping = run.run_child([sys.executable, "-c", "import time; time.sleep(0.3)"], tmp_path)
    busy = run.run_child([sys.executable, "-c", BUSY], tmp_path)
    assert sleeping.exit_code == busy.exit_code == 0
    assert sleeping.seconds >= 0.3 and sleeping.cpu < 0.2  # waited, computed little
    assert busy.cpu >= 0.3 and busy.seconds >= busy.cpu * 0.9  # computed the whole time


def test_the_tables_give_wall_and_cpu_medians_against_the_floor() -> None:
    def timing(wall: list[float], cpu: list[float]) -> dict[str, object]:
        return run.Timing(runs=wall, cpu=cpu).as_dict()

    result = {
        "documents": 5000,
        "bytes": 30_311_019,
        "timings": {
            "floor": timing([0.5, 0.45, 0.6], [0.4, 0.4, 0.42]),
            "warm": timing([1.7, 1.2, 1.3], [1.2, 1.18, 1.22]),
        },
        "score": {"reported": 100, "injected": 100, "false_alarms": 0},
        "rss_mb": 212.0,
    }
    wall, cpu = run.table([result]), run.table([result], "cpu_median")
    assert "| 5,000 | 30.3 | 0.50 s | n/a | n/a | 1.30 s (2.6×) | n/a | n/a | 212 MB |" in wall
    assert "| 5,000 | 30.3 | 0.40 s | n/a | n/a | 1.20 s (3.0×) | n/a | n/a | 212 MB |" in cpu
