"""File names from team and respondent names: safe, readable for Latin names, and never the
same file for two teams."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from innoscan.content.problems import InputError, read_toml

_MAX_SLUG = 60
INDIVIDUAL = ".individual-"  # team-2026.individual-ID.toml: one respondent's answers
RESCUED = "unsaved_"  # unsaved_team-2026_TIME.toml: answers that could not be saved (no slug
# starts so: a rescue copy is never taken for a result of the folder, nor merged)


def slug(text: str, fallback: str = "team") -> str:
    """A safe file-name part: ASCII letters, digits and dashes, never a path."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    dashed = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return dashed[:_MAX_SLUG].strip("-") or fallback


def is_blank(name: str) -> bool:
    """A name with nothing to read in it: empty, spaces, or only invisible characters."""
    return all(unicodedata.category(char)[0] in "CZ" for char in name)


@lru_cache(maxsize=4096)  # an overview asks it of every file's team and organisation
def team_key(name: str) -> str:
    """What makes two team names one team: the same characters, in any case, with or without
    accents on Latin letters, whatever the spaces around and between the words."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", name):
        if not (unicodedata.combining(char) and kept and kept[-1].isascii()):
            kept.append(char)  # an accent on a Latin letter is dropped: é -> e
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).casefold().split())


_PLAIN = re.compile(r"[a-z0-9]+( [a-z0-9]+)*")
_DIGEST = 10


def file_stem(team: str, fallback: str = "team") -> str:
    """A team's (or a respondent's) part of its file names. A plain Latin name (letters,
    digits and spaces) gives its letters, as it always has ('Team Data' -> 'team-data'); any
    other name gets a digest of it appended, so that two teams never share a file ('数据团队'
    -> 'team-1f0c…', 'Li 李雷' -> 'li-3b9a…')."""
    key = team_key(team)
    if _PLAIN.fullmatch(key) and len(key) <= _MAX_SLUG:
        return key.replace(" ", "-")
    return digest_stem(team, fallback)


def digest_stem(team: str, fallback: str = "team") -> str:
    """The readable part of the name (or `fallback`), then a digest of `team_key`."""
    digest = hashlib.sha256(team_key(team).encode()).hexdigest()[:_DIGEST]
    return f"{slug(team)[: _MAX_SLUG - _DIGEST - 1].strip('-') or fallback}-{digest}"


def holds(path: Path, key: str, respondent: str | None = None) -> bool:
    """Whether the result file at `path` is the team's (with `respondent`, a respondent's
    `team_key`: and that respondent's). One that cannot be read counts as theirs: its
    problem is then told, rather than a second file made beside it."""
    try:
        meta = read_toml(path).get("meta")
    except InputError:
        return True
    if not isinstance(meta, dict):
        return True
    team, who = meta.get("team"), meta.get("respondent")
    same_team = not isinstance(team, str) or team_key(team) == key
    same_respondent = isinstance(who, str) and team_key(who) == respondent
    return same_team and (respondent is None or same_respondent)


def respondent_stems(name: str) -> tuple[str, str]:
    """A named respondent's part of the file name (as a team's: `file_stem`), and the part
    an earlier innoscan gave it (the name's letters, or for a name without any, such as
    李雷, a digest), where their file may still be."""
    digest = hashlib.sha256(unicodedata.normalize("NFKC", name).casefold().encode()).hexdigest()
    return file_stem(name, "name"), slug(name, "") or f"name-{digest[:10]}"
