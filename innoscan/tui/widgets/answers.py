"""One widget per kind of answer. Each posts `Picked` when the answer changes."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from innoscan.assess.answering import (
    TooManyChoices,
    answer_problem,
    choices,
    number_problem,
    parse_number,
    shown_number,
    toggled,
)
from innoscan.content.bank import DONT_KNOW, Bank, Question
from innoscan.locales import word


class Picked(Message):
    """The answer to `question` changed: `value` is the new answer, or None when cleared."""

    def __init__(self, question: Question, value: Any) -> None:
        self.question = question
        self.value = value
        super().__init__()


class GoOn(Message):
    """The user pressed Enter where it means: done with this question."""


class ChoiceAnswer(OptionList):
    """Likert, yes/no, single and multiple choice: numbered options, "don't know" last."""

    BINDINGS = [
        Binding("space", "toggle", "Toggle", show=False, id="toggle"),
    ]

    def __init__(self, bank: Bank, question: Question, lang: str, value: Any, **kwargs) -> None:
        self.bank, self.question, self.lang = bank, question, lang
        self.values, self.labels = choices(bank, question, lang)
        self.multi = question.kind == "multiple_choice"
        self.value = value
        super().__init__(*self._option_rows(), **kwargs)

    def on_mount(self) -> None:
        chosen = self._chosen_indexes()
        self.highlighted = chosen[0] if chosen else 0

    def pick(self, index: int) -> None:
        """Choose option `index` (toggle it in a multiple choice) and say so."""
        if not 0 <= index < len(self.values):
            return
        self.highlighted = index
        picked = self.values[index]
        if not self.multi:
            new: Any = picked
        else:
            try:
                new = toggled(self.question, self.value, picked, self.values)
            except TooManyChoices as exc:
                self.app.bell()
                self.notify(word("tui.max_choices", self.lang, n=exc.limit), severity="warning")
                return
        self.value = new
        self._redraw()
        self.post_message(Picked(self.question, self.value))

    def current(self) -> tuple[bool, Any]:
        """(valid, the answer shown now): read directly, not from pending messages."""
        return True, self.value

    def action_toggle(self) -> None:
        if self.highlighted is not None:
            self.pick(self.highlighted)

    def action_select(self) -> None:
        """Enter: choose the highlighted option (single answers) and go on."""
        highlighted = self.highlighted
        if not self.multi and highlighted is not None and self.values[highlighted] != self.value:
            self.pick(highlighted)
        self.post_message(GoOn())

    async def _on_click(self, event: events.Click) -> None:
        clicked = event.style.meta.get("option")
        if clicked is not None:
            self.pick(clicked)

    def _chosen_indexes(self) -> list[int]:
        if self.multi and isinstance(self.value, list):
            return [i for i, v in enumerate(self.values) if v in self.value]
        return [i for i, v in enumerate(self.values) if v == self.value]

    def _option_rows(self) -> list[Option]:
        chosen = set(self._chosen_indexes())
        on, off = ("[x]", "[ ]") if self.multi else ("(•)", "( )")
        return [
            Option(Text(f"{on if i in chosen else off} {_key(i)}. {label}"), id=f"o{i}")
            for i, label in enumerate(self.labels)
        ]

    def _redraw(self) -> None:
        for i, option in enumerate(self._option_rows()):
            self.replace_option_prompt_at_index(i, option.prompt)


def _key(index: int) -> str:
    return str(index + 1) if index < 9 else ("0" if index == 9 else " ")


class TypedAnswer(Vertical):
    """A number or a text: an input line (and "don't know" where allowed)."""

    DEFAULT_CSS = """
    TypedAnswer { height: auto; }
    TypedAnswer #problem { color: $error; height: auto; }
    TypedAnswer ChoiceAnswer { height: auto; margin-top: 1; }
    """

    def __init__(self, bank: Bank, question: Question, lang: str, value: Any, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bank, self.question, self.lang = bank, question, lang
        self.value = value

    def compose(self) -> ComposeResult:
        q, lang = self.question, self.lang
        shown = "" if self.value in (None, DONT_KNOW) else shown_number(self.value)
        hint = word("tui.number_hint" if q.kind == "number" else "tui.text_hint", lang)
        if q.kind == "number" and q.unit:
            hint += f" ({self.bank.text(q.unit, lang)})"
        yield Input(value=shown, placeholder=hint, id="typed")
        problem = Static("", id="problem")
        problem.display = False
        yield problem
        if q.dont_know:
            yield Checkbox(word("tui.dont_know", lang), self.value == DONT_KNOW, id="dont-know")
        self.invalid = False

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

    def current(self) -> tuple[bool, Any]:
        """(valid, the answer shown now): read from the input itself, not from messages."""
        if self.question.dont_know and self.query_one(Checkbox).value:
            return True, DONT_KNOW
        text = self.query_one(Input).value
        if not text.strip():
            return True, None
        if self.question.kind == "text":
            return True, text
        value, problem = parse_number(text)
        if problem is None and self.bank.answer_problem(self.question, value) is None:
            return True, value
        return False, None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value.strip()
        problem_line = self.query_one("#problem", Static)
        if self.question.kind == "text":
            value: Any = event.value if text else None
        elif not text:
            value = None
        else:
            value, why = parse_number(text)
            if why is not None:
                problem = number_problem(text, why, self.lang)
            else:
                problem = answer_problem(self.bank, self.question, value, self.lang)
            if problem:
                self.invalid = True
                problem_line.update(problem)
                problem_line.display = True
                return
        self.invalid = False
        problem_line.update("")
        problem_line.display = False
        if value is not None and self.question.dont_know:
            self.query_one(Checkbox).value = False
        if value is None and self.value == DONT_KNOW:
            return
        self._set(value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.invalid:
            self.post_message(GoOn())
