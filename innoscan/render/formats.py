"""Every export format in one registry: its name (as `--format` takes it), file suffix, MIME
type and writer. The CLI, the TUI's export, the browser download, the plain mode and the
report written when a session finishes all read it: a new format is one entry here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from innoscan.content.visible import data_safe
from innoscan.render.compare_report import compare_json, compare_markdown
from innoscan.render.overview_markdown import overview_markdown
from innoscan.render.overview_report import overview_json
from innoscan.render.report import Report, report_json, session_report
from innoscan.render.report_markdown import report_markdown
from innoscan.store.atomic import write_atomic
from innoscan.store.session import Session


@dataclass(frozen=True)
class Format:
    """One export format; `write` turns what is exported into the file's text."""

    name: str
    suffix: str
    mime_type: str
    write: Callable[..., str]


def json_text(data: Any) -> str:
    """JSON for scripts: UTF-8 as is (control characters escaped), indented, one newline at
    the end."""
    return data_safe(json.dumps(data, ensure_ascii=False, indent=2, default=str)) + "\n"


def _toml(report: Report) -> str:
    """The result file itself, normalised (answers in the bank's order)."""
    return report.result.in_bank_order(report.bank).to_toml()


def _registry(*formats: Format) -> dict[str, Format]:
    return {f.name: f for f in formats}


# A result's report: write(report) -> text.
FORMATS = _registry(
    Format("md", ".md", "text/markdown", report_markdown),
    Format("json", ".json", "application/json", lambda report: json_text(report_json(report))),
    Format("toml", ".toml", "application/toml", _toml),
)
# A comparison of years (`innoscan compare`): write(comparison, lang) -> text.
COMPARE_FORMATS = _registry(
    Format("md", ".md", "text/markdown", compare_markdown),
    Format("json", ".json", "application/json", lambda c, lang: json_text(compare_json(c, lang))),
)
# An overview of many teams (`innoscan overview`): write(overview, lang) -> text.
OVERVIEW_FORMATS = _registry(
    Format("md", ".md", "text/markdown", overview_markdown),
    Format("json", ".json", "application/json", lambda o, lang: json_text(overview_json(o, lang))),
)
DEFAULT = "md"  # what finishing writes, the TUI exports and downloads, `--format` defaults to


def report_path(result_path: Path, fmt: str = DEFAULT) -> Path:
    """Where a result's report in a format goes: beside the result file, with its name."""
    return result_path.with_suffix(FORMATS[fmt].suffix)


def report_text(session: Session, lang: str, fmt: str = DEFAULT) -> str:
    """A session's report, as its answers are now, in a format."""
    return FORMATS[fmt].write(session_report(session, lang))


def export(session: Session, lang: str, fmt: str = DEFAULT) -> Path:
    """Write a session's report beside its result file (an individual's readable by its
    owner only) and return where."""
    target = report_path(session.path, fmt)
    if target == session.path:
        raise ValueError(f"{target}: the result file is its own {fmt} export")
    private = session.result.meta.mode == "individual"
    write_atomic(target, report_text(session, lang, fmt), private=private)
    return target
