"""The report of one result: built once, with the wording its renderings share, and as JSON.

The Markdown is in `report_markdown`; `formats` names every export format and its writer.
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
from innoscan.store.result import LoadedResult, Result
from innoscan.store.session import Session


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

    def answered_count(self) -> tuple[int, int]:
        applicable = self.bank.asked(self.result.answers)
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


def session_report(session: Session, lang: str) -> Report:
    """The report of a session's answers as they are now."""
    loaded = LoadedResult(session.result, session.path, session.warnings)
    return build_report(session.bank, loaded, lang)


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


def team_value_text(c: Reading, lang: str) -> str:
    """The team's side of a benchmark: yes, no, don't know, or no answer."""
    if c.team is None:
        return word("dont_know" if c.dont_know else "no_answer", lang)
    return word("yes" if c.team else "no", lang)


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
        "date": report_date(report),
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
            {**figure_json(bank, f, lang), "reading": reading_sentence(report, reading, f)}
            for f in ind.figures
        ],
    }


def figure_json(bank: Bank, f: Figure, lang: str) -> dict[str, Any]:
    """A published figure with its source, for scripts."""
    return {
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


def report_date(report: Report) -> str:
    """The day the answers were last changed (else made), as YYYY-MM-DD."""
    meta = report.result.meta
    stamp = meta.updated or meta.created
    return (stamp.date() if stamp else date.today()).isoformat()
