"""Never a stub: what the app calls on a screen or a widget is there on every one, and no
method stands in for one by raising NotImplementedError (the kinds: tests/test_kinds.py)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import innoscan
import innoscan.tui.screens
from innoscan.content.kinds import QUESTION_KINDS
from innoscan.tui.screens.base import BaseScreen
from innoscan.tui.widgets.answers import ANSWER_WIDGETS

PACKAGE = Path(innoscan.__file__).parent


def _subclasses(cls: type) -> list[type]:
    return [c for sub in cls.__subclasses__() for c in (sub, *_subclasses(sub))]


def test_no_method_of_the_package_is_a_stub():
    stub = re.compile(r"^\s*raise NotImplementedError\b", re.M)
    found = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if stub.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_every_screen_can_be_made_again_in_another_language():
    for module in pkgutil.iter_modules(innoscan.tui.screens.__path__):
        importlib.import_module(f"innoscan.tui.screens.{module.name}")
    screens = _subclasses(BaseScreen)
    assert len(screens) >= 9  # start, question, results, teams, compare, merge, room, ...
    for screen in screens:
        assert not inspect.isabstract(screen), f"{screen.__name__}: {screen.__abstractmethods__}"

    class Unfinished(BaseScreen):
        pass

    with pytest.raises(TypeError, match="in_language"):
        Unfinished()


def test_every_kind_has_its_widget():
    assert list(ANSWER_WIDGETS) == list(QUESTION_KINDS)
