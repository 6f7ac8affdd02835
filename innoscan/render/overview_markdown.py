"""The overview of many teams as Markdown, to take to the board: valid CommonMark with GFM
tables; team names escaped, anonymised without a name, organisation or file of a team."""

from __future__ import annotations

from collections.abc import Mapping

from innoscan.assess.overview import STATUSES, Innovated, Overview, Picture
from innoscan.locales import word
from innoscan.render import markdown
from innoscan.render.markdown import escape, link, pictures_md, table, whole
from innoscan.render.overview_report import (
    SKIP_REASONS,
    count_text,
    factor_cell,
    factor_title,
    index_title,
    signed,
    skip_reason,
    spread_row,
    status_word,
    statuses,
    team_name,
)
from innoscan.render.report import share_text, when_text

# ── Markdown ──────────────────────────────────────────────────────────────────────────


def overview_markdown(
    ov: Overview,
    lang: str,
    pictures: Mapping[str, markdown.Picture] | None = None,
    teams: bool = True,
) -> str:
    """The overview to take to the board: valid CommonMark with GFM tables (without the
    table of the teams where a screen shows them already); `pictures` (charts.overview_charts,
    drawn) under the organisation's tables."""
    parts = [
        _md_head(ov, lang),
        _md_teams(ov, lang) if teams else [],
        _md_organisation(ov, ov.current, lang, pictures),
        years_markdown(ov, lang),
        _md_skipped(ov, lang),
    ]
    return "\n\n".join("\n".join(p) for p in parts if p).rstrip() + "\n"


def _md_head(ov: Overview, lang: str) -> list[str]:
    organisation = ov.organisation()
    title = word("ov.title", lang)
    title += f": {escape(organisation)}, {ov.year}" if organisation else f" · {ov.year}"
    lines = [f"# {title}", ""]
    folder = "" if ov.anonymised else escape(str(ov.files.folder))
    intro = word("ov.intro", lang, n=len(ov.current.teams), year=ov.year)
    if folder:
        intro += " " + word("ov.from", lang, folder=folder)
    lines.append(intro)
    if ov.previous is not None:
        earlier = ", ".join(str(p.year) for p in ov.pictures[:-1])
        lines[-1] += " " + word("ov.earlier", lang, years=earlier)
    if ov.anonymised:
        lines += ["", word("ov.anonymised", lang)]
    if ov.files.other_version:
        lines += ["", word("ov.other_version", lang, n=ov.files.other_version, v=ov.bank.version)]
    if ov.later:
        lines += ["", word("ov.later", lang, years=", ".join(map(str, ov.later)))]
    return lines


def _md_teams(ov: Overview, lang: str) -> list[str]:
    bank, previous = ov.bank, ov.previous
    factors = bank.scoring.success_factors
    headers = [word("team", lang), index_title(ov, lang)]
    if previous is not None:
        headers.append(word("ov.since", lang, year=previous.year))
    headers += [escape(bank.text(bank.section(f.section).title, lang)) for f in factors]
    headers += [word("risks", lang), word("ov.most_severe", lang)]
    rows = []
    for team in ov.current.teams:
        row = [escape(team_name(ov, team.key, lang)), whole(team.scores.index)]
        if previous is not None:
            row.append(signed(ov.index_change(team)))
        row += [factor_cell(team, f.id, lang) for f in factors]
        worst = team.most_severe
        if worst is None:
            row += ["0", "—"]
        else:
            severity = word(f"severity.{worst.severity}", lang)
            row += [str(len(team.flags)), f"{escape(bank.text(worst.title, lang))} ({severity})"]
        rows.append(row)
    align = "lr" + ("r" if previous is not None else "") + "l" * len(factors) + "rl"
    return [f"## {word('ov.teams', lang, year=ov.year)}", "", *table(headers, rows, align)]


def _md_organisation(
    ov: Overview, p: Picture, lang: str, pictures: Mapping[str, markdown.Picture] | None
) -> list[str]:
    bank, teams = ov.bank, len(p.teams)
    lines = [f"## {word('ov.organisation', lang)}", "", f"### {word('cmp.factors', lang)}", ""]
    headers = [word("success_factor", lang)] + [status_word(s, lang) for s in statuses(p)]
    rows = [
        [escape(factor_title(ov, fid, lang))]
        + [count_text(counts[s], teams, lang) for s in statuses(p)]
        for fid, counts in p.factors.items()
    ]
    lines += table(headers, rows, "l" + "r" * (len(headers) - 1)) + pictures_md(pictures, "factors")

    lines += ["", f"### {word('ov.risks', lang)}", "", word("ov.risks_intro", lang), ""]
    shared = [(rule, n) for rule, n in p.risks if n]
    if shared:
        rows = [
            [
                escape(bank.text(rule.title, lang)),
                word(f"severity.{rule.severity}", lang),
                count_text(n, teams, lang),
            ]
            for rule, n in shared
        ]
        headers = [word("ov.risk", lang), word("ov.severity", lang), word("ov.teams_col", lang)]
        lines += table(headers, rows, "llr") + pictures_md(pictures, "risks")
    else:
        lines.append(word("ov.risks_none", lang))

    lines += ["", f"### {word('scores', lang)}", ""]
    headers = [word("section", lang), word("ov.teams_col", lang)]
    headers += [word("ov.median", lang), word("ov.middle", lang), word("ov.range", lang)]
    rows = [
        spread_row(escape(bank.text(bank.section(sid).title, lang)), s, teams, lang)
        for sid, s in p.sections.items()
    ]
    rows.append(spread_row(f"**{escape(index_title(ov, lang))}**", p.index, teams, lang))
    lines += [*table(headers, rows, "lrrrr"), "", word("ov.spread_how", lang)]
    lines += pictures_md(pictures, "spread")

    for item in p.innovated:
        lines += ["", *_md_innovated(ov, item, teams, lang)]
    return lines


def _md_innovated(ov: Overview, item: Innovated, teams: int, lang: str) -> list[str]:
    bank, answered = ov.bank, item.yes + item.no
    lines = [f"### {escape(bank.text(item.indicator.title, lang))}", ""]
    lines.append(word("ov.innovated", lang, yes=count_text(item.yes, answered, lang)))
    if item.unknown:
        lines[-1] += " " + word("ov.no_answer", lang, n=item.unknown, m=teams)
    headers = [
        word("figure", lang),
        word("population", lang),
        word("country", lang),
        word("when", lang),
        word("source", lang),
    ]
    rows = [
        [
            share_text(f, lang),
            escape(bank.text(f.population, lang)),
            f.country,
            when_text(f, lang, with_n=True),
            link(f.source.title, f.source.url),
        ]
        for f in item.indicator.figures
    ]
    return [*lines, "", *table(headers, rows, "rllll"), "", word("ov.mirror", lang)]


def _md_skipped(ov: Overview, lang: str) -> list[str]:
    if not ov.skipped and not ov.files.individual:
        return []
    lines = [f"## {word('ov.skipped', lang)}", ""]
    if ov.anonymised:
        for reason in SKIP_REASONS:
            n = sum(s.reason == reason for s in ov.skipped)
            if n:
                lines.append(f"- {word(f'skipped.{reason}', lang, n=n)}")
    else:
        lines += [f"- {escape(str(s.path))}: {escape(skip_reason(s, lang))}" for s in ov.skipped]
    if ov.files.individual:
        lines.append(f"- {word('ov.individual', lang, n=ov.files.individual)}")
    return lines


# ── over the years ────────────────────────────────────────────────────────────────────


def years_markdown(ov: Overview, lang: str) -> list[str]:
    """Each year's picture side by side, the change since the year before (shares in
    percentage points, medians in points), and who took part in one of the two years only."""
    moved = ov.moved()
    if moved is None:
        return []
    bank, pictures = ov.bank, ov.pictures
    years = [str(p.year) for p in pictures]
    headers = ["", *years, word("ov.since", lang, year=moved.since)]
    align = "l" + "r" * (len(years) + 1)
    points = word("ov.points", lang)

    def shares(title: str, counts: list[tuple[int, int]], change: float | None) -> list[str]:
        return [title, *(count_text(n, of, lang) for n, of in counts), signed(change, points)]

    rows = [[word("ov.teams_col", lang), *(str(len(p.teams)) for p in pictures), ""]]
    for factor in bank.scoring.success_factors:
        title = escape(bank.text(bank.section(factor.section).title, lang))
        for status in STATUSES:  # a status no team had in any year is left out
            counts = [(p.factors[factor.id][status], len(p.teams)) for p in pictures]
            if any(n for n, _ in counts):
                change = moved.factors[factor.id][status]
                rows.append(shares(f"{title}: {status_word(status, lang)}", counts, change))
    lines = [f"## {word('ov.years', lang, first=years[0], last=years[-1])}", ""]
    lines += [word("ov.years_how", lang), "", f"### {word('cmp.factors', lang)}", ""]
    lines += table(headers, rows, align)

    rows = []
    for rule, _ in ov.current.risks:
        counts = [(dict((r.id, n) for r, n in p.risks)[rule.id], len(p.teams)) for p in pictures]
        if any(n for n, _ in counts):
            rows.append(shares(escape(bank.text(rule.title, lang)), counts, moved.risks[rule.id]))
    if rows:
        lines += ["", f"### {word('ov.risks', lang)}", "", *table(headers, rows, align)]

    rows = [
        [escape(bank.text(bank.section(sid).title, lang))]
        + [whole(p.sections[sid].median) for p in pictures]
        + [signed(change)]
        for sid, change in moved.sections.items()
    ]
    rows.append(
        [f"**{escape(index_title(ov, lang))}**"]
        + [whole(p.index.median) for p in pictures]
        + [signed(moved.index)]
    )
    lines += ["", f"### {word('ov.medians', lang)}", "", *table(headers, rows, align)]

    rows = []
    for n, item in enumerate(ov.current.innovated):
        counts = [(p.innovated[n].yes, p.innovated[n].yes + p.innovated[n].no) for p in pictures]
        title = escape(bank.text(item.indicator.title, lang))
        rows.append(shares(title, counts, moved.innovated[item.indicator.id]))
    if rows:
        lines += ["", f"### {word('ov.indicators', lang)}", "", *table(headers, rows, align)]

    lines += ["", f"### {word('ov.who', lang)}", ""]
    for year, keys in ((moved.since, moved.only_before), (ov.year, moved.only_now)):
        names = ", ".join(escape(team_name(ov, k, lang)) for k in keys) or word("cmp.none", lang)
        lines.append(f"- {word('ov.only_in', lang, year=year)}: {names}")
    return lines
