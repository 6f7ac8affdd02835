"""What every content model shares: texts per language and strict, frozen models."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

Text = dict[str, str]
SLUG = r"^[a-z][a-z0-9_]*$"


class Strict(BaseModel):
    """A model of hand-written TOML: unknown keys are errors, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
