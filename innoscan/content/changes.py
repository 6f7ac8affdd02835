"""Questions whose meaning changed between bank versions (changes.toml), so that a comparison
of years names them instead of comparing unlike answers."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field

from innoscan.content.base import Strict, Text
from innoscan.content.kinds.base import QUESTION_ID


class Change(Strict):
    """From `version` on, these questions mean something else than before (the bank may no
    longer have them); `replaced_by` names the question that asks it now, if one does."""

    version: str = Field(min_length=1)
    questions: list[Annotated[str, Field(pattern=QUESTION_ID)]] = Field(min_length=1)
    replaced_by: str | None = Field(default=None, pattern=QUESTION_ID)
    note: Text

    def straddles(self, old: str, new: str) -> bool:
        """Whether answers given with bank version `old` and with `new` lie on both sides."""
        low, high = sorted((version_key(old), version_key(new)))
        return low < version_key(self.version) <= high


class ChangeFile(Strict):
    """The contents of changes.toml."""

    changes: list[Change] = []


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """A version as something to sort by: '2026.10' after '2026.9'."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-]", version))
