"""Last-mile risk flags: declarative rules over answers, each with its evidence and advice."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from innoscan.base import Strict, Text
from innoscan.conditions import Condition

if TYPE_CHECKING:
    from innoscan.bank import Bank

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
    """The contents of risks.toml."""

    patterns: list[Pattern] = []
    rules: list[RiskRule] = []


@dataclass(frozen=True)
class Flag:
    rule: RiskRule
    evidence: list[tuple[str, Any]]


def flags(bank: Bank, answers: Mapping[str, Any]) -> list[Flag]:
    """The rules that fire on the answers that count, most severe first, with their evidence."""
    effective = bank.effective_answers(answers)
    fired = []
    for rule in bank.rules:
        if rule.when.holds(effective):
            fired.append(Flag(rule, _evidence(rule.when, effective)))
    return sorted(fired, key=lambda f: SEVERITY_ORDER[f.rule.severity])


def _evidence(condition: Condition, answers: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The answers that raised the flag: the tests that hold, else every answered one."""
    leaves = [leaf for _, leaf in condition.leaves()]
    holding = [leaf for leaf in leaves if leaf.question in answers and leaf.holds(answers)]
    chosen = holding or [leaf for leaf in leaves if leaf.question in answers]
    seen = dict.fromkeys(leaf.question for leaf in chosen)
    return [(qid, answers[qid]) for qid in seen]
