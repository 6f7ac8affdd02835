"""Declarative conditions over answers: `when` on questions and the risk rules.

A condition is data (see questions/README.md), never code: this module only compares values.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

Value = bool | int | float | str

_TESTS = ("equals", "in_", "not_in", "at_most", "at_least", "includes", "answered")
_GROUPS = ("all_", "any_", "not_")


class Condition(BaseModel):
    """One test on one question's answer, or a combination of conditions."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True, defer_build=True)

    question: str | None = None
    equals: Value | None = None
    in_: list[Value] | None = Field(default=None, alias="in")
    not_in: list[Value] | None = None
    at_most: float | None = None
    at_least: float | None = None
    includes: str | None = None
    answered: bool | None = None
    all_: list[Condition] | None = Field(default=None, alias="all", min_length=1)
    any_: list[Condition] | None = Field(default=None, alias="any", min_length=1)
    not_: Condition | None = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        tests = [name for name in _TESTS if getattr(self, name) is not None]
        groups = [name for name in _GROUPS if getattr(self, name) is not None]
        if self.question is not None:
            if groups or len(tests) != 1:
                raise ValueError(
                    "a test on a question needs exactly one of: equals, in, not_in, "
                    "at_most, at_least, includes, answered"
                )
        elif tests:
            raise ValueError(f"'{_key(tests[0])}' needs a 'question'")
        elif len(groups) != 1:
            raise ValueError("a condition needs 'question' with a test, or one of all, any, not")
        return self

    @cached_property  # asked for every answer of every result read: worked out once
    def test(self) -> tuple[str, Any]:
        """The test of a leaf condition as (key as written, value)."""
        for name in _TESTS:
            value = getattr(self, name)
            if value is not None:
                return _key(name), value
        raise ValueError("not a leaf condition")

    def holds(self, answers: Mapping[str, Any]) -> bool:
        """Whether the condition holds for these answers (absent = unanswered)."""
        if self.all_ is not None:
            return all(c.holds(answers) for c in self.all_)
        if self.any_ is not None:
            return any(c.holds(answers) for c in self.any_)
        if self.not_ is not None:
            return not self.not_.holds(answers)
        key, expected = self.test
        present = self.question in answers
        answer = answers.get(self.question)
        if key == "answered":
            return present == expected
        if not present:
            return False
        if key == "equals":
            return _same(answer, expected)
        if key == "in":
            return any(_same(answer, v) for v in expected)
        if key == "not_in":
            return not any(_same(answer, v) for v in expected)
        if key == "includes":
            return isinstance(answer, list) and expected in answer
        if not _is_number(answer):
            return False
        return answer <= expected if key == "at_most" else answer >= expected

    def leaves(self, path: str = "") -> Iterator[tuple[str, Condition]]:
        """Every leaf test with its key path inside this condition."""
        for name in ("all_", "any_"):
            children = getattr(self, name)
            if children is not None:
                for i, child in enumerate(children):
                    yield from child.leaves(f"{path}.{_key(name)}[{i}]")
                return
        if self.not_ is not None:
            yield from self.not_.leaves(f"{path}.not")
            return
        yield path, self

    def deciding(self, answers: Mapping[str, Any]) -> list[Condition]:
        """The leaf tests that decided whether the condition holds: for `all`, the children
        that fail (every child when none fails); for `any`, the first child that holds
        (every child when none holds)."""
        if self.not_ is not None:
            return self.not_.deciding(answers)
        if self.any_ is not None:
            chosen = [c for c in self.any_ if c.holds(answers)][:1] or self.any_
        elif self.all_ is not None:
            chosen = [c for c in self.all_ if not c.holds(answers)] or self.all_
        else:
            return [self]
        return [leaf for child in chosen for leaf in child.deciding(answers)]

    def to_data(self) -> dict[str, Any]:
        """The condition as written in TOML (and shown in JSON)."""
        return self.model_dump(by_alias=True, exclude_none=True)


def _key(name: str) -> str:
    return name.rstrip("_")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _same(answer: Any, expected: Any) -> bool:
    if _is_number(answer) and _is_number(expected):
        return answer == expected
    return type(answer) is type(expected) and answer == expected
