"""The room's picture of a workshop under way, for the projector while participants answer.

From the individual result files of one team and year: how many joined, how far each section
is, and per question how the answers spread, the questions the team disagrees on most first.
Disagreement is merge's (merge.py, the bank's rule); among questions alike in that, the one
where fewer gave the most common answer comes first. Anonymous: counts only, and nothing of
a question until LEAST people have answered it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from innoscan.assess.merge import merge
from innoscan.content.bank import Bank
from innoscan.content.files import found_in
from innoscan.content.problems import InputError
from innoscan.store.names import INDIVIDUAL, team_key
from innoscan.store.result import LoadedResult, load_result
from innoscan.store.session import ResultsFolder

LEAST = 3  # answers a question needs before its spread is shown


@dataclass
class SectionProgress:
    """One section over everyone who joined: answers given of the questions that apply."""

    section_id: str
    answered: int = 0
    asked: int = 0

    @property
    def share(self) -> float:
        return self.answered / self.asked if self.asked else 0.0


@dataclass
class QuestionView:
    """How one question was answered so far: how many answered, and how often each answer
    was given (merge's tally: an option, a scale point, yes, no, don't know)."""

    question_id: str
    answered: int
    counts: dict[str, int]
    disagree: bool

    @property
    def split(self) -> float:
        """0 when everyone gave the same answer, towards 1 the more they differ."""
        return 1 - max(self.counts.values(), default=0) / self.answered if self.answered else 0


@dataclass
class RoomPicture:
    joined: int = 0
    sections: list[SectionProgress] = field(default_factory=list)
    shown: list[QuestionView] = field(default_factory=list)  # most disagreement first
    waiting: int = 0  # questions answered by someone, but by fewer than LEAST


def room_picture(bank: Bank, loaded: list[LoadedResult]) -> RoomPicture:
    """The picture of these individual results (one team, one year)."""
    sections = {s.id: SectionProgress(s.id) for s in bank.sections}
    for item in loaded:
        answers = item.result.answers
        for q in bank.asked(answers):
            sections[q.section_id].asked += 1
            sections[q.section_id].answered += q.id in answers
    picture = RoomPicture(len(loaded), list(sections.values()))
    if not loaded:
        return picture
    info = merge(bank, loaded, force=True).result.merge
    order = {q.id: index for index, q in enumerate(bank.questions)}
    spreads = [
        QuestionView(qid, spread.n, spread.answers, qid in info.disagreements)
        for qid, spread in info.questions.items()
    ]
    picture.shown = sorted(
        (s for s in spreads if s.answered >= LEAST),
        key=lambda s: (not s.disagree, -s.split, order[s.question_id]),
    )
    picture.waiting = sum(0 < s.answered < LEAST for s in spreads)
    return picture


class RoomReader:
    """The individual result files of one team and year in a folder, read again only when
    they change (the room view asks every few seconds while dozens of people answer)."""

    def __init__(self, bank: Bank, folder: ResultsFolder, team: str, year: int) -> None:
        self.bank, self.folder, self.year = bank, folder, year
        self.team = team_key(team)
        self._read: dict[Path, tuple[tuple[int, ...], LoadedResult | None]] = {}

    def read(self) -> tuple[list[LoadedResult], bool]:
        """(the results, whether anything changed since the last time)."""
        seen: dict[Path, tuple[tuple[int, ...], LoadedResult | None]] = {}
        for path in self._files():
            try:
                info = path.stat()
            except OSError:
                continue
            stamp = (info.st_ino, info.st_mtime_ns, info.st_size)  # a save is a new file
            earlier = self._read.get(path)
            seen[path] = earlier if earlier and earlier[0] == stamp else (stamp, self._load(path))
        changed = _stamps(seen) != _stamps(self._read)
        self._read = seen
        return [loaded for _, loaded in seen.values() if loaded is not None], changed

    def _files(self) -> list[Path]:
        """The individual files of the year that may be read (content/files.py: no link out
        of the folder, no named pipe); none while the folder cannot be listed."""
        try:
            found = found_in(self.folder.path)
        except InputError:
            return []
        pattern = f"*-{self.year}{INDIVIDUAL}*.toml"
        return [
            item.path
            for item in found
            if not item.folder and not item.problem and fnmatchcase(item.path.name, pattern)
        ]

    def _load(self, path: Path) -> LoadedResult | None:
        try:
            loaded = load_result(path, self.bank)
        except InputError:
            return None  # half there, or not a result: not counted
        meta = loaded.result.meta
        ours = meta.mode == "individual" and team_key(meta.team) == self.team
        return loaded if ours and meta.year == self.year else None


def _stamps(read: dict) -> dict:
    return {path: stamp for path, (stamp, _) in read.items()}
