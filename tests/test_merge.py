"""Individual answers merged into a team profile, worked out by hand."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from innoscan.assess.merge import merge
from innoscan.content.loader import load_bank
from innoscan.content.problems import InputError
from innoscan.store.result import Result, load_result

FIVE = {
    "A": {
        "activity.products": "yes",
        "leadership.vision": 1,
        "last_mile.owner": "no",
        "collaboration.partners": ["knowledge", "citizens"],
    },
    "B": {
        "activity.products": "yes",
        "leadership.vision": 5,
        "last_mile.owner": "yes",
        "collaboration.partners": ["knowledge"],
    },
    "C": {
        "activity.products": "no",
        "activity.underway": "yes",  # so the last-mile questions are asked of C too
        "leadership.vision": 4,
        "last_mile.owner": "no",
        "collaboration.partners": ["citizens", "companies"],
    },
    "D": {
        "activity.products": "yes",
        "leadership.vision": 4,
        "last_mile.owner": "yes",
        "collaboration.partners": ["knowledge"],
    },
    "E": {
        "activity.products": "dont_know",
        "leadership.vision": 3,
        "last_mile.owner": "dont_know",
        "collaboration.partners": ["none"],
    },
}


def individuals(bank, tmp_path: Path, answers_by_name=FIVE, **meta):
    loaded = []
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, answers in answers_by_name.items():
        result = Result.new(
            bank, "Team Data", meta.get("year", 2026), "en", mode="individual", respondent=name
        )
        result.answers.update(answers)
        result.notes["leadership.vision"] = f"view of {name}" if name != "E" else "view of A"
        path = tmp_path / f"{name}.toml"
        result.save(path)
        loaded.append(load_result(path, bank))
    return loaded


def test_team_answer_per_kind(bank, tmp_path):
    profile = merge(bank, individuals(bank, tmp_path)).result
    # likert 1, 5, 4, 4, 3: median 4; yes/no: 3 yes of 4 real answers (E don't know): yes;
    # owner 2 yes, 2 no: a tie, left open; partners: knowledge by 3 of 5 (>= half), citizens
    # by 2 of 5 (not). Numbers: test_numbers_merge_to_their_median (the mini bank).
    assert profile.answers == {
        "activity.products": "yes",
        "activity.underway": "yes",
        "leadership.vision": 4,
        "collaboration.partners": ["knowledge"],
    }
    assert profile.meta.respondents == 5 and profile.meta.mode == "team"
    spread = profile.merge.questions
    assert spread["leadership.vision"].answers == {"1": 1, "3": 1, "4": 2, "5": 1}
    assert spread["leadership.vision"].spread == 4
    assert spread["collaboration.partners"].shares == {
        "knowledge": 0.6,
        "companies": 0.2,
        "citizens": 0.4,
        "none": 0.2,
    }
    assert spread["last_mile.owner"].answers == {"dont_know": 1, "no": 2, "yes": 2}


def test_disagreements_are_both_ends_of_a_scale_or_no_clear_majority(bank, tmp_path):
    profile = merge(bank, individuals(bank, tmp_path)).result
    # vision spans 1-5 (4 >= 0.75 * 4); owner is a tie; products has 3 of 4 (0.75 >= 0.66)
    assert profile.merge.disagreements == ["leadership.vision", "last_mile.owner"]


def test_names_stay_out_unless_asked(bank, tmp_path):
    anonymous = merge(bank, individuals(bank, tmp_path)).result
    text = anonymous.to_toml()
    assert "names" not in text and 'respondent = ""' in text
    named = merge(bank, individuals(bank, tmp_path), names=True).result
    assert named.merge.names == ["A", "B", "C", "D", "E"]


def test_notes_are_kept_without_names_and_without_repeats(bank, tmp_path):
    profile = merge(bank, individuals(bank, tmp_path)).result
    assert (
        profile.notes["leadership.vision"] == "- view of A\n- view of B\n- view of C\n- view of D"
    )


def test_profile_is_a_result_file_that_reads_back(bank, tmp_path):
    profile = merge(bank, individuals(bank, tmp_path)).result
    path = tmp_path / "team.toml"
    profile.save(path)
    again = load_result(path, bank)
    assert again.result.merge == profile.merge
    again.result.save(path)
    assert path.read_text(encoding="utf-8") == profile.to_toml()


def test_different_years_are_refused_or_forced_with_a_warning(bank, tmp_path):
    loaded = individuals(bank, tmp_path / "a", {"A": {"activity.products": "yes"}}) + individuals(
        bank, tmp_path / "b", {"B": {"activity.products": "no"}}, year=2025
    )
    with pytest.raises(InputError, match="different years: 2025, 2026"):
        merge(bank, loaded)
    merged = merge(bank, loaded, force=True)
    assert [str(w) for w in merged.warnings] == ["merged anyway: different years: 2025, 2026"]
    dutch = merged.warnings[0].text("nl")
    assert dutch == "toch samengevoegd: verschillende jaren: 2025, 2026"


def test_two_of_three_is_a_majority(bank, tmp_path):
    answers = {
        "A": {"leadership.strategy": "paper", "activity.products": "yes"},
        "B": {"leadership.strategy": "paper", "activity.products": "yes"},
        "C": {"leadership.strategy": "developing", "activity.products": "yes"},
    }
    profile = merge(bank, individuals(bank, tmp_path, answers)).result
    assert profile.answers["leadership.strategy"] == "paper"
    assert profile.merge.disagreements == []


def test_numbers_merge_to_their_median_and_whole_medians_stay_whole(mini_bank, tmp_path):
    """The built-in bank has no number question since 2026.2; the mini bank's beta.count."""
    mini = load_bank(mini_bank)

    def merged(counts: dict[str, int | None], folder: Path):
        loaded = []
        folder.mkdir()
        for name, count in counts.items():
            result = Result.new(mini, "T", 2026, "en", mode="individual", respondent=name)
            result.answers.update({} if count is None else {"beta.count": count})
            result.save(folder / f"{name}.toml")
            loaded.append(load_result(folder / f"{name}.toml", mini))
        return merge(mini, loaded).result.answers["beta.count"]

    assert merged({"A": 2, "B": 3, "C": None}, tmp_path / "a") == 2.5  # A and B answered it
    whole = merged({"A": 1, "B": 1, "C": None}, tmp_path / "b")
    assert whole == 1 and isinstance(whole, int)


def test_exclusive_none_and_max_choices_survive_the_majority(bank, tmp_path):
    answers = {
        "A": {
            "activity.products": "yes",
            "activity.initiators": ["employees", "manager", "politics"],
        },
        "B": {"activity.products": "yes", "activity.initiators": ["employees", "manager", "rules"]},
        "C": {
            "activity.products": "yes",
            "activity.initiators": ["politics", "rules", "employees"],
        },
        "D": {"activity.products": "yes", "activity.initiators": ["manager", "politics", "rules"]},
    }
    profile = merge(bank, individuals(bank, tmp_path, answers)).result
    # every option is chosen by 3 of 4; at most three may stay: the first three in bank order
    assert profile.answers["activity.initiators"] == ["employees", "manager", "politics"]
    assert (
        bank.answer_problem(
            bank.question("activity.initiators"), profile.answers["activity.initiators"]
        )
        is None
    )


def test_cli_merge_says_what_it_did_in_the_readers_language(cli, bank, tmp_path):
    loaded = individuals(bank, tmp_path)
    target = tmp_path / "team.toml"
    result = cli("--lang", "nl", "merge", *[item.path for item in loaded], "-o", target)
    assert result.code == 0
    lines = result.err.splitlines()
    assert lines[-2:] == [
        f"innoscan: {target} geschreven",
        "innoscan: 5 respondenten samengevoegd; vragen waarover zij verschillen (2): "
        "leadership.vision, last_mile.owner",
    ]
    again = cli("--lang", "nl", "merge", *[item.path for item in loaded], "-o", target)
    assert again.err.splitlines()[-1] == f"innoscan: de acties uit {target} behouden (0)"


def test_cli_merge_writes_the_profile(cli, bank, tmp_path):
    loaded = individuals(bank, tmp_path)
    target = tmp_path / "team.toml"
    result = cli("merge", *[item.path for item in loaded], "-o", target)
    assert result.code == 0
    assert (
        "merged 5 respondents; 2 disagreement(s): leadership.vision, last_mile.owner" in result.err
    )
    data = load_result(target, bank).result
    assert data.meta.respondents == 5
    report = cli("report", target, "--format", "json")
    import json

    parsed = json.loads(report.out)
    assert parsed["respondents"] == 5
    assert [d["question"] for d in parsed["disagreements"]] == [
        "leadership.vision",
        "last_mile.owner",
    ]
    assert parsed["disagreements"][1]["answers"] == {"dont_know": 1, "no": 2, "yes": 2}
    md = cli("report", target).out
    assert md.index("## Where the team disagrees") < md.index("## Summary")


def test_the_profile_keeps_the_kind_of_organisation_the_respondents_agree_on(bank, tmp_path):
    loaded = individuals(bank, tmp_path)
    for item in loaded:
        item.result.meta.org_type = "municipality"
    assert merge(bank, loaded).result.meta.org_type == "municipality"
    loaded[0].result.meta.org_type = "province"
    assert merge(bank, loaded).result.meta.org_type is None


@pytest.mark.parametrize("given", ["twice", "link", "copy"])
def test_a_respondent_given_twice_is_counted_once_and_said(cli, bank, tmp_path, given):
    """Issue 21, item 11: `merge a.toml a.toml` counted two respondents."""
    first, second = individuals(bank, tmp_path, {"A": FIVE["A"], "B": FIVE["B"]})
    again = first.path
    if given == "link":
        again = tmp_path / "link-to-A.toml"
        again.symlink_to(first.path)
    elif given == "copy":
        again = tmp_path / "mail" / "A.toml"
        again.parent.mkdir()
        again.write_bytes(first.path.read_bytes())
    run = cli("merge", first.path, second.path, again, "-o", tmp_path / "team.toml")
    assert run.code == 0, run.err
    warning = (
        f"innoscan: warning: {again}: the same respondent as {first.path} (the same file, "
        "a link to it or a copy): counted once"
    )
    assert warning in run.err.splitlines()
    assert "merged 2 respondents" in run.err
    profile = tomllib.loads((tmp_path / "team.toml").read_text())
    assert profile["meta"]["respondents"] == profile["merge"]["respondents"] == 2


def test_long_text_answers_and_notes_of_many_respondents_merge_and_read_back(
    bank, tmp_path, cli
):
    """A text answer of 250 characters (a tally counts text answers by their text) and
    twenty 1,000-character notes (joined, beyond what one person may type) make a profile
    that is written and read back: before, merge ended with exit 1 on the first, and wrote
    a profile that no command could read on the second."""
    long = {f"R{n}": {"activity.products": "yes", "activity.latest": f"{n} " + "x" * 250} for n in range(20)}
    loaded = individuals(bank, tmp_path / "in", long)
    for item in loaded:
        item.result.notes["leadership.vision"] = f"{item.result.meta.respondent} " + "y" * 1000
        item.result.save(item.path)
    out = tmp_path / "team.toml"
    run = cli("merge", *(item.path for item in loaded), "-o", out)
    assert run.code == 0, run.err
    profile = load_result(out, bank).result
    assert len(profile.notes["leadership.vision"]) > 20_000
    assert cli("report", out).code == 0
