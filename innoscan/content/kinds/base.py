"""What every question has, and the defaults of everything a kind decides.

A kind is a subclass with `kind: Literal["its_name"]`; it registers itself in QUESTION_KINDS
and overrides what is its own: its fields and their checks, which answers it takes and how
they are typed, its points, its merge rule and its words. What has no default (how a typed
line is read, the allowed answers in the listing and on the sheet, the plain mode's prompt)
is an abstract method: a kind that leaves one out cannot be made (pydantic's models are ABCs).
"""

from __future__ import annotations

from abc import abstractmethod
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Literal, get_args, get_origin

from pydantic import Field, model_validator

from innoscan.content.base import Strict, Text
from innoscan.content.conditions import Condition
from innoscan.locales import word

if TYPE_CHECKING:
    from innoscan.content.bank import Bank
    from innoscan.content.kinds.options import Option
    from innoscan.content.kinds.picked import Scale
    from innoscan.content.scoring_rules import DisagreementRule

    Scales = Mapping[str, Scale]

DONT_KNOW = "dont_know"
Origin = Literal["barometer", "danish_barometer", "seed", "innoscan"]
"""Where a question comes from: a barometer asks it so, a point of the How to session on
the barometer (the seed) put in a question, or innoscan's own question."""
NOT_APPLICABLE = "not_applicable"  # "does not apply": scores nothing, fires nothing
NOT_REAL = (DONT_KNOW, NOT_APPLICABLE)  # the answers that say nothing about the team
EXTRA_WORDS = {  # their words: in a listing, as a choice, on the answer sheet
    DONT_KNOW: ("dont_know", "tui.dont_know", "sheet.dont_know"),
    NOT_APPLICABLE: ("not_applicable", "tui.not_applicable", "sheet.not_applicable"),
}
QUESTION_ID = r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$"

QUESTION_KINDS: dict[str, type[BaseQuestion]] = {}
"""Every kind by its name, in the order the kinds are defined."""


class NotAnAnswer(ValueError):
    """A typed line or a key that gives no answer; `message(lang)` tells the person why."""

    key: ClassVar[str]  # the interface words that say why, given `text` and the values

    def __init__(self, text: str = "", **values: object) -> None:
        super().__init__(text)
        self.text, self.values = text, values

    def message(self, lang: str) -> str:
        return word(self.key, lang, text=self.text, **self.values)


@dataclass
class TeamAnswer:
    """A merged answer: the team's value (None: left open), whether the team disagrees, and
    for the spread the distance between the answers or each option's share."""

    value: Any
    disagree: bool = False
    spread: float | None = None
    shares: dict[str, float] = field(default_factory=dict)


class BaseQuestion(Strict):
    """The fields every question has; a kind adds its own and overrides the defaults below."""

    id: str = Field(pattern=QUESTION_ID)
    kind: str
    title: Text
    help: Text
    origin: Origin | None = None
    dont_know: bool = False
    scored: bool | None = None
    when: Condition | None = None

    ordered: ClassVar[bool] = False  # answers are numbers, tested with at_most / at_least
    several: ClassVar[bool] = False  # an answer is a list of options, tested with includes

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        kind = cls.model_fields["kind"].annotation
        if get_origin(kind) is Literal:
            QUESTION_KINDS[get_args(kind)[0]] = cls

    # ── the question's own fields ─────────────────────────────────────────────────────

    @model_validator(mode="before")
    @classmethod
    def _fields_fit_kind(cls, data: Any) -> Any:
        """Another kind's field is named as not fitting this kind, a missing field as needed."""
        if not isinstance(data, Mapping):
            return data
        kind, kept = data.get("kind"), {}
        for key, value in data.items():
            owner = None if key in cls.model_fields else _owner(key)
            if owner is None:
                kept[key] = value
            elif value != owner.model_fields[key].default:  # `reverse = false` does no harm
                raise ValueError(f"'{key}' does not fit a {kind} question")
        for name, info in cls.model_fields.items():
            if info.is_required() and name not in BaseQuestion.model_fields and name not in data:
                raise ValueError(f"a {kind} question needs '{name}'")
        return kept

    @model_validator(mode="after")
    def _consistent(self) -> BaseQuestion:
        self._check()
        if self.scored and not self.scorable:
            raise ValueError(f"scored = true, but a {self.kind} question has nothing to score")
        return self

    def _check(self) -> None:
        """Raise ValueError when the kind's own fields do not fit together."""

    @property
    def scorable(self) -> bool:
        """Whether an answer can be scored at all."""
        return False

    @cached_property  # asked for every question of every result scored: worked out once
    def is_scored(self) -> bool:
        """Whether the question counts in its section's score."""
        return self.scorable if self.scored is None else self.scored

    @property
    def section_id(self) -> str:
        return self.id.split(".", 1)[0]

    def option(self, option_id: str) -> Option | None:
        """The option with this id, for a kind with options."""
        return None

    def scale_in(self, scales: Scales) -> Scale | None:
        """The question's scale among the bank's, for a kind with a scale."""
        return None

    def scale_problem(self, scales: Scales) -> str | None:
        """What is wrong with the scale the question names, if it names one."""
        return None

    @property
    def offers_not_applicable(self) -> bool:
        """Whether "does not apply" is an answer (a kind with `not_applicable`)."""
        return False

    @property
    def dont_know_as(self) -> Any:
        """The answer "don't know" counts as in the score (None: it is left out)."""
        return None

    def dont_know_problem(self, scales: Scales) -> str | None:
        """What is wrong with the answer "don't know" counts as, if the question names one."""
        return None

    def texts(self) -> list[tuple[str, Text]]:
        """(key, text) of every text of the question, to check each is in every language."""
        return [("title", self.title), ("help", self.help)]

    # ── answers ───────────────────────────────────────────────────────────────────────

    def answer_problem(
        self, value: Any, scales: Scales | None = None, lang: str | None = None
    ) -> str | None:
        """Why `value` is not an answer to this question, or None if it is.

        With `lang`, for a person answering: in that language where there are words for it,
        options by their label. Without, for a file's reader: in English, options by id.
        """
        if value == DONT_KNOW:
            return None if self.dont_know else "'dont_know' is not allowed for this question"
        if value == NOT_APPLICABLE and self.offers_not_applicable:
            return None
        return self._value_problem(value, scales or {}, lang)

    def _value_problem(self, value: Any, scales: Scales, lang: str | None) -> str | None:
        return None

    def condition_problem(self, key: str, value: Any, scales: Scales) -> str | None:
        """Why the test `key = value` of a condition does not fit this question."""
        if key == "answered":
            return None
        if key == "includes":
            return f"'includes' only fits a {_kinds_that('several')} question"
        if key in ("at_most", "at_least"):
            ordered = _kinds_that("ordered")
            return None if self.ordered else f"'{key}' only fits a {ordered} question"
        for v in value if isinstance(value, list) else [value]:
            problem = self.answer_problem(v, scales)
            if problem:
                return problem
        return None

    @abstractmethod
    def read_line(self, text: str, bank: Bank, lang: str) -> Any:
        """The answer a typed line gives (the plain mode); NotAnAnswer when it gives none."""

    def points(self, value: Any, scales: Scales) -> float | None:
        """An answer as 0-100, or None where it does not count (not scored, does not apply,
        "don't know" where it counts as no answer)."""
        if value == DONT_KNOW:
            value = self.dont_know_as
        if value is None or value == NOT_APPLICABLE or not self.is_scored:
            return None
        return self._points(value, scales)

    def _points(self, value: Any, scales: Scales) -> float | None:
        return None

    # ── merging individual answers ────────────────────────────────────────────────────

    def tally(self, values: list[Any]) -> dict[str, int]:
        """How often each answer was given, by the answer as text."""
        return dict(sorted(Counter(_tally_key(v) for v in values).items()))

    def tally_answer(self, key: str) -> Any:
        """The answer a key of `tally` stands for."""
        return key

    def team_answer(self, real: list[Any], scales: Scales, rule: DisagreementRule) -> TeamAnswer:
        """The team's answer from its members' real answers (no "don't know", no "does not
        apply"). By default the most common one, none on a tie; a disagreement when it has no
        clear majority."""
        ranked = Counter(real).most_common()
        top, top_count = ranked[0]
        tie = len(ranked) > 1 and ranked[1][1] == top_count
        disagree = len(real) > 1 and (tie or top_count / len(real) < rule.majority)
        return TeamAnswer(None if tie else top, disagree)

    # ── words ─────────────────────────────────────────────────────────────────────────

    def answer_text(self, bank: Bank, value: Any, lang: str) -> str:
        """An answer as people read it: 'Agree (4)', 'yes', the option labels, '12 innovations'."""
        return self.value_label(bank, value, lang)

    def value_label(self, bank: Bank, value: Any, lang: str) -> str:
        """One value in words: yes, no, don't know, does not apply, an option's label, or the
        value itself."""
        if value == NOT_APPLICABLE:
            return word("not_applicable", lang)
        if value in ("yes", "no", DONT_KNOW):
            return word(value, lang)
        option = self.option(value) if isinstance(value, str) else None
        return bank.text(option.label, lang) if option is not None else str(value)

    def listing_lines(self, bank: Bank, lang: str) -> list[str]:
        """The allowed answers in the bank listing (`innoscan questions`), a line each: the
        kind's own, "don't know" and "does not apply" added to the last."""
        lines = self._allowed_lines(bank, lang)
        for extra in self.extra_answers():
            lines[-1] += f" / {word(EXTRA_WORDS[extra][0], lang)}"
        return lines

    def extra_answers(self) -> list[str]:
        """The answers offered after the kind's own: "don't know", "does not apply"."""
        offered = ((DONT_KNOW, self.dont_know), (NOT_APPLICABLE, self.offers_not_applicable))
        return [value for value, on in offered if on]

    @abstractmethod
    def _allowed_lines(self, bank: Bank, lang: str) -> list[str]:
        """The kind's own answers in the bank listing, a line each."""

    def listing_json(self, bank: Bank, lang: str) -> dict[str, Any]:
        """The kind's own keys in `innoscan questions --json`, in their place around dont_know."""
        return {"dont_know": self.dont_know, "not_applicable": self.offers_not_applicable}

    def sheet_text(self, bank: Bank, lang: str) -> str:
        """The allowed answers as the answer sheet's comment says them."""
        text = self._sheet_values(bank, lang)
        for extra in self.extra_answers():
            text += f", {word(EXTRA_WORDS[extra][2], lang)}"
        return text

    @abstractmethod
    def _sheet_values(self, bank: Bank, lang: str) -> str:
        """The kind's own answers as the answer sheet's comment says them."""

    def plain_lines(self, bank: Bank, lang: str) -> list[str]:
        """What the plain mode shows between the question and its prompt."""
        return []

    @abstractmethod
    def plain_prompt(self, bank: Bank, lang: str) -> str:
        """The plain mode's prompt: what to type."""

    def plain_current(self, bank: Bank, value: Any, lang: str) -> str:
        """The answer given, as the plain mode shows it."""
        return self.answer_text(bank, value, lang)


def middle_answer(
    real: list[Any], middle: Callable[[list[Any]], Any], span: float | None, rule: DisagreementRule
) -> TeamAnswer:
    """The median of numbers; a disagreement when they lie `rule.scale_span` of `span` apart."""
    spread = float(max(real) - min(real))
    team = middle(real)
    if isinstance(team, float) and team.is_integer() and all(isinstance(v, int) for v in real):
        team = int(team)
    disagree = span is not None and len(real) > 1 and spread >= rule.scale_span * span
    return TeamAnswer(team, disagree, spread=spread)


def show_value(value: Any) -> str:
    """A value from a file, named in a message."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return str(value)


def in_language(text: Text, lang: str | None) -> str:
    """A text in `lang`, else in its first language."""
    return text.get(lang or "") or next(iter(text.values()), "")


def _owner(key: str) -> type[BaseQuestion] | None:
    return next((kind for kind in QUESTION_KINDS.values() if key in kind.model_fields), None)


def _kinds_that(flag: str) -> str:
    return " or ".join(name for name, kind in QUESTION_KINDS.items() if getattr(kind, flag))


def _tally_key(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
