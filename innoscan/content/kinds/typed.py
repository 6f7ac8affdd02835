"""Kinds answered by typing: a number, a text."""

from __future__ import annotations

import re
from abc import abstractmethod
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from innoscan.content.base import Text
from innoscan.content.kinds.base import (
    DONT_KNOW,
    BaseQuestion,
    NotAnAnswer,
    TeamAnswer,
    middle_answer,
    show_value,
)
from innoscan.locales import DEFAULT, word

if TYPE_CHECKING:
    from innoscan.content.bank import Bank
    from innoscan.content.kinds.base import Scales
    from innoscan.content.scoring_rules import DisagreementRule

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}([.,]\d{3})+$")


class NotANumber(NotAnAnswer):
    """A typed text that is no number."""

    key = "number.not_a_number"


class AmbiguousNumber(NotAnAnswer):
    """ "1,000" or "1.000": a thousand in one language, one in the other."""

    key = "number.ambiguous"


class TypedQuestion(BaseQuestion):
    """A question answered by typing a line."""

    options: ClassVar[None] = None

    @abstractmethod
    def parse(self, text: str) -> Any:
        """The answer a typed text gives; NotAnAnswer when it gives none."""

    def read_line(self, text: str, bank: Bank, lang: str) -> Any:
        return self.parse(text)

    def typed(self, value: Any) -> str:
        """An answer as it is typed back into a field."""
        return str(value)


class NumberQuestion(TypedQuestion):
    """A number, optionally between `min` and `max` and in a `unit`; not scored. The team's
    answer is the median."""

    kind: Literal["number"]
    min: float | None = None
    max: float | None = None
    unit: Text | None = None

    ordered: ClassVar[bool] = True

    def _check(self) -> None:
        if self.min is not None and self.max is not None and self.min >= self.max:
            raise ValueError(f"min ({self.min:g}) must be less than max ({self.max:g})")

    def texts(self) -> list[tuple[str, Text]]:
        return super().texts() + ([("unit", self.unit)] if self.unit is not None else [])

    def _value_problem(self, value: Any, scales: Scales, lang: str | None) -> str | None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return f"expected a number, got {show_value(value)}"
        lang = lang or DEFAULT
        if self.min is not None and value < self.min:
            return word("number.below", lang, value=f"{value:g}", min=f"{self.min:g}")
        if self.max is not None and value > self.max:
            return word("number.above", lang, value=f"{value:g}", max=f"{self.max:g}")
        return None

    def parse(self, text: str) -> Any:
        """A comma works as the decimal sign. "1,000" and "1.000" are refused (ambiguous);
        a whole number without a decimal sign stays an int."""
        text = text.strip()
        if _THOUSANDS.match(text):
            raise AmbiguousNumber(text, plain=re.sub(r"[.,]", "", text))
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise NotANumber(text) from None
        if number != number or number in (float("inf"), float("-inf")):
            raise NotANumber(text)
        whole = number.is_integer() and "." not in text and "," not in text
        return int(number) if whole else number

    def read_line(self, text: str, bank: Bank, lang: str) -> Any:
        """A number, or d (w in Dutch) for "don't know"."""
        if self.dont_know and text.lower() in ("d", "w"):
            return DONT_KNOW
        return self.parse(text)

    def typed(self, value: Any) -> str:
        return f"{value:g}" if isinstance(value, float) else str(value)

    def team_answer(self, real: list[Any], scales: Scales, rule: DisagreementRule) -> TeamAnswer:
        from statistics import median  # merging only

        return middle_answer(real, median, None, rule)

    def answer_text(self, bank: Bank, value: Any, lang: str) -> str:
        if not isinstance(value, int | float):
            return super().answer_text(bank, value, lang)
        unit = bank.text(self.unit, lang) if self.unit else ""
        number = f"{value:g}".replace(".", word("number.decimal_sign", lang))  # 2,5 in Dutch
        return f"{number} {unit}".strip()

    def _allowed_lines(self, bank: Bank, lang: str) -> list[str]:
        unit = bank.text(self.unit, lang) if self.unit else ""
        parts = (word("a_number", lang), _bounds(self.min, self.max), unit)
        return [" ".join(p for p in parts if p)]

    def listing_json(self, bank: Bank, lang: str) -> dict[str, Any]:
        unit = bank.text(self.unit, lang) if self.unit else None
        return {"min": self.min, "max": self.max, "unit": unit, **super().listing_json(bank, lang)}

    def _sheet_values(self, bank: Bank, lang: str) -> str:
        low = f"{self.min:g}" if self.min is not None else ""
        high = f"{self.max:g}" if self.max is not None else ""
        bounds = f" {low}-{high}" if low or high else ""
        unit = f" ({bank.text(self.unit, lang)})" if self.unit else ""
        return f"{word('a_number', lang)}{bounds}{unit}"

    def plain_prompt(self, bank: Bank, lang: str) -> str:
        bounds = ""
        if self.min is not None and self.max is not None:
            bounds = word("plain.bounds", lang, min=f"{self.min:g}", max=f"{self.max:g}")
        if self.unit:
            bounds += f" ({bank.text(self.unit, lang)})"
        dont_know = word("plain.number_dont_know", lang) if self.dont_know else ""
        return word("plain.type_number", lang, bounds=bounds, dont_know=dont_know)


def _bounds(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:g}-{high:g}"
    if low is not None:
        return f"≥ {low:g}"
    return f"≤ {high:g}" if high is not None else ""


class TextQuestion(TypedQuestion):
    """Free text, never scored. The team's answer holds every different text, a line each."""

    kind: Literal["text"]

    def _value_problem(self, value: Any, scales: Scales, lang: str | None) -> str | None:
        return None if isinstance(value, str) else f"expected text, got {show_value(value)}"

    def parse(self, text: str) -> Any:
        return text

    def team_answer(self, real: list[Any], scales: Scales, rule: DisagreementRule) -> TeamAnswer:
        return TeamAnswer("\n".join(dict.fromkeys(real)))

    def answer_text(self, bank: Bank, value: Any, lang: str) -> str:
        return super().answer_text(bank, value, lang) if value == DONT_KNOW else str(value)

    def _allowed_lines(self, bank: Bank, lang: str) -> list[str]:
        return [f"({word('free_text', lang)})"]

    def _sheet_values(self, bank: Bank, lang: str) -> str:
        return word("sheet.text", lang)

    def plain_prompt(self, bank: Bank, lang: str) -> str:
        return word("plain.type_text", lang)
