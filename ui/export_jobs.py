"""What 导出 produces and the worker that produces it off the UI thread.

The exporters themselves live in ``exporters/`` (``exporters.word.export_docx``,
``exporters.excel.export_xlsx``); this module is the only place the UI calls them.
The worker gets a detached copy of the report, so the user can keep typing, and a
snapshot of the preferences, from which it builds the exporters' options
(:func:`excel_options`, :func:`word_options`).
"""
from __future__ import annotations

import importlib
import re
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, QRunnable, Signal

from models.errors import UserFacingError
from models.report import Report

from .qt_compat import emit


class ExporterMissingError(UserFacingError):
    """The program was installed without one of its exporters."""


def _exporter(module: str, name: str, what: str):
    """``module.name``, or a Chinese message when the exporter is not installed."""
    try:
        return getattr(importlib.import_module(module), name)
    except ImportError as exc:
        raise ExporterMissingError(f"本程序缺少 {what} 导出组件（{module}），无法导出 {what} 文件。"
                                   "请重新安装程序。") from exc


# -- preferences → exporter options (工具 → 选项) ---------------------------------------------------
# Built in the worker thread from a snapshot of the preferences taken when the export
# started, so that importing an exporter never delays the window.

# Preference key → ExcelOptions field.
EXCEL_BLOCK_FIELDS = {"form_number": "form_number", "issuing_organ": "issuing_organ",
                      "approval_number": "approval_number", "valid_until": "valid_until"}


def excel_options(prefs: dict[str, Any]):
    """The 表号 block of the statistics form: 表号, 制定机关, 文号, 有效期至 (all empty = no block)."""
    ExcelOptions = _exporter("exporters.excel", "ExcelOptions", "Excel")  # noqa: N806 - a class
    if not prefs.get("table_number_block", True):
        return ExcelOptions()
    return ExcelOptions(**{option: str(prefs.get(pref, "")).strip() for pref, option in EXCEL_BLOCK_FIELDS.items()})


# Preference key → WordOptions field (fonts the office uses; 1./（1） headings take the body font).
WORD_FONT_FIELDS = {"title_font": ("font_title",), "body_font": ("font_body", "font_heading34"),
                    "heading1_font": ("font_heading1",), "heading2_font": ("font_heading2", "font_signer_name")}


def word_options(prefs: dict[str, Any]):
    """The Word export's settings from 工具 → 选项: fonts and bold 1./（1） headings."""
    WordOptions = _exporter("exporters.word", "WordOptions", "Word")  # noqa: N806 - a class
    fields: dict[str, Any] = {"bold_heading34": bool(prefs.get("bold_headings", False))}
    for pref, targets in WORD_FONT_FIELDS.items():
        font = str(prefs.get(pref, "") or "").strip()
        if font:
            fields.update({target: font for target in targets})
    return WordOptions(**fields).validate()


# -- the exporters ------------------------------------------------------------------------------------
def export_word(report: Report, path: Path, version: str, options=None) -> list[str]:
    export_docx = _exporter("exporters.word", "export_docx", "Word")
    return list(export_docx(report, path, version=version, options=options) or [])


def export_excel(report: Report, path: Path, options=None) -> list[str]:
    export_xlsx = _exporter("exporters.excel", "export_xlsx", "Excel")
    export_xlsx(report, path, options=options)
    return []  # the 校验 sheet's findings were confirmed before the export started


def aggregate_excel(inputs: list[Path], path: Path) -> list[str]:
    """汇总 of many units' report files into one workbook; the files left out, as warnings."""
    aggregate_xlsx = _exporter("exporters.excel", "aggregate_xlsx", "Excel")
    result = aggregate_xlsx(inputs, path)
    return [f"已汇总 {len(result.units)} 个单位的 {result.year} 年度报告。"] + \
        [f"未汇总「{Path(item.path).name}」：{item.reason}" for item in result.skipped]


@dataclass(frozen=True)
class ExportTarget:
    """One output file."""

    label: str
    suffix: str
    file_filter: str
    name_suffix: str  # added to the default file name
    # (report, path, preferences) → warnings; looked up at call time (tests replace
    # export_word/export_excel).
    run: Callable[[Report, Path, dict], list[str]]


TARGETS = {
    "word_official": ExportTarget("Word 正式版", ".docx", "Word 文件 (*.docx)", "",
                                  lambda r, p, prefs: export_word(r, p, "official", word_options(prefs))),
    "word_public": ExportTarget("Word 公开版", ".docx", "Word 文件 (*.docx)", "（公开版）",
                                lambda r, p, prefs: export_word(r, p, "public", word_options(prefs))),
    "excel": ExportTarget("Excel 统计表", ".xlsx", "Excel 文件 (*.xlsx)", "统计表",
                          lambda r, p, prefs: export_excel(r, p, excel_options(prefs))),
}


@dataclass(frozen=True)
class ExportKind:
    """A choice in the 导出 menu: one or more targets."""

    label: str
    description: str
    targets: tuple[str, ...]
    letter: str  # Alt letter in the 导出 menu and dialog (pinyin: 正式 Z, 公开 G, Excel X, 全 Q)

    @property
    def mnemonic_label(self) -> str:
        return f"{self.label}(&{self.letter})"


AGGREGATE_FILE_NAME = "法治政府建设情况统计汇总表.xlsx"


def aggregate_target(folder: Path) -> ExportTarget:
    """The 汇总表 of the report files in ``folder`` (the open report plays no part)."""
    return ExportTarget("多个单位汇总表", ".xlsx", "Excel 文件 (*.xlsx)", "",
                        lambda _report, p, _prefs: aggregate_excel([folder], p))


EXPORT_KINDS = {
    "word_official": ExportKind("Word 正式版", "含版头（发文字号、签发人）和版记（抄送、印发），用于正式报送",
                                ("word_official",), "Z"),
    "word_public": ExportKind("Word 公开版", "不含版头、版记，用于在网站上公开", ("word_public",), "G"),
    "excel": ExportKind("Excel 统计表", "统计指标按报表格式导出", ("excel",), "X"),
    "word_and_excel": ExportKind("Word 正式版和 Excel 统计表", "同时导出到一个文件夹", ("word_official", "excel"), "Q"),
}

_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def report_file_name(report: Report, suffix: str, name_suffix: str = "") -> str:
    """The name offered for a report's own file and its exports: 「机关2025年度法治政府建设情况报告…」,
    with what a file name may not hold (the / of 「农业农村局/乡村振兴局」) replaced."""
    meta = report.meta
    stem = f"{meta.organ_name}{meta.report_year}年度法治政府建设情况报告{name_suffix}"
    return _UNSAFE_NAME.sub("_", stem).strip(" .") + suffix


def default_file_name(report: Report, target: ExportTarget) -> str:
    return report_file_name(report, target.suffix, target.name_suffix)


class ExportSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what is being done
    finished = Signal(list, list)  # paths written, warnings
    failed = Signal(str)  # a Chinese message


class ExportWorker(QRunnable):
    """Writes the chosen files one after the other; stops at the first failure."""

    def __init__(self, report: Optional[Report], jobs: list[tuple[ExportTarget, Path]],
                 preferences: Optional[dict[str, Any]] = None):
        super().__init__()
        self.report = report
        self.jobs = jobs
        self.preferences = dict(preferences or {})
        self.signals = ExportSignals()

    def run(self) -> None:
        warnings: list[str] = []
        total = len(self.jobs)
        try:
            for done, (target, path) in enumerate(self.jobs):
                emit(self.signals.progress, done, total, f"正在导出{target.label}…")
                warnings.extend(target.run(self.report, path, self.preferences))
        except UserFacingError as exc:
            emit(self.signals.failed, str(exc))
            return
        except Exception as exc:  # a bug in an exporter must not take the program down
            traceback.print_exc(file=sys.stderr)
            emit(self.signals.failed, f"导出时发生意外错误（{type(exc).__name__}：{exc}）。报告本身没有改变。")
            return
        emit(self.signals.progress, total, total, "导出完成")
        emit(self.signals.finished, [str(p) for _, p in self.jobs], warnings)
