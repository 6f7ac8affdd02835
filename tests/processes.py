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
    *args: str | Path,
    cwd: Path | None = None,
    env: dict | None = None,
    stdin: str = "",
    timeout: float = 60,
    memory: int | None = None,
    **popen,
) -> Run:
    """Run `python -m innoscan ARGS` as a separate process, `stdin` piped in; with `memory`,
    its address space limited to that many bytes; `popen`: more for subprocess (user=...)."""
    if memory is not None:
        import resource

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

        popen["preexec_fn"] = limit
    proc = subprocess.run(
        [sys.executable, "-m", "innoscan", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
        **popen,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def run_on_terminal(
    *args: str | Path,
    cwd: Path,
    shown: str,
    keys: bytes = b"\x11",
    code: str = "from innoscan.__main__ import main; raise SystemExit(main())",
    timeout: float = 30,
) -> Run:
    """Run innoscan ARGS (in Python `code`) on an 80x24 pseudo-terminal; once `shown` appears
    on the screen, type `keys` (Ctrl+Q). `out` is what the screen showed, `err` what was
    printed after the screen was restored, escape codes left out. A process still running
    after `timeout` seconds is killed and reported as hung (AssertionError)."""
    import fcntl
    import os
    import pty
    import struct
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    command = [sys.executable, "-c", f"import sys; sys.argv[0] = 'innoscan'; {code}"]
    proc = subprocess.Popen(
        [*command, *map(str, args)],
        stdin=slave,
        stdout=slave,
        stderr=slave,  # where Textual draws
        cwd=cwd,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    screen, typed, deadline = b"", False, time.monotonic() + timeout
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            screen += _available(master)
            if not typed and shown in _plain(screen):
                os.write(master, keys)
                typed = True
        if proc.poll() is None:
            proc.kill()
            proc.wait()
            raise AssertionError(f"innoscan {args} hung: still running after {timeout} s")
        screen += _available(master)
    finally:
        os.close(master)
    shown_text, _, after = screen.rpartition(b"\x1b[?1049l")  # the screen restored
    return Run(proc.returncode, _plain(shown_text), _plain(after))


def _available(fd: int) -> bytes:
    """What can be read from `fd` now (waiting 0.1 s for the first byte)."""
    import os
    import select

    read = b""
    while select.select([fd], [], [], 0.1)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the terminal's other end has gone
            break
        if not chunk:
            break
        read += chunk
    return read


def _plain(raw: bytes) -> str:
    """What a terminal shows of `raw`, escape codes left out, lines ended by \n."""
    import re

    escapes = rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|.)"
    return re.sub(escapes, b"", raw).replace(b"\r\n", b"\n").decode(errors="replace")
