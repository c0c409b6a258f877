"""Writing cells safely: text stays text, numbers stay numbers.

* A string is always stored as a string cell. openpyxl turns any text starting with ``=``
  into a formula, so a unit called 「=HYPERLINK(...)」 would become a live link in Excel;
  we force the data type back to string (written as an inline string, never evaluated).
* Control characters (openpyxl refuses them, XML cannot hold them) are removed.
* Text longer than Excel's cell limit is cut, with a note saying so.
"""
from __future__ import annotations

from typing import Optional

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from models.text import clean_text, display_width, utf16_len

EXCEL_CELL_LIMIT = 32767  # characters (UTF-16 code units) in one cell


def truncation_note(original_length: int) -> str:
    return f"……（全文 {original_length} 字，超过 Excel 单元格上限 {EXCEL_CELL_LIMIT} 字，以下已截去）"


def safe_text(value: object) -> str:
    """Text fit for a cell: line breaks kept, control characters dropped, cut to the limit."""
    text = clean_text("" if value is None else str(value))
    if utf16_len(text) <= EXCEL_CELL_LIMIT:
        return text
    note = truncation_note(len(text))
    room = EXCEL_CELL_LIMIT - utf16_len(note)
    cut = text[:room]
    while utf16_len(cut) > room:  # characters outside the BMP count twice
        cut = cut[:-1]
    return cut + note


def put_text(ws: Worksheet, row: int, column: int, value: object, style: Optional[str] = None) -> Cell:
    """A string cell whatever the text starts with (= + - @ included)."""
    cell = ws.cell(row=row, column=column)
    cell.value = safe_text(value)
    cell.data_type = "s"
    if style:
        cell.style = style
    return cell


def put_cell(ws: Worksheet, row: int, column: int, value: object, style: Optional[str] = None) -> Cell:
    """A whole number (序号, 年度, 栏次) as a number cell, so Excel does not flag it as a
    number stored as text and it sorts as a number; anything else as :func:`put_text`."""
    if isinstance(value, int) and not isinstance(value, bool):
        cell = ws.cell(row=row, column=column, value=value)
        if style:
            cell.style = style
        return cell
    return put_text(ws, row, column, value, style)


def text_width(text: str) -> float:
    """Column width (Excel units ≈ one Latin digit) the text needs on one line: a Chinese
    character is two units; openpyxl has no auto-fit."""
    longest = max((display_width(line) for line in str(text).split("\n")), default=0)
    return longest * 2 + 2
