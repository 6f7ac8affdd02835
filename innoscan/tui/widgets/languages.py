"""The choice of language: a radio button per language with interface words, in its own name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.widgets import RadioSet

from innoscan.locales import languages, word
from innoscan.tui.widgets.radio import MarkedRadioButton


def language_buttons(bank_languages: Iterable[str], current: str) -> Iterator[MarkedRadioButton]:
    """One button per language (the bank's first, in its order), `current` pressed."""
    for lang in languages(bank_languages):
        name = word("language.name", lang)
        yield MarkedRadioButton(name, value=lang == current, id=f"lang-{lang}")


def chosen_language(radio_set: RadioSet) -> str | None:
    """The language whose button is pressed in a set made by `language_buttons`."""
    pressed = radio_set.pressed_button
    return pressed.id.removeprefix("lang-") if pressed is not None and pressed.id else None
