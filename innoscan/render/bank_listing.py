"""The bank for people (a numbered listing) and for scripts (JSON in the shape of design.md)."""

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
    }
    if q.options is not None:
        data["options"] = [{"id": o.id, "label": bank.text(o.label, lang)} for o in q.options]
    scale = bank.scale_of(q)
    if scale is not None:
        data["scale"] = {
            "min": scale.min,
            "max": scale.max,
            "labels": [bank.text(label, lang) for label in scale.labels],
        }
        data["reverse"] = q.reverse
    if q.kind == "number":
        data["min"], data["max"] = q.min, q.max
        data["unit"] = bank.text(q.unit, lang) if q.unit else None
    data["dont_know"] = q.dont_know
    if q.max_choices is not None:
        data["max_choices"] = q.max_choices
    if q.when is not None:
        data["when"] = q.when.to_data()
    data["scored"] = q.is_scored
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
            for line in answer_lines(bank, q, lang):
                lines.extend(_wrap(line, width, " " * 7))
            if q.when is not None:
                text = f"{word('asked_when', lang)}: {describe_condition(bank, q.when, lang)}"
                lines.extend(_wrap(text, width, " " * 7, "     ("))
                lines[-1] += ")"
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def answer_lines(bank: Bank, q: Question, lang: str) -> list[str]:
    """The allowed answers of a question, one line each, numbered as the keys pick them."""
    if q.kind == "likert":
        scale = bank.scale_of(q)
        assert scale is not None
        points = [
            f"{scale.min + i} {bank.text(label, lang)}" for i, label in enumerate(scale.labels)
        ]
        lines = [" · ".join(points)]
    elif q.kind == "yes_no":
        lines = [f"{word('yes', lang)} / {word('no', lang)}"]
    elif q.kind in ("single_choice", "multiple_choice"):
        mark = "( )" if q.kind == "single_choice" else "[ ]"
        lines = [
            f"{mark} {i}. {bank.text(o.label, lang)}" for i, o in enumerate(q.options or (), 1)
        ]
        if q.kind == "multiple_choice":
            how = (
                word("up_to", lang, n=q.max_choices) if q.max_choices else word("any_number", lang)
            )
            lines.insert(0, f"({how})")
    elif q.kind == "number":
        bounds = _bounds(q.min, q.max)
        unit = bank.text(q.unit, lang) if q.unit else ""
        lines = [" ".join(p for p in (word("a_number", lang), bounds, unit) if p)]
    else:
        lines = [f"({word('free_text', lang)})"]
    if q.dont_know:
        if q.kind in ("single_choice", "multiple_choice"):
            lines.append(f"{mark} {len(q.options or ()) + 1}. {word('dont_know', lang)}")
        else:
            lines[-1] += f" / {word('dont_know', lang)}"
    if q.reverse:
        lines.append(f"[{word('reverse', lang)}]")
    return lines


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
        return _value_label(bank, q, v, lang)

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
    if value == "dont_know":
        return word("dont_know", lang)
    if q.kind == "likert":
        scale = bank.scale_of(q)
        if scale is not None and isinstance(value, int) and scale.min <= value <= scale.max:
            return f"{bank.text(scale.labels[value - scale.min], lang)} ({value})"
    if q.kind == "multiple_choice" and isinstance(value, list):
        return "; ".join(_value_label(bank, q, v, lang) for v in value)
    if q.kind == "number" and isinstance(value, int | float):
        unit = bank.text(q.unit, lang) if q.unit else ""
        number = f"{value:g}".replace(".", ",") if lang == "nl" else f"{value:g}"  # 2,5 in Dutch
        return f"{number} {unit}".strip()
    if q.kind == "text":
        return str(value)
    return _value_label(bank, q, value, lang)


def _bounds(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:g}-{high:g}"
    if low is not None:
        return f"≥ {low:g}"
    return f"≤ {high:g}" if high is not None else ""


def _value_label(bank: Bank, q: Question | None, value: Any, lang: str) -> str:
    if value in ("yes", "no", "dont_know"):
        return word(value, lang)
    if q is not None and isinstance(value, str):
        option = q.option(value)
        if option is not None:
            return bank.text(option.label, lang)
    return str(value)


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
