"""Text from a file, a bank or a person on its way to the terminal, in two places.

1. Where a screen turns such text into a widget's content (`shown`, `shown_markup`): control
   and bidi characters become visible escapes (content/visible.py), as in the CLI and the
   reports, so the team sees that a note holds `\\x1b` and the layout counts those cells.
2. The last guard (`TerminalGuard`): Textual passes every line any widget renders (text,
   options, tables, toasts, border titles, the field being edited) through the app's line
   filters before it is written to the terminal (or the browser). This one drops what 1 made
   visible from the text of every segment, so that a widget that shows a raw value (an Input
   or TextArea editing a note, whose saved value must stay what the file held) or one a future
   screen forgets to pass through 1 can never send ESC, a C1 control or a bidi override. The
   characters dropped take no cell, so nothing moves; Textual's own escape sequences (colours,
   cursor, OSC 52 of its own copy) are made after the filters and are untouched.
"""

from __future__ import annotations

from rich.markup import escape
from rich.segment import Segment
from textual.app import App
from textual.color import Color
from textual.filter import LineFilter

from innoscan.content.visible import stripped, visible


def shown(text: object) -> str:
    """`text` for a widget that shows it as it is (markup off, a rich Text, an option)."""
    return visible(text, lines=True)


def shown_markup(text: object) -> str:
    """`text` for a place that reads markup: shown, and its brackets escaped."""
    return escape(shown(text))


class TerminalGuard(LineFilter):
    """Drops control and bidi characters from the text of every rendered segment."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        safe = []
        for segment in segments:
            text, style, control = segment
            if not control:
                cleaned = stripped(text)
                if cleaned != text:
                    if not cleaned:
                        continue
                    segment = Segment(cleaned, style, control)
            safe.append(segment)
        return safe


class GuardedApp(App):
    """An app whose every line passes the guard, last, after Textual's own filters, and whose
    notifications show their text (a path, a file's problem, a name) as a widget does."""

    _guard = TerminalGuard()  # one: Textual keeps each line's filtered copy per filter

    def get_line_filters(self) -> list[LineFilter]:
        return [*super().get_line_filters(), self._guard]

    def notify(self, message: str, *, title: str = "", **details) -> None:
        super().notify(shown(message), title=shown(title), **details)
