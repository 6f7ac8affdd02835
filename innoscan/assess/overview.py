"""Many teams, one organisation: per year, each team's index, success factors and risk flags,
and across the teams how many have each factor, which risks they share, the spread of the
section scores and how many put an innovation into use; what moved since the year before.

The charts of an overview are drawn from the pictures' `factors`, `risks` and `sections`
(with `index`): plain counts and spreads, see `Picture`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from innoscan.assess.flags import fired
from innoscan.assess.readings import reading
from innoscan.assess.scoring import Scores, score_effective
from innoscan.assess.team_files import Skipped, TeamFiles, identity, read_team_files
from innoscan.content.bank import Bank
from innoscan.content.figures import Indicator
from innoscan.content.lists import LISTED
from innoscan.content.problems import InputError, Problem
from innoscan.content.risks import SEVERITY_ORDER, RiskRule
from innoscan.store.names import team_key

STATUSES = ("present", "partly", "absent", None)  # None: no score (too few answers)
# A share of teams is set beside published shares of organisations or workplaces only (not
# beside shares of innovations, which count another thing).
COMPARABLE_UNITS = ("organisations", "workplaces")


@dataclass(frozen=True)
class TeamYear:
    """One team's result of one year, with what the overview shows of it (never answers)."""

    key: str  # the team's identity across years and files: its organisation and name
    team: str
    organisation: str
    year: int
    path: Path  # relative to the folder
    scores: Scores
    flags: list[RiskRule]  # the risks flagged, most severe first
    readings: dict[str, bool | None]  # indicator id -> the team's value

    @property
    def most_severe(self) -> RiskRule | None:
        return self.flags[0] if self.flags else None


@dataclass(frozen=True)
class Spread:
    """Scores across teams: the median, the middle half (q1-q3) and the range, never a mean
    (it hides the weak teams); `missing` teams have no score."""

    teams: int
    missing: int
    median: float | None = None
    q1: float | None = None
    q3: float | None = None
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Innovated:
    """How many teams answer an indicator yes, no, or not at all, beside its figures."""

    indicator: Indicator
    yes: int
    no: int
    unknown: int

    @property
    def share(self) -> float | None:
        """The share of the teams that answered, in %."""
        answered = self.yes + self.no
        return round(100 * self.yes / answered, 1) if answered else None


@dataclass(frozen=True)
class Picture:
    """The organisation in one year. Chart data: `factors` (factor id -> status -> teams),
    `risks` ((rule, teams), most common first, rules no team runs included at the end) and
    `sections` (section id -> Spread, with `index` beside)."""

    year: int
    teams: list[TeamYear]
    factors: dict[str, dict[str | None, int]]
    risks: list[tuple[RiskRule, int]]
    sections: dict[str, Spread]
    index: Spread
    innovated: list[Innovated]


@dataclass(frozen=True)
class Moved:
    """From one year to the next: changes of shares in percentage points, of medians in
    points; the teams that took part in one of the two years only (their keys)."""

    since: int
    factors: dict[str, dict[str | None, float]]
    risks: dict[str, float]
    sections: dict[str, float | None]
    index: float | None
    innovated: dict[str, float | None]
    only_before: list[str]
    only_now: list[str]


@dataclass(frozen=True)
class Overview:
    """Every year up to `year` that the folder holds (`pictures`, oldest first), the files
    left out, and the teams' names as shown (`labels`: letters when anonymised)."""

    bank: Bank
    files: TeamFiles
    pictures: list[Picture]
    labels: dict[str, str]
    anonymised: bool
    later: list[int]  # years after `year` in the folder, not shown

    @property
    def year(self) -> int:
        return self.current.year

    @property
    def current(self) -> Picture:
        return self.pictures[-1]

    @property
    def previous(self) -> Picture | None:
        return self.pictures[-2] if len(self.pictures) > 1 else None

    @property
    def skipped(self) -> list[Skipped]:
        return self.files.skipped

    def organisation(self) -> str:
        """The organisation all teams name (the same, in any case: as most teams write it),
        else ''."""
        written = Counter(t.organisation for p in self.pictures for t in p.teams)
        if len({team_key(name) for name in written}) != 1:
            return ""
        return written.most_common(1)[0][0]

    def index_change(self, team: TeamYear) -> float | None:
        """The team's index now minus in the year before, where both exist."""
        before = self.previous and next(
            (t for t in self.previous.teams if t.key == team.key), None
        )
        if not before or before.scores.index is None or team.scores.index is None:
            return None
        return round(team.scores.index - before.scores.index, 1)

    def moved(self) -> Moved | None:
        before, now = self.previous, self.current
        if before is None:
            return None
        keys_before, keys_now = {t.key for t in before.teams}, {t.key for t in now.teams}
        then_risks = {rule.id: n for rule, n in before.risks}
        return Moved(
            since=before.year,
            factors={
                fid: {s: _points(now, counts[s], before, before.factors[fid][s]) for s in counts}
                for fid, counts in now.factors.items()
            },
            risks={r.id: _points(now, n, before, then_risks.get(r.id, 0)) for r, n in now.risks},
            sections={
                sid: _minus(s.median, before.sections[sid].median)
                for sid, s in now.sections.items()
            },
            index=_minus(now.index.median, before.index.median),
            innovated={
                i.indicator.id: _minus(i.share, j.share)
                for i, j in zip(now.innovated, before.innovated, strict=True)
            },
            only_before=self._by_label(keys_before - keys_now),
            only_now=self._by_label(keys_now - keys_before),
        )

    def _by_label(self, keys: set[str]) -> list[str]:
        return sorted(keys, key=lambda k: sort_key(self.labels[k], self.anonymised))


def build_overview(
    bank: Bank,
    folder: str | Path,
    year: int | None = None,
    anonymise: bool = False,
    secret: bytes | None = None,
) -> Overview:
    """The overview of every team result under `folder`, for `year` (the latest by default)
    and the years before it. InputError when there is no usable team result (for `year`).

    Anonymised, teams are lettered in the order of a keyed hash of their name, with a key
    drawn for this overview (`secret`, for tests): nothing of the names or their order can be
    read from the letters, and a team keeps its letter in every year of the overview."""
    files = read_team_files(bank, folder)
    compared = _compared(bank)
    by_year: dict[int, list[TeamYear]] = {}
    for loaded in files.results:
        team = _team_year(bank, loaded, files.folder, compared)
        by_year.setdefault(team.year, []).append(team)
    if not by_year:
        unusable = [s for s in files.skipped if s.reason == "problem"][:LISTED]
        raise InputError(
            [Problem(str(files.folder), "", _nothing_usable(files))]
            + [Problem(str(files.folder / s.path), "", s.detail) for s in unusable]
        )
    chosen = max(by_year) if year is None else year
    if chosen not in by_year:
        found = ", ".join(map(str, sorted(by_year)))
        raise InputError.single(
            files.folder, f"no usable team result of {chosen} (years with results: {found})"
        )
    shown = {y: teams for y, teams in sorted(by_year.items()) if y <= chosen}
    teams = [t for y in sorted(shown) for t in shown[y]]
    names = {t.key: t.team for t in teams}  # as written last
    if len({team_key(t.organisation) for t in teams}) > 1:  # "Team Data" in two organisations
        names = {t.key: f"{t.team} ({t.organisation})" if t.organisation else t.team for t in teams}
    labels = _letters(names, secret or secrets.token_bytes(16)) if anonymise else names
    pictures = [
        _picture(bank, y, sorted(teams, key=lambda t: sort_key(labels[t.key], anonymise)))
        for y, teams in shown.items()
    ]
    later = sorted(y for y in by_year if y > chosen)
    return Overview(bank, files, pictures, labels, anonymise, later)


def _nothing_usable(files: TeamFiles) -> str:
    left = [f"{len(files.skipped)} file(s) left out"] if files.skipped else []
    if files.individual:
        left.append(f"{files.individual} individual answer file(s) not read")
    return "no usable team result in it or its subfolders" + (
        f" ({'; '.join(left)})" if left else ""
    )


def _team_year(bank: Bank, loaded, folder: Path, compared: list[Indicator]) -> TeamYear:
    result = loaded.result
    effective = bank.effective_answers(result.answers)
    counted = bank.counting(effective)
    return TeamYear(
        key=identity(result.meta.team, result.meta.organisation),
        team=result.meta.team,
        organisation=result.meta.organisation,
        year=result.meta.year,
        path=loaded.path.relative_to(folder),
        scores=score_effective(bank, effective, counted=counted),
        flags=[flag.rule for flag in fired(bank, counted)],
        readings={i.id: reading(bank, i, effective).team for i in compared},
    )


def _compared(bank: Bank) -> list[Indicator]:
    """The indicators with a figure that a share of teams compares with."""
    return [
        i for i in bank.indicators if any(f.unit in COMPARABLE_UNITS for f in i.figures)
    ]


def _picture(bank: Bank, year: int, teams: list[TeamYear]) -> Picture:
    factors = {f.id: dict.fromkeys(STATUSES, 0) for f in bank.scoring.success_factors}
    for team in teams:
        for f in team.scores.factors:
            factors[f.id][f.status] += 1
    counts = {rule.id: 0 for rule in bank.rules}
    for team in teams:
        for rule in team.flags:
            counts[rule.id] += 1
    order = {rule.id: n for n, rule in enumerate(bank.rules)}
    risks = sorted(
        ((rule, counts[rule.id]) for rule in bank.rules),
        key=lambda rn: (-rn[1], SEVERITY_ORDER[rn[0].severity], order[rn[0].id]),
    )
    sections = {
        s.id: spread([t.scores.sections[s.id].score for t in teams]) for s in bank.sections
    }
    innovated = []
    for indicator in _compared(bank):
        values = [t.readings.get(indicator.id) for t in teams]
        innovated.append(
            Innovated(indicator, values.count(True), values.count(False), values.count(None))
        )
    index = spread([t.scores.index for t in teams])
    return Picture(year, teams, factors, risks, sections, index, innovated)


def spread(values: list[float | None]) -> Spread:
    """The median, quartiles and range of the scores that exist."""
    scores = sorted(v for v in values if v is not None)
    missing = len(values) - len(scores)
    if not scores:
        return Spread(0, missing)
    if len(scores) == 1:
        q1 = q3 = scores[0]
    else:
        q1, _, q3 = statistics.quantiles(scores, n=4, method="inclusive")
    return Spread(
        len(scores),
        missing,
        round(statistics.median(scores), 1),
        round(q1, 1),
        round(q3, 1),
        scores[0],
        scores[-1],
    )


def share(n: int, of: int) -> float | None:
    """n of `of` teams, in %."""
    return round(100 * n / of, 1) if of else None


def _points(now: Picture, n: int, before: Picture, m: int) -> float:
    return round(100 * n / len(now.teams) - 100 * m / len(before.teams), 1)


def _minus(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else round(now - before, 1)


def _letters(names: dict[str, str], secret: bytes) -> dict[str, str]:
    """Team key -> 'A', 'B', ..., 'Z', 'AA', ... in the order of a keyed hash of the key."""

    def digest(key: str) -> bytes:
        return hmac.new(secret, key.encode(), hashlib.sha256).digest()

    return {key: letters(n) for n, key in enumerate(sorted(names, key=digest))}


def letters(n: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA', as spreadsheets count columns."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def sort_key(label: str, anonymised: bool) -> tuple:
    """Names in a reader's order, case and accents aside; letters as counted: B before AA."""
    return (len(label), label) if anonymised else (team_key(label), label)
