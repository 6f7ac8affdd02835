"""Kinds with options: a single choice (one option id) and a multiple choice (a list of them)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field, model_validator

from innoscan.content.base import SLUG, Strict, Text
from innoscan.content.kinds.base import (
    EXTRA_WORDS,
    NOT_REAL,
    NotAnAnswer,
    TeamAnswer,
    in_language,
    show_value,
)
from innoscan.content.kinds.picked import PickedQuestion, _parts
from innoscan.locales import DEFAULT, word

if TYPE_CHECKING:
    from innoscan.content.bank import Bank
    from innoscan.content.kinds.base import Scales
    from innoscan.content.scoring_rules import DisagreementRule

_OPTION_KEYS = ("id", "score", "exclusive")


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


class TooManyChoices(NotAnAnswer):
    """A multiple choice already holds its `max_choices` (`n`)."""

    key = "tui.max_choices"


class OptionsQuestion(PickedQuestion):
    """A choice among the question's own options; scored where options have a `score`."""

    options: list[Option]

    mark: ClassVar[str] = "( )"  # before each option in the bank listing

    def _check(self) -> None:
        if len(self.options) < 2:
            raise ValueError("needs at least two options")
        ids = [o.id for o in self.options]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"option id {doubles[0]!r} is used twice")
        for special in NOT_REAL:  # each is also the name of the field that offers it
            if special in ids:
                raise ValueError(f"{special!r} is not an option id: set {special} = true instead")

    @property
    def scorable(self) -> bool:
        return any(o.score is not None for o in self.options)

    def option(self, option_id: str) -> Option | None:
        return self._by_id.get(option_id)

    @cached_property  # asked for every answer of every result read: made once
    def _by_id(self) -> dict[str, Option]:
        return {o.id: o for o in self.options}

    def texts(self) -> list[tuple[str, Text]]:
        labels = [(f"options[{i}] ({o.id})", o.label) for i, o in enumerate(self.options)]
        return super().texts() + labels

    def _unknown(self, option_id: str) -> str:
        return f"unknown option {option_id!r} (options: {', '.join(o.id for o in self.options)})"

    def answer_values(self, scales: Scales) -> list[Any]:
        return [o.id for o in self.options]

    def _offered(self, bank: Bank, lang: str) -> tuple[list[Any], list[str]]:
        return [o.id for o in self.options], [bank.text(o.label, lang) for o in self.options]

    def listing_lines(self, bank: Bank, lang: str) -> list[str]:
        """The options a numbered line each, "don't know" and "does not apply" numbered on."""
        labels = self._allowed_lines(bank, lang)
        labels += [word(EXTRA_WORDS[extra][0], lang) for extra in self.extra_answers()]
        return [f"{self.mark} {i}. {label}" for i, label in enumerate(labels, 1)]

    def _allowed_lines(self, bank: Bank, lang: str) -> list[str]:
        return [bank.text(o.label, lang) for o in self.options]

    def listing_json(self, bank: Bank, lang: str) -> dict[str, Any]:
        options = [{"id": o.id, "label": bank.text(o.label, lang)} for o in self.options]
        return {"options": options, **super().listing_json(bank, lang)}

    def _sheet_options(self, bank: Bank, lang: str) -> str:
        return ", ".join(f'"{o.id}" ({bank.text(o.label, lang)})' for o in self.options)


class SingleChoiceQuestion(OptionsQuestion):
    """One option; it scores its `score`. The team's answer is the majority's."""

    kind: Literal["single_choice"]

    def _check(self) -> None:
        super()._check()
        if any(o.exclusive for o in self.options):
            raise ValueError("'exclusive' only fits a multiple_choice option")

    def _value_problem(self, value: Any, scales: Scales, lang: str | None) -> str | None:
        if not isinstance(value, str):
            return f"expected one option id, got {show_value(value)}"
        return None if self.option(value) is not None else self._unknown(value)

    def _points(self, value: Any, scales: Scales) -> float | None:
        option = self.option(value)
        return option.score if option is not None else None

    def _sheet_values(self, bank: Bank, lang: str) -> str:
        return f"{word('sheet.one_of', lang)} {self._sheet_options(bank, lang)}"


class MultipleChoiceQuestion(OptionsQuestion):
    """Any number of options (at most `max_choices`); an `exclusive` one stands alone. It
    scores the sum of the chosen options' scores, up to 100, or with `score_by = "best"` the
    best chosen option's score (one route that works is enough). The team's answer holds the
    options at least half of its members chose."""

    kind: Literal["multiple_choice"]
    max_choices: int | None = Field(default=None, ge=1)
    score_by: Literal["sum", "best"] = "sum"

    mark: ClassVar[str] = "[ ]"
    several: ClassVar[bool] = True

    def _check(self) -> None:
        super()._check()
        if self.max_choices is not None and self.max_choices > len(self.options):
            raise ValueError(
                f"max_choices ({self.max_choices}) is more than the {len(self.options)} options"
            )

    def _value_problem(self, value: Any, scales: Scales, lang: str | None) -> str | None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"expected a list of option ids, got {show_value(value)}"
        if self.max_choices is not None and len(value) > self.max_choices:
            return word("tui.max_choices", lang or DEFAULT, n=self.max_choices)
        for v in value:
            option = self.option(v)
            if option is not None and option.exclusive and len(value) > 1:
                label = in_language(option.label, lang) if lang else option.id
                return word("answer.exclusive", lang or DEFAULT, label=label)
        special = next((v for v in value if v in NOT_REAL), None)
        if special is not None and len(value) > 1:
            label = word(EXTRA_WORDS[special][1], lang) if lang else special
            return word("answer.exclusive", lang or DEFAULT, label=label)
        unknown = next((v for v in value if self.option(v) is None), None)
        if unknown is not None:
            return self._unknown(unknown)
        if len(set(value)) != len(value):
            return "an option is chosen twice"
        return None

    def condition_problem(self, key: str, value: Any, scales: Scales) -> str | None:
        if key == "includes":
            return None if self.option(value) else f"unknown option {value!r}"
        if key in ("equals", "in", "not_in"):
            return "use 'includes' to test a multiple_choice answer"
        return super().condition_problem(key, value, scales)

    def answer_values(self, scales: Scales) -> list[Any]:
        return [[o.id] for o in self.options]

    def _points(self, value: Any, scales: Scales) -> float | None:
        points = [self.option(v).score or 0 for v in value if self.option(v)]
        best = max(points, default=0) if self.score_by == "best" else sum(points)
        return float(min(100, best))

    def picked(self, current: Any, choice: Any, order: list[Any]) -> Any:
        """The answer after `choice` is toggled (None when nothing is left). An exclusive
        option ("don't know", "does not apply") replaces the others; TooManyChoices at the
        limit."""
        if choice in NOT_REAL:
            return None if current == choice else choice
        chosen = list(current) if isinstance(current, list) else []
        if choice in chosen:
            chosen.remove(choice)
            return chosen or None
        option = self.option(choice)
        if option is not None and option.exclusive:
            return [choice]
        chosen = [v for v in chosen if not self.option(v).exclusive]
        if self.max_choices is not None and len(chosen) >= self.max_choices:
            raise TooManyChoices(n=self.max_choices)
        return [v for v in order if v in chosen or v == choice]

    def read_line(self, text: str, bank: Bank, lang: str) -> Any:
        """The choices whose numbers are typed ("1 3"), in the options' order."""
        picked = self._numbered(_parts(text), bank, lang)
        if len(picked) == 1 and picked[0] in NOT_REAL:
            return picked[0]
        return [v for v in self.choices(bank, lang)[0] if v in picked]

    def plain_lines(self, bank: Bank, lang: str) -> list[str]:
        lines, n = super().plain_lines(bank, lang), self.max_choices
        return [*lines, word("plain.at_most", lang, n=n)] if n else lines

    def plain_prompt(self, bank: Bank, lang: str) -> str:
        return word("plain.choose_many", lang, first=1, last=len(self.choices(bank, lang)[0]))

    def answer_text(self, bank: Bank, value: Any, lang: str) -> str:
        if isinstance(value, list):
            return "; ".join(self.value_label(bank, v, lang) for v in value)
        return super().answer_text(bank, value, lang)

    def listing_lines(self, bank: Bank, lang: str) -> list[str]:
        n = self.max_choices
        how = word("up_to", lang, n=n) if n else word("any_number", lang)
        return [f"({how})", *super().listing_lines(bank, lang)]

    def listing_json(self, bank: Bank, lang: str) -> dict[str, Any]:
        data = super().listing_json(bank, lang)
        return data if self.max_choices is None else {**data, "max_choices": self.max_choices}

    def _sheet_values(self, bank: Bank, lang: str) -> str:
        n = self.max_choices
        limit = word("sheet.up_to", lang, n=n) if n else word("sheet.one_of", lang)
        options, example = self._sheet_options(bank, lang), word("sheet.example", lang)
        first = json.dumps([o.id for o in self.options[:2]])
        return f"{word('sheet.list_of', lang)} {limit} {options}; {example} {first}"

    def tally(self, values: list[Any]) -> dict[str, int]:
        """How many chose each option."""
        counts = Counter(o for answer in values if isinstance(answer, list) for o in answer)
        return {o.id: counts[o.id] for o in self.options if counts[o.id]}

    def team_answer(self, real: list[Any], scales: Scales, rule: DisagreementRule) -> TeamAnswer:
        shares = {o: round(n / len(real), 3) for o, n in self.tally(real).items()}
        chosen = [o.id for o in self.options if shares.get(o.id, 0) >= 0.5]
        exclusive = [o for o in chosen if self.option(o).exclusive]
        if exclusive and len(chosen) > 1:
            best = max(chosen, key=lambda o: shares[o])
            chosen = [best] if best in exclusive else [o for o in chosen if o not in exclusive]
        if self.max_choices is not None and len(chosen) > self.max_choices:
            kept = sorted(chosen, key=lambda o: -shares[o])[: self.max_choices]
            chosen = [o.id for o in self.options if o.id in kept]
        return TeamAnswer(chosen or None, shares=shares)
