"""Keys handled one at a time, in the order typed.

Textual hands a key that no priority binding takes to the focused widget, and checks the
bindings of that widget (Backspace in a field, Down in a list) only once the key has bubbled
back up to the app, behind the keys typed after it: typed fast, "12", Backspace, "3" gives
"12" instead of "13", and a pick overtakes the PageDown typed after it. Here each key waits
until the one before it has been handled all the way, and until the screen is ready for it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from functools import partial

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.timer import Timer

KEY_WAIT = 5.0
"""Seconds a key waits at most: for the screen to be ready, or for the key before it."""


class KeysInOrder(App):
    """Mixed into the app. A screen may define `async def ready_for_keys()`: the next key
    waits until it returns (a question still being shown is not ready)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._typed: deque[events.Key] = deque()
        self._on_its_way: events.Key | None = None
        self._give_up: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key):
            await super().on_event(event)
        elif not event.is_forwarded:  # from the terminal: it waits its turn
            self._typed.append(event)
            await self._next_keys()
        else:  # back from the focused widget and its parents: their bindings, then the next
            await super().on_event(event)
            await self._handled(event)

    async def _next_keys(self) -> None:
        while self._on_its_way is None and self._typed:
            key = self._typed.popleft()
            ready = getattr(self.screen, "ready_for_keys", None)
            if ready is not None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(ready(), KEY_WAIT)
            target = self.focused or self.screen
            await super().on_event(key)  # handled by a priority binding, or sent to `target`
            if key.is_forwarded:
                self._on_its_way = key
                give_up = partial(self.call_later, self._handled, key)
                self._give_up = self.set_timer(KEY_WAIT, give_up)
                self._follow(key, target)

    def _follow(self, key: events.Key, node: DOMNode) -> None:
        """Run again once `node` has handled `key` (and passed it to its parent), up to the
        app; there, `_handled` runs after the key if the key came back."""
        if node is self or not node.call_later(self._follow, key, node.parent or self):
            self.call_later(self._handled, key)

    async def _handled(self, key: events.Key) -> None:
        if self._on_its_way is key:
            self._on_its_way = None
            if self._give_up is not None:
                self._give_up.stop()
            await self._next_keys()
