"""`innoscan serve` with a room of participants joining: how long each waits, and memory.

.venv/bin/python benchmarks/serve_participants.py [--participants 30] [--within 10]

The participants open the page one after another, evenly spread over `--within` seconds
(0: all at the same moment). Each opens the page with the join code, connects, and waits
for its own app's first screen (the name); then gives an empty name (Enter) and waits for
the first question. What counts is each one's wait: from opening the page to the first
screen, and from Enter to the first question; the target is the first question within 2 s
of opening the page, the time a person takes to type a name left out. Memory is summed
over the server and every process it started, once all are in: RSS (counts shared pages
once per process) and PSS (shares them out).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import machine

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
from serve_client import Participant, free_port, start_server, stop_server  # noqa: E402


def family(pid: int) -> list[int]:
    """`pid` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line
            )
        except OSError:
            continue
        children.setdefault(int(fields["PPid"].strip()), []).append(int(fields["Pid"].strip()))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def memory_mib(pids: list[int]) -> tuple[float, float]:
    """(RSS, PSS) summed over `pids`, in MiB."""
    rss = pss = 0
    for pid in pids:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        for line in rollup:
            name, _, value = line.partition(":")
            if name == "Rss":
                rss += int(value.split()[0])
            elif name == "Pss":
                pss += int(value.split()[0])
    return rss / 1024, pss / 1024


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time used so far by `pids` (from /proc), in seconds."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


async def one(base: str, code: str | None, delay: float) -> tuple[Participant, float, float]:
    """A participant who opens the page after `delay`: (them, wait for the first screen,
    wait from Enter to the first question)."""
    await asyncio.sleep(delay)
    participant = Participant(base, code=code)
    start = time.perf_counter()
    await participant.open_page()
    await participant.connect()
    await participant.wait_for("Your name", timeout=120)
    first = time.perf_counter() - start
    start = time.perf_counter()
    await participant.type("\r")
    await participant.wait_for("products", timeout=120)
    return participant, first, time.perf_counter() - start


async def measure(count: int, within: float) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="innoscan-serve-")) / "results"
    port = free_port()
    started = time.perf_counter()
    server = start_server(folder, port)
    listening = time.perf_counter() - started
    await asyncio.sleep(3)  # the warm process gets ready (as while the lead explains)
    idle_rss, idle_pss = memory_mib(family(server.pid))
    base = f"http://127.0.0.1:{port}"
    step = within / count
    load = os.getloadavg()[0]
    try:
        cpu_before = cpu_seconds(family(server.pid))
        begin = time.perf_counter()
        joined = await asyncio.gather(*(one(base, server.code, i * step) for i in range(count)))
        all_in = time.perf_counter() - begin
        cpu = cpu_seconds(family(server.pid)) - cpu_before
        participants = [p for p, _, _ in joined]
        for p in participants:
            await p.type("1")
        await asyncio.sleep(2)
        processes = family(server.pid)
        rss, pss = memory_mib(processes)
        files = len(list(folder.glob("*.individual-*.toml")))
        for p in participants:
            await p.close()
    finally:
        stop_server(server)
    firsts = [f for _, f, _ in joined]
    questions = [q for _, _, q in joined]
    totals = [f + q for _, f, q in joined]
    return {
        "listening": listening,
        "all_in": all_in,
        "cpu": cpu,
        "load": load,
        "first": (statistics.median(firsts), max(firsts)),
        "question": (statistics.median(questions), max(questions)),
        "total": (statistics.median(totals), max(totals)),
        "idle": (idle_rss, idle_pss),
        "busy": (rss, pss),
        "processes": len(processes),
        "files": files,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--within", type=float, default=10.0, help="seconds (0: all at once)")
    args = parser.parse_args()
    count, within = args.participants, args.within
    m = asyncio.run(measure(count, within))
    how = f"within {within:g} s" if within else "at the same moment"
    print(f"Measured {machine()}; load average before: {m['load']:.1f}")
    print(f"server listening after {m['listening']:.2f} s; idle: RSS {m['idle'][0]:.0f} MiB")
    print(f"{count} participants opening the page {how}; all in after {m['all_in']:.1f} s")
    print(f"  CPU time of serve and its processes: {m['cpu'] / count:.2f} s per participant")
    for name, key in (
        ("opening the page to the first screen", "first"),
        ("Enter on the name to the first question", "question"),
        ("together: the first question (the target: 2 s)", "total"),
    ):
        median, worst = m[key]
        print(f"  {name}: median {median:.2f} s, worst {worst:.2f} s")
    print(
        f"with {count} connected ({m['processes']} processes): RSS {m['busy'][0]:.0f} MiB, "
        f"PSS {m['busy'][1]:.0f} MiB, {m['busy'][1] / count:.0f} MiB PSS per participant; "
        f"{m['files']} result files"
    )
