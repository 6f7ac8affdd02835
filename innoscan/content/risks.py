"""Last-mile risk rules as data: when they fire, their severity, advice and failure pattern."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from innoscan.content.base import Strict, Text
from innoscan.content.conditions import Condition

Severity = Literal["high", "medium", "low"]
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


class Pattern(Strict):
    """A failure pattern of the Instituut voor Briljante Mislukkingen, under its Dutch name."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    meaning: Text
    source: str = Field(min_length=1)


class RiskRule(Strict):
    """When these answers are given, this risk is flagged, with this advice."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    severity: Severity
    title: Text
    advice: Text
    pattern: str | None = None
    when: Condition


class RiskFile(Strict):
    """The contents of risks.toml. `own_words` names a question whose answer (the team's
    biggest obstacle, in its own words) the risks are shown with."""

    own_words: str | None = None
    patterns: list[Pattern] = []
    rules: list[RiskRule] = []
