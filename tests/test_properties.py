"""Property-based tests: any valid answers score within 0-100, report well-formed Markdown and
round-trip; "don't know" never raises a score; a success factor is never present without the
answers that define it; no flag cites a question that was not asked or does not apply; any
broken input gives exit status 0 or 2 with one-line messages, no traceback."""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_check import table_widths
from markdown_it import MarkdownIt

from innoscan.assess.flags import flags
from innoscan.assess.scoring import score
from innoscan.cli import main
from innoscan.content.bank import DONT_KNOW, NOT_APPLICABLE, Question
from innoscan.content.loader import load_bank
from innoscan.content.scoring_rules import STATUS_ORDER
from innoscan.render.report import build_report
from innoscan.render.report_markdown import report_markdown
from innoscan.store.result import LoadedResult, Result, load_result

pytestmark = pytest.mark.slow  # hypothesis: many examples each

BANK = load_bank()
FIXTURES = Path(__file__).parent / "fixtures"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


def answer_for(q: Question) -> st.SearchStrategy:
    """Every valid answer to `q`."""
    if q.kind == "likert":
        scale = BANK.scale_of(q)
        values = st.integers(scale.min, scale.max)
    elif q.kind == "yes_no":
        values = st.sampled_from(["yes", "no"])
    elif q.kind == "single_choice":
        values = st.sampled_from([o.id for o in q.options])
    elif q.kind == "multiple_choice":
        plain = [o.id for o in q.options if not o.exclusive]
        exclusive = [[o.id] for o in q.options if o.exclusive]
        limit = q.max_choices or len(plain)
        subsets = st.lists(st.sampled_from(plain), min_size=1, max_size=limit, unique=True).map(
            lambda chosen: [o for o in plain if o in chosen]
        )
        values = st.one_of(subsets, *[st.just(e) for e in exclusive]) if exclusive else subsets
    elif q.kind == "number":
        values = st.integers(int(q.min or 0), int(q.max or 1000))
    else:
        values = TEXT
    extras = [st.just(extra) for extra in q.extra_answers()]  # don't know, does not apply
    return st.one_of(values, *extras) if extras else values


ANSWERS = st.fixed_dictionaries({}, optional={q.id: answer_for(q) for q in BANK.questions})


@st.composite
def session_answers(draw) -> dict:
    """Answers as a session gives them: some of the questions asked, given the answers
    before them (a file may also hold answers to questions no longer asked: ANSWERS)."""
    answers: dict = {}
    for q in BANK.questions:
        if BANK.applies_with(q, answers) and draw(st.booleans()):
            answers[q.id] = draw(answer_for(q))
    return answers


def not_higher(after, before) -> bool:
    """A score (or a status's rank) after is no higher than before, and exists only if it did."""
    return after is None or (before is not None and after <= before)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session_answers(), st.data())
def test_dont_know_never_raises_a_section_score_a_factor_or_the_average(answers, data):
    offered = [q for q, v in answers.items() if BANK.question(q).dont_know and v != DONT_KNOW]
    assume(offered)
    replaced = data.draw(st.sampled_from(offered))
    before, after = score(BANK, answers), score(BANK, {**answers, replaced: DONT_KNOW})
    for sid, section in after.sections.items():
        assert not_higher(section.score, before.sections[sid].score), sid
    for now, then in zip(after.factors, before.factors, strict=True):
        assert not_higher(STATUS_ORDER.get(now.status), STATUS_ORDER.get(then.status)), now.id
    assert not_higher(after.index, before.index)


EVERY_ANSWER = st.fixed_dictionaries({q.id: answer_for(q) for q in BANK.questions})
# a well-resourced team whose lead and unit vary: the roles factor's mean is often high
RESOURCED = st.fixed_dictionaries(
    {
        **{q.id: answer_for(q) for q in BANK.section("roles").questions},
        "roles.budget": st.just("yes"),
        "roles.calls": st.just("yes"),
        "roles.days": st.just("yes"),
        "roles.methods": st.integers(4, 5),
    }
)


@SETTINGS
@given(st.one_of(ANSWERS, EVERY_ANSWER, RESOURCED))
def test_a_factor_is_never_present_without_the_answers_that_define_it(answers):
    real = BANK.answers_that_count(answers)
    rules = {f.id: f for f in BANK.scoring.success_factors}
    for factor in score(BANK, answers).factors:
        if factor.status == "present":
            assert rules[factor.id].requires.holds(real)
        if factor.id == "roles" and factor.status == "present":
            assert real.get("roles.lead") == "yes" or real.get("roles.unit") == "used"


@SETTINGS
@given(ANSWERS)
def test_no_flag_cites_a_question_not_asked_or_answered_does_not_apply(answers):
    asked = {q.id for q in BANK.asked(answers)}
    for flag in flags(BANK, answers):
        assert flag.evidence, flag.rule.id
        for qid, value in flag.evidence:
            assert qid in asked and answers[qid] == value and value != NOT_APPLICABLE


def run(*args) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, err.getvalue()


def assert_clean_failure(code: int, err: str) -> None:
    assert code in (0, 2), (code, err)
    assert "Traceback" not in err
    for line in err.strip().splitlines():
        assert line.startswith("innoscan: "), line


@SETTINGS
@given(ANSWERS)
def test_scores_always_within_0_and_100(answers):
    scores = score(BANK, answers)
    for section in scores.sections.values():
        assert section.score is None or 0 <= section.score <= 100
        assert 0 <= section.answered <= section.total
    assert scores.index is None or 0 <= scores.index <= 100


@SETTINGS
@given(
    ANSWERS,
    TEXT,
    st.dictionaries(st.sampled_from([q.id for q in BANK.questions]), TEXT, max_size=3),
)
def test_report_tables_are_consistent_and_the_file_round_trips(answers, team, notes):
    result = Result.new(BANK, team, 2026, "en")
    result.answers.update(answers)
    result.notes.update(notes)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.toml"
        result.save(path)
        before = path.read_bytes()
        loaded = load_result(path, BANK)
        assert loaded.result.answers == answers and loaded.result.notes == notes
        loaded.result.save(path)
        assert path.read_bytes() == before
    md = report_markdown(build_report(BANK, LoadedResult(result, Path("r.toml")), "en"))
    widths = table_widths(md)
    assert len(widths) >= 10 and all(len(w) == 1 for w in widths)
    assert "<script" not in MarkdownIt("commonmark").enable("table").render(md)


VALUES = st.one_of(
    st.integers(-5, 2000),
    st.floats(allow_nan=False),
    st.booleans(),
    TEXT,
    st.lists(TEXT, max_size=3),
    st.just("dont_know"),
)


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from([q.id for q in BANK.questions] + ["nope.q", "x"]), VALUES, max_size=6
    ),
    st.sampled_from(["md", "json", "toml"]),
)
def test_mutated_result_files_give_0_or_2(answers, fmt):
    data = tomllib.loads(Result.new(BANK, "T", 2026, "en").to_toml())
    data["answers"] = answers
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.toml"
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        assert_clean_failure(*run("report", path, "--format", fmt))


@SETTINGS
@given(st.binary(max_size=200))
def test_random_bytes_as_a_result_file_give_2(blob):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.toml"
        path.write_bytes(blob)
        code, err = run("report", path)
        assert_clean_failure(code, err)
        assert code == 2
        assert str(path) in err


@SETTINGS
@given(
    st.sampled_from(["bank.toml", "sections/alpha.toml", "sections/beta.toml"]),
    st.integers(0, 400),
    st.integers(0, 40),
    TEXT,
)
def test_mutated_banks_give_0_or_2_for_every_subcommand(file, start, length, insert):
    with tempfile.TemporaryDirectory() as folder:
        bank = Path(folder) / "bank"
        shutil.copytree(FIXTURES / "mini_bank", bank)
        path = bank / file
        text = path.read_text(encoding="utf-8")
        start = min(start, len(text))
        path.write_text(text[:start] + insert + text[start + length :], encoding="utf-8")
        for args in (
            ["validate", bank],
            ["questions", "--json", "--bank", bank],
            ["template", "--bank", bank],
        ):
            assert_clean_failure(*run(*args))


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(["indicators", "other"]),
        st.one_of(
            VALUES,
            st.lists(
                st.dictionaries(
                    st.sampled_from(["id", "figures", "value", "team", "section"]),
                    VALUES,
                    max_size=4,
                ),
                max_size=2,
            ),
        ),
        max_size=2,
    )
)
def test_mutated_benchmark_files_give_0_or_2(data):
    with tempfile.TemporaryDirectory() as folder:
        result = Path(folder) / "r.toml"
        Result.new(BANK, "T", 2026, "en").save(result)
        own = Path(folder) / "own.toml"
        own.write_text(tomli_w.dumps(data), encoding="utf-8")
        assert_clean_failure(*run("report", result, "--benchmarks", own))
