"""Checks across a bank's files: ids, languages, scales, the references of conditions, and
text that could not be shown as it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from innoscan.content.changes import version_key
from innoscan.content.conditions import Condition
from innoscan.content.problems import Problem
from innoscan.content.visible import hidden

if TYPE_CHECKING:
    from innoscan.content.bank import Bank, BankFile, Question, Scale, SectionFile, Text
    from innoscan.content.figures import Indicator
    from innoscan.content.scoring_rules import SuccessFactor


def text_problems(file: str | Path, data: Any) -> list[Problem]:
    """A problem for every text and key of a bank's file (as read from its TOML) that holds a
    control character (newlines and tabs are fine in a text, not in a key) or a bidi formatting
    character: every screen would show them as escapes (content/visible.py), so a bank that
    holds them is refused, one line per text naming its file and key."""
    return [
        Problem(
            str(file),
            where,
            f"holds {', '.join(found)}: a control or bidi formatting character, which no "
            "text of a bank may hold",
        )
        for where, found in _unshown(data, "")
    ]


def _unshown(value: Any, where: str) -> Iterator[tuple[str, list[str]]]:
    if isinstance(value, str):
        found = hidden(value, lines=True)
        if found:
            yield where, found
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = f"{where}.{key}" if where else str(key)
            found = hidden(str(key))
            if found:
                yield inner, found
            yield from _unshown(item, inner)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unshown(item, f"{where}[{index}]")


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
            for own_problem in (q.scale_problem(head.scales), q.dont_know_problem(head.scales)):
                if own_problem:
                    problems.append(Problem(file, q.id, own_problem))
            if q.when is not None:
                for where, message in check_condition(q.when, questions, head.scales, True):
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
    for key, text in q.texts():
        yield from _texts(file, q.id, key, text, langs)


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
    condition: Condition,
    known: dict[str, Question],
    scales: dict[str, Scale],
    earlier_only: bool = False,
) -> Iterator[tuple[str, str]]:
    """(key path, problem) for every test that names an unknown question or value.

    With `earlier_only`, `known` holds the questions before the one that has the condition.
    """
    for where, leaf in condition.leaves():
        q = known.get(leaf.question)
        if q is None:
            place = " before this point" if earlier_only else ""
            yield where, f"question {leaf.question!r} does not exist{place}"
            continue
        key, value = leaf.test
        message = q.condition_problem(key, value, scales)
        if message:
            yield where, f"{key} on {q.id}: {message}"


def check_content(bank: Bank) -> list[Problem]:
    """Problems in scoring.toml, benchmarks.toml and risks.toml, checked against the questions."""
    problems: list[Problem] = []
    problems.extend(_check_scoring(str(bank.path / "scoring.toml"), bank))
    benchmarks = str(bank.path / "benchmarks.toml")
    problems.extend(_doubles(benchmarks, [i.id for i in bank.indicators], "indicator"))
    for indicator in bank.indicators:
        problems.extend(check_indicator(benchmarks, indicator, bank))
    problems.extend(_check_risks(str(bank.path / "risks.toml"), bank))
    problems.extend(_check_changes(str(bank.path / "changes.toml"), bank))
    return problems


def _check_scoring(file: str, bank: Bank) -> Iterator[Problem]:
    rules = bank.scoring
    sections = {s.id for s in bank.sections}
    yield from _doubles(file, [f.id for f in rules.success_factors], "success factor")
    questions = {q.id: q for q in bank.questions}
    for factor in rules.success_factors:
        yield from _texts(file, factor.id, "title", factor.title, bank.languages)
        if factor.section not in sections:
            yield Problem(file, factor.id, f"section: unknown section {factor.section!r}")
        yield from _check_requires(file, factor, questions, bank)
    for i, convention in enumerate(rules.conventions):
        for key in ("about", "why"):
            yield from _texts(
                file, "", f"conventions[{i}].{key}", getattr(convention, key), bank.languages
            )
    if rules.index is not None:
        yield from _texts(file, "index", "title", rules.index.title, bank.languages)
        for section_id in rules.index.sections:
            if section_id not in sections:
                yield Problem(file, "index", f"sections: unknown section {section_id!r}")
        if rules.index.min_sections > len(rules.index.sections):
            yield Problem(file, "index", "min_sections is more than the sections listed")


def _check_requires(
    file: str, factor: SuccessFactor, questions: dict[str, Question], bank: Bank
) -> Iterator[Problem]:
    """A factor's defining questions exist, fit their tests, and each has a short name."""
    needed = []
    if factor.requires is not None:
        for key, message in check_condition(factor.requires, questions, bank.scales):
            yield Problem(file, factor.id, f"requires{key}: {message}")
        needed = list(dict.fromkeys(leaf.question for _, leaf in factor.requires.leaves()))
    for qid in needed:
        if qid in questions and qid not in factor.names:
            yield Problem(file, factor.id, f"names: no short name for {qid!r}")
    for qid, name in factor.names.items():
        if qid not in needed:
            yield Problem(file, factor.id, f"names: {qid!r} is not a question of 'requires'")
        yield from _texts(file, factor.id, f"names.{qid}", name, bank.languages)


def check_indicator(file: str, indicator: Indicator, bank: Bank) -> list[Problem]:
    """An indicator's section, questions and texts exist in the bank."""
    where, langs = indicator.id, bank.languages
    questions = {q.id: q for q in bank.questions}
    problems = []
    if bank.section(indicator.section) is None:
        problems.append(Problem(file, where, f"section: unknown section {indicator.section!r}"))
    for key, message in check_condition(indicator.team, questions, bank.scales):
        problems.append(Problem(file, where, f"team{key}: {message}"))
    for qid in indicator.about:
        if qid not in questions:
            problems.append(Problem(file, where, f"about: unknown question {qid!r}"))
    for key in ("title", "yes", "no"):
        problems.extend(_texts(file, where, key, getattr(indicator, key), langs))
    for i, figure in enumerate(indicator.figures):
        problems.extend(_texts(file, where, f"figures[{i}].population", figure.population, langs))
        for key in ("note", "statement"):
            text = getattr(figure, key)
            if text is not None:
                problems.extend(_texts(file, where, f"figures[{i}].{key}", text, langs))
    return problems


def _check_risks(file: str, bank: Bank) -> Iterator[Problem]:
    questions = {q.id: q for q in bank.questions}
    patterns = {p.id for p in bank.patterns}
    if bank.own_words is not None and bank.question(bank.own_words) is None:
        yield Problem(file, "own_words", f"unknown question {bank.own_words!r}")
    yield from _doubles(file, [r.id for r in bank.rules], "rule")
    yield from _doubles(file, [p.id for p in bank.patterns], "pattern")
    for pattern in bank.patterns:
        yield from _texts(file, pattern.id, "meaning", pattern.meaning, bank.languages)
    for rule in bank.rules:
        yield from _texts(file, rule.id, "title", rule.title, bank.languages)
        yield from _texts(file, rule.id, "advice", rule.advice, bank.languages)
        if rule.pattern is not None and rule.pattern not in patterns:
            yield Problem(file, rule.id, f"pattern: unknown pattern {rule.pattern!r}")
        for key, message in check_condition(rule.when, questions, bank.scales):
            yield Problem(file, rule.id, f"when{key}: {message}")


def _check_changes(file: str, bank: Bank) -> Iterator[Problem]:
    """A change's note is in every language, it is no newer than the bank, the question that
    replaces it exists (the changed questions themselves may be gone), and its map reads old
    answers as answers to that question."""
    for i, change in enumerate(bank.changes):
        where = f"changes[{i}]"
        yield from _texts(file, where, "note", change.note, bank.languages)
        if version_key(change.version) > version_key(bank.version):
            yield Problem(
                file, where, f"version {change.version} is newer than the bank ({bank.version})"
            )
        new = bank.question(change.replaced_by) if change.replaced_by else None
        if change.replaced_by is not None and new is None:
            yield Problem(file, where, f"replaced_by: unknown question {change.replaced_by!r}")
        if change.map and new is None:
            yield Problem(file, where, "map needs replaced_by: the question the answers go to")
            continue
        for old, value in change.map.items():
            problem = new.answer_problem([value] if new.several else value, bank.scales)
            if problem:
                yield Problem(file, where, f"map.{old}: {problem}")


def _doubles(file: str, ids: list[str], what: str) -> Iterator[Problem]:
    for i, item in enumerate(ids):
        if item in ids[:i]:
            yield Problem(file, item, f"duplicate {what} id")
