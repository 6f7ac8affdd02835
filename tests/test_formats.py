"""The registry of export formats: the CLI offers its names, and a report goes beside its result."""

from __future__ import annotations

import pytest

from innoscan.cli import build_parser
from innoscan.content.loader import load_bank
from innoscan.render import formats
from innoscan.store.session import ResultsFolder, Session


def test_the_cli_offers_the_registrys_formats():
    parser = build_parser()
    for command, registry in (("report", formats.FORMATS), ("compare", formats.COMPARE_FORMATS)):
        for name in registry:
            argv = [command, "a.toml", "b.toml"] if command == "compare" else [command, "a.toml"]
            assert parser.parse_args([*argv, "--format", name]).format == name


def test_a_report_is_written_beside_its_result_never_over_it(tmp_path):
    session = Session.open(load_bank(), ResultsFolder(tmp_path), "Team", 2026, "en")
    session.finish()
    for name, fmt in formats.FORMATS.items():
        if fmt.suffix == session.path.suffix:
            with pytest.raises(ValueError):
                formats.export(session, "en", name)
            continue
        target = formats.export(session, "en", name, charts=False)
        assert target == session.path.with_suffix(fmt.suffix)
        content = formats.report_text(session, "en", name)
        if isinstance(content, bytes):  # a Word document: a zip, with its charts inside
            assert target.read_bytes()[:2] == content[:2] == b"PK"
        else:
            assert target.read_text() == content


@pytest.mark.slow  # draws the charts
def test_an_export_in_markdown_has_its_charts_in_a_folder_beside_it(tmp_path):
    session = Session.open(load_bank(), ResultsFolder(tmp_path), "Team", 2026, "en")
    session.finish()
    target = formats.export(session, "en")
    folder = formats.charts_folder(target)
    assert folder == tmp_path / "team-2026-charts"
    assert f"]({folder.name}/profile.png)" in target.read_text().replace("<", "").replace(">", "")
    assert {p.name for p in folder.iterdir()} >= {"profile.svg", "profile.png"}


@pytest.mark.slow  # draws the charts
def test_an_individuals_charts_are_theirs_alone(tmp_path):
    folder = ResultsFolder(tmp_path)
    session = Session.open(
        load_bank(), folder, "Team", 2026, "en", mode="individual", participant="p-1"
    )
    session.finish()
    target = formats.export(session, "en")
    charts = formats.charts_folder(target)
    assert charts.stat().st_mode & 0o777 == 0o700
    assert {p.stat().st_mode & 0o777 for p in charts.iterdir()} == {0o600}
    assert target.stat().st_mode & 0o777 == 0o600
