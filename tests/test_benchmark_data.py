"""Honesty of data: every figure in the bank is a published figure, exactly as published.

tests/data/published_figures.toml is the list of published figures with their sources,
transcribed from the project's domain reference. Each figure of questions/benchmarks.toml
must match an entry of that list on everything a reader relies on; every "N %" in the bank's
texts must be a number of that list.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from innoscan.content.figures import Figure, Source
from innoscan.content.loader import builtin_bank_dir, load_bank

PUBLISHED = Path(__file__).parent / "data" / "published_figures.toml"
# what a figure must agree on with its published entry (absent in the list = not given)
FIELDS = ("qualifier", "value_high", "unit", "population", "org_type", "year", "period", "n")
PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s?%")


def listed() -> list[dict[str, Any]]:
    return tomllib.loads(PUBLISHED.read_text(encoding="utf-8"))["figures"]


def in_bank() -> list[tuple[str, Figure]]:
    return [(i.id, f) for i in load_bank().indicators for f in i.figures]


def percents(text: str) -> set[float]:
    return {float(m.replace(",", ".")) for m in PERCENT.findall(text)}


def mismatches(figures: list[tuple[str, Figure]], entries: list[dict[str, Any]]) -> list[str]:
    """Every way the bank's figures differ from the published list (empty: they agree)."""
    problems = []
    matched: dict[str, int] = {}
    for indicator, figure in figures:
        name = f"{indicator} {figure.country} {figure.value:g} %"
        same = [
            e
            for e in entries
            if e.get("indicator") == indicator
            and e["country"] == figure.country
            and e["value"] == figure.value
        ]
        if len(same) != 1:
            known = [
                f"{e['country']} {e['value']} %" for e in entries if e.get("indicator") == indicator
            ]
            problems.append(f"{name}: not one published figure (listed for it: {known})")
            continue
        entry = same[0]
        matched[entry["id"]] = matched.get(entry["id"], 0) + 1
        for field in FIELDS:
            if getattr(figure, field) != entry.get(field):
                problems.append(
                    f"{name}: {field} is {getattr(figure, field)!r}, published {entry.get(field)!r}"
                )
        source = entry["source"]
        if (figure.source.title, figure.source.url) != (source["title"], source.get("url")):
            problems.append(f"{name}: source is {figure.source!r}, published {source!r}")
        allowed = {entry["value"], entry.get("value_high"), *entry.get("also", [])}
        for lang, text in (figure.note or {}).items():
            if percents(text) - allowed:
                problems.append(f"{name}: note ({lang}) quotes {percents(text) - allowed} %")
    for entry in entries:
        if "indicator" in entry and matched.get(entry["id"]) != 1:
            problems.append(f"{entry['id']}: listed for {entry['indicator']} but not in the bank")
    return problems


def test_the_published_list_is_complete_per_entry():
    entries = listed()
    assert len({e["id"] for e in entries}) == len(entries), "duplicate ids"
    for e in entries:
        for key in ("id", "reference", "counts", "value", "country", "source"):
            assert key in e, (e.get("id"), key)
        assert e["source"]["title"].strip(), e["id"]
        if "indicator" in e:
            assert {"unit", "population"} <= e.keys(), e["id"]
            assert e["population"]["nl"].strip() and e["population"]["en"].strip(), e["id"]
        else:
            assert e.get("not_used", "").strip(), f"{e['id']}: say why it is not used"


def test_every_figure_in_the_bank_is_published_as_it_is_shown():
    assert mismatches(in_bank(), listed()) == []


@pytest.mark.parametrize(
    "change",
    [
        {"value": 80.0},
        {"unit": "organisations"},
        {
            "population": {
                "nl": "de Noorse gemeentelijke eenheden",
                "en": "Norwegian municipal units",
            }
        },
        {"year": 2019},
        {"n": 1611},
        {"source": Source(title="KS, Innovasjonsbarometeret", url="https://www.ks.no")},
        {"note": {"nl": "Het rapport noemt 80 %.", "en": "The report gives 80 %."}},
    ],
    ids=["value", "unit", "population", "year", "n", "source", "note"],
)
def test_a_wrong_figure_fails_the_check(change):
    figures = in_bank()
    at = next(k for k, (i, f) in enumerate(figures) if i == "innovated" and f.country == "NO")
    indicator, figure = figures[at]
    figures[at] = (indicator, figure.model_copy(update=change))
    assert mismatches(figures, listed()) != []


def test_a_figure_dropped_from_the_bank_fails_the_check():
    figures = [(i, f) for i, f in in_bank() if not (i == "innovated" and f.country == "FI")]
    gone = [p for p in mismatches(figures, listed()) if p.endswith("not in the bank")]
    assert gone == [
        "fi_innovated_2018: listed for innovated but not in the bank",
        "fi_innovated_2022: listed for innovated but not in the bank",
    ]


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_every_percentage_in_the_bank_texts_is_a_published_number():
    numbers = set()
    for e in listed():
        numbers |= {e["value"], e.get("value_high"), *e.get("also", [])}
    found = {}
    for path in sorted(builtin_bank_dir().rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for text in strings(data):
            for number in percents(text) - numbers:
                found[number] = f"{path.name}: {text[:80]}"
    assert found == {}


def test_a_figure_whose_unit_the_source_does_not_state_says_what_it_counts():
    """Its reading is the figure's own statement, not 'Like N % of ...'."""
    vague = [(i, f.value) for i, f in in_bank() if f.unit == "unstated" and not f.statement]
    assert vague == []


def test_sections_without_figures_are_the_ones_without_a_like_for_like_figure():
    bank = load_bank()
    with_figures = {i.section for i in bank.indicators}
    assert with_figures == {"activity", "collaboration"}
