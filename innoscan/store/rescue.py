"""Rescue copies: answers that could not go into their result file (another process changed
it, or it cannot be written), kept in a file of their own."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from innoscan.content.problems import InputError
from innoscan.locales import Said
from innoscan.store.atomic import write_atomic
from innoscan.store.names import RESCUED
from innoscan.store.result import now_utc


def rescue_copy(result: Path, text: str, earlier: Path | None = None) -> Path:
    """Write `text` to the rescue copy of the result at `result`, readable by its owner only:
    to `earlier` (the copy made before), else to a new one in the results folder, else in the
    home folder. InputError when none can be written."""
    if earlier is not None:
        return write_atomic(earlier, text, private=True)
    name = f"{RESCUED}{result.stem}_{now_utc():%Y%m%dT%H%M%SZ}"
    for folder in (result.parent, Path.home()):
        try:
            return _new_copy(folder / name, text)
        except InputError as exc:
            problem = exc
    raise problem


def _new_copy(stem: Path, text: str) -> Path:
    """`text` in a file of its own: `stem` (the time, to the second), then a random part, so
    that two sessions that lose their file in the same second each keep theirs. The name is
    taken first, exclusively (never a file that exists, nor through a link), then written
    atomically."""
    for _ in range(5):
        path = stem.with_name(f"{stem.name}_{secrets.token_hex(4)}.toml")
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        except OSError as exc:
            raise InputError.single(path, Said("file.not_written", reason=exc.strerror)) from None
        try:
            return write_atomic(path, text, private=True)
        except InputError:
            path.unlink(missing_ok=True)  # the name taken, still empty
            raise
    raise InputError.single(stem, Said("file.not_written", reason="no free name"))
