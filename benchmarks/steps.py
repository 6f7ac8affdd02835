"""Moving from one question to the next while answering, headless under Pilot.

For every step of a whole questionnaire (a digit, then PageDown) the time from the key's
action to the next question's widgets mounted and filled in: the screen's own work, measured
inside the app (the terminal then draws it at its next refresh, at most 1/60 s later).
Target: under 50 ms median.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time

from innoscan.content.loader import load_bank
from innoscan.tui.factory import make_app
from innoscan.tui.screens import question as question_screen


async def walk() -> list[float]:
    steps: list[float] = []
    original = question_screen.QuestionScreen.action_next

    async def timed_next(self):
        start = time.perf_counter()
        await original(self)  # done when the next question's widgets are mounted and filled
        steps.append(time.perf_counter() - start)

    question_screen.QuestionScreen.action_next = timed_next
    folder = tempfile.mkdtemp(prefix="innoscan-steps-")
    app = make_app(load_bank(), "en", folder, team="Steps", year=2026)
    async with app.run_test(size=(80, 24)) as pilot:
        while isinstance(app.screen, question_screen.QuestionScreen):
            kind = app.screen.question.kind
            await pilot.press("1" if kind != "text" else "x", "pagedown")
            await pilot.pause()
    question_screen.QuestionScreen.action_next = original
    return steps


def measure() -> tuple[float, float, int]:
    steps = asyncio.run(walk())
    return statistics.median(steps), max(steps), len(steps)


if __name__ == "__main__":
    median, worst, count = measure()
    print(f"{count} steps: median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms")
    print("target: median under 50 ms")
