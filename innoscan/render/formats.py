"""Every export format in one registry: its name (as `--format` takes it), file suffix, MIME
type, writer, and where its charts go. The CLI, the TUI's export, the browser download, the
plain mode and the report written when a session finishes all read it: a new format is one
entry here.

Charts are drawn (matplotlib, `drawing`) only for a format that shows them: Markdown written
to a file gets them as SVG and PNG files in a folder beside it (NAME-charts/), linked; a Word
document holds them as PNG. JSON and TOML never draw, nor import a charting library.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from innoscan.content.visible import data_safe
from innoscan.render.markdown import Picture
from innoscan.store.atomic import real_folder, write_atomic

if TYPE_CHECKING:  # the writers are imported when a file is written: a start loads none
    from innoscan.assess.compare import YearComparison
    from innoscan.assess.overview import Overview
    from innoscan.render.charts import Chart
    from innoscan.render.report import Report
    from innoscan.store.session import Session

Pictures = Mapping[str, Picture]


@dataclass(frozen=True)
class Format:
    """One export format; `write(subject..., pictures)` gives the file's content.

    `charts`: "beside" (files beside the written file, linked; none when printed), "inside"
    (the file holds them), or "" (no charts)."""

    name: str
    suffix: str
    mime_type: str
    write: Callable[..., str | bytes]
    charts: Literal["beside", "inside", ""] = ""


def json_text(data: Any) -> str:
    """JSON for scripts: UTF-8 as is (control characters escaped), indented, one newline at
    the end."""
    return data_safe(json.dumps(data, ensure_ascii=False, indent=2, default=str)) + "\n"


def _report_md(report: Report, pictures: Pictures | None = None) -> str:
    from innoscan.render.report_markdown import report_markdown

    return report_markdown(report, pictures)


def _report_json(report: Report, pictures: Pictures) -> str:
    from innoscan.render.report_json import report_json

    return json_text(report_json(report))


def _toml(report: Report, pictures: Pictures) -> str:
    """The result file itself, normalised (answers in the bank's order)."""
    return report.result.in_bank_order(report.bank).to_toml()


def _docx(report: Report, pictures: Pictures) -> bytes:
    from innoscan.render.word_document import markdown_docx

    return markdown_docx(_report_md(report, pictures), pictures, report.lang, landscape=True)


def _compare_md(c: YearComparison, lang: str, pictures: Pictures | None = None) -> str:
    from innoscan.render.compare_report import compare_markdown

    return compare_markdown(c, lang, pictures)


def _compare_json(c: YearComparison, lang: str, pictures: Pictures) -> str:
    from innoscan.render.compare_report import compare_json

    return json_text(compare_json(c, lang))


def _compare_docx(c: YearComparison, lang: str, pictures: Pictures) -> bytes:
    from innoscan.render.word_document import markdown_docx

    return markdown_docx(_compare_md(c, lang, pictures), pictures, lang)


def _overview_md(ov: Overview, lang: str, pictures: Pictures | None = None) -> str:
    from innoscan.render.overview_markdown import overview_markdown

    return overview_markdown(ov, lang, pictures)


def _overview_json(ov: Overview, lang: str, pictures: Pictures) -> str:
    from innoscan.render.overview_report import overview_json

    return json_text(overview_json(ov, lang))


def _overview_docx(ov: Overview, lang: str, pictures: Pictures) -> bytes:
    from innoscan.render.word_document import markdown_docx

    return markdown_docx(_overview_md(ov, lang, pictures), pictures, lang, landscape=True)


def _registry(*formats: Format) -> dict[str, Format]:
    return {f.name: f for f in formats}


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# A result's report: write(report, pictures).
FORMATS = _registry(
    Format("md", ".md", "text/markdown", _report_md, "beside"),
    Format("json", ".json", "application/json", _report_json),
    Format("toml", ".toml", "application/toml", _toml),
    Format("docx", ".docx", DOCX, _docx, "inside"),
)
# A comparison of years (`innoscan compare`): write(comparison, lang, pictures).
COMPARE_FORMATS = _registry(
    Format("md", ".md", "text/markdown", _compare_md, "beside"),
    Format("json", ".json", "application/json", _compare_json),
    Format("docx", ".docx", DOCX, _compare_docx, "inside"),
)
# An overview of many teams (`innoscan overview`): write(overview, lang, pictures).
OVERVIEW_FORMATS = _registry(
    Format("md", ".md", "text/markdown", _overview_md, "beside"),
    Format("json", ".json", "application/json", _overview_json),
    Format("docx", ".docx", DOCX, _overview_docx, "inside"),
)
DEFAULT = "md"  # what finishing writes, the TUI exports and downloads, `--format` defaults to


# ── writing ───────────────────────────────────────────────────────────────────────────


def charts_folder(target: Path) -> Path:
    """Where the charts of a Markdown file go: report.md -> report-charts/."""
    return target.with_name(f"{target.stem}-charts")


def report_file(
    report: Report,
    fmt: str = DEFAULT,
    target: Path | None = None,
    charts: bool = True,
    private: bool = False,
) -> str | bytes:
    """A report's content in a format. A Word document holds its charts; Markdown that will
    be written to `target` gets them (unless `charts` is False) drawn into target's charts
    folder first, and links them; printed Markdown has none."""
    return _content(FORMATS[fmt], (report,), "report_charts", target, charts, private)


def compare_file(
    c: YearComparison,
    lang: str,
    fmt: str = DEFAULT,
    target: Path | None = None,
    charts: bool = True,
) -> str | bytes:
    """A comparison's content in a format, with its trend chart (as report_file)."""
    return _content(COMPARE_FORMATS[fmt], (c, lang), "compare_charts", target, charts, False)


def overview_file(
    ov: Overview,
    lang: str,
    fmt: str = DEFAULT,
    target: Path | None = None,
    charts: bool = True,
) -> str | bytes:
    """An overview's content in a format, with its charts (as report_file)."""
    return _content(OVERVIEW_FORMATS[fmt], (ov, lang), "overview_charts", target, charts, False)


def _content(
    fmt: Format,
    subject: tuple,
    maker: str,
    target: Path | None,
    with_charts: bool,
    private: bool,
) -> str | bytes:
    """`fmt`'s content of `subject`, with the charts that charts.MAKER(*subject) makes."""

    def charts() -> list[Chart]:
        from innoscan.render import charts as module  # only for a format with charts

        return getattr(module, maker)(*subject)

    pictures: dict[str, Picture] = {}
    if fmt.charts == "inside":
        pictures = {c.name: Picture(c.alt, f"{c.name}.png", _draw(c).png) for c in charts()}
    elif fmt.charts == "beside" and with_charts and target is not None:
        folder = real_folder(charts_folder(target), private)
        for chart in charts():
            drawn = _draw(chart)
            write_atomic(folder / f"{chart.name}.svg", drawn.svg, private)
            write_atomic(folder / f"{chart.name}.png", drawn.png, private)
            pictures[chart.name] = Picture(chart.alt, f"{folder.name}/{chart.name}.png")
    return fmt.write(*subject, pictures)


def _draw(chart: Chart):
    from innoscan.render.drawing import draw  # matplotlib: only when a chart is drawn

    return draw(chart)


# ── a session's report beside its result file ─────────────────────────────────────────


def report_path(result_path: Path, fmt: str = DEFAULT) -> Path:
    """Where a result's report in a format goes: beside the result file, with its name."""
    return result_path.with_suffix(FORMATS[fmt].suffix)


def report_text(session: Session, lang: str, fmt: str = DEFAULT) -> str | bytes:
    """A session's report, as its answers are now, in a format (Markdown without charts;
    bytes for a Word document)."""
    from innoscan.render.report import session_report

    return report_file(session_report(session, lang), fmt)


def export(session: Session, lang: str, fmt: str = DEFAULT, charts: bool = True) -> Path:
    """Write a session's report beside its result file, with its charts (an individual's
    readable by its owner only), and return where."""
    return exporter(session, lang, fmt, charts)()


def exporter(
    session: Session, lang: str, fmt: str = DEFAULT, charts: bool = True
) -> Callable[[], Path]:
    """`export`, with the answers as they are now, to run later in any thread (drawing the
    charts takes a second or two)."""
    target = report_path(session.path, fmt)
    if target == session.path:
        raise ValueError(f"{target}: the result file is its own {fmt} export")
    from innoscan.render.report import session_report

    private = session.result.meta.mode == "individual"
    report = session_report(session, lang)
    return lambda: write_atomic(target, report_file(report, fmt, target, charts, private), private)


def picture_path(result_path: Path, name: str) -> Path:
    """Where a picture of a screen goes: beside the report's charts, as NAME.svg."""
    return charts_folder(report_path(result_path)) / f"{name}.svg"
