"""Published figures beside the team's own answers: indicators, figures with sources, readings.

An indicator turns the team's answers into the figure's terms (a condition that holds or
not); each figure carries its value, unit, population, country, year and source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, ValidationError, model_validator

from innoscan.base import Strict, Text
from innoscan.conditions import Condition
from innoscan.problems import InputError, Problem, read_toml

if TYPE_CHECKING:
    from innoscan.bank import Bank


class Source(Strict):
    """Where a figure was published: a title, and its address where one is known."""

    title: str = Field(min_length=1)
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")


class Figure(Strict):
    """One published number: a share, of what, where, when, and where it was published."""

    value: float = Field(ge=0, le=100)
    value_high: float | None = Field(default=None, ge=0, le=100)
    qualifier: Literal["about", "more_than", "less_than"] | None = None
    unit: Literal["organisations", "innovations", "workplaces", "unstated"]
    population: Text
    country: str = Field(pattern=r"^[A-Z]{2}$|^Nordic$")
    year: int | None = Field(default=None, ge=1990, le=2100)
    period: str | Text | None = None
    n: int | None = Field(default=None, ge=1)
    source: Source
    note: Text | None = None

    @model_validator(mode="after")
    def _range(self) -> Figure:
        if self.value_high is not None and self.value_high <= self.value:
            raise ValueError("value_high must be above value")
        return self


class Indicator(Strict):
    """How the team's answers compare with published figures on one point."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    section: str
    title: Text
    team: Condition
    yes: Text
    no: Text
    about: list[str] = []
    figures: list[Figure] = Field(min_length=1)

    def questions(self) -> list[str]:
        """The questions the team's value depends on."""
        if self.about:
            return list(self.about)
        return list(dict.fromkeys(leaf.question for _, leaf in self.team.leaves()))


class FigureAddition(Strict):
    """In a user's own file: more figures for an indicator the bank already has."""

    id: str
    figures: list[Figure] = Field(min_length=1)


def _entry_kind(value: Any) -> str:
    if isinstance(value, dict):
        keys = set(value)
    elif isinstance(value, FigureAddition | Indicator):
        keys = set(type(value).model_fields)
    else:
        return "indicator"  # not a table: validation says so
    return "addition" if keys <= {"id", "figures"} else "indicator"


Entry = Annotated[
    Annotated[Indicator, Tag("indicator")] | Annotated[FigureAddition, Tag("addition")],
    Discriminator(_entry_kind),
]


class BenchmarkFile(Strict):
    """benchmarks.toml, or a user's file of the same format (which may add figures only)."""

    indicators: list[Entry] = []


@dataclass(frozen=True)
class Comparison:
    indicator: Indicator
    team: bool | None
    dont_know: bool = False  # no value because the team said "don't know", not because unanswered


def compare(
    bank: Bank, answers: Mapping[str, Any], indicators: list[Indicator]
) -> list[Comparison]:
    """The team's value for each indicator: True, False, or None where it gave no answer."""
    effective = bank.effective_answers(answers)
    out = []
    for indicator in indicators:
        known = [q for q in indicator.questions() if effective.get(q, "dont_know") != "dont_know"]
        team = indicator.team.holds(effective) if known else None
        dont_know = team is None and any(
            effective.get(q) == "dont_know" for q in indicator.questions()
        )
        out.append(Comparison(indicator, team, dont_know))
    return out


def load_benchmark_file(path: str | Path, bank: Bank) -> list[Indicator]:
    """The bank's indicators with a user's own figures and indicators added."""
    from innoscan.bank import validation_problems
    from innoscan.bank_checks import check_indicator

    path = Path(path)
    data = read_toml(path)
    try:
        extra = BenchmarkFile.model_validate(data)
    except ValidationError as exc:
        raise InputError(validation_problems(path, data, exc, "indicators")) from None
    indicators = {i.id: i for i in bank.indicators}
    problems: list[Problem] = []
    for item in extra.indicators:
        if isinstance(item, FigureAddition):
            if item.id not in indicators:
                problems.append(Problem(str(path), item.id, "unknown indicator id"))
                continue
            old = indicators[item.id]
            indicators[item.id] = old.model_copy(update={"figures": old.figures + item.figures})
        else:
            problems.extend(check_indicator(str(path), item, bank))
            indicators[item.id] = item
    if problems:
        raise InputError(problems)
    return list(indicators.values())
