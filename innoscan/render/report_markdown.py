"""The report as Markdown, to share: valid CommonMark with GFM tables; user text escaped."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from innoscan.content.figures import Figure
from innoscan.locales import word
from innoscan.render.bank_listing import answer_text
from innoscan.render.compare_report import target_title
from innoscan.render.markdown import (
    Picture,
    bar,
    escape,
    first_rows,
    link,
    pictures_md,
    table,
    whole,
)
from innoscan.render.report import (
    Report,
    coverage_text,
    disagreement_rows,
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
    report_date,
    section_readings,
    share_text,
    team_value_text,
    when_text,
)


def report_markdown(report: Report, pictures: Mapping[str, Picture] | None = None) -> str:
    """The report to share: valid CommonMark with GFM tables; user text escaped. `pictures`
    (charts.report_charts, drawn) are shown where their numbers are: the profile after the
    summary, each section's benchmarks under its heading, the spread by the disagreements."""
    parts = [
        _md_head(report),
        _md_disagreements(report) + pictures_md(pictures, "disagreements"),
        _md_summary(report) + pictures_md(pictures, "profile"),
        _md_scores(report),
        _md_benchmarks(report, pictures),
        _md_flags(report),
        _md_actions(report),
        _md_kept(report),
        _md_appendix(report),
    ]
    return "\n\n".join("\n".join(p) for p in parts if p).rstrip() + "\n"


def _md_head(report: Report) -> list[str]:
    lang, meta = report.lang, report.result.meta
    w = word
    team = escape(meta.team) if meta.team.strip() else w("no_name", lang)
    answered, applicable = report.answered_count()
    mode = escape(mode_text(report))
    rows = [
        [w("team", lang), team],
        [w("organisation", lang), escape(meta.organisation)],
        [w("org_type.label", lang), w(f"org_type.{meta.org_type or 'unknown'}", lang)],
        [w("year", lang), str(meta.year)],
        [w("date", lang), report_date(report)],
        [w("status.label", lang), w(f"status.{meta.status}", lang)],
        [w("mode.label", lang), mode],
        [w("answered", lang), w("answered_of", lang, n=answered, m=applicable)],
        [w("bank", lang), f"{escape(report.bank.id)} {escape(report.bank.version)}"],
    ]
    return [f"# {w('report.title', lang)}: {team}", "", *table(["", ""], rows)]


def _md_summary(report: Report) -> list[str]:
    lang, bank, scores = report.lang, report.bank, report.scores
    lines = [f"## {word('summary', lang)}", ""]
    if bank.scoring.index is not None:
        title = bank.text(bank.scoring.index.title, lang)
        if scores.index is None:
            lines.append(f"**{word('index_none', lang, title=title)}**")
        else:
            lines.append(
                f"**{word('index_line', lang, title=title, value=f'{scores.index:.0f}')}**"
            )
        lines.append("")
    if scores.factors:
        merged = report.result.merge is not None
        rows = [
            [
                escape(factor_title(report, f.id)),
                word(f"factor.{f.status}" if f.status else "factor.none", lang),
                whole(f.score),
                escape(factor_reason(bank, f, lang)),
            ]
            + ([str(report.to_settle(f.section))] if merged else [])
            for f in scores.factors
        ]
        headers = [word("success_factor", lang), word("status.label", lang), word("score", lang)]
        headers += [word("decided_by", lang)] + ([word("to_settle", lang)] if merged else [])
        lines.extend(table(headers, rows, "llrlr"[: len(headers)]))
    return lines


def _md_scores(report: Report) -> list[str]:
    lang, bank = report.lang, report.bank
    rows = []
    for sid, s in report.scores.sections.items():
        shown = bar(s.score) if s.score is not None else word("too_few", lang)
        rows.append(
            [
                escape(bank.text(bank.section(sid).title, lang)),
                whole(s.score),
                shown,
                coverage_text(report, s),
            ]
        )
    headers = [word("section", lang), word("score", lang), "", word("answered", lang)]
    pct = f"{bank.scoring.min_coverage * 100:.0f}"
    lines = [
        f"## {word('scores', lang)}",
        "",
        *table(headers, rows, "lrlr"),
        "",
        word("scores_how", lang, pct=pct),
    ]
    conventions = bank.scoring.conventions
    if conventions:
        lines += ["", f"### {word('conventions', lang)}", "", word("conventions_intro", lang), ""]
        lines += [
            f"- **{escape(bank.text(c.about, lang))}**: {escape(bank.text(c.why, lang))}"
            for c in conventions
        ]
    return lines


def _md_benchmarks(report: Report, pictures: Mapping[str, Picture] | None) -> list[str]:
    lang, bank = report.lang, report.bank
    lines = [f"## {word('benchmarks', lang)}", "", word("benchmarks_intro", lang)]
    for section in bank.sections:
        lines += ["", f"### {escape(bank.text(section.title, lang))}", ""]
        lines += pictures_md(pictures, f"benchmarks-{section.id}", after=False)
        comparisons, skipped = section_readings(report, section.id)
        if not comparisons:
            lines.append(escape(skipped) if skipped else word("no_figure", lang))
            continue
        headers = [
            word("indicator", lang),
            word("your_team", lang),
            word("figure", lang),
            word("population", lang),
            word("country", lang),
            word("when", lang),
            word("source", lang),
            word("note", lang),
        ]
        rows = []
        for c in comparisons:
            for i, f in enumerate(figures_in_order(report, c.indicator)):
                rows.append(
                    [
                        escape(bank.text(c.indicator.title, lang)) if i == 0 else "",
                        team_value_text(c, lang) if i == 0 else "",
                        share_text(f, lang),
                        _population(report, f),
                        f.country,
                        when_text(f, lang, with_n=True),
                        link(f.source.title, f.source.url),
                        escape(bank.text(f.note, lang)) if f.note else "",
                    ]
                )
        lines.extend(table(headers, rows, "llrlllll"))
        lines.append("")
        for c in comparisons:
            figure = headline_figure(report, c.indicator)
            lines.append(f"- {escape(reading_sentence(report, c, figure))}")
            missing = own_type_missing(report, c.indicator)
            if missing:
                lines.append(f"  {escape(missing)}")
        if skipped:
            lines += ["", escape(skipped)]
    return lines


def _md_flags(report: Report) -> list[str]:
    lang, bank = report.lang, report.bank
    lines = [f"## {word('risks', lang)}", ""]
    said = own_words(report)
    if said:
        lines += [word("own_words", lang, text=escape(said)), ""]
    if not report.flags:
        lines.append(word("risks_none", lang))
        return lines
    lines.append(word("risks_count", lang, n=len(report.flags)))
    for number, flag in enumerate(report.flags, 1):
        rule = flag.rule
        severity = word(f"severity.{rule.severity}", lang)
        lines += ["", f"### {number}. {escape(bank.text(rule.title, lang))} ({severity})", ""]
        pattern = bank.pattern(rule.pattern)
        if pattern is not None:
            lines += [
                word(
                    "pattern_line",
                    lang,
                    name=escape(pattern.name),
                    meaning=escape(bank.text(pattern.meaning, lang)),
                ),
                "",
            ]
        lines.append(f"{word('evidence', lang)}:")
        lines.append("")
        for qid, value in flag.evidence:
            q = bank.question(qid)
            answer = escape(answer_text(bank, q, value, lang))
            lines.append(f"- {escape(bank.text(q.title, lang))} **{answer}**")
        lines += ["", f"{word('advice', lang)}: {escape(bank.text(rule.advice, lang))}"]
    return lines


def _md_disagreements(report: Report) -> list[str]:
    merge, lang = report.result.merge, report.lang
    if merge is None:
        return []
    lines = [f"## {word('merge.disagreements', lang)}", ""]
    if not merge.disagreements:
        return lines + [word("merge.none", lang, n=merge.respondents)]
    lines += [word("merge.intro", lang, n=merge.respondents), ""]
    rows = [[escape(cell) for cell in row] for row in disagreement_rows(report)]
    headers = [word("question_col", lang), word("merge.answers", lang), word("merge.team", lang)]
    return lines + table(headers, rows)


def _md_actions(report: Report) -> list[str]:
    lang, actions = report.lang, report.result.actions
    lines = [f"## {word('actions', lang)}", ""]
    if not actions:
        return lines + [word("actions_none", lang)]
    rows = [
        [
            escape(target_title(report.bank, a.target, lang)),
            escape(a.what),
            escape(a.who),
            escape(a.by),
            word(f"status.{a.status}", lang),
        ]
        for a in actions
    ]
    headers = [word(k, lang) for k in ("cmp.for", "cmp.what", "cmp.who", "cmp.by", "status.label")]
    return lines + table(headers, rows)


def _md_kept(report: Report) -> list[str]:
    unknown = [q for q in report.loaded.unknown if q in report.result.answers]
    if not unknown:
        return []
    lang = report.lang
    shown, more = first_rows(unknown, lang)
    rows = [[escape(q), escape(_raw(report.result.answers[q]))] for q in shown]
    return [
        f"## {word('kept_answers', lang)}",
        "",
        word("kept_intro", lang),
        "",
        *table([word("question_col", lang), word("answer_col", lang)], rows),
        *more,
    ]


def _md_appendix(report: Report) -> list[str]:
    lang, bank, result = report.lang, report.bank, report.result
    effective = bank.effective_answers(result.answers)
    lines = [f"## {word('appendix', lang)}"]
    number = 0
    for section in bank.sections:
        rows = []
        for q in section.questions:
            number += 1
            if q.id in effective:
                answer = escape(answer_text(bank, q, effective[q.id], lang))
            elif q.id in result.answers:
                answer = word("not_asked", lang)
            else:
                answer = word("unanswered", lang)
            note = escape(result.notes.get(q.id, ""))
            origin = word(f"origin.{q.origin}", lang) if q.origin else ""
            rows.append([str(number), escape(bank.text(q.title, lang)), answer, note, origin])
        headers = [
            "#",
            word("question_col", lang),
            word("answer_col", lang),
            word("note_col", lang),
            word("origin.label", lang),
        ]
        lines += [
            "",
            f"### {escape(bank.text(section.title, lang))}",
            "",
            *table(headers, rows, "rllll"),
        ]
    return lines


def _raw(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def _population(report: Report, figure: Figure) -> str:
    """Whom the figure counts, escaped; the team's own kind of organisation marked in bold."""
    text = escape(population_text(report, figure, mark_own=False))
    if is_own_type(report, figure):
        text += f" (**{word('org_type.yours', report.lang)}**)"
    return text
