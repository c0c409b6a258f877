"""Importing last year's report: a Word .docx, a text file, or text pasted from a web page.

    result = import_file("2023年报告.docx")        # or import_text(pasted)
    result.report, result.proposals, result.warnings
    apply_numbers(result)                           # or only the proposals the user accepted
    keep_as_custom(result, result.unmatched[0], "新建口袋公园")   # a number no indicator matches

Every failure is an :class:`ImportFailed` with a Chinese message naming the file;
an import never writes anything.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Sequence, Union

from models.catalogue import Catalogue

from .errors import PASTED, ImportFailed
from .html_reader import html_lines
from .lines import Line
from .result import ImportResult, Proposal, apply_numbers, describe, find_proposals, keep_as_custom
from .sniff import read_source_lines
from .structure import build_report
from .text_reader import text_lines

__all__ = ["ImportFailed", "ImportResult", "Proposal", "apply_numbers", "describe", "import_file",
           "import_lines", "import_pasted", "import_text", "keep_as_custom"]


def import_lines(lines: list[Line], source: Optional[str] = None, catalogue: Optional[Catalogue] = None,
                 reader_warnings: Sequence[str] = ()) -> ImportResult:
    """The report in ``lines`` (from any reader) with its number proposals."""
    parsed = build_report(lines, source)
    result = ImportResult(report=parsed.report, warnings=list(reader_warnings) + parsed.warnings,
                          source=source or PASTED)
    find_proposals(result, catalogue)
    return result


def import_text(text: str, catalogue: Optional[Catalogue] = None) -> ImportResult:
    """A whole report pasted as text (e.g. copied from the office's website)."""
    return import_lines(text_lines(text), None, catalogue)


def import_pasted(text: str, html: str = "", catalogue: Optional[Catalogue] = None) -> ImportResult:
    """A report pasted from a browser: its HTML (which keeps bold leads and right-aligned signatures)
    when the clipboard had it, else its text."""
    if html:
        try:
            lines = html_lines(html)
        except (AssertionError, ValueError):
            lines = []  # markup the parser cannot take: the text says the same
        if lines:
            return import_lines(lines, None, catalogue)
    return import_text(text, catalogue)


def import_file(path: Union[str, os.PathLike], catalogue: Optional[Catalogue] = None) -> ImportResult:
    """A .docx or a text file, recognised by its content (a renamed file is still found out)."""
    path = Path(path)
    lines, warnings = read_source_lines(path)
    return import_lines(lines, str(path), catalogue, warnings)
