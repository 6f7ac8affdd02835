"""What differs between Linux, macOS and Windows, in one place.

Everything POSIX-only (file modes, syncing a folder, signals) is asked for here, behind
`windows()`, with what Windows does instead. Tests run the Windows branches on Linux by
replacing `windows`.
"""

from __future__ import annotations

import contextlib
import ntpath
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

# Names that are devices in every folder on Windows, with any suffix ("nul.txt" too).
_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
_DEVICES |= {f"{port}{n}" for port in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]}
_REPLACE_TRIES = 20  # Windows: a file another program has open cannot be replaced for a moment


def windows() -> bool:
    return sys.platform == "win32"


def is_device_name(path: str | Path) -> bool:
    """On Windows, whether `path` names a device (NUL, CON, COM1, ...) wherever it is."""
    if not windows():
        return False
    name = ntpath.basename(str(path)).split(".")[0].rstrip(" ").upper()
    return name in _DEVICES


def alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine; a zombie (ended, not yet reaped:
    where init reaps slowly, an app forked by serve stays one for seconds) does not. psutil
    asks the system without sending anything (on Windows, signal 0 would be CTRL_C_EVENT)."""
    import psutil

    if not psutil.pid_exists(pid):
        return False
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:  # ended meanwhile, or a zombie where it is said this way
        return False
    except psutil.Error:  # cannot tell: not taken for gone
        return True


SERVER_VARIABLE = "INNOSCAN_SERVER"  # in a participant's app: `serve`'s process, as `me()` says


def me() -> str:
    """This process as `runs` knows it again: its id and when it started (an id alone may
    be given to another process once this one has ended)."""
    import psutil

    return f"{os.getpid()} {psutil.Process().create_time()!r}"


def runs(process: str) -> bool:
    """Whether the process that `me()` described still runs (see `alive`). When that cannot
    be told, it counts as running."""
    import psutil

    try:
        pid, started = int(process.split()[0]), float(process.split()[1])
        found = psutil.Process(pid).create_time()
    except (ValueError, IndexError, psutil.AccessDenied):
        return True
    except psutil.NoSuchProcess:
        return False
    return abs(found - started) < 0.01 and alive(pid)


def output_to_nowhere() -> None:
    """Standard output and error to the null device: whoever read them has gone."""
    with open(os.devnull, "wb") as nothing:
        for stream in (1, 2):
            with contextlib.suppress(OSError):
                os.dup2(nothing.fileno(), stream)


def set_mode(path: str | Path | int, mode: int) -> None:
    """Set a file's permission bits (POSIX; `path` may be an open file's descriptor). On
    Windows the bits do not make a file private: it keeps the access rights of its folder
    (in the user's profile: the user's alone)."""
    if not windows():
        os.chmod(path, mode)


def new_file_mode() -> int:
    """The mode a new file gets: 0o666 less the umask (on Windows nothing is taken away)."""
    if windows():
        return 0o666
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace(source: str | Path, target: str | Path) -> None:
    """Rename `source` over `target` at once. On Windows, where a file that another program
    (a virus scanner, an editor) has open cannot be replaced, try again for a moment."""
    tries = _REPLACE_TRIES if windows() else 1
    for attempt in range(tries):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == tries - 1:
                raise
            time.sleep(0.05)


def sync_folder(folder: str | Path) -> None:
    """Flush a folder's entries to disk after a rename (POSIX; Windows cannot open a folder
    as a file, and NTFS records the rename itself)."""
    if windows():
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def command_line(parts: Sequence[str]) -> str:
    """A command for the system's shell. POSIX: `exec` makes the shell give way to the
    program (one process each); Windows' cmd.exe has no exec, and quotes in its own way."""
    if windows():
        from subprocess import list2cmdline

        return list2cmdline(parts)
    from shlex import join

    return "exec " + join(parts)


def quote(part: str) -> str:
    """One argument, quoted for `command_line`'s shell."""
    from shlex import quote as posix_quote
    from subprocess import list2cmdline

    return list2cmdline([part]) if windows() else posix_quote(part)


def on_stop_signals(loop, callback: Callable[[], None]) -> None:
    """Run `callback` in `loop` on Ctrl+C or a request to stop (SIGTERM; Ctrl+Break on
    Windows, whose event loops cannot take signal handlers: the signal module's are used)."""
    import signal

    names = ("SIGINT", "SIGTERM", "SIGBREAK") if windows() else ("SIGINT", "SIGTERM")
    for name in names:
        number = getattr(signal, name, None)
        if number is None:
            continue
        if windows():
            signal.signal(number, lambda *_: loop.call_soon_threadsafe(callback))
        else:
            loop.add_signal_handler(number, callback)


def never_unprintable(*streams) -> None:
    """Printing a name the output's encoding lacks (数据团队 to a Windows code page, or a
    POSIX locale that is not UTF-8) never fails. On Windows, output that goes to a file or a
    pipe is UTF-8, as every file innoscan writes (the console is UTF-8 there already);
    elsewhere such characters are written as escapes (\\u6570)."""
    for stream in streams:
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding.startswith("utf8") or not hasattr(stream, "reconfigure"):
            continue
        if windows():
            stream.reconfigure(encoding="utf-8")
        else:
            stream.reconfigure(errors="backslashreplace")
