"""`innoscan report` and `template` as a user runs them: real files, real Markdown, real JSON."""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from answer_sets import NOT_INNOVATING, STRONG, STRUGGLING
from markdown_it import MarkdownIt

from innoscan.store.result import Result

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = (
    "| <script>alert(1)</script> **bold** [x](http://evil.example) `code` # \\ _u_ ~~s~~\nline2"
)


def write_result(bank, path: Path, answers, team="Team Data", notes=None, lang="en") -> Path:
    result = Result.new(bank, team, 2026, lang, organisation="Kadaster")
    result.meta.created = result.meta.updated = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)
    result.meta.status = "complete"
    result.answers.update(answers)
    result.notes.update(notes or {})
    result.save(path)
    return path


def tables(markdown: str) -> list[list[list[str]]]:
    """Every table in the Markdown as rows of cell texts, as a GFM renderer sees them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found, rows, row, cell = [], None, None, None
    for token in tokens:
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            cell = ""
        elif token.type == "inline" and cell is not None:
            cell += token.content
        elif token.type in ("th_close", "td_close"):
            row.append(cell)
            cell = None
        elif token.type == "tr_close":
            rows.append(row)
        elif token.type == "table_close":
            found.append(rows)
    return found


def html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def headings(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def test_markdown_report_structure(cli, bank, tmp_path):
    path = write_result(bank, tmp_path / "r.toml", STRUGGLING)
    result = cli("report", path, "--lang", "en")
    assert result.code == 0, result.err
    md = result.out
    heads = headings(md)
    assert heads[0] == "Innovation scan: Team Data"
    for expected in (
        "Summary",
        "Scores per section",
        "Reference figures",
        "Last-mile risks",
        "Appendix: all answers",
    ):
        assert expected in heads
    all_tables = tables(md)
    # head, success factors, scores, two benchmark sections, appendix (six sections)
    assert len(all_tables) == 1 + 1 + 1 + 2 + 6
    for rows in all_tables:
        assert len({len(r) for r in rows}) == 1, rows[0]
    scores = next(t for t in all_tables if t[0][0] == "Section")
    assert scores[1][:2] == ["Innovation activity", "17"]
    assert scores[1][3] == "6 of 6 · 1 don't know"
    assert "1. Lawyers and privacy officers come in late (high)" in heads
    assert "Resembles *De lege plek aan tafel*" in md
    assert (
        "- When are lawyers and privacy officers involved in your innovations? **Only at the end**"
        in md
    )


def test_sections_without_figures_say_so(cli, bank, tmp_path):
    md = cli("report", write_result(bank, tmp_path / "r.toml", STRONG), "--lang", "en").out
    part = md.split("## Reference figures")[1].split("## Last-mile risks")[0]
    for section in (
        "Leadership and innovation management",
        "Innovation roles and units",
        "Innovation climate",
        "The last mile",
    ):
        block = part.split(f"### {section}")[1].split("###")[0]
        assert block.strip() == "No comparable published figure."
    assert (
        "Like 76 % of Dutch government organisations (2025), your team put at least one innovation into use."
        in md
    )
    assert "[COI, Innovationsbarometeret: Den innovative offentlige sektor](<https://co-pi.dk/viden-om/innovationsbarometeret/den-innovative-offentlige-sektor/>)" in md


def test_reading_in_dutch(cli, bank, tmp_path):
    md = cli("report", write_result(bank, tmp_path / "r.toml", NOT_INNOVATING), "--lang", "nl").out
    assert (
        "Anders dan 76 % van de Nederlandse overheidsorganisaties (2025) heeft jullie team geen innovatie in gebruik genomen."
        in md
    )
    assert "## Risico's in de laatste kilometer" in md


def test_hostile_user_text_cannot_break_tables_or_inject_html(cli, bank, tmp_path):
    answers = {**STRONG, "activity.latest": HOSTILE}
    path = write_result(
        bank, tmp_path / "r.toml", answers, team=HOSTILE, notes={"activity.products": HOSTILE}
    )
    md = cli("report", path).out
    rendered = html(md)
    assert "<script>" not in rendered and "<strong>bold</strong>" not in rendered
    assert 'href="http://evil.example"' not in rendered
    assert "<code>code</code>" not in rendered
    for rows in tables(md):
        assert len({len(r) for r in rows}) == 1
    assert "&lt;script&gt;" in rendered  # shown, as text
    assert headings(md)[0].startswith("Innovation scan: ")


def test_json_report_shape(cli, bank, tmp_path):
    path = write_result(bank, tmp_path / "r.toml", STRUGGLING)
    data = json.loads(cli("report", path, "--format", "json").out)
    assert data["scores"]["activity"] == {
        "title": "Innovation activity",
        "score": 16.7,
        "answered": 6,
        "total": 6,
        "dont_know": 1,
        "not_applicable": 0,
        "to_settle": None,
    }
    assert data["index"] == 17.8  # worked out in test_scoring_and_flags
    assert data["success_factor_reasons"]["roles"] == {
        "decided_by": [
            {"question": "roles.lead", "answer": "dont_know", "answer_text": "don't know"},
            {
                "question": "roles.unit",
                "answer": "exists",
                "answer_text": "Yes, but our team does not use it",
            },
        ],
        "missing": True,
        "held_down": False,
        "reason": "Innovation role: don't know; Catalyst unit or lab: Yes, but our team does not use it"
        " (needed for present)",
        "to_settle": None,
    }
    assert [c["about"] for c in data["conventions"]][0] == "Cut-offs 70 and 40"
    assert data["success_factors"] == {
        "leadership": "absent",
        "collaboration": "absent",
        "roles": "absent",
    }
    innovated = next(b for b in data["benchmarks"] if b["id"] == "innovated")
    assert innovated["team"] is True
    assert {"value": 76.0, "year": 2025, "country": "NL"}.items() <= innovated["figures"][1].items()
    assert innovated["figures"][1]["source"].startswith("BZK, persbericht 1-10-2025")
    flag = data["flags"][0]
    assert flag["id"] == "legal_late" and flag["severity"] == "high"
    assert flag["evidence"] == [
        {
            "question": "last_mile.legal_early",
            "title": "When are lawyers and privacy officers involved in your innovations?",
            "answer": "end",
            "answer_text": "Only at the end",
        }
    ]
    assert data["no_published_figure"] == ["leadership", "roles", "climate", "last_mile"]


def test_toml_format_is_the_normalised_result(cli, bank, tmp_path):
    path = write_result(bank, tmp_path / "r.toml", dict(reversed(list(STRONG.items()))))
    out = cli("report", path, "--format", "toml").out
    keys = re.findall(r'^"([a-z_]+\.[a-z_]+)" =', out, re.M)
    assert keys == [q.id for q in bank.questions if q.id in STRONG]


def test_report_to_file_is_written_and_announced(cli, bank, tmp_path):
    path = write_result(bank, tmp_path / "r.toml", STRONG)
    target = tmp_path / "report.md"
    result = cli("report", path, "-o", target)
    assert result.code == 0 and result.out == ""
    assert f"wrote {target}" in result.err
    assert target.read_text(encoding="utf-8").startswith("# Innovation scan: Team Data")


@pytest.mark.parametrize("fmt", ["md", "json", "toml"])
def test_golden_files(cli, bank, tmp_path, fmt):
    """The whole output for one result, compared with tests/golden (INNOSCAN_GOLDEN=update)."""
    path = write_result(
        bank, tmp_path / "strong.toml", STRONG, notes={"activity.products": "Zie de kaart."}
    )
    out = cli("report", path, "--format", fmt, "--lang", "en").out
    golden = GOLDEN / f"strong.{fmt}"
    if os.environ.get("INNOSCAN_GOLDEN") == "update":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_own_benchmark_figures_are_added(cli, bank, tmp_path):
    own = tmp_path / "own.toml"
    own.write_text(
        """
[[indicators]]
id = "innovated"

[[indicators.figures]]
value = 64
unit = "organisations"
population = { nl = "de teams van ons ministerie", en = "teams of our ministry" }
country = "NL"
year = 2026
n = 41
source = { title = "Eigen uitvraag directie X, 2026" }

[[indicators]]
id = "owner_named"
section = "last_mile"
title = { nl = "Eigenaar na de pilot", en = "Owner after the pilot" }
team = { question = "last_mile.owner", equals = "yes" }
yes = { nl = "heeft uw team een eigenaar", en = "your team has an owner" }
no = { nl = "heeft uw team geen eigenaar", en = "your team has no owner" }

[[indicators.figures]]
value = 50
unit = "organisations"
population = { nl = "de teams van ons ministerie", en = "teams of our ministry" }
country = "NL"
year = 2026
source = { title = "Eigen uitvraag directie X, 2026" }
""",
        encoding="utf-8",
    )
    path = write_result(bank, tmp_path / "r.toml", STRONG)
    md = cli("report", path, "--benchmarks", own).out
    assert (
        "| 64 % | teams of our ministry | NL | 2026 (n = 41) | Eigen uitvraag directie X, 2026 |"
        in md
    )
    last_mile = md.split("### The last mile")[1].split("##")[0]
    assert "Owner after the pilot" in last_mile


def test_bad_own_benchmark_file_is_named(cli, bank, tmp_path):
    own = tmp_path / "own.toml"
    own.write_text('[[indicators]]\nid = "nope"\n[[indicators.figures]]\nvalue = 140\n')
    path = write_result(bank, tmp_path / "r.toml", STRONG)
    result = cli("report", path, "--benchmarks", own)
    assert result.code == 2
    assert str(own) in result.err and "nope" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "is empty"),
        ("{{not toml", "not valid TOML"),
    ],
)
def test_bad_result_file_exits_2_with_one_line(cli, tmp_path, content, expected):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    result = cli("report", path)
    assert result.code == 2
    assert result.err.count("\n") == 1 and str(path) in result.err and expected in result.err


def test_missing_result_file(cli, tmp_path):
    result = cli("report", tmp_path / "gone.toml")
    assert result.code == 2
    assert result.err.strip() == f"innoscan: {tmp_path / 'gone.toml'}: file not found"


def test_template_filled_in_an_editor_then_reported(cli, bank, tmp_path):
    sheet = tmp_path / "sheet.toml"
    result = cli("template", "--team", "Team Data", "--lang", "en", "-o", sheet)
    assert result.code == 0
    text = sheet.read_text(encoding="utf-8")
    assert '# "activity.products" = ' in text
    assert '"yes" or "no", or "dont_know"' in text
    # the untouched sheet is a valid, empty result
    assert cli("report", sheet).code == 0
    # a team lead fills in three answers in an editor
    text = text.replace('# "activity.products" = ', '"activity.products" = "yes"')
    text = text.replace('# "leadership.vision" = ', '"leadership.vision" = 4')
    text = text.replace('# "last_mile.owner" = ', '"last_mile.owner" = "no"')
    sheet.write_text(text, encoding="utf-8")
    report = cli("report", sheet, "--format", "json")
    data = json.loads(report.out)
    assert data["team"] == "Team Data" and data["answered"] == 3
    assert [f["id"] for f in data["flags"]] == ["no_owner"]
    # a typo in a value is named with its question
    sheet.write_text(text.replace('"last_mile.owner" = "no"', '"last_mile.owner" = "nee"'))
    bad = cli("report", sheet)
    assert bad.code == 2 and "answers.last_mile.owner" in bad.err


def test_template_lists_every_question(cli, bank):
    out = cli("template", "--lang", "nl").out
    for q in bank.questions:
        assert f'# "{q.id}" = ' in out
    assert "Maak daarna het rapport" in out


def test_report_speaks_the_language_the_result_was_made_in(cli, bank, tmp_path):
    path = write_result(bank, tmp_path / "r.toml", STRONG, lang="nl")
    assert cli("report", path).out.startswith("# Innovatiescan: Team Data")
    assert cli("report", path, "--lang", "en").out.startswith("# Innovation scan: Team Data")


def test_a_dont_know_is_shown_as_such_beside_the_benchmark_not_as_no_answer(cli, bank, tmp_path):
    answers = {**STRONG, "activity.technology": "dont_know"}
    path = write_result(bank, tmp_path / "r.toml", answers, lang="nl")
    run = cli("report", path)
    assert run.code == 0
    row = next(line for line in run.out.splitlines() if line.startswith("| Technologie"))
    assert "weet niet" in row and "geen antwoord" not in row


def org_report(cli, bank, tmp_path, org_type, fmt="md", answers=STRONG):
    result = Result.new(bank, "Team Data", 2026, "en", org_type=org_type)
    result.answers.update(answers)
    path = tmp_path / f"{org_type}.toml"
    result.save(path)
    return cli("report", path, "--format", fmt, "--lang", "en").out


def test_the_figure_for_the_teams_own_kind_of_organisation_comes_first_and_is_marked(
    cli, bank, tmp_path
):
    md = org_report(cli, bank, tmp_path, "core_ministry")
    assert "| Kind of organisation | Core ministry |" in md
    innovated = next(t for t in tables(md) if t[0][0] == "Indicator")[1]
    assert innovated[2:4] == ["56 %", "Dutch core ministries (**your kind of organisation**)"]
    assert "- Like 56 % of Dutch core ministries (2025), your team put at least one" in md
    assert "No separate figure" not in md
    data = json.loads(org_report(cli, bank, tmp_path, "core_ministry", "json"))
    figures = data["benchmarks"][0]["figures"]
    assert [f["own_type"] for f in figures][:2] == [True, False]
    assert data["org_type"] == "core_ministry"


def test_where_no_figure_for_the_teams_kind_is_published_the_report_says_so(cli, bank, tmp_path):
    md = org_report(cli, bank, tmp_path, "municipality")
    reading = "- Like 76 % of Dutch government organisations (2025), your team put at least one"
    assert f"{reading} innovation into use.\n  No separate figure is published for your kind of organisation." in md
    assert md.count("No separate figure") == 1  # only where figures differ by kind
    assert "(your kind of organisation)" not in md


def test_a_comparison_with_a_question_that_was_not_asked_says_it_did_not_apply(
    cli, bank, tmp_path
):
    path = write_result(bank, tmp_path / "r.toml", NOT_INNOVATING)
    md = cli("report", path, "--lang", "en").out
    title = "Latest innovation was the first of its kind"
    assert not any(r[0] == title for t in tables(md) for r in t)
    line = next(x for x in md.splitlines() if x.startswith("Not shown, because"))
    assert line.startswith("Not shown, because their questions do not apply to your team:")
    assert title in line
    data = json.loads(cli("report", path, "--lang", "en", "--format", "json").out)
    novelty = next(b for b in data["benchmarks"] if b["title"] == title)
    assert novelty["applies"] is False and novelty["team"] is None
    assert novelty["reading"] == "No comparison: the question did not apply to your team."


def test_each_figures_note_stands_on_its_own_row(cli, bank, tmp_path):
    md = cli("report", write_result(bank, tmp_path / "r.toml", STRONG), "--lang", "en").out
    rows = [r for t in tables(md) for r in t if r[0:1] != ["Indicator"]]
    norway = next(r for r in rows if r[4:5] == ["NO"])
    assert norway[7].startswith("KS surveyed only municipal units")
    assert "Note (" not in md
