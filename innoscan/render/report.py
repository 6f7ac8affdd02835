"""The report of one result: built once, rendered as Markdown (to share) or JSON (for scripts).

The TUI and `innoscan report` both call `build_report` and the renderers here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from innoscan.assess.flags import Flag, flags
from innoscan.assess.readings import Reading, readings
from innoscan.assess.scoring import Scores, score
from innoscan.content.bank import Bank, Question
from innoscan.content.figures import Figure, Indicator
from innoscan.locales import word
from innoscan.render.bank_listing import answer_text
from innoscan.render.markdown import bar, escape, link, table, whole
from innoscan.store.result import LoadedResult, Result


@dataclass(frozen=True)
class Report:
    """Everything a report shows, computed from the answers."""

    bank: Bank
    loaded: LoadedResult
    lang: str
    scores: Scores
    readings: list[Reading]
    flags: list[Flag]

    @property
    def result(self) -> Result:
        return self.loaded.result

    def applicable(self) -> list[Question]:
        effective = self.bank.effective_answers(self.result.answers)
        return [q for q in self.bank.questions if self.bank.applies_with(q, effective)]

    def answered_count(self) -> tuple[int, int]:
        applicable = self.applicable()
        effective = self.bank.effective_answers(self.result.answers)
        return sum(q.id in effective for q in applicable), len(applicable)


def build_report(
    bank: Bank, loaded: LoadedResult, lang: str, indicators: list[Indicator] | None = None
) -> Report:
    """Scores, benchmark comparisons and flags of one result."""
    answers = loaded.result.answers
    return Report(
        bank=bank,
        loaded=loaded,
        lang=lang,
        scores=score(bank, answers),
        readings=readings(bank, answers, bank.indicators if indicators is None else indicators),
        flags=flags(bank, answers),
    )


# ── shared wording ────────────────────────────────────────────────────────────────────


def share_text(figure: Figure, lang: str) -> str:
    """'76 %', 'about 50 %', '60-65 %'."""
    value = f"{figure.value:g}"
    if figure.value_high is not None:
        value += f"-{figure.value_high:g}"
    qualifier = word(f"q.{figure.qualifier}", lang) if figure.qualifier else ""
    return word("share", lang, q=qualifier, v=value)


def when_text(figure: Figure, lang: str) -> str:
    """'2025', '2018-2019', 'edition 4', or 'year not stated'."""
    if figure.year is not None:
        return str(figure.year)
    if isinstance(figure.period, dict):
        return figure.period.get(lang) or next(iter(figure.period.values()))
    return figure.period or word("year_unstated", lang)


def reading_sentence(report: Report, reading: Reading, figure: Figure) -> str:
    """One line: 'Like 76 % of Dutch government organisations (2025), your team ...'."""
    lang, bank, ind = report.lang, report.bank, reading.indicator
    if reading.team is None:
        return word("reading.none", lang)
    key, team = ("reading.yes", ind.yes) if reading.team else ("reading.no", ind.no)
    return word(
        key,
        lang,
        share=share_text(figure, lang),
        pop=bank.text(figure.population, lang),
        when=when_text(figure, lang),
        team=bank.text(team, lang),
    )


def headline_figure(indicator: Indicator) -> Figure:
    """The figure a reading uses: the newest Dutch one, else the first listed."""
    dutch = [f for f in indicator.figures if f.country == "NL"]
    if dutch:
        return max(dutch, key=lambda f: f.year or 0)
    return indicator.figures[0]


def factor_title(report: Report, factor_id: str) -> str:
    rule = next(f for f in report.bank.scoring.success_factors if f.id == factor_id)
    return report.bank.text(rule.title, report.lang)


# ── JSON ──────────────────────────────────────────────────────────────────────────────


def report_json(report: Report) -> dict[str, Any]:
    """The report for scripts (shape documented in the README)."""
    bank, lang, result = report.bank, report.lang, report.result
    meta = result.meta
    answered, applicable = report.answered_count()
    scores = report.scores
    return {
        "team": meta.team,
        "organisation": meta.organisation,
        "year": meta.year,
        "language": lang,
        "status": meta.status,
        "date": _date(report),
        "mode": meta.mode,
        "respondents": meta.respondents,
        "bank": {"id": bank.id, "version": bank.version, "result_version": meta.bank_version},
        "answered": answered,
        "applicable": applicable,
        "scores": {
            sid: {
                "title": bank.text(bank.section(sid).title, lang),
                "score": s.score,
                "answered": s.answered,
                "total": s.total,
            }
            for sid, s in scores.sections.items()
        },
        "index": scores.index,
        "success_factors": {f.id: f.status for f in scores.factors},
        "success_factor_scores": {f.id: f.score for f in scores.factors},
        "benchmarks": [_comparison_json(report, c) for c in report.readings],
        "no_published_figure": _sections_without_figures(report),
        "flags": [_flag_json(report, f) for f in report.flags],
        "disagreements": _disagreements_json(report),
        "actions": [a.model_dump() for a in result.actions],
        "unknown_answers": {
            q: result.answers[q] for q in report.loaded.unknown if q in result.answers
        },
        "warnings": list(report.loaded.warnings),
    }


def _comparison_json(report: Report, reading: Reading) -> dict[str, Any]:
    bank, lang, ind = report.bank, report.lang, reading.indicator
    return {
        "id": ind.id,
        "section": ind.section,
        "title": bank.text(ind.title, lang),
        "team": reading.team,
        "figures": [
            {
                "value": f.value,
                "value_high": f.value_high,
                "qualifier": f.qualifier,
                "unit": f.unit,
                "population": bank.text(f.population, lang),
                "country": f.country,
                "year": f.year,
                "when": when_text(f, lang),
                "n": f.n,
                "source": f.source.title,
                "url": f.source.url,
                "note": bank.text(f.note, lang) if f.note else None,
                "reading": reading_sentence(report, reading, f),
            }
            for f in ind.figures
        ],
    }


def _flag_json(report: Report, flag: Flag) -> dict[str, Any]:
    bank, lang, rule = report.bank, report.lang, flag.rule
    pattern = bank.pattern(rule.pattern)
    return {
        "id": rule.id,
        "severity": rule.severity,
        "title": bank.text(rule.title, lang),
        "pattern": pattern.name if pattern else None,
        "advice": bank.text(rule.advice, lang),
        "evidence": [
            {
                "question": qid,
                "title": bank.text(bank.question(qid).title, lang),
                "answer": value,
                "answer_text": answer_text(bank, bank.question(qid), value, lang),
            }
            for qid, value in flag.evidence
        ],
    }


def _disagreements_json(report: Report) -> list[dict[str, Any]]:
    merge = report.result.merge
    if merge is None:
        return []
    return [
        {
            "question": qid,
            "title": report.bank.text(report.bank.question(qid).title, report.lang),
            "answers": merge.questions[qid].answers if qid in merge.questions else {},
            "team": report.result.answers.get(qid),
        }
        for qid in merge.disagreements
        if report.bank.question(qid) is not None
    ]


def _sections_without_figures(report: Report) -> list[str]:
    with_figures = {c.indicator.section for c in report.readings}
    return [s.id for s in report.bank.sections if s.id not in with_figures]


def _date(report: Report) -> str:
    meta = report.result.meta
    stamp = meta.updated or meta.created
    return (stamp.date() if stamp else date.today()).isoformat()


# ── Markdown ──────────────────────────────────────────────────────────────────────────


def report_markdown(report: Report) -> str:
    """The report to share: valid CommonMark with GFM tables; user text escaped."""
    parts = [
        _md_head(report),
        _md_disagreements(report),
        _md_summary(report),
        _md_scores(report),
        _md_benchmarks(report),
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
    mode = w(f"mode.{meta.mode}", lang)
    if meta.mode == "individual":
        mode += f" ({escape(meta.respondent) if meta.respondent else w('anonymous', lang)})"
    elif meta.respondents > 1:
        mode += f" ({w('respondents', lang).lower()}: {meta.respondents})"
    rows = [
        [w("team", lang), team],
        [w("organisation", lang), escape(meta.organisation)],
        [w("year", lang), str(meta.year)],
        [w("date", lang), _date(report)],
        [w("status", lang), w(f"status.{meta.status}", lang)],
        [w("mode", lang), mode],
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
        rows = [
            [
                escape(factor_title(report, f.id)),
                word(f"factor.{f.status}" if f.status else "factor.none", lang),
                whole(f.score),
            ]
            for f in scores.factors
        ]
        lines.extend(
            table(
                [word("success_factor", lang), word("status", lang), word("score", lang)],
                rows,
                "llr",
            )
        )
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
                word("n_of_m", lang, n=s.answered, m=s.total),
            ]
        )
    headers = [word("section", lang), word("score", lang), "", word("answered", lang)]
    pct = f"{bank.scoring.min_coverage * 100:.0f}"
    return [
        f"## {word('scores', lang)}",
        "",
        *table(headers, rows, "lrlr"),
        "",
        word("scores_how", lang, pct=pct),
    ]


def _md_benchmarks(report: Report) -> list[str]:
    lang, bank = report.lang, report.bank
    lines = [f"## {word('benchmarks', lang)}", "", word("benchmarks_intro", lang)]
    for section in bank.sections:
        lines += ["", f"### {escape(bank.text(section.title, lang))}", ""]
        comparisons = [c for c in report.readings if c.indicator.section == section.id]
        if not comparisons:
            lines.append(word("no_figure", lang))
            continue
        headers = [
            word("indicator", lang),
            word("your_team", lang),
            word("figure", lang),
            word("population", lang),
            word("country", lang),
            word("when", lang),
            word("source", lang),
        ]
        rows = []
        for c in comparisons:
            for i, f in enumerate(c.indicator.figures):
                rows.append(
                    [
                        escape(bank.text(c.indicator.title, lang)) if i == 0 else "",
                        team_value_text(c, lang) if i == 0 else "",
                        share_text(f, lang),
                        escape(_population(bank, f, lang)),
                        f.country,
                        when_text(f, lang) + (f" (n = {f.n})" if f.n else ""),
                        link(f.source.title, f.source.url),
                    ]
                )
        lines.extend(table(headers, rows, "llrlll"))
        lines.append("")
        for c in comparisons:
            figure = headline_figure(c.indicator)
            lines.append(f"- {escape(reading_sentence(report, c, figure))}")
            for f in c.indicator.figures:
                if f.note:
                    where = f"{f.country}, {when_text(f, lang)}"
                    lines.append(
                        f"  {word('note', lang)} ({where}): {escape(bank.text(f.note, lang))}"
                    )
    return lines


def _population(bank: Bank, figure: Figure, lang: str) -> str:
    text = bank.text(figure.population, lang)
    if figure.unit == "unstated":
        text += f" ({word('unit.unstated', lang)})"
    return text


def team_value_text(c: Reading, lang: str) -> str:
    """The team's side of a benchmark: yes, no, don't know, or no answer."""
    if c.team is None:
        return word("dont_know" if c.dont_know else "no_answer", lang)
    return word("yes" if c.team else "no", lang)


def _md_flags(report: Report) -> list[str]:
    lang, bank = report.lang, report.bank
    lines = [f"## {word('risks', lang)}", ""]
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


def disagreement_rows(report: Report) -> list[tuple[str, str, str]]:
    """(question, the answers given with their counts, the team's answer) per disagreement."""
    bank, lang, rows = report.bank, report.lang, []
    for item in _disagreements_json(report):
        q = bank.question(item["question"])
        given = ", ".join(
            f"{_spread_label(bank, q, key, lang)} ×{count}"
            for key, count in item["answers"].items()
        )
        team = item["team"]
        shown = answer_text(bank, q, team, lang) if team is not None else word("merge.open", lang)
        rows.append((item["title"], given, shown))
    return rows


def _spread_label(bank: Bank, q: Question, key: str, lang: str) -> str:
    """A counted answer ('4', 'yes', an option id) as people read it."""
    return answer_text(bank, q, q.tally_answer(key), lang)


def _md_actions(report: Report) -> list[str]:
    from innoscan.render.compare_report import target_title

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
    headers = [word(k, lang) for k in ("cmp.for", "cmp.what", "cmp.who", "cmp.by", "status")]
    return lines + table(headers, rows)


def _md_kept(report: Report) -> list[str]:
    unknown = [q for q in report.loaded.unknown if q in report.result.answers]
    if not unknown:
        return []
    lang = report.lang
    rows = [[escape(q), escape(_raw(report.result.answers[q]))] for q in unknown]
    return [
        f"## {word('kept_answers', lang)}",
        "",
        word("kept_intro", lang),
        "",
        *table([word("question_col", lang), word("answer_col", lang)], rows),
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
            rows.append([str(number), escape(bank.text(q.title, lang)), answer, note])
        headers = [
            "#",
            word("question_col", lang),
            word("answer_col", lang),
            word("note_col", lang),
        ]
        lines += [
            "",
            f"### {escape(bank.text(section.title, lang))}",
            "",
            *table(headers, rows, "rlll"),
        ]
    return lines


def _raw(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)
