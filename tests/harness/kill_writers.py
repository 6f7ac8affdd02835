"""Interrupted writes never leave half a file: kill `template -o`, `report -o` and `merge -o`
(SIGKILL) at random moments; the target is always the old file or a whole new one. Run:

    .venv/bin/python tests/harness/kill_writers.py --kills 50
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from innoscan.content.loader import load_bank
from innoscan.store.result import Result

OLD = "# the file that was here before\n"


def whole(kind: str, text: str) -> bool:
    """Is `text` a complete output of this writer?"""
    if kind == "report":
        return text.startswith("# ") and "## Appendix" in text and text.endswith("|\n")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return "meta" in data and (kind != "merge" or "merge" in data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50, help="kills per writer")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    bank = load_bank()
    work = Path(tempfile.mkdtemp(prefix="innoscan-writers-"))
    inputs = []
    for name in ("a", "b", "c"):
        result = Result.new(bank, "Team Data", 2026, "en", mode="individual", respondent=name)
        result.answers.update({"activity.products": "yes", "leadership.vision": rng.randint(1, 5)})
        result.save(work / f"{name}.toml")
        inputs.append(str(work / f"{name}.toml"))
    commands = {
        "template": ["template", "--team", "Team Data", "-o"],
        "report": ["report", inputs[0], "-o"],
        "merge": ["merge", *inputs, "-o"],
    }
    failures, outcomes = [], {kind: {"old": 0, "new": 0} for kind in commands}
    for kind, command in commands.items():
        target = work / f"out-{kind}"
        for _ in range(args.kills):
            target.write_text(OLD, encoding="utf-8")
            proc = subprocess.Popen(
                [sys.executable, "-m", "innoscan", *command, str(target)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(rng.uniform(0.05, 0.6))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            text = target.read_text(encoding="utf-8")
            if text == OLD:
                outcomes[kind]["old"] += 1
            elif whole(kind, text):
                outcomes[kind]["new"] += 1
            else:
                failures.append(f"{kind}: half a file after a kill: {text[:80]!r}")
        leftovers = [p.name for p in work.iterdir() if p.name.startswith(f".out-{kind}")]
        print(
            f"{kind}: {outcomes[kind]['old']} kills left the old file, "
            f"{outcomes[kind]['new']} a whole new one ({len(leftovers)} temporary files left)"
        )
    print(f"{len(failures)} failures ({work})")
    for failure in failures:
        print("FAILED", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
