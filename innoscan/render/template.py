"""The answer sheet: a result file to fill in with a text editor, every question a comment."""

from __future__ import annotations

import json
import textwrap

from innoscan.content.bank import Bank
from innoscan.content.figures import ORG_TYPES
from innoscan.content.visible import visible
from innoscan.locales import word
from innoscan.render.bank_listing import describe_condition
from innoscan.store.result import Result


def answer_sheet(bank: Bank, result: Result, lang: str) -> str:
    """The sheet's text: `result`'s [meta] filled in, every question commented out."""
    head = word("sheet.head", lang, title=bank.text(bank.title, lang), bank=bank.id, v=bank.version)
    lines = [f"# {visible(line)}" for line in head.splitlines()] + [""]
    lines.append(result.to_toml().rstrip().removesuffix("[answers]").rstrip())
    if result.meta.org_type is None:
        lines.append(f'# org_type = ""  # {word("sheet.org_type", lang)}: {" | ".join(ORG_TYPES)}')
    lines += ["", "[answers]"]
    number = 0
    for s_index, section in enumerate(bank.sections, 1):
        lines += ["", f"# ── {s_index}. {visible(bank.text(section.title, lang))} ──"]
        for q in section.questions:
            number += 1
            lines.append("")
            lines.extend(_comment(f"{number}. {bank.text(q.title, lang)}", "# ", "#    "))
            if q.when is not None:
                when = f"({word('asked_when', lang)}: {describe_condition(bank, q.when, lang)})"
                lines.extend(_comment(when, "#    "))
            lines.extend(_comment(q.sheet_text(bank, lang), "#    "))
            lines.append(f"# {json.dumps(q.id)} = ")
    example = word("sheet.example", lang)
    lines += ["", "[notes]", f"# {word('sheet.notes', lang)}"]
    lines.append(f'# ({example}: "{bank.questions[0].id}" = "...")')
    return "\n".join(lines) + "\n"


def _comment(text: str, prefix: str, indent: str | None = None) -> list[str]:
    """`text` as comment lines (control characters in it shown as escapes)."""
    return textwrap.wrap(
        visible(text), 92, initial_indent=prefix, subsequent_indent=indent or prefix
    )
