"""The Word document made from Markdown: turned pages for tables of many columns, headers that
wrap between their words, and headings and short tables kept on one page."""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from innoscan.render.word_document import KEPT_ROWS, _column_shares, _parser, markdown_docx

WIDE = (
    "# Title\n\n## Teams\n\nOne line before the table.\n\n"
    "| Team | Leadership and innovation management | Most severe risk |\n"
    "| --- | --- | --- |\n"
    + "".join(
        f"| Team {n} | partly (48) | Lawyers and privacy officers come to the table late |\n"
        for n in range(3)
    )
    + "\n## After\n\nText.\n"
)


def document(markdown: str, landscape: bool = False):
    return docx.Document(io.BytesIO(markdown_docx(markdown, {}, "en", landscape=landscape)))


def test_landscape_turns_the_pages_and_the_tables_take_its_width():
    upright, turned = document(WIDE), document(WIDE, landscape=True)
    assert upright.sections[0].orientation == WD_ORIENT.PORTRAIT
    assert upright.sections[0].page_width < upright.sections[0].page_height
    assert turned.sections[0].orientation == WD_ORIENT.LANDSCAPE
    page = turned.sections[0]
    assert abs(page.page_width - Mm(297)) < Mm(0.1) and abs(page.page_height - Mm(210)) < Mm(0.1)
    width = sum(c.width for c in turned.tables[0].columns)
    assert abs(width - Mm(297 - 40)) < Mm(1)


def test_a_header_wraps_between_its_words_and_leaves_the_room_to_long_texts():
    tokens = _parser().parse(WIDE)
    start = next(i for i, t in enumerate(tokens) if t.type == "table_open")
    rows: list[list] = []
    for token in tokens[start:]:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append((token.children or [], "left"))
        elif token.type == "table_close":
            break
    team, factor, risk = _column_shares(rows, 3, 110, headed=True)
    assert risk > factor  # the long header takes less than the long texts below the short one
    letters = [share * 110 for share in (team, factor, risk)]
    assert letters[1] >= len("management") + 3  # every word of a header fits its column


def test_a_short_header_over_shorter_texts_has_room_for_its_bold_letters():
    """A figures table's "Land" over "NL" broke inside the word ("Lan-d") at 3 letters' room."""
    tokens = _parser().parse("| Indicator | Land |\n| --- | --- |\n| Innovation adopted | NL |\n")
    rows: list[list] = [[], []]
    cells = [t for t in tokens if t.type == "inline"]
    for n, token in enumerate(cells):
        rows[n // 2].append((token.children or [], "left"))
    shares = _column_shares(rows, 2, 30, headed=True)
    assert shares[1] * 30 >= len("Land") + 4  # a bold letter is wider; the cell has padding
    made = document("| a | b |\n| --- | --- |\n" + "| x | y |\n" * (KEPT_ROWS + 5))
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in made.tables[0].rows)


def test_headings_and_short_tables_keep_to_one_page():
    made = document(WIDE)
    before = [p for p in made.paragraphs if p.text == "One line before the table."][0]
    assert before.paragraph_format.keep_with_next
    heading = [p for p in made.paragraphs if p.text == "Teams"][0]
    assert heading.style.paragraph_format.keep_with_next or heading.paragraph_format.keep_with_next
    kept = [r.cells[0].paragraphs[0].paragraph_format.keep_with_next for r in made.tables[0].rows]
    assert kept == [True, True, True, None]  # each row with the next, the last with what follows
    long = "| a | b |\n| --- | --- |\n" + "| x | y |\n" * (KEPT_ROWS + 5)
    rows = document(long).tables[0].rows
    assert rows[0].cells[0].paragraphs[0].paragraph_format.keep_with_next  # the header
    assert not rows[1].cells[0].paragraphs[0].paragraph_format.keep_with_next  # may split
