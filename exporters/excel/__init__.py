"""Excel export: one report's statistics form and the district's 汇总 of many reports.

    export_xlsx(report, "统计表.xlsx")                 sheets 「统计表」 and 「校验」
    aggregate_xlsx(["报告文件夹"], "汇总.xlsx", progress=callback)

Both write the whole workbook to memory first and then replace the target atomically:
an error or a locked file never leaves a half-written workbook behind.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Optional, Sequence

from openpyxl import Workbook

from models.atomic import atomic_write_bytes, check_writable
from models.catalogue import Catalogue, default_catalogue
from models.errors import OutputFileError, UserFacingError
from models.report import Report

from .checks_sheet import write_checks_sheet
from .statistics import FormOptions, write_statistics_sheet
from .styles import register_styles
from .summary import Collection, ProgressCallback, collect
from .summary_sheet import write_skipped_sheet, write_summary_sheet, write_units_sheet

ExcelOptions = FormOptions

__all__ = ["ExcelOptions", "FormOptions", "NothingToAggregateError", "aggregate_xlsx", "export_xlsx"]


class NothingToAggregateError(UserFacingError):
    """Not one of the given files could be counted; nothing was written."""

    def __init__(self, collection: Collection):
        self.collection = collection
        if not collection.files and not collection.skipped:
            text = "没有可汇总的报告文件：请指定 .fzbg 文件或含有 .fzbg 文件的文件夹。"
        else:
            reasons = "；".join(f"「{s.path}」：{s.reason}" for s in collection.skipped[:5])
            more = f"等 {len(collection.skipped)} 个" if len(collection.skipped) > 5 else ""
            text = f"没有可汇总的报告文件，未生成汇总表。{reasons}{more}"
        super().__init__(text)


def check_target(path: str | Path) -> Path:
    """Refuse a target that is not .xlsx or cannot be written, before any work is done."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise OutputFileError(target, "Excel 文件的扩展名应为 .xlsx。")
    check_writable(target)
    return target


def new_workbook() -> Workbook:
    wb = Workbook()
    register_styles(wb)
    return wb


def save_workbook(wb: Workbook, path: Path) -> None:
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())


def export_xlsx(report: Report, path: str | Path, options: Optional[ExcelOptions] = None,
                catalogue: Optional[Catalogue] = None) -> list:
    """Write the statistics workbook of one report; returns the 校验 findings."""
    target = check_target(path)
    catalogue = catalogue or default_catalogue()
    wb = new_workbook()
    write_statistics_sheet(wb.active, report, catalogue, options)
    findings = write_checks_sheet(wb.create_sheet(), report, catalogue)
    save_workbook(wb, target)
    return findings


def aggregate_xlsx(inputs: Sequence[str | Path], path: str | Path, progress: Optional[ProgressCallback] = None,
                   catalogue: Optional[Catalogue] = None, year: Optional[int] = None) -> Collection:
    """Read many units' report files (a folder = its .fzbg files, not sub-folders) and write
    the 汇总 workbook. ``progress(done, total, path)`` is called after each file is read.
    Returns what was counted and what was not (with reasons)."""
    target = check_target(path)
    catalogue = catalogue or default_catalogue()
    collection = collect(inputs, progress=progress, catalogue=catalogue, year=year)
    if not collection.units:
        raise NothingToAggregateError(collection)
    wb = new_workbook()
    write_summary_sheet(wb.active, collection, catalogue)
    write_units_sheet(wb.create_sheet(), collection, catalogue)
    write_skipped_sheet(wb.create_sheet(), collection)
    save_workbook(wb, target)
    return collection
