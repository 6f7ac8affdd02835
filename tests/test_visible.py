"""What a file or a person typed can never drive the terminal: control characters in team
names, ids, notes and paths are shown as escapes in every front end (issue 14, items 8, 9)."""

from __future__ import annotations

import json
import tomllib

import pytest
import tomli_w
from processes import run_process

from innoscan.content.loader import load_bank
from innoscan.content.problems import InputError, Problem
from innoscan.content.visible import data_safe, hidden, stripped, visible
from innoscan.store.result import Action, Result, load_result

BANK = load_bank()
HOSTILE = "Team \u001b[2J\u001b[5;5H\x1bc\x00\r\x9b\u202e"


def test_visible_shows_every_control_character_as_an_escape():
    assert visible("a\x1b[2Jb\x00\r\n\t\x7f\x9f") == "a\\x1b[2Jb\\x00\\x0d\\x0a\\x09\\x7f\\x9f"
    assert visible("one\ntwo\tthree\r", lines=True) == "one\ntwo\tthree\\x0d"
    assert visible("Team Data · 数据团队 فريق 🚀") == "Team Data · 数据团队 فريق 🚀"
    assert visible(visible(HOSTILE)) == visible(HOSTILE)


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_visible_shows_bidi_formatting_as_escapes_and_letters_as_they_are():
    assert visible("abc\u202edef") == "abc\\u202edef"
    assert visible(BIDI, lines=True) == "".join(f"\\u{ord(c):04x}" for c in BIDI)
    assert visible("فريق البيانات 数据团队\n") == "فريق البيانات 数据团队\\x0a"
    assert stripped(f"a\x1b]0;t\x07{BIDI}b\n") == "a]0;tb"
    assert hidden("x\u202ey\u202e\x1b\n", lines=True) == ["\\u202e", "\\x1b"]


def test_data_safe_escapes_stay_valid_json_and_toml():
    text = "a\x7fb\x85c\x9bd" + BIDI
    assert json.loads(data_safe(json.dumps(text, ensure_ascii=False))) == text
    assert tomllib.loads(data_safe('k = "' + text + '"'))["k"] == text


def test_a_problem_is_one_line_whatever_its_id_holds():
    problem = Problem("own\x1b.toml", "\r", "unknown id \x00\n")
    assert str(problem) == "own\\x1b.toml: \\x0d: unknown id \\x00\\x0a"
    assert len(str(InputError([problem, problem])).splitlines()) == 2


@pytest.fixture
def hostile_folder(tmp_path):
    """A results folder with a result whose team, note, answer and action hold escapes."""
    folder = tmp_path / "results"
    folder.mkdir()
    result = Result.new(BANK, HOSTILE, 2026, "en", organisation="Org\x1b]0;pwned\x07")
    result.answers["activity.products"] = "yes"
    text_q = next(q for q in BANK.questions if q.kind == "text")
    result.answers[text_q.id] = "free\x1b[31m text\x00"
    result.notes["activity.products"] = "note\x1bc"
    result.actions.append(Action(target="section:activity", what="do\x1b[2J", who="\x00me"))
    result.save(folder / "hostile-2026.toml")
    return folder


@pytest.mark.parametrize("fmt", ["md", "json", "toml"])
def test_report_output_holds_no_control_byte(cli, hostile_folder, fmt):
    run = cli("report", hostile_folder / "hostile-2026.toml", "--format", fmt)
    assert run.code == 0, run.err
    for raw in ("\x1b", "\x00", "\x9b", "\r", "\u202e"):
        assert raw not in run.out
    if fmt == "md":
        assert "# Innovation scan: Team \\x1b\\[2J\\x1b\\[5;5H\\x1bc\\x00 \\x9b\\u202e\n" in run.out
    elif fmt == "json":
        assert json.loads(run.out)["team"] == HOSTILE  # the data itself unchanged
    else:
        assert tomllib.loads(run.out)["meta"]["team"] == HOSTILE  # the record itself unchanged


def test_error_messages_hold_no_control_byte(cli, tmp_path):
    bad = tmp_path / "bad\x1b[2J.toml"
    data = tomllib.loads(Result.new(BANK, "T", 2026, "en").to_toml())
    data["answers"] = {"\x1b[2J\x00": 1, "activity.products": "maybe\x1bc"}
    bad.write_text(tomli_w.dumps(data), encoding="utf-8")
    run = cli("report", bad)
    assert run.code == 2
    assert "\x1b" not in run.err and "\x00" not in run.err
    lines = run.err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("innoscan: ") for line in lines)
    assert "bad\\x1b[2J.toml: answers.\\x1b[2J\\x00: unknown question id" in run.err


def test_plain_mode_echoes_the_team_name_inert(tmp_path):
    run = run_process(
        "run",
        "--plain",
        "--team",
        "Esc\x1b[2J\x1bc\u202e",
        "--lang",
        "en",
        cwd=tmp_path,
        stdin="q\n",
    )
    assert run.code == 0, run.err
    assert "\x1b" not in run.out and "\u202e" not in run.out
    assert "Esc\\x1b[2J\\x1bc\\u202e" in run.out


def test_a_result_file_keeps_a_bidi_note_exactly_and_holds_it_escaped(tmp_path):
    result = Result.new(BANK, "Team", 2026, "en")
    note = f"fine\n{BIDI} فريق\nend"  # written as a multi-line string
    result.notes["activity.products"] = note
    path = result.save(tmp_path / "r.toml")
    assert not hidden(path.read_text(encoding="utf-8"), lines=True)
    assert load_result(path, BANK).result.notes["activity.products"] == note


def test_validate_refuses_a_bank_whose_texts_hold_control_or_bidi_characters(cli, mini_bank):
    """Issue 21, item 6: one line per text, naming the file and the key; newlines and tabs in
    a text, and a file with Windows line ends, are fine."""
    path = mini_bank / "sections" / "alpha.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('en = "Alpha"', 'en = "Alpha\\u001b]52;c;aGVsbG8=\\u0007"')
    text = text.replace(
        'help = { nl = "Omdat.", en = "Because." }',
        'help = { nl = "Omdat.", en = "Be\\u202ecause.\\nTab\\there." }',
        1,
    )
    path.write_bytes(text.replace("\n", "\r\n").encode())
    head = mini_bank / "bank.toml"
    head.write_text(head.read_text(encoding="utf-8").replace('en = "Mini"', 'en = "Mini\\u0085"'))
    for args in (["validate"], ["questions", "--bank"], ["template", "--bank"]):
        run = cli(*args, mini_bank)
        assert run.code == 2, run.out
        assert "\x1b" not in run.err and "\u202e" not in run.err and "\x85" not in run.err
        assert run.err.splitlines() == [
            f"innoscan: {head}: title.en: holds \\x85: {WHY}",
            f"innoscan: {path}: section.title.en: holds \\x1b, \\x07: {WHY}",
            f"innoscan: {path}: questions[0].help.en: holds \\u202e: {WHY}",
        ]
    path.write_text(text.replace("\\u202e", "").replace("\\u001b]52;c;aGVsbG8=\\u0007", ""))
    head.write_text(head.read_text(encoding="utf-8").replace("\\u0085", ""))
    assert cli("validate", mini_bank).code == 0


WHY = "a control or bidi formatting character, which no text of a bank may hold"


def test_ci_replays_no_example_database_from_a_clone(tmp_path):
    """Under CI=true the hypothesis tests use no .hypothesis/ database and fixed examples."""
    import subprocess
    import sys
    from pathlib import Path

    probe = "import conftest; from hypothesis import settings; s = settings(); "
    probe += "print(s.database, s.derandomize)"
    tests = Path(__file__).parent
    for ci, expected in (("true", "None True"), (None, "None True")):
        env = {"PATH": "", "HOME": str(tmp_path)} | ({"CI": ci} if ci else {})
        out = subprocess.run(
            [sys.executable, "-c", probe], cwd=tests, env=env, capture_output=True, text=True
        )
        if ci:
            assert out.stdout.strip() == expected, out.stderr
        else:
            assert out.stdout.strip() != expected, out.stderr


@pytest.mark.parametrize("bad_id", ["\r", "a\nb", "\x1b[2J", "\x85"])
def test_a_benchmark_id_with_a_line_break_is_still_one_line(cli, tmp_path, bad_id):
    """The hypothesis flake of issue 14 (item 8): a benchmark id "\\r" split the message."""
    result = tmp_path / "r.toml"
    Result.new(BANK, "T", 2026, "en").save(result)
    own = tmp_path / "own.toml"
    own.write_text(tomli_w.dumps({"indicators": [{"id": bad_id, "value": 1}]}), encoding="utf-8")
    run = cli("report", result, "--benchmarks", own)
    assert run.code == 2
    lines = run.err.strip().splitlines()
    assert lines and all(line.startswith("innoscan: ") for line in lines), lines
