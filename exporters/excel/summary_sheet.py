"""The 汇总 workbook: sheets 「汇总表」, 「汇总单位」 and 「未汇总文件」.

Orientation: indicators are rows, units are columns (the transpose of "one row per unit").
Why: there are ~180 indicators with names of up to 26 characters, but a district has
tens of units. As rows the indicators read exactly like each unit's own 统计表 (same order,
codes, category rows, 甲 乙 丙 columns), and the long names sit in one wrapped column that is
repeated on every printed page; as columns they would need ~180 narrow columns with
vertical header text, 15+ pages across. The 合计/上年/增减 columns come first, so the
first column of pages is the district total; unit columns follow, several per page, with
the indicator name repeated at the left of each page (print titles) and frozen on screen.
"""
from __future__ import annotations

from typing import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.catalogue import Catalogue
from models.checks import statistics_problems

from .cells import put_cell, put_text
from .checks_sheet import summary_counts
from .form import (INDICATOR_HEADERS, LINE_HEIGHT_PT, fit_row_height, merge_text, name_column_width, put_value,
                   set_widths, widths_for_numbers, write_category, write_form_row, write_header,
                   wrapped_lines)
from .printing import setup_page
from .summary import Collection, SummaryLine, summary_groups, summary_line

TOTAL_HEADERS = ("合计", "上年合计", "增减", "增减率", "备注")
TOTAL_NUMBER_COLUMNS = 4  # 合计 … 增减率 are labelled 1–4; unit columns go on from 5
FIXED = len(INDICATOR_HEADERS) + len(TOTAL_HEADERS)   # columns before the first unit
UNIT_WIDTH = 12
TOTAL_WIDTHS = [7, 9, 11, 11, 13, 10, 28]   # 代码 … 备注
SUMMARY_NAME_WIDTH = 34
NOTES = ("注：1. 合计为各单位数之和；有计算公式的比率按各单位分子、分母的合计数重新计算，不是各单位比率的平均数。",
         "　　2. 只有填报该指标的单位都有上年数时才计算上年合计和增减；各单位栏为该单位统计表的本年数。")


def _write_line(ws: Worksheet, row: int, line: SummaryLine, widths: list[float]) -> None:
    ind = line.row.indicator
    write_form_row(ws, row, ind, (line.total, line.last_total, line.change, line.change_rate), line.remark,
                   widths, code=line.row.code, value_style="fz_total")
    for col, value in enumerate(line.values, start=FIXED + 1):
        put_value(ws, row, col, ind, value)


def write_summary_sheet(ws: Worksheet, collection: Collection, catalogue: Catalogue) -> None:
    units = collection.units
    groups = summary_groups(units, catalogue)
    names = [r.indicator.name for _, rows in groups for r in rows]
    widths = [min(SUMMARY_NAME_WIDTH, name_column_width(names))] + TOTAL_WIDTHS
    last_col = FIXED + len(units)
    ws.title = "汇总表"
    # Title and count sit above the name columns, which print on every page (with rows 1–4):
    # a page of unit columns far to the right still says what table it belongs to.
    merge_text(ws, 1, 1, 3, f"{collection.year}年度法治政府建设情况统计汇总表", "fz_title_left")
    ws.row_dimensions[1].height = 26
    skipped = f"，另有 {len(collection.skipped)} 个文件未汇总" if collection.skipped else ""
    merge_text(ws, 2, 1, 3, f"汇总单位：{len(units)} 个{skipped}", "fz_info")
    merge_text(ws, 2, 4, FIXED, "计量单位：见丙栏；未汇总的文件见「未汇总文件」工作表", "fz_info_right")
    headers = list(INDICATOR_HEADERS) + list(TOTAL_HEADERS) + [u.name for u in units]
    kinds = "ttt" + "n" * TOTAL_NUMBER_COLUMNS + "t" + "n" * len(units)
    header_lines = max([wrapped_lines(u.name, UNIT_WIDTH) for u in units] + [2])
    row = write_header(ws, 3, headers, kinds, header_height=header_lines * LINE_HEIGHT_PT + 4)
    first_data_row = row
    for index, (name, rows) in enumerate(groups, start=1):
        write_category(ws, row, index, name, last_col)
        row += 1
        for summary_row in rows:
            _write_line(ws, row, summary_line(summary_row, units, catalogue), widths)
            row += 1
    for note in NOTES:
        merge_text(ws, row, 1, FIXED, note, "fz_note")
        ws.row_dimensions[row].height = 2 * LINE_HEIGHT_PT
        row += 1
    set_widths(ws, widths_for_numbers(ws, widths + [UNIT_WIDTH] * len(units), first_data_row))
    # Too wide for one page with more than a few units: print at a readable size, the
    # name columns repeated on every page, the totals on the first column of pages.
    setup_page(ws, landscape=True, title_rows=(1, 4), title_columns="A:C", fit_width=None,
               freeze=f"D{first_data_row}")
    ws.page_setup.scale = 85
    ws.print_area = f"A1:{get_column_letter(last_col)}{row - 1}"


UNIT_HEADERS = ("序号", "单位名称", "机关层级", "报告年度", "汇总表栏次", "校验", "文件")


def _checks_text(report, catalogue: Catalogue) -> str:
    return summary_counts(statistics_problems(report, catalogue)) or "未发现问题"


def write_units_sheet(ws: Worksheet, collection: Collection, catalogue: Catalogue) -> None:
    """Which units the totals contain, where each one's column is, and its 校验 count
    (the units' own 校验 sheets list the problems)."""
    ws.title = "汇总单位"
    merge_text(ws, 1, 1, len(UNIT_HEADERS), f"{collection.year}年度汇总单位名单（共 {len(collection.units)} 个）",
               "fz_title")
    ws.row_dimensions[1].height = 30
    row = write_header(ws, 2, UNIT_HEADERS)
    first = row
    for number, unit in enumerate(collection.units, start=1):
        cells = (number, unit.name, unit.report.meta.organ_level.label, unit.year,
                 TOTAL_NUMBER_COLUMNS + number, _checks_text(unit.report, catalogue), str(unit.path))
        for col, value in enumerate(cells, start=1):
            put_cell(ws, row, col, value, "fz_text" if col in (2, 6, 7) else "fz_center")
        row += 1
    _finish_list(ws, row, first, [6, 36, 18, 9, 10, 16, 60])


def write_skipped_sheet(ws: Worksheet, collection: Collection) -> None:
    ws.title = "未汇总文件"
    merge_text(ws, 1, 1, 3, f"未汇总文件（共 {len(collection.skipped)} 个）", "fz_title")
    ws.row_dimensions[1].height = 30
    row = write_header(ws, 2, ("序号", "文件", "原因"))
    first = row
    if not collection.skipped:
        merge_text(ws, row, 1, 3, "无：全部文件均已汇总。", "fz_label")
        for col in (2, 3):
            ws.cell(row=row, column=col).style = "fz_label"
        row += 1
    for number, item in enumerate(collection.skipped, start=1):
        put_cell(ws, row, 1, number, "fz_center")
        put_text(ws, row, 2, item.path, "fz_text")
        put_text(ws, row, 3, item.reason, "fz_text")
        fit_row_height(ws, row, ((item.path, 50), (item.reason, 60)))
        row += 1
    _finish_list(ws, row, first, [6, 50, 60])


def _finish_list(ws: Worksheet, row: int, first: int, widths: Sequence[float]) -> None:
    set_widths(ws, widths)
    setup_page(ws, landscape=True, title_rows=(first - 1, first - 1), fit_width=1, freeze=f"A{first}")
    ws.print_area = f"A1:{get_column_letter(len(widths))}{row - 1}"

