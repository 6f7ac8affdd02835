"""A lock file beside a result: which process has it open, where, since when, last seen when.

Two laptops on a shared drive, or two terminals, must not overwrite each other's answers.
The owner refreshes the lock while it runs. A lock whose process is gone from this machine
(a crash) is taken over at once; one that has not been refreshed for STALE_AFTER seconds
(another laptop that went away) is stale, and the user may take it over.

The lock file is readable by its owner only and names no more than that needs: the process
and its machine (to tell a crash here from a run elsewhere) and the times; not the user,
so that a respondent who answers anonymously is not named beside their file.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import tomli_w

from innoscan.content.files import NotRead
from innoscan.content.problems import InputError, read_toml
from innoscan.content.visible import visible
from innoscan.locales import DEFAULT
from innoscan.store import system
from innoscan.store.atomic import write_atomic

STALE_AFTER = 120.0
REFRESH_EVERY = 30.0
MAX_PID = 2**31 - 1  # no system gives a larger process id (a signed 32-bit pid_t)


@dataclass(frozen=True)
class Owner:
    pid: int
    host: str  # "" when the lock file could not be read (another user's, on a shared drive)
    since: str
    seen: float

    @classmethod
    def me(cls, since: str | None = None) -> Owner:
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        return cls(os.getpid(), socket.gethostname(), since or now, time.time())

    def is_me(self) -> bool:
        return self.pid == os.getpid() and self.host == socket.gethostname()

    def crashed_here(self) -> bool:
        """A process on this machine that is gone: its lock is taken over without asking."""
        return self.host == socket.gethostname() and not system.alive(self.pid)

    def is_stale(self, now: float | None = None) -> bool:
        if self.crashed_here():
            return True
        return (now or time.time()) - self.seen > STALE_AFTER

    def describe(self, lang: str = DEFAULT) -> str:
        """Who, where, since when, last seen when: for a person deciding what to do."""
        from innoscan.locales import word

        age = max(0, int(time.time() - self.seen))
        if not self.host:
            return word("lock.owner_unknown", lang, age=age)
        return visible(
            word("lock.owner", lang, host=self.host, pid=self.pid, since=self.since, age=age)
        )


class LockedError(Exception):
    """The result is open in another process."""

    def __init__(self, path: Path, owner: Owner):
        self.path, self.owner = path, owner
        self.stale = owner.is_stale()
        super().__init__(self.text(DEFAULT))

    def text(self, lang: str) -> str:
        """What is wrong, in `lang`: who has the file, and whether that process seems gone."""
        from innoscan.locales import word

        state = word("lock.stale" if self.stale else "lock.in_use", lang)
        owner = self.owner.describe(lang)
        return word("lock.held", lang, path=self.path, owner=owner, state=state)


class Lock:
    """The lock of one result file: `team-data-2026.toml.lock`."""

    def __init__(self, result_path: Path):
        self.path = result_path.with_name(result_path.name + ".lock")
        self.held = False

    def acquire(self, take_over: bool = False) -> None:
        """Take the lock; raise LockedError if another process holds it (unless `take_over`),
        InputError when the lock file cannot be written (none is left behind)."""
        me = Owner.me()
        try:
            write_atomic(self.path, _text(me), private=True, new=True)
        except FileExistsError:
            owner = self.owner()
            if owner is not None and not (owner.is_me() or owner.crashed_here() or take_over):
                raise LockedError(self.path.with_suffix(""), owner) from None
            write_atomic(self.path, _text(me), private=True)
        self.held = True

    def owner(self) -> Owner | None:
        """Who holds the lock: None if nobody (or the lock file is broken: not TOML, a
        process id no system has); a lock file that exists but may not be read (another
        user's) is an owner of whom only the file's time is known."""
        try:
            data = read_toml(self.path)
            pid, seen = int(data["pid"]), float(data["seen"])
            if not 0 < pid <= MAX_PID or not math.isfinite(seen):
                return None
            return Owner(pid, str(data["host"]), str(data["since"]), seen)
        except NotRead as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM):
                return None
            with contextlib.suppress(OSError):
                return Owner(0, "", "", os.lstat(self.path).st_mtime)
            return None
        except (InputError, ValueError, KeyError, TypeError, OverflowError):
            return None

    def refresh(self) -> None:
        """Say we are still here (only while the lock is still ours)."""
        owner = self.owner()
        if self.held and owner is not None and owner.is_me():
            write_atomic(self.path, _text(Owner.me(since=owner.since)), private=True)

    def release(self) -> None:
        owner = self.owner()
        if self.held and (owner is None or owner.is_me()):
            with contextlib.suppress(OSError):
                self.path.unlink()
        self.held = False


def _text(owner: Owner) -> str:
    return tomli_w.dumps(
        {
            "pid": owner.pid,
            "host": owner.host,
            "since": owner.since,
            "seen": owner.seen,
        }
    )
