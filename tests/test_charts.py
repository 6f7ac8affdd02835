"""Charts beside the report, the trend beside a comparison, and the Word report: files where
the report links them, the report's own numbers on every chart, in the result's language."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from markdown_it import MarkdownIt

FIXTURES = Path(__file__).parent / "fixtures" / "results_2026_1"
slow = pytest.mark.slow  # drawing the charts takes a second or two per report
SVG = "{http://www.w3.org/2000/svg}"


def svg_text(path: Path) -> str:
    """Every text the chart shows, in order, on one line: what a reader can read off it."""
    texts = [t.text or "" for t in ET.parse(path).iter(f"{SVG}text")]
    return " ".join(" ".join(texts).split())


def images(markdown: str) -> list[tuple[str, str]]:
    """(alt text, link) of every image in the Markdown, as a renderer sees them."""
    found = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        for child in token.children or []:
            if child.type == "image":
                alt = "".join(c.content for c in child.children or [])
                found.append((alt, str(child.attrs["src"])))
    return found


def innoscan(*args: object) -> None:
    from innoscan.cli import main

    assert main([str(a) for a in args]) == 0


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """`report -o` of a Dutch team result and of a merged English profile, and `compare -o`."""
    out = tmp_path_factory.mktemp("charts")
    merged, team = out / "merged.toml", FIXTURES / "team_2026.toml"
    innoscan("merge", *sorted(FIXTURES.glob("individual_*.toml")), "-o", merged)
    innoscan("report", team, "-o", out / "team.md")
    innoscan("report", team, "--format", "json", "-o", out / "team.json")
    innoscan("report", merged, "--lang", "en", "-o", out / "merged.md")
    innoscan("report", merged, "--lang", "en", "--format", "json", "-o", out / "merged.json")
    years = (FIXTURES / "team_2025.toml", team)
    innoscan("compare", *years, "--lang", "en", "-o", out / "compare.md")
    innoscan("compare", *years, "--lang", "en", "--format", "json", "-o", out / "compare.json")
    return out


@slow
def test_markdown_links_its_charts_beside_it_each_as_svg_and_png(written):
    markdown = (written / "team.md").read_text(encoding="utf-8")
    links = images(markdown)
    assert [src for _, src in links][:2] == [
        "team-charts/profile.png",
        "team-charts/benchmarks-activity.png",
    ]
    for alt, src in links:
        assert not Path(src).is_absolute() and (written / src).is_file()
        assert (written / src).with_suffix(".svg").is_file()
        assert alt.startswith(("Teamprofiel", "Innovatieactiviteit", "Samenwerking"))
    names = {p.name for p in (written / "team-charts").iterdir()}
    assert len(names) == 2 * len(links)
    # the profile comes after the summary, a section's figures under its heading
    assert markdown.index("team-charts/profile.png") > markdown.index("## Samenvatting")
    under = markdown.split("### Samenwerking over grenzen\n\n", 1)[1].split("\n")[0]
    assert under.startswith("![Samenwerking") and under.endswith(
        "(<team-charts/benchmarks-collaboration.png>)"
    )


@slow
def test_the_profile_chart_shows_the_reports_scores_coverage_and_factors(written):
    report = json.loads((written / "team.json").read_text(encoding="utf-8"))
    text = svg_text(written / "team-charts" / "profile.svg")
    assert "Teamprofiel: Team Data, 2026" in text  # the result's language
    for section in report["scores"].values():
        score = f"{section['score']:.0f}"
        assert (
            f"{section['title']} {score} ({section['answered']} van {section['total']} beantwoord)"
            in text
        )
    for factor, status in report["success_factors"].items():
        word = {"present": "aanwezig", "partly": "deels", "absent": "afwezig"}[status]
        assert f"{word} ({report['success_factor_scores'][factor]:.0f})" in text
    assert f"Gemiddelde van de zes onderdelen (innoscan): {report['index']:.0f} van 100" in text


@slow
def test_the_benchmark_charts_show_every_figure_with_country_year_and_the_teams_answer(written):
    report = json.loads((written / "team.json").read_text(encoding="utf-8"))
    text = " ".join(svg_text(p) for p in sorted((written / "team-charts").glob("benchmarks-*.svg")))
    for benchmark in report["benchmarks"]:
        if benchmark.get("applies") is False:  # left out of the report and its charts
            assert benchmark["title"] not in text
            continue
        team = {True: "ja", False: "nee", None: "geen antwoord"}[benchmark["team"]]
        assert f"{benchmark['title']} — jullie team: {team}" in text
        for figure in benchmark["figures"]:
            value = f"{figure['value']:g}" + (
                f"-{figure['value_high']:g}" if figure["value_high"] else ""
            )
            assert re.search(
                rf"{re.escape(value)} % · {figure['country']} {re.escape(figure['when'])}", text
            )


@slow
def test_the_spread_chart_counts_each_answer_of_a_merged_profile(written):
    report = json.loads((written / "merged.json").read_text(encoding="utf-8"))
    assert report["disagreements"]
    text = svg_text(written / "merged-charts" / "disagreements.svg")
    for item in report["disagreements"]:
        assert item["title"] in text
    counts = [n for item in report["disagreements"] for n in item["answers"].values()]
    assert sorted(map(int, re.findall(r"×(\d+)", text))) == sorted(counts)


@slow
def test_compare_writes_the_trend_with_the_scores_per_year_and_the_flags(written):
    comparison = json.loads((written / "compare.json").read_text(encoding="utf-8"))
    assert "trend.png" in (written / "compare.md").read_text(encoding="utf-8")
    text = svg_text(written / "compare-charts" / "trend.svg")
    assert "Scores per year: Team Data, 2025-2026" in text
    for section in comparison["sections"].values():
        shown = " ".join(
            f"{year} {score:.0f}"
            for year, score in zip(comparison["years"], section["scores"], strict=True)
        )
        assert f"{section['title']} {shown}" in text
    flags = comparison["flags"]
    assert f"Resolved {len(flags['resolved'])}: " in text and f"New {len(flags['new'])}" in text


@slow
def test_a_chart_says_in_its_svg_what_it_shows(written):
    root = ET.parse(written / "team-charts" / "profile.svg").getroot()
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Teamprofiel: Team Data, 2026"
    report = json.loads((written / "team.json").read_text(encoding="utf-8"))
    activity = report["scores"]["activity"]
    shown = f"Innovatieactiviteit {activity['score']:.0f} ({activity['answered']} van {activity['total']} beantwoord)"
    assert shown in root.find(f"{SVG}desc").text


def test_printed_markdown_has_no_charts_and_no_charts_draws_none(cli, tmp_path):
    printed = cli("report", FIXTURES / "team_2026.toml")
    assert printed.code == 0 and images(printed.out) == []
    result = cli("report", FIXTURES / "team_2026.toml", "-o", tmp_path / "r.md", "--no-charts")
    assert result.code == 0 and not (tmp_path / "r-charts").exists()
    assert images((tmp_path / "r.md").read_text(encoding="utf-8")) == []


def test_a_charts_folder_that_cannot_be_made_is_one_line_and_status_2(cli, tmp_path):
    result = cli("report", FIXTURES / "team_2026.toml", "-o", tmp_path / "nowhere" / "r.md")
    assert result.code == 2
    problems = [line for line in result.err.splitlines() if "warning:" not in line]
    assert problems == [
        f"innoscan: {tmp_path / 'nowhere' / 'r-charts'}: cannot be made (No such file or directory)"
    ]


def test_chart_data_are_the_reports_numbers_in_its_words_without_drawing():
    from innoscan.content.loader import load_bank
    from innoscan.render.charts import report_charts
    from innoscan.render.report import build_report
    from innoscan.render.report_json import report_json
    from innoscan.store.result import load_result

    bank = load_bank()
    report = build_report(bank, load_result(FIXTURES / "team_struggling.toml", bank), "en")
    charts = report_charts(report)
    assert [c.name for c in charts][:2] == ["profile", "benchmarks-activity"]
    assert all(len(c.panels[0].groups) and c.title for c in charts)
    profile = charts[0]
    rows = {r.label: r for r in profile.panels[0].groups[0].rows}
    for section in report_json(report)["scores"].values():
        row = rows[section["title"]]
        assert row.value == section["score"]
        if section["score"] is not None:
            expected = f"{section['score']:.0f} ({section['answered']} of {section['total']} answered)"
        else:
            expected = f"no score: {section['answered']} of {section['total']} answered"
        assert row.text == expected and row.text in profile.alt
    bars = sum(len(g.rows) for c in charts[1:] for p in c.panels for g in p.groups)
    shown = [b for b in report_json(report)["benchmarks"] if b["applies"]]  # as the report
    assert bars == sum(len(b["figures"]) for b in shown)
    assert max(sum(len(g.rows) for g in c.panels[0].groups) for c in charts[1:]) <= 12


# ── Word ──────────────────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def word_report(written):
    target = written / "merged.docx"
    innoscan("report", written / "merged.toml", "--lang", "en", "--format", "docx", "-o", target)
    return docx.Document(str(target))


@slow
def test_the_word_report_has_the_markdowns_headings_as_word_headings(written, word_report):
    markdown = (written / "merged.md").read_text(encoding="utf-8")
    expected = [
        (len(m.group(1)), m.group(2).replace("\\", ""))
        for m in re.finditer(r"^(#{1,3}) (.*)$", markdown, re.M)
    ]
    headings = [
        (int(p.style.name.removeprefix("Heading ")), p.text)
        for p in word_report.paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert headings == expected
    assert word_report.core_properties.title == expected[0][1]
    assert word_report.core_properties.language == "en-GB"
    assert word_report.sections[0].orientation == WD_ORIENT.LANDSCAPE  # the figures' 8 columns


@slow
def test_the_word_report_has_the_markdowns_tables_and_its_charts_with_their_alt_text(
    written, word_report
):
    markdown = (written / "merged.md").read_text(encoding="utf-8")
    tables = [
        t
        for t in MarkdownIt("commonmark").enable("table").parse(markdown)
        if t.type == "table_open"
    ]
    assert len(word_report.tables) == len(tables)
    scores = next(t for t in word_report.tables if t.cell(0, 0).text == "Section")
    assert [c.text for c in scores.rows[0].cells] == ["Section", "Score", "", "Answered"]
    shapes = word_report.inline_shapes
    alts = [alt for alt, _ in images(markdown)]
    assert len(shapes) == len(alts) >= 3
    described = [s._inline.docPr.get("descr") for s in shapes]
    assert described == alts
    assert described[0].startswith("Where the team disagrees")


@slow
def test_a_word_report_goes_into_a_pipe(tmp_path):
    code = (
        "import sys; from innoscan.cli import main; "
        f"sys.exit(main(['report', {str(FIXTURES / 'team_2026.toml')!r}, '--format', 'docx']))"
    )
    piped = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert piped.stdout[:2] == b"PK"  # a zip, as .docx files are


@slow
def test_a_word_report_is_never_printed_onto_a_terminal(cli, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = cli("report", FIXTURES / "team_2026.toml", "--format", "docx")
    assert result.code == 2 and result.out == ""
    problems = [line for line in result.err.splitlines() if "warning:" not in line]
    assert problems == ["innoscan: --format: a binary file: give -o FILE, or redirect"]


# ── start-up ──────────────────────────────────────────────────────────────────────────


@slow
def test_json_and_toml_reports_import_nothing_of_charts_or_word(tmp_path):
    code = (
        "import sys\n"
        "from innoscan.cli import main\n"
        f"main(['report', {str(FIXTURES / 'team_2026.toml')!r}, '--format', 'json', '-o', 'r.json'])\n"
        f"main(['report', {str(FIXTURES / 'team_2026.toml')!r}, '--format', 'toml'])\n"
        "heavy = {'matplotlib', 'docx', 'lxml', 'numpy', 'PIL', 'markdown_it'}\n"
        "ours = {'innoscan.render.charts', 'innoscan.render.drawing', 'innoscan.render.word_document'}\n"
        "found = {m.split('.')[0] for m in sys.modules} & heavy | set(sys.modules) & ours\n"
        "print(sorted(found), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert proc.stderr.strip().splitlines()[-1] == "[]"


@slow
def test_a_team_name_is_text_on_a_chart_never_markup_or_a_formula(cli, tmp_path):
    from innoscan.content.loader import load_bank
    from innoscan.store.result import Result

    team = "Team $\\frac{1}{0}$ $$ <script>alert(1)</script> & ]]>"
    result = Result.new(load_bank(), team, 2026, "en")
    result.save(tmp_path / "r.toml")
    assert cli("report", tmp_path / "r.toml", "-o", tmp_path / "r.md").code == 0
    svg = tmp_path / "r-charts" / "profile.svg"
    root = ET.parse(svg).getroot()  # well-formed: nothing got in as markup
    assert root.find(f"{SVG}title").text == f"Team profile: {team}, 2026"
    assert f"Team profile: {team}, 2026" in svg_text(svg)
    assert "<script>" not in svg.read_text(encoding="utf-8")


@slow
def test_control_characters_never_reach_an_svg_or_a_word_file():
    """In a chart they are shown as escapes (and bidi formatting too: issue 21, item 6)."""
    from innoscan.render.charts import Chart, Group, Panel, Row
    from innoscan.render.drawing import draw
    from innoscan.render.markdown import Picture
    from innoscan.render.word_document import markdown_docx

    odd = "a\x01b\x0bc\ufffe"
    turned = odd + "\u202e"  # a bidi override, shown as an escape as in the report's text
    drawn = draw(Chart("x", turned, odd, [Panel(odd, [Group(odd, [Row(turned, 50, odd)])])]))
    assert "a\\x01b\\x0bc" in svg_text_of(drawn.svg)
    assert "\u202e" not in drawn.svg and "a\\x01b\\x0bc\\u202e" in drawn.svg
    pictures = {"x": Picture(odd, "x.png", drawn.png)}
    document = docx.Document(io.BytesIO(markdown_docx(f"# {odd}\n\n![{odd}](x.png)\n", pictures, "en")))
    assert document.paragraphs[0].text == "abc"
    assert document.inline_shapes[0]._inline.docPr.get("descr") == "abc"


def svg_text_of(svg: str) -> str:
    return " ".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text"))
