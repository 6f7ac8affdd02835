"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from innoscan.content.problems import InputError
from innoscan.locales import Said
from innoscan.store import system


def write_atomic(path: str | Path, text: str | bytes, private: bool = False) -> Path:
    """Write `text` (UTF-8, or bytes as they are) to a temporary file beside `path`, flush it
    to disk, then rename it.

    `private` creates the file readable by its owner only. A symbolic link is written
    through (the file it names is replaced, the link stays); a device, a pipe or a folder is
    never replaced. A failure raises InputError naming the path and the reason; the file
    that was there stays as it was.
    """
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    _regular_or_new(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError.single(target, Said("file.not_written", reason=_reason(exc))) from None
    try:
        if isinstance(text, bytes):
            handle = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        system.set_mode(tmp, 0o600 if private else _mode_for(target))
        system.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError.single(target, Said("file.not_written", reason=_reason(exc))) from None
    system.sync_folder(folder)
    return target


def _regular_or_new(target: Path) -> None:
    """Refuse to replace anything but a regular file (a device, a pipe, a socket, a folder)."""
    if system.is_device_name(target):
        raise InputError.single(target, "is a device: innoscan never writes to one")
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # not there (yet): it is made
    if stat.S_ISDIR(mode):
        raise InputError.single(target, "is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise InputError.single(target, "is not a regular file: innoscan never replaces it")


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 less the umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return system.new_file_mode()


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
