"""Problems found in user input, reported one per line, never as a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: where in it, and what."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        parts = [self.file, self.where, self.message]
        return ": ".join(part for part in parts if part)


class InputError(Exception):
    """Bad input from a user: one or more problems, each naming its file."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def single(cls, file: str | Path, message: str, where: str = "") -> InputError:
        return cls([Problem(str(file), where, message)])


def toml_syntax_problem(file: str | Path, error: Exception) -> Problem:
    """Turn a tomllib.TOMLDecodeError into a one-line problem."""
    return Problem(str(file), "", f"not valid TOML: {error}")


def read_toml(path: Path) -> dict:
    """Read a TOML file; any failure becomes an InputError naming the file."""
    import tomllib

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError.single(path, "file not found") from None
    except IsADirectoryError:
        raise InputError.single(path, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError.single(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError.single(path, f"not UTF-8 text (byte {exc.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([toml_syntax_problem(path, exc)]) from None
