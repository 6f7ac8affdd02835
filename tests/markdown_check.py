"""Markdown as a GFM renderer sees it: the tables, and their columns per row."""

from __future__ import annotations

from markdown_it import MarkdownIt


def table_widths(markdown: str) -> list[set[int]]:
    """For every real table, the set of cell counts of its rows (one number when consistent)."""
    tables, widths, cells = [], [], 0
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            widths.append(cells)
        elif token.type == "table_close":
            tables.append(set(widths))
            widths = []
    return tables
