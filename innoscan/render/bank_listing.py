"""The bank for people (a numbered listing) and for scripts (JSON, shaped as the README says)."""

from __future__ import annotations

import textwrap
from collections import Counter
from typing import Any

from innoscan.content.bank import Bank, Question
from innoscan.content.conditions import Condition
from innoscan.locales import word


def bank_json(bank: Bank, lang: str) -> dict[str, Any]:
    """`innoscan questions --json`: titles and labels in `lang`."""
    return {
        "bank": {"id": bank.id, "version": bank.version, "languages": list(bank.languages)},
        "sections": [
            {
                "id": section.id,
                "title": bank.text(section.title, lang),
                "questions": [_question_json(bank, q, lang) for q in section.questions],
            }
            for section in bank.sections
        ],
    }


def _question_json(bank: Bank, q: Question, lang: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": q.id,
        "kind": q.kind,
        "title": bank.text(q.title, lang),
        "help": bank.text(q.help, lang),
        **q.listing_json(bank, lang),
    }
    if q.when is not None:
        data["when"] = q.when.to_data()
    data["scored"] = q.is_scored
    data["origin"] = q.origin
    return data


def bank_text(bank: Bank, lang: str, width: int = 88) -> str:
    """`innoscan questions`: sections and numbered questions with their answer options."""
    lines = [f"{bank.text(bank.title, lang)} ({bank.id} {bank.version})", ""]
    number = 0
    for s_index, section in enumerate(bank.sections, 1):
        lines.append(f"{s_index}. {bank.text(section.title, lang)}")
        if section.intro:
            lines.extend(_wrap(bank.text(section.intro, lang), width, "   "))
        lines.append("")
        for q in section.questions:
            number += 1
            head = f"{number:>3}. "
            lines.extend(_wrap(bank.text(q.title, lang), width, " " * 5, head))
            for line in q.listing_lines(bank, lang):
                lines.extend(_wrap(line, width, " " * 7))
            if q.origin:
                origin = f"{word('origin.label', lang)}: {word('origin.' + q.origin, lang)}"
                lines.extend(_wrap(origin, width, " " * 7))
            if q.when is not None:
                text = f"{word('asked_when', lang)}: {describe_condition(bank, q.when, lang)}"
                lines.extend(_wrap(text, width, " " * 7, "     ("))
                lines[-1] += ")"
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def describe_condition(bank: Bank, condition: Condition, lang: str) -> str:
    """A condition in words: 'activity.products = yes, or activity.services = yes'."""
    if condition.all_ is not None or condition.any_ is not None:
        parts = condition.all_ if condition.all_ is not None else condition.any_
        joiner = word("and" if condition.all_ is not None else "or", lang)
        return f", {joiner} ".join(describe_condition(bank, c, lang) for c in parts)
    if condition.not_ is not None:
        return f"{word('not', lang)} ({describe_condition(bank, condition.not_, lang)})"
    q = bank.question(condition.question)
    key, value = condition.test
    number = next((i for i, x in enumerate(bank.questions, 1) if x.id == condition.question), 0)
    name = f"{word('question', lang)} {number}"

    def show(v: Any) -> str:
        return q.value_label(bank, v, lang) if q is not None else str(v)

    if key == "answered":
        return f"{name} {word('is_answered' if value else 'is_unanswered', lang)}"
    if key == "equals":
        return f"{name} = {show(value)}"
    if key == "in":
        return f"{name} = " + f" {word('or', lang)} ".join(show(v) for v in value)
    if key == "not_in":
        return f"{name} ≠ " + f" {word('or', lang)} ".join(show(v) for v in value)
    if key == "includes":
        return f"{name} {word('includes', lang)} {show(value)}"
    return f"{name} {'≤' if key == 'at_most' else '≥'} {value:g}"


def answer_text(bank: Bank, q: Question, value: Any, lang: str) -> str:
    """An answer as people read it: 'Agree (4)', 'yes', the option labels, '12 innovations'."""
    return q.answer_text(bank, value, lang)


def _wrap(text: str, width: int, indent: str, first: str | None = None) -> list[str]:
    first = indent if first is None else first
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=indent) or [first]


def bank_summary(bank: Bank, lang: str) -> str:
    """What `innoscan validate` says of a bank that is in order: its size and contents."""
    kinds = Counter(q.kind for q in bank.questions)
    lines = [
        f"{word('bank_ok', lang)}: {bank.path} ({bank.id} {bank.version})",
        f"{len(bank.sections)} {word('sections', lang)}, {len(bank.questions)} "
        f"{word('questions', lang)}, {word('languages', lang)}: {', '.join(bank.languages)}",
        "  " + " · ".join(f"{word('kind.' + k, lang)} {n}" for k, n in sorted(kinds.items())),
    ]
    for section in bank.sections:
        title = bank.text(section.title, lang)
        lines.append(f"  {section.id}: {len(section.questions)} — {title}")
    figures = sum(len(i.figures) for i in bank.indicators)
    lines.append(
        word(
            "bank_content",
            lang,
            factors=len(bank.scoring.success_factors),
            indicators=len(bank.indicators),
            figures=figures,
            rules=len(bank.rules),
        )
    )
    return "\n".join(lines) + "\n"
