"""Shared fixtures: a small bank to break on purpose, and the CLI run as a user runs it."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from processes import Run

from innoscan.cli import main

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
