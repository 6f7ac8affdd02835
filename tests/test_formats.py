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
        else:
            target = formats.export(session, "en", name)
            assert target == session.path.with_suffix(fmt.suffix)
            assert target.read_text() == formats.report_text(session, "en", name)
