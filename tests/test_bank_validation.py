"""A broken bank is refused with one line per problem: the file, the question, what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from innoscan.content.loader import load_bank
from innoscan.content.problems import InputError


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(bank_dir: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_bank(bank_dir)
    return [str(p) for p in caught.value.problems]


BROKEN = {
    "toml syntax error": (
        "sections/alpha.toml",
        'id = "alpha.did"',
        'id = "alpha.did',
        ["alpha.toml", "not valid TOML", "line"],
    ),
    "duplicate id": (
        "sections/beta.toml",
        'id = "beta.count"',
        'id = "beta.agree"',
        ["beta.toml", "beta.agree", "duplicate id"],
    ),
    "text missing in one language": (
        "sections/beta.toml",
        'title = { nl = "Hoeveel?", en = "How many?" }',
        'title = { nl = "Hoeveel?" }',
        ["beta.toml", "beta.count", "title", "missing text for 'en'"],
    ),
    "options on a kind without options": (
        "sections/beta.toml",
        'kind = "number"\nmin = 0',
        'kind = "number"\noptions = [{ id = "x", nl = "X", en = "X" }, '
        '{ id = "y", nl = "Y", en = "Y" }]',
        ["beta.toml", "beta.count", "'options' does not fit a number question"],
    ),
    "scale with min >= max": (
        "bank.toml",
        "min = 1\nmax = 5",
        "min = 5\nmax = 5",
        ["bank.toml", "scales.agree5", "min (5) must be less than max (5)"],
    ),
    "unknown kind": (
        "sections/beta.toml",
        'kind = "number"',
        'kind = "slider"',
        ["beta.toml", "beta.count", "kind", "'likert'"],
    ),
    "condition names an option that does not exist": (
        "sections/alpha.toml",
        'when = { question = "alpha.did", equals = "yes" }',
        'when = { question = "alpha.did", equals = "maybe" }',
        ["alpha.toml", "alpha.how", "when", "maybe"],
    ),
    "condition names an unknown question": (
        "sections/alpha.toml",
        'when = { question = "alpha.did", equals = "yes" }',
        'when = { question = "alpha.gone", equals = "yes" }',
        ["alpha.toml", "alpha.how", "'alpha.gone' does not exist before this point"],
    ),
    "condition looks ahead": (
        "sections/alpha.toml",
        'when = { question = "alpha.did", equals = "yes" }',
        'when = { question = "beta.agree", at_least = 3 }',
        ["alpha.toml", "alpha.how", "'beta.agree' does not exist before this point"],
    ),
    "condition tests a multiple choice with equals": (
        "sections/beta.toml",
        'id = "beta.agree"\nkind = "likert"',
        'id = "beta.agree"\nwhen = { question = "alpha.who", equals = "a" }\nkind = "likert"',
        ["beta.toml", "beta.agree", "use 'includes'"],
    ),
    "unknown scale": (
        "sections/beta.toml",
        'scale = "agree5"\ntitle = { nl = "Eens?"',
        'scale = "agree7"\ntitle = { nl = "Eens?"',
        ["beta.toml", "beta.agree", "unknown scale 'agree7'"],
    ),
    "id outside its section": (
        "sections/beta.toml",
        'id = "beta.note"',
        'id = "alpha.note"',
        ["beta.toml", "alpha.note", "must start with the section id 'beta.'"],
    ),
    "max_choices above the number of options": (
        "sections/alpha.toml",
        "max_choices = 2",
        "max_choices = 9",
        ["alpha.toml", "alpha.who", "max_choices (9) is more than the 4 options"],
    ),
    "unknown key": (
        "sections/beta.toml",
        'id = "beta.note"',
        'id = "beta.note"\ncolour = "red"',
        ["beta.toml", "beta.note", "colour: is not a known key"],
    ),
    "section file missing": (
        "bank.toml",
        'sections = ["alpha", "beta"]',
        'sections = ["alpha", "beta", "gamma"]',
        ["bank.toml", "sections", "no file sections/gamma.toml"],
    ),
    "likert answer value out of scale in a condition": (
        "sections/beta.toml",
        'id = "beta.count"',
        'id = "beta.count"\nwhen = { question = "beta.agree", equals = 9 }',
        ["beta.count", "9 is outside the scale 1-5"],
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_bank_names_file_question_and_problem(mini_bank, case):
    file, old, new, expected = BROKEN[case]
    edit(mini_bank / file, old, new)
    problems = problems_of(mini_bank)
    assert any(all(part in line for part in expected) for line in problems), problems


def test_empty_section_is_refused(mini_bank):
    path = mini_bank / "sections" / "beta.toml"
    header = path.read_text(encoding="utf-8").split("[[questions]]")[0]
    path.write_text(header, encoding="utf-8")
    assert any("section 'beta' has no questions" in p for p in problems_of(mini_bank))


def test_every_problem_is_reported_not_only_the_first(mini_bank):
    edit(mini_bank / "sections/alpha.toml", 'id = "alpha.did"', 'id = "alpha.who"')
    edit(mini_bank / "sections/beta.toml", 'kind = "number"', 'kind = "slider"')
    problems = problems_of(mini_bank)
    assert any("duplicate id" in p for p in problems)
    assert any("beta.count" in p and "kind" in p for p in problems)


def test_validate_lists_problems_one_per_line_with_exit_2(cli, mini_bank):
    edit(mini_bank / "sections/beta.toml", 'kind = "number"', 'kind = "slider"')
    edit(mini_bank / "bank.toml", "min = 1\nmax = 5", "min = 5\nmax = 5")
    result = cli("validate", mini_bank)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) >= 2
    assert all(line.startswith("innoscan: ") and str(mini_bank) in line for line in lines)
    assert "Traceback" not in result.err


def test_missing_bank_folder_is_one_line(cli, tmp_path):
    result = cli("questions", "--bank", tmp_path / "nowhere")
    assert result.code == 2
    assert result.err.strip() == f"innoscan: {tmp_path / 'nowhere'}: bank folder does not exist"


RISKS = """
[[patterns]]
id = "junk"
name = "De Junk"
meaning = { nl = "Niet stoppen.", en = "Not stopping." }
source = "briljantemislukkingen.nl"

[[rules]]
id = "late"
severity = "high"
pattern = "junk"
title = { nl = "Laat", en = "Late" }
advice = { nl = "Eerder.", en = "Earlier." }
when = { question = "alpha.did", equals = "no" }
"""


def test_risk_rules_are_checked_against_the_questions(mini_bank):
    (mini_bank / "risks.toml").write_text(RISKS, encoding="utf-8")
    assert [r.id for r in load_bank(mini_bank).rules] == ["late"]
    broken = RISKS.replace('"alpha.did", equals = "no"', '"alpha.how", equals = "fast"')
    broken = broken.replace('pattern = "junk"', 'pattern = "canyon"')
    broken = broken.replace('severity = "high"', 'severity = "dire"')
    (mini_bank / "risks.toml").write_text(broken, encoding="utf-8")
    problems = problems_of(mini_bank)
    assert any("risks.toml" in p and "late" in p and "severity" in p for p in problems), problems
    (mini_bank / "risks.toml").write_text(broken.replace("dire", "high"), encoding="utf-8")
    problems = problems_of(mini_bank)
    assert any("late: pattern: unknown pattern 'canyon'" in p for p in problems), problems
    assert any("late: when: equals on alpha.how: unknown option 'fast'" in p for p in problems)


def test_a_rule_may_not_use_python(mini_bank):
    (mini_bank / "risks.toml").write_text(
        RISKS.replace(
            'when = { question = "alpha.did", equals = "no" }', 'when = "answers[0] == 1"'
        ),
        encoding="utf-8",
    )
    assert any("late: when" in p for p in problems_of(mini_bank))


def test_benchmark_indicators_are_checked(mini_bank):
    (mini_bank / "benchmarks.toml").write_text(
        """
[[indicators]]
id = "did"
section = "gamma"
title = { nl = "Deed", en = "Did" }
team = { question = "alpha.who", includes = "d" }
yes = { nl = "ja", en = "yes" }
no = { nl = "nee" }

[[indicators.figures]]
value = 50
unit = "organisations"
population = { nl = "x", en = "x" }
country = "NL"
year = 2025
source = { title = "Bron" }
""",
        encoding="utf-8",
    )
    problems = problems_of(mini_bank)
    assert any("did: section: unknown section 'gamma'" in p for p in problems), problems
    assert any("did: team: includes on alpha.who: unknown option 'd'" in p for p in problems)
    assert any("did: no: missing text for 'en'" in p for p in problems)


def test_success_factor_thresholds_are_checked(mini_bank):
    (mini_bank / "scoring.toml").write_text(
        """
[[success_factors]]
id = "x"
section = "beta"
title = { nl = "X", en = "X" }
present_at = 40
partly_at = 70
""",
        encoding="utf-8",
    )
    assert any(
        "partly_at (70) must not be above present_at (40)" in p for p in problems_of(mini_bank)
    )


CHANGES = """
[[changes]]
version = "1"
questions = ["alpha.did", "alpha.gone"]
replaced_by = "alpha.how"
note = { nl = "Anders gevraagd.", en = "Asked differently." }
"""


def test_changes_of_meaning_are_checked(mini_bank):
    (mini_bank / "changes.toml").write_text(CHANGES, encoding="utf-8")
    change = load_bank(mini_bank).changes[0]  # a changed question may be gone from the bank
    assert change.questions == ["alpha.did", "alpha.gone"] and change.replaced_by == "alpha.how"
    broken = CHANGES.replace('version = "1"', 'version = "2"')
    broken = broken.replace('"alpha.how"', '"alpha.new"').replace(', en = "Asked differently."', "")
    broken = broken.replace('"alpha.gone"', '"Gone"')
    (mini_bank / "changes.toml").write_text(broken, encoding="utf-8")
    problems = problems_of(mini_bank)
    assert any("changes.toml" in p and "questions" in p for p in problems), problems
    (mini_bank / "changes.toml").write_text(broken.replace('"Gone"', '"alpha.gone"'), "utf-8")
    problems = problems_of(mini_bank)
    assert any("changes[0]: version 2 is newer than the bank (1)" in p for p in problems)
    assert any("changes[0]: replaced_by: unknown question 'alpha.new'" in p for p in problems)
    assert any("changes[0]: note: missing text for 'en'" in p for p in problems)


def test_versions_are_compared_as_numbers():
    from innoscan.content.changes import Change, version_key

    assert version_key("2026.10") > version_key("2026.9") > version_key("2026.1")
    change = Change(version="2026.2", questions=["a.b"], note={"en": "x"})
    assert change.straddles("2026.1", "2026.2") and change.straddles("2026.3", "2026.1")
    assert not change.straddles("2026.2", "2026.3") and not change.straddles("2026.1", "2026.1")


def test_a_question_says_where_it_comes_from_in_words_innoscan_knows(mini_bank):
    edit(mini_bank / "sections/beta.toml", 'id = "beta.note"', 'id = "beta.note"\norigin = "seed"')
    assert load_bank(mini_bank).question("beta.note").origin == "seed"
    edit(mini_bank / "sections/beta.toml", 'origin = "seed"', 'origin = "hearsay"')
    assert any("beta.note" in p and "origin" in p for p in problems_of(mini_bank))


FIGURE = """
[[indicators]]
id = "did"
section = "alpha"
title = { nl = "Deed", en = "Did" }
team = { question = "alpha.did", equals = "yes" }
yes = { nl = "ja", en = "yes" }
no = { nl = "nee", en = "no" }

[[indicators.figures]]
value = 50
unit = "unstated"
population = { nl = "x", en = "x" }
country = "NL"
org_type = "municipality"
source = { title = "Bron" }
statement = { nl = "Bij {share} ging het zo", en = "For {share} it went so" }
"""


def test_a_figure_may_name_its_kind_of_organisation_and_say_what_it_counts(mini_bank):
    (mini_bank / "benchmarks.toml").write_text(FIGURE, encoding="utf-8")
    figure = load_bank(mini_bank).indicators[0].figures[0]
    assert figure.org_type == "municipality" and figure.statement["en"] == "For {share} it went so"
    broken = FIGURE.replace('"municipality"', '"ministry"').replace("For {share}", "For it")
    (mini_bank / "benchmarks.toml").write_text(
        broken.replace(', en = "For it went so"', ""), "utf-8"
    )
    problems = problems_of(mini_bank)
    assert any("org_type" in p for p in problems), problems
    (mini_bank / "benchmarks.toml").write_text(FIGURE.replace("For {share}", "For"), "utf-8")
    assert any(
        "statement (en): put {share} where the number goes" in p for p in problems_of(mini_bank)
    )
    (mini_bank / "benchmarks.toml").write_text(
        FIGURE.replace(', en = "For {share} it went so"', ""), "utf-8"
    )
    assert any("figures[0].statement: missing text for 'en'" in p for p in problems_of(mini_bank))
