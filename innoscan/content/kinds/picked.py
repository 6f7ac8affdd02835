"""Kinds answered by picking from a numbered list: a point on a likert scale, yes or no.

The kinds with options (options.py) are picked the same way.
"""

from __future__ import annotations

import re
from abc import abstractmethod
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import model_validator

from innoscan.content.base import Strict, Text
from innoscan.content.kinds.base import (
    EXTRA_WORDS,
    BaseQuestion,
    NotAnAnswer,
    TeamAnswer,
    middle_answer,
    show_value,
)
from innoscan.locales import word

if TYPE_CHECKING:
    from innoscan.content.bank import Bank
    from innoscan.content.kinds.base import Scales
    from innoscan.content.scoring_rules import DisagreementRule

_YES, _NO = {"y", "yes", "j", "ja"}, {"n", "no", "nee"}


class NotAChoice(NotAnAnswer):
    """A typed part that is not the number of a choice."""

    key = "plain.bad_choice"


class PickedQuestion(BaseQuestion):
    """A question answered by picking one of numbered choices, then "don't know" and "does
    not apply" where offered. `dont_know_counts_as` names the answer "don't know" scores as
    (for a question whether something exists: not having it)."""

    not_applicable: bool = False
    dont_know_counts_as: int | str | list[str] | None = None

    @property
    def offers_not_applicable(self) -> bool:
        return self.not_applicable

    @property
    def dont_know_as(self) -> Any:
        return self.dont_know_counts_as

    def dont_know_problem(self, scales: Scales) -> str | None:
        """It needs `dont_know = true`, is an answer, and scores no more than any answer, so
        that "don't know" never raises a score."""
        counted = self.dont_know_counts_as
        if counted is None:
            return None
        if not self.dont_know:
            return "dont_know_counts_as needs dont_know = true"
        problem = self._value_problem(counted, scales, None)
        if problem:
            return f"dont_know_counts_as: {problem}"
        scored = [self._points(v, scales) for v in self.answer_values(scales)]
        least = min((p for p in scored if p is not None), default=None)
        points = self._points(counted, scales)
        if least is not None and points is not None and points > least:
            return (
                f"dont_know_counts_as: {show_value(counted)} scores {points:g}, more than the "
                f'lowest answer ({least:g}): "don\'t know" would raise the score'
            )
        return None

    @abstractmethod
    def answer_values(self, scales: Scales) -> list[Any]:
        """Every answer of the kind's own (one option each for a multiple choice)."""

    def choices(self, bank: Bank, lang: str) -> tuple[list[Any], list[str]]:
        """The values and labels offered, in the order shown, "don't know" and "does not
        apply" last."""
        values, labels = self._offered(bank, lang)
        for extra in self.extra_answers():
            values.append(extra)
            labels.append(word(EXTRA_WORDS[extra][1], lang))
        return values, labels

    @abstractmethod
    def _offered(self, bank: Bank, lang: str) -> tuple[list[Any], list[str]]:
        """The values and labels of the kind's own answers, in the order shown."""

    def picked(self, current: Any, choice: Any, order: list[Any]) -> Any:
        """The answer after `choice` is picked (by a key or a click): that choice."""
        return choice

    def read_line(self, text: str, bank: Bank, lang: str) -> Any:
        """The choice whose number is typed."""
        parts = _parts(text)
        return self._numbered(parts if len(parts) == 1 else [text], bank, lang)[0]

    def _numbered(self, parts: list[str], bank: Bank, lang: str) -> list[Any]:
        values = self.choices(bank, lang)[0]
        numbers = [_number(part) for part in parts]
        for part, number in zip(parts, numbers, strict=True):
            if not 1 <= number <= len(values):
                raise NotAChoice(part, first=1, last=len(values))
        return [values[number - 1] for number in numbers]

    def plain_lines(self, bank: Bank, lang: str) -> list[str]:
        return [f"  {i}. {label}" for i, label in enumerate(self.choices(bank, lang)[1], 1)]

    def plain_prompt(self, bank: Bank, lang: str) -> str:
        return word("plain.choose_one", lang, first=1, last=len(self.choices(bank, lang)[0]))

    def plain_current(self, bank: Bank, value: Any, lang: str) -> str:
        """The chosen answers with the numbers to type for them."""
        values, labels = self.choices(bank, lang)
        chosen = value if isinstance(value, list) else [value]
        return "; ".join(f"{i}. {labels[i - 1]}" for i, v in enumerate(values, 1) if v in chosen)


def _parts(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", text) if part]


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


class LikertQuestion(PickedQuestion):
    """A point on one of the bank's scales, scored from 0 (lowest) to 100 (highest point);
    `reverse` turns that round. The team's answer is the lower median."""

    kind: Literal["likert"]
    scale: str
    reverse: bool = False

    options: ClassVar[None] = None
    ordered: ClassVar[bool] = True

    @property
    def scorable(self) -> bool:
        return True

    def scale_in(self, scales: Scales) -> Scale | None:
        return scales.get(self.scale)

    def scale_problem(self, scales: Scales) -> str | None:
        if self.scale in scales:
            return None
        known = ", ".join(scales) or "none defined"
        return f"scale: unknown scale {self.scale!r} (bank.toml has: {known})"

    def _value_problem(self, value: Any, scales: Scales, lang: str | None) -> str | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return f"expected a whole number on the scale, got {show_value(value)}"
        scale = self.scale_in(scales)
        if scale is not None and not scale.min <= value <= scale.max:
            return f"{value} is outside the scale {scale.min}-{scale.max}"
        return None

    def _points(self, value: Any, scales: Scales) -> float | None:
        scale = scales[self.scale]
        share = (value - scale.min) / (scale.max - scale.min)
        return 100 * (1 - share if self.reverse else share)

    def answer_values(self, scales: Scales) -> list[Any]:
        scale = self.scale_in(scales)
        return list(range(scale.min, scale.max + 1)) if scale else []

    def _offered(self, bank: Bank, lang: str) -> tuple[list[Any], list[str]]:
        labels = [bank.text(label, lang) for label in bank.scales[self.scale].labels]
        return self.answer_values(bank.scales), labels

    def tally_answer(self, key: str) -> Any:
        return int(key) if key.lstrip("-").isdigit() else key

    def team_answer(self, real: list[Any], scales: Scales, rule: DisagreementRule) -> TeamAnswer:
        scale = self.scale_in(scales)
        span = (scale.max - scale.min) if scale else None
        from statistics import median_low  # merging only

        return middle_answer(real, median_low, span, rule)

    def answer_text(self, bank: Bank, value: Any, lang: str) -> str:
        scale = self.scale_in(bank.scales)
        if scale is not None and isinstance(value, int) and scale.min <= value <= scale.max:
            return f"{bank.text(scale.labels[value - scale.min], lang)} ({value})"
        return super().answer_text(bank, value, lang)

    def _allowed_lines(self, bank: Bank, lang: str) -> list[str]:
        scale = bank.scales[self.scale]
        labels = enumerate(scale.labels)
        return [" · ".join(f"{scale.min + i} {bank.text(label, lang)}" for i, label in labels)]

    def listing_lines(self, bank: Bank, lang: str) -> list[str]:
        lines = super().listing_lines(bank, lang)
        return lines + [f"[{word('reverse', lang)}]"] if self.reverse else lines

    def listing_json(self, bank: Bank, lang: str) -> dict[str, Any]:
        scale = self.scale_in(bank.scales)
        if scale is None:
            return super().listing_json(bank, lang)
        labels = [bank.text(label, lang) for label in scale.labels]
        shown = {"min": scale.min, "max": scale.max, "labels": labels}
        return {"scale": shown, "reverse": self.reverse, **super().listing_json(bank, lang)}

    def _sheet_values(self, bank: Bank, lang: str) -> str:
        scale = bank.scales[self.scale]
        return ", ".join(
            f"{scale.min + i} = {bank.text(label, lang)}" for i, label in enumerate(scale.labels)
        )


class YesNoQuestion(PickedQuestion):
    """Yes or no: yes scores 100, no 0; y, j, n can be typed as well as the numbers."""

    kind: Literal["yes_no"]

    options: ClassVar[None] = None

    @property
    def scorable(self) -> bool:
        return True

    def _value_problem(self, value: Any, scales: Scales, lang: str | None) -> str | None:
        if value not in ("yes", "no"):
            return f'expected "yes" or "no", got {show_value(value)}'
        return None

    def _points(self, value: Any, scales: Scales) -> float | None:
        return 100.0 if value == "yes" else 0.0

    def answer_values(self, scales: Scales) -> list[Any]:
        return ["yes", "no"]

    def _offered(self, bank: Bank, lang: str) -> tuple[list[Any], list[str]]:
        return ["yes", "no"], [word("yes", lang).capitalize(), word("no", lang).capitalize()]

    def read_line(self, text: str, bank: Bank, lang: str) -> Any:
        if text.lower() in _YES | _NO:
            return "yes" if text.lower() in _YES else "no"
        return super().read_line(text, bank, lang)

    def _allowed_lines(self, bank: Bank, lang: str) -> list[str]:
        return [f"{word('yes', lang)} / {word('no', lang)}"]

    def _sheet_values(self, bank: Bank, lang: str) -> str:
        return word("sheet.yes_no", lang)


def _number(part: str) -> int:
    """A typed option number: ASCII digits only, and short ("²" or 5000 digits are no number)."""
    return int(part) if part.isascii() and part.isdigit() and len(part) < 10 else 0
