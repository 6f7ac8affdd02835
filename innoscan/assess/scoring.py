"""Scores from answers: 0-100 per section with coverage, the success factors, the index.

The rules (coverage threshold, success factors and their thresholds, the index) are data in
the bank's scoring.toml; this module only computes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from innoscan.content.scoring_rules import FactorStatus, IndexRule, SuccessFactor

if TYPE_CHECKING:
    from innoscan.content.bank import Bank, Question, Section

@dataclass(frozen=True)
class SectionScore:
    section: str
    score: float | None
    answered: int
    total: int

    @property
    def coverage(self) -> float:
        return self.answered / self.total if self.total else 0.0


@dataclass(frozen=True)
class FactorResult:
    id: str
    section: str
    status: FactorStatus | None
    score: float | None


@dataclass(frozen=True)
class Scores:
    sections: dict[str, SectionScore]
    factors: list[FactorResult]
    index: float | None


def question_score(bank: Bank, question: Question, value: Any) -> float | None:
    """A single answer as 0-100, or None where it does not count (don't know, unscored)."""
    return question.points(value, bank.scales)


def score(bank: Bank, answers: Mapping[str, Any]) -> Scores:
    """Every score, from the answers that count (conditions applied)."""
    return score_effective(bank, bank.effective_answers(answers))


def score_effective(bank: Bank, effective: Mapping[str, Any]) -> Scores:
    """Every score, from answers that went through their conditions already."""
    sections = {s.id: _section_score(bank, s, effective) for s in bank.sections}
    rules = bank.scoring
    factors = [_factor(f, sections.get(f.section)) for f in rules.success_factors]
    return Scores(sections, factors, _index(rules.index, sections))


def _section_score(bank: Bank, section: Section, effective) -> SectionScore:
    values: list[float] = []
    total = 0
    for q in section.questions:
        if not q.is_scored:
            continue
        if q.id in effective:  # its condition held when its answer was taken in
            total += 1
            value = question_score(bank, q, effective[q.id])
            if value is not None:
                values.append(value)
        elif bank.applies_with(q, effective):
            total += 1
    enough = total > 0 and len(values) / total >= bank.scoring.min_coverage
    mean = round(sum(values) / len(values), 1) if enough else None
    return SectionScore(section.id, mean, len(values), total)


def _factor(factor: SuccessFactor, section: SectionScore | None) -> FactorResult:
    value = section.score if section else None
    if value is None:
        status = None
    elif value >= factor.present_at:
        status = "present"
    elif value >= factor.partly_at:
        status = "partly"
    else:
        status = "absent"
    return FactorResult(factor.id, factor.section, status, value)


def _index(rule: IndexRule | None, sections: dict[str, SectionScore]) -> float | None:
    ids = rule.sections if rule else list(sections)
    needed = rule.min_sections if rule else len(ids)
    values = [sections[s].score for s in ids if s in sections and sections[s].score is not None]
    if not values or len(values) < needed:
        return None
    return round(sum(values) / len(values), 1)
