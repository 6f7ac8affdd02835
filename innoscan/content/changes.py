"""Questions whose meaning changed between bank versions (changes.toml), and how an older
result's answers are read in today's terms where a mapping exists."""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from innoscan.content.base import Strict, Text


class Change(Strict):
    """In bank `version`, these questions changed meaning: their answers cannot be compared
    across it. `replaced_by` asks it now; `map` reads an old answer as an answer to it."""

    version: str = Field(min_length=1)
    questions: list[str] = Field(min_length=1)
    replaced_by: str | None = None
    note: Text
    map: dict[str, str] = {}

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


def version_key(version: str) -> tuple:
    """'2026.2' -> (2026, 2): versions compared part by part, numbers as numbers."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-]", version))
