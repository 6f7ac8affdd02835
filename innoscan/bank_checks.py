"""Checks across a bank's files: ids, languages, scales and the references of conditions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from innoscan.conditions import Condition
from innoscan.problems import Problem

if TYPE_CHECKING:
    from innoscan.bank import BankFile, Question, Scale, SectionFile, Text


def check_bank(root: Path, head: BankFile, files: list[tuple[Path, SectionFile]]) -> list[Problem]:
    """Every problem across the bank's files, in file order."""
    head_path = str(root / "bank.toml")
    problems = list(_check_head(head_path, head, root))
    seen: dict[str, str] = {}
    questions: dict[str, Question] = {}
    for path, data in files:
        file = str(path)
        problems.extend(_check_section(file, path.stem, data, head.languages))
        for q in data.questions:
            if q.id in seen:
                problems.append(Problem(file, q.id, f"duplicate id (also in {seen[q.id]})"))
            seen.setdefault(q.id, file)
            if q.scale is not None and q.scale not in head.scales:
                known = ", ".join(head.scales) or "none defined"
                problems.append(
                    Problem(
                        file, q.id, f"scale: unknown scale {q.scale!r} (bank.toml has: {known})"
                    )
                )
            if q.when is not None:
                for where, message in check_condition(q.when, questions, head.scales):
                    problems.append(Problem(file, q.id, f"when{where}: {message}"))
            questions.setdefault(q.id, q)
    return problems


def _check_head(file: str, head: BankFile, root: Path) -> Iterator[Problem]:
    for i, section_id in enumerate(head.sections):
        if section_id in head.sections[:i]:
            yield Problem(file, "sections", f"section {section_id!r} is listed twice")
    for key, text in [("title", head.title)]:
        yield from _texts(file, "", key, text, head.languages)
    for name, scale in head.scales.items():
        for i, label in enumerate(scale.labels):
            yield from _texts(file, "", f"scales.{name}.labels[{i}]", label, head.languages)
    folder = root / "sections"
    if folder.is_dir():
        for extra in sorted(folder.glob("*.toml")):
            if extra.stem not in head.sections:
                yield Problem(str(extra), "", "not listed in bank.toml 'sections', so never asked")


def _check_section(file: str, stem: str, data: SectionFile, langs: list[str]) -> Iterator[Problem]:
    section = data.section
    if section.id != stem:
        yield Problem(file, "section.id", f"is {section.id!r}, but the file is {stem}.toml")
    yield from _texts(file, "", "section.title", section.title, langs)
    if section.intro is not None:
        yield from _texts(file, "", "section.intro", section.intro, langs)
    if not data.questions:
        yield Problem(file, "", f"section {section.id!r} has no questions")
    for q in data.questions:
        if q.section_id != section.id:
            yield Problem(file, q.id, f"id must start with the section id '{section.id}.'")
        yield from _question_texts(file, q, langs)


def _question_texts(file: str, q: Question, langs: list[str]) -> Iterator[Problem]:
    yield from _texts(file, q.id, "title", q.title, langs)
    yield from _texts(file, q.id, "help", q.help, langs)
    if q.unit is not None:
        yield from _texts(file, q.id, "unit", q.unit, langs)
    for i, option in enumerate(q.options or ()):
        yield from _texts(file, q.id, f"options[{i}] ({option.id})", option.label, langs)


def _texts(file: str, where: str, key: str, text: Text, langs: list[str]) -> Iterator[Problem]:
    for lang in langs:
        if not str(text.get(lang, "")).strip():
            yield Problem(file, where, f"{key}: missing text for {lang!r}")
    for lang in text:
        if lang not in langs:
            yield Problem(
                file, where, f"{key}: {lang!r} is not a language of the bank ({', '.join(langs)})"
            )


def check_condition(
    condition: Condition, earlier: dict[str, Question], scales: dict[str, Scale]
) -> Iterator[tuple[str, str]]:
    """(key path, problem) for every test that names an unknown question or value."""
    for where, leaf in condition.leaves():
        q = earlier.get(leaf.question)
        if q is None:
            yield where, f"question {leaf.question!r} does not exist before this point"
            continue
        key, value = leaf.test
        message = _test_problem(q, key, value, scales.get(q.scale) if q.scale else None)
        if message:
            yield where, f"{key} on {q.id}: {message}"


def _test_problem(q: Question, key: str, value, scale: Scale | None) -> str | None:
    if key == "answered":
        return None
    if key == "includes":
        if q.kind != "multiple_choice":
            return "'includes' only fits a multiple_choice question"
        return None if q.option(value) else f"unknown option {value!r}"
    if key in ("at_most", "at_least"):
        if q.kind not in ("likert", "number"):
            return f"'{key}' only fits a likert or number question"
        return None
    if q.kind == "multiple_choice":
        return "use 'includes' to test a multiple_choice answer"
    values = value if isinstance(value, list) else [value]
    for v in values:
        problem = q.answer_problem(v, scale)
        if problem:
            return problem
    return None
