"""Scores from answers: 0-100 per section with coverage, the success factors, the index.

The rules (coverage threshold, success factors with their defining answers and thresholds,
the index) are data in the bank's scoring.toml; this module only computes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from innoscan.content.kinds import DONT_KNOW, NOT_APPLICABLE
from innoscan.content.scoring_rules import STATUS_ORDER, FactorStatus, IndexRule, SuccessFactor

if TYPE_CHECKING:
    from innoscan.content.bank import Bank, Question, Section


@dataclass(frozen=True)
class SectionScore:
    """A section's mean, from `answered` of its `total` scored questions that apply. A "don't
    know" that counts as an answer (dont_know_counts_as) is among `answered`; "does not apply"
    answers are left out of `total`."""

    section: str
    score: float | None
    answered: int
    total: int
    dont_know: int = 0
    not_applicable: int = 0

    @property
    def coverage(self) -> float:
        return self.answered / self.total if self.total else 0.0


@dataclass(frozen=True)
class FactorResult:
    """A success factor's status, its section's score, the answers that decided it
    (question id, answer or None), whether its defining answers are missing, and whether
    that held the status down."""

    id: str
    section: str
    status: FactorStatus | None
    score: float | None
    decided_by: list[tuple[str, Any]] = field(default_factory=list)
    missing: bool = False
    held_down: bool = False


@dataclass(frozen=True)
class Scores:
    sections: dict[str, SectionScore]
    factors: list[FactorResult]
    index: float | None


def question_score(bank: Bank, question: Question, value: Any) -> float | None:
    """A single answer as 0-100, or None where it does not count (don't know, unscored)."""
    return bank.points(question, value)


def score(bank: Bank, answers: Mapping[str, Any], leave_out: Collection[str] = ()) -> Scores:
    """Every score, from the answers that count (conditions applied); the questions in
    `leave_out` count in no section (a comparison of years leaves out changed questions)."""
    return score_effective(bank, bank.effective_answers(answers), leave_out)


def score_effective(
    bank: Bank,
    effective: Mapping[str, Any],
    leave_out: Collection[str] = (),
    counted: Mapping[str, Any] | None = None,
) -> Scores:
    """Every score, from answers that went through their conditions already (`counted`:
    those of them that count, Bank.counting, where the caller has them)."""
    sections = {s.id: _section_score(bank, s, effective, leave_out) for s in bank.sections}
    rules = bank.scoring
    real = bank.counting(effective) if counted is None else counted
    factors = [_factor(f, sections.get(f.section), real) for f in rules.success_factors]
    return Scores(sections, factors, _index(rules.index, sections))


def _section_score(
    bank: Bank, section: Section, effective: Mapping[str, Any], leave_out: Collection[str] = ()
) -> SectionScore:
    values: list[float] = []
    total = dont_know = not_applicable = 0
    points = bank.points
    for q in section.scored:
        if q.id in effective:  # an answer that counts was asked (Bank.asked_with)
            value = effective[q.id]
        elif q.when is None or q.when.holds(effective):
            value = None
        else:
            continue
        if q.id in leave_out:
            continue
        if value == NOT_APPLICABLE:
            not_applicable += 1
            continue
        total += 1
        if value is None:
            continue
        dont_know += value == DONT_KNOW
        score = points(q, value)
        if score is not None:
            values.append(score)
    enough = total > 0 and len(values) / total >= bank.scoring.min_coverage
    mean = round(sum(values) / len(values), 1) if enough else None
    return SectionScore(section.id, mean, len(values), total, dont_know, not_applicable)


def _factor(
    factor: SuccessFactor, section: SectionScore | None, answers: Mapping[str, Any]
) -> FactorResult:
    """The status from the section's score, no higher than `without` when the defining
    answers (`requires`) are missing."""
    value = section.score if section else None
    if value is None:
        status = None
    elif value >= factor.present_at:
        status = "present"
    elif value >= factor.partly_at:
        status = "partly"
    else:
        status = "absent"
    if factor.requires is None:
        return FactorResult(factor.id, factor.section, status, value)
    missing = not factor.requires.holds(answers)
    held_down = (
        missing and status is not None and STATUS_ORDER[status] > STATUS_ORDER[factor.without]
    )
    decided = dict.fromkeys(leaf.question for leaf in factor.requires.deciding(answers))
    return FactorResult(
        factor.id,
        factor.section,
        factor.without if held_down else status,
        value,
        [(qid, answers.get(qid)) for qid in decided],
        missing,
        held_down,
    )


def _index(rule: IndexRule | None, sections: dict[str, SectionScore]) -> float | None:
    ids = rule.sections if rule else list(sections)
    needed = rule.min_sections if rule else len(ids)
    values = [sections[s].score for s in ids if s in sections and sections[s].score is not None]
    if not values or len(values) < needed:
        return None
    return round(sum(values) / len(values), 1)
