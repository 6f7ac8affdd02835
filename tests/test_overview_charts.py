"""The overview's charts (factors across the teams, shared risks, the spread of section
scores) through the team report's chart code and export registry: the hand-worked numbers of
tests/test_overview.py read back from the chart data, the SVG files and the Word document."""

from __future__ import annotations

import re

import docx
import pytest
from docx.enum.section import WD_ORIENT
from test_charts import images, svg_text

from innoscan.assess.overview import build_overview
from innoscan.render.charts import overview_charts

slow = pytest.mark.slow  # drawing the charts takes a second or two


def rows(chart):
    return [(g.title, r.label, r.value, r.text) for p in chart.panels for g in p.groups for r in g.rows]


def test_the_chart_data_are_the_overviews_numbers_without_drawing(bank, teams_folder):
    charts = {c.name: c for c in overview_charts(build_overview(bank, teams_folder), "en")}
    assert list(charts) == ["factors", "risks", "spread"]
    assert charts["factors"].subtitle == "16 teams, 2026"
    lead, collaboration, roles = (
        [(label, value) for title, label, value, _ in rows(charts["factors"]) if title == t]
        for t in dict.fromkeys(title for title, *_ in rows(charts["factors"]))
    )
    assert lead == [("present", 7), ("partly", 5), ("absent", 2), ("unknown", 2)]
    assert collaboration == [("present", 7), ("partly", 7), ("absent", 2), ("unknown", 0)]
    assert roles[0] == ("present", 12) and charts["factors"].panels[0].scale == 16
    risks = rows(charts["risks"])
    assert risks[0][1:] == ("No owner after the hand-over", 4, "4 of 16 (25 %) · high")
    assert [value for *_, value, _ in risks] == [4] + [2] * 13  # the risks no team runs: none
    # leadership: 18.6 x2, 66.7 x5, 86.1 x7 and two without a score
    spread = charts["spread"].panels[0].groups[0].rows
    lead = spread[1]
    assert (lead.low, lead.start, lead.mark, lead.value, lead.high) == (18.6, 66.7, 76.4, 86.1, 86.1)
    assert lead.text == "14 of 16 · median 76 · middle half 67–86 · lowest-highest 19–86"
    # the index: 17.8 x2, 71.6 x2, 72.7 x3, 85.7 x7; its first quartile a quarter of the way
    # from the 4th (71.6) to the 5th (72.7)
    assert (spread[-1].mark, spread[-1].start, spread[-1].value) == (79.2, 71.9, 85.7)


@slow
def test_markdown_with_o_links_the_charts_beside_it_and_word_holds_them(
    cli, teams_folder, tmp_path
):
    run = cli("overview", teams_folder, "--lang", "en", "-o", tmp_path / "board.md")
    assert run.code == 0, run.err
    markdown = (tmp_path / "board.md").read_text(encoding="utf-8")
    links = [src for _, src in images(markdown)]
    assert links == [f"board-charts/{n}.png" for n in ("factors", "risks", "spread")]
    for src in links:
        assert (tmp_path / src).is_file() and (tmp_path / src).with_suffix(".svg").is_file()
    # each under its table: the factors before the risks, the spread after its explanation
    assert markdown.index("board-charts/factors.png") < markdown.index("### Shared last-mile")
    assert markdown.index("No mean: a") < markdown.index("board-charts/spread.png")
    factors = svg_text(tmp_path / "board-charts" / "factors.svg")
    assert "present 7 of 16 (44 %)" in factors and "unknown 2 of 16 (13 %)" in factors
    risks = svg_text(tmp_path / "board-charts" / "risks.svg")
    assert "No owner after the hand-over 4 of 16 (25 %) · high" in risks
    spread = svg_text(tmp_path / "board-charts" / "spread.svg")
    assert "14 of 16 · median 76 · middle half 67–86 · lowest-highest 19–86" in spread

    target = tmp_path / "board.docx"
    assert cli("overview", teams_folder, "--lang", "en", "--format", "docx", "-o", target).code == 0
    document = docx.Document(str(target))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE  # the team table's columns
    expected = [m.group(2) for m in re.finditer(r"^(#{1,3}) (.*)$", markdown, re.M)]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == expected
    described = [s._inline.docPr.get("descr") for s in document.inline_shapes]
    assert described == [alt for alt, _ in images(markdown)]
    assert described[0].startswith("Success factors (16 teams, 2026). Leaders with a vision")
    assert not (tmp_path / "board-charts" / "board.png").exists()


def test_printed_and_json_overviews_draw_no_charts(cli, teams_folder, tmp_path):
    run = cli("overview", teams_folder, "--lang", "en")
    assert run.code == 0 and "![" not in run.out
    json_run = cli(
        "overview", teams_folder, "--lang", "en", "--format", "json", "-o", tmp_path / "o.json"
    )
    assert json_run.code == 0 and not (tmp_path / "o-charts").exists()
    no_charts = cli(
        "overview", teams_folder, "--lang", "en", "--no-charts", "-o", tmp_path / "o.md"
    )
    assert no_charts.code == 0 and not (tmp_path / "o-charts").exists()
    assert "![" not in (tmp_path / "o.md").read_text(encoding="utf-8")
