"""Safe Markdown pieces: user text escaped so it can never break a table or inject HTML."""

from __future__ import annotations

import re

from innoscan.content.visible import visible

_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def escape(text: object) -> str:
    """Text that renders literally in CommonMark/GFM, on one line, with no HTML or links, and
    control characters shown as escapes."""
    flat = " ".join(str(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _SPECIAL.sub(r"\\\1", flat)
    # break GFM autolinks (www., http://, e-mail) in user text: links come only from sources
    flat = flat.replace("://", ":\u200b//").replace("www.", "www\u200b.").replace("@", "&#64;")
    return visible(flat)  # last: `\x1b` reads the same in the source and rendered


def link(title: str, url: str | None) -> str:
    """A link from the bank's own data (a source), or the title alone."""
    if not url:
        return escape(title)
    return f"[{escape(title)}](<{url.replace('>', '%3E').replace(' ', '%20')}>)"


def table(headers: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    """A GFM table; cells are already escaped. `align` is one letter per column: l, r or c."""
    marks = {"l": "---", "r": "---:", "c": ":---:"}
    if len(align) > len(headers):
        raise ValueError(f"{len(align)} alignments for {len(headers)} columns")
    rule = [marks.get(a, "---") for a in align.ljust(len(headers), "l")]
    lines = [_row(headers), _row(rule)]
    lines.extend(_row(row) for row in rows)
    return lines


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell if cell else " " for cell in cells) + " |"


def bar(score: float | None, width: int = 10) -> str:
    """A text bar for a 0-100 score: ███████░░░."""
    if score is None:
        return ""
    full = round(score / 100 * width)
    return "█" * full + "░" * (width - full)


def whole(value: float | None) -> str:
    """A score as shown: '62', or '—' where there is none."""
    return "—" if value is None else f"{value:.0f}"
