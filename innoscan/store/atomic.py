"""Atomic file writes: a reader sees the old file or the new one, never half of one.

`write_atomic` is the one way innoscan writes a file (results, reports, charts, pictures,
rescue copies, locks; the bank cache makes its temporary file the same way, with
content/files.py). It never writes through a symbolic link.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from innoscan.content.files import replaceable, temporary_beside
from innoscan.content.problems import InputError
from innoscan.locales import Said
from innoscan.store import system


def write_atomic(
    path: str | Path, text: str | bytes, private: bool = False, new: bool = False
) -> Path:
    """Write `text` (UTF-8, or bytes as they are) to a temporary file made exclusively beside
    `path`, flush it to disk, then rename it over `path`.

    `private` makes the file readable by its owner only. A symbolic link, a folder, a named
    pipe, a device or a socket is never replaced (nor written through). With `new`, the file
    is made only if nothing is there (FileExistsError otherwise), and appears whole. A
    failure raises InputError naming the path and the reason; the file that was there stays
    as it was, and no temporary file is left.
    """
    target = Path(path)
    if system.is_device_name(target):
        raise InputError.single(target, "is a device: innoscan never writes to one")
    if not new:
        replaceable(target)
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    mode = 0o600 if private else _mode_for(target)
    fd, tmp = temporary_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            system.set_mode(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if new:
            _make_new(tmp, target, data, mode)
        else:
            system.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, FileExistsError):
            raise
        raise InputError.single(target, Said("file.not_written", reason=_reason(exc))) from None
    system.sync_folder(target.parent if str(target.parent) else Path("."))
    return target


def _make_new(tmp: str, target: Path, data: bytes, mode: int) -> None:
    """`tmp` becomes `target` only if nothing is there (a hard link: never over a file or a
    link); where a file system has no hard links (some network drives), `target` is made
    exclusively and written, and removed again when that fails (a full disk)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except (OSError, AttributeError, NotImplementedError):
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, mode)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(target)
            raise
    with contextlib.suppress(OSError):
        os.unlink(tmp)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 less the umask."""
    try:
        return os.lstat(target).st_mode & 0o777
    except OSError:
        return system.new_file_mode()


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def real_folder(folder: Path, private: bool = False) -> Path:
    """`folder` made if it is not there (readable by its owner only with `private`), for
    files that go beside another (a report's charts); InputError when it cannot be made or
    is not a real folder (a symbolic link to one is never written through)."""
    try:
        folder.mkdir(mode=0o700 if private else 0o777)
    except FileExistsError:
        pass
    except OSError as exc:
        raise InputError.single(folder, f"cannot be made ({_reason(exc)})") from None
    try:
        mode = os.lstat(folder).st_mode
    except OSError as exc:
        raise InputError.single(folder, f"cannot be made ({_reason(exc)})") from None
    if stat.S_ISLNK(mode):
        raise InputError.single(folder, "is a symbolic link: innoscan never writes through one")
    if not stat.S_ISDIR(mode):
        raise InputError.single(folder, "is a file, not a folder")
    return folder
