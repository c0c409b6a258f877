"""Sheet 「统计表」: one report's indicators as a Chinese statistical report form.

Layout (top to bottom): the optional 表号/制定机关/文号/有效期至 block at the top right;
the centred title; 填报单位 | 报告年度 | 计量单位; the header and the 甲 乙 丙 1 2 3 4 丁 row;
the indicators grouped by catalogue category; notes; the signature line.

Which rows: every indicator of the report's organ level, filled or not, plus any other
indicator the report has a value for, plus its custom indicators. A clerk checks the printed
form against the paper form of their level, and the district office compares forms row by
row, so the rows must not depend on what happens to be filled (``include_empty=False``
gives the short form of filled rows only).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from openpyxl.worksheet.worksheet import Worksheet

from models.catalogue import Catalogue, Indicator
from models.report import Number, Report, format_value

from .form import (INDICATOR_HEADERS, merge_text, name_column_width, set_widths, widths_for_numbers, write_category,
                   write_form_row, write_header)
from .printing import setup_page

HEADERS = INDICATOR_HEADERS + ("本年", "上年", "增减", "增减率", "备注")
KINDS = "tttnnnnt"
COLUMNS = len(HEADERS)
WIDTHS = [7, 9, 11, 11, 13, 10, 22]   # 代码 … 备注; the name column fits the names
SIGNATURE = "单位负责人：　　　　　统计负责人：　　　　　填表人：　　　　　联系电话：　　　　　　　　报出日期：　　年　　月　　日"
NOTES = ("注：1. 带“%”的比率类指标，有计算公式的按其分子、分母计算（见备注），“增减”为百分点，不计算增减率。",
         "　　2. 空白表示未填报；带“余”“多”“超过”等的约数按其数字填列，原文写法见备注。")


@dataclass(frozen=True)
class FormOptions:
    """The approval block of an official statistical form (from the preferences); empty lines
    are left out, and with all empty there is no block."""

    form_number: str = ""        # 表号
    issuing_organ: str = ""      # 制定机关
    approval_number: str = ""    # 文号 (批准文号)
    valid_until: str = ""        # 有效期至
    include_empty: bool = True   # show the full form of the level, not only filled rows

    def block_lines(self) -> list[str]:
        pairs = (("表　　号", self.form_number), ("制定机关", self.issuing_organ),
                 ("文　　号", self.approval_number), ("有效期至", self.valid_until))
        return [f"{label}：{value}" for label, value in pairs if value.strip()]


@dataclass(frozen=True)
class FormLine:
    """One indicator row, in the indicator's own units (a rate as 97.0, meaning %)."""

    indicator: Indicator
    value: Optional[Number]
    last_year: Optional[Number]
    change: Optional[Number]
    change_rate: Optional[float]   # percent
    remark: str

    @property
    def is_empty(self) -> bool:
        return self.value is None and self.last_year is None and not self.remark


def change_of(ind: Indicator, value: Optional[Number], last: Optional[Number]
              ) -> tuple[Optional[Number], Optional[float]]:
    """(增减, 增减率 %). A rate of change only for quantities (counts, amounts): for a
    percentage it would be a percent of a percent."""
    if value is None or last is None:
        return None, None
    change = value - last
    if ind.type in ("count", "amount") and last:
        return change, change / last * 100.0
    return change, None


def form_line(report: Report, catalogue: Catalogue, ind: Indicator) -> FormLine:
    entry = report.value_of(ind.id)
    value = catalogue.effective(report, ind.id)
    last = catalogue.effective(report, ind.id, "last_year")
    remarks = []
    if ind.formula and (catalogue.is_derived(report, ind.id) or catalogue.is_derived(report, ind.id, "last_year")):
        remarks.append(f"按 {ind.formula.text()} 计算")
    if entry.qualifier and entry.value is not None:
        remarks.append(f"本年为“{format_value(entry.value, entry.qualifier, ind.unit)}”")
    if entry.remark.strip():
        remarks.append(entry.remark.strip())
    change, rate = change_of(ind, value, last)
    return FormLine(ind, value, last, change, rate, "；".join(remarks))


def form_groups(report: Report, catalogue: Catalogue, include_empty: bool = True
                ) -> list[tuple[str, list[FormLine]]]:
    """[(category name, lines)] in catalogue order, custom indicators last."""
    groups = []
    for _, name, indicators in catalogue.grouped(report, level=report.meta.organ_level.value):
        lines = [form_line(report, catalogue, ind) for ind in indicators]
        if not include_empty:
            lines = [line for line in lines if not line.is_empty]
        if lines:
            groups.append((name, lines))
    return groups


def form_title(report: Report) -> str:
    return f"{report.meta.organ_name}{report.meta.report_year}年度法治政府建设情况统计表"


def write_statistics_sheet(ws: Worksheet, report: Report, catalogue: Catalogue,
                           options: Optional[FormOptions] = None) -> None:
    options = options or FormOptions()
    groups = form_groups(report, catalogue, options.include_empty)
    widths = [name_column_width([line.indicator.name for _, lines in groups for line in lines])] + WIDTHS
    ws.title = "统计表"
    row = 1
    for text in options.block_lines():
        merge_text(ws, row, 7, 8, text, "fz_block")
        row += 1
    merge_text(ws, row, 1, COLUMNS, form_title(report), "fz_title")
    ws.row_dimensions[row].height = 30
    row += 1
    merge_text(ws, row, 1, 3, f"填报单位：{report.meta.organ_name}", "fz_info")
    merge_text(ws, row, 4, 6, f"报告年度：{report.meta.report_year}年", "fz_info_center")
    merge_text(ws, row, 7, 8, "计量单位：见丙栏", "fz_info_right")
    row += 1
    header_row = row
    row = write_header(ws, row, HEADERS, KINDS, header_height=24)
    first_data_row = row
    for index, (name, lines) in enumerate(groups, start=1):
        write_category(ws, row, index, name, COLUMNS)
        row += 1
        for line in lines:
            write_form_row(ws, row, line.indicator, (line.value, line.last_year, line.change, line.change_rate),
                           line.remark, widths)
            row += 1
    for note in NOTES:
        merge_text(ws, row, 1, COLUMNS, note, "fz_note")
        row += 1
    row += 1
    merge_text(ws, row, 1, COLUMNS, SIGNATURE, "fz_sign")
    set_widths(ws, widths_for_numbers(ws, widths, first_data_row))
    setup_page(ws, landscape=False, title_rows=(header_row, header_row + 1), fit_width=1,
               freeze=f"A{first_data_row}")
    ws.print_area = f"A1:H{row}"

