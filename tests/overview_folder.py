"""A results folder of 30 team results over two years, as a coordinator collects them from
several workshops, with what must be left out among them. The counts are worked out by hand
in tests/test_overview.py from the four profiles below."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from answer_sets import NOT_INNOVATING, STRONG, STRUGGLING

from innoscan.content.bank import Bank
from innoscan.store.result import Result

# STRONG with every 1-5 answer at 3: leadership and collaboration partly, roles present.
MIDDLE = {k: 3 if type(v) is int else v for k, v in STRONG.items()}
# ... and without an owner after the hand-over: one more team with that risk.
MIDDLE_NO_OWNER = {**MIDDLE, "last_mile.owner": "no"}
PROFILES = {
    "strong": STRONG,
    "middle": MIDDLE,
    "middle_no_owner": MIDDLE_NO_OWNER,
    "struggling": STRUGGLING,
    "not_innovating": NOT_INNOVATING,
}
# year -> profile -> team numbers. 2025: 14 teams, 2026: 16; teams 1-2 only in 2025, 15-18
# only in 2026.
TEAMS = {
    2025: {
        "struggling": [1, 2, 3, 4, 5],
        "middle": [6, 7, 8, 9],
        "strong": [10, 11, 12],
        "not_innovating": [13, 14],
    },
    2026: {
        "struggling": [5, 15],
        "middle_no_owner": [3, 4],
        "middle": [6, 7, 16],
        "strong": [8, 9, 10, 11, 12, 17, 18],
        "not_innovating": [13, 14],
    },
}
# Files in the second workshop's folder (a subfolder), the rest at the top.
SECOND_WORKSHOP = {8, 9, 10, 11, 12, 17, 18}


def team_name(n: int) -> str:
    return f"Team {n:02}"


def result(bank: Bank, team: str, year: int, answers: dict, **meta) -> Result:
    made = Result.new(bank, team, year, "en", organisation="Kadaster", **meta)
    made.answers.update(answers)
    made.meta.status = "complete"
    made.meta.updated = datetime(year, 11, 1, tzinfo=UTC)
    return made


def make_folder(bank: Bank, root: Path) -> Path:
    """The 30 team results, and beside them: a broken file, an unfinished result, individual
    answer files (two by name, one renamed), an older copy of a team's result, a rescue copy,
    a result of another bank and one from a newer innoscan."""
    second = root / "workshop-b"
    second.mkdir(parents=True)
    for year, profiles in TEAMS.items():
        for profile, numbers in profiles.items():
            for n in numbers:
                folder = second if n in SECOND_WORKSHOP else root
                made = result(bank, team_name(n), year, PROFILES[profile])
                made.save(folder / f"team-{n:02}-{year}.toml")
    (second / "broken-2026.toml").write_text("schema_version = [\n", encoding="utf-8")
    unfinished = result(bank, "Team 19", 2026, {"activity.products": "yes"})
    unfinished.meta.status = "in-progress"
    unfinished.save(root / "team-19-2026.toml")
    for path, name in (
        (root / "team-05-2026.individual-ada.toml", "Ada Lovelace"),
        (second / "team-10-2026.individual-p-3f2a.toml", ""),
        (second / "answers-from-bob.toml", "Bob Secret"),
    ):
        result(bank, "Team 05", 2026, STRONG, mode="individual", respondent=name).save(path)
    older = result(bank, team_name(10), 2026, STRUGGLING)
    older.meta.updated = datetime(2026, 10, 1, tzinfo=UTC)
    older.save(root / "team-10-2026.toml")  # the one in workshop-b/ was saved later
    result(bank, "Team 07", 2026, STRONG).save(root / "unsaved_team-07-2026_20261129T1015Z.toml")
    other = result(bank, "Team 20", 2026, {})
    other.meta.bank_id = "another-bank"
    other.save(root / "team-20-2026.toml")
    newer = result(bank, "Team 21", 2026, {}).to_toml().replace(
        "schema_version = 1", "schema_version = 99"
    )
    (root / "team-21-2026.toml").write_text(newer, encoding="utf-8")
    return root
