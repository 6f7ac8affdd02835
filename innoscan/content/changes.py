"""Questions whose meaning changed between bank versions (changes.toml), so that a comparison
of years names them instead of comparing unlike answers, and an older result's answers are
read in today's terms where a mapping exists."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import Field

from innoscan.content.base import Strict, Text
from innoscan.content.kinds.base import QUESTION_ID


class Change(Strict):
    """From `version` on, these questions mean something else than before (the bank may no
    longer have them); `replaced_by` names the question that asks it now, if one does, and
    `map` reads an old answer (option id) as an answer to it."""

    version: str = Field(min_length=1)
    questions: list[Annotated[str, Field(pattern=QUESTION_ID)]] = Field(min_length=1)
    replaced_by: str | None = Field(default=None, pattern=QUESTION_ID)
    note: Text
    map: dict[str, str] = {}

    def straddles(self, old: str, new: str) -> bool:
        """Whether answers given with bank version `old` and with `new` lie on both sides."""
        low, high = sorted((version_key(old), version_key(new)))
        return low < version_key(self.version) <= high

    def after(self, version: str) -> bool:
        """Whether this change came after bank `version` (a result made with it predates it)."""
        return version_key(version) < version_key(self.version)

    def mapped(self, value: Any) -> Any:
        """An old answer (an option id, or a list of them) as an answer to `replaced_by`;
        None when some part of it has no mapping."""
        if isinstance(value, list):
            parts = [self.map.get(v) if isinstance(v, str) else None for v in value]
            return None if None in parts else list(dict.fromkeys(parts))
        return self.map.get(value) if isinstance(value, str) else None


class ChangeFile(Strict):
    """The contents of changes.toml."""

    changes: list[Change] = []


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """A version as something to sort by: '2026.10' after '2026.9'."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-]", version))
