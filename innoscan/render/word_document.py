"""A Word document (.docx) made from a Markdown report: its headings as Word headings (the
navigation pane lists them), its tables as Word tables, its charts as pictures with their
text alternative. The Markdown is the one source, so both say the same.

python-docx and lxml are imported only when a Word document is made.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from innoscan.render.markdown import Picture, xml_safe

PAGE_MM = (210, 297)  # A4, upright; a document of wide tables turns it (`landscape`)
MARGIN_MM = 20
KEPT_ROWS = 20  # a table of at most this many rows is not split over two pages
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}


def markdown_docx(
    markdown: str, pictures: Mapping[str, Picture], lang: str, landscape: bool = False
) -> bytes:
    """The Word document of `markdown`; its images are the `pictures` whose href they name.
    `landscape`: the pages turned, for tables of many columns (a report's figures with
    their sources, an overview of teams)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    page = (PAGE_MM[1], PAGE_MM[0]) if landscape else PAGE_MM
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(page[0]), Mm(page[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    normal.font.name = "Arial"  # on every Word; LibreOffice shows its metric twin
    _language(normal, LANGUAGE_TAGS.get(lang, lang))
    document.core_properties.language = LANGUAGE_TAGS.get(lang, lang)
    images = {p.href: replace(p, alt=xml_safe(p.alt)) for p in pictures.values()}
    _Writer(document, images, page).write(_parser().parse(xml_safe(markdown)))
    document.core_properties.title = document.paragraphs[0].text if document.paragraphs else ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _language(style, tag: str) -> None:
    """Spelling and hyphenation in the report's language."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    rpr.append(lang)


class _Writer:
    """Walks markdown-it's tokens and adds each block to the document."""

    def __init__(self, document, images: Mapping[str, Picture], page: tuple[int, int]) -> None:
        self.document = document
        self.images = images
        self.lists = 0  # how deep in bullet lists
        self.text_mm = (page[0] - 2 * MARGIN_MM, page[1] - 2 * MARGIN_MM)  # width, height
        self.before = None  # the heading or paragraph just added: kept with a table after it

    def write(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.type == "heading_open":
                level = int(token.tag[1])
                self.before = self.document.add_heading(level=level)
                self._runs(self.before, tokens[i + 1].children)
                i += 3
            elif token.type == "paragraph_open":
                self._paragraph(tokens[i + 1].children or [])
                i += 3
            elif token.type == "bullet_list_open":
                self.lists += 1
                i += 1
            elif token.type == "bullet_list_close":
                self.lists -= 1
                i += 1
            elif token.type == "table_open":
                end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
                self._table(tokens[i : end + 1])
                self.before = None
                i = end + 1
            else:
                i += 1

    def _paragraph(self, children: list[Token]) -> None:
        if len(children) == 1 and children[0].type == "image":
            self._image(children[0])
            return
        style = None
        if self.lists:
            style = "List Bullet" + (f" {min(self.lists, 3)}" if self.lists > 1 else "")
        self.before = self.document.add_paragraph(style=style)
        self._runs(self.before, children)

    def _image(self, token: Token) -> None:
        from docx.image.image import Image
        from docx.shared import Mm

        picture = self.images.get(str(token.attrs.get("src", "")))
        if picture is None or picture.png is None:  # nothing to show: say what it would
            self.document.add_paragraph(token.content)
            return
        size = Image.from_blob(picture.png)
        width = Mm(self.text_mm[0])
        most = Mm(self.text_mm[1] - 20)
        if width * size.px_height / size.px_width > most:  # a tall chart: fit the page's height
            shape = self.document.add_picture(io.BytesIO(picture.png), height=most)
        else:
            shape = self.document.add_picture(io.BytesIO(picture.png), width=width)
        properties = shape._inline.docPr  # python-docx has no API for a picture's alt text
        properties.set("descr", picture.alt)
        properties.set("title", _text(token.children or []))

    def _table(self, tokens: list[Token]) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        rows: list[list[tuple[list[Token], str]]] = []
        for token in tokens:
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                style = str(token.attrs.get("style", ""))
                rows[-1].append(([], "right" if "right" in style else "left"))
            elif token.type == "inline" and rows and rows[-1]:
                rows[-1][-1][0].extend(token.children or [])
        headed = any(_text(children) for children, _ in rows[0])
        rows = rows if headed else rows[1:]  # a table of pairs has empty headers: none
        width = max(len(r) for r in rows)
        table = self.document.add_table(rows=len(rows), cols=width, style="Table Grid")
        table.autofit = False
        small = Pt(8.5) if width >= 5 else None
        letters = self.text_mm[0] / (1.55 if small else 1.8)  # letters of 8.5 or 10 pt Arial
        for c, share in enumerate(_column_shares(rows, width, letters, headed)):
            table.columns[c].width = Mm(self.text_mm[0] * share)
            for r, row in enumerate(rows):
                cell = table.cell(r, c)
                cell.width = table.columns[c].width
                if c >= len(row):
                    continue
                children, align = row[c]
                paragraph = cell.paragraphs[0]
                if align == "right":
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for run in self._runs(paragraph, children, bold=headed and r == 0):
                    run.font.size = small
        if headed:  # the header row repeats on each page
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            table.rows[0]._tr.get_or_add_trPr().append(repeat)
        self._kept_together(table, len(rows))
        self.document.add_paragraph()

    def _kept_together(self, table, count: int) -> None:
        """A table on the page of the heading and text before it: those keep with the table,
        and a table of up to KEPT_ROWS rows keeps whole (its rows each with the next); a
        longer one breaks between its rows, never inside one."""
        from docx.oxml import OxmlElement

        if self.before is not None:
            self.before.paragraph_format.keep_with_next = True
        for row in table.rows:  # no row split over two pages
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for row in table.rows[: (count - 1 if count <= KEPT_ROWS else 1)]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True

    def _runs(self, paragraph, children: list[Token] | None, bold: bool = False) -> list:
        """The inline tokens as runs: bold, italic, links (as Word hyperlinks), line breaks."""
        runs, strong, emphasis, link = [], bold, False, None
        for child in children or []:
            what = child.type
            if what == "strong_open":
                strong = True
            elif what == "strong_close":
                strong = bold
            elif what == "em_open":
                emphasis = True
            elif what == "em_close":
                emphasis = False
            elif what == "link_open":
                link = _hyperlink(paragraph, str(child.attrs.get("href", "")))
            elif what == "link_close":
                link = None
            elif what in ("softbreak", "hardbreak"):
                run = paragraph.add_run()
                run.add_break()
            elif what in ("text", "code_inline", "image"):
                run = paragraph.add_run(child.content)
                if link is not None:
                    run = _into_link(run, link, paragraph)
                run.bold, run.italic = strong or None, emphasis or None
                runs.append(run)
        return runs


def _text(children: list[Token]) -> str:
    return "".join(c.content for c in children if c.type in ("text", "code_inline"))


def _column_shares(
    rows: list[list[tuple[list[Token], str]]], width: int, page: float, headed: bool = False
) -> list[float]:
    """Each column's share of a line of `page` letters: at least room for its longest word,
    and of what is left, a share by its longest text (up to 30 letters) below the header (a
    header wraps between its words rather than take room its column's texts do not need)."""
    least, wanted = [3.0] * width, [3.0] * width  # in letters (`page` wide), with padding
    for r, row in enumerate(rows):
        for c, (children, _) in enumerate(row):
            text = _text(children)
            word = max((len(w) for w in text.split()), default=0)
            header = headed and r == 0
            least[c] = max(least[c], word + (4 if header else 3))  # a header's letters: bold
            longest = word if header else min(30, len(text))
            wanted[c] = max(wanted[c], least[c], longest + 3)
    spare, extra = max(0.0, page - sum(least)), sum(wanted) - sum(least)
    grow = min(1.0, spare / extra) if extra else 0.0
    sizes = [n + (w - n) * grow for n, w in zip(least, wanted, strict=True)]
    return [n / sum(sizes) for n in sizes]


def _hyperlink(paragraph, url: str):
    """A w:hyperlink to `url` at the end of `paragraph`; runs go inside it."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    element = OxmlElement("w:hyperlink")
    element.set(qn("r:id"), rel)
    paragraph._p.append(element)
    return element


def _into_link(run, link, paragraph):
    """`run` moved into a hyperlink, blue and underlined as links are."""
    from docx.shared import RGBColor
    from docx.text.run import Run

    link.append(run._r)
    run = Run(run._r, paragraph)
    run.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    run.font.underline = True
    return run
