"""What no screen caught ends the TUI with one line and an exit status, never Textual's
traceback with its local variables (answers among them) (issue 21, item 8)."""

from __future__ import annotations

from processes import run_on_terminal

# The start screen's reading of the folder made to fail, with an answer in a local variable.
_FAILING_SCAN = """
from innoscan.content.problems import InputError
from innoscan.store.session import ResultsFolder

def scan(self, bank):
    answers = {"leadership.vision": "our secret answer"}
    raise ERROR

ResultsFolder.scan = scan
from innoscan.__main__ import main
raise SystemExit(main())
"""


def test_bad_input_no_screen_caught_is_one_line_and_exit_2(tmp_path):
    path = "workshop-of-the-twenty-ninth-of-november/team-data-2026.toml"  # wider than 80
    error = f'InputError.single("{path}", "a date from 1970 to 2200, not 0001", "meta.updated")'
    run = run_on_terminal(cwd=tmp_path, shown="innoscan", code=_FAILING_SCAN.replace("ERROR", error))
    assert run.code == 2, run
    assert run.err.strip() == f"innoscan: {path}: meta.updated: a date from 1970 to 2200, not 0001"
    assert "our secret answer" not in run.err + run.out


def test_a_bug_is_one_line_asking_to_report_it_and_exit_1(tmp_path):
    run = run_on_terminal(
        cwd=tmp_path, shown="innoscan", code=_FAILING_SCAN.replace("ERROR", "ValueError('boom')")
    )
    assert run.code == 1, run
    assert run.err.strip() == "innoscan: unexpected error (ValueError: boom); please report it"
    assert "Traceback" not in run.err and "our secret answer" not in run.err + run.out
