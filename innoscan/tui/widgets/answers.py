"""One widget per kind of question, found from its kind with `answer_widget`.

Each posts `Picked` when the answer changes. `current()` reads the answer from the widget
itself, so a screen can save it in the order the keys were typed, whatever messages are still
on their way.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from innoscan.content.bank import DONT_KNOW, Bank, Question
from innoscan.content.kinds import NotAnAnswer
from innoscan.locales import word
from innoscan.tui.shown import shown


class Picked(Message):
    """The answer to `question` changed: `value` is the new answer, or None when cleared."""

    def __init__(self, question: Question, value: Any) -> None:
        self.question = question
        self.value = value
        super().__init__()


class ChoiceAnswer(OptionList):
    """One of numbered options (a likert scale, a single choice), "don't know" last."""

    BINDINGS = [
        Binding("space", "toggle", "Toggle", show=False, id="toggle"),
    ]
    KEYS: ClassVar[tuple[str, ...]] = ("pick",)  # the question screen's keys that answer here
    MARKS: ClassVar[tuple[str, str]] = ("(•)", "( )")  # chosen, not chosen

    def __init__(self, bank: Bank, question: Question, lang: str, value: Any, **kwargs) -> None:
        self.bank, self.question, self.lang = bank, question, lang
        self.values, self.labels = question.choices(bank, lang)
        self.value = value
        super().__init__(*self._option_rows(), **kwargs)

    def on_mount(self) -> None:
        chosen = self._chosen_indexes()  # untouched: nothing highlighted, so Enter picks none
        self.highlighted = chosen[0] if chosen else None

    def answer_hint(self) -> str:
        """A line under the options on how to answer, if any."""
        return ""

    def pick(self, index: int) -> None:
        """Choose option `index` (toggle it in a multiple choice) and say so; a number
        without an option rings the bell."""
        if not 0 <= index < len(self.values):
            self.app.bell()
            return
        self.highlighted = index
        try:
            new = self.question.picked(self.value, self.values[index], self.values)
        except NotAnAnswer as exc:
            self.app.bell()
            self.notify(exc.message(self.lang), severity="warning")
            return
        self.value = new
        self._redraw()
        self.post_message(Picked(self.question, self.value))

    def current(self) -> tuple[str | None, Any]:
        """(None: nothing wrong, the answer shown now): read directly, not from messages."""
        return None, self.value

    def action_toggle(self) -> None:
        if self.highlighted is not None:
            self.pick(self.highlighted)

    def action_select(self) -> None:
        """Enter: choose the highlighted option (the question screen then goes on)."""
        highlighted = self.highlighted
        if highlighted is not None and self.values[highlighted] != self.value:
            self.pick(highlighted)

    async def _on_click(self, event: events.Click) -> None:
        clicked = event.style.meta.get("option")
        if clicked is not None:
            self.pick(clicked)

    def _chosen_indexes(self) -> list[int]:
        chosen = self.value if isinstance(self.value, list) else [self.value]
        return [i for i, v in enumerate(self.values) if v in chosen]

    def _option_rows(self) -> list[Option]:
        chosen = set(self._chosen_indexes())
        on, off = self.MARKS
        return [
            Option(Text(f"{on if i in chosen else off} {_key(i)}. {shown(label)}"), id=f"o{i}")
            for i, label in enumerate(self.labels)
        ]

    def _redraw(self) -> None:
        for i, option in enumerate(self._option_rows()):
            self.replace_option_prompt_at_index(i, option.prompt)


class YesNoAnswer(ChoiceAnswer):
    """Yes or no: also answered with the y (j) and n keys."""

    KEYS = ("pick", "yes", "no")


class MultipleChoiceAnswer(ChoiceAnswer):
    """Options toggled on and off; Enter goes on without picking."""

    MARKS = ("[x]", "[ ]")

    def answer_hint(self) -> str:
        hint, limit = word("tui.choose_multi", self.lang), self.question.max_choices
        return f"{hint} · {word('tui.max_choices', self.lang, n=limit)}" if limit else hint

    def action_select(self) -> None:
        """Enter chooses nothing here: options are toggled by their number or Space."""


def _key(index: int) -> str:
    return str(index + 1) if index < 9 else ("0" if index == 9 else " ")


class TypedAnswer(Vertical):
    """A typed answer (a text; NumberAnswer for a number): an input line (and "don't know"
    where allowed). While the line holds a text that is no answer ("1500" where 1000 is the
    most), the answer is the one the widget was shown with, never a text typed on the way."""

    DEFAULT_CSS = """
    TypedAnswer { height: auto; }
    TypedAnswer #problem { color: $error; height: auto; }
    TypedAnswer ChoiceAnswer { height: auto; margin-top: 1; }
    """
    KEYS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, bank: Bank, question: Question, lang: str, value: Any, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bank, self.question, self.lang = bank, question, lang
        self.shown = self.value = value  # the answer shown with; the last one posted

    def answer_hint(self) -> str:
        return ""

    def _placeholder(self) -> str:
        """What the empty input line says."""
        return word("tui.text_hint", self.lang)

    def compose(self) -> ComposeResult:
        q, lang = self.question, self.lang
        shown = "" if self.value in (None, DONT_KNOW) else q.typed(self.value)
        yield Input(value=shown, placeholder=self._placeholder(), id="typed")
        problem = Static("", id="problem", markup=False)
        problem.display = False
        yield problem
        if q.dont_know:
            yield Checkbox(word("tui.dont_know", lang), self.value == DONT_KNOW, id="dont-know")

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        if event.value:
            self.query_one(Input).value = ""
            self._set(DONT_KNOW)
        elif self.value == DONT_KNOW:
            self._set(None)

    def _set(self, value: Any) -> None:
        if value != self.value:
            self.value = value
            self.post_message(Picked(self.question, value))

    def focus(self, scroll_visible: bool = True):
        return self.query_one(Input).focus(scroll_visible)

    def current(self) -> tuple[str | None, Any]:
        """(what is wrong with the typed text or None, the answer): read from the field
        itself, not from messages; a typed text wins over a "don't know" not yet unticked."""
        text = self.query_one(Input).value
        if not text.strip():
            dont_know = self.question.dont_know and self.query_one(Checkbox).value
            return None, DONT_KNOW if dont_know else None
        try:
            value = self.question.parse(text)
        except NotAnAnswer as exc:
            return exc.message(self.lang), self.shown
        problem = self.bank.answer_problem(self.question, value, self.lang)
        return problem, self.shown if problem else value

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        problem, value = self.current()
        problem_line = self.query_one("#problem", Static)
        problem_line.update(shown(problem or ""))
        problem_line.display = bool(problem)
        if not problem and event.value.strip() and self.question.dont_know:
            self.query_one(Checkbox).value = False
        self._set(value)


class NumberAnswer(TypedAnswer):
    """A number, in the question's unit."""

    def _placeholder(self) -> str:
        hint, unit = word("tui.number_hint", self.lang), self.question.unit
        return f"{hint} ({shown(self.bank.text(unit, self.lang))})" if unit else hint


ANSWER_WIDGETS: dict[str, type[ChoiceAnswer | TypedAnswer]] = {
    "likert": ChoiceAnswer,
    "yes_no": YesNoAnswer,
    "single_choice": ChoiceAnswer,
    "multiple_choice": MultipleChoiceAnswer,
    "number": NumberAnswer,
    "text": TypedAnswer,
}
"""The widget of each kind of question."""


def answer_widget(
    bank: Bank, question: Question, lang: str, value: Any, **kwargs
) -> ChoiceAnswer | TypedAnswer:
    """The widget that answers `question`, showing `value`."""
    return ANSWER_WIDGETS[question.kind](bank, question, lang, value, **kwargs)
