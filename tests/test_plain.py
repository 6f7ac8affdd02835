"""The plain mode (`innoscan run --plain`) driven through a pipe, as a screen reader user or a
file of answer lines would."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from answer_sets import STRONG
from processes import run_process

from innoscan.content.bank import DONT_KNOW
from innoscan.content.loader import load_bank

BANK = load_bank()
RUN = ("run", "--plain", "--team", "Plain Team", "--year", "2026", "--lang", "en")
RESULT = "plain-team-2026.toml"


def line_for(q, value) -> str:
    """What someone types to give `value` as the answer to `q`."""
    if q.kind in ("number", "text"):
        return "d" if value == DONT_KNOW else str(value)
    values, _ = q.choices(BANK, "en")
    if q.kind == "multiple_choice" and value != DONT_KNOW:
        return " ".join(str(values.index(v) + 1) for v in value)
    return str(values.index(value) + 1)


def lines_for(answers: dict) -> list[str]:
    """The lines that answer the questionnaire front to back, skipping questions without one."""
    given: dict = {}
    lines = []
    for q in BANK.questions:
        if q not in BANK.asked(given):
            continue
        if q.id in answers:
            given[q.id] = answers[q.id]
            lines.append(line_for(q, answers[q.id]))
        else:
            lines.append("s")
    return lines


def answers_in(folder: Path, name: str = RESULT) -> dict:
    return tomllib.loads((folder / "innoscan-results" / name).read_text())["answers"]


def expected(answers: dict) -> dict:
    """The answers as saved: those that apply, multiple choices in the options' order."""
    saved = {}
    for qid, value in BANK.effective_answers(answers).items():
        q = BANK.question(qid)
        if q.kind == "multiple_choice" and isinstance(value, list):
            value = [o.id for o in q.options if o.id in value]
        saved[qid] = value
    return saved


def plain(tmp_path: Path, lines: list[str], *extra: str):
    return run_process(*RUN, *extra, cwd=tmp_path, stdin="".join(f"{x}\n" for x in lines))


def test_a_whole_questionnaire_from_a_file_of_lines(tmp_path):
    run = plain(tmp_path, lines_for(STRONG))
    assert run.code == 0, run.err
    assert run.err == ""
    assert answers_in(tmp_path) == expected(STRONG)
    saved = tomllib.loads((tmp_path / "innoscan-results" / RESULT).read_text())
    assert saved["meta"]["status"] == "complete"
    report = (tmp_path / "innoscan-results" / "plain-team-2026.md").read_text()
    assert report.strip() in run.out  # the results are the report's text
    assert re.search(r"^Question 1 of \d+ · section 1 of \d+: Innovation activity$", run.out, re.M)
    assert "Choose 1-3, or p for previous, s to skip: yes" not in run.out
    assert "\x1b" not in run.out  # no colours, no cursor movement


def test_a_bad_answer_is_asked_again_with_a_reason(tmp_path):
    run = plain(tmp_path, ["7", "yes please", "p", "1", "q"])
    assert run.code == 0
    assert "'7' is not one of the choices. Type a number from 1 to 3." in run.out
    assert run.out.count("has your team put new or strongly improved products") == 1
    assert run.out.count("Choose 1-3, or p for previous, s to skip:") == 5
    assert "This is the first question." in run.out
    assert answers_in(tmp_path) == {"activity.products": "yes"}


# The built-in bank has no number question since 2026.2: the mini bank's beta.count (after
# alpha.did "no", alpha.who, beta.agree and beta.blame skipped) stands in.
MINI = Path(__file__).parent / "fixtures" / "mini_bank"
TO_THE_COUNT = ["2", "s", "s", "s"]


def test_numbers_are_checked_against_the_question(tmp_path):
    run = plain(tmp_path, [*TO_THE_COUNT, "many", "-3", "4", "q"], "--bank", MINI)
    assert "'many' is not a number" in run.out
    assert "Not accepted: -3 is below the minimum 0" in run.out
    assert answers_in(tmp_path)["beta.count"] == 4


def test_going_back_changes_an_earlier_answer_and_enter_keeps_one(tmp_path):
    run = plain(tmp_path, ["1", "2", "p", "", "p", "1", "q"])
    assert run.code == 0
    assert "Your answer now: 2. No. Enter keeps it." in run.out
    assert answers_in(tmp_path) == {"activity.products": "yes", "activity.services": "yes"}


def test_multiple_choice_takes_several_numbers_and_refuses_an_exclusive_one_with_others(
    tmp_path,
):
    given = {k: STRONG[k] for k in list(STRONG)[:8]}  # up to the latest innovation's partners
    q = BANK.question("activity.value")
    values, _ = q.choices(BANK, "en")
    none = str(values.index("none") + 1)
    lines = [*lines_for(given)[:8], f"1 {none}", "3, 1", "q"]
    run = plain(tmp_path, lines)
    assert (
        "Not accepted: 'No noticeable value yet' cannot be combined with other choices" in run.out
    )
    assert answers_in(tmp_path)["activity.value"] == [values[0], values[2]]


def test_end_of_input_midway_saves_and_the_next_run_resumes(tmp_path):
    first = plain(tmp_path, lines_for(STRONG)[:10])
    assert first.code == 0
    assert "(end of input)" in first.out
    assert "Stopped. Your answers are saved in" in first.out
    assert len(answers_in(tmp_path)) == 10

    second = plain(tmp_path, lines_for(STRONG)[10:])
    assert second.code == 0
    assert "Welcome back: 10 of" in second.out
    first_shown = re.search(r"^Question (\d+) of \d+ · ", second.out, re.M)
    assert first_shown and first_shown.group(1) == "11"
    assert answers_in(tmp_path) == expected(STRONG)


def test_skipped_questions_are_offered_again_at_the_end(tmp_path):
    lines = lines_for(STRONG)
    lines[1] = "s"
    run = plain(tmp_path, [*lines, "u", "1", "f"])
    assert "1 question is still open: number 2." in run.out
    assert answers_in(tmp_path)["activity.services"] == "yes"
    assert (tmp_path / "innoscan-results" / "plain-team-2026.md").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ("run", "--plain", "--team", "T", "--lang", "nl"),
        ("--lang", "nl", "run", "--plain", "--team", "T"),  # as `serve` starts participants
    ],
)
def test_dutch_prompts_whichever_side_of_the_subcommand_lang_is_on(tmp_path, argv):
    run = run_process(*argv, cwd=tmp_path, stdin="1\nq\n")
    assert re.search(r"^Vraag 1 van \d+ · deel 1 van \d+: Innovatieactiviteit$", run.out, re.M)
    assert "Kies 1-3, of p voor vorige, s om over te slaan:" in run.out


def test_an_english_result_of_an_older_bank_warns_in_dutch_with_lang_nl(tmp_path):
    """The warnings a file gives as it loads are said in the language of the prompts."""
    made = Path(__file__).parent / "fixtures" / "results_2026_1" / "team_strong.toml"
    (tmp_path / "innoscan-results").mkdir()
    shutil.copy(made, tmp_path / "innoscan-results" / "team-data-2026.toml")
    argv = ("--lang", "nl", "run", "--plain", "--team", "Team Data", "--year", "2026")
    run = run_process(*argv, cwd=tmp_path, stdin="q\n")
    assert (
        "team-data-2026.toml: gemaakt met versie 2026.1 van de vragenbank, gelezen met versie "
        "2026.2: aanvaard" in run.out
    )
    assert "last_mile.wallet = 'shared' gelezen als last_mile.benefits = 'shared'" in run.out
    assert "made with" not in run.out and "read as" not in run.out


def test_an_individual_answers_in_a_private_file_of_their_own(tmp_path):
    run = plain(tmp_path, ["1", "q"], "--individual", "--name", "Ann de Vries")
    assert run.code == 0
    path = tmp_path / "innoscan-results" / "plain-team-2026.individual-ann-de-vries.toml"
    assert tomllib.loads(path.read_text())["meta"]["respondent"] == "Ann de Vries"
    assert path.stat().st_mode & 0o077 == 0


def test_an_anonymous_individual_is_told_how_to_go_on_later(tmp_path):
    run = plain(tmp_path, ["1", "q"], "--individual")
    name = re.search(r"with --name (anonymous-[0-9a-f]+) added", run.out).group(1)
    again = plain(tmp_path, ["q"], "--individual", "--name", name)
    assert "Welcome back: 1 of" in again.out
    files = list((tmp_path / "innoscan-results").glob("*.individual-*.toml"))
    assert len(files) == 1


@pytest.mark.parametrize("locked_choice", ["r", "q"])
def test_a_result_open_elsewhere_is_not_changed(tmp_path, locked_choice):
    from innoscan.store.session import ResultsFolder, Session

    holder = Session.open(
        BANK, ResultsFolder(tmp_path / "innoscan-results"), "Plain Team", 2026, "en", lock=True
    )
    holder.answer(BANK.question("activity.products"), "no")
    try:
        run = plain(tmp_path, [locked_choice, "1", "q"])
    finally:
        holder.close()
    assert "is open by" in run.out
    assert answers_in(tmp_path) == {"activity.products": "no"}
    if locked_choice == "r":
        assert "Read-only" in run.out and "# " in run.out


def test_a_line_that_is_not_utf8_is_named_and_the_lines_before_it_count(tmp_path):
    lines = b"1\n2\n1\n2\n12\nCaf\xe9 au lait\n"
    proc = subprocess.run(
        [sys.executable, "-m", "innoscan", *RUN], input=lines, capture_output=True, cwd=tmp_path
    )
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        "innoscan: <stdin>: line 6 is not UTF-8 text: save the answers file as UTF-8 and run "
        "again\n"
    )
    assert len(answers_in(tmp_path)) == 5
    assert "Traceback" not in proc.stdout.decode()


def test_a_byte_order_mark_at_the_start_is_not_an_answer(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "innoscan", *RUN],
        input="\ufeff1\n2\nq\n".encode(),
        capture_output=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0
    assert answers_in(tmp_path) == {"activity.products": "yes", "activity.services": "no"}


def test_a_thousands_separator_is_refused_not_misread(tmp_path):
    run = plain(tmp_path, [*TO_THE_COUNT, "1,000", "1000", "q"], "--bank", MINI)
    assert "'1,000' could mean a thousand or a decimal. Type it without a separator (1000)" in (
        run.out
    )
    assert answers_in(tmp_path)["beta.count"] == 1000


def test_dutch_messages_for_bounds_and_exclusive_choices(tmp_path):
    given = {k: STRONG[k] for k in list(STRONG)[:8]}
    q = BANK.question("activity.value")
    values, _ = q.choices(BANK, "nl")
    none = str(values.index("none") + 1)
    lines = [*lines_for(given)[:8], f"1 {none}", "q"]
    dutch = ("run", "--plain", "--team", "T", "--lang", "nl")
    run = run_process(*dutch, cwd=tmp_path, stdin="".join(f"{x}\n" for x in lines))
    count = [*TO_THE_COUNT, "-1", "q"]
    (tmp_path / "mini").mkdir()
    mini = run_process(
        *dutch, "--bank", MINI, cwd=tmp_path / "mini", stdin="".join(f"{x}\n" for x in count)
    )
    assert "Niet aangenomen: -1 is lager dan het minimum 0. Probeer het opnieuw." in mini.out
    assert "Niet aangenomen: 'Nog geen merkbare waarde' gaat niet samen met andere keuzes" in (
        run.out
    )


def test_people_whose_names_have_no_latin_letters_get_files_of_their_own(tmp_path):
    first = plain(tmp_path, ["1", "q"], "--individual", "--name", "李雷")
    second = plain(tmp_path, ["2", "q"], "--individual", "--name", "王芳")
    assert first.code == second.code == 0
    assert "Welcome back" not in second.out
    files = sorted((tmp_path / "innoscan-results").glob("*.individual-*.toml"))
    assert len(files) == 2
    respondents = {tomllib.loads(f.read_text())["meta"]["respondent"] for f in files}
    assert respondents == {"李雷", "王芳"}
    again = plain(tmp_path, ["q"], "--individual", "--name", "李雷")
    assert "Welcome back: 1 of" in again.out


def test_an_individual_who_answers_nothing_leaves_no_file_to_merge(tmp_path):
    run = plain(tmp_path, ["q"], "--individual")
    assert "Nothing was answered yet, so nothing is kept." in run.out
    assert list((tmp_path / "innoscan-results").glob("*.toml")) == []


def test_a_session_taken_over_elsewhere_stops_and_keeps_its_answers_in_a_copy(
    tmp_path, monkeypatch
):
    from innoscan.plain.prompts import PlainRun
    from innoscan.store.session import ResultsFolder, Session

    folder = ResultsFolder(tmp_path / "innoscan-results")
    mine = Session.open(BANK, folder, "Plain Team", 2026, "en", lock=True)
    other = Session.open(BANK, folder, "Plain Team", 2026, "en", lock=True, take_over=True)
    other.answer(BANK.question("activity.products"), "no")
    monkeypatch.setenv("HOME", str(tmp_path))
    out = io.StringIO()
    code = PlainRun(mine, "en", io.StringIO("1\n"), out).run()
    assert code == 2
    assert "Another session took this assessment over and changed it" in out.getvalue()
    assert answers_in(tmp_path) == {"activity.products": "no"}  # the other one's answer stands
    [copy] = folder.path.glob("unsaved_plain-team-2026_*.toml")  # in the results folder
    assert tomllib.loads(copy.read_text())["answers"] == {"activity.products": "yes"}
    assert copy.stat().st_mode & 0o777 == 0o600 and str(copy) in out.getvalue()
    assert not list(tmp_path.glob("*unsaved*"))  # nothing in the home folder


class Terminal(io.StringIO):
    """Standard input at a terminal: someone typing, not a file of lines."""

    def isatty(self) -> bool:
        return True


def plain_in_process(tmp_path, stdin: io.StringIO, **details) -> str:
    from innoscan.plain.prompts import PlainRun
    from innoscan.store.session import ResultsFolder, Session

    folder = ResultsFolder(tmp_path / "innoscan-results")
    session = Session.open(BANK, folder, "Plain Team", 2026, "en", **details)
    out = io.StringIO()
    PlainRun(session, "en", stdin, out).run()
    return out.getvalue()


def test_at_a_terminal_a_new_result_asks_the_kind_of_organisation_first(tmp_path):
    out = plain_in_process(tmp_path, Terminal("9\n2\n1\nq\n"))
    assert "What kind of organisation does your team work in?" in out
    assert "  2. Executive agency or ZBO" in out
    assert "'9' is not one of the choices. Type a number from 1 to 6." in out
    saved = tomllib.loads((tmp_path / "innoscan-results" / RESULT).read_text())
    assert saved["meta"]["org_type"] == "executive_agency"
    assert saved["answers"] == {"activity.products": "yes"}


def test_piped_answers_are_never_taken_for_the_kind_of_organisation(tmp_path):
    out = plain_in_process(tmp_path, io.StringIO("1\nq\n"))
    assert "What kind of organisation" not in out
    assert answers_in(tmp_path) == {"activity.products": "yes"}
    (tmp_path / "flag").mkdir()
    given = plain(tmp_path / "flag", ["1", "q"], "--org-type", "core_ministry")
    meta = tomllib.loads((tmp_path / "flag" / "innoscan-results" / RESULT).read_text())["meta"]
    assert given.code == 0 and meta["org_type"] == "core_ministry"


def test_the_total_changes_once_with_a_line_that_says_why(tmp_path):
    run = plain(tmp_path, ["1", "1", "q"])  # yes on products: the innovation's questions follow
    lines = [line for line in run.out.splitlines() if "Because of this answer" in line]
    assert len(lines) == 1, run.out
    before, after = (int(n) for n in re.findall(r"\d+", lines[0])[::-1])
    assert after > before
    totals = re.findall(r"^Question \d+ of (\d+)", run.out, re.M)
    assert totals == [str(before), str(after), str(after)]


def test_two_respondents_whose_names_differ_only_in_chinese_have_a_file_each(
    cli, tmp_path, monkeypatch
):
    """Issue 21, item 7: 'Li 李雷' and 'Li 王芳' were both individual-li.toml, and the second
    went on with the first one's answers. A file an earlier innoscan named so is still the
    first one's, and never the second one's."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "innoscan-results"

    def answer(name: str, lines: str) -> str:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
        run = cli(*RUN, "--individual", "--name", name)
        assert run.code == 0, run.err
        return run.out

    assert "Welcome back" not in answer("Li 李雷", "1\nq\n")
    out = answer("Li 王芳", "2\nq\n")
    assert "Welcome back" not in out
    files = {tomllib.loads(p.read_text())["meta"]["respondent"]: p for p in folder.glob("*.toml")}
    assert set(files) == {"Li 李雷", "Li 王芳"} and len(set(files.values())) == 2
    for name, answer_given in (("Li 李雷", "yes"), ("Li 王芳", "no")):
        saved = tomllib.loads(files[name].read_text())["answers"]
        assert saved["activity.products"] == answer_given
    earlier = folder / "plain-team-2026.individual-li.toml"  # as innoscan named it before
    files["Li 李雷"].rename(earlier)
    assert "Welcome back" in answer("Li 李雷", "q\n")
    assert "Welcome back" in answer("Li 王芳", "q\n")
    assert tomllib.loads(earlier.read_text())["answers"]["activity.products"] == "yes"
