"""Page setup (A4, GB/T 9704 margins, the 22 × 28 grid), document settings, the odd/even page-number
footers and package clean-up of python-docx's template."""
from __future__ import annotations

import datetime as _dt

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Twips

from . import ooxml
from .styles import (CHAR_SPACE, LINE, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_H, PAGE_W,
                     StyleSheet)

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
HEADER_DISTANCE = 851   # 15 mm; the documents have no header text
PAGE_NUMBER_INDENT = 280  # 空一字 at 4号 (14 pt)


def setup_page(document, sheet: StyleSheet) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(PAGE_W), Twips(PAGE_H)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    section.gutter = Twips(0)
    section.header_distance = Twips(HEADER_DISTANCE)
    section.footer_distance = Twips(sheet.options.footer_distance_twips)
    grid = ooxml.set_child(section._sectPr, "docGrid", linePitch=LINE)
    if sheet.portable:
        # Line grid only: 28 characters come from the −0.25 pt tracking of the styles, which
        # LibreOffice and WPS lay out as Word does.
        grid.set(qn("w:type"), "lines")
        grid.attrib.pop(qn("w:charSpace"), None)
    else:
        grid.set(qn("w:type"), "linesAndChars")
        grid.set(qn("w:charSpace"), str(CHAR_SPACE))


def setup_settings(document) -> None:
    settings = document.settings
    settings.odd_and_even_pages_header_footer = True  # <w:evenAndOddHeaders/> in schema order
    lang = settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        # ja-JP would map any theme-font fallback to MS Mincho.
        lang.set(qn("w:eastAsia"), "zh-CN")


# Word (and python-docx) hold a core property of at most 255 characters; the file keeps its start.
CORE_PROPERTY_LIMIT = 255


def _property(text: str) -> str:
    return text[:CORE_PROPERTY_LIMIT]


def setup_properties(document, *, title: str, author: str) -> None:
    """Core properties (python-docx's template says author "python-docx", dated 2013); no template
    thumbnail (Windows Explorer would show python-docx's picture as the file's preview) and no
    Word 2010 copy of the template's styles."""
    props = document.core_properties
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.title = _property(title)
    props.author = props.last_modified_by = _property(author)
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    props.created = props.modified = now
    props.revision = 1
    for rels, kind in ((document.part.package.rels, RT.THUMBNAIL), (document.part.rels, STYLES_WITH_EFFECTS)):
        for rid, rel in list(rels.items()):
            if rel.reltype == kind:
                del rels[rid]


def add_page_number_footers(document, sheet: StyleSheet) -> None:
    """「— N —」 in 4号宋体: odd pages right and even pages left, 空一字 from the edge (GB/T 9704 7.5)."""
    section = document.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph._p.style = "GWPageNumber"
        ppr = paragraph._p.get_or_add_pPr()
        ooxml.set_jc(ppr, side)
        ooxml.set_indent(ppr, left=PAGE_NUMBER_INDENT if side == "left" else 0,
                         right=PAGE_NUMBER_INDENT if side == "right" else 0)
        p = paragraph._p
        p.append(_text_run("— "))
        for run in ooxml.field_runs("PAGE", "1", _hint_rpr):
            p.append(run)
        p.append(_text_run(" —"))


def _hint_rpr():
    """Run properties that keep the dashes in the Chinese face (U+2014 is an ambiguous character)."""
    rpr = ooxml.make("rPr")
    rpr.append(ooxml.make("rFonts", hint="eastAsia"))
    return rpr


def _text_run(text: str):
    r = ooxml.make("r")
    r.append(_hint_rpr())
    t = ooxml.make("t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r
