"""The yardstick for cold start: a minimal Textual app with one question, a RadioSet and a
footer, that validates its one question with a small pydantic model (as any app does that
validates its input)."""

from pydantic import BaseModel, StrictStr
from textual.app import App, ComposeResult
from textual.widgets import Footer, RadioButton, RadioSet, Static


class Question(BaseModel):
    title: StrictStr
    options: list[StrictStr]


QUESTION = Question.model_validate(
    {"title": "Did your team put new products into use?", "options": ["Yes", "No", "Don't know"]}
)


class MinimalApp(App):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(f"question 1 of 1: {QUESTION.title}")
        with RadioSet():
            for option in QUESTION.options:
                yield RadioButton(option)
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
