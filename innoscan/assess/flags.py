"""Last-mile risk flags: the rules that fire on a team's answers, with their evidence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from innoscan.content.bank import Bank
from innoscan.content.conditions import Condition
from innoscan.content.risks import SEVERITY_ORDER, RiskRule


@dataclass(frozen=True)
class Flag:
    rule: RiskRule
    evidence: list[tuple[str, Any]]


def flags(bank: Bank, answers: Mapping[str, Any]) -> list[Flag]:
    """The rules that fire on the answers that count, most severe first, with their evidence."""
    effective = bank.effective_answers(answers)
    return [Flag(rule, _evidence(rule.when, effective)) for rule in fired(bank, effective)]


def fired(bank: Bank, effective: Mapping[str, Any]) -> list[RiskRule]:
    """The rules that fire on answers that went through their conditions, most severe first
    (in the bank's order within a severity)."""
    rules = [rule for rule in bank.rules if rule.when.holds(effective)]
    return sorted(rules, key=lambda rule: SEVERITY_ORDER[rule.severity])


def _evidence(condition: Condition, answers: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The answers that raised the flag: the tests that hold, else every answered one."""
    leaves = [leaf for _, leaf in condition.leaves()]
    holding = [leaf for leaf in leaves if leaf.question in answers and leaf.holds(answers)]
    chosen = holding or [leaf for leaf in leaves if leaf.question in answers]
    seen = dict.fromkeys(leaf.question for leaf in chosen)
    return [(qid, answers[qid]) for qid in seen]
