"""Lists read from a file (unknown ids, problems), said in bounded lines."""

from __future__ import annotations

from collections.abc import Sequence

from innoscan.locales import Said

LISTED = 10  # the items of a longer list shown (of ids, of problems); the rest are counted


def listing(items: Sequence[str], shown: int = LISTED) -> str | Said:
    """Items joined by commas; of a longer list the first `shown`, then how many more (a
    Said: 'a, b, c and 99,990 more'), so that no list from a file makes a line unbounded."""
    if len(items) <= shown:
        return ", ".join(items)
    return Said("list.more", first=", ".join(items[:shown]), n=len(items) - shown)
