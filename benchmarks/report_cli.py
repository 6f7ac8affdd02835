"""`innoscan report` on a complete result, end to end as a process, beside
`python -c "import pydantic, tomllib"`. Target: at most 2 times."""

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


def measure() -> tuple[float, float]:
    work = Path(tempfile.mkdtemp(prefix="innoscan-report-"))
    result = Result.new(load_bank(), "Bench", 2026, "en")
    result.answers.update(STRONG)
    result.meta.status = "complete"
    result.save(work / "bench.toml")
    ours = timed([PYTHON, "-m", "innoscan", "report", "bench.toml", "-o", "bench.md"], cwd=work)
    base = timed([PYTHON, "-c", "import pydantic, tomllib"], cwd=work)
    return ours, base


if __name__ == "__main__":
    ours, base = measure()
    print(machine())
    print(line("`innoscan report` as a process", ours, base, "<= 2"))
    print(line("one tiny pydantic model validated", floor(), base, "(the floor)"))
