"""Rescue copies: answers that could not go into their result file (another process changed
it, or it cannot be written), kept in a file of their own."""

from __future__ import annotations

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
    that two sessions that lose their file in the same second each keep theirs. Made only
    where nothing is (never over a file, nor through a link), and whole."""
    for _ in range(5):
        path = stem.with_name(f"{stem.name}_{secrets.token_hex(4)}.toml")
        try:
            return write_atomic(path, text, private=True, new=True)
        except FileExistsError:
            continue
    raise InputError.single(stem, Said("file.not_written", reason="no free name"))
