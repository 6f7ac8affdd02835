"""The results screen: index, success factors, section bars, benchmarks, risks, change."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import (
    Collapsible,
    Digits,
    Footer,
    Static,
    TabbedContent,
    TabPane,
    Tabs,
)

from innoscan.assess.compare import compare_results
from innoscan.assess.readings import Reading
from innoscan.render.bank_listing import answer_text
from innoscan.render.markdown import bar
from innoscan.render.report import (
    Report,
    coverage_text,
    factor_reason,
    factor_title,
    figures_in_order,
    headline_figure,
    is_own_type,
    mode_text,
    own_type_missing,
    own_words,
    population_text,
    reading_sentence,
    section_readings,
    session_report,
    share_text,
    short_source,
    team_value_text,
    when_text,
)
from innoscan.store.session import ResultsFolder, Session
from innoscan.tui.screens.base import BaseScreen
from innoscan.tui.shown import shown, shown_markup
from innoscan.tui.widgets.actions import ActionsPane

STATUS_STYLE = {"present": "bold green", "partly": "bold yellow", "absent": "bold red", None: "dim"}


class ResultsScreen(BaseScreen):
    """What the team learns. Benchmarks are shown here only, never while answering."""

    CSS_PATH = "results.tcss"
    HELP = "help.results"
    BINDINGS = [
        Binding("e", "export", "Export", id="export"),
        Binding("d", "download", "Download", id="download"),
        Binding("p", "picture", "Picture", id="picture"),
        Binding("f2,ctrl+o", "questions", "Questions", key_display="F2", id="questions"),
        *[
            Binding(str(n), f"tab({n})", "Tabs", show=n == 1, key_display="1-5", id="tab")
            for n in range(1, 6)
        ],
    ]

    def __init__(self, session: Session, folder: ResultsFolder) -> None:
        super().__init__()
        self.session = session
        self.folder = folder

    def in_language(self) -> ResultsScreen:
        return ResultsScreen(self.session, self.folder)

    def report(self) -> Report:
        return session_report(self.session, self.lang)

    def compose(self) -> ComposeResult:
        report = self.report()
        meta = report.result.meta
        merged = f" · {mode_text(report)}" if report.result.merge is not None else ""
        yield Static(
            f"{self.word('tui.results_title')}: {shown_markup(meta.team)} · {meta.year}{merged}",
            id="results-title",
        )
        with TabbedContent(id="tabs"):
            if report.result.merge is not None and report.result.merge.disagreements:
                with TabPane(self.word("tui.tab_disagree"), id="tab-disagree"), VerticalScroll():
                    yield from self._disagreements(report)
            with TabPane(self.word("tui.tab_scores"), id="tab-scores"), VerticalScroll():
                yield from self._scores(report)
            with TabPane(self.word("tui.tab_benchmarks"), id="tab-benchmarks"), VerticalScroll():
                yield from self._benchmarks(report)
            with TabPane(self.word("tui.tab_risks"), id="tab-risks"), VerticalScroll():
                yield from self._risks(report)
            with TabPane(self.word("tui.tab_actions"), id="tab-actions"), VerticalScroll():
                yield ActionsPane(self.session, self._earlier_session(report), self.lang)
        yield Footer(compact=True, show_command_palette=False)

    # ── scores ────────────────────────────────────────────────────────────────────────

    def _scores(self, report: Report) -> ComposeResult:
        bank, lang, scores = report.bank, self.lang, report.scores
        index_rule = bank.scoring.index
        if index_rule is not None:
            with Horizontal(id="index-row"):
                yield Digits("-" if scores.index is None else f"{scores.index:.0f}", id="index")
                yield Static(
                    shown(bank.text(index_rule.title, lang)) + "\n0-100",
                    id="index-label",
                    markup=False,
                )
        factors = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        factors.add_column(no_wrap=True)
        factors.add_column(ratio=1)
        for f in scores.factors:
            status = self.word(f"factor.{f.status}" if f.status else "factor.none")
            title = Text(shown(factor_title(report, f.id)))
            why = factor_reason(bank, f, lang)
            settle = report.to_settle(f.section)
            if settle:
                why = " · ".join(filter(None, [why, self.word("coverage.to_settle", n=settle)]))
            if why:
                title.append(f"\n{shown(why)}", style="dim")
            factors.add_row(Text(status + "  ", style=STATUS_STYLE[f.status]), title)
        yield Static(factors, id="factors")
        rows = []
        for sid, s in scores.sections.items():
            score = "—" if s.score is None else f"{s.score:.0f}"
            rows.append(
                (
                    shown(bank.text(bank.section(sid).title, lang)),
                    bar(s.score) or self.word("too_few"),
                    score,
                    shown(coverage_text(report, s, short=True)),
                )
            )
        sections = SectionScores(rows)
        yield Static(sections, id="sections")
        yield from self._change(report)
        if bank.scoring.conventions:
            with Collapsible(title=self.word("conventions"), collapsed=True, id="conventions"):
                body = Text(self.word("conventions_intro") + "\n")
                for c in bank.scoring.conventions:
                    body.append(f"\n• {shown(bank.text(c.about, lang))}: ", style="bold")
                    body.append(shown(bank.text(c.why, lang)))
                yield Static(body)

    def _earlier_session(self, report: Report) -> Session | None:
        earlier = self.folder.earlier(report.bank, report.result)
        return Session(report.bank, earlier.path, earlier.result) if earlier else None

    def _disagreements(self, report: Report) -> ComposeResult:
        from innoscan.render.report import disagreement_rows

        merge = report.result.merge
        yield Static(self.word("merge.intro", n=merge.respondents), classes="intro")
        for title, given, team in disagreement_rows(report):
            text = Text(shown(title) + "\n", style="bold")
            text.append(f"{self.word('merge.answers')}: {shown(given)}\n")
            text.append(f"{self.word('merge.team')}: {shown(team)}", style="italic")
            yield Static(text, classes="benchmark")

    def _change(self, report: Report) -> ComposeResult:
        """Per section the score of the same team's previous year, now, and the change,
        computed as `compare` does (questions whose meaning changed left out)."""
        earlier = self.folder.earlier(report.bank, report.result)
        if earlier is None:
            return
        comparison = compare_results(report.bank, [earlier.loaded, report.loaded])
        table = Table(box=None, show_header=False, padding=(0, 1))
        for s in comparison.sections:
            was, now = ("—" if v is None else f"{v:.0f}" for v in s.scores)
            change = "—" if s.change is None else f"{s.change:+.0f}"
            title = report.bank.text(report.bank.section(s.section).title, self.lang)
            table.add_row(shown(title), was, "→", now, change)
        yield Static(
            self.word("tui.change_title", year=earlier.result.meta.year), classes="subtitle"
        )
        yield Static(table, id="change")
        if comparison.changes:
            yield Static(
                self.word("cmp.changed_left_out", n=len(comparison.changed)), classes="dim"
            )

    # ── benchmarks ────────────────────────────────────────────────────────────────────

    def _benchmarks(self, report: Report) -> ComposeResult:
        bank, lang = report.bank, self.lang
        yield Static(self.word("benchmarks_intro"), classes="intro")
        for section in bank.sections:
            yield Static(shown(bank.text(section.title, lang)), classes="subtitle", markup=False)
            comparisons, skipped = section_readings(report, section.id)
            if skipped:
                yield Static(shown(skipped), classes="dim", markup=False)
            if not comparisons:
                if not skipped:
                    yield Static(self.word("no_figure"), classes="dim")
                continue
            for c in comparisons:
                yield Static(self._benchmark(report, c), classes="benchmark")

    def _benchmark(self, report: Report, c: Reading) -> Group:
        """One indicator: each figure as a bar with its share, whom it counts (the team's own
        kind of organisation first, marked), country, year and source, beside the team's
        answer; then the sentence that reads the team beside them."""
        bank, lang = report.bank, self.lang
        title = Text(shown(bank.text(c.indicator.title, lang)), style="bold")
        title.append(f"  {self.word('your_team')}: ", style="not bold")
        title.append(shown(team_value_text(c, lang)))
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(ratio=1)
        for f in figures_in_order(report, c.indicator):
            where = f"{f.country} {when_text(f, lang, with_n=True)} · {population_text(report, f)}"
            where += f" · {short_source(f)}"
            if f.note:
                where += f"\n{self.word('note')}: {bank.text(f.note, lang)}"
            style = "bold" if is_own_type(report, f) else "dim"
            table.add_row(bar(f.value, 20), share_text(f, lang), Text(shown(where), style=style))
        sentence = reading_sentence(report, c, headline_figure(report, c.indicator))
        lines = [title, table, Text(shown(sentence), style="italic")]
        missing = own_type_missing(report, c.indicator)
        if missing:
            lines.append(Text(shown(missing), style="dim"))
        return Group(*lines)

    # ── risks ─────────────────────────────────────────────────────────────────────────

    def _risks(self, report: Report) -> ComposeResult:
        bank, lang = report.bank, self.lang
        said = own_words(report)
        if said:
            yield Static(self.word("own_words", text=shown(said)), classes="intro", markup=False)
        if not report.flags:
            yield Static(self.word("risks_none"))
            return
        yield Static(self.word("risks_count", n=len(report.flags)), classes="intro")
        for flag in report.flags:
            rule = flag.rule
            severity = self.word(f"severity.{rule.severity}").upper()
            title = f"{severity} · {bank.text(rule.title, lang)}"
            with Collapsible(
                title=shown_markup(title), collapsed=True, classes=f"flag {rule.severity}"
            ):
                body = Text()
                pattern = bank.pattern(rule.pattern)
                if pattern is not None:
                    body.append(f"{shown(pattern.name)}: ", style="italic")
                    body.append(shown(bank.text(pattern.meaning, lang)) + "\n\n")
                body.append(self.word("evidence") + ":\n", style="bold")
                for qid, value in flag.evidence:
                    q = bank.question(qid)
                    body.append(f"• {shown(bank.text(q.title, lang))} ")
                    body.append(shown(answer_text(bank, q, value, lang)) + "\n", style="bold")
                body.append("\n" + self.word("advice") + ": ", style="bold")
                body.append(shown(bank.text(rule.advice, lang)))
                yield Static(body)

    def on_mount(self) -> None:
        tabs = len(self.query(TabPane))  # the footer's "1-n" names the tabs shown (4 or 5)
        keys = self._bindings.key_to_bindings  # this screen's own copy of the map
        keys["1"] = [replace(b, key_display=f"1-{tabs}") for b in keys["1"]]
        self.refresh_bindings()
        self.query_one(Tabs).focus()

    def action_tab(self, number: int) -> None:
        panes = [pane.id for pane in self.query(TabPane)]
        if 0 < number <= len(panes):
            self.query_one(TabbedContent).active = panes[number - 1]
            self.query_one(Tabs).focus()

    # ── actions ───────────────────────────────────────────────────────────────────────

    def action_export(self) -> None:
        self.app.export(self.session)

    def action_picture(self) -> None:
        """The screen as it is now, as an SVG picture for a slide."""
        tab = self.query_one(TabbedContent).active.removeprefix("tab-")
        meta = self.session.result.meta
        private = meta.mode == "individual"
        self.app.save_picture(self.session.path, meta.team, f"screen-{tab}", private)

    def action_download(self) -> None:
        """In a browser (`serve`): the report as a Markdown file, downloaded."""
        self.app.download_report(self.session)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "download":
            return self.app.is_web
        return super().check_action(action, parameters)

    def action_questions(self) -> None:
        self.app.open_questions(self.session)


class SectionScores:
    """Section, bar, score, coverage: one row each, or on a phone the title above the rest."""

    NARROW = 56

    def __init__(self, rows: list[tuple[str, str, str, str]]) -> None:
        self.rows = rows

    def __rich_console__(self, console, options):
        narrow = options.max_width < self.NARROW
        if narrow:
            for title, *figures in self.rows:
                yield Text(title, style="bold", overflow="ellipsis", no_wrap=True)
                yield self._table(narrow, [figures])
        else:
            yield self._table(narrow, self.rows)

    @staticmethod
    def _table(narrow: bool, rows) -> Table:
        table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
        if not narrow:
            table.add_column(ratio=3)
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(justify="right", no_wrap=True, style="dim")
        for row in rows:
            table.add_row(*row)
        return table
