"""From what someone picks or types to an answer: shared by the TUI and the plain mode."""

from __future__ import annotations

from typing import Any

from innoscan.bank import DONT_KNOW, Bank, Question
from innoscan.i18n import word


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


def parse_number(text: str) -> tuple[Any, str | None]:
    """(the number, None), or (None, the text shown back) when it is not a number.

    A comma works as the decimal sign; a whole number without a decimal sign stays an int.
    """
    text = text.strip()
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None, repr(text)
    if number != number or number in (float("inf"), float("-inf")):
        return None, repr(text)
    whole = number.is_integer() and "." not in text and "," not in text
    return (int(number) if whole else number), None


def shown_number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
