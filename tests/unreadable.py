"""Files and folders this user may not read (mode 000 to a user other than their owner), also
where the tests run as root (CI), to whom mode 000 reads as any other: the system calls fail
with EACCES as they would for another user."""

from __future__ import annotations

import builtins
import errno
import io
import os
from pathlib import Path

import pytest


def unreadable(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """From now on a file of `paths` cannot be opened; a folder of `paths` cannot be listed,
    and nothing in it can be opened or looked at (its own entry still can, as with 000)."""
    denied = [os.path.abspath(p) for p in paths]
    folders = [p for p in denied if os.path.isdir(p)]

    def refused(target) -> bool:
        if not isinstance(target, (str, os.PathLike)):
            return False  # a file descriptor
        where = os.path.abspath(os.fsdecode(target))
        return where in denied or any(where.startswith(f + os.sep) for f in folders)

    def inside(target) -> bool:
        if not isinstance(target, (str, os.PathLike)):
            return False
        where = os.path.abspath(os.fsdecode(target))
        return any(where.startswith(f + os.sep) for f in folders)

    def guarded(real, denies):
        def call(target=".", *args, **kwargs):
            if denies(target):
                raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(target))
            return real(target, *args, **kwargs)

        return call

    def opened(target, flags, *args, **kwargs):
        if flags & os.O_EXCL and flags & os.O_CREAT and not inside(target):
            return real_open(target, flags, *args, **kwargs)  # there already: EEXIST
        return denied_open(target, flags, *args, **kwargs)

    real_open, denied_open = os.open, guarded(os.open, refused)
    monkeypatch.setattr(os, "open", opened)
    for name in ("scandir", "listdir"):
        monkeypatch.setattr(os, name, guarded(getattr(os, name), refused))
    for name in ("stat", "lstat"):
        monkeypatch.setattr(os, name, guarded(getattr(os, name), inside))
    monkeypatch.setattr(builtins, "open", guarded(builtins.open, refused))
    monkeypatch.setattr(io, "open", guarded(io.open, refused))
