"""The Word report and the charts as a person sees them: LibreOffice opens the .docx files
headless and prints them to PDF, pdftoppm turns the pages into PNG. Look at them.

.venv/bin/python tests/harness/word_pages.py [--out DIR]

Needs the Debian packages libreoffice-writer-nogui (or libreoffice-writer) and poppler-utils
(`apt-get install -y libreoffice-writer-nogui poppler-utils`); CI does not run this. Makes,
in DIR (default: a new temporary folder): the report of a Dutch team result and of an
English merged profile, each as Markdown with its charts and as Word, and the comparison of
two years in both; then each .docx as PDF and its pages as page-N.png. A .docx LibreOffice
cannot open, or that gives no page, stops it with status 1.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from innoscan.cli import main

RESULTS = Path(__file__).parents[1] / "fixtures" / "results_2026_1"


def innoscan(*args: object) -> None:
    if main([str(a) for a in args]) != 0:
        sys.exit(f"innoscan {' '.join(map(str, args))} failed")


def make_reports(out: Path) -> list[Path]:
    """The Markdown (with charts) and Word files of a Dutch and an English report, and of
    an English and a Dutch comparison."""
    team, merged = RESULTS / "team_2026.toml", out / "merged.toml"
    innoscan("merge", *sorted(RESULTS.glob("individual_*.toml")), "-o", merged)
    years = (RESULTS / "team_2025.toml", team)
    made = []
    for name, command in (
        ("team-nl", ("report", team, "--lang", "nl")),
        ("merged-en", ("report", merged, "--lang", "en")),
        ("compare-en", ("compare", *years, "--lang", "en")),
        ("compare-nl", ("compare", *years, "--lang", "nl")),
    ):
        innoscan(*command, "-o", out / f"{name}.md")
        innoscan(*command, "--format", "docx", "-o", out / f"{name}.docx")
        made.append(out / f"{name}.docx")
    return made


def pages(docx: Path) -> list[Path]:
    """The document as LibreOffice prints it: one PNG per page, beside it."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None or shutil.which("pdftoppm") is None:
        sys.exit("needs soffice (libreoffice-writer-nogui) and pdftoppm (poppler-utils)")
    profile = docx.parent / ".office-profile"  # its own profile: no clash with a running one
    subprocess.run(
        [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(docx.parent), str(docx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = docx.with_suffix(".pdf")
    if not pdf.is_file():
        sys.exit(f"{docx}: LibreOffice could not open it")
    folder = docx.with_name(f"{docx.stem}-pages")
    folder.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(folder / "page")], check=True)
    made = sorted(folder.glob("page-*.png"))
    if not made:
        sys.exit(f"{pdf}: no pages")
    return made


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for everything (default: a new one)")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="innoscan-word-"))
    out.mkdir(parents=True, exist_ok=True)
    for docx in make_reports(out):
        shown = pages(docx)
        print(f"{docx.name}: {len(shown)} pages in {shown[0].parent}")
    for folder in sorted(out.glob("*-charts")):
        print(f"{folder.name}: {', '.join(p.name for p in sorted(folder.glob('*.png')))}")
