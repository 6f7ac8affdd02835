"""The rules of scoring.toml as models: coverage, success factors, the index, disagreement."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from innoscan.content.base import Strict, Text

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
