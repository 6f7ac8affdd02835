"""A radio button that shows whether it is chosen by its mark, not by colour alone."""

from __future__ import annotations

from textual.widgets import RadioButton


class MarkedRadioButton(RadioButton):
    """● when chosen, an empty mark when not: Textual's own button has the same ● for both and
    tells them apart by colour only, which NO_COLOR (or a washed-out projector) takes away."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 (the name Textual reads when drawing it)
        return "●" if self.value else " "
