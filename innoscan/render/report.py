"""The report of one result: built once, with the wording its renderings share.

The Markdown is in `report_markdown`, the JSON in `report_json`; `formats` names every export
format and its writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from innoscan.assess.flags import Flag, flags
from innoscan.assess.readings import Reading, readings
from innoscan.assess.scoring import FactorResult, Scores, SectionScore, score
from innoscan.content.bank import DONT_KNOW, Bank, Question
from innoscan.content.figures import SHARE, Figure, Indicator
from innoscan.locales import word
from innoscan.render.bank_listing import answer_text
from innoscan.store.result import LoadedResult, Result

if TYPE_CHECKING:
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

    def to_settle(self, section_id: str) -> int | None:
        """How many asked questions of a section a merged profile has still to settle (None
        for a result that is not merged)."""
        if self.result.merge is None:
            return None
        from innoscan.assess.merge import to_settle  # a merged profile's: loaded for one

        open_ids = to_settle(self.result)
        asked = self.bank.asked(self.result.answers)
        return sum(q.id in open_ids for q in asked if q.section_id == section_id)


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
    """The report of a session's answers as they are now (a copy: later changes stay out)."""
    loaded = LoadedResult(session.result.model_copy(deep=True), session.path, session.warnings)
    return build_report(session.bank, loaded, lang)


# ── shared wording ────────────────────────────────────────────────────────────────────


def share_text(figure: Figure, lang: str) -> str:
    """'76 %', 'about 50 %', '60-65 %'."""
    value = f"{figure.value:g}"
    if figure.value_high is not None:
        value += f"-{figure.value_high:g}"
    qualifier = word(f"q.{figure.qualifier}", lang) if figure.qualifier else ""
    return word("share", lang, q=qualifier, v=value)


def when_text(figure: Figure, lang: str, with_n: bool = False) -> str:
    """'2025', '2018-2019', 'edition 4', or 'year not stated'; `with_n`: and how many it
    counts where that is published, '2026 (n = 41)'."""
    if figure.year is not None:
        when = str(figure.year)
    elif isinstance(figure.period, dict):
        when = figure.period.get(lang) or next(iter(figure.period.values()))
    else:
        when = figure.period or word("year_unstated", lang)
    return f"{when} (n = {figure.n})" if with_n and figure.n else when


def reading_sentence(report: Report, reading: Reading, figure: Figure) -> str:
    """One line: 'Like 76 % of Dutch government organisations (2025), your team ...', or with
    the figure's statement: 'Better quality of services was ...: 75 % (2025). According to
    your answers, your team ...'."""
    lang, bank, ind = report.lang, report.bank, reading.indicator
    if reading.team is None:
        return word("reading.none" if reading.applies else "reading.not_asked", lang)
    key, team = ("reading.yes", ind.yes) if reading.team else ("reading.no", ind.no)
    share, when = share_text(figure, lang), when_text(figure, lang)
    if figure.statement:
        statement = bank.text(figure.statement, lang).replace(SHARE, share)
        return word(
            "reading.statement", lang, statement=statement, when=when, team=bank.text(team, lang)
        )
    pop = bank.text(figure.population, lang)
    return word(key, lang, share=share, pop=pop, when=when, team=bank.text(team, lang))


def figures_in_order(report: Report, indicator: Indicator) -> list[Figure]:
    """The indicator's figures, the one for the team's own kind of organisation first."""
    own = report.result.meta.org_type
    return sorted(indicator.figures, key=lambda f: own is None or f.org_type != own)


def is_own_type(report: Report, figure: Figure) -> bool:
    """Whether the figure is about the team's own kind of organisation."""
    return figure.org_type is not None and figure.org_type == report.result.meta.org_type


def own_type_missing(report: Report, indicator: Indicator) -> str | None:
    """'No separate figure ... (municipality)' where the indicator has figures per kind of
    organisation, but none for the team's own kind."""
    own = report.result.meta.org_type
    kinds = {f.org_type for f in indicator.figures} - {None}
    if own is None or not kinds or own in kinds:
        return None
    return word(
        "org_type.none_published", report.lang, type=word(f"org_type.{own}", report.lang).lower()
    )


def short_source(figure: Figure) -> str:
    """A figure's source as a chart or a narrow screen shows it: 'BZK, persbericht 1-10-2025'."""
    return figure.source.title.split(":")[0]


def headline_figure(report: Report, indicator: Indicator) -> Figure:
    """The figure a reading uses: the one for the team's own kind of organisation, else the
    newest Dutch one for all kinds, else the first listed."""
    own = [f for f in indicator.figures if is_own_type(report, f)]
    if own:
        return own[0]
    dutch = [f for f in indicator.figures if f.country == "NL" and f.org_type is None]
    if dutch:
        return max(dutch, key=lambda f: f.year or 0)
    return indicator.figures[0]


def factor_title(report: Report, factor_id: str) -> str:
    rule = next(f for f in report.bank.scoring.success_factors if f.id == factor_id)
    return report.bank.text(rule.title, report.lang)


def factor_reason(bank: Bank, factor: FactorResult, lang: str) -> str:
    """The answers that decided a factor's status: 'Innovation role: no; Catalyst unit or
    lab: No', and that what they lack is needed for present."""
    rule = next(f for f in bank.scoring.success_factors if f.id == factor.id)
    parts = []
    for qid, value in factor.decided_by:
        q = bank.question(qid)
        shown = word("no_answer", lang) if value is None else answer_text(bank, q, value, lang)
        parts.append(f"{bank.text(rule.names.get(qid), lang) or qid}: {shown}")
    text = "; ".join(parts)
    return f"{text} ({word('factor.needed', lang)})" if factor.missing else text


def coverage_text(report: Report, section: SectionScore, short: bool = False) -> str:
    """'6 of 7' ('6/7 answered' when `short`), with the don't-know, does-not-apply and
    to-settle counts where there are any."""
    lang, n, m = report.lang, section.answered, section.total
    parts = [word("tui.coverage", lang, n=n, m=m) if short else word("n_of_m", lang, n=n, m=m)]
    counts = [
        ("coverage.dont_know", section.dont_know),
        ("coverage.not_applicable", section.not_applicable),
        ("coverage.to_settle", report.to_settle(section.section) or 0),
    ]
    parts += [word(name, lang, n=n) for name, n in counts if n]
    return " · ".join(parts)


def mode_text(report: Report) -> str:
    """Who answered: the team together, N respondents merged, or one respondent."""
    lang, meta = report.lang, report.result.meta
    if report.result.merge is not None:
        return word("mode.merged", lang, n=report.result.merge.respondents)
    text = word(f"mode.{meta.mode}", lang)
    if meta.mode == "individual":
        return f"{text} ({meta.respondent or word('anonymous', lang)})"
    if meta.respondents > 1:
        return f"{text} ({word('respondents', lang).lower()}: {meta.respondents})"
    return text


def own_words(report: Report) -> str | None:
    """The team's own words on its biggest obstacle (risks.toml `own_words`), if it gave them."""
    qid = report.bank.own_words
    answer = report.bank.answers_that_count(report.result.answers).get(qid) if qid else None
    if not isinstance(answer, str) or answer == DONT_KNOW:
        return None
    return answer.strip() or None


def section_readings(report: Report, section_id: str) -> tuple[list[Reading], str | None]:
    """A section's readings that apply to the team, and a line naming those left out because
    their questions do not apply (None when there are none)."""
    readings_here = [c for c in report.readings if c.indicator.section == section_id]
    skipped = [
        report.bank.text(c.indicator.title, report.lang) for c in readings_here if not c.applies
    ]
    line = word("benchmarks_not_asked", report.lang, titles="; ".join(skipped)) if skipped else None
    return [c for c in readings_here if c.applies], line


def team_value_text(c: Reading, lang: str) -> str:
    """The team's side of a benchmark: yes, no, don't know, no answer, or does not apply."""
    if c.team is None and not c.applies:
        return word("not_applicable", lang)
    if c.team is None:
        return word("dont_know" if c.dont_know else "no_answer", lang)
    return word("yes" if c.team else "no", lang)


def disagreement_rows(report: Report) -> list[tuple[str, str, str]]:
    """(question, the answers given with their counts, the team's answer) per disagreement."""
    return [
        (title, ", ".join(f"{label} ×{count}" for label, count in given), team)
        for title, given, team in disagreement_spreads(report)
    ]


def disagreement_spreads(report: Report) -> list[tuple[str, list[tuple[str, int]], str]]:
    """(question, [(an answer as people read it, how many gave it)], the team's answer) per
    disagreement, in the bank's order."""
    bank, lang, spreads = report.bank, report.lang, []
    for item in disagreement_items(report):
        q = bank.question(item["question"])
        given = [(spread_label(bank, q, key, lang), n) for key, n in item["answers"].items()]
        team = item["team"]
        shown = answer_text(bank, q, team, lang) if team is not None else word("merge.open", lang)
        spreads.append((item["title"], given, shown))
    return spreads


def population_text(report: Report, figure: Figure, mark_own: bool = True) -> str:
    """Whom a figure counts; that the source does not say its unit, where it does not; and
    that it is the team's own kind of organisation, where it is."""
    text = report.bank.text(figure.population, report.lang)
    if figure.unit == "unstated":
        text += f" ({word('unit.unstated', report.lang)})"
    if mark_own and is_own_type(report, figure):
        text += f" ({word('org_type.yours', report.lang)})"
    return text


def spread_label(bank: Bank, q: Question, key: str, lang: str) -> str:
    """A counted answer ('4', 'yes', an option id) as people read it."""
    return answer_text(bank, q, q.tally_answer(key), lang)


def report_date(report: Report) -> str:
    """The day the answers were last changed (else made), as YYYY-MM-DD."""
    meta = report.result.meta
    stamp = meta.updated or meta.created
    return (stamp.date() if stamp else date.today()).isoformat()


def disagreement_items(report: Report) -> list[dict[str, Any]]:
    """The disagreements of a merged profile, as data: question, title, answers, team."""
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
