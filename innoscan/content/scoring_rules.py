"""The rules of scoring.toml as models: coverage, success factors, the index, disagreement,
and innoscan's conventions with their reasons."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from innoscan.content.base import Strict, Text
from innoscan.content.conditions import Condition

FactorStatus = Literal["present", "partly", "absent"]
STATUS_ORDER: dict[str | None, int] = {"absent": 0, "partly": 1, "present": 2}


class SuccessFactor(Strict):
    """A success factor: defined by the answers of `requires` (without them, at most
    `without`), then read from one section's score. `names` gives each question of `requires`
    a short name, to show the answers that decided the status."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    section: str
    title: Text
    present_at: float = Field(ge=0, le=100)
    partly_at: float = Field(ge=0, le=100)
    requires: Condition | None = None
    without: Literal["partly", "absent"] = "partly"
    names: dict[str, Text] = {}

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


class Convention(Strict):
    """One of innoscan's own conventions (cut-offs, points, severities) and why."""

    about: Text
    why: Text


class ScoringRules(Strict):
    """The contents of scoring.toml."""

    min_coverage: float = Field(default=0.5, gt=0, le=1)
    index: IndexRule | None = None
    success_factors: list[SuccessFactor] = []
    conventions: list[Convention] = []
    disagreement: DisagreementRule = DisagreementRule()
    compare: CompareRule = CompareRule()
