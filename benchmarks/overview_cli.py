"""`innoscan overview` of 250, 500, 1,000 and 2,000 team results, beside only parsing the same
files with tomllib: both as processes (what a user waits for), and in one process (the
reading and summarising alone, without starting Python and loading the bank). Target: at
most 2 times at 1,000 files, growing linearly.

.venv/bin/python benchmarks/overview_cli.py [--sizes 250,500,1000,2000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import tomllib
from pathlib import Path

from common import PYTHON, machine, timed

from innoscan.assess.overview import build_overview
from innoscan.content.loader import load_bank
from innoscan.render.formats import OVERVIEW_FORMATS
from innoscan.store.result import Result

SIZES = (250, 500, 1000, 2000)
PARSE = (
    "import pathlib, sys, tomllib\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.toml')):\n"
    "    tomllib.loads(path.read_text(encoding='utf-8'))\n"
)


def make_files(folder: Path, count: int) -> None:
    """`count` finished team results of two years, in ten workshop folders, answers drawn at
    random (every kind of question answered, some left open)."""
    bank, rng = load_bank(), random.Random(count)
    for n in range(count):
        year = 2025 + n % 2
        result = Result.new(bank, f"Team {n // 2}", year, "en", organisation="Bench")
        result.meta.status = "complete"
        for q in bank.questions:
            if rng.random() < 0.1:
                continue
            if q.kind == "likert":
                result.answers[q.id] = rng.randint(1, 5)
            elif q.kind == "yes_no":
                result.answers[q.id] = rng.choice(["yes", "no"])
            elif q.kind == "single_choice":
                result.answers[q.id] = rng.choice(q.options).id
            elif q.kind == "multiple_choice":
                result.answers[q.id] = [o.id for o in q.options[: rng.randint(1, 2)]]
        workshop = folder / f"workshop-{n % 10}"
        workshop.mkdir(exist_ok=True)
        result.save(workshop / f"team-{n // 2}-{year}.toml")


def in_process(folder: Path, runs: int = 3) -> tuple[float, float]:
    """Median seconds: the overview built and written as Markdown; only parsing."""
    bank = load_bank()
    ours, parse = [], []
    for _ in range(runs):
        start = time.perf_counter()
        OVERVIEW_FORMATS["md"].write(build_overview(bank, folder), "en")
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        for path in sorted(folder.rglob("*.toml")):
            tomllib.loads(path.read_text(encoding="utf-8"))
        parse.append(time.perf_counter() - start)
    return statistics.median(ours), statistics.median(parse)


def folder_of(count: int) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f"innoscan-overview-{count}-"))
    make_files(folder, count)
    return folder


def processes(folder: Path) -> tuple[float, float]:
    """Median seconds as processes: `innoscan overview DIR` (Markdown to stdout); tomllib."""
    ours = timed([PYTHON, "-m", "innoscan", "overview", str(folder), "--lang", "en"], runs=3)
    return ours, timed([PYTHON, "-c", PARSE, str(folder)], runs=3)


def measure(count: int = 1000) -> tuple[float, float]:
    return processes(folder_of(count))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(f"Measured {machine()}")
    print()
    print("| files | overview process | tomllib process | ratio | overview in-process "
          "| tomllib in-process | ratio | ms per file (process) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count in sizes:
        folder = folder_of(count)
        ours, base = processes(folder)
        inner, parse = in_process(folder)
        print(
            f"| {count:,} | {ours:.2f} s | {base:.2f} s | {ours / base:.2f} | {inner:.2f} s "
            f"| {parse:.2f} s | {inner / parse:.2f} | {1000 * ours / count:.2f} |"
        )


if __name__ == "__main__":
    main()
