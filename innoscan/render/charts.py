"""The charts of a report and of a comparison, as data: what each bar says, in the result's
language, with the same numbers and wording as the report. Drawing them is `drawing`'s job
(matplotlib, imported only when a chart is drawn); this module imports no charting library.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from innoscan.assess.compare import YearComparison
from innoscan.assess.overview import Overview, Spread
from innoscan.assess.scoring import FactorResult
from innoscan.locales import word
from innoscan.render import overview_report as ovr
from innoscan.render.compare_report import target_title
from innoscan.render.markdown import whole
from innoscan.render.report import (
    Report,
    disagreement_spreads,
    factor_title,
    population_text,
    section_readings,
    share_text,
    short_source,
    team_value_text,
    when_text,
)

MAX_ROWS = 12  # figures in one benchmarks chart; a section with more gets several
STATUS_STYLE = {None: 0, "present": 1, "partly": 2, "absent": 3}


@dataclass(frozen=True)
class Row:
    """One bar, with its label and the number it stands for as text."""

    label: str  # beside the bar
    value: float | None  # its length; None draws no bar
    text: str  # at its end: the number as the report gives it
    style: int = 0  # its fill and pattern: a status, a year, an answer
    high: float | None = None  # the upper end of a range ("60-65 %")
    start: float = 0  # where the bar begins (a spread's middle half: from its first quartile)
    low: float | None = None  # the lower end of a range, a thin bar on to `start`
    mark: float | None = None  # a stroke across the bar (a spread's median)


@dataclass(frozen=True)
class Group:
    title: str  # a line above its rows
    rows: list[Row]


@dataclass(frozen=True)
class Panel:
    title: str
    groups: list[Group]
    scale: float = 100  # the axis runs from 0 to this
    axis: str = ""  # the axis's label
    marks: list[tuple[float, str]] = field(default_factory=list)  # reference lines


@dataclass(frozen=True)
class Chart:
    """One picture: `name` is its file's stem, `alt` its text alternative."""

    name: str
    title: str
    subtitle: str
    panels: list[Panel]

    @property
    def alt(self) -> str:
        """Everything the chart shows, as text: title, then each panel's rows and numbers."""
        parts = [self.title + (f" ({self.subtitle})" if self.subtitle else "")]
        for panel in self.panels:
            groups = []
            for g in panel.groups:
                rows = "; ".join(f"{r.label} {r.text}".strip() for r in g.rows)
                groups.append(f"{g.title}: {rows}" if g.title else rows)
            parts.append((f"{panel.title}: " if panel.title else "") + ". ".join(groups))
        return ". ".join(parts) + "."


# ── a report's charts ─────────────────────────────────────────────────────────────────


def report_charts(report: Report) -> list[Chart]:
    """The team's profile, the team beside the published figures (per section), and for a
    team profile of individual answers the spread where they disagree most."""
    return [profile_chart(report), *benchmark_charts(report), *spread_charts(report)]


def profile_chart(report: Report) -> Chart:
    """The section scores with their coverage, and the success factors with their status."""
    bank, lang, scores = report.bank, report.lang, report.scores
    meta = report.result.meta
    sections = []
    for sid, s in scores.sections.items():
        title = bank.text(bank.section(sid).title, lang)
        key = "chart.score" if s.score is not None else "chart.no_score"
        text = word(key, lang, score=whole(s.score), n=s.answered, m=s.total)
        sections.append(Row(title, s.score, text))
    panels = [Panel(word("scores", lang), [Group("", sections)])]
    if scores.factors:
        rows = [
            Row(
                factor_title(report, f.id),
                f.score,
                _factor_text(f, lang),
                STATUS_STYLE[f.status],
            )
            for f in scores.factors
        ]
        rules = bank.scoring.success_factors
        marks = []
        if len({(r.partly_at, r.present_at) for r in rules}) == 1:  # one pair for all: draw it
            marks = [
                (rules[0].partly_at, word("factor.partly", lang)),
                (rules[0].present_at, word("factor.present", lang)),
            ]
        panels.append(Panel(word("cmp.factors", lang), [Group("", rows)], marks=marks))
    index = bank.scoring.index
    subtitle = ""
    if index is not None:
        title = bank.text(index.title, lang)
        subtitle = (
            word("index_none", lang, title=title)
            if scores.index is None
            else word("index_line", lang, title=title, value=whole(scores.index))
        )
    team = meta.team.strip() or word("no_name", lang)
    return Chart(
        "profile", word("chart.profile", lang, team=team, year=meta.year), subtitle, panels
    )


def _factor_text(factor: FactorResult, lang: str) -> str:
    """'present (88)'; without a score the status alone, or 'unknown (too few answers)'."""
    if factor.status is None:
        return word("factor.none", lang)
    status = word(f"factor.{factor.status}", lang)
    if factor.score is None:
        return status
    return word("chart.factor", lang, status=status, score=whole(factor.score))


def benchmark_charts(report: Report) -> list[Chart]:
    """Per section with published figures: each indicator's figures as bars, with country,
    year and source, under the team's answer; a long section in parts of MAX_ROWS figures."""
    bank, lang, charts = report.bank, report.lang, []
    for section in bank.sections:
        groups = [
            Group(
                word(
                    "chart.team",
                    lang,
                    indicator=bank.text(c.indicator.title, lang),
                    answer=team_value_text(c, lang),
                ),
                [_figure_row(report, f) for f in c.indicator.figures],
            )
            for c in section_readings(report, section.id)[0]  # those that apply, as the report
        ]
        if groups:
            panel = Panel(word("chart.benchmarks", lang), groups, axis=word("chart.share", lang))
            title = bank.text(section.title, lang)
            charts += _charts(f"benchmarks-{section.id}", title, "", panel, lang)
    return charts


def _figure_row(report: Report, figure) -> Row:
    lang = report.lang
    when = f"{figure.country} {when_text(figure, lang)}"
    text = f"{share_text(figure, lang)} · {when} · {short_source(figure)}"
    return Row(population_text(report, figure), figure.value, text, high=figure.value_high)


def _charts(name: str, title: str, subtitle: str, panel: Panel, lang: str) -> list[Chart]:
    """A one-panel chart, or where it has more than MAX_ROWS bars, its parts NAME, NAME-2, ...
    of about equal size (a group is never split)."""
    total = sum(len(g.rows) for g in panel.groups)
    most = -(-total // -(-total // MAX_ROWS)) if total else MAX_ROWS  # ceil(total / parts)
    parts: list[list[Group]] = []
    rows = most
    for group in panel.groups:
        if rows + len(group.rows) > most:
            parts.append([])
            rows = 0
        parts[-1].append(group)
        rows += len(group.rows)
    if len(parts) <= 1:
        return [Chart(name, title, subtitle, [panel])] if parts else []
    return [
        Chart(
            f"{name}-{number}" if number > 1 else name,
            title,
            " · ".join(filter(None, [subtitle, word("chart.part", lang, n=number, m=len(parts))])),
            [replace(panel, groups=groups)],
        )
        for number, groups in enumerate(parts, 1)
    ]


def spread_charts(report: Report) -> list[Chart]:
    """A team profile's disagreements: per question, how many gave each answer."""
    merge, lang = report.result.merge, report.lang
    if merge is None:
        return []
    groups = [
        Group(
            word("chart.team_answer", lang, question=title, answer=team),
            [Row(label, n, f"×{n}", style) for style, (label, n) in enumerate(given, 1)],
        )
        for title, given, team in disagreement_spreads(report)
    ]
    panel = Panel(
        word("merge.answers", lang),
        groups,
        scale=merge.respondents,
        axis=word("chart.respondents", lang),
    )
    intro = word("merge.intro", lang, n=merge.respondents)
    return _charts("disagreements", word("merge.disagreements", lang), intro, panel, lang)


# ── a comparison's chart ──────────────────────────────────────────────────────────────


def compare_charts(c: YearComparison, lang: str) -> list[Chart]:
    """The trend: section scores per year, and the risk flags new, resolved, still there."""
    bank = c.bank
    years = [str(y.year) for y in c.years]
    groups = [
        Group(
            bank.text(bank.section(s.section).title, lang),
            [
                Row(year, value, whole(value), style)
                for style, (year, value) in enumerate(zip(years, s.scores, strict=True))
            ],
        )
        for s in c.sections
    ]
    index = [y.scores.index for y in c.years]
    if bank.scoring.index is not None:
        rows = [Row(y, v, whole(v), i) for i, (y, v) in enumerate(zip(years, index, strict=True))]
        groups.append(Group(bank.text(bank.scoring.index.title, lang), rows))
    scores = Panel(word("scores", lang), groups)
    kinds = (("cmp.new", c.new), ("cmp.resolved", c.resolved), ("cmp.persisting", c.persisting))
    flags = []
    for style, (key, ids) in enumerate(kinds, 1):
        titles = "; ".join(target_title(bank, f"flag:{i}", lang) for i in ids)
        flags.append(Row(word(key, lang), len(ids), f"{len(ids)}: {titles}" if ids else "0", style))
    flag_panel = Panel(
        word("chart.flags", lang, year=years[-2]),
        [Group("", flags)],
        scale=max(1, *(len(ids) for _, ids in kinds)),
        axis=word("chart.flag_count", lang),
    )
    team = c.years[-1].loaded.result.meta.team
    title = word("chart.trend", lang, team=team, first=years[0], last=years[-1])
    return [Chart("trend", title, "", [scores, flag_panel])]


# ── an overview's charts ──────────────────────────────────────────────────────────────

SEVERITY_STYLE = {"high": 3, "medium": 2, "low": 1}


def overview_charts(ov: Overview, lang: str) -> list[Chart]:
    """The year shown across its teams: per success factor how many have it present, partly,
    absent; the last-mile risks they share, most common first; the spread of section scores."""
    bank, p = ov.bank, ov.current
    teams, intro = len(p.teams), word("chart.teams_of", lang, n=len(p.teams), year=p.year)
    axis = word("chart.teams", lang)
    groups = [
        Group(
            ovr.factor_title(ov, fid, lang),
            [
                Row(ovr.status_word(s, lang), n, ovr.count_text(n, teams, lang), STATUS_STYLE[s])
                for s, n in ((s, counts[s]) for s in ovr.statuses(p))
            ],
        )
        for fid, counts in p.factors.items()
    ]
    panel = Panel("", groups, max(teams, 1), axis)
    charts = [Chart("factors", word("cmp.factors", lang), intro, [panel])]
    shared = [
        Row(
            bank.text(rule.title, lang),
            n,
            f"{ovr.count_text(n, teams, lang)} · {word(f'severity.{rule.severity}', lang)}",
            SEVERITY_STYLE[rule.severity],
        )
        for rule, n in p.risks
        if n
    ]
    if shared:  # none: the Markdown says so, no empty chart
        panel = Panel("", [Group("", shared)], max(teams, 1), axis)
        charts += _charts("risks", word("ov.risks", lang), intro, panel, lang)
    rows = [
        _spread_row(bank.text(bank.section(sid).title, lang), s, teams, lang)
        for sid, s in p.sections.items()
    ]
    rows.append(_spread_row(ovr.index_title(ov, lang), p.index, teams, lang))
    panel = Panel("", [Group("", rows)], axis=word("chart.spread_axis", lang))
    return [*charts, Chart("spread", word("scores", lang), intro, [panel])]


def _spread_row(title: str, s: Spread, teams: int, lang: str) -> Row:
    """The middle half as a bar, the range as a thin line either side, the median a stroke."""
    n = word("n_of_m", lang, n=s.teams, m=teams)
    if s.median is None:
        return Row(title, None, n)
    figures = {k: whole(getattr(s, k)) for k in ("median", "q1", "q3", "low", "high")}
    text = word("chart.spread", lang, n=n, **figures)
    return Row(title, s.q3, text, 1, high=s.high, start=s.q1 or 0, low=s.low, mark=s.median)
