"""`innoscan overview` of 250, 500, 1,000 and 2,000 team results, beside only parsing the same
files with tomllib: both as processes (what a user waits for), and in one process (the
reading and summarising alone, without starting Python and loading the bank). Target: at
most 2 times at 1,000 files, growing linearly.

Each figure is the fastest of five runs, in CPU seconds (user and system): on a machine
shared with other work, wall time measures the neighbours as much as innoscan.

.venv/bin/python benchmarks/overview_cli.py [--sizes 250,500,1000,2000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import tomllib
from pathlib import Path

from common import PYTHON, cpu, machine, random_answers

from innoscan.assess.overview import build_overview
from innoscan.content.loader import load_bank
from innoscan.render.formats import OVERVIEW_FORMATS
from innoscan.store.result import Result

SIZES = (250, 500, 1000, 2000)
RUNS = 5
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
        result.answers.update(random_answers(bank, rng, open_share=0.1, several=True))
        workshop = folder / f"workshop-{n % 10}"
        workshop.mkdir(exist_ok=True)
        result.save(workshop / f"team-{n // 2}-{year}.toml")


def in_process(folder: Path, runs: int = RUNS) -> tuple[float, float]:
    """CPU seconds in this process: the overview built and written as Markdown; only parsing."""
    bank = load_bank()

    def overview() -> None:
        OVERVIEW_FORMATS["md"].write(build_overview(bank, folder), "en")

    def parse() -> None:
        for path in sorted(folder.rglob("*.toml")):
            tomllib.loads(path.read_text(encoding="utf-8"))

    return best(overview, runs), best(parse, runs)


def best(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def folder_of(count: int) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f"innoscan-overview-{count}-"))
    make_files(folder, count)
    return folder


def processes(folder: Path) -> tuple[float, float]:
    """As processes: `innoscan overview DIR` (Markdown to stdout); the tomllib yardstick."""
    ours = cpu([PYTHON, "-m", "innoscan", "overview", str(folder), "--lang", "en"], runs=RUNS)
    return ours, cpu([PYTHON, "-c", PARSE, str(folder)], runs=RUNS)


def measure(count: int = 1000) -> tuple[float, float]:
    return processes(folder_of(count))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(f"Measured {machine()}")
    print()
    print("| files | overview process | tomllib process | ratio | overview in-process "
          "| tomllib in-process | ratio | ms per file (in-process) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count in sizes:
        folder = folder_of(count)
        ours, base = processes(folder)
        inner, parse = in_process(folder)
        print(
            f"| {count:,} | {ours:.2f} s | {base:.2f} s | {ours / base:.2f} | {inner:.2f} s "
            f"| {parse:.2f} s | {inner / parse:.2f} | {1000 * inner / count:.2f} |"
        )


if __name__ == "__main__":
    main()
