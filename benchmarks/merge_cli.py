"""`innoscan merge` of 1,000 individual results, beside only parsing them with tomllib
(both as processes). Target: at most 3 times."""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from common import PYTHON, line, machine, random_answers, timed

from innoscan.content.loader import load_bank
from innoscan.store.result import Result

COUNT = 1000


def make_files(folder: Path) -> None:
    bank, rng = load_bank(), random.Random(1)
    for n in range(COUNT):
        result = Result.new(bank, "Bench", 2026, "en", mode="individual", respondent=f"r{n}")
        result.answers.update(random_answers(bank, rng))
        result.save(folder / f"r{n:04}.toml")


def measure() -> tuple[float, float]:
    work = Path(tempfile.mkdtemp(prefix="innoscan-merge-"))
    make_files(work)
    files = sorted(str(p.name) for p in work.glob("r*.toml"))
    ours = timed([PYTHON, "-m", "innoscan", "merge", *files, "-o", "team.toml"], cwd=work, runs=3)
    parse = (
        "import glob, tomllib\n"
        "for name in sorted(glob.glob('r*.toml')):\n"
        "    with open(name, 'rb') as f: tomllib.load(f)\n"
    )
    base = timed([PYTHON, "-c", parse], cwd=work, runs=3)
    return ours, base


if __name__ == "__main__":
    ours, base = measure()
    print(machine())
    print(line(f"`innoscan merge` of {COUNT} files", ours, base, "<= 3"))
    sys.exit(0)
