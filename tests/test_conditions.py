"""Conditions made into functions once (Condition.holds) decide as the conditions read; the
answers a bank keeps (Bank.points, Bank.answer_problem) are told apart by question and type."""

from __future__ import annotations

import pickle
import random
from collections.abc import Mapping
from typing import Any

import pytest

from innoscan.content.conditions import Condition
from innoscan.content.loader import load_bank

BANK = load_bank()


def reading(c: Condition, answers: Mapping[str, Any]) -> bool:
    """A condition as questions/README.md reads it, test by test: the yardstick."""
    if c.all_ is not None:
        return all(reading(child, answers) for child in c.all_)
    if c.any_ is not None:
        return any(reading(child, answers) for child in c.any_)
    if c.not_ is not None:
        return not reading(c.not_, answers)
    key, expected = c.test
    present, answer = c.question in answers, answers.get(c.question)
    if key == "answered":
        return present == expected
    if not present:
        return False
    number = isinstance(answer, int | float) and not isinstance(answer, bool)

    def same(a: Any, b: Any) -> bool:
        if number and isinstance(b, int | float) and not isinstance(b, bool):
            return a == b
        return type(a) is type(b) and a == b

    if key == "equals":
        return same(answer, expected)
    if key == "in":
        return any(same(answer, v) for v in expected)
    if key == "not_in":
        return not any(same(answer, v) for v in expected)
    if key == "includes":
        return isinstance(answer, list) and expected in answer
    if not number:
        return False
    return answer <= expected if key == "at_most" else answer >= expected


def every_condition() -> list[Condition]:
    found = [q.when for q in BANK.questions if q.when is not None]
    found += [rule.when for rule in BANK.rules]
    found += [f.requires for f in BANK.scoring.success_factors if f.requires is not None]
    found += [i.team for i in BANK.indicators]
    return found


def some_value(rng: random.Random, tested: list[Any]) -> Any:
    """A value a condition may meet: one it tests for, or of another type that looks alike."""
    pick = rng.choice(tested) if tested else "yes"
    return rng.choice(
        [
            pick,
            [pick] if isinstance(pick, str) else pick,
            str(pick),
            float(pick) if isinstance(pick, int | float) else pick,
            True,
            1,
            1.0,
            0,
            rng.randint(-1, 7),
            rng.random() * 6,
            "dont_know",
            "not_applicable",
            [],
            [pick, "other"] if isinstance(pick, str) else [],
        ]
    )


def test_every_condition_of_the_bank_decides_as_it_reads():
    rng = random.Random(17)
    conditions = every_condition()
    tested: dict[str, list[Any]] = {}
    for condition in conditions:
        for _, leaf in condition.leaves():
            value = leaf.test[1]
            tested.setdefault(leaf.question, []).extend(
                value if isinstance(value, list) else [value]
            )
    questions = sorted(tested)
    for _ in range(1500):
        answers = {
            q: some_value(rng, tested[q]) for q in rng.sample(questions, rng.randint(0, 12))
        }
        for condition in conditions:
            assert condition.holds(answers) == reading(condition, answers), (condition, answers)


@pytest.mark.parametrize(
    ("test", "answer", "expected"),
    [
        ({"equals": 1}, 1.0, True),
        ({"equals": 1}, True, False),
        ({"equals": True}, 1, False),
        ({"equals": "1"}, 1, False),
        ({"in": ["a", "b"]}, "a", True),
        ({"in": ["a", "b"]}, ["a"], False),
        ({"in": [1, 2]}, 2.0, True),
        ({"in": [1, "a"]}, True, False),
        ({"not_in": ["a"]}, "b", True),
        ({"not_in": ["a"]}, "a", False),
        ({"at_most": 2}, 2, True),
        ({"at_most": 2}, True, False),
        ({"at_least": 2.5}, 3, True),
        ({"at_least": 2.5}, "3", False),
        ({"includes": "a"}, ["a", "b"], True),
        ({"includes": "a"}, "a", False),
        ({"answered": True}, "anything", True),
        ({"answered": False}, "anything", False),
    ],
)
def test_each_test_tells_types_apart(test, answer, expected):
    condition = Condition.model_validate({"question": "s.q", **test})
    assert condition.holds({"s.q": answer}) is expected
    assert condition.holds({"s.q": answer}) is reading(condition, {"s.q": answer})
    if "answered" not in test:
        assert condition.holds({}) is False  # a test on a question not answered never holds
        negated = Condition.model_validate({"not": {"question": "s.q", **test}})
        assert negated.holds({}) is True


def test_the_bank_keeps_answers_apart_by_type_and_question():
    likert = next(q for q in BANK.questions if q.kind == "likert")
    for _ in range(2):  # the second time from what the bank kept
        assert BANK.answer_problem(likert, 3) is None
        assert BANK.answer_problem(likert, True) is not None
        assert BANK.answer_problem(likert, 3.0) is not None
        assert BANK.points(likert, 3) == likert.points(3, BANK.scales)
    other = likert.model_copy(update={"reverse": not likert.reverse})
    assert BANK.points(other, 4) == other.points(4, BANK.scales) != BANK.points(likert, 4)
    assert BANK.answer_problem(likert, 3, "nl") is None


def test_a_bank_in_use_is_pickled_with_its_fields_only():
    from innoscan.assess.flags import flags

    bank = load_bank()
    answers = {q.id: "no" for q in bank.questions}
    before = flags(bank, answers)
    assert "holds" in bank.rules[0].when.__dict__  # worked out, and kept: a function
    copy = pickle.loads(pickle.dumps(bank))
    assert copy == bank
    assert "holds" not in copy.rules[0].when.__dict__
    assert [f.rule.id for f in flags(copy, answers)] == [f.rule.id for f in before]
