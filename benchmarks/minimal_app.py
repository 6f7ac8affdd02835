"""The yardstick for cold start: a minimal Textual app with one question, a RadioSet, a footer."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, RadioButton, RadioSet, Static


class MinimalApp(App):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("question 1 of 1: Did your team put new products into use?")
        with RadioSet():
            yield RadioButton("Yes")
            yield RadioButton("No")
            yield RadioButton("Don't know")
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
