"""Year over year: section scores and their change, success factors, flags that are new,
resolved or persisting, the answers that moved most, and last year's actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from innoscan.assess.flags import flags
from innoscan.assess.scoring import Scores, question_score, score
from innoscan.content.bank import DONT_KNOW, Bank
from innoscan.content.changes import Change, version_key
from innoscan.content.problems import InputError
from innoscan.store.result import Action, LoadedResult


@dataclass(frozen=True)
class Year:
    """One result in the comparison, with everything recomputed from its answers."""

    loaded: LoadedResult
    scores: Scores
    flag_ids: list[str]
    effective: dict[str, Any]

    @property
    def year(self) -> int:
        return self.loaded.result.meta.year


@dataclass(frozen=True)
class SectionChange:
    section: str
    scores: list[float | None]
    change: float | None
    coverage_differs: bool


@dataclass(frozen=True)
class Moved:
    question: str
    before: Any
    after: Any
    delta: float


@dataclass(frozen=True)
class FollowUp:
    """An action of an earlier year, with what happened since to what it was meant to move."""

    year: int
    action: Action
    questions: list[str]
    changed: list[tuple[str, Any, Any]]
    section_change: float | None


@dataclass(frozen=True)
class YearComparison:
    bank: Bank
    years: list[Year]
    sections: list[SectionChange]
    factors: dict[str, list[str | None]]
    new: list[str]
    resolved: list[str]
    persisting: list[str]
    moved: list[Moved]
    only_some: dict[str, list[int]]
    unknown: dict[int, list[str]]
    follow_ups: list[FollowUp]
    changes: list[Change]  # meanings that changed between the years' bank versions
    versions: tuple[str, str]  # the oldest and newest bank version among the years

    @property
    def changed(self) -> set[str]:
        """The questions left out of the comparison because their meaning changed."""
        return {q for c in self.changes for q in c.questions}


def compare_results(bank: Bank, loaded: list[LoadedResult]) -> YearComparison:
    """Compare two or more results, in year order (the bank ids are checked on loading)."""
    if len(loaded) < 2:
        raise InputError.single("compare", "needs at least two result files")
    ordered = sorted(loaded, key=lambda item: (item.result.meta.year, str(item.path)))
    versions = sorted({item.result.meta.bank_version for item in ordered}, key=version_key)
    changes = bank.changed_between(*versions)
    changed = {q for c in changes for q in c.questions}
    years = [
        Year(
            item,
            score(bank, item.result.answers, leave_out=changed),
            [f.rule.id for f in flags(bank, item.result.answers)],
            {
                q: v
                for q, v in bank.effective_answers(item.result.answers).items()
                if q not in changed
            },
        )
        for item in ordered
    ]
    previous, last = years[-2], years[-1]
    return YearComparison(
        bank=bank,
        years=years,
        sections=[_section(bank, s.id, years) for s in bank.sections],
        factors={
            f.id: [next(x.status for x in y.scores.factors if x.id == f.id) for y in years]
            for f in bank.scoring.success_factors
        },
        new=[f for f in last.flag_ids if f not in previous.flag_ids],
        resolved=[f for f in previous.flag_ids if f not in last.flag_ids],
        persisting=[f for f in last.flag_ids if f in previous.flag_ids],
        moved=_moved(bank, years[0], last),
        only_some=_only_some(bank, years),
        unknown={y.year: list(y.loaded.unknown) for y in years if y.loaded.unknown},
        follow_ups=[f for y in years[:-1] for f in _follow_ups(bank, y, last)],
        changes=changes,
        versions=(versions[0], versions[-1]),
    )


def _section(bank: Bank, section_id: str, years: list[Year]) -> SectionChange:
    per_year = [y.scores.sections[section_id] for y in years]
    values = [s.score for s in per_year]
    first, last = values[0], values[-1]
    change = None if first is None or last is None else round(last - first, 1)
    coverages = [s.coverage for s in per_year if s.total]
    gap = bank.scoring.compare.coverage_gap
    differs = bool(coverages) and max(coverages) - min(coverages) > gap
    return SectionChange(section_id, values, change, differs)


def _moved(bank: Bank, first: Year, last: Year) -> list[Moved]:
    """Scored answers given in both years (not "don't know"), by how far they moved."""
    moved = []
    for q in bank.questions:
        before, after = first.effective.get(q.id), last.effective.get(q.id)
        if before is None or after is None or DONT_KNOW in (before, after):
            continue
        old, new = question_score(bank, q, before), question_score(bank, q, after)
        if old is not None and new is not None and old != new:
            moved.append(Moved(q.id, before, after, round(new - old, 1)))
    moved.sort(key=lambda m: -abs(m.delta))
    return moved[: bank.scoring.compare.moved_questions]


def _only_some(bank: Bank, years: list[Year]) -> dict[str, list[int]]:
    """Questions answered in some of the years only: left out of the change, never matched."""
    found = {}
    for q in bank.questions:
        answered = [y.year for y in years if q.id in y.effective]
        if answered and len(answered) < len(years):
            found[q.id] = answered
    return found


def _follow_ups(bank: Bank, earlier: Year, last: Year) -> list[FollowUp]:
    out = []
    for action in earlier.loaded.result.actions:
        kind, target = action.target.split(":", 1)
        section_change = None
        if kind == "flag":
            rule = next((r for r in bank.rules if r.id == target), None)
            questions = (
                list(dict.fromkeys(leaf.question for _, leaf in rule.when.leaves())) if rule else []
            )
        else:
            section = bank.section(target)
            questions = [q.id for q in section.questions] if section else []
            before = earlier.scores.sections.get(target)
            after = last.scores.sections.get(target)
            if before and after and before.score is not None and after.score is not None:
                section_change = round(after.score - before.score, 1)
        changed = [
            (qid, earlier.effective.get(qid), last.effective.get(qid))
            for qid in questions
            if earlier.effective.get(qid) != last.effective.get(qid)
        ]
        out.append(FollowUp(earlier.year, action, questions, changed, section_change))
    return out
