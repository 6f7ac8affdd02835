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


def as_typed(key: events.Key) -> events.Key:
    """The key the person pressed. Enter typed before innoscan took over the terminal comes
    as a line feed (the terminal's own line editing turns Return into one): Ctrl+J, which
    innoscan binds to nothing, so it is read as the Enter it was."""
    if key.key != "ctrl+j":
        return key
    return events.Key("enter", "\r")


class KeysInOrder(App):
    """Mixed into the app. A screen may define `async def ready_for_keys()`: the next key
    waits until it returns (a question still being shown is not ready)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._typed: deque[events.Key] = deque()
        self._key: events.Key | None = None  # the key being handled; the next ones wait
        self._trip: object | None = None  # see _wait_for
        self._give_up: Timer | None = None
        self._handing = False  # a key taken from _typed is on its way to its widget

    def keys_waiting(self) -> bool:
        """Whether a key typed is still waiting or being handled (for scripts and tests
        that look at the screen once the typing is done)."""
        return bool(self._typed) or self._key is not None or self._handing

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key):
            await super().on_event(event)
        elif not event.is_forwarded:  # from the terminal: it waits its turn
            self._typed.append(as_typed(event))
            await self._next_keys()
        else:  # back at the app: the bindings of the focused widget and its parents run
            await super().on_event(event)
            if event is self._key:  # then what they set off (Enter in a field: Submitted)
                self._wait_for(self.focused or self.screen)

    async def _next_keys(self) -> None:
        while self._key is None and self._typed:
            key = self._typed.popleft()
            self._handing = True
            try:
                ready = getattr(self.screen, "ready_for_keys", None)
                if ready is not None:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(ready(), KEY_WAIT)
                target = self.focused or self.screen
                await super().on_event(key)  # by a priority binding, or sent to `target`
            finally:
                self._handing = False
            if key.is_forwarded:
                self._key = key
                self._wait_for(target)

    def _wait_for(self, node: DOMNode) -> None:
        """Hold the next keys until `node` and its parents up to the screen have handled
        what they have now: the key (which then comes back to the app if no widget stops
        it), or the messages its bindings posted."""
        trip = self._trip = object()
        if self._give_up is not None:
            self._give_up.stop()
        self._give_up = self.set_timer(KEY_WAIT, partial(self.call_later, self._arrived, trip))
        self._follow(trip, node)

    def _follow(self, trip: object, node: DOMNode) -> None:
        """Run again once `node` has handled its messages so far (and passed them on to its
        parent), up to the app; there, `_arrived` runs after what reached the app."""
        if node is self or not node.call_later(self._follow, trip, node.parent or self):
            self.call_later(self._arrived, trip)

    async def _arrived(self, trip: object) -> None:
        if self._trip is trip:
            self._key = self._trip = None
            if self._give_up is not None:
                self._give_up.stop()
            await self._next_keys()
