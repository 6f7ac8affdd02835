"""innoscan run as a user runs it: as a separate process, its output and exit status."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_process(
    *args: str | Path, cwd: Path | None = None, env: dict | None = None, stdin: str = ""
) -> Run:
    """Run `python -m innoscan ARGS` as a separate process, `stdin` piped in."""
    proc = subprocess.run(
        [sys.executable, "-m", "innoscan", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)
