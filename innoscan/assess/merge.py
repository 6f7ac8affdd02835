"""Individual answers -> a team profile: the team's answer per question, the spread, and
the disagreements the team should discuss first. The profile is itself a result file."""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from innoscan.content.bank import DONT_KNOW, NOT_APPLICABLE, NOT_REAL, Bank, Question
from innoscan.content.problems import InputError
from innoscan.locales import Said
from innoscan.store.names import team_key
from innoscan.store.result import (
    LoadedResult,
    MergeInfo,
    QuestionSpread,
    Result,
    load_result,
    now_utc,
)


@dataclass
class Merged:
    """The team profile and what the person merging should be told."""

    result: Result
    warnings: list[Said] = field(default_factory=list)  # said in the reader's language


def differences(loaded: list[LoadedResult]) -> list[Said]:
    """What differs between results that should be one team's answers for one year."""
    found = []
    for said, key in (
        ("merge.differ_versions", lambda r: r.meta.bank_version),
        ("merge.differ_years", lambda r: str(r.meta.year)),
        ("merge.differ_teams", lambda r: team_key(r.meta.team)),
    ):
        values = sorted({key(item.result) for item in loaded})
        if len(values) > 1:
            found.append(Said(said, values=", ".join(values)))
    return found


def merge(
    bank: Bank, loaded: list[LoadedResult], force: bool = False, names: bool = False
) -> Merged:
    """Merge respondents' results; refused when they differ, unless `force`."""
    if not loaded:
        raise InputError.single("merge", "needs at least one result file")
    loaded, twice = _each_once(loaded)
    differ = differences(loaded)
    if differ and not force:
        raise InputError.single(
            loaded[0].path,
            f"cannot merge: {'; '.join(map(str, differ))} (use --force to merge anyway)",
        )
    rule = bank.scoring.disagreement
    effective = [bank.effective_answers(item.result.answers) for item in loaded]
    answers: dict[str, Any] = {}
    spreads: dict[str, QuestionSpread] = {}
    disagreements: list[str] = []
    for q in bank.questions:
        values = [answers_of[q.id] for answers_of in effective if q.id in answers_of]
        if not values:
            continue
        team, spread, disagree = _team_answer(bank, q, values, rule)
        spreads[q.id] = spread
        if team is not None:
            answers[q.id] = team
        if disagree:
            disagreements.append(q.id)
    first = loaded[0].result.meta
    respondent_names = [
        item.result.meta.respondent for item in loaded if item.result.meta.respondent
    ]
    complete = all(item.result.meta.status == "complete" for item in loaded)
    org_types = {item.result.meta.org_type for item in loaded} - {None}
    now = now_utc()
    profile = Result.new(
        bank,
        first.team,
        first.year,
        first.language,
        organisation=first.organisation,
        org_type=org_types.pop() if len(org_types) == 1 else None,
        respondents=len(loaded),
        status="complete" if complete else "in-progress",
    )
    profile.meta.created = profile.meta.updated = now
    profile.answers = answers
    profile.notes = _notes(bank, [item.result.notes for item in loaded])
    profile.merge = MergeInfo(
        respondents=len(loaded),
        names=respondent_names if names else [],
        disagreements=disagreements,
        questions=spreads,
    )
    return Merged(profile, twice + [Said("merge.forced", difference=d) for d in differ])


def _each_once(loaded: list[LoadedResult]) -> tuple[list[LoadedResult], list[Said]]:
    """Each respondent counted once: a file given twice (the same file, a link to it, or a
    copy: the same result) is merged once, and said."""
    kept: list[LoadedResult] = []
    said = []
    for item in loaded:
        first = next((k for k in kept if _same_respondent(k, item)), None)
        if first is None:
            kept.append(item)
        else:
            said.append(Said("merge.twice", file=str(item.path), first=str(first.path)))
    return kept, said


def _same_respondent(a: LoadedResult, b: LoadedResult) -> bool:
    with contextlib.suppress(OSError):
        if os.path.samefile(a.path, b.path):
            return True
    return a.result == b.result


def merged_before(bank: Bank, path: Path, profile: Result) -> Result | None:
    """The team profile at `path` when merge made it before for the same team and year (merged
    again after late respondents: its actions are to be kept), else None."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        earlier = load_result(path, bank).result
    except InputError:
        return None
    same = (earlier.meta.year, team_key(earlier.meta.team)) == (
        profile.meta.year,
        team_key(profile.meta.team),
    )
    return earlier if same and earlier.merge is not None and earlier.meta.mode == "team" else None


def _team_answer(
    bank: Bank, q: Question, values: list[Any], rule
) -> tuple[Any, QuestionSpread, bool]:
    """(the team's answer or None, the spread, whether this is a disagreement). Where some
    say the question does not apply and others answer it, the team settles which it is."""
    real = [v for v in values if v not in NOT_REAL]
    spread = QuestionSpread(n=len(values), answers=q.tally(values))
    if not real:
        said = Counter(values)
        team = NOT_APPLICABLE if said[NOT_APPLICABLE] > said[DONT_KNOW] else DONT_KNOW
        return (team if q.answer_problem(team) is None else None), spread, False
    team = q.team_answer(real, bank.scales, rule)
    spread.spread, spread.shares = team.spread, team.shares
    return team.value, spread, team.disagree or NOT_APPLICABLE in values


def to_settle(result: Result) -> set[str]:
    """The questions of a team profile still to settle: disagreements the team has not
    settled, and questions the merge left open (no majority). None for other results."""
    merge = result.merge
    if merge is None:
        return set()
    left_open = {qid for qid in merge.questions if qid not in result.answers}
    return (set(merge.disagreements) | left_open) - set(merge.settled)


def _notes(bank: Bank, notes: list[dict[str, str]]) -> dict[str, str]:
    """Every respondent's note on a question, without their names."""
    merged = {}
    for q in bank.questions:
        texts = [n[q.id].strip() for n in notes if n.get(q.id, "").strip()]
        if texts:
            merged[q.id] = "\n".join(f"- {t}" for t in dict.fromkeys(texts))
    return merged
