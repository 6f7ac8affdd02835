"""All benchmarks in one run, side by side, as the table in the README.

.venv/bin/python benchmarks/run_all.py
"""

from __future__ import annotations

import merge_cli
import overview_cli
import report_cli
import startup
import steps
from common import line, machine

if __name__ == "__main__":
    print(f"Measured {machine()}")
    print()
    print("| what | innoscan | yardstick | ratio | target |")
    print("|---|---|---|---|---|")
    wall, used = startup.measure()
    tui = "TUI cold start to the first question (vs a minimal Textual app validating one model)"
    print(line(f"{tui}, wall time", *wall, "<= 1.2"))
    print(line(f"{tui}, CPU time", *used, "<= 1.2"))
    print(
        line(
            "`innoscan report --format json` as a process, CPU time "
            "(vs a process validating one small pydantic model)",
            *report_cli.measure(),
            "<= 1.2",
        )
    )
    print(
        line(
            "the same, the first run after an install or a change to the bank (no cache yet)",
            *report_cli.measure(first_run=True),
            "-",
        )
    )
    print(
        line(
            "`innoscan report -o bench.md`, drawing its charts (same yardstick)",
            *report_cli.measure("-o", "bench.md"),
            "-",
        )
    )
    print(
        line(
            "`innoscan merge` of 1,000 files (vs parsing them with tomllib)",
            *merge_cli.measure(),
            "<= 3",
        )
    )
    print(
        line(
            "`innoscan overview` of 1,000 team files, CPU time (vs parsing them with tomllib)",
            *overview_cli.measure(),
            "<= 2",
        )
    )
    median, worst, count = steps.measure()
    timing = f"median {median * 1000:.0f} ms, worst {worst * 1000:.0f} ms"
    print(
        f"| next question while answering ({count} steps, Pilot) | {timing} | | | median < 50 ms |"
    )
