"""Scores from answers: 0-100 per section with coverage, the success factors, the index.

The rules (coverage threshold, success factors and their thresholds, the index) are data in
the bank's scoring.toml; this module only computes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, model_validator

from innoscan.base import Strict, Text

if TYPE_CHECKING:
    from innoscan.bank import Bank, Question

FactorStatus = Literal["present", "partly", "absent"]


class SuccessFactor(Strict):
    """A success factor read from one section's score."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    section: str
    title: Text
    present_at: float = Field(ge=0, le=100)
    partly_at: float = Field(ge=0, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> SuccessFactor:
        if self.partly_at > self.present_at:
            raise ValueError(
                f"partly_at ({self.partly_at:g}) must not be above present_at ({self.present_at:g})"
            )
        return self


class IndexRule(Strict):
    """The overall index: the mean of these sections' scores, if enough of them have one."""

    title: Text
    sections: list[str] = Field(min_length=1)
    min_sections: int = Field(ge=1)


class DisagreementRule(Strict):
    """When individual answers count as a disagreement the team should discuss."""

    scale_span: float = Field(default=0.75, gt=0, le=1)
    majority: float = Field(default=0.66, gt=0.5, le=1)


class CompareRule(Strict):
    """When two years' coverage of a section differs too much to compare it plainly."""

    coverage_gap: float = Field(default=0.3, gt=0, le=1)
    moved_questions: int = Field(default=5, ge=0)


class ScoringRules(Strict):
    """The contents of scoring.toml."""

    min_coverage: float = Field(default=0.5, gt=0, le=1)
    index: IndexRule | None = None
    success_factors: list[SuccessFactor] = []
    disagreement: DisagreementRule = DisagreementRule()
    compare: CompareRule = CompareRule()


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
    if value == "dont_know" or not question.is_scored:
        return None
    if question.kind == "likert":
        scale = bank.scale_of(question)
        share = (value - scale.min) / (scale.max - scale.min)
        return 100 * (1 - share if question.reverse else share)
    if question.kind == "yes_no":
        return 100.0 if value == "yes" else 0.0
    if question.kind == "single_choice":
        option = question.option(value)
        return option.score if option is not None else None
    if question.kind == "multiple_choice":
        points = [question.option(v).score or 0 for v in value if question.option(v)]
        return float(min(100, sum(points)))
    return None


def score(bank: Bank, answers: Mapping[str, Any]) -> Scores:
    """Every score, from the answers that count (conditions applied)."""
    effective = bank.effective_answers(answers)
    sections = {s.id: _section_score(bank, s.id, answers, effective) for s in bank.sections}
    rules = bank.scoring
    factors = [_factor(f, sections.get(f.section)) for f in rules.success_factors]
    return Scores(sections, factors, _index(rules.index, sections))


def _section_score(bank: Bank, section_id: str, answers, effective) -> SectionScore:
    section = bank.section(section_id)
    values: list[float] = []
    total = 0
    for q in section.questions:
        if not q.is_scored or not bank.applies_with(q, effective):
            continue
        total += 1
        if q.id in effective:
            value = question_score(bank, q, effective[q.id])
            if value is not None:
                values.append(value)
    enough = total > 0 and len(values) / total >= bank.scoring.min_coverage
    mean = round(sum(values) / len(values), 1) if enough else None
    return SectionScore(section_id, mean, len(values), total)


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
