"""`innoscan questions`, `validate`, `--help` and languages, as a user or a script runs them."""

from __future__ import annotations

import json
import os

import pytest
from processes import run_process

from innoscan.locales import detect_language


def test_help_lists_each_subcommand_on_one_line():
    result = run_process("--help")
    assert result.code == 0
    for command in ("questions", "validate"):
        lines = [line for line in result.out.splitlines() if line.strip().startswith(command)]
        assert len(lines) == 1 and len(lines[0].split()) > 2, command


def test_questions_json_has_the_design_shape(cli, mini_bank):
    result = cli("questions", "--json", "--bank", mini_bank, "--lang", "nl")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["bank"] == {"id": "mini", "version": "1", "languages": ["nl", "en"]}
    assert [s["id"] for s in data["sections"]] == ["alpha", "beta"]
    alpha = data["sections"][0]
    assert alpha["title"] == "Alfa"
    did, how, who = alpha["questions"]
    assert did["kind"] == "yes_no" and did["dont_know"] is True and "options" not in did
    assert how["options"] == [{"id": "well", "label": "Goed"}, {"id": "badly", "label": "Slecht"}]
    assert how["when"] == {"question": "alpha.did", "equals": "yes"}
    assert who["max_choices"] == 2 and "when" not in who
    agree = data["sections"][1]["questions"][0]
    assert agree["scale"]["min"] == 1 and agree["scale"]["max"] == 5
    assert agree["scale"]["labels"][0] == "Helemaal oneens"


def test_questions_json_in_english(cli, mini_bank):
    data = json.loads(cli("questions", "--json", "--bank", mini_bank, "--lang", "en").out)
    assert data["sections"][0]["questions"][1]["options"][0]["label"] == "Well"


def test_questions_lists_sections_numbered_questions_and_options(cli, mini_bank):
    out = cli("questions", "--bank", mini_bank, "--lang", "en").out
    assert "1. Alpha" in out and "2. Beta" in out
    assert "  1. Did we do it?" in out and "  7. Notes" in out
    assert "yes / no / don't know" in out
    assert "( ) 1. Well" in out
    assert "Only asked when: question 1 = yes" in out


def test_builtin_bank_listing_in_dutch_and_english(cli):
    nl = cli("questions", "--lang", "nl").out
    en = cli("questions", "--lang", "en").out
    assert "Innovatieactiviteit" in nl and "Innovation activity" in en
    assert "weet niet" in nl and "don't know" in en


def test_validate_summarises_the_builtin_bank(cli):
    result = cli("validate")
    assert result.code == 0, result.err
    assert "Question bank is valid" in result.out
    assert "6 sections" in result.out and "languages: nl, en" in result.out


def test_dutch_locale_gives_dutch_without_lang(cli, monkeypatch, mini_bank):
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert "Vragenbank in orde" in cli("validate", mini_bank).out
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert "Question bank is valid" in cli("validate", mini_bank).out


def test_language_detection_rules():
    assert detect_language("en", {"LANG": "nl_NL.UTF-8"}) == "en"
    assert detect_language(None, {"LANG": "nl_BE.UTF-8"}) == "nl"
    assert detect_language(None, {"LC_ALL": "nl_NL", "LANG": "en_US"}) == "nl"
    assert detect_language(None, {"LANG": "de_DE.UTF-8"}) == "en"
    assert detect_language(None, {}) == "en"


def test_questions_json_works_from_another_directory(tmp_path):
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    result = run_process("questions", "--json", cwd=tmp_path, env=env)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["bank"]["id"] == "innovatiebarometer-team"
    assert sum(len(s["questions"]) for s in data["sections"]) >= 50


def test_a_language_without_words_is_refused_in_one_line(cli):
    result = cli("questions", "--lang", "de")
    assert result.code == 2 and result.out == ""
    assert result.err == "innoscan: --lang: no interface words for 'de'; known: nl, en\n"


@pytest.mark.parametrize("command", ["run", "serve", "template"])
@pytest.mark.parametrize("year", ["1800", "20266", "twenty"])
def test_a_year_out_of_range_is_refused_with_exit_status_2(tmp_path, command, year):
    run = run_process(command, "--team", "T", "--year", year, cwd=tmp_path)
    assert run.code == 2
    assert f"argument --year: '{year}' is not a year from 1900 to 2200" in run.err
    assert "Traceback" not in run.err
    assert not (tmp_path / "innoscan-results").exists()


def test_the_bank_listing_says_where_each_question_comes_from(cli):
    en = cli("questions", "--lang", "en").out
    nl = cli("questions", "--lang", "nl").out
    assert "Origin: Danish Innovationsbarometer" in en and "Origin: innoscan's own" in en
    assert "Herkomst: How to-sessie over de barometer (2025)" in nl
    data = json.loads(cli("questions", "--json").out)
    origins = {q["id"]: q["origin"] for s in data["sections"] for q in s["questions"]}
    assert origins["activity.factor_employees"] == "danish_barometer"
    assert origins["leadership.steering"] == "innoscan" and origins["leadership.agenda"] == "seed"


def test_the_answer_sheet_takes_the_kind_of_organisation_or_says_how_to_add_it(cli):
    given = cli("template", "--team", "T", "--org-type", "province").out
    assert 'org_type = "province"' in given and "# org_type" not in given
    missing = cli("template", "--team", "T", "--lang", "en").out
    assert '# org_type = ""  # kind of organisation, one of: core_ministry | executive_agency' in missing
    with pytest.raises(SystemExit) as refused:  # argparse names the kinds it knows
        cli("template", "--org-type", "ministry")
    assert refused.value.code == 2
