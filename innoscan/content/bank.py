"""The question bank: pydantic models of questions/ and loading it with every problem named.

A bank is a folder with bank.toml and sections/ID.toml (format: questions/README.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from innoscan.content.base import Strict, Text
from innoscan.content.conditions import Condition
from innoscan.content.figures import Indicator
from innoscan.content.risks import Pattern, RiskRule
from innoscan.content.scoring_rules import ScoringRules

Kind = Literal["likert", "yes_no", "single_choice", "multiple_choice", "number", "text"]
KINDS: tuple[str, ...] = Kind.__args__
DONT_KNOW = "dont_know"
SLUG = r"^[a-z][a-z0-9_]*$"
QUESTION_ID = r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$"

_OPTION_KEYS = ("id", "score", "exclusive")
_CHOICE_KINDS = ("single_choice", "multiple_choice")


class Scale(Strict):
    """A likert scale: integer points from min to max, a label for each."""

    min: int
    max: int
    labels: list[Text]

    @model_validator(mode="after")
    def _consistent(self) -> Scale:
        if self.min >= self.max:
            raise ValueError(f"min ({self.min}) must be less than max ({self.max})")
        points = self.max - self.min + 1
        if len(self.labels) != points:
            raise ValueError(f"needs {points} labels (one per point), has {len(self.labels)}")
        return self


class Option(Strict):
    """A choice: an id, a label per language, and optionally a score and exclusivity."""

    id: str = Field(pattern=SLUG)
    label: Text
    score: float | None = Field(default=None, ge=0, le=100)
    exclusive: bool = False

    @model_validator(mode="before")
    @classmethod
    def _gather_label(cls, data: Any) -> Any:
        if not isinstance(data, Mapping) or "label" in data:
            return data
        label = {k: v for k, v in data.items() if k not in _OPTION_KEYS}
        return {**{k: data[k] for k in _OPTION_KEYS if k in data}, "label": label}


class Question(Strict):
    """One question of the bank, with the fields its kind allows."""

    id: str = Field(pattern=QUESTION_ID)
    kind: Kind
    title: Text
    help: Text
    dont_know: bool = False
    scored: bool | None = None
    when: Condition | None = None
    scale: str | None = None
    reverse: bool = False
    options: list[Option] | None = None
    max_choices: int | None = Field(default=None, ge=1)
    min: float | None = None
    max: float | None = None
    unit: Text | None = None

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> Question:
        kind = self.kind
        _only(self, "scale", kind == "likert", required=True)
        _only(self, "reverse", kind == "likert", default=False)
        _only(self, "options", kind in _CHOICE_KINDS, required=True)
        _only(self, "max_choices", kind == "multiple_choice")
        for name in ("min", "max", "unit"):
            _only(self, name, kind == "number")
        if self.min is not None and self.max is not None and self.min >= self.max:
            raise ValueError(f"min ({self.min:g}) must be less than max ({self.max:g})")
        if self.options is not None:
            self._check_options()
        if self.scored and not self._scorable():
            raise ValueError(f"scored = true, but a {kind} question has nothing to score")
        return self

    def _check_options(self) -> None:
        assert self.options is not None
        if len(self.options) < 2:
            raise ValueError("needs at least two options")
        ids = [o.id for o in self.options]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"option id {doubles[0]!r} is used twice")
        if DONT_KNOW in ids:
            raise ValueError("'dont_know' is not an option id: set dont_know = true instead")
        if self.kind == "single_choice" and any(o.exclusive for o in self.options):
            raise ValueError("'exclusive' only fits a multiple_choice option")
        if self.max_choices is not None and self.max_choices > len(self.options):
            raise ValueError(
                f"max_choices ({self.max_choices}) is more than the {len(self.options)} options"
            )

    def _scorable(self) -> bool:
        if self.kind in ("likert", "yes_no"):
            return True
        return bool(self.options) and any(o.score is not None for o in self.options)

    @property
    def is_scored(self) -> bool:
        """Whether the question counts in its section's score."""
        return self._scorable() if self.scored is None else self.scored

    @property
    def section_id(self) -> str:
        return self.id.split(".", 1)[0]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options or () if o.id == option_id), None)

    def answer_problem(self, value: Any, scale: Scale | None = None) -> str | None:
        """Why `value` is not a valid answer to this question, or None if it is."""
        if value == DONT_KNOW:
            return None if self.dont_know else "'dont_know' is not allowed for this question"
        kind = self.kind
        if kind == "likert":
            if not isinstance(value, int) or isinstance(value, bool):
                return f"expected a whole number on the scale, got {show_value(value)}"
            if scale is not None and not scale.min <= value <= scale.max:
                return f"{value} is outside the scale {scale.min}-{scale.max}"
        elif kind == "yes_no":
            if value not in ("yes", "no"):
                return f'expected "yes" or "no", got {show_value(value)}'
        elif kind == "single_choice":
            if not isinstance(value, str):
                return f"expected one option id, got {show_value(value)}"
            if self.option(value) is None:
                return f"unknown option {value!r} (options: {self._option_list()})"
        elif kind == "multiple_choice":
            return self._multi_problem(value)
        elif kind == "number":
            if not isinstance(value, int | float) or isinstance(value, bool):
                return f"expected a number, got {show_value(value)}"
            if self.min is not None and value < self.min:
                return f"{value:g} is below the minimum {self.min:g}"
            if self.max is not None and value > self.max:
                return f"{value:g} is above the maximum {self.max:g}"
        elif kind == "text" and not isinstance(value, str):
            return f"expected text, got {show_value(value)}"
        return None

    def _multi_problem(self, value: Any) -> str | None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"expected a list of option ids, got {show_value(value)}"
        for v in value:
            if self.option(v) is None:
                return f"unknown option {v!r} (options: {self._option_list()})"
        if len(set(value)) != len(value):
            return "an option is chosen twice"
        if self.max_choices is not None and len(value) > self.max_choices:
            return f"at most {self.max_choices} choices, got {len(value)}"
        exclusive = [v for v in value if self.option(v).exclusive]
        if exclusive and len(value) > 1:
            return f"{exclusive[0]!r} cannot be combined with other options"
        return None

    def _option_list(self) -> str:
        return ", ".join(o.id for o in self.options or ())


def _only(q: Question, name: str, fits: bool, required: bool = False, default: Any = None):
    value = getattr(q, name)
    if not fits and value != default:
        raise ValueError(f"'{name}' does not fit a {q.kind} question")
    if fits and required and value is None:
        raise ValueError(f"a {q.kind} question needs '{name}'")


def show_value(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return str(value)


class SectionHeader(Strict):
    id: str = Field(pattern=SLUG)
    title: Text
    intro: Text | None = None


class SectionFile(Strict):
    """The contents of one sections/ID.toml."""

    section: SectionHeader
    questions: list[Question] = []


class BankFile(Strict):
    """The contents of bank.toml."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    version: str = Field(min_length=1)
    languages: list[str] = Field(min_length=1)
    sections: list[str] = Field(min_length=1)
    title: Text
    scales: dict[str, Scale] = {}


class Section(Strict):
    id: str
    title: Text
    intro: Text | None
    questions: list[Question]


class Bank(Strict):
    """A loaded, validated question bank."""

    id: str
    version: str
    languages: list[str]
    title: Text
    scales: dict[str, Scale]
    sections: list[Section]
    path: Path
    scoring: ScoringRules = ScoringRules()
    indicators: list[Indicator] = []
    patterns: list[Pattern] = []
    rules: list[RiskRule] = []

    @cached_property
    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]

    @cached_property
    def _by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    def question(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def scale_of(self, question: Question) -> Scale | None:
        return self.scales.get(question.scale) if question.scale else None

    def text(self, text: Text | None, lang: str) -> str:
        """A text in `lang`, or in the bank's first language if it has none in `lang`."""
        if not text:
            return ""
        return text.get(lang) or text.get(self.languages[0]) or next(iter(text.values()), "")

    def answer_problem(self, question: Question, value: Any) -> str | None:
        return question.answer_problem(value, self.scale_of(question))

    def effective_answers(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The answers that count: those to questions whose `when` holds, in bank order."""
        effective: dict[str, Any] = {}
        for q in self.questions:
            if q.id in answers and (q.when is None or q.when.holds(effective)):
                effective[q.id] = answers[q.id]
        return effective

    def applies(self, question: Question, answers: Mapping[str, Any]) -> bool:
        """Whether `question` is asked, given the answers so far."""
        return self.applies_with(question, self.effective_answers(answers))

    @staticmethod
    def applies_with(question: Question, effective: Mapping[str, Any]) -> bool:
        """Whether `question` is asked, given answers that already went through its conditions."""
        return question.when is None or question.when.holds(effective)

    def pattern(self, pattern_id: str | None) -> Pattern | None:
        return next((p for p in self.patterns if p.id == pattern_id), None)
