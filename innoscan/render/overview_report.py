"""The overview of many teams, rendered as Markdown (for the board) or JSON (for scripts).

Nothing of a respondent is ever shown; anonymised, no team's name, organisation or file.
"""

from __future__ import annotations

from typing import Any

from innoscan.assess.overview import Innovated, Overview, Picture, Spread, TeamYear
from innoscan.locales import word
from innoscan.render.markdown import whole
from innoscan.render.report_json import figure_json

SKIP_REASONS = ("problem", "in_progress", "duplicate", "copy", "rescue")


def team_name(ov: Overview, key: str, lang: str) -> str:
    """A team as the overview names it: its name, or 'Team C' when anonymised."""
    label = ov.labels[key]
    if ov.anonymised:
        return word("ov.team_letter", lang, letter=label)
    return label.strip() or word("no_name", lang)


def factor_cell(team: TeamYear, factor_id: str, lang: str) -> str:
    """'present (78)', or 'unknown' for a factor without a score."""
    found = next(f for f in team.scores.factors if f.id == factor_id)
    if found.status is None:
        return word("ov.unknown", lang)
    return f"{word(f'factor.{found.status}', lang)} ({whole(found.score)})"


def count_text(n: int, of: int, lang: str) -> str:
    """'9 of 24 (38 %)'."""
    return word("ov.count", lang, n=n, m=of, pct=int(100 * n / of + 0.5) if of else 0)


def skip_reason(skipped, lang: str) -> str:
    return word(f"skip.{skipped.reason}", lang, detail=skipped.detail)


def left_out(ov: Overview, lang: str) -> list[str]:
    """For standard error: what was read and left out; anonymised, each file left out (the
    overview does not name them)."""
    lines = []
    if ov.anonymised:
        lines = [f"{s.path}: {skip_reason(s, lang)}" for s in ov.skipped]
    lines.append(
        word(
            "ov.read",
            lang,
            n=sum(len(p.teams) for p in ov.pictures),
            years=", ".join(str(p.year) for p in ov.pictures),
            skipped=len(ov.skipped),
            individual=ov.files.individual,
        )
    )
    return lines


# ── JSON ──────────────────────────────────────────────────────────────────────────────


def overview_json(ov: Overview, lang: str) -> dict[str, Any]:
    """The overview for scripts (shape in the README)."""
    moved = ov.moved()
    data: dict[str, Any] = {
        "year": ov.year,
        "years": [p.year for p in ov.pictures],
        "anonymised": ov.anonymised,
        "organisation": ov.organisation(),
        "teams": [_team_json(ov, t, lang) for t in ov.current.teams],
        "per_year": {str(p.year): _picture_json(ov, p, lang) for p in ov.pictures},
        "moved": None,
        "skipped": _skipped_json(ov, lang),
        "individual_files_not_read": ov.files.individual,
        "other_bank_version": ov.files.other_version,
        "later_years_left_out": ov.later,
    }
    if moved is not None:
        data["moved"] = {
            "since": moved.since,
            "success_factors": {fid: _by_status(c) for fid, c in moved.factors.items()},
            "risks": moved.risks,
            "section_medians": moved.sections,
            "index_median": moved.index,
            "innovated": moved.innovated,
            "only_in": {
                str(moved.since): [team_name(ov, k, lang) for k in moved.only_before],
                str(ov.year): [team_name(ov, k, lang) for k in moved.only_now],
            },
        }
    return data


def _team_json(ov: Overview, team: TeamYear, lang: str) -> dict[str, Any]:
    bank, worst = ov.bank, team.most_severe
    row: dict[str, Any] = {"team": team_name(ov, team.key, lang)}
    if not ov.anonymised:
        row.update(organisation=team.organisation, file=str(team.path))
    row.update(
        index=team.scores.index,
        index_change=ov.index_change(team),
        success_factors={f.id: f.status for f in team.scores.factors},
        success_factor_scores={f.id: f.score for f in team.scores.factors},
        section_scores={sid: s.score for sid, s in team.scores.sections.items()},
        flags=len(team.flags),
        most_severe=None
        if worst is None
        else {"id": worst.id, "severity": worst.severity, "title": bank.text(worst.title, lang)},
    )
    return row


def _picture_json(ov: Overview, p: Picture, lang: str) -> dict[str, Any]:
    bank = ov.bank
    return {
        "teams": len(p.teams),
        "success_factors": {fid: _by_status(c) for fid, c in p.factors.items()},
        "risks": [
            {
                "id": rule.id,
                "severity": rule.severity,
                "title": bank.text(rule.title, lang),
                "teams": n,
            }
            for rule, n in p.risks
        ],
        "sections": {
            sid: {"title": bank.text(bank.section(sid).title, lang), **_spread_json(s)}
            for sid, s in p.sections.items()
        },
        "index": _spread_json(p.index),
        "innovated": [_innovated_json(ov, i, lang) for i in p.innovated],
    }


def _by_status(values: dict) -> dict:
    """Per status, "unknown" for a factor without a score (JSON keys are text)."""
    return {status or "unknown": value for status, value in values.items()}


def _spread_json(s: Spread) -> dict[str, Any]:
    return {
        "teams": s.teams,
        "no_score": s.missing,
        "median": s.median,
        "q1": s.q1,
        "q3": s.q3,
        "min": s.low,
        "max": s.high,
    }


def _innovated_json(ov: Overview, item: Innovated, lang: str) -> dict[str, Any]:
    bank = ov.bank
    return {
        "id": item.indicator.id,
        "title": bank.text(item.indicator.title, lang),
        "yes": item.yes,
        "no": item.no,
        "no_answer": item.unknown,
        "share": item.share,
        "figures": [figure_json(bank, f, lang) for f in item.indicator.figures],
    }


def _skipped_json(ov: Overview, lang: str) -> list[dict[str, Any]] | dict[str, int]:
    """Each file left out with its reason; anonymised, only how many per reason (a file's
    name would name its team)."""
    if ov.anonymised:
        return {r: n for r in SKIP_REASONS if (n := sum(s.reason == r for s in ov.skipped))}
    return [
        {"file": str(s.path), "reason": s.reason, "why": skip_reason(s, lang)} for s in ov.skipped
    ]


# ── shared by the Markdown ─────────────────────────────────────────────────────────────


def statuses(p: Picture) -> list[str | None]:
    """present, partly, absent, and 'unknown' only where a team has no score."""
    return [s for s in ("present", "partly", "absent", None) if s or _any_unknown(p)]


def _any_unknown(p: Picture) -> bool:
    return any(counts[None] for counts in p.factors.values())


def status_word(status: str | None, lang: str) -> str:
    return word(f"factor.{status}", lang) if status else word("ov.unknown", lang)


def factor_title(ov: Overview, factor_id: str, lang: str) -> str:
    rule = next(f for f in ov.bank.scoring.success_factors if f.id == factor_id)
    return ov.bank.text(rule.title, lang)


def index_title(ov: Overview, lang: str) -> str:
    index = ov.bank.scoring.index
    return ov.bank.text(index.title, lang) if index else "Index"


def spread_row(title: str, s: Spread, teams: int, lang: str) -> list[str]:
    if s.median is None:
        return [title, word("n_of_m", lang, n=0, m=teams), "—", "—", "—"]
    return [
        title,
        word("n_of_m", lang, n=s.teams, m=teams),
        whole(s.median),
        f"{whole(s.q1)}–{whole(s.q3)}",
        f"{whole(s.low)}–{whole(s.high)}",
    ]


def signed(value: float | None, unit: str = "") -> str:
    return "—" if value is None else f"{value:+.0f}{unit}"
