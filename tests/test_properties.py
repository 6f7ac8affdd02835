"""Property-based tests: any valid answers score within 0-100, report well-formed Markdown and
round-trip; any broken input gives exit status 0 or 2 with one-line messages, no traceback."""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_check import table_widths
from markdown_it import MarkdownIt

from innoscan.assess.scoring import score
from innoscan.cli import main
from innoscan.content.bank import DONT_KNOW, Question
from innoscan.content.loader import load_bank
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
    return st.one_of(values, st.just(DONT_KNOW)) if q.dont_know else values


ANSWERS = st.fixed_dictionaries({}, optional={q.id: answer_for(q) for q in BANK.questions})


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
