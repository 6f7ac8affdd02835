"""Where the command line's `-o FILE` may write: never over a result, an input, a link, a
pipe or a device by mistake.

`report -o`, `template -o`, `merge -o` and `compare -o` all write through `write_output`.
Without `force` it refuses a file that holds a result (a team's or a respondent's), one of
the command's own input files, a symbolic link and a named pipe; with `force` it replaces
the result or input, writes to the file a link points to (the link stays), or into the
pipe. A device (`/dev/null`, `NUL` on Windows) or a socket is never written, forced or not.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from innoscan.content.files import NotRead
from innoscan.content.problems import InputError, read_toml
from innoscan.store import system
from innoscan.store.atomic import write_atomic

FORCE = "--force"


def checked_output(
    path: str | Path,
    force: bool = False,
    inputs: Iterable[Path] = (),
    replace_result: bool = False,
) -> tuple[Path, bool]:
    """Where a command's -o may write (a symbolic link's file, with `force`) and whether that
    is a named pipe; InputError saying why not, before anything is written.

    `replace_result` lets a result file be replaced without `force` (merge over the team
    profile it made before); the other checks still hold.
    """
    target = Path(path)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError.single(target, f"cannot be written ({exc.strerror or exc})") from None
    if system.is_device_name(target):
        raise InputError.single(target, "is a device: innoscan never writes to one")
    if info is not None and stat.S_ISLNK(info.st_mode):
        if not force:
            raise InputError.single(
                target, f"is a symbolic link: not written ({FORCE} writes to the file it names)"
            )
        target = Path(os.path.realpath(target))
        info = _stat(target)
    if info is None:
        return target, False
    mode = info.st_mode
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise InputError.single(target, "is a device: innoscan never writes to one")
    if stat.S_ISDIR(mode):
        raise InputError.single(target, "is a folder, not a file")
    if stat.S_ISFIFO(mode):
        if not force:
            raise InputError.single(
                target, f"is a named pipe: not written ({FORCE} writes into it)"
            )
        return target, True
    if not force:
        problem = _kept(target, inputs, replace_result)
        if problem:
            raise InputError.single(target, f"{problem}: not overwritten ({FORCE} replaces it)")
    return target, False


def write_output(
    path: str | Path,
    text: str | bytes,
    force: bool = False,
    inputs: Iterable[Path] = (),
    replace_result: bool = False,
) -> Path:
    """Write `text` to `path` for a command's -o, or raise InputError saying why not."""
    target, pipe = checked_output(path, force, inputs, replace_result)
    if not pipe:
        return write_atomic(target, text)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        with open(target, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    return target


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError.single(path, f"cannot be written ({exc.strerror or exc})") from None


def _kept(target: Path, inputs: Iterable[Path], replace_result: bool) -> str | None:
    """Why an existing regular file must stay as it is, or None: one of the inputs, a result
    (a team's, a respondent's, a filled sheet), or a file that cannot be read (it may be)."""
    for source in inputs:
        try:
            if os.path.samefile(source, target):
                return "is one of the input files"
        except OSError:
            continue
    if replace_result:
        return None
    try:
        data = read_toml(target)
    except NotRead as exc:
        return None if exc.errno == errno.ENOENT else "cannot be read: it may hold a result"
    except InputError:
        return None  # not TOML, or too large: no result
    if "schema_version" in data and isinstance(data.get("meta"), dict):
        return "holds a result"
    return None
