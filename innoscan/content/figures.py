"""Published figures beside the team's own answers: indicators, figures with sources, readings.

An indicator turns the team's answers into the figure's terms (a condition that holds or
not); each figure carries its value, unit, population, country, year and source.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import Discriminator, Field, Tag, model_validator

from innoscan.content.base import Strict, Text
from innoscan.content.conditions import Condition

OrgType = Literal[
    "core_ministry", "executive_agency", "municipality", "province", "water_board", "other"
]
"""The kind of organisation a team works in (executive_agency includes the ZBOs)."""
ORG_TYPES: tuple[str, ...] = get_args(OrgType)
SHARE = "{share}"  # where a figure's statement puts its number


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
    org_type: OrgType | None = None  # the figure is about this kind of organisation only
    statement: Text | None = None  # what the figure counts, in a sentence with {share}

    @model_validator(mode="after")
    def _range(self) -> Figure:
        if self.value_high is not None and self.value_high <= self.value:
            raise ValueError("value_high must be above value")
        for lang, text in (self.statement or {}).items():
            if text.count(SHARE) != 1:
                raise ValueError(f"statement ({lang}): put {SHARE} where the number goes, once")
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
