"""One way to write a file (store/atomic.py): never through a symbolic link, never over a
pipe, a device or a folder, a temporary file made exclusively, nothing left behind when the
disk is full; every writer goes through it, and says a refusal in one line (issue 21: items
1, 2, 4, 5 and the lock of item 8)."""

from __future__ import annotations

import errno
import io
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from answer_sets import STRONG, STRUGGLING
from overview_folder import result
from unreadable import unreadable

from innoscan.content import bank_cache
from innoscan.content.loader import builtin_bank_dir, load_bank
from innoscan.content.problems import InputError
from innoscan.store.atomic import write_atomic
from innoscan.store.session import ResultsFolder

BANK = load_bank()
LINK = "is a symbolic link: innoscan never writes through one"


def one_line(run, path: Path, why: str) -> None:
    """Refused as bad input: exit status 2, one line naming the file."""
    assert run.code == 2, run.err
    assert run.err == f"innoscan: {path}: {why}\n"


@pytest.fixture
def victim(tmp_path) -> Path:
    """Another team's result, that no writer may touch."""
    path = tmp_path / "other-team-2026.toml"
    result(BANK, "Other Team", 2026, STRUGGLING).save(path)
    return path


# ── the writer itself ─────────────────────────────────────────────────────────────────


def test_the_writer_refuses_a_link_a_folder_a_pipe_and_a_socket(tmp_path, victim):
    before = victim.read_bytes()
    link = tmp_path / "link.md"
    link.symlink_to(victim)
    with pytest.raises(InputError, match=LINK):
        write_atomic(link, "# report\n")
    (tmp_path / "folder").mkdir()
    with pytest.raises(InputError, match="is a folder, not a file"):
        write_atomic(tmp_path / "folder", "x")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe")
        with pytest.raises(InputError, match="not a regular file"):
            write_atomic(tmp_path / "pipe", "x")
    if hasattr(socket, "AF_UNIX"):
        with socket.socket(socket.AF_UNIX) as listening:
            listening.bind(str(tmp_path / "sock"))
            with pytest.raises(InputError, match="not a regular file"):
                write_atomic(tmp_path / "sock", "x")
    assert victim.read_bytes() == before and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_new_file_is_made_only_where_nothing_is_not_even_a_link(tmp_path, victim):
    before = victim.read_bytes()
    lock = tmp_path / "lock"
    lock.symlink_to(victim)
    with pytest.raises(FileExistsError):
        write_atomic(lock, "pid = 1\n", private=True, new=True)
    lock.unlink()
    write_atomic(lock, "pid = 1\n", private=True, new=True)
    assert lock.read_text() == "pid = 1\n" and stat.S_IMODE(lock.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        write_atomic(lock, "pid = 2\n", private=True, new=True)
    assert lock.read_text() == "pid = 1\n" and victim.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_a_new_file_where_there_are_no_hard_links_is_made_exclusively(tmp_path, monkeypatch):
    """Network drives without hard links: the file is made with O_EXCL, and removed again
    when writing it fails."""
    monkeypatch.setattr(os, "link", _fails(errno.EPERM))
    write_atomic(tmp_path / "lock", "pid = 1\n", new=True)
    assert (tmp_path / "lock").read_text() == "pid = 1\n"
    with pytest.raises(FileExistsError):
        write_atomic(tmp_path / "lock", "pid = 2\n", new=True)
    monkeypatch.setattr(os, "fsync", _fails(errno.ENOSPC))
    with pytest.raises(InputError, match="No space left on device"):
        write_atomic(tmp_path / "other", "pid = 1\n", new=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lock"]


def _fails(number: int):
    def fail(*args, **kwargs):
        raise OSError(number, os.strerror(number))

    return fail


def test_the_results_folders_write_test_never_writes_through_a_link(tmp_path, victim):
    """Whether results can be saved is tried with a file made exclusively: a link planted
    by the name it had (with the process id) is never followed."""
    before = victim.read_bytes()
    (tmp_path / f".innoscan-write-test-{os.getpid()}").symlink_to(victim)
    assert ResultsFolder(tmp_path).problem() is None
    assert victim.read_bytes() == before


# ── item 1: finishing writes its report beside the result, never through a link ───────


@pytest.mark.slow  # the report's charts are drawn
def test_finishing_never_writes_its_report_through_a_link(cli, tmp_path, victim, monkeypatch):
    before = victim.read_bytes()
    mine = result(BANK, "Team Data", 2026, STRONG)
    mine.meta.status = "in-progress"
    mine.save(tmp_path / "team-data-2026.toml")
    report = tmp_path / "team-data-2026.md"
    report.symlink_to(victim.name)
    monkeypatch.setattr(sys, "stdin", io.StringIO("f\n"))
    run = cli("run", "--plain", "--team", "Team Data", "--year", "2026", "--dir", tmp_path)
    one_line(run, report, LINK)
    assert victim.read_bytes() == before and report.is_symlink()
    assert "Your answers are saved in" in run.out


# ── item 2: charts beside a report, a comparison, an overview ─────────────────────────


@pytest.mark.slow  # a chart is drawn before its file is refused
def test_a_chart_file_that_is_a_link_is_never_written_through(cli, tmp_path, victim):
    before = victim.read_bytes()
    charts = tmp_path / "out-charts"
    charts.mkdir()
    (charts / "profile.svg").symlink_to(Path("..") / victim.name)
    run = cli("report", victim, "-o", tmp_path / "out.md")
    one_line(run, charts / "profile.svg", LINK)
    assert victim.read_bytes() == before


@pytest.fixture
def two_years(tmp_path) -> list[Path]:
    paths = []
    for year, answers in ((2025, STRUGGLING), (2026, STRONG)):
        path = tmp_path / "results" / f"team-data-{year}.toml"
        path.parent.mkdir(exist_ok=True)
        result(BANK, "Team Data", year, answers).save(path)
        paths.append(path)
    return paths


@pytest.mark.parametrize("command", ["report", "compare", "overview"])
def test_a_charts_folder_that_is_a_link_is_refused(cli, tmp_path, two_years, command):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out.md"
    (tmp_path / "out-charts").symlink_to(elsewhere, target_is_directory=True)
    given = {"report": two_years[1:], "compare": two_years, "overview": [two_years[0].parent]}
    run = cli(command, *given[command], "-o", out)
    one_line(run, tmp_path / "out-charts", LINK)
    assert list(elsewhere.iterdir()) == [] and not out.exists()


def test_a_charts_folder_that_is_a_file_is_refused(cli, tmp_path, two_years):
    (tmp_path / "out-charts").write_text("mine\n")
    run = cli("report", two_years[1], "-o", tmp_path / "out.md")
    one_line(run, tmp_path / "out-charts", "is a file, not a folder")
    assert (tmp_path / "out-charts").read_text() == "mine\n"


# ── item 5: -o over a file it cannot read ─────────────────────────────────────────────


def test_o_never_replaces_a_file_it_cannot_read(cli, tmp_path, victim, monkeypatch):
    """Mode 000 to this user: it may be a result; replaced only with --force."""
    before = victim.read_bytes()
    unreadable(monkeypatch, victim)
    run = cli("template", "-o", victim)
    why = "cannot be read: it may hold a result: not overwritten (--force replaces it)"
    one_line(run, victim, why)
    monkeypatch.undo()
    assert victim.read_bytes() == before
    assert cli("template", "-o", victim, "--force").code == 0


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads mode 000")
def test_o_never_replaces_a_file_of_mode_000(cli, victim):
    before = victim.read_bytes()
    victim.chmod(0)
    try:
        assert cli("template", "-o", victim).code == 2
    finally:
        victim.chmod(0o600)
    assert victim.read_bytes() == before


# ── item 4: the bank cache ────────────────────────────────────────────────────────────


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("INNOSCAN_CACHE_DIR", str(folder))
    return folder


def test_the_bank_cache_never_writes_through_a_link(tmp_path, cache, victim):
    """The temporary file of the cache is made exclusively: a link planted where it would
    go (another user's, in a cache folder they can write to) is never followed."""
    before = victim.read_bytes()
    root = builtin_bank_dir()
    target = bank_cache._file(root)
    target.parent.mkdir(parents=True, mode=0o700)
    (target.parent / f".{target.name}.{os.getpid()}").symlink_to(victim)  # as it was named
    bank_cache.save(root, bank_cache.bank_key(root), BANK)
    assert victim.read_bytes() == before
    assert bank_cache.load(root, bank_cache.bank_key(root)) == BANK
    target.unlink()
    target.symlink_to(victim)  # the cache file itself a link: not replaced, not read
    bank_cache.save(root, bank_cache.bank_key(root), BANK)
    assert target.is_symlink() and victim.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_a_cache_folder_others_may_write_to_is_not_used(tmp_path, cache):
    root = builtin_bank_dir()
    key = bank_cache.bank_key(root)
    bank_cache.save(root, key, BANK)
    target = bank_cache._file(root)
    assert bank_cache.load(root, key) == BANK
    target.parent.chmod(0o777)  # another user may put files here, or take them away
    assert bank_cache.load(root, key) is None
    target.unlink()
    bank_cache.save(root, key, BANK)
    assert list(target.parent.iterdir()) == []
    assert load_bank(root) == BANK  # the bank is read and checked without the cache


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path, cache):
    root = builtin_bank_dir()
    key = bank_cache.bank_key(root)
    bank_cache.save(root, key, BANK)  # a good cache file, moved to a folder of the user's
    elsewhere = tmp_path / "elsewhere"
    (cache / "banks").rename(elsewhere)
    (cache / "banks").symlink_to(elsewhere, target_is_directory=True)
    assert bank_cache.load(root, key) is None
    (elsewhere / bank_cache._file(root).name).unlink()
    bank_cache.save(root, key, BANK)
    assert list(elsewhere.iterdir()) == []


# ── item 8: the lock on a full disk ───────────────────────────────────────────────────


def _plain(cli, folder: Path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    return cli("run", "--plain", "--team", "Team Data", "--year", "2026", "--dir", folder)


def test_a_full_disk_at_start_leaves_no_lock_and_is_one_line(cli, tmp_path, monkeypatch):
    folder = tmp_path / "results"
    folder.mkdir()
    real_fdopen = os.fdopen

    class Full(io.RawIOBase):
        def __init__(self, fd):
            self.fd = fd

        def writable(self):
            return True

        def fileno(self):
            return self.fd

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def close(self):
            if not self.closed:
                os.close(self.fd)
            super().close()

    def full(fd, mode="r", *args, **kwargs):
        if "w" in mode:
            return io.TextIOWrapper(Full(fd)) if "b" not in mode else Full(fd)
        return real_fdopen(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", full)
    run = _plain(cli, folder, monkeypatch)
    lock = folder / "team-data-2026.toml.lock"
    one_line(run, lock, "cannot be written (No space left on device)")
    assert list(folder.iterdir()) == []  # no lock, no temporary file, no result


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"),
    reason="mounting a small file system takes root",
)
def test_a_full_disk_for_real_on_a_small_file_system(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk]).returncode:
        pytest.skip("no tmpfs may be mounted here")
    try:
        (disk / "results").mkdir()
        _fill(disk / "fill")
        run = subprocess.run(
            [sys.executable, "-m", "innoscan", "run", "--plain", "--team", "Team Data"]
            + ["--year", "2026", "--dir", str(disk / "results")],
            input="q\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 2, run.stderr
        assert run.stderr.count("\n") == 1 and "No space left on device" in run.stderr
        assert list((disk / "results").iterdir()) == []
    finally:
        subprocess.run(["umount", disk])


def _fill(path: Path) -> None:
    """Write until the file system is full."""
    try:
        with open(path, "wb") as handle:
            while True:
                handle.write(b"x" * 4096)
                handle.flush()
    except OSError:
        pass


# ── item 8: a lock whose process id no system has ─────────────────────────────────────


@pytest.mark.parametrize("pid", ["2147483648", "-1", "0", "1" + "0" * 30])
def test_a_lock_with_a_process_id_out_of_range_is_a_broken_lock(cli, tmp_path, monkeypatch, pid):
    folder = tmp_path / "results"
    folder.mkdir()
    result(BANK, "Team Data", 2026, {}).save(folder / "team-data-2026.toml")
    lock = folder / "team-data-2026.toml.lock"
    host = socket.gethostname()
    lock.write_text(f'pid = {pid}\nhost = "{host}"\nsince = "x"\nseen = 1e300\n')
    run = _plain(cli, folder, monkeypatch)
    assert run.code == 0, run.err
    assert "Your answers are saved in" in run.out and not lock.exists()
