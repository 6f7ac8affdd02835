"""Year over year, worked out by hand: 2025 struggling, 2026 strong (and 2024 not innovating)."""

from __future__ import annotations

import json

import pytest
from answer_sets import NOT_INNOVATING, STRONG, STRUGGLING
from markdown_check import table_widths

from innoscan.assess.compare import compare_results
from innoscan.content.loader import load_bank
from innoscan.render.compare_report import sparkline
from innoscan.store.result import Action, Result, load_result


@pytest.fixture(scope="module")
def bank():
    return load_bank()


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
        "leadership": ([19.4, 87.5], 68.1),
        "collaboration": ([12.5, 82.9], 70.4),
        "roles": ([12.1, 96.4], 84.3),
        "climate": ([28.1, 78.1], 50.0),
        "last_mile": ([15.8, 84.6], 68.8),
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
    # the phases are asked only of a team with partners outside; adopters left open in 2025
    assert c.only_some == {
        "activity.latest": [2026],
        "collaboration.phases": [2026],
        "last_mile.adopters_ready": [2026],
        "last_mile.obstacle": [2026],
    }


def test_last_years_actions_beside_what_changed(bank, tmp_path):
    old = save(bank, tmp_path, 2025, STRUGGLING, ACTIONS)
    new = save(bank, tmp_path, 2026, STRONG)
    c = compare_results(bank, [load_result(old, bank), load_result(new, bank)])
    owner, roles = c.follow_ups
    assert owner.action.status == "done"
    # the no_owner rule looks at one question: it moved from no to yes
    assert owner.changed == [("last_mile.owner", "no", "yes")]
    assert roles.section_change == 84.3
    assert ("roles.days", "no", "yes") in roles.changed


def test_three_years_give_a_trend_and_mark_coverage(cli, bank, tmp_path):
    paths = [
        save(bank, tmp_path, 2024, NOT_INNOVATING),
        save(bank, tmp_path, 2025, STRUGGLING),
        save(bank, tmp_path, 2026, STRONG),
    ]
    c = compare_results(bank, [load_result(p, bank) for p in paths])
    leadership = next(s for s in c.sections if s.section == "leadership")
    assert leadership.scores == [None, 19.4, 87.5] and leadership.change is None
    assert leadership.coverage_differs  # 2 of 8 answered in 2024, all 8 later
    md = cli("compare", *paths).out
    assert "| Cross-boundary collaboration \\* | 55 | 12 | 83 | +28 | ▅▂▇ |" in md  # 4 of 7 in 2024
    assert "Leadership and innovation management \\*" in md
    assert sparkline([0, 50, 100, None]) == "▁▅█ "


def test_json_shape(cli, bank, tmp_path):
    old = save(bank, tmp_path, 2025, STRUGGLING, ACTIONS)
    new = save(bank, tmp_path, 2026, STRONG)
    data = json.loads(cli("compare", old, new, "--format", "json").out)
    assert data["years"] == [2025, 2026]
    assert data["sections"]["roles"]["scores"] == [12.1, 96.4]
    assert data["sections"]["roles"]["change"] == 84.3
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
