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
    """The rules that fire on the answers that count, most severe first, with their evidence.

    Only questions that were asked and not answered "does not apply" count, and a rule fires
    only with at least one of them as evidence: never from a question that was not asked.
    """
    return fired(bank, bank.answers_that_count(answers))


def fired(bank: Bank, counted: Mapping[str, Any]) -> list[Flag]:
    """The flags of `flags`, from answers that count already (Bank.answers_that_count)."""
    out = []
    for rule in bank.rules:
        if rule.when.holds(counted):  # most rules hold for few teams: evidence only then
            evidence = _evidence(rule.when, counted)
            if evidence:
                out.append(Flag(rule, evidence))
    return sorted(out, key=lambda f: SEVERITY_ORDER[f.rule.severity])


def _evidence(condition: Condition, answers: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The answers that raised the flag: the tests that hold, else every answered one."""
    leaves = condition.leaf_tests
    holding = [leaf for leaf in leaves if leaf.question in answers and leaf.holds(answers)]
    chosen = holding or [leaf for leaf in leaves if leaf.question in answers]
    seen = dict.fromkeys(leaf.question for leaf in chosen)
    return [(qid, answers[qid]) for qid in seen]
