"""`innoscan serve` with 20 participants connected at once: start time and memory.

.venv/bin/python benchmarks/serve_participants.py [--participants 20]

Every participant opens the page, connects, and waits until its own app shows the name
screen; then each answers the first question. Memory is summed over the server and every
process it started: RSS (counts shared pages once per process) and PSS (shares them out).
"""

from __future__ import annotations

import argparse
import asyncio
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


async def one(base: str, code: str | None) -> tuple[Participant, float]:
    participant = Participant(base, code=code)
    start = time.perf_counter()
    await participant.open_page()
    await participant.connect()
    await participant.wait_for("Your name", timeout=120)
    return participant, time.perf_counter() - start


async def measure(count: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="innoscan-serve-")) / "results"
    port = free_port()
    started = time.perf_counter()
    server = start_server(folder, port)
    listening = time.perf_counter() - started
    idle_rss, idle_pss = memory_mib(family(server.pid))
    base = f"http://127.0.0.1:{port}"
    try:
        begin = time.perf_counter()
        joined = await asyncio.gather(*(one(base, server.code) for _ in range(count)))
        all_in = time.perf_counter() - begin
        participants = [p for p, _ in joined]
        for p in participants:
            await p.type("\r")
        for p in participants:
            await p.wait_for("products", timeout=120)
            await p.type("1")
        await asyncio.sleep(2)
        processes = family(server.pid)
        rss, pss = memory_mib(processes)
        files = len(list(folder.glob("*.individual-*.toml")))
        for p in participants:
            await p.close()
    finally:
        stop_server(server)
    times = [t for _, t in joined]
    return {
        "listening": listening,
        "all_in": all_in,
        "median": statistics.median(times),
        "worst": max(times),
        "idle": (idle_rss, idle_pss),
        "busy": (rss, pss),
        "processes": len(processes),
        "files": files,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20)
    count = parser.parse_args().participants
    m = asyncio.run(measure(count))
    print(f"Measured {machine()}")
    print(f"server listening after {m['listening']:.2f} s; idle: RSS {m['idle'][0]:.0f} MiB")
    print(
        f"{count} participants connecting at once: all on their first screen after "
        f"{m['all_in']:.1f} s (each: median {m['median']:.1f} s, worst {m['worst']:.1f} s)"
    )
    print(
        f"with {count} connected ({m['processes']} processes): RSS {m['busy'][0]:.0f} MiB, "
        f"PSS {m['busy'][1]:.0f} MiB, {m['busy'][1] / count:.0f} MiB PSS per participant; "
        f"{m['files']} result files"
    )
