"""Declarative conditions over answers: `when` on questions and the risk rules.

A condition is data (see questions/README.md), never code: this module only compares values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import Any

from pydantic import ConfigDict, Field, model_validator

from innoscan.content.base import Strict

Value = bool | int | float | str

_TESTS = ("equals", "in_", "not_in", "at_most", "at_least", "includes", "answered")
_GROUPS = ("all_", "any_", "not_")


class Condition(Strict):
    """One test on one question's answer, or a combination of conditions."""

    model_config = ConfigDict(populate_by_name=True)

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

    @cached_property  # called for every question and rule of every result read: made once
    def holds(self) -> Callable[[Mapping[str, Any]], bool]:
        """Whether the condition holds for these answers (absent = unanswered): a function
        made once, `condition.holds(answers)`."""
        return _compiled(self)

    @cached_property
    def leaf_tests(self) -> tuple[Condition, ...]:
        """The leaf tests of `leaves`, without their paths."""
        return tuple(leaf for _, leaf in self.leaves())

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


Answers = Mapping[str, Any]


def _compiled(c: Condition) -> Callable[[Answers], bool]:
    """The condition `c` as a function of the answers: a group calls its children's."""
    # loops, not all() or any() of a generator: called for most questions of every file read
    if c.all_ is not None:
        every = [child.holds for child in c.all_]

        def holds_all(answers: Answers) -> bool:
            for part in every:  # noqa: SIM110
                if not part(answers):
                    return False
            return True

        return holds_all
    if c.any_ is not None:
        some = [child.holds for child in c.any_]

        def holds_any(answers: Answers) -> bool:
            for part in some:  # noqa: SIM110
                if part(answers):
                    return True
            return False

        return holds_any
    if c.not_ is not None:
        inner = c.not_.holds
        return lambda answers: not inner(answers)
    key, expected = c.test
    return _LEAVES[key](c.question, expected)


def _answered(question: str, expected: Any) -> Callable[[Answers], bool]:
    return lambda answers: (question in answers) == expected


def _equals(question: str, expected: Any) -> Callable[[Answers], bool]:
    return lambda answers: question in answers and _same(answers[question], expected)


def _in(question: str, expected: list[Any], wanted: bool = True) -> Callable[[Answers], bool]:
    values = tuple(expected)
    if all(type(v) is str for v in values):  # text answers: a set (_same is `type is str`)
        texts = frozenset(values)
        return lambda answers: question in answers and (
            (type(answers[question]) is str and answers[question] in texts) is wanted
        )
    return lambda answers: question in answers and (
        any(_same(answers[question], v) for v in values) is wanted
    )


def _includes(question: str, expected: Any) -> Callable[[Answers], bool]:
    return lambda answers: isinstance(answers.get(question), list) and expected in answers[question]


def _at_most(question: str, expected: Any) -> Callable[[Answers], bool]:
    return lambda answers: _is_number(answers.get(question)) and answers[question] <= expected


def _at_least(question: str, expected: Any) -> Callable[[Answers], bool]:
    return lambda answers: _is_number(answers.get(question)) and answers[question] >= expected


_LEAVES: dict[str, Callable[[str, Any], Callable[[Answers], bool]]] = {
    "answered": _answered,
    "equals": _equals,
    "in": _in,
    "not_in": lambda question, expected: _in(question, expected, wanted=False),
    "includes": _includes,
    "at_most": _at_most,
    "at_least": _at_least,
}


def _key(name: str) -> str:
    return name.rstrip("_")


_NUMBERS = (int, float)


def _is_number(value: Any) -> bool:
    return isinstance(value, _NUMBERS) and not isinstance(value, bool)


def _same(answer: Any, expected: Any) -> bool:
    if _is_number(answer) and _is_number(expected):
        return answer == expected
    return type(answer) is type(expected) and answer == expected
