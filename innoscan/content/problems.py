"""Problems found in user input, reported one per line, never as a traceback."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from innoscan.content.kinds import QUESTION_KINDS
from innoscan.content.visible import visible
from innoscan.locales import DEFAULT, Said


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: where in it, and what (`message`, in English; `said`,
    when the problem is a catalogue word, in the reader's language)."""

    file: str
    where: str
    message: str
    said: Said | None = field(default=None, compare=False)  # hashed and compared as message

    def told(self, lang: str = DEFAULT) -> str:
        """The message in `lang` where it is a catalogue word, else as it is."""
        return self.said.text(lang) if self.said is not None else self.message

    def text(self, lang: str = DEFAULT) -> str:
        """One line: file, place and problem, control characters in them shown as escapes."""
        parts = [self.file, self.where, self.told(lang)]
        return ": ".join(visible(part) for part in parts if part)

    def __str__(self) -> str:
        return self.text()


class InputError(Exception):
    """Bad input from a user: one or more problems, each naming its file."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def text(self, lang: str) -> str:
        """The problems, one a line, in `lang` where they are catalogue words."""
        return "\n".join(p.text(lang) for p in self.problems)

    @classmethod
    def single(cls, file: str | Path, message: str | Said, where: str = "") -> InputError:
        said = message if isinstance(message, Said) else None
        return cls([Problem(str(file), where, str(message), said)])


def system_problem(exc: OSError) -> str:
    """What the system refused (a folder not to be looked into), as one line: where, why."""
    where = f"{visible(exc.filename)}: " if exc.filename else ""
    return f"{where}{visible(exc.strerror or exc)}"


def toml_syntax_problem(file: str | Path, error: Exception) -> Problem:
    """Turn a tomllib.TOMLDecodeError into a one-line problem."""
    said = Said("file.not_toml", error=error)
    return Problem(str(file), "", str(said), said)


def read_toml(path: Path) -> dict:
    """Read a TOML file (by content/files.py: a regular file, of at most MAX_BYTES; a UTF-8
    byte order mark at its start is taken away); any failure becomes an InputError naming
    the file."""
    import tomllib

    from innoscan.content.files import read_bytes

    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError.single(path, Said("file.not_utf8", byte=exc.start)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([toml_syntax_problem(path, exc)]) from None
    except ValueError:  # an integer of more than 4,300 digits (Python's own limit)
        raise InputError.single(path, "holds a number of over 4,300 digits: not read") from None
    except RecursionError:  # arrays or tables nested thousands deep
        data = None
    if data is None or nesting(data) > MAX_NESTING:
        raise InputError.single(
            path, f"arrays or tables nested more than {MAX_NESTING} deep: not read"
        ) from None
    return data


MAX_NESTING = 64  # innoscan's own files nest at most 7 deep; a `when` of 30 conditions fits


_NESTED = (dict, list)


def nesting(data: object) -> int:
    """How deep tables and arrays are nested in `data` (counted without recursion, a level
    at a time; no deeper than MAX_NESTING + 1)."""
    if not isinstance(data, _NESTED):
        return 0
    depth, level = 1, [data]
    while depth <= MAX_NESTING:
        level = [
            item
            for value in level
            for item in (value.values() if isinstance(value, dict) else value)
            if isinstance(item, _NESTED)
        ]
        if not level:
            break
        depth += 1
    return depth


_TAGS = {"indicator", "addition", *QUESTION_KINDS}  # the tags of tagged unions


def validation_problems(
    path: Path, data: dict, exc: ValidationError, list_key: str
) -> list[Problem]:
    """One problem per pydantic error; items of `list_key` are named by their id."""
    problems = [_problem(path, data, err, list_key) for err in exc.errors()]
    return list(dict.fromkeys(problems))


def _problem(path: Path, data: dict, err: Mapping[str, Any], list_key: str) -> Problem:
    loc = [part for part in err["loc"] if part not in _TAGS]
    where = ""
    if len(loc) >= 2 and loc[0] == list_key and isinstance(loc[1], int):
        raw = data.get(list_key, [])
        item = raw[loc[1]] if isinstance(raw, list) and loc[1] < len(raw) else None
        item_id = item.get("id") if isinstance(item, dict) else None
        where = item_id if isinstance(item_id, str) else f"{list_key}[{loc[1]}]"
        loc = loc[2:]
    return Problem(str(path), where, _message(loc, err))


def short_message(err: Mapping[str, Any]) -> str:
    """A pydantic error's message as people read it: 'is missing', 'is not a known key', ..."""
    if err["type"] == "missing":
        return "is missing"
    if err["type"] == "extra_forbidden":
        return "is not a known key"
    return str(err["msg"]).removeprefix("Value error, ")


def _message(loc: list, err: Mapping[str, Any]) -> str:
    msg = short_message(err)
    tag_key = str(err.get("ctx", {}).get("discriminator", ""))
    if err["type"].startswith("union_tag_") and tag_key.startswith("'"):  # e.g. no such kind
        loc = [*loc, tag_key.strip("'")]
        tags = err["ctx"].get("expected_tags", "")
        msg = f"Input should be {' or '.join(tags.rsplit(', ', 1))}" if tags else "is missing"
    key = key_path(loc)
    return f"{key}: {msg}" if key else msg


def key_path(loc: Iterator | list) -> str:
    """('options', 2, 'id') -> 'options[2].id'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).startswith(("function-", "tagged-union")):
            continue
        else:
            out += f".{str(part).rstrip('_')}" if out else str(part).rstrip("_")
    return out
