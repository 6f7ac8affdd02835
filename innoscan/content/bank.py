"""The question bank: pydantic models of questions/ (format: questions/README.md).

A bank is a folder with bank.toml and sections/ID.toml; the questions are in kinds/.
"""

from __future__ import annotations

from collections.abc import Mapping
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
        """Why `value` is not an answer to `question` (see the kind's answer_problem)."""
        return question.answer_problem(value, self.scales, lang)

    def effective_answers(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The answers that count: those to questions whose `when` holds, in bank order."""
        effective: dict[str, Any] = {}
        for q in self.questions:
            if q.id in answers and (q.when is None or q.when.holds(effective)):
                effective[q.id] = answers[q.id]
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
