"""A report written to .docx with python-docx directly, the way other offices' files are made.

Not the program's exporter: a stand-in for test and benchmark input. Headings
carry their numbers either typed into the text (``numbering="typed"``) or drawn
by Word from ``numbering.xml`` through the paragraph's ``w:numPr``
(``"paragraph"``) or through heading styles (``"style"``), with the text then
holding no number at all. Run-in headings are a bold lead run; body paragraphs
are indented with two U+3000 when ``indent_with_spaces``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from models.numbering import heading_label
from models.refs import render_refs
from models.report import Report, Section

_LEVEL_FORMATS = (("chineseCountingThousand", "%1、"), ("chineseCountingThousand", "（%2）"),
                  ("decimal", "%3."), ("decimal", "（%4）"))
ABSTRACT_ID = "71"
NUM_ID = "71"


def _abstract_num_xml(style_ids: Optional[list[str]] = None) -> str:
    levels = []
    for ilvl, (fmt, text) in enumerate(_LEVEL_FORMATS):
        pstyle = f'<w:pStyle w:val="{style_ids[ilvl]}"/>' if style_ids else ""
        levels.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
                      f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')
    return (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_ID}">'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')


def add_chinese_outline_numbering(document, style_ids: Optional[list[str]] = None) -> str:
    """Add a 一、/（一）/1./（1） numbering definition; returns its numId."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(_abstract_num_xml(style_ids))
    if first_num is not None:
        first_num.addprevious(abstract)  # abstractNum elements come before num elements
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{NUM_ID}">'
                               f'<w:abstractNumId w:val="{ABSTRACT_ID}"/></w:num>'))
    return NUM_ID


def set_num_pr(target_ppr, num_id: str, ilvl: Optional[int]) -> None:
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    target_ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}>{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr>'))


class _Writer:
    def __init__(self, report: Report, numbering: str, indent_with_spaces: bool):
        self.report = report
        self.numbering = numbering
        self.indent = "\u3000\u3000" if indent_with_spaces else ""
        self.doc = docx.Document()
        self.num_id = None
        if numbering == "style":
            ids = [self.doc.styles[f"Heading {n}"].style_id for n in range(1, 5)]
            self.num_id = add_chinese_outline_numbering(self.doc, ids)
            for ilvl, sid in enumerate(ids):
                set_num_pr(self.doc.styles[f"Heading {ilvl + 1}"].element.get_or_add_pPr(), self.num_id, ilvl)
        elif numbering == "paragraph":
            self.num_id = add_chinese_outline_numbering(self.doc)

    def text(self, s: str) -> str:
        return render_refs(s, self.report)

    def body(self, text: str):
        return self.doc.add_paragraph(self.indent + self.text(text))

    def heading(self, section: Section, level: int, index: int) -> None:
        label = heading_label(level, index) if self.numbering == "typed" else ""
        if self.numbering == "style":
            p = self.doc.add_paragraph(style=f"Heading {level}")
        else:
            p = self.doc.add_paragraph()
            if self.numbering == "paragraph":
                set_num_pr(p._p.get_or_add_pPr(), self.num_id, level - 1)
        paragraphs = list(section.paragraphs)
        if section.run_in and paragraphs:
            lead = p.add_run(self.indent + label + section.heading_sentence())
            lead.bold = True
            p.add_run(self.text(paragraphs.pop(0)))
        else:
            run = p.add_run(self.indent + label + section.heading)
            run.bold = level <= 2
        for text in paragraphs:
            self.body(text)
        for i, child in enumerate(section.children, start=1):
            self.heading(child, level + 1, i)

    def write(self, path: Path) -> None:
        meta = self.report.meta
        title = self.doc.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.add_run(meta.effective_title)  # "\n" becomes a w:br
        if meta.addressees:
            self.doc.add_paragraph("，".join(meta.addressees) + "：")
        for text in self.report.preamble:
            self.body(text)
        for i, section in enumerate(self.report.sections, start=1):
            self.heading(section, 1, i)
        if meta.attachments:
            names = meta.attachments
            first = f"附件：{'1.' if len(names) > 1 else ''}{names[0]}"
            self.body(first)
            for n, name in enumerate(names[1:], start=2):
                self.doc.add_paragraph(f"\u3000\u3000\u3000\u3000\u3000{n}.{name}")
        for text in (meta.effective_signature, meta.signing_date_text):
            if text:
                self.doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.doc.save(str(path))


def write_plain_docx(report: Report, path, numbering: str = "typed", indent_with_spaces: bool = True) -> Path:
    """Write ``report`` to ``path``; ``numbering`` is "typed", "paragraph" or "style"."""
    if numbering not in ("typed", "paragraph", "style"):
        raise ValueError(f"numbering must be typed, paragraph or style: {numbering!r}")
    path = Path(path)
    _Writer(report, numbering, indent_with_spaces).write(path)
    return path
