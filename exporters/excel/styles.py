"""Fonts, borders and number formats of the statistical forms (统计报表).

Named styles keep the file small and the writing fast: each cell refers to one of a
dozen styles instead of carrying its own font, border and alignment.
"""
from __future__ import annotations

from typing import Optional

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

from models.catalogue import Indicator
from models.report import Number

SONG = "宋体"
FANGSONG = "仿宋"
BODY_PT = 10

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

# name: (font, alignment, boxed)
_STYLES = {
    "fz_title": (Font(name=SONG, size=16, bold=True), Alignment(horizontal="center", vertical="center"), False),
    "fz_title_left": (Font(name=SONG, size=14, bold=True), Alignment(horizontal="left", vertical="center"), False),
    "fz_block": (Font(name=SONG, size=9), Alignment(horizontal="left", vertical="center"), False),
    "fz_info": (Font(name=SONG, size=BODY_PT), Alignment(horizontal="left", vertical="center"), False),
    "fz_info_center": (Font(name=SONG, size=BODY_PT), Alignment(horizontal="center", vertical="center"), False),
    "fz_info_right": (Font(name=SONG, size=BODY_PT), Alignment(horizontal="right", vertical="center"), False),
    "fz_header": (Font(name=SONG, size=BODY_PT, bold=True),
                  Alignment(horizontal="center", vertical="center", wrap_text=True), True),
    "fz_label": (Font(name=SONG, size=BODY_PT), Alignment(horizontal="center", vertical="center"), True),
    "fz_category": (Font(name=SONG, size=BODY_PT, bold=True), Alignment(horizontal="left", vertical="center"), True),
    "fz_name": (Font(name=SONG, size=BODY_PT),
                Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1), True),
    "fz_center": (Font(name=SONG, size=BODY_PT), Alignment(horizontal="center", vertical="center"), True),
    "fz_number": (Font(name=SONG, size=BODY_PT), Alignment(horizontal="right", vertical="center", indent=1), True),
    "fz_total": (Font(name=SONG, size=BODY_PT, bold=True), Alignment(horizontal="right", vertical="center", indent=1), True),
    "fz_text": (Font(name=SONG, size=BODY_PT),
                Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1), True),
    "fz_note": (Font(name=SONG, size=9), Alignment(horizontal="left", vertical="top", wrap_text=True), False),
    "fz_sign": (Font(name=FANGSONG, size=11), Alignment(horizontal="left", vertical="center"), False),
}


def register_styles(wb: Workbook) -> None:
    for name, (font, alignment, boxed) in _STYLES.items():
        if name in wb.named_styles:
            continue
        style = NamedStyle(name=name, font=font, alignment=alignment)
        if boxed:
            style.border = _BOX
        wb.add_named_style(style)


# -- number formats ----------------------------------------------------------------------
PERCENT = "0.0%"
POINTS = '0.0"个百分点"'
INTEGER = "#,##0"
DECIMAL = "#,##0.00"
RATIO = "0.00"


def is_whole(value: Number) -> bool:
    return isinstance(value, int) or float(value).is_integer()


def to_cell(ind: Indicator, value: Optional[Number]) -> Optional[Number]:
    """The number as stored in the cell: a percent-type value 97.0 (%) becomes 0.97, so
    that Excel's % format shows 97.0% and sums/formulas on the cell stay right."""
    if value is None:
        return None
    return value / 100.0 if ind.is_percent else value


def value_format(ind: Indicator, value: Number) -> str:
    if ind.is_percent:
        return PERCENT
    if ind.type == "ratio":
        return RATIO
    if ind.type == "amount" or not is_whole(value):
        return DECIMAL  # a fractional count shows as such (校验 names it) instead of rounding
    return INTEGER


def change_format(ind: Indicator, change: Number) -> str:
    """增减: percentage points for percent types (a rate going 95% → 97% rose 2 points, not 2%)."""
    return POINTS if ind.is_percent else value_format(ind, change)


def shown_text(value: Number, number_format: str) -> str:
    """About what Excel shows for ``value`` in one of the formats above (to size columns:
    a number wider than its column prints as ####)."""
    if number_format == PERCENT:
        return f"{value * 100:.1f}%"
    if number_format == POINTS:
        return f"{value:.1f}个百分点"
    if number_format == INTEGER:
        return f"{value:,.0f}"
    if number_format == DECIMAL:
        return f"{value:,.2f}"
    if number_format == RATIO:
        return f"{value:.2f}"
    return str(value)
