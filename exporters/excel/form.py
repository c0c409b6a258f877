"""The pieces every statistical form (统计报表) here shares: title, the two header rows
(names, then 甲 乙 丙 1 2 … 丁), category rows, indicator name/code/unit cells, widths."""
from __future__ import annotations

import math
from typing import Optional, Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.catalogue import Indicator
from models.numbering import chinese_numeral
from models.report import Number
from models.text import display_width

from .cells import put_text, text_width
from .styles import PERCENT, change_format, shown_text, to_cell, value_format

# The columns of the indicator part, as 统计报表 label them: 甲 乙 丙 are text columns,
# 1 2 3 … are number columns, 丁 is the remark column.
INDICATOR_HEADERS = ("指标名称", "代码", "计量单位")
TEXT_COLUMN_LABELS = "甲乙丙丁戊己庚辛"
NAME_WIDTH_MAX = 44   # wider names wrap onto a second line
LINE_HEIGHT_PT = 13.5


def column_labels(kinds: Sequence[str]) -> list[str]:
    """'t' for a text column, 'n' for a number column → 甲 乙 丙 1 2 3 4 丁."""
    labels, texts, numbers = [], 0, 0
    for kind in kinds:
        if kind == "t":
            labels.append(TEXT_COLUMN_LABELS[texts])
            texts += 1
        else:
            numbers += 1
            labels.append(str(numbers))
    return labels


def merge_text(ws: Worksheet, row: int, first: int, last: int, text: str, style: str) -> None:
    put_text(ws, row, first, text, style)
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def write_header(ws: Worksheet, row: int, headers: Sequence[str], kinds: Optional[Sequence[str]] = None,
                 header_height: Optional[float] = None) -> int:
    """The header row and, with ``kinds``, the column-label row; returns the next row."""
    for col, text in enumerate(headers, start=1):
        put_text(ws, row, col, text, "fz_header")
    if header_height:
        ws.row_dimensions[row].height = header_height
    if not kinds:
        return row + 1
    for col, text in enumerate(column_labels(kinds), start=1):
        put_text(ws, row + 1, col, text, "fz_label")
    return row + 2


def category_title(index: int, name: str) -> str:
    return f"{chinese_numeral(index)}、{name}"


def write_category(ws: Worksheet, row: int, index: int, name: str, last_column: int) -> None:
    put_text(ws, row, 1, category_title(index, name), "fz_category")
    for col in range(2, last_column + 1):
        ws.cell(row=row, column=col).style = "fz_category"


def put_value(ws: Worksheet, row: int, col: int, ind: Indicator, value: Optional[Number],
              style: str = "fz_number") -> None:
    """An indicator's figure as a number cell in the indicator's format (empty stays empty)."""
    cell = ws.cell(row=row, column=col)
    cell.style = style
    if value is not None:
        cell.value = to_cell(ind, value)
        cell.number_format = value_format(ind, value)


def write_form_row(ws: Worksheet, row: int, ind: Indicator, figures: tuple, remark: str,
                   widths: Sequence[float], code: Optional[str] = None, value_style: str = "fz_number") -> None:
    """Columns 甲 乙 丙 1 2 3 4 丁: name (indented under its category), code, unit, then
    ``figures`` = (本年, 上年, 增减, 增减率 %), then the remark."""
    value, last, change, change_rate = figures
    put_text(ws, row, 1, ind.name, "fz_name")
    put_text(ws, row, 2, ind.id if code is None else code, "fz_center")
    put_text(ws, row, 3, ind.unit, "fz_center")
    put_value(ws, row, 4, ind, value, value_style)
    put_value(ws, row, 5, ind, last)
    cell = ws.cell(row=row, column=6)
    cell.style = "fz_number"
    if change is not None:
        cell.value = change  # percentage points for a rate, the unit's own number otherwise
        cell.number_format = change_format(ind, change)
    cell = ws.cell(row=row, column=7)
    cell.style = "fz_number"
    if change_rate is not None:
        cell.value = change_rate / 100.0
        cell.number_format = PERCENT
    put_text(ws, row, 8, remark, "fz_text")
    fit_row_height(ws, row, ((ind.name, widths[0] - 1.5), (remark, widths[7])))  # minus the indent


# A 10-pt Chinese character is about 1.9 column-width units (a unit is the digit width of
# Excel's default font, 7 px); other characters about half of that.
WIDE_CHAR_UNITS = 1.9


def wrapped_lines(text: str, width: float) -> int:
    """Lines a wrapped cell of ``width`` units needs."""
    usable = max(width - 1, 1)  # cell padding
    return sum(max(1, math.ceil(display_width(line) * WIDE_CHAR_UNITS / usable)) for line in text.split("\n"))


def fit_row_height(ws: Worksheet, row: int, cells: Sequence[tuple[str, float]]) -> None:
    """Make a row tall enough for its wrapped texts [(text, column width)]. openpyxl cannot
    measure text, and not every spreadsheet program grows rows for wrapped text on opening."""
    lines = max((wrapped_lines(text, width) for text, width in cells if text), default=1)
    if lines > 1:
        ws.row_dimensions[row].height = lines * LINE_HEIGHT_PT + 2


def name_column_width(names: Sequence[str]) -> float:
    return min(NAME_WIDTH_MAX, max((text_width(n) + 3 for n in names), default=20))


# Right-aligned numbers carry an indent, and the 合计 column is bold: leave room for both.
NUMBER_PADDING = 4


def widths_for_numbers(ws: Worksheet, widths: Sequence[float], first_row: int) -> list[float]:
    """``widths`` widened where a number below ``first_row`` would not fit: Excel and WPS
    print a number wider than its column as ####, so 1,000,000,000 must not meet a column
    sized for 4-digit counts."""
    result = list(widths)
    for row in ws.iter_rows(min_row=first_row, max_col=len(result)):
        for cell in row:
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                need = display_width(shown_text(cell.value, cell.number_format)) * 2 + NUMBER_PADDING
                result[cell.column - 1] = max(result[cell.column - 1], need)
    return result


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = round(width, 1)
