"""Charts drawn with matplotlib, as SVG (text kept as text) and PNG, in black and white with
patterns and numbers on every bar, so that no colour is needed to read them.

Imported only when a chart is drawn: matplotlib costs about half a second to import, which
`innoscan report --format json` and the TUI's start never pay.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from dataclasses import dataclass, fields, is_dataclass, replace
from xml.sax.saxutils import escape

import matplotlib
from matplotlib.figure import Figure

from innoscan.content.visible import visible
from innoscan.render.charts import Chart, Group, Panel, Row
from innoscan.render.markdown import xml_safe

# Okabe-Ito tints (safe for colour-blindness), each with its own pattern: the pattern and the
# words on the bar carry the meaning, the colour only helps.
STYLES = [
    ("#c6dbef", ""),
    ("#56b4e9", "///"),
    ("#f5c469", ".."),
    ("#ffffff", "xx"),
    ("#7fcdb5", "\\\\\\"),
    ("#f0e442", "--"),
    ("#e3a6c9", "++"),
    ("#d9d9d9", "oo"),
]
RC = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # shipped with matplotlib: the same on every machine
    "font.size": 8.5,
    "text.parse_math": False,  # a team called "$x$" is text, not a formula
    "text.usetex": False,
    "svg.fonttype": "none",  # text stays text: searchable, and tests read the numbers back
    "svg.hashsalt": "innoscan",  # the same chart gives the same file
    "hatch.linewidth": 0.6,
    "axes.edgecolor": "#444444",
}
# A letter the font lacks (an emoji in a team name) shows as a box: no warning on stderr,
# where it would garble the TUI.
warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
WIDTH = 8.0  # inches; a Word page scales it to its text width
LABELS = 2.5  # inches left of the bars for the row labels
BARS = 3.2  # inches of axis; the texts at the bars' ends run into the right margin
LINE = 0.16  # inches per line of text
BAR = 0.2  # a bar's thickness, inches
CHARS = 14  # characters of text per inch, about, at the font's size
GROUP_GAP = 0.14  # inches above a group's title: it belongs to the bars below it
DPI = 150


@dataclass(frozen=True)
class Drawn:
    """A chart as its two files' contents."""

    chart: Chart
    svg: str
    png: bytes


def draw(chart: Chart) -> Drawn:
    chart = _xml_safe(chart)
    with matplotlib.rc_context(RC):
        figure = _figure(chart)
        svg, png = io.BytesIO(), io.BytesIO()
        figure.savefig(svg, format="svg", metadata={"Date": None})
        figure.savefig(png, format="png", dpi=DPI, metadata={"Software": None})
    return Drawn(chart, _described(svg.getvalue().decode("utf-8"), chart), png.getvalue())


def _xml_safe(data):
    """The chart with every text free of control characters (an SVG cannot hold them) and
    bidi formatting characters: shown as escapes, as in the report around it."""
    if isinstance(data, str):
        return xml_safe(visible(data, lines=True))
    if isinstance(data, list | tuple):
        return type(data)(_xml_safe(item) for item in data)
    if is_dataclass(data):
        return replace(data, **{f.name: _xml_safe(getattr(data, f.name)) for f in fields(data)})
    return data


def _described(svg: str, chart: Chart) -> str:
    """The SVG with its title and text alternative, for screen readers and search."""
    head = svg.index(">", svg.index("<svg")) + 1
    text = f"<title>{escape(chart.title)}</title><desc>{escape(chart.alt)}</desc>"
    return svg[:head].replace("<svg ", '<svg role="img" ', 1) + text + svg[head:]


# ── layout: every length in inches, top down ─────────────────────────────────────────


def _wrap(text: str, width: int, lines: int = 4) -> list[str]:
    wrapped = textwrap.wrap(text, max(width, 8)) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return wrapped


def _label(row: Row) -> list[str]:
    return _wrap(row.label, 34)


def _text(panel: Panel, row: Row) -> list[str]:
    """The text at a bar's end, wrapped to the room left between the bar and the edge."""
    end = max(row.value or 0, row.high or 0) / panel.scale
    room = WIDTH - LABELS - end * BARS - 0.2
    return _wrap(row.text, int(room * CHARS))


def _title(group: Group) -> list[str]:
    return _wrap(group.title, int((WIDTH - 0.2) * CHARS))


def _row_height(panel: Panel, row: Row) -> float:
    return max(len(_label(row)), len(_text(panel, row))) * LINE + 0.1


def _group_height(panel: Panel, group: Group) -> float:
    title = GROUP_GAP + len(_title(group)) * LINE + 0.04 if group.title else 0
    return title + sum(_row_height(panel, r) for r in group.rows)


def _panel_height(panel: Panel) -> float:
    return sum(_group_height(panel, g) for g in panel.groups) + 0.1


def _figure(chart: Chart) -> Figure:
    head = 0.45 + (0.22 if chart.subtitle else 0)
    heights = [_panel_height(p) for p in chart.panels]
    gaps = 0.75  # a panel's title above it, its axis below
    total = head + sum(h + gaps for h in heights) + 0.1
    figure = Figure(figsize=(WIDTH, total))
    figure.text(0.1 / WIDTH, 1 - 0.12 / total, chart.title, weight="bold", size=11, va="top")
    if chart.subtitle:
        figure.text(0.1 / WIDTH, 1 - 0.4 / total, chart.subtitle, size=9, va="top")
    top = head
    for panel, height in zip(chart.panels, heights, strict=True):
        top += 0.3
        box = [LABELS / WIDTH, 1 - (top + height) / total, BARS / WIDTH, height / total]
        axes = figure.add_axes(box)
        figure.text(0.1 / WIDTH, 1 - (top - 0.08) / total, panel.title, weight="bold", size=9.5)
        _panel(axes, panel, height)
        top += height + gaps - 0.3
    return figure


def _panel(axes, panel: Panel, height: float) -> None:
    axes.set_xlim(0, panel.scale)
    axes.set_ylim(height, 0)
    axes.set_yticks([])
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    if panel.axis:
        axes.set_xlabel(panel.axis)
    if panel.scale <= 12:  # counts: whole numbers only
        axes.set_xticks(range(int(panel.scale) + 1))
    left = axes.get_yaxis_transform()  # x in axes fractions, y in inches from the top
    for value, label in panel.marks:
        axes.axvline(value, color="#555555", linestyle="--", linewidth=0.8)
        axes.text(value, -0.04, label, ha="center", va="bottom", size=7.5, color="#333333")
    y = 0.05
    for group in panel.groups:
        if group.title:
            y += GROUP_GAP
            axes.text(
                -LABELS / BARS + 0.03,
                y,
                "\n".join(_title(group)),
                transform=left,
                va="top",
                weight="bold",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
            )
            y += len(_title(group)) * LINE + 0.04
        for row in group.rows:
            height = _row_height(panel, row)
            middle = y + height / 2
            axes.text(
                -0.02, middle, "\n".join(_label(row)), transform=left, ha="right", va="center"
            )
            _bar(axes, panel, row, middle)
            y += height


def _bar(axes, panel: Panel, row: Row, middle: float) -> None:
    end = 0.0
    if row.low is not None:  # a range below the bar: a thin bar on to where it begins
        axes.barh(middle, row.start - row.low, left=row.low, height=BAR / 3, color="black")
    if row.value is not None:
        colour, hatch = STYLES[row.style % len(STYLES)]
        width, left = row.value - row.start, row.start
        style = dict(color=colour, hatch=hatch, edgecolor="black", lw=0.6)
        axes.barh(middle, width, left=left, height=BAR, **style)
        end = row.value
    if row.mark is not None:
        half = BAR * 0.8
        axes.plot([row.mark] * 2, [middle - half, middle + half], color="black", lw=2)
    if row.high is not None:  # a range: a thin bar on to its upper end
        axes.barh(middle, row.high - end, left=end, height=BAR / 3, color="black")
        end = row.high
    axes.annotate(
        "\n".join(_text(panel, row)),
        (end, middle),
        xytext=(4, 0),
        textcoords="offset points",
        va="center",
        annotation_clip=False,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},  # over grid and marks
    )
