"""The report of one result as JSON, for scripts: the same content as the Markdown."""

from __future__ import annotations

from typing import Any

from innoscan.assess.flags import Flag
from innoscan.assess.readings import Reading
from innoscan.assess.scoring import FactorResult
from innoscan.content.bank import Bank
from innoscan.content.figures import Figure
from innoscan.render.bank_listing import answer_text
from innoscan.render.report import (
    Report,
    disagreement_items,
    factor_reason,
    figures_in_order,
    headline_figure,
    is_own_type,
    own_type_missing,
    own_words,
    reading_sentence,
    report_date,
    when_text,
)


def report_json(report: Report) -> dict[str, Any]:
    """The report for scripts (shape documented in the README)."""
    bank, lang, result = report.bank, report.lang, report.result
    meta = result.meta
    answered, applicable = report.answered_count()
    scores = report.scores
    return {
        "team": meta.team,
        "organisation": meta.organisation,
        "org_type": meta.org_type,
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
                "dont_know": s.dont_know,
                "not_applicable": s.not_applicable,
                "to_settle": report.to_settle(sid),
            }
            for sid, s in scores.sections.items()
        },
        "index": scores.index,
        "index_title": bank.text(bank.scoring.index.title, lang) if bank.scoring.index else None,
        "success_factors": {f.id: f.status for f in scores.factors},
        "success_factor_scores": {f.id: f.score for f in scores.factors},
        "success_factor_reasons": {f.id: _factor_json(report, f) for f in scores.factors},
        "conventions": [
            {"about": bank.text(c.about, lang), "why": bank.text(c.why, lang)}
            for c in bank.scoring.conventions
        ],
        "benchmarks": [_comparison_json(report, c) for c in report.readings],
        "no_published_figure": _sections_without_figures(report),
        "flags": [_flag_json(report, f) for f in report.flags],
        "own_words": own_words(report),
        "disagreements": disagreement_items(report),
        "actions": [a.model_dump() for a in result.actions],
        "unknown_answers": {
            q: result.answers[q] for q in report.loaded.unknown if q in result.answers
        },
        "warnings": [warning.text(lang) for warning in report.loaded.warnings],
    }


def _factor_json(report: Report, factor: FactorResult) -> dict[str, Any]:
    bank, lang = report.bank, report.lang
    return {
        "decided_by": [
            {
                "question": qid,
                "answer": value,
                "answer_text": None
                if value is None
                else answer_text(bank, bank.question(qid), value, lang),
            }
            for qid, value in factor.decided_by
        ],
        "missing": factor.missing,
        "held_down": factor.held_down,
        "reason": factor_reason(bank, factor, lang),
        "to_settle": report.to_settle(factor.section),
    }


def _comparison_json(report: Report, reading: Reading) -> dict[str, Any]:
    bank, lang, ind = report.bank, report.lang, reading.indicator
    return {
        "id": ind.id,
        "section": ind.section,
        "title": bank.text(ind.title, lang),
        "team": reading.team,
        "applies": reading.applies,
        "reading": reading_sentence(report, reading, headline_figure(report, ind)),
        "own_type_missing": own_type_missing(report, ind),
        "figures": [
            {
                **figure_json(bank, f, lang),
                "own_type": is_own_type(report, f),
                "reading": reading_sentence(report, reading, f),
            }
            for f in figures_in_order(report, ind)
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
        "org_type": f.org_type,
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


def _sections_without_figures(report: Report) -> list[str]:
    with_figures = {c.indicator.section for c in report.readings}
    return [s.id for s in report.bank.sections if s.id not in with_figures]
