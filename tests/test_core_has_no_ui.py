"""The domain core never imports textual, and neither do the headless subcommands."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import innoscan

pytestmark = pytest.mark.slow  # each test starts a Python process

CORE = sorted(
    m.name
    for m in pkgutil.walk_packages(innoscan.__path__, "innoscan.")
    if not m.name.startswith("innoscan.tui") and m.name != "innoscan.__main__"
)


def test_core_module_list_is_not_empty():
    assert "innoscan.content.bank" in CORE and "innoscan.cli" in CORE


def test_core_modules_do_not_import_textual():
    code = (
        "import sys, importlib\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_headless_subcommands_do_not_import_textual():
    code = (
        "import sys\n"
        "from innoscan.cli import main\n"
        "main(['questions', '--json'])\n"
        "main(['validate'])\n"
        "sys.stderr.write(str(any(m.startswith('textual') for m in sys.modules)))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stderr.strip() == "False"


def test_the_plain_mode_does_not_import_textual(tmp_path):
    code = (
        "import sys\n"
        "from innoscan.cli import main\n"
        "main(['run', '--plain', '--team', 'T', '--lang', 'en'])\n"
        "sys.stderr.write(str(any(m.startswith('textual') for m in sys.modules)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        input="1\nq\n",
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert proc.stderr.strip() == "False"
    assert "1 of " in proc.stdout
