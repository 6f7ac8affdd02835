"""The choices a question offers, in the order shown, "don't know" last.

How an answer is picked, typed and checked belongs to its kind (innoscan/content/kinds/).
"""

from __future__ import annotations

from typing import Any

from innoscan.content.bank import Bank
from innoscan.content.kinds import PickedQuestion


def choices(bank: Bank, q: PickedQuestion, lang: str) -> tuple[list[Any], list[str]]:
    """The values and labels of a picked question (likert, yes/no, a choice)."""
    return q.choices(bank, lang)
