"""From what someone picks or types to an answer: shared by the TUI and the plain mode."""

from __future__ import annotations

import re
from typing import Any

from innoscan.content.bank import DONT_KNOW, Bank, Question
from innoscan.locales import word


class TooManyChoices(ValueError):
    """A multiple choice already holds its `max_choices`."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} choices")
        self.limit = limit


def choices(bank: Bank, q: Question, lang: str) -> tuple[list[Any], list[str]]:
    """The values and labels of a choice question in the order shown, "don't know" last."""
    if q.kind == "likert":
        scale = bank.scale_of(q)
        values: list[Any] = list(range(scale.min, scale.max + 1))
        labels = [bank.text(label, lang) for label in scale.labels]
    elif q.kind == "yes_no":
        values, labels = (
            ["yes", "no"],
            [word("yes", lang).capitalize(), word("no", lang).capitalize()],
        )
    else:
        values = [o.id for o in q.options or ()]
        labels = [bank.text(o.label, lang) for o in q.options or ()]
    if q.dont_know:
        values.append(DONT_KNOW)
        labels.append(word("tui.dont_know", lang))
    return values, labels


def toggled(q: Question, value: Any, picked: Any, order: list[Any]) -> Any:
    """A multiple choice's answer after `picked` is toggled (None when nothing is left).

    An exclusive option (or "don't know") replaces the others; TooManyChoices when the
    question's limit is reached.
    """
    if picked == DONT_KNOW:
        return None if value == DONT_KNOW else DONT_KNOW
    current = list(value) if isinstance(value, list) else []
    if picked in current:
        current.remove(picked)
        return current or None
    option = q.option(picked)
    if option is not None and option.exclusive:
        return [picked]
    current = [v for v in current if not q.option(v).exclusive]
    if q.max_choices is not None and len(current) >= q.max_choices:
        raise TooManyChoices(q.max_choices)
    return [v for v in order if v in current or v == picked]


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}([.,]\d{3})+$")


def parse_number(text: str) -> tuple[Any, str | None]:
    """(the number, None), or (None, why not) in words for the message.

    A comma works as the decimal sign. "1,000" and "1.000" are refused: a thousand in one
    language, one in the other. A whole number without a decimal sign stays an int.
    """
    text = text.strip()
    if _THOUSANDS.match(text):
        return None, "ambiguous"
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None, "not_a_number"
    if number != number or number in (float("inf"), float("-inf")):
        return None, "not_a_number"
    whole = number.is_integer() and "." not in text and "," not in text
    return (int(number) if whole else number), None


def number_problem(text: str, why: str, lang: str) -> str:
    """The message for a typed number that `parse_number` refused."""
    if why == "ambiguous":
        return word("number.ambiguous", lang, text=text.strip(), plain=re.sub(r"[.,]", "", text))
    return word("number.not_a_number", lang, text=text.strip())


def answer_problem(bank: Bank, q: Question, value: Any, lang: str) -> str | None:
    """Why a typed or chosen answer is refused, in `lang` for what people run into while
    answering (a bound, a limit, an exclusive option); the bank's own words otherwise."""
    if q.kind == "number" and isinstance(value, int | float):
        if q.min is not None and value < q.min:
            return word("number.below", lang, value=f"{value:g}", min=f"{q.min:g}")
        if q.max is not None and value > q.max:
            return word("number.above", lang, value=f"{value:g}", max=f"{q.max:g}")
    if q.kind == "multiple_choice" and isinstance(value, list):
        if q.max_choices is not None and len(value) > q.max_choices:
            return word("tui.max_choices", lang, n=q.max_choices)
        for v in value:
            option = q.option(v) if isinstance(v, str) else None
            if option is not None and option.exclusive and len(value) > 1:
                return word("answer.exclusive", lang, label=bank.text(option.label, lang))
        if DONT_KNOW in value and len(value) > 1:
            return word("answer.exclusive", lang, label=word("tui.dont_know", lang))
    return bank.answer_problem(q, value)


def shown_number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
