"""The one way elements put text into the document: a paragraph of a named style, its runs (text +
optional character style), and the few computed paragraph properties (indents, spacing) that a
style cannot know in advance. Every paragraph is also recorded for the page-flow estimate and
checked for characters its face lacks."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence, Union

from docx.oxml.ns import qn

from . import ooxml
from .layout import Flow
from .styles import StyleSheet
from .text_prep import FontWarnings, TextPrep

# Characters Word sets in the hAnsi face unless the run says w:hint="eastAsia": quotes, dashes,
# ellipsis, middle dot and other General Punctuation.
_AMBIGUOUS = re.compile("[\u00b7\u2010-\u206f\u00a7\u00a8\u00b0\u00b1\u00d7\u00f7]")

_P = qn("w:p")

Runs = Union[str, Sequence[tuple[str, Optional[str]]]]


@dataclass(frozen=True)
class Indent:
    """Paragraph indents: the first line in characters (or a hanging indent), the sides in twips."""

    first_chars: float = 0.0
    hanging: int = 0
    left: int = 0
    right: int = 0

    def apply(self, ppr, char_twips: int) -> None:
        ooxml.set_indent(ppr, first_chars=self.first_chars, hanging=self.hanging, left=self.left,
                         right=self.right, char_twips=char_twips)

    def geometry(self, char_twips: int) -> tuple[int, int, int]:
        """(first-line offset from the left indent, left, right) in twips."""
        return int(round(self.first_chars * char_twips)) - self.hanging, self.left, self.right


class DocWriter:
    def __init__(self, document, sheet: StyleSheet, prep: TextPrep, warnings: FontWarnings, flow: Flow):
        self.document = document
        self.sheet = sheet
        self.prep = prep
        self.warnings = warnings
        self.flow = flow
        self._style_geometry: dict[str, tuple[int, int, int]] = {}

    def paragraph(self, sid: str, runs: Runs, *, where: str, indent: Optional[Indent] = None,
                  space_before: Optional[int] = None, line: Optional[int] = None, tabs: Iterable[Union[int, tuple[int, str]]] = (),
                  jc: Optional[str] = None, page_break_before: bool = False, lines: Optional[int] = None):
        """Add a body paragraph of style ``sid``. ``runs`` is text or [(text, character style id)],
        already prepared (see :class:`TextPrep`). ``lines`` fixes the line count for the flow
        estimate (a line laid out with tabs)."""
        paragraph = self.document.add_paragraph()
        runs = self.fill(paragraph, sid, runs, where=where, indent=indent, space_before=space_before, line=line,
                         tabs=tabs, jc=jc, page_break_before=page_break_before)
        spec = self.sheet.para[sid]
        text = runs[0][0] if len(runs) == 1 else "".join(t for t, _ in runs)
        self.flow.paragraph(sid, text, geometry=self._geometry(sid, indent),
                            space_before=spec.space_before if space_before is None else space_before,
                            line=line, page_break_before=page_break_before, lines=lines)
        return paragraph

    def keep_last_with_next(self) -> None:
        """Keep the last paragraph of the body on the page of the paragraph that follows it."""
        last = next((el for el in reversed(self.document.element.body) if el.tag == _P), None)
        if last is not None and self.flow.blocks:
            ooxml.set_flag(last.get_or_add_pPr(), "keepNext")
            self.flow.blocks[-1].keep_next = True

    def _geometry(self, sid: str, indent: Optional[Indent]) -> tuple[int, int, int]:
        if indent is not None:
            return indent.geometry(self.sheet.indent_unit(sid))
        if sid not in self._style_geometry:
            spec = self.sheet.para[sid]
            self._style_geometry[sid] = Indent(first_chars=spec.first_chars).geometry(self.sheet.indent_unit(sid))
        return self._style_geometry[sid]

    def fill(self, paragraph, sid: str, runs: Runs, *, where: str, indent: Optional[Indent] = None,
             space_before: Optional[int] = None, line: Optional[int] = None, tabs: Iterable[Union[int, tuple[int, str]]] = (),
             jc: Optional[str] = None, page_break_before: bool = False):
        """Style, runs and direct properties of an existing paragraph (also one in a table cell, which
        the flow estimate measures as a whole). Returns the runs as a list."""
        if isinstance(runs, str):
            runs = [(runs, None)]
        spec = self.sheet.para[sid]
        paragraph._p.style = sid  # by id: python-docx's lookup by name or object costs a search per call
        for text, char_sid in runs:
            if not text:
                continue
            run = paragraph.add_run(text)
            if char_sid:
                run._r.style = char_sid
            if _AMBIGUOUS.search(text):
                ooxml.set_child(run._r.get_or_add_rPr(), "rFonts", hint="eastAsia")
            self.warnings.check(text, self.sheet.font_of(sid, char_sid), where)
        tabs = list(tabs)
        if indent is not None or space_before is not None or line is not None or tabs or jc or page_break_before:
            ppr = paragraph._p.get_or_add_pPr()
            if page_break_before:
                ooxml.set_flag(ppr, "pageBreakBefore")
            for tab in tabs:  # a position (a right tab) or (position, kind)
                ooxml.set_tab(ppr, *tab) if isinstance(tab, tuple) else ooxml.set_tab(ppr, tab)
            if space_before is not None or line is not None:
                ooxml.set_spacing(ppr, line=line if line is not None else spec.line,
                                  before=space_before if space_before is not None else spec.space_before)
            if indent is not None:
                indent.apply(ppr, int(spec.size * 20))
            if jc:
                ooxml.set_jc(ppr, jc)
        return runs
