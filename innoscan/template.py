"""The answer sheet: a result file to fill in with a text editor, every question a comment."""

from __future__ import annotations

import json
import textwrap

from innoscan.bank import Bank, Question
from innoscan.bank_export import describe_condition
from innoscan.i18n import word
from innoscan.result import Result

_SHEET = {
    "nl": [
        "innoscan antwoordformulier: {title} ({bank} {version})",
        "Vul de antwoorden in: haal '# ' weg voor de regel met de sleutel van een vraag en",
        "zet het antwoord achter '='. Vul ook [meta] aan (team, organisatie).",
        "Maak daarna het rapport: innoscan report DIT_BESTAND",
    ],
    "en": [
        "innoscan answer sheet: {title} ({bank} {version})",
        "Fill in the answers: remove the '# ' before a question's key line and put the",
        "answer after '='. Complete [meta] too (team, organisation).",
        "Then make the report: innoscan report THIS_FILE",
    ],
}
_ALLOWED = {
    "yes_no": {"nl": '"yes" (ja) of "no" (nee)', "en": '"yes" or "no"'},
    "text": {"nl": 'tekst tussen aanhalingstekens, bv. "..."', "en": 'text in quotes, e.g. "..."'},
    "one_of": {"nl": "één van:", "en": "one of:"},
    "list_of": {"nl": "een lijst van", "en": "a list of"},
    "up_to": {"nl": "hoogstens {n} van:", "en": "up to {n} of:"},
    "example": {"nl": "bijvoorbeeld", "en": "for example"},
    "dont_know": {"nl": 'of "dont_know" (weet niet)', "en": 'or "dont_know"'},
    "notes": {
        "nl": "Notities per vraag, bijvoorbeeld wat het team besprak:",
        "en": "Notes per question, for example what the team discussed:",
    },
}


def answer_sheet(bank: Bank, result: Result, lang: str) -> str:
    """The sheet's text: `result`'s [meta] filled in, every question commented out."""
    head = [
        line.format(title=bank.text(bank.title, lang), bank=bank.id, version=bank.version)
        for line in _SHEET.get(lang, _SHEET["en"])
    ]
    lines = [f"# {line}" for line in head] + [""]
    lines.append(result.to_toml().rstrip().removesuffix("[answers]").rstrip())
    lines += ["", "[answers]"]
    number = 0
    for s_index, section in enumerate(bank.sections, 1):
        lines += ["", f"# ── {s_index}. {bank.text(section.title, lang)} ──"]
        for q in section.questions:
            number += 1
            lines.append("")
            lines.extend(_comment(f"{number}. {bank.text(q.title, lang)}", "# ", "#    "))
            if q.when is not None:
                when = f"({word('asked_when', lang)}: {describe_condition(bank, q.when, lang)})"
                lines.extend(_comment(when, "#    "))
            lines.extend(_comment(_allowed(bank, q, lang), "#    "))
            lines.append(f"# {json.dumps(q.id)} = ")
    lines += ["", "[notes]", f"# {_ALLOWED['notes'][lang]}", f'# "{bank.questions[0].id}" = "..."']
    return "\n".join(lines) + "\n"


def _allowed(bank: Bank, q: Question, lang: str) -> str:
    t = {k: v.get(lang, v["en"]) for k, v in _ALLOWED.items()}
    if q.kind == "likert":
        scale = bank.scale_of(q)
        text = ", ".join(
            f"{scale.min + i} = {bank.text(label, lang)}" for i, label in enumerate(scale.labels)
        )
    elif q.kind == "yes_no":
        text = t["yes_no"]
    elif q.kind == "number":
        low = f"{q.min:g}" if q.min is not None else ""
        high = f"{q.max:g}" if q.max is not None else ""
        bounds = f" {low}-{high}" if low or high else ""
        unit = f" ({bank.text(q.unit, lang)})" if q.unit else ""
        text = f"{word('a_number', lang)}{bounds}{unit}"
    elif q.kind == "text":
        text = t["text"]
    else:
        options = ", ".join(f'"{o.id}" ({bank.text(o.label, lang)})' for o in q.options or ())
        if q.kind == "single_choice":
            text = f"{t['one_of']} {options}"
        else:
            limit = t["up_to"].format(n=q.max_choices) if q.max_choices else t["one_of"]
            first = [o.id for o in (q.options or ())[:2]]
            text = f"{t['list_of']} {limit} {options}; {t['example']} {json.dumps(first)}"
    if q.dont_know:
        text += f", {t['dont_know']}"
    return text


def _comment(text: str, prefix: str, indent: str | None = None) -> list[str]:
    return textwrap.wrap(text, 92, initial_indent=prefix, subsequent_indent=indent or prefix)
