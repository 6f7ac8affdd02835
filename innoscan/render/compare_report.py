"""A comparison of years, rendered as Markdown (to share) or JSON (for scripts)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from innoscan.assess.compare import YearComparison
from innoscan.content.bank import Bank
from innoscan.locales import word
from innoscan.render.bank_listing import answer_text
from innoscan.render.markdown import Picture, escape, first_rows, pictures_md, table, whole
from innoscan.render.report import factor_reason

SPARKS = "▁▂▃▄▅▆▇█"


def target_title(bank: Bank, target: str, lang: str) -> str:
    """'flag:no_owner' -> the rule's title; 'section:roles' -> the section's title."""
    kind, ident = target.split(":", 1)
    if kind == "flag":
        rule = next((r for r in bank.rules if r.id == ident), None)
        return bank.text(rule.title, lang) if rule else ident
    section = bank.section(ident)
    return bank.text(section.title, lang) if section else ident


def sparkline(values: list[float | None]) -> str:
    """A small text chart of 0-100 scores: '▂▅█', a space where a year has no score."""
    return "".join(" " if v is None else SPARKS[min(7, int(v / 100 * 8))] for v in values)


def compare_json(c: YearComparison, lang: str) -> dict[str, Any]:
    bank = c.bank
    return {
        "years": [y.year for y in c.years],
        "files": [str(y.loaded.path) for y in c.years],
        "sections": {
            s.section: {
                "title": bank.text(bank.section(s.section).title, lang),
                "scores": s.scores,
                "change": s.change,
                "coverage_differs": s.coverage_differs,
            }
            for s in c.sections
        },
        "index": [y.scores.index for y in c.years],
        "success_factors": c.factors,
        "success_factor_reasons": _reasons(c, lang),
        "flags": {"new": c.new, "resolved": c.resolved, "persisting": c.persisting},
        "moved": [
            {"question": m.question, "before": m.before, "after": m.after, "delta": m.delta}
            for m in c.moved
        ],
        "only_in_some_years": c.only_some,
        "changed_meaning": [
            {
                "version": change.version,
                "questions": list(change.questions),
                "replaced_by": change.replaced_by,
                "note": bank.text(change.note, lang),
            }
            for change in c.changes
        ],
        "unknown_answers": {str(year): ids for year, ids in c.unknown.items()},
        "actions": [
            {
                "year": f.year,
                **f.action.model_dump(),
                "target_title": target_title(bank, f.action.target, lang),
                "changed": [{"question": q, "before": b, "after": a} for q, b, a in f.changed],
                "section_change": f.section_change,
            }
            for f in c.follow_ups
        ],
    }


def compare_markdown(
    c: YearComparison, lang: str, pictures: Mapping[str, Picture] | None = None
) -> str:
    """The comparison to share; `pictures` (charts.compare_charts, drawn) after the scores."""
    bank, w = c.bank, lambda key, **v: word(key, lang, **v)
    years = [str(y.year) for y in c.years]
    last_meta = c.years[-1].loaded.result.meta
    lines = [f"# {w('cmp.title')}: {escape(last_meta.team)}, {years[0]}-{years[-1]}", ""]
    rows = [[y, escape(y_.loaded.path.name)] for y, y_ in zip(years, c.years, strict=True)]
    lines += table([w("year"), w("cmp.file")], rows)

    trend = len(c.years) >= 3
    headers = [w("section"), *years, w("cmp.change")] + ([w("cmp.trend")] if trend else [])
    rows, marked = [], False
    for s in c.sections:
        title = escape(bank.text(bank.section(s.section).title, lang))
        if s.coverage_differs:
            title += " \\*"
            marked = True
        row = [title, *(whole(v) for v in s.scores), _signed(s.change)]
        rows.append(row + ([sparkline(s.scores)] if trend else []))
    index = [y.scores.index for y in c.years]
    first, last = index[0], index[-1]
    change = None if first is None or last is None else round(last - first, 1)
    title = bank.text(bank.scoring.index.title, lang) if bank.scoring.index else "Index"
    rows.append(
        [f"**{escape(title)}**", *(whole(v) for v in index), _signed(change)]
        + ([sparkline(index)] if trend else [])
    )
    lines += [
        "",
        f"## {w('scores')}",
        "",
        *table(headers, rows, "l" + "r" * (len(years) + 1) + ("l" if trend else "")),
    ]
    if marked:
        lines += ["", w("cmp.coverage_note")]
    if c.changes:
        lines += ["", w("cmp.changed_left_out", n=len(c.changed))]
    lines += pictures_md(pictures, "trend")

    if c.factors:
        rows = []
        reasons = _reasons(c, lang)
        for fid, statuses in c.factors.items():
            rule = next(f for f in bank.scoring.success_factors if f.id == fid)
            cells = []
            for status, why in zip(statuses, reasons[fid], strict=True):
                shown = w(f"factor.{status}" if status else "factor.none")
                cells.append(escape(f"{shown}: {why}" if why else shown))
            rows.append([escape(bank.text(rule.title, lang)), *cells])
        lines += ["", f"## {w('cmp.factors')}", "", *table([w("success_factor"), *years], rows)]

    lines += ["", f"## {w('cmp.flags')}", "", w("cmp.flags_since", year=years[-2]), ""]
    for key, ids in (
        ("cmp.new", c.new),
        ("cmp.resolved", c.resolved),
        ("cmp.persisting", c.persisting),
    ):
        titles = [escape(target_title(bank, f"flag:{i}", lang)) for i in ids]
        lines.append(f"- **{w(key)}**: {'; '.join(titles) if titles else w('cmp.none')}")

    lines += ["", f"## {w('cmp.moved')}", ""]
    if c.moved:
        rows = [
            [
                escape(bank.text(bank.question(m.question).title, lang)),
                escape(answer_text(bank, bank.question(m.question), m.before, lang)),
                escape(answer_text(bank, bank.question(m.question), m.after, lang)),
                _signed(m.delta),
            ]
            for m in c.moved
        ]
        lines += table([w("question_col"), years[0], years[-1], w("cmp.change")], rows, "lllr")
    else:
        lines.append(w("cmp.moved_none"))

    if c.follow_ups:
        rows = []
        for f in c.follow_ups:
            changed = [
                f"{escape(bank.text(bank.question(q).title, lang))}: "
                f"{escape(_answer(bank, q, b, lang))} → {escape(_answer(bank, q, a, lang))}"
                for q, b, a in f.changed
            ]
            if f.section_change is not None:
                changed.insert(0, w("cmp.section_change", change=_signed(f.section_change)))
            rows.append(
                [
                    str(f.year),
                    escape(target_title(bank, f.action.target, lang)),
                    escape(f.action.what),
                    escape(f.action.who),
                    escape(f.action.by),
                    w(f"status.{f.action.status}"),
                    "; ".join(changed) or w("cmp.nothing_changed"),
                ]
            )
        headers = [
            w("year"),
            w("cmp.for"),
            w("cmp.what"),
            w("cmp.who"),
            w("cmp.by"),
            w("cmp.done"),
            w("cmp.since"),
        ]
        lines += ["", f"## {w('cmp.actions')}", "", *table(headers, rows)]

    lines += _changed_meaning(c, lang)
    if c.only_some or c.unknown:
        lines += ["", f"## {w('cmp.not_compared')}", ""]
        if c.only_some:
            lines.append(w("cmp.only_some"))
            lines.append("")
            for qid, answered in c.only_some.items():
                lines.append(f"- {escape(qid)}: {', '.join(map(str, answered))}")
        for year, ids in c.unknown.items():
            shown, more = first_rows(ids, lang)
            lines += ["", w("cmp.unknown", year=year), ""]
            lines.extend(f"- {escape(q)}" for q in shown)
            lines.extend(more)
    return "\n".join(lines).rstrip() + "\n"


def _changed_meaning(c: YearComparison, lang: str) -> list[str]:
    """The questions whose meaning changed between the years' bank versions, with why."""
    if not c.changes:
        return []
    bank = c.bank
    old, new = c.versions
    lines = [
        "",
        f"## {word('cmp.changed', lang)}",
        "",
        word("cmp.changed_intro", lang, old=old, new=new),
    ]
    lines.append("")
    for change in c.changes:
        titles = [_question_title(bank, q, lang) for q in change.questions]
        line = f"- {'; '.join(titles)} ({change.version}): {escape(bank.text(change.note, lang))}"
        if change.replaced_by:
            now = _question_title(bank, change.replaced_by, lang)
            line += f" {word('cmp.now_asked_as', lang, title=now)}"
        lines.append(line)
    return lines


def _question_title(bank: Bank, qid: str, lang: str) -> str:
    """A question by its title, or by its id where the bank no longer has it."""
    q = bank.question(qid)
    return escape(bank.text(q.title, lang)) if q else f"{escape(qid)} {word('cmp.gone', lang)}"


def _reasons(c: YearComparison, lang: str) -> dict[str, list[str]]:
    """Per factor, per year: the answers that decided its status."""
    return {
        f.id: [
            factor_reason(c.bank, next(x for x in y.scores.factors if x.id == f.id), lang)
            for y in c.years
        ]
        for f in c.bank.scoring.success_factors
    }


def _answer(bank: Bank, qid: str, value: Any, lang: str) -> str:
    return "—" if value is None else answer_text(bank, bank.question(qid), value, lang)


def _signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.0f}"
