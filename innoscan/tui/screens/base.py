"""What every innoscan screen offers the app, and shares: words and keys in the app's language."""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Generic, TypeVar

from textual.app import SystemCommand
from textual.binding import ActiveBinding, Binding
from textual.screen import ModalScreen, Screen

from innoscan.locales import has_word, word

if TYPE_CHECKING:
    from innoscan.store.session import Session
    from innoscan.tui.app import InnoscanApp


class InnoscanScreen:
    """Mixed into every innoscan screen: words in the app's language, the keys (footer, F1
    help, key panel) described in it, a size check on every resize, and the hooks the app
    calls. A screen overrides the hooks that apply to it; the others do nothing."""

    app: InnoscanApp
    HELP = "help.question"
    """The key of the screen's help text (F1)."""

    session: Session | None = None
    """The session the screen shows, if any: the command palette offers to export it."""

    @property
    def lang(self) -> str:
        return self.app.lang

    def word(self, key: str, **values: object) -> str:
        """The interface word `key` in the app's language."""
        return word(key, self.app.lang, **values)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's active bindings, described in the app's language (see `localised`)."""
        return {
            key: active._replace(binding=localised(active.binding, self.lang))
            for key, active in super().active_bindings.items()  # type: ignore[misc]
        }

    def on_resize(self) -> None:
        self.app.call_after_refresh(self.app.check_size)

    # ── hooks the app calls ───────────────────────────────────────────────────────────

    def commit(self) -> None:
        """Save what the screen holds and has not saved yet: the app is about to quit."""

    def update_banner(self) -> None:
        """Show again whether the answers are saved: saving was just retried."""

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The screen's own commands in the command palette."""
        return ()


class _AbstractScreenType(ABCMeta, type(Screen)):
    """Textual's type of screen that keeps abstract methods: a screen that leaves one out
    cannot be made."""


class BaseScreen(InnoscanScreen, Screen, metaclass=_AbstractScreenType):
    """A full screen of the flow: the app switches languages by making it again."""

    @abstractmethod
    def in_language(self) -> BaseScreen:
        """This screen made again in the app's language (it has just switched), state kept."""


ResultType = TypeVar("ResultType")


class BaseModal(InnoscanScreen, ModalScreen[ResultType], Generic[ResultType]):
    """A dialog over the flow."""


def localised(binding: Binding, lang: str) -> Binding:
    """`binding` described in `lang` by the words key.NAME (and keys.NAME for how its key is
    shown), NAME being its id; Textual's own bindings have no id, so their action names them."""
    name = binding.id or binding.action.split("(", 1)[0].rpartition(".")[2]
    if has_word(f"key.{name}"):
        binding = replace(binding, description=word(f"key.{name}", lang))
    if has_word(f"keys.{name}"):
        binding = replace(binding, key_display=word(f"keys.{name}", lang))
    return binding
