"""A validated bank kept between runs, so that a start does not parse and check it again
(with innoscan's built-in interface words, which every start reads too).

`load_bank` validates a bank folder (TOML parsed, every model and cross-check) once, and keeps
the result in the user's cache folder, under a key made of the content of every file of the
bank folder, of innoscan's content models and word catalogues (and the innoscan, Python and
pydantic versions): any change to any of them makes a new key, and the bank is read again. A
cache file is read back only when it is innoscan's (its header), whole (a hash of its data)
and the user's own, in a folder of the user's own (on POSIX neither may be writable by
others; a folder that is not the user's is not used at all); its data holds only innoscan's
content models, paths and plain values (an unpickler that refuses anything else, so a
changed file cannot run code). Anything wrong with it, or with the folder, and the bank is
loaded in full as if there were no cache.

INNOSCAN_CACHE_DIR names another folder; set to an empty value, no cache is used.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import stat
import sys
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from innoscan import locales
from innoscan.content.files import read_bytes, read_with_status, replaceable, temporary_beside

if TYPE_CHECKING:
    from innoscan.content.bank import Bank

_MAGIC = b"innoscan bank cache 1\n"
_DIGEST = 32  # bytes of a sha256
_MAX_BYTES = 16 * 1024 * 1024  # the built-in bank's cache file is about 0.2 MB
_CODE = Path(__file__).parent  # innoscan/content: the models the cache holds
_WORDS = locales.FOLDER  # innoscan/locales: the built-in catalogues it holds


def cache_dir(environ: os._Environ | dict | None = None) -> Path | None:
    """The user's cache folder for innoscan (None: no cache): INNOSCAN_CACHE_DIR if set, else
    %LOCALAPPDATA%\\innoscan\\Cache on Windows, ~/Library/Caches/innoscan on macOS,
    $XDG_CACHE_HOME/innoscan (default ~/.cache/innoscan) elsewhere."""
    env = os.environ if environ is None else environ
    if "INNOSCAN_CACHE_DIR" in env:
        return Path(env["INNOSCAN_CACHE_DIR"]) if env["INNOSCAN_CACHE_DIR"] else None
    if sys.platform == "win32":
        base = env.get("LOCALAPPDATA")
        return Path(base) / "innoscan" / "Cache" if base else None
    home = Path(env.get("HOME") or Path.home())
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "innoscan"
    return Path(env.get("XDG_CACHE_HOME") or home / ".cache") / "innoscan"


def bank_key(root: Path) -> bytes:
    """A digest of everything a loaded bank depends on: every TOML file of the bank folder
    and its sections/, every module of innoscan.content, the built-in word catalogues, and
    the innoscan, Python and pydantic versions. OSError or InputError when a file cannot be
    read."""
    import pydantic

    from innoscan import __version__

    digest = hashlib.sha256(_MAGIC)
    digest.update(f"{__version__}\0{sys.version}\0{pydantic.VERSION}\0".encode())
    for folder, suffix, base in (
        (root, ".toml", root),
        (root / "sections", ".toml", root),
        (_CODE, ".py", _CODE),
        (_CODE / "kinds", ".py", _CODE),
        (_WORDS, ".toml", _WORDS.parent),
    ):
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.iterdir() if p.suffix == suffix and p.is_file()):
            content = read_bytes(path)
            name = path.relative_to(base).as_posix()
            digest.update(f"\0{name}\0{len(content)}\0".encode())
            digest.update(content)
    return digest.digest()


def _file(root: Path) -> Path | None:
    """The cache file of a bank folder: one per folder, named by its resolved path."""
    folder = cache_dir()
    if folder is None:
        return None
    name = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return folder / "banks" / f"{name[:32]}.pickle"


def load(root: Path, key: bytes) -> Bank | None:
    """The bank kept for `root` under `key`, or None (no cache, another key, anything wrong)."""
    try:
        path = _file(root)
        if path is None or not _own_folder(path.parent):
            return None
        data, status = read_with_status(path, _MAX_BYTES)
        if not _own(status):
            return None
        head = len(_MAGIC)
        if data[:head] != _MAGIC or data[head : head + _DIGEST] != key:
            return None
        check, payload = data[head + _DIGEST : head + 2 * _DIGEST], data[head + 2 * _DIGEST :]
        if hashlib.sha256(payload).digest() != check:
            return None
        bank, words = _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # unreadable, truncated, refused: read the bank itself
        return None
    from innoscan.content.bank import Bank

    if type(bank) is not Bank or not _catalogues(words):
        return None
    locales.use_builtin(words)
    return bank if bank.path == root else bank.model_copy(update={"path": root})


def save(root: Path, key: bytes, bank: Bank) -> None:
    """Keep `bank` for `root` under `key`; a cache that cannot be written, or whose folder is
    not the user's own, is left alone. The file is written as store/atomic.py writes: a
    temporary file made exclusively (never through a link), then renamed."""
    with contextlib.suppress(Exception):
        path = _file(root)
        if path is None:
            return
        path.parent.parent.mkdir(parents=True, exist_ok=True)
        path.parent.mkdir(exist_ok=True, mode=0o700)
        if not _own_folder(path.parent):
            return
        kept = (bank, locales.builtin_catalogues())
        payload = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        data = _MAGIC + key + hashlib.sha256(payload).digest() + payload
        replaceable(path)
        fd, temporary = temporary_beside(path)
        try:
            with open(fd, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _catalogues(words: object) -> bool:
    """Whether `words` are catalogues as `locales.builtin_catalogues` gives them."""
    return isinstance(words, dict) and all(
        isinstance(texts, dict) and all(type(k) is str and type(v) is str for k, v in texts.items())
        for texts in words.values()
    )


def _own(status: os.stat_result) -> bool:
    """On POSIX, a file or folder the user owns that no one else may write; on Windows, any
    (the folder is the user's own)."""
    if not hasattr(os, "getuid"):
        return True
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _own_folder(folder: Path) -> bool:
    """Whether `folder` is a real folder (not a link to one), the user's own (`_own`)."""
    try:
        status = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(status.st_mode) and _own(status)


class _Unpickler(pickle.Unpickler):
    """Only innoscan's content models and paths: nothing else can be named, so nothing else
    can be made or called."""

    def find_class(self, module: str, name: str) -> type:
        from pydantic import BaseModel

        if module.startswith("innoscan.content.") and module in sys.modules:
            found = getattr(sys.modules[module], name, None)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        if module == "pathlib":
            found = getattr(sys.modules["pathlib"], name, None)
            if isinstance(found, type) and issubclass(found, PurePath):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a bank cache")
