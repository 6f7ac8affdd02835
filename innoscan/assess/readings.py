"""The team's answers read in the terms of each published figure's indicator."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from innoscan.content.bank import DONT_KNOW, Bank
from innoscan.content.figures import Indicator


@dataclass(frozen=True)
class Reading:
    """Where the team stands on one indicator."""

    indicator: Indicator
    team: bool | None
    dont_know: bool = False  # no value because the team said "don't know", not because unanswered
    applies: bool = True  # False: none of its questions was asked of this team


def readings(
    bank: Bank, answers: Mapping[str, Any], indicators: list[Indicator]
) -> list[Reading]:
    """The team's value for each indicator: True, False, or None where it gave no answer."""
    effective = bank.effective_answers(answers)
    return [reading(bank, indicator, effective) for indicator in indicators]


def reading(bank: Bank, indicator: Indicator, effective: Mapping[str, Any]) -> Reading:
    """The team's value for one indicator, from answers that went through their conditions."""
    questions = indicator.questions()
    known = [q for q in questions if effective.get(q, DONT_KNOW) != DONT_KNOW]
    team = indicator.team.holds(effective) if known else None
    dont_know = team is None and any(effective.get(q) == DONT_KNOW for q in questions)
    applies = any(bank.asked_with(q, effective) for q in questions)
    return Reading(indicator, team, dont_know, applies)
