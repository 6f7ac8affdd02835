"""What every innoscan screen shares: the app's bank, language and words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual.screen import ModalScreen, Screen

from innoscan.locales import word

if TYPE_CHECKING:
    from innoscan.tui.app import InnoscanApp


class WordsMixin:
    """What every innoscan screen shares: words in the app's language, localised key
    descriptions, and a check of the terminal's size on every resize."""

    app: InnoscanApp

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        localise_bindings(self, self.app.lang)

    def on_resize(self) -> None:
        self.app.call_after_refresh(self.app.check_size)

    @property
    def lang(self) -> str:
        return self.app.lang

    def w(self, key: str, **values: object) -> str:
        return word(key, self.app.lang, **values)


class BaseScreen(WordsMixin, Screen):
    """A full screen of the flow. HELP is the key of its help text."""

    HELP = "help.question"


ResultType = TypeVar("ResultType")


class BaseModal(WordsMixin, ModalScreen[ResultType], Generic[ResultType]):
    """A dialog over the flow."""

    HELP = "help.question"


def localise_bindings(node, lang: str) -> None:
    """Give a node's bindings their footer text in `lang` (words key.ACTION, keys.ACTION)."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [_localised(b, lang) for b in bindings]


def _localised(binding, lang: str):
    from dataclasses import replace

    from innoscan.locales import has_word

    action = _action(binding)
    if has_word(f"key.{action}"):
        binding = replace(binding, description=word(f"key.{action}", lang))
    if has_word(f"keys.{action}"):
        binding = replace(binding, key_display=word(f"keys.{action}", lang))
    return binding


def _action(binding) -> str:
    return binding.action.split("(", 1)[0].removeprefix("app.").removeprefix("screen.")
