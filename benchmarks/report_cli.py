"""`innoscan report` on a complete result, end to end as a process, beside a process that
imports pydantic and validates one small model (common.ONE_MODEL): the least any process
does that validates its input with pydantic. Target: at most 1.2 times. CPU seconds, the
fewest of seven runs (common.cpu).

`--format json` is the start-up figure (it never draws a chart); `-o bench.md` also writes
the report's charts beside it, and shows what drawing them costs."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import NO_CACHE, ONE_MODEL, PYTHON, cpu, line, machine

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
from answer_sets import STRONG  # noqa: E402

from innoscan.content.loader import load_bank  # noqa: E402
from innoscan.store.result import Result  # noqa: E402


def floor() -> float:
    """The yardstick: a process that validates one small model with pydantic."""
    return cpu([PYTHON, "-c", ONE_MODEL])


def measure(*output: str, first_run: bool = False) -> tuple[float, float]:
    """`innoscan report bench.toml OUTPUT...` (default: `--format json -o bench.json`) and the
    yardstick; `first_run`: without the bank cache, as the first run after an install or a
    change to the bank."""
    work = Path(tempfile.mkdtemp(prefix="innoscan-report-"))
    result = Result.new(load_bank(), "Bench", 2026, "en")
    result.answers.update(STRONG)
    result.meta.status = "complete"
    result.save(work / "bench.toml")
    output = output or ("--format", "json", "-o", "bench.json")
    env = NO_CACHE if first_run else None
    ours = cpu([PYTHON, "-m", "innoscan", "report", "bench.toml", *output], cwd=work, env=env)
    return ours, floor()


if __name__ == "__main__":
    print(machine())
    ours, base = measure()
    print(line("`innoscan report --format json` as a process", ours, base, "<= 1.2"))
    first = measure(first_run=True)
    print(line("the same, the first run (the bank not in the cache yet)", *first, "-"))
    print(line("`innoscan report -o bench.md` (with its charts)", *measure("-o", "bench.md"), "-"))
