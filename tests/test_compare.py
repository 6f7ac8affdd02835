"""Year over year, worked out by hand: 2025 struggling, 2026 strong (and 2024 not innovating)."""

from __future__ import annotations

import json
from pathlib import Path

from answer_sets import NOT_INNOVATING, STRONG, STRUGGLING
from markdown_check import table_widths

from innoscan.assess.compare import compare_results
from innoscan.assess.scoring import score
from innoscan.render.compare_report import compare_json, compare_markdown, sparkline
from innoscan.store.result import Action, Result, load_result


def save(bank, tmp_path, year, answers, actions=(), version=None, extra=None):
    result = Result.new(bank, "Team Data", year, "en")
    result.answers.update(answers)
    result.actions.extend(actions)
    if version:
        result.meta.bank_version = version
    result.answers.update(extra or {})
    path = tmp_path / f"team-data-{year}.toml"
    result.save(path)
    return path


ACTIONS = [
    Action(
        target="flag:no_owner",
        what="Name an owner before each pilot ends",
        who="Ada",
        by="2025-12-01",
        status="done",
    ),
    Action(target="section:roles", what="Start innovation days", who="Bo", by="2026-01-15"),
]


def test_two_years_by_hand(bank, tmp_path):
    old = save(bank, tmp_path, 2025, STRUGGLING, ACTIONS)
    new = save(bank, tmp_path, 2026, STRONG)
    c = compare_results(bank, [load_result(new, bank), load_result(old, bank)])
    assert [y.year for y in c.years] == [2025, 2026]
    assert {s.section: (s.scores, s.change) for s in c.sections} == {
        "activity": ([16.7, 83.3], 66.6),
        "leadership": ([18.6, 86.1], 67.5),
        "collaboration": ([12.5, 81.9], 69.4),
        "roles": ([10.0, 100.0], 90.0),
        "climate": ([33.3, 81.2], 47.9),
        "last_mile": ([15.8, 81.7], 65.9),
    }
    assert not any(s.coverage_differs for s in c.sections)
    assert c.factors == {
        "leadership": ["absent", "present"],
        "collaboration": ["absent", "present"],
        "roles": ["absent", "present"],
    }
    assert c.new == [] and c.persisting == []
    assert len(c.resolved) == 13 and c.resolved[0] == "legal_late"
    # +100 moves come first, in bank order: products no->yes, evaluated no->internal,
    # spread no->yes, budget cuts first->protected, partners none->four kinds
    assert [m.question for m in c.moved] == [
        "activity.products",
        "activity.evaluated",
        "activity.spread",
        "leadership.budget_cuts",
        "collaboration.partners",
    ]
    # the phases are asked only of a team with partners outside; adopters left open in 2025,
    # and so are the questions new in bank 2026.2 (STRUGGLING is an answer set of 2026.1)
    new_in_2026_2 = {
        "activity.latest_partners", "activity.funding", "activity.factor_employees",
        "activity.factor_collaboration", "activity.factor_safe_operations",
        "leadership.agenda", "leadership.long_term", "collaboration.missions",
        "climate.triers_valued", "last_mile.convince", "last_mile.rules_room",
    }  # fmt: skip
    assert c.only_some == {
        q: [2026]
        for q in [
            "activity.latest",
            "collaboration.phases",
            "last_mile.adopters_ready",
            "last_mile.obstacle",
            *new_in_2026_2,
        ]
    }


def test_last_years_actions_beside_what_changed(bank, tmp_path):
    old = save(bank, tmp_path, 2025, STRUGGLING, ACTIONS)
    new = save(bank, tmp_path, 2026, STRONG)
    c = compare_results(bank, [load_result(old, bank), load_result(new, bank)])
    owner, roles = c.follow_ups
    assert owner.action.status == "done"
    # the no_owner rule looks at one question: it moved from no to yes
    assert owner.changed == [("last_mile.owner", "no", "yes")]
    assert roles.section_change == 90.0
    assert ("roles.days", "no", "yes") in roles.changed


def test_three_years_give_a_trend_and_mark_coverage(cli, bank, tmp_path):
    paths = [
        save(bank, tmp_path, 2024, NOT_INNOVATING),
        save(bank, tmp_path, 2025, STRUGGLING),
        save(bank, tmp_path, 2026, STRONG),
    ]
    c = compare_results(bank, [load_result(p, bank) for p in paths])
    leadership = next(s for s in c.sections if s.section == "leadership")
    assert leadership.scores == [None, 18.6, 86.1] and leadership.change is None
    assert leadership.coverage_differs  # 2 of 9 answered in 2024, 7 and 9 later
    md = cli("compare", *paths).out
    # 55, 12.5 and 81.9; 81.9 - 55 = 26.9, shown +27 (4 of 8 answered in 2024)
    assert "| Cross-boundary collaboration \\* | 55 | 12 | 82 | +27 | ▅▂▇ |" in md
    assert "Leadership and innovation management \\*" in md
    assert sparkline([0, 50, 100, None]) == "▁▅█ "


def test_json_shape(cli, bank, tmp_path):
    old = save(bank, tmp_path, 2025, STRUGGLING, ACTIONS)
    new = save(bank, tmp_path, 2026, STRONG)
    data = json.loads(cli("compare", old, new, "--format", "json").out)
    assert data["years"] == [2025, 2026]
    assert data["sections"]["roles"]["scores"] == [10.0, 100.0]
    assert data["sections"]["roles"]["change"] == 90.0
    assert data["success_factor_reasons"]["roles"] == [
        "Innovation role: don't know; Catalyst unit or lab: Yes, but our team does not use it"
        " (needed for present)",
        "Innovation role: yes",
    ]
    assert data["flags"]["new"] == [] and "no_owner" in data["flags"]["resolved"]
    assert data["actions"][0]["status"] == "done"
    assert data["actions"][0]["changed"] == [
        {"question": "last_mile.owner", "before": "no", "after": "yes"}
    ]


def test_markdown_is_valid_with_consistent_tables(cli, bank, tmp_path):
    old = save(bank, tmp_path, 2025, STRUGGLING, ACTIONS)
    new = save(bank, tmp_path, 2026, STRONG)
    md = cli("compare", old, new).out
    widths = table_widths(md)
    # year/file, scores, success factors, moved answers, actions: five real tables
    assert len(widths) == 5
    assert all(len(w) == 1 for w in widths)
    assert "## Actions of earlier years" in md
    assert (
        "| 2025 | No owner after the hand-over | Name an owner before each pilot ends | Ada | 2025-12-01 | done |"
        in md
    )


def test_bank_changes_are_listed_never_matched(bank, tmp_path):
    old = save(
        bank, tmp_path, 2025, STRUGGLING, version="2024.1", extra={"activity.retired": "yes"}
    )
    new = save(bank, tmp_path, 2026, STRONG)
    c = compare_results(bank, [load_result(old, bank), load_result(new, bank)])
    assert c.unknown == {2025: ["activity.retired"]}


def test_another_bank_is_refused(cli, bank, tmp_path):
    old = save(bank, tmp_path, 2025, STRUGGLING)
    old.write_text(old.read_text().replace(bank.id, "other-bank"))
    new = save(bank, tmp_path, 2026, STRONG)
    result = cli("compare", old, new)
    assert result.code == 2 and "made for question bank 'other-bank'" in result.err


def test_one_file_is_not_a_comparison(cli, bank, tmp_path):
    result = cli("compare", save(bank, tmp_path, 2025, STRUGGLING))
    assert result.code == 2 and "needs at least two result files" in result.err


# ── questions whose meaning changed between bank versions (questions/changes.toml) ─────

LAST_YEAR = Path(__file__).parent / "fixtures" / "results_2026_1" / "team_2025.toml"
CHANGED = {"activity.interaction", "activity.novelty", "climate.safe_operations"}
NO_LONGER_ASKED = {
    "activity.count", "leadership.budget", "roles.methods", "climate.external_ideas",
    "climate.workload", "climate.citizen", "climate.blame",
}  # fmt: skip


def test_a_year_of_an_older_bank_leaves_out_the_questions_whose_meaning_changed(bank, tmp_path):
    old = load_result(LAST_YEAR, bank)  # made with 2026.1: interaction no, novelty adapted
    # the questions this bank no longer has (wallet, safe operations, ...) stay in the old file
    kept = {q: v for q, v in old.result.answers.items() if q not in old.unknown}
    answers = {**kept, "activity.interaction": "yes", "activity.novelty": "first"}
    answers.update({"leadership.vision": 5})
    new = save(bank, tmp_path, 2026, answers)
    c = compare_results(bank, [old, load_result(new, bank)])
    assert c.versions == ("2026.1", "2026.2")
    assert c.changed == CHANGED | NO_LONGER_ASKED | {
        "activity.value", "activity.initiators", "last_mile.wallet"
    }  # fmt: skip
    assert set(old.unknown) == {"last_mile.wallet", "climate.safe_operations"} | NO_LONGER_ASKED
    assert [m.question for m in c.moved] == ["leadership.vision"]
    same = compare_results(bank, [old, load_result(same_answers(bank, tmp_path, old), bank)])
    unmoved = {s.section: s.change for s in same.sections}
    assert {s.section: s.change for s in c.sections if s.section != "leadership"} == {
        k: v for k, v in unmoved.items() if k != "leadership"
    }

    md = compare_markdown(c, "en")
    part = md.split("## Questions whose meaning changed")[1]
    assert "Between bank versions 2026.1 and 2026.2" in part
    assert (
        "How new was this innovation? (2026.2): The answer 'inspired by others, but adapted'"
        in part
    )
    assert "Left out of these scores: questions whose meaning changed" in md
    data = compare_json(c, "en")
    assert {q for item in data["changed_meaning"] for q in item["questions"]} >= CHANGED


def same_answers(bank, tmp_path, old) -> Path:
    """The older year's answers, saved again with today's bank: nothing moved."""
    result = Result.new(bank, "Team Data", 2027, "en")
    result.answers.update({q: v for q, v in old.result.answers.items() if q not in old.unknown})
    path = tmp_path / "same.toml"
    result.save(path)
    return path


def test_years_of_one_bank_version_compare_every_question(bank):
    folder = LAST_YEAR.parent
    c = compare_results(
        bank, [load_result(folder / n, bank) for n in ("team_2025.toml", "team_2026.toml")]
    )
    assert c.changes == [] and c.versions == ("2026.1", "2026.1")
    first = c.years[0]
    assert first.scores == score(bank, first.loaded.result.answers)  # novelty and all
    assert "Questions whose meaning changed" not in compare_markdown(c, "en")


def test_a_result_of_an_older_bank_warns_which_meanings_changed(bank):
    said = load_result(LAST_YEAR, bank).warnings[0]
    warning = said.text("en")
    assert "made with bank version 2026.1, read with version 2026.2" in warning
    assert (
        "the meaning of activity.interaction, activity.novelty, climate.safe_operations" in warning
    )
