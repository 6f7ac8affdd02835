"""Safe Markdown pieces: user text escaped so it can never break a table or inject HTML;
links, images, tables, text bars."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from innoscan.content.lists import LISTED
from innoscan.content.visible import visible
from innoscan.locales import word

_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def escape(text: object) -> str:
    """Text that renders literally in CommonMark/GFM, on one line, with no HTML or links, and
    control characters shown as escapes."""
    flat = " ".join(str(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _SPECIAL.sub(r"\\\1", flat)
    # break GFM autolinks (www., http://, e-mail) in user text: links come only from sources
    flat = flat.replace("://", ":\u200b//").replace("www.", "www\u200b.").replace("@", "&#64;")
    return visible(flat)  # last: `\x1b` reads the same in the source and rendered


def xml_safe(text: str) -> str:
    """Text without the control characters XML cannot hold (for SVG and Word)."""
    return _NOT_XML.sub("", text)


def link(title: str, url: str | None) -> str:
    """A link from the bank's own data (a source), or the title alone."""
    if not url:
        return escape(title)
    return f"[{escape(title)}](<{url.replace('>', '%3E').replace(' ', '%20')}>)"


def image(alt: str, href: str) -> str:
    """A picture in a file beside the report: `href` relative to it, `alt` its text."""
    return f"![{escape(alt)}](<{quote(href)}>)"


@dataclass(frozen=True)
class Picture:
    """A drawn chart as a report shows it: its text alternative, the link to its file, and
    for a document that holds its pictures (Word), the PNG itself."""

    alt: str
    href: str
    png: bytes | None = None


def pictures_md(pictures: Mapping[str, Picture] | None, name: str, after: bool = True) -> list[str]:
    """Chart `name` and its parts (NAME-2, ...) as Markdown images, each a paragraph, to go
    after the lines before them (or, `after` False, before the lines after them)."""
    lines: list[str] = []
    for n, p in (pictures or {}).items():
        if n == name or n.startswith(f"{name}-"):
            lines += ["", image(p.alt, p.href)] if after else [image(p.alt, p.href), ""]
    return lines


def table(headers: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    """A GFM table; cells are already escaped. `align` is one letter per column: l, r or c."""
    marks = {"l": "---", "r": "---:", "c": ":---:"}
    if len(align) > len(headers):
        raise ValueError(f"{len(align)} alignments for {len(headers)} columns")
    rule = [marks.get(a, "---") for a in align.ljust(len(headers), "l")]
    lines = [_row(headers), _row(rule)]
    lines.extend(_row(row) for row in rows)
    return lines


def first_rows(rows: list, lang: str) -> tuple[list, list[str]]:
    """The first LISTED rows of a list read from a file, and the line that counts the rest
    (none when all are shown): 100,000 unknown answers are not 100,000 lines of a report."""
    if len(rows) <= LISTED:
        return rows, []
    return rows[:LISTED], ["", word("list.more_rows", lang, n=len(rows) - LISTED)]


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
