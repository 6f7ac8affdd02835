"""The result file: round trips byte for byte, refuses what it cannot read, keeps the rest."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from answer_sets import STRONG

from innoscan.content.loader import load_bank
from innoscan.content.problems import InputError
from innoscan.store.result import Result, load_result


def make(bank, answers, notes=None, **meta) -> Result:
    result = Result.new(bank, "Team Ω «Data»", 2026, "nl", organisation="Kadaster", **meta)
    stamp = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)
    result.meta.created = result.meta.updated = stamp
    result.answers.update(answers)
    result.notes.update(notes or {})
    return result


def test_read_then_write_gives_the_same_bytes(bank, tmp_path):
    path = tmp_path / "r.toml"
    notes = {"activity.products": 'Besproken: "kaart" & data\nTweede regel — ünïcødé ✓'}
    make(bank, STRONG, notes).save(path)
    original = path.read_bytes()
    loaded = load_result(path, bank)
    loaded.result.save(path)
    assert path.read_bytes() == original
    assert loaded.result.answers == STRONG
    assert loaded.result.notes == notes
    assert loaded.result.meta.team == "Team Ω «Data»"


def test_number_answers_keep_their_type(mini_bank, tmp_path):
    mini = load_bank(mini_bank)  # the built-in bank has no number question since 2026.2
    path = tmp_path / "r.toml"
    make(mini, {"beta.count": 2.5}).save(path)
    assert load_result(path, mini).result.answers["beta.count"] == 2.5
    make(mini, {"beta.count": "many"}).save(path)
    with pytest.raises(InputError, match="answers.beta.count: .*expected a number"):
        load_result(path, mini)
    make(mini, {"beta.count": -1}).save(path)
    with pytest.raises(InputError, match="answers.beta.count: .*below the minimum 0"):
        load_result(path, mini)


def test_individual_result_is_readable_by_its_owner_only(bank, tmp_path):
    path = tmp_path / "me.toml"
    make(bank, {}, mode="individual").save(path)
    assert path.stat().st_mode & 0o777 == 0o600


def test_newer_schema_is_refused(bank, tmp_path):
    path = tmp_path / "new.toml"
    path.write_text(make(bank, {}).to_toml().replace("schema_version = 1", "schema_version = 9"))
    with pytest.raises(InputError, match="newer innoscan .*schema_version 9"):
        load_result(path, bank)


def test_other_bank_is_refused(bank, tmp_path):
    path = tmp_path / "other.toml"
    text = make(bank, {}).to_toml().replace(bank.id, "someone-elses-bank")
    path.write_text(text)
    with pytest.raises(InputError, match="made for question bank 'someone-elses-bank'"):
        load_result(path, bank)


def test_other_bank_version_is_accepted_and_unknown_answers_kept(bank, tmp_path):
    path = tmp_path / "old.toml"
    result = make(bank, {"activity.products": "yes", "activity.retired": "yes"})
    result.meta.bank_version = "2021.1"
    result.save(path)
    loaded = load_result(path, bank)
    assert loaded.unknown == ["activity.retired"]
    warnings = [w.text("en") for w in loaded.warnings]
    assert any("version 2021.1" in w and "accepted" in w for w in warnings)
    assert any("activity.retired" in w and "kept" in w for w in warnings)
    loaded.result.save(path)
    assert 'activity.retired" = "yes"' in path.read_text()


def test_unknown_question_of_the_same_bank_version_is_an_error(bank, tmp_path):
    path = tmp_path / "typo.toml"
    make(bank, {"activity.prodcts": "yes"}).save(path)
    with pytest.raises(InputError) as caught:
        load_result(path, bank)
    assert str(caught.value) == f"{path}: answers.activity.prodcts: unknown question id"


@pytest.mark.parametrize(
    ("question", "value", "message"),
    [
        ("activity.products", "ja", 'expected "yes" or "no", got \'ja\''),
        ("leadership.vision", 7, "7 is outside the scale 1-5"),
        ("leadership.vision", "dont_know", "'dont_know' is not allowed"),
        ("leadership.strategy", "maybe", "unknown option 'maybe'"),
        ("activity.initiators", ["employees", "nobody"], "unknown option 'nobody'"),
        ("activity.initiators", ["employees", "manager", "politics", "rules"], "at most 3"),
        ("collaboration.partners", ["none", "knowledge"], "'none' cannot be combined"),
        ("leadership.vision", 3.5, "expected a whole number"),
    ],
)
def test_wrong_answers_are_named(bank, tmp_path, question, value, message):
    path = tmp_path / "bad.toml"
    make(bank, {question: value}).save(path)
    with pytest.raises(InputError) as caught:
        load_result(path, bank)
    text = str(caught.value)
    assert text.startswith(f"{path}: answers.{question}: ") and message in text


def test_a_boolean_answer_is_a_type_error(bank, tmp_path):
    path = tmp_path / "bool.toml"
    path.write_text(make(bank, {}).to_toml() + '"activity.products" = true\n')
    with pytest.raises(InputError) as caught:
        load_result(path, bank)
    assert len(caught.value.problems) == 1
    assert "answers.activity.products: not a valid answer" in str(caught.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty: not an innoscan result file"),
        (b"this is = not [toml", "not valid TOML"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b'title = "x"\n', "not an innoscan result file (no schema_version)"),
        (b"schema_version = 1\n", "meta: is missing"),
    ],
)
def test_files_that_are_not_results(bank, tmp_path, content, message):
    path = tmp_path / "x.toml"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load_result(path, bank)
    assert str(path) in str(caught.value) and message in str(caught.value)


def test_missing_and_unreadable_paths(bank, tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_result(tmp_path / "nope.toml", bank)
    with pytest.raises(InputError, match="is a folder"):
        load_result(tmp_path, bank)


def test_what_could_not_be_read_back_is_never_written(bank, tmp_path):
    """A number beyond what a result holds, put in by a bank without a maximum, was saved
    and made the team's whole file unreadable; now the save is refused, naming the key, and
    the file stays as it was."""
    path = tmp_path / "team-data-2026.toml"
    result = Result.new(bank, "Team Data", 2026, "en")
    result.save(path)
    before = path.read_bytes()
    result.answers["activity.products"] = 10**16
    with pytest.raises(InputError) as refused:
        result.save(path)
    assert "answers.activity.products" in str(refused.value)
    assert path.read_bytes() == before
