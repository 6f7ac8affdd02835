"""Honesty of data: every published figure has a source and matches the domain reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from innoscan.content.loader import load_bank

DOMAIN = Path(__file__).resolve().parents[2] / "shared" / "domain.md"
# figures that the domain reference gives in words rather than as "N %"
IN_WORDS = {50: "about half", 20: "about 1 in 5"}


def figures():
    bank = load_bank()
    return [(i.id, f) for i in bank.indicators for f in i.figures]


def test_every_figure_has_a_source_and_a_population():
    found = figures()
    assert len(found) >= 25
    for indicator, figure in found:
        assert figure.source.title.strip(), indicator
        assert figure.population["nl"].strip() and figure.population["en"].strip(), indicator


@pytest.mark.skipif(not DOMAIN.is_file(), reason="shared/domain.md is not beside this checkout")
def test_every_figure_is_in_the_domain_reference():
    text = DOMAIN.read_text(encoding="utf-8")
    for indicator, figure in figures():
        value = f"{figure.value:g}"
        if figure.value_high is not None:
            value += f"-{figure.value_high:g}"
        written = IN_WORDS.get(figure.value) if figure.qualifier == "about" else None
        assert f"{value} %" in text or (written and written in text), (indicator, value)


def test_sections_without_figures_are_the_ones_the_domain_names():
    bank = load_bank()
    with_figures = {i.section for i in bank.indicators}
    assert {"leadership", "roles", "last_mile"}.isdisjoint(with_figures)
