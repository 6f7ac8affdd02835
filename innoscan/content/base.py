"""What every content model shares: texts per language and strict, frozen models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

Text = dict[str, str]
SLUG = r"^[a-z][a-z0-9_]*$"


class Strict(BaseModel):
    """A model of hand-written TOML: unknown keys are errors, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (content/bank_cache.py) with its fields only: what is worked out from them
        and kept (functools.cached_property: lookups, a condition as a function) is worked
        out again."""
        state = super().__getstate__()
        fields = type(self).model_fields
        state["__dict__"] = {k: v for k, v in state["__dict__"].items() if k in fields}
        return state
