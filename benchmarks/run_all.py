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
    print(
        line(
            "TUI cold start to the first question (vs a minimal Textual app)",
            *startup.measure(),
            "<= 1.3",
        )
    )
    print(
        line(
            "`innoscan report --format json` as a process (vs `import pydantic, tomllib`)",
            *report_cli.measure(),
            "<= 2",
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
            "a process validating one tiny pydantic model (vs `import pydantic, tomllib`)",
            report_cli.floor(),
            report_cli.timed([report_cli.PYTHON, "-c", "import pydantic, tomllib"]),
            "(the floor of any process that validates with pydantic)",
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
            "`innoscan overview` of 1,000 team files, CPU s (vs parsing them with tomllib)",
            *overview_cli.measure(),
            "<= 2",
        )
    )
    median, worst, count = steps.measure()
    timing = f"median {median * 1000:.0f} ms, worst {worst * 1000:.0f} ms"
    print(
        f"| next question while answering ({count} steps, Pilot) | {timing} | | | median < 50 ms |"
    )
