"""Two processes on one result: the second notices; a stale lock can be taken over; a file
changed under a session is never overwritten; a failed save keeps the answers in memory."""

from __future__ import annotations

import subprocess
import sys

import pytest
from unreadable import unreadable

from innoscan.content.problems import InputError
from innoscan.store.lock import Lock, LockedError, Owner
from innoscan.store.session import ResultsFolder, Session


def other_process_lock(path, seen_ago=0.0, pid=None):
    """A lock written as if by another live (or, with a dead pid, gone) process."""
    import time

    import tomli_w

    owner = Owner.me()
    data = {
        "pid": pid or 1,  # pid 1 is alive on every Unix
        "host": owner.host,
        "user": "colleague",  # as locks of earlier versions had it: read, never shown
        "since": owner.since,
        "seen": time.time() - seen_ago,
    }
    Lock(path).path.write_text(tomli_w.dumps(data), encoding="utf-8")


def test_second_session_is_refused_while_the_first_holds_the_lock(bank, tmp_path):
    folder = ResultsFolder(tmp_path)
    first = Session.open(bank, folder, "Team Data", 2026, "en", lock=True)
    code = (
        "import sys\n"
        "from innoscan.content.loader import load_bank\n"
        "from innoscan.store.lock import LockedError\n"
        "from innoscan.store.session import ResultsFolder, Session\n"
        f"try:\n    Session.open(load_bank(), ResultsFolder({str(tmp_path)!r}), 'Team Data', 2026, 'en', lock=True)\n"
        "except LockedError as exc:\n    print('LOCKED', exc.stale)\n"
    )
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert other.stdout.strip() == "LOCKED False"
    first.close()
    assert not Lock(first.path).path.exists()


def test_a_live_lock_names_its_owner(bank, tmp_path):
    folder = ResultsFolder(tmp_path)
    path = folder.path_for("Team Data", 2026)
    Session.open(bank, folder, "Team Data", 2026, "en").close()
    other_process_lock(path)
    with pytest.raises(LockedError) as caught:
        Session.open(bank, folder, "Team Data", 2026, "en", lock=True)
    assert not caught.value.stale
    assert f"process 1 on {Owner.me().host}," in str(caught.value) and "in use" in str(caught.value)


def test_a_lock_of_a_crashed_process_here_is_taken_over_at_once(bank, tmp_path):
    folder = ResultsFolder(tmp_path)
    path = folder.path_for("Team Data", 2026)
    Session.open(bank, folder, "Team Data", 2026, "en").close()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    other_process_lock(path, pid=int(dead.stdout))
    session = Session.open(bank, folder, "Team Data", 2026, "en", lock=True)
    assert Lock(path).owner().is_me()
    session.answer(bank.question("activity.products"), "yes")


def test_a_stale_lock_of_another_machine_can_be_taken_over(bank, tmp_path):
    import tomllib

    import tomli_w

    folder = ResultsFolder(tmp_path)
    path = folder.path_for("Team Data", 2026)
    Session.open(bank, folder, "Team Data", 2026, "en").close()
    other_process_lock(path, seen_ago=3600)
    lock_file = Lock(path).path
    data = tomllib.loads(lock_file.read_text())
    data["host"] = "another-laptop"
    lock_file.write_text(tomli_w.dumps(data))
    with pytest.raises(LockedError) as caught:
        Session.open(bank, folder, "Team Data", 2026, "en", lock=True)
    assert caught.value.stale and "another-laptop" in str(caught.value)
    Session.open(bank, folder, "Team Data", 2026, "en", lock=True, take_over=True)
    assert Lock(path).owner().is_me()


def test_a_lock_not_refreshed_for_long_is_stale(bank, tmp_path):
    path = tmp_path / "t.toml"
    other_process_lock(path, seen_ago=3600)
    assert Lock(path).owner().is_stale()


def test_a_file_changed_under_a_session_is_not_overwritten(bank, tmp_path):
    folder = ResultsFolder(tmp_path)
    mine = Session.open(bank, folder, "Team Data", 2026, "en")
    theirs = Session.resume(bank, mine.path)
    theirs.answer(bank.question("activity.products"), "no")
    with pytest.raises(InputError, match="changed on disk by another process"):
        mine.answer(bank.question("activity.services"), "yes")
    assert mine.result.answers["activity.services"] == "yes"  # kept in memory
    assert Session.resume(bank, mine.path).result.answers == {"activity.products": "no"}
    copy = mine.save_copy(tmp_path / "elsewhere.toml")
    assert Session.resume(bank, copy).result.answers == {"activity.services": "yes"}


def test_read_only_changes_nothing(bank, tmp_path):
    folder = ResultsFolder(tmp_path)
    Session.open(bank, folder, "Team Data", 2026, "en").close()
    path = folder.path_for("Team Data", 2026)
    before = path.read_bytes()
    reader = Session.resume(bank, path, read_only=True)
    with pytest.raises(InputError, match="read-only"):
        reader.answer(bank.question("activity.products"), "yes")
    assert path.read_bytes() == before


def test_a_folder_that_disappears_keeps_answers_in_memory_and_saves_again(bank, tmp_path):
    folder = ResultsFolder(tmp_path / "results")
    session = Session.open(bank, folder, "Team Data", 2026, "en")
    session.answer(bank.question("activity.products"), "yes")
    (tmp_path / "results").rename(tmp_path / "away")  # the network drive is gone
    with pytest.raises(InputError, match="cannot be written"):
        session.answer(bank.question("activity.services"), "no")
    assert session.unsaved and session.result.answers["activity.services"] == "no"
    (tmp_path / "away").rename(tmp_path / "results")  # and back
    session.save()
    assert session.unsaved is None
    assert Session.resume(bank, session.path).result.answers == {
        "activity.products": "yes",
        "activity.services": "no",
    }


def test_leftover_temporary_files_are_removed_on_open(bank, tmp_path):
    folder = ResultsFolder(tmp_path)
    Session.open(bank, folder, "Team Data", 2026, "en").close()
    leftover = tmp_path / ".team-data-2026.toml.abc123.tmp"
    leftover.write_text("half a fi")
    Session.open(bank, folder, "Team Data", 2026, "en", lock=True).close()
    assert not leftover.exists()


def test_a_lock_file_is_private_and_names_no_user(bank, tmp_path):
    import getpass
    import stat
    import tomllib

    folder = ResultsFolder(tmp_path)
    session = Session.open(bank, folder, "Team Data", 2026, "en", lock=True)
    lock = Lock(session.path)
    assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
    assert set(tomllib.loads(lock.path.read_text())) == {"pid", "host", "since", "seen"}
    assert f'"{getpass.getuser()}"' not in lock.path.read_text()
    session.lock.refresh()
    assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
    session.close()
    other_process_lock(session.path, seen_ago=3600)  # stale: taken over, rewritten
    Session.open(bank, folder, "Team Data", 2026, "en", lock=True, take_over=True)
    assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600


@pytest.mark.parametrize(("age", "stale"), [(0, False), (3600, True)])
def test_a_lock_file_that_cannot_be_read_is_someone_elses(bank, tmp_path, monkeypatch, age, stale):
    """On a shared drive another user's private lock cannot be read: it still holds."""
    import os
    import time

    folder = ResultsFolder(tmp_path)
    path = folder.path_for("Team Data", 2026)
    Session.open(bank, folder, "Team Data", 2026, "en").close()
    lock_file = Lock(path).path
    lock_file.write_text("pid = 1\n")
    os.utime(lock_file, (time.time() - age, time.time() - age))
    unreadable(monkeypatch, lock_file)
    with pytest.raises(LockedError) as caught:
        Session.open(bank, folder, "Team Data", 2026, "en", lock=True)
    assert caught.value.stale is stale
    assert "another user (their lock file cannot be read)" in str(caught.value)


def test_a_files_trouble_is_told_in_the_readers_language(bank, tmp_path):
    """A conflict, a read-only session, a failed write and a lock: catalogue words, said in
    the language of whoever reads them (the TUI's), in English as a str (the CLI's)."""
    folder = ResultsFolder(tmp_path / "results")
    mine = Session.open(bank, folder, "Team Data", 2026, "en")
    Session.resume(bank, mine.path).answer(bank.question("activity.products"), "no")
    with pytest.raises(InputError) as conflict:
        mine.answer(bank.question("activity.services"), "yes")
    assert "niet overschreven; de antwoorden staan in" in conflict.value.text("nl")
    assert str(mine.rescued) in conflict.value.text("nl")
    assert "not overwritten; the answers are in" in str(conflict.value)
    reader = Session.resume(bank, mine.path, read_only=True)
    with pytest.raises(InputError) as read_only:
        reader.answer(bank.question("activity.products"), "yes")
    assert read_only.value.text("nl").endswith("alleen om te lezen geopend: er verandert niets")
    writer = Session.resume(bank, mine.path)
    (tmp_path / "results").rename(tmp_path / "away")
    with pytest.raises(InputError) as unwritten:
        writer.answer(bank.question("activity.services"), "no")
    assert "kan niet worden geschreven" in unwritten.value.text("nl")
    assert writer.unsaved is not None and "kan niet" in writer.unsaved.text("nl")
    (tmp_path / "away").rename(tmp_path / "results")
    other_process_lock(mine.path)
    with pytest.raises(LockedError) as locked:
        Session.resume(bank, mine.path, lock=True)
    assert "elders open bij proces 1" in locked.value.text("nl")
    assert locked.value.text("nl").endswith("(in gebruik)")
    assert "open elsewhere by process 1" in str(locked.value)
