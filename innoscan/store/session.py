"""A workshop session: one result file in a results folder, saved after every change.

The TUI (and any other front end) calls this; it knows nothing of screens or keys.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from innoscan.content.bank import Bank, Question
from innoscan.content.files import found_in, there, unwritable
from innoscan.content.problems import InputError
from innoscan.locales import Said
from innoscan.store.lock import Lock
from innoscan.store.names import (
    INDIVIDUAL,
    RESCUED,
    digest_stem,
    file_stem,
    holds,
    respondent_stems,
    slug,
    team_key,
)
from innoscan.store.rescue import rescue_copy
from innoscan.store.result import LoadedResult, Result, load_result, now_utc, refuse_unkept

DEFAULT_FOLDER = "innoscan-results"
_ANONYMOUS = re.compile(r"anonymous-[0-9a-f]+")  # an anonymous respondent's id


@dataclass
class FolderEntry:
    """A result file found in the folder: readable (loaded) or not (problem)."""

    path: Path
    loaded: LoadedResult | None = None
    problem: InputError | None = None

    def told(self, lang: str) -> str:
        """Why the file cannot be read (each problem with its key), in `lang`."""
        problems = self.problem.problems if self.problem else []
        return "; ".join(": ".join(filter(None, (p.where, p.told(lang)))) for p in problems)

    @property
    def result(self) -> Result | None:
        return self.loaded.result if self.loaded else None


class ResultsFolder:
    """The folder that holds one TOML result file per team and year."""

    def __init__(self, path: str | Path = DEFAULT_FOLDER):
        self.path = Path(path)

    def path_for(
        self, team: str, year: int, respondent_id: str | None = None, respondent: str | None = None
    ) -> Path:
        """The file of a team's result for a year (with `respondent_id`, of an individual's
        named by that id; with `respondent`, of that respondent's, named as a team is), always
        directly inside the folder: named by `file_stem`, or where an earlier innoscan named
        it; a file of the name wanted that holds another team or respondent is never taken
        (the name then gets a digest). InputError when the folder may not be looked into."""
        key, who = team_key(team), None
        ids: tuple[str | None, ...] = (respondent_id,)
        if respondent is not None:
            who, ids = team_key(respondent), respondent_stems(respondent)
        candidates = [self._file(t, year, i) for i in ids for t in (file_stem(team), slug(team))]
        for path in dict.fromkeys(candidates):
            if there(path) and holds(path, key, who):
                return path
        if not there(candidates[0]):
            return candidates[0]
        other = digest_stem(respondent, "name") if respondent is not None else respondent_id
        return self._file(digest_stem(team), year, other)

    def _file(self, stem: str, year: int, respondent_id: str | None) -> Path:
        name = f"{stem}-{int(year)}"
        if respondent_id is not None:
            name += f"{INDIVIDUAL}{slug(respondent_id, 'anonymous')}"
        target = self.path / f"{name}.toml"
        assert target.parent == self.path and target.name == f"{name}.toml"
        return target

    def problem(self) -> str | None:
        """Why results cannot be saved here, or None when they can."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            return f"{self.path}: is a file, not a folder"
        except OSError as exc:  # a folder on the way that may not be looked into, too
            return f"{self.path}: cannot create the results folder ({exc.strerror or exc})"
        reason = unwritable(self.path)
        return f"{self.path}: results cannot be saved here ({reason})" if reason else None

    def scan(self, bank: Bank) -> list[FolderEntry]:
        """Every result file in the folder, newest first; unreadable ones (a named pipe, a
        link out of the folder) with their problem, as is a folder that cannot be listed."""
        try:
            if not there(self.path):
                return []
            found = found_in(self.path)
        except InputError as exc:
            return [FolderEntry(self.path, problem=exc)]
        entries = []
        for item in found:
            path = item.path
            if item.folder or path.suffix != ".toml" or path.name.startswith(RESCUED):
                continue
            try:
                if item.problem:
                    raise InputError.single(path, item.problem)
                entries.append(FolderEntry(path, loaded=load_result(path, bank)))
            except InputError as exc:
                entries.append(FolderEntry(path, problem=exc))
        return sorted(entries, key=_newest_first)

    def earlier(self, bank: Bank, result: Result) -> FolderEntry | None:
        """The same team's most recent result of an earlier year in this folder, if any."""
        team = team_key(result.meta.team)
        found = [
            e
            for e in self.scan(bank)
            if e.result is not None
            and e.result.meta.mode == "team"
            and team_key(e.result.meta.team) == team
            and e.result.meta.year < result.meta.year
        ]
        return max(found, key=lambda e: e.result.meta.year, default=None)


def _stamp(path: Path) -> tuple[int, int] | None:
    """What a file looked like (change time, size), to notice a change made by someone else."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _remove_leftovers(path: Path) -> None:
    """Temporary files of writes that were cut off (a crash, a kill): never a result."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _newest_first(entry: FolderEntry) -> tuple:
    result = entry.result
    stamp = result.meta.updated.timestamp() if result and result.meta.updated else 0.0
    return (entry.loaded is None, -stamp, entry.path.name)


class Session:
    """One assessment being answered: the result in memory and on disk, kept equal.

    A session that could not save keeps its answers in memory (`unsaved` says why) and
    saves them at the next change or `save()`; it never overwrites a file that another
    process changed under it.
    """

    def __init__(
        self,
        bank: Bank,
        path: Path,
        result: Result,
        warnings: list[Said] | None = None,  # said in the reader's language
        read_only: bool = False,
    ):
        self.bank = bank
        self.path = path
        self.result = result
        self.warnings = warnings or []
        self.read_only = read_only
        self.lock: Lock | None = None
        self.unsaved: str | Said | None = None
        self.conflict = False  # another process changed the file: this session never saves again
        self.rescued: Path | None = None  # the copy of the answers `rescue` made
        self._stamp = _stamp(path)

    @classmethod
    def open(
        cls,
        bank: Bank,
        folder: ResultsFolder,
        team: str,
        year: int,
        lang: str,
        organisation: str = "",
        org_type: str | None = None,
        mode: str = "team",
        respondent: str = "",
        lock: bool = False,
        take_over: bool = False,
        participant: str | None = None,
    ) -> Session:
        """Resume the team's result for the year, or start it (and save it at once).

        An individual's file is named after `participant` (a browser's id in `serve`), else
        after the respondent's name (`path_for`; the anonymous id they were told is an id),
        else a new anonymous id. With `lock`, take the result's
        lock first (LockedError if another process has it). A result without a kind of
        organisation gets `org_type` when one is given.
        """
        respondent_id, named = None, None
        if mode == "individual":
            given = "" if participant else respondent.strip()
            if participant or _ANONYMOUS.fullmatch(given):  # or the id an anonymous one was told
                respondent_id = participant or given
            elif given:
                named = given
            else:
                respondent_id = f"anonymous-{secrets.token_hex(3)}"
        path = folder.path_for(team, year, respondent_id, named)
        if path.exists():
            session = cls.resume(bank, path, lock=lock, take_over=take_over)
            if org_type and session.result.meta.org_type is None:
                session.result.meta.org_type = org_type
                with contextlib.suppress(InputError):  # kept in memory, saved with the next
                    session.save()
            return session
        problem = folder.problem()
        if problem:
            raise InputError.single(folder.path, problem.split(": ", 1)[-1])
        result = Result.new(
            bank,
            team.strip(),
            year,
            lang,
            organisation=organisation.strip(),
            org_type=org_type or None,
            mode=mode,
            respondent=respondent.strip(),
        )
        session = cls(bank, path, result)
        if lock:
            session.take_lock(take_over)
        session.save()
        return session

    @classmethod
    def resume(
        cls,
        bank: Bank,
        path: Path,
        lock: bool = False,
        take_over: bool = False,
        read_only: bool = False,
    ) -> Session:
        session_lock = Lock(path)
        if lock and not read_only:
            session_lock.acquire(take_over)
        try:
            loaded = load_result(path, bank)
        except InputError:
            session_lock.release()
            raise
        session = cls(bank, path, loaded.result, loaded.warnings, read_only=read_only)
        if session_lock.held:
            session.lock = session_lock
            _remove_leftovers(path)
        return session

    def take_lock(self, take_over: bool = False) -> None:
        self.lock = Lock(self.path)
        self.lock.acquire(take_over)
        _remove_leftovers(self.path)

    @property
    def respondent_id(self) -> str | None:
        """The respondent's part of an individual result's file name (see `path_for`)."""
        head, marker, tail = self.path.stem.partition(INDIVIDUAL)
        return tail if marker else None

    @property
    def empty_individual(self) -> bool:
        """One respondent's result without a single answer or note: not worth keeping."""
        result = self.result
        return result.meta.mode == "individual" and not result.answers and not result.notes

    def close(self) -> None:
        """Let go of the lock (the answers are already saved). An individual's result with
        nothing in it is removed, so that it never counts as a respondent in a merge."""
        if self.empty_individual and not self.read_only and self.lock is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
        if self.lock is not None:
            self.lock.release()

    # ── answers ───────────────────────────────────────────────────────────────────────

    def answer(self, question: Question, value: Any) -> None:
        """Set (or, with None, clear) an answer, and save."""
        self._writable()
        refuse_unkept(self.path, value)
        if value is None or value == []:
            self.result.answers.pop(question.id, None)
        else:
            problem = self.bank.answer_problem(question, value)
            if problem:
                raise ValueError(problem)
            self.result.answers[question.id] = value
        self.save()

    def note(self, question: Question, text: str) -> None:
        self._writable()
        refuse_unkept(self.path, text)
        if text.strip():
            self.result.notes[question.id] = text
        else:
            self.result.notes.pop(question.id, None)
        self.save()

    def _writable(self) -> None:
        if self.read_only:
            raise InputError.single(self.path, Said("file.read_only"))

    def save(self) -> None:
        """Write the result atomically, answers in bank order; on failure keep it in memory."""
        self._writable()
        self.result.meta.updated = now_utc()
        self.result = self.result.in_bank_order(self.bank)
        now = _stamp(self.path)
        if self._stamp is not None and now is not None and now != self._stamp:
            self.conflict = True
            self.unsaved = Said("file.changed_elsewhere")
            with contextlib.suppress(InputError):  # said below: not overwritten, and where
                self.rescue()
            if self.rescued:
                raise InputError.single(self.path, Said("file.conflict_kept", path=self.rescued))
            raise InputError.single(self.path, Said("file.conflict"))
        try:
            self.result.save(self.path)
        except InputError as exc:
            self.unsaved = exc.problems[0].said or exc.problems[0].message
            raise
        self._stamp = _stamp(self.path)
        self.unsaved = None

    def rescue(self) -> Path:
        """Save the answers that cannot go into the result file in a copy of their own
        (store/rescue.py); later calls update the same copy. InputError when it cannot be
        written."""
        self.rescued = rescue_copy(self.path, self.result.to_toml(), self.rescued)
        return self.rescued

    def save_copy(self, target: str | Path) -> Path:
        """Write the answers to another file (when the results folder cannot be written)."""
        try:
            target = Path(target).expanduser()
            target = target / self.path.name if target.is_dir() else target
        except (OSError, RuntimeError) as exc:  # a folder not to be looked into, ~nobody
            raise InputError.single(target, Said("file.not_written", reason=exc)) from None
        return self.result.save(target)

    # ── where we are ──────────────────────────────────────────────────────────────────

    def asked(self) -> list[Question]:
        """The questions that apply, given the answers so far, in bank order."""
        return self.bank.asked(self.result.answers)

    def unanswered(self) -> list[Question]:
        return [q for q in self.asked() if q.id not in self.result.answers]

    def first_unanswered(self) -> Question:
        """Where to resume: the first question that applies and has no answer (else the last)."""
        missing = self.unanswered()
        return missing[0] if missing else self.asked()[-1]

    def neighbour(self, question: Question, step: int) -> Question | None:
        """The next (step 1) or previous (step -1) question that applies."""
        order = [q.id for q in self.bank.questions]
        asked = {q.id for q in self.asked()}
        index = order.index(question.id) + step
        while 0 <= index < len(order):
            if order[index] in asked:
                return self.bank.question(order[index])
            index += step
        return None

    def place(self, question: Question) -> tuple[int, int, int, int]:
        """(number in section, questions in section, number overall, questions overall)."""
        asked = self.asked()
        if question not in asked:
            asked = [q for q in self.bank.questions if q in asked or q is question]
        section = [q for q in asked if q.section_id == question.section_id]
        return section.index(question) + 1, len(section), asked.index(question) + 1, len(asked)

    # ── finishing ─────────────────────────────────────────────────────────────────────

    def finish(self) -> None:
        """Mark the result complete and save it (the faces then write its report)."""
        self.result.meta.status = "complete"
        self.save()
