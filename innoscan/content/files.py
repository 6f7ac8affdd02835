"""The one way innoscan reads a file and lists a folder, and what its one writer
(store/atomic.py) may replace.

A file is read only when it is a regular file (never a named pipe, a device or a socket: it
is opened without waiting, then looked at), of at most MAX_BYTES; a folder's listing leaves
out, with the reason, a link that leads out of the folder and anything that is not a regular
file. Every failure is an InputError naming the file, in one line.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from innoscan.content.problems import InputError
from innoscan.locales import Said

MAX_BYTES = 8 * 1024 * 1024  # innoscan's largest files (a bank section, a result) are < 100 KB
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_READ_FLAGS |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)  # POSIX: no waiting
_NOT_REGULAR = "is not a regular file (a named pipe, a device or a socket): not read"
_OUTSIDE = "is a link to a file outside the folder: not read"


class NotRead(InputError):
    """A file that could not be opened or read: not there, or not for us (`errno` says)."""

    def __init__(self, path: str | Path, exc: OSError):
        self.errno = exc.errno
        if isinstance(exc, FileNotFoundError):
            said = Said("file.not_found")
        else:
            said = Said("file.not_read", reason=_reason(exc))
        super().__init__(InputError.single(path, said).problems)


def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """The content of a regular file of at most `limit` bytes; InputError saying why not."""
    return read_with_status(path, limit)[0]


def read_with_status(path: str | Path, limit: int = MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """`read_bytes`, with what the open file is (its owner and mode, for the bank cache)."""
    try:
        fd = os.open(path, _READ_FLAGS)  # a named pipe opens at once: it is refused below
    except IsADirectoryError:
        raise InputError.single(path, "is a folder, not a file") from None
    except OSError as exc:
        raise NotRead(path, exc) from None
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise InputError.single(path, "is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            raise InputError.single(path, _NOT_REGULAR)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise NotRead(path, exc) from None
    finally:
        os.close(fd)
    if size > limit:
        raise InputError.single(path, f"is larger than {limit // (1 << 20)} MiB: not read")
    return b"".join(chunks), status


# ── folders ───────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Found:
    """A name in a folder: a subfolder (`folder`), or a file with `problem`, why it is not
    read ("" when it may be)."""

    path: Path
    folder: bool = False
    problem: str = ""


def found_in(folder: Path, inside: Path | None = None) -> list[Found]:
    """What `folder` holds, by name; hidden names (.git, temporary files) and links to folders
    left out. A link to a file outside `inside` (default: `folder`), or anything that is not
    a regular file, comes with why it is not read. InputError when the folder cannot be
    listed."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted((e for e in listing if not e.name.startswith(".")), key=_name)
    except OSError as exc:
        raise InputError.single(folder, f"cannot be listed ({_reason(exc)})") from None
    root = os.path.realpath(inside if inside is not None else folder)
    found = []
    for entry in entries:
        path = Path(folder) / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                found.append(Found(path, folder=True))
                continue
            if entry.is_dir():
                continue  # a link to a folder: not entered
            if entry.is_symlink() and not _within(os.path.realpath(path), root):
                found.append(Found(path, problem=_OUTSIDE))
            elif not entry.is_file():
                found.append(Found(path, problem=_NOT_REGULAR))
            else:
                found.append(Found(path))
        except OSError as exc:
            found.append(Found(path, problem=str(Said("file.not_read", reason=_reason(exc)))))
    return found


def _name(entry: os.DirEntry) -> str:
    return entry.name


def _within(target: str, root: str) -> bool:
    try:
        return os.path.commonpath([target, root]) == root
    except ValueError:  # Windows: another drive
        return False


def there(path: Path) -> bool:
    """Whether anything is at `path`; InputError naming its folder when that may not be
    looked into (no search permission: the file may well be there)."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        said = Said("file.not_read", reason=_reason(exc))
        raise InputError.single(path.parent, said) from None
    return True


# ── what the one writer may replace ───────────────────────────────────────────────────


def replaceable(target: Path) -> None:
    """Refuse to replace anything but a regular file: a symbolic link (never written
    through), a folder, a named pipe, a device, a socket."""
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return  # not there (yet): it is made (or making it says why not)
    if stat.S_ISLNK(mode):
        raise InputError.single(target, "is a symbolic link: innoscan never writes through one")
    if stat.S_ISDIR(mode):
        raise InputError.single(target, "is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise InputError.single(target, "is not a regular file: innoscan never replaces it")


def temporary_beside(target: Path) -> tuple[int, str]:
    """A new temporary file beside `target`, readable by its owner only, made exclusively
    (O_EXCL and O_NOFOLLOW: never a file or a link that was there): (fd, its path)."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError.single(target, Said("file.not_written", reason=_reason(exc))) from None


def unwritable(folder: Path) -> str | None:
    """Why no file can be made in `folder`, or None: a file made exclusively (never through
    a link planted by its name), then removed."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".innoscan-write-test-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return _reason(exc)
    return None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
