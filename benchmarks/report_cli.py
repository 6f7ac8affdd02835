"""`innoscan report` on a complete result, end to end as a process, beside
`python -c "import pydantic, tomllib"`. Target: at most 2 times.

`--format json` is the start-up figure (it never draws a chart); `-o bench.md` also writes
the report's charts beside it, and shows what drawing them costs."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import PYTHON, line, machine, timed

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
from answer_sets import STRONG  # noqa: E402

from innoscan.content.loader import load_bank  # noqa: E402
from innoscan.store.result import Result  # noqa: E402

ONE_MODEL = (
    "from pydantic import BaseModel, Discriminator, StrictInt, Tag\n"
    "class M(BaseModel):\n    x: StrictInt\n"
    "M.model_validate({'x': 1})"
)


def floor() -> float:
    """A process that validates one tiny model with the pydantic features innoscan uses:
    the floor for any process that validates its input with pydantic models."""
    return timed([PYTHON, "-c", ONE_MODEL])


def measure(*output: str) -> tuple[float, float]:
    """`innoscan report bench.toml OUTPUT...` (default: `--format json -o bench.json`)."""
    work = Path(tempfile.mkdtemp(prefix="innoscan-report-"))
    result = Result.new(load_bank(), "Bench", 2026, "en")
    result.answers.update(STRONG)
    result.meta.status = "complete"
    result.save(work / "bench.toml")
    output = output or ("--format", "json", "-o", "bench.json")
    ours = timed([PYTHON, "-m", "innoscan", "report", "bench.toml", *output], cwd=work)
    base = timed([PYTHON, "-c", "import pydantic, tomllib"], cwd=work)
    return ours, base


if __name__ == "__main__":
    print(machine())
    ours, base = measure()
    print(line("`innoscan report --format json` as a process", ours, base, "<= 2"))
    print(line("`innoscan report -o bench.md` (with its charts)", *measure("-o", "bench.md"), "-"))
    print(line("one tiny pydantic model validated", floor(), base, "(the floor)"))
