"""Inputs made to break innoscan give one line and exit status 2, never a traceback or exit 1
(issue 14, items 3 and 7): nesting thousands deep, numbers that are not finite, a line of
5000 digits."""

from __future__ import annotations

import tomllib

import pytest
from processes import run_process

from innoscan.content.loader import load_bank
from innoscan.store.result import Result

BANK = load_bank()


def one_line(run, code: int = 2) -> str:
    """The one line of a refusal (exit status 2)."""
    [line] = lines(run, code)
    return line


def lines(run, code: int = 2) -> list[str]:
    assert run.code == code, (run.code, run.err)
    assert "Traceback" not in run.err and "unexpected error" not in run.err
    found = run.err.strip().splitlines()
    assert found and all(line.startswith("innoscan: ") for line in found)
    return found


def result_text(**answers) -> str:
    text = Result.new(BANK, "T", 2026, "en").to_toml()
    return text + "".join(f'"{k}" = {v}\n' for k, v in answers.items())


@pytest.mark.parametrize("depth", [80, 500, 3000])
@pytest.mark.parametrize("shape", ["array", "table"])
def test_deeply_nested_result_files_are_one_line(cli, tmp_path, depth, shape):
    nested = "[" * depth + "]" * depth if shape == "array" else "{a=" * depth + "1" + "}" * depth
    path = tmp_path / "deep.toml"
    path.write_text(f"schema_version = 1\nx = {nested}\n", encoding="utf-8")
    line = one_line(cli("report", path))
    assert line == f"innoscan: {path}: arrays or tables nested more than 64 deep: not read"
    lines(cli("merge", path, path))


def _nested_when(depth: int) -> str:
    """`when` as `not` of `not` ... of the mini bank's own condition."""
    return "{not = " * depth + '{ question = "alpha.did", equals = "yes" }' + " }" * depth


def test_a_when_3000_deep_in_a_bank_is_one_line(cli, mini_bank):
    path = mini_bank / "sections" / "alpha.toml"
    text = path.read_text(encoding="utf-8")
    plain = 'when = { question = "alpha.did", equals = "yes" }'
    path.write_text(text.replace(plain, f"when = {_nested_when(3000)}"), encoding="utf-8")
    for args in (["validate", mini_bank], ["questions", "--bank", mini_bank]):
        line = one_line(cli(*args))
        assert "alpha.toml: arrays or tables nested more than 64 deep" in line


def test_a_when_30_deep_is_still_a_bank(cli, mini_bank):
    path = mini_bank / "sections" / "alpha.toml"
    text = path.read_text(encoding="utf-8")
    plain = 'when = { question = "alpha.did", equals = "yes" }'
    path.write_text(text.replace(plain, f"when = {_nested_when(30)}"), encoding="utf-8")
    assert cli("validate", mini_bank).code == 0


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "+nan"])
def test_numbers_that_are_not_finite_are_refused_in_a_result_file(cli, tmp_path, value):
    path = tmp_path / "r.toml"
    path.write_text(result_text(**{"leadership.vision": value}), encoding="utf-8")
    line = one_line(cli("report", path))
    assert line.startswith(f"innoscan: {path}: answers.leadership.vision: not a valid answer")
    assert value.lstrip("+-") in line
    lines(cli("merge", path, path, "-o", tmp_path / "team.toml"))
    assert not (tmp_path / "team.toml").exists()


def test_not_finite_numbers_elsewhere_in_a_result_are_refused(cli, tmp_path):
    data = tomllib.loads(result_text())
    text = Result.new(BANK, "T", 2026, "en").to_toml()
    text += '\n[merge]\nrespondents = 2\n[merge.questions."leadership.vision"]\nn = 2\n'
    text += "spread = nan\n"
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    assert data["schema_version"] == 1
    line = one_line(cli("report", path))
    assert "merge.questions.leadership.vision.spread" in line and "finite" in line


@pytest.mark.parametrize("line", ["1" * 5000, "1" * 20, "²", "١"])
def test_a_huge_or_foreign_number_at_a_choice_in_plain_mode_is_asked_again(
    tmp_path, mini_bank, line
):
    run = run_process(
        "--bank", mini_bank, "run", "--plain", "--team", "T", "--lang", "en",
        cwd=tmp_path, stdin=f"{line}\nq\n",
    )  # fmt: skip
    assert (run.code, run.err) == (0, "")
    assert f"{line!r} is not one of the choices. Type a number from 1 to 3." in run.out


def test_5000_digits_at_a_number_question_in_plain_mode_are_asked_again(tmp_path, mini_bank):
    digits = "1" * 5000
    run = run_process(
        "--bank", mini_bank, "run", "--plain", "--team", "T", "--lang", "en",
        cwd=tmp_path, stdin="\n".join(["1", "1", "3", "3", "3", digits, "q"]) + "\n",
    )  # fmt: skip
    assert (run.code, run.err) == (0, "")
    assert f"{digits!r} is not a number." in run.out


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (["template", "--team", "x" * 500], "team"),
        (["template", "--team", "T", "--org", "x" * 500], "organisation"),
        (["run", "--plain", "--team", "x" * 500], "team"),
        (["run", "--plain", "--team", "T", "--individual", "--name", "x" * 500], "respondent"),
    ],
)
def test_a_name_beyond_what_a_result_holds_is_one_line(cli, tmp_path, monkeypatch, args, key):
    monkeypatch.chdir(tmp_path)
    line = one_line(cli(*args))
    assert line == f"innoscan: {key}: String should have at most 200 characters"
    assert not list(tmp_path.rglob("*.toml"))
