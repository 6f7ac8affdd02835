"""The TUI under Pilot: the same app factory as the CLI, a fresh results folder per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from innoscan.store.result import Result, load_result
from innoscan.store.session import ResultsFolder
from innoscan.tui.factory import make_app

SIZE = (80, 24)
HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    """Every test under tests/tui/ runs the app under Pilot: slow (`-m "not slow"` skips it)."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch):
    """Text cursors that do not blink: a snapshot shows the cursor however long the machine
    took to get there (a blink every 0.5 s made pictures differ on a loaded machine)."""
    from textual.widgets import Input, TextArea

    for widget in (Input, TextArea):
        monkeypatch.setattr(widget, "__init__", _without_blink(widget.__init__))


def _without_blink(init):
    def steady(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.cursor_blink = False

    return steady


@pytest.fixture
def folder(tmp_path, monkeypatch) -> ResultsFolder:
    """innoscan-results/ under a fresh working directory (relative, as users run it)."""
    monkeypatch.chdir(tmp_path)
    return ResultsFolder("innoscan-results")


@pytest.fixture
def team_app(bank, folder):
    """The app at team 'Team Data' 2026's first open question, in English."""

    def make(**details):
        details.setdefault("year", 2026)
        details.setdefault("organisation", "Kadaster")
        return make_app(bank, details.pop("lang", "en"), folder, team="Team Data", **details)

    return make


@pytest.fixture
def on_disk(bank, folder):
    """The answers of Team Data 2026 as saved in the results folder right now."""

    def read(team="Team Data", year=2026):
        return load_result(folder.path_for(team, year), bank).result

    return read


@pytest.fixture
def doing_and_done(bank, folder):
    """Team Doing 2026 in progress (one answer) and Team Done 2025 finished, in the folder."""
    folder.path.mkdir()
    doing = Result.new(bank, "Team Doing", 2026, "en")
    doing.answers["activity.products"] = "yes"
    doing.save(folder.path_for("Team Doing", 2026))
    done = Result.new(bank, "Team Done", 2025, "en")
    done.meta.status = "complete"
    done.save(folder.path_for("Team Done", 2025))
    return folder
