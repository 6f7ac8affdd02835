"""Shared fixtures: the question bank, a folder of many teams' results, a small bank to break
on purpose, and the CLI run as a user runs it."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from overview_folder import make_folder
from processes import Run

from innoscan.cli import main
from innoscan.content.bank import Bank
from innoscan.content.loader import load_bank

FIXTURES = Path(__file__).parent / "fixtures"

# A test run keeps its validated banks (content/bank_cache.py) in a folder of its own, never
# in the user's cache; the processes the tests start inherit it.
_BANK_CACHE = tempfile.TemporaryDirectory(prefix="innoscan-test-cache-")
os.environ["INNOSCAN_CACHE_DIR"] = _BANK_CACHE.name

# CI (CI set, as .ci/run is run) neither reads nor writes the example database that a clone
# may carry in .hypothesis/, and draws the same examples every run: a run's outcome depends
# on the code alone. A developer's run draws new examples and keeps failing ones. (Recent
# hypothesis versions do this by themselves; this holds it for every version we accept.)
settings.register_profile("innoscan-ci", database=None, derandomize=True)
if "CI" in os.environ:
    settings.load_profile("innoscan-ci")


@pytest.fixture(scope="session")
def bank() -> Bank:
    """The question bank innoscan ships (questions/), loaded once: a frozen model."""
    return load_bank()


@pytest.fixture(scope="session")
def teams_folder(bank: Bank, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 team results of two years as a coordinator collects them (tests/overview_folder.py),
    made once: the overview's tests read it and write nothing into it."""
    return make_folder(bank, tmp_path_factory.mktemp("teams"))


@pytest.fixture
def mini_bank(tmp_path: Path) -> Path:
    """A writable copy of the small test bank (tests/fixtures/mini_bank)."""
    target = tmp_path / "bank"
    shutil.copytree(FIXTURES / "mini_bank", target)
    return target


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run `innoscan ARGS` in-process with an English locale; return code, stdout, stderr."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")

    def run(*args: str | Path) -> Run:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
