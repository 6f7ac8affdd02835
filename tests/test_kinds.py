"""A question kind is one class: what each kind decides, and nothing outside the kinds
branching on a kind."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

import innoscan
from innoscan.content.kinds import (
    DONT_KNOW,
    QUESTION_KINDS,
    AmbiguousNumber,
    BaseQuestion,
    LikertQuestion,
    NotAChoice,
    NotANumber,
    Question,
    TooManyChoices,
)
from innoscan.content.loader import load_bank
from innoscan.content.scoring_rules import DisagreementRule

BANK = load_bank(Path(__file__).parent / "fixtures" / "mini_bank")
Q = {q.id.split(".")[1]: q for q in BANK.questions}  # did, how, who, agree, blame, count, note
RULE = DisagreementRule()
PACKAGE = Path(innoscan.__file__).parent
KINDS_DIR = PACKAGE / "content" / "kinds"

_NAMES = "|".join(QUESTION_KINDS)
_CLASSES = "|".join(
    {
        c.__name__
        for kind in QUESTION_KINDS.values()
        for c in kind.__mro__
        if "Question" in c.__name__
    }
)
BRANCHES = [
    re.compile(rf"kind\b\s*(==|!=|\bin\b|\bnot in\b)[^#\n]*[\"']({_NAMES})[\"']"),
    re.compile(rf"[\"']({_NAMES})[\"']\s*(==|!=|\bin\b|\bnot in\b)[^#\n]*\bkind\b"),
    re.compile(r"\bmatch\b[^#\n]*\bkind\b[^#\n]*:"),
    re.compile(rf"isinstance\([^)]*\b({_CLASSES})\b"),
]


def test_no_code_outside_the_kinds_branches_on_a_kind():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if KINDS_DIR in path.parents:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(p.search(line) for p in BRANCHES):
                found.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.parametrize(
    "line",
    [
        'if q.kind == "likert":',
        'hint.display = q.kind == "multiple_choice"',
        'if q.kind in ("number", "text"):',
        'return self.question.kind not in ("number", "text")',
        "match question.kind:",
        "if isinstance(q, NumberQuestion):",
    ],
)
def test_the_branch_search_finds_a_branch(line):
    assert any(p.search(line) for p in BRANCHES)


def test_question_is_the_union_of_the_kinds_told_apart_by_kind():
    adapter = TypeAdapter(Question)
    q = adapter.validate_python(
        {"id": "a.b", "kind": "likert", "scale": "s", "title": {}, "help": {}}
    )
    assert isinstance(q, LikertQuestion) and q.is_scored
    assert list(QUESTION_KINDS) == [
        "likert",
        "yes_no",
        "single_choice",
        "multiple_choice",
        "number",
        "text",
    ]
    assert {type(q).__name__ for q in BANK.questions} == {
        k.__name__ for k in QUESTION_KINDS.values()
    }
    with pytest.raises(ValidationError, match="'options' does not fit a likert question"):
        adapter.validate_python(
            {"id": "a.b", "kind": "likert", "scale": "s", "options": [], "title": {}, "help": {}}
        )
    # a default value of another kind's field does no harm, as before
    kept = adapter.validate_python(
        {"id": "a.b", "kind": "yes_no", "reverse": False, "title": {}, "help": {}}
    )
    assert kept.options is None


def test_every_kind_decides_all_that_has_no_default_and_one_that_does_not_cannot_be_made():
    for kind in QUESTION_KINDS.values():
        assert not inspect.isabstract(kind), f"{kind.__name__}: {kind.__abstractmethods__}"
    assert {"read_line", "_allowed_lines", "_sheet_values", "plain_prompt"} <= (
        BaseQuestion.__abstractmethods__
    )

    class Unfinished(BaseQuestion):  # no Literal kind: not registered as a kind
        def read_line(self, text, bank, lang):
            return text

    with pytest.raises(TypeError, match="abstract"):
        Unfinished(id="a.b", kind="unfinished", title={}, help={})


def test_points_of_each_kind():
    scales = BANK.scales
    assert Q["agree"].points(4, scales) == 75
    assert Q["blame"].points(4, scales) == 25  # reverse
    assert Q["did"].points("yes", scales) == 100 and Q["did"].points("no", scales) == 0
    assert Q["how"].points("well", scales) == 100
    assert Q["who"].points(["a", "b", "c"], scales) == 100  # 150, capped
    assert Q["who"].points(["none"], scales) == 0
    assert Q["count"].points(12, scales) is None and Q["note"].points("x", scales) is None
    assert Q["did"].points(DONT_KNOW, scales) is None


def test_typed_lines_and_keys_become_answers():
    assert Q["did"].read_line("j", BANK, "nl") == "yes"
    assert Q["did"].read_line("2", BANK, "en") == "no"
    assert Q["did"].read_line("3", BANK, "en") == DONT_KNOW
    assert Q["agree"].read_line("4", BANK, "en") == 4
    assert Q["who"].read_line("3, 1", BANK, "en") == ["a", "c"]
    with pytest.raises(NotAChoice) as caught:
        Q["how"].read_line("1 2", BANK, "en")
    assert (
        caught.value.message("en") == "'1 2' is not one of the choices. Type a number from 1 to 2."
    )
    count = Q["count"]
    assert count.read_line("12", BANK, "en") == 12 and isinstance(count.parse("12"), int)
    assert count.parse("2,5") == 2.5 and count.parse(" 2.0 ") == 2.0
    with pytest.raises(AmbiguousNumber) as caught:
        count.parse("1.000")
    assert "(1000)" in caught.value.message("en")
    for bad in ("many", "nan", "inf"):
        with pytest.raises(NotANumber):
            count.parse(bad)
    assert Q["note"].read_line("d", BANK, "en") == "d"  # text, not "don't know"
    assert Q["blame"].picked(None, 2, [1, 2]) == 2


def test_a_multiple_choice_toggles_and_keeps_its_limit_and_exclusive_options():
    who, order = Q["who"], ["a", "b", "c", "none"]
    assert who.picked(None, "a", order) == ["a"]
    assert who.picked(["b"], "a", order) == ["a", "b"]
    assert who.picked(["a"], "a", order) is None
    assert who.picked(["a", "b"], "none", order) == ["none"]
    assert who.picked(["none"], "c", order) == ["c"]
    with pytest.raises(TooManyChoices) as caught:
        who.picked(["a", "b"], "c", order)
    assert caught.value.message("nl") == "Kies er maximaal 2."


def test_one_answer_check_in_the_person_s_words_or_the_file_s():
    count, who = Q["count"], Q["who"]
    assert BANK.answer_problem(count, -1) == "-1 is below the minimum 0"
    assert BANK.answer_problem(count, -1, "en") == "-1 is below the minimum 0"
    assert BANK.answer_problem(count, -1, "nl") == "-1 is lager dan het minimum 0"
    assert BANK.answer_problem(who, ["a", "none"]) == "'none' cannot be combined with other choices"
    assert BANK.answer_problem(who, ["a", "none"], "nl") == (
        "'Niemand' gaat niet samen met andere keuzes"
    )
    assert BANK.answer_problem(who, ["a", DONT_KNOW], "en") == (
        '"Don\'t know" cannot be combined with other choices'
    )
    assert BANK.answer_problem(who, ["a", "b", "c"], "en") == "Choose at most 2."
    assert BANK.answer_problem(who, ["a", "x"]) == "unknown option 'x' (options: a, b, c, none)"
    assert BANK.answer_problem(Q["agree"], 6) == "6 is outside the scale 1-5"
    assert BANK.answer_problem(Q["note"], 3) == "expected text, got 3"
    assert BANK.answer_problem(Q["agree"], DONT_KNOW) == (
        "'dont_know' is not allowed for this question"
    )


def test_each_kind_s_merge_rule():
    scales = BANK.scales
    likert = Q["agree"].team_answer([1, 2, 5, 5], scales, RULE)
    assert (likert.value, likert.spread, likert.disagree) == (2, 4.0, True)  # the lower median
    number = Q["count"].team_answer([1, 2, 4, 10], scales, RULE)
    assert (number.value, number.disagree) == (3, False)  # the median, whole again
    assert Q["count"].team_answer([1, 2], scales, RULE).value == 1.5
    tie = Q["how"].team_answer(["well", "badly"], scales, RULE)
    assert (tie.value, tie.disagree) == (None, True)
    assert Q["did"].team_answer(["yes", "yes", "no"], scales, RULE).value == "yes"
    multi = Q["who"].team_answer([["a", "b"], ["a"], ["none"]], scales, RULE)
    assert multi.value == ["a"] and multi.shares == {"a": 0.667, "b": 0.333, "none": 0.333}
    assert Q["note"].team_answer(["x", "y", "x"], scales, RULE).value == "x\ny"
    assert Q["who"].tally([["a", "b"], DONT_KNOW, ["a"]]) == {"a": 2, "b": 1}
    assert Q["agree"].tally([4, 4, DONT_KNOW]) == {"4": 2, "dont_know": 1}
    assert Q["agree"].tally_answer("4") == 4 and Q["count"].tally_answer("4") == "4"


def test_each_kind_s_words():
    assert Q["agree"].answer_text(BANK, 4, "en") == "Agree (4)"
    assert Q["who"].answer_text(BANK, ["a", "none"], "nl") == "A; Niemand"
    assert Q["count"].answer_text(BANK, 2.5, "nl") == "2,5"
    assert Q["did"].answer_text(BANK, DONT_KNOW, "en") == "don't know"
    assert Q["blame"].listing_lines(BANK, "en")[-1] == "[reverse-scored]"
    assert Q["who"].listing_lines(BANK, "en")[:2] == ["(choose up to 2)", "[ ] 1. A"]
    assert Q["count"].listing_lines(BANK, "en") == ["a number 0-1000"]
    assert Q["did"].sheet_text(BANK, "en") == '"yes" or "no", or "dont_know"'
    assert Q["who"].plain_lines(BANK, "en")[-1] == "At most 2 choices."
    assert Q["note"].plain_lines(BANK, "en") == []
    assert Q["how"].plain_current(BANK, "badly", "en") == "2. Badly"
