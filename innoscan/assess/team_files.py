"""The team results in a folder and its subfolders, for an overview across teams.

Individual answer files are a team's private input: they are never read (recognised by
their name, or by their `mode` when renamed) and only counted. Every other file that is not a
usable team result is kept with the reason it is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from innoscan.content.bank import Bank
from innoscan.content.files import found_in
from innoscan.content.problems import InputError
from innoscan.store.names import INDIVIDUAL, RESCUED, team_key
from innoscan.store.result import LoadedResult, load_result


@dataclass(frozen=True)
class Skipped:
    """A file left out of the overview: `reason` is `problem` (its problems in `detail`),
    `in_progress`, `duplicate` (the file kept instead in `detail`), `copy` (of the file kept,
    the same result: folders copied together) or `rescue`."""

    path: Path
    reason: str
    detail: str = ""


@dataclass
class TeamFiles:
    """What a folder holds: one usable result per team and year, and what was left out."""

    folder: Path
    results: list[LoadedResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    individual: int = 0  # individual answer files, never read (or, when renamed, not used)
    other_version: int = 0  # results made with another version of the bank, scored by this one


def result_files(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """Every *.toml under `folder`, in a stable order, and what cannot be read: a subfolder
    that cannot be listed, a link to a file outside `folder`, a named pipe or a device (with
    why). Hidden folders (.git) and links to folders are not entered; InputError when
    `folder` itself cannot be listed."""
    found: list[Path] = []
    left_out: list[Skipped] = []
    waiting = [folder]
    while waiting:
        current = waiting.pop()
        try:
            entries = found_in(current, inside=folder)
        except InputError as exc:
            if current == folder:
                raise
            left_out.append(Skipped(current.relative_to(folder), "problem", _problems(exc)))
            continue
        for entry in entries:
            if entry.folder:
                waiting.append(entry.path)
            elif entry.path.suffix != ".toml":
                continue
            elif entry.problem:
                left_out.append(Skipped(entry.path.relative_to(folder), "problem", entry.problem))
            else:
                found.append(entry.path)
    return sorted(found, key=_walk_order), left_out


def _walk_order(path: Path) -> tuple[str, ...]:
    """A folder's files before its subfolders', each by name (as os.walk gave them)."""
    return (*path.parent.parts, "", path.name)


def read_team_files(bank: Bank, folder: str | Path) -> TeamFiles:
    """Read every team result under `folder` (InputError when it is not a folder)."""
    folder = Path(folder)
    if not folder.is_dir():
        problem = "not found" if not folder.exists() else "is a file, not a folder"
        raise InputError.single(folder, problem)
    paths, left_out = result_files(folder)
    out = TeamFiles(folder, skipped=left_out)
    groups: dict[tuple[str, int], list[LoadedResult]] = {}
    for path in paths:
        if INDIVIDUAL in path.name:
            out.individual += 1
            continue
        if path.name.startswith(RESCUED):
            out.skipped.append(Skipped(path.relative_to(folder), "rescue"))
            continue
        try:
            loaded = load_result(path, bank)
        except InputError as exc:
            out.skipped.append(Skipped(path.relative_to(folder), "problem", _problems(exc)))
            continue
        meta = loaded.result.meta
        if meta.mode == "individual":
            out.individual += 1
        elif meta.status != "complete":
            out.skipped.append(Skipped(path.relative_to(folder), "in_progress"))
        else:
            key = (identity(meta.team, meta.organisation), meta.year)
            groups.setdefault(key, []).append(loaded)
    for same in groups.values():  # a team's year twice (folders copied together): the latest
        same.sort(key=_saved_last_first)
        out.results.append(same[0])
        kept = str(same[0].path.relative_to(folder))
        for other in same[1:]:
            reason = "copy" if other.result == same[0].result else "duplicate"
            out.skipped.append(Skipped(other.path.relative_to(folder), reason, kept))
    out.other_version = sum(r.result.meta.bank_version != bank.version for r in out.results)
    out.skipped.sort(key=lambda s: str(s.path))
    return out


def identity(team: str, organisation: str) -> str:
    """One team across years and files: the same organisation and team name, as store.names
    compares names (case, accents on Latin letters and spaces aside)."""
    return f"{team_key(organisation)}\x00{team_key(team)}"


def _saved_last_first(loaded: LoadedResult) -> tuple[float, str]:
    updated = loaded.result.meta.updated
    return (-(updated.timestamp() if updated else 0.0), str(loaded.path))


def _problems(exc: InputError) -> str:
    return "; ".join(f"{p.where}: {p.message}" if p.where else p.message for p in exc.problems)
