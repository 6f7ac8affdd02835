"""The question bank: pydantic models of questions/ (format: questions/README.md).

A bank is a folder with bank.toml and sections/ID.toml; the questions are in kinds/.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import Field

from innoscan.content.base import SLUG, Strict, Text
from innoscan.content.changes import Change, version_key
from innoscan.content.figures import Indicator
from innoscan.content.kinds import DONT_KNOW, NOT_APPLICABLE, NOT_REAL, Question, Scale, show_value
from innoscan.content.risks import Pattern, RiskRule
from innoscan.content.scoring_rules import ScoringRules

__all__ = [
    "DONT_KNOW",  # these six from kinds/, for the callers that know the bank
    "NOT_APPLICABLE",
    "NOT_REAL",
    "Question",
    "Scale",
    "show_value",
    "Bank",
    "BankFile",
    "Section",
    "SectionFile",
    "SectionHeader",
]


_KEPT = 100_000  # answers kept per bank (bank.points, bank.answer_problem): far more than
# the options and scale points of a bank have, a bound for answers that are numbers
_SCALARS = frozenset((str, int, float, bool))
_UNKNOWN = object()


def _answer_key(question: Question, value: Any) -> tuple | None:
    """The key a bank keeps an answer under: the question by identity (only the bank's own
    questions are kept, and they live as long as the bank) and the value with its type (1,
    1.0 and True are three answers); None: a value that is not kept."""
    kind = type(value)
    if kind in _SCALARS:
        return id(question), kind, value
    if kind is list and all(type(v) is str for v in value):
        return id(question), list, tuple(value)
    return None


class SectionHeader(Strict):
    id: str = Field(pattern=SLUG)
    title: Text
    intro: Text | None = None


class SectionFile(Strict):
    """The contents of one sections/ID.toml."""

    section: SectionHeader
    questions: list[Question] = []


class BankFile(Strict):
    """The contents of bank.toml."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    version: str = Field(min_length=1)
    languages: list[str] = Field(min_length=1)
    sections: list[str] = Field(min_length=1)
    title: Text
    scales: dict[str, Scale] = {}


class Section(Strict):
    id: str
    title: Text
    intro: Text | None
    questions: list[Question]

    @cached_property
    def scored(self) -> list[Question]:
        """The questions that count in the section's score."""
        return [q for q in self.questions if q.is_scored]


class Bank(Strict):
    """A loaded, validated question bank."""

    id: str
    version: str
    languages: list[str]
    title: Text
    scales: dict[str, Scale]
    sections: list[Section]
    path: Path
    scoring: ScoringRules = ScoringRules()
    indicators: list[Indicator] = []
    patterns: list[Pattern] = []
    rules: list[RiskRule] = []
    own_words: str | None = None  # the question whose answer the risks are shown with
    changes: list[Change] = []

    @cached_property
    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]

    @cached_property
    def _by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def question_ids(self) -> frozenset[str]:
        return frozenset(self._by_id)

    @cached_property
    def _conditions(self) -> list[tuple[str, Callable[[Mapping[str, Any]], bool] | None]]:
        """(id, its condition's test or None) of every question, in bank order."""
        return [(q.id, q.when.holds if q.when else None) for q in self.questions]

    def question(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def scale_of(self, question: Question) -> Scale | None:
        return question.scale_in(self.scales)

    def text(self, text: Text | None, lang: str) -> str:
        """A text in `lang`, or in the bank's first language if it has none in `lang`."""
        if not text:
            return ""
        return text.get(lang) or text.get(self.languages[0]) or next(iter(text.values()), "")

    def answer_problem(self, question: Question, value: Any, lang: str | None = None) -> str | None:
        """Why `value` is not an answer to `question` (see the kind's answer_problem). For a
        file's reader (no `lang`), an answer found right is kept: the same answer to the same
        question is checked once."""
        if lang is not None:
            return question.answer_problem(value, self.scales, lang)
        key = _answer_key(question, value)
        if key is not None and key in self._right:
            return None
        problem = question.answer_problem(value, self.scales)
        if problem is None and key is not None and self._keeps(question, self._right):
            self._right.add(key)
        return problem

    def wrong_answers(self, answers: Mapping[str, Any]) -> dict[str, str]:
        """{question id: why its answer is not one}, for a file's reader, of the answers to this
        bank's questions (answers to others are not looked at)."""
        wrong: dict[str, str] = {}
        right = self._right
        for qid, value in answers.items():
            question = self._by_id.get(qid)
            if question is None:
                continue
            kind = type(value)  # a value's key as _answer_key makes it, without a call
            if kind in _SCALARS and (id(question), kind, value) in right:
                continue
            problem = self.answer_problem(question, value)
            if problem:
                wrong[qid] = problem
        return wrong

    def points(self, question: Question, value: Any) -> float | None:
        """An answer as 0-100 (see the kind's points), worked out once per answer."""
        kind = type(value)  # a value's key as _answer_key makes it, a call only for a list
        key = (id(question), kind, value) if kind in _SCALARS else _answer_key(question, value)
        found = self._points.get(key, _UNKNOWN) if key is not None else _UNKNOWN
        if found is _UNKNOWN:
            found = question.points(value, self.scales)
            if key is not None and self._keeps(question, self._points):
                self._points[key] = found
        return found

    def _keeps(self, question: Question, kept: Collection) -> bool:
        """Whether an answer to `question` is kept: one of this bank's, while there is room."""
        return self._by_id.get(question.id) is question and len(kept) < _KEPT

    @cached_property
    def _right(self) -> set[tuple]:
        return set()

    @cached_property
    def _points(self) -> dict[tuple, float | None]:
        return {}

    def effective_answers(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The answers that count: those to questions whose `when` holds, in bank order."""
        effective: dict[str, Any] = {}
        for qid, holds in self._conditions:
            if qid in answers and (holds is None or holds(effective)):
                effective[qid] = answers[qid]
        return effective

    def answers_that_count(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The effective answers that say something about the team: no "does not apply".
        Risk rules and the success factors' defining answers read these."""
        return self.counting(self.effective_answers(answers))

    @staticmethod
    def counting(effective: Mapping[str, Any]) -> dict[str, Any]:
        """`answers_that_count` from answers that went through their conditions already."""
        return {qid: v for qid, v in effective.items() if v != NOT_APPLICABLE}

    def asked(self, answers: Mapping[str, Any]) -> list[Question]:
        """The questions that apply, given these answers, in bank order."""
        effective = self.effective_answers(answers)
        return [q for q in self.questions if self.applies_with(q, effective)]

    @staticmethod
    def applies_with(question: Question, effective: Mapping[str, Any]) -> bool:
        """Whether `question` is asked, given answers that already went through its conditions."""
        return question.when is None or question.when.holds(effective)

    def asked_with(self, question_id: str, effective: Mapping[str, Any]) -> bool:
        """`applies_with` by id; an answer that counts was asked (a condition looks at earlier
        questions only, so it held when the answer was taken in) and is not worked out again."""
        if question_id in effective:
            return True
        question = self.question(question_id)
        return question is not None and self.applies_with(question, effective)

    def changed_between(self, *versions: str) -> list[Change]:
        """The changes of meaning between the oldest and the newest of these bank versions."""
        if not versions:
            return []
        old, new = min(versions, key=version_key), max(versions, key=version_key)
        return [c for c in self.changes if c.straddles(old, new)]

    def pattern(self, pattern_id: str | None) -> Pattern | None:
        return next((p for p in self.patterns if p.id == pattern_id), None)
