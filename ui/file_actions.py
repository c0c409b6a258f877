"""新建 (from a template or from last year's report) / 打开 / 保存 / 另存为 / 最近打开 / 恢复
as the user goes through them.

The document does the file work (``ReportDocument``); this module asks the questions
(through ``ui.dialogs``) and reports failures as Chinese messages.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QWidget

from models.errors import UserFacingError
from models.report import Report
from models.storage import EXTENSION, load_report
from models.templates import new_report

from . import dialogs
from .commands import ReplaceContent
from .document import ReportDocument
from .export_jobs import report_file_name
from .live_checks import LiveChecks
from .qt_compat import emit
from .recovery import RecoveryEntry, key_for, orphaned_entries
from .settings import AppSettings


class FileController(QObject):
    recentFilesChanged = Signal()
    statusMessage = Signal(str)

    def __init__(self, window: QWidget, doc: ReportDocument, settings: AppSettings,
                 checks: Optional[LiveChecks] = None):
        super().__init__(window)
        self.window, self.doc, self.settings, self.checks = window, doc, settings, checks

    # -- start and close --------------------------------------------------------------------------
    def start(self, path: Optional[str]) -> None:
        """At program start: offer recovery copies, else open ``path``, else a new report."""
        if self.offer_recovery():
            return
        if path and self.open_report(path, ask_to_save=False):
            return
        self.doc.new(self._starter_report())

    def _starter_report(self) -> Report:
        from .new_report_dialog import default_report_year, starting_template  # the dialog's module: only when needed
        organ = self.settings.preference("default_organ")
        return new_report(starting_template(self.settings), organ, default_report_year(_dt.date.today()))

    def maybe_save(self) -> bool:
        """True when the current report may be closed (saved, discarded or unchanged)."""
        self.doc.flush()
        if not self.doc.is_modified:
            return True
        answer = dialogs.ask_save_changes(self.window, self.doc.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def close_document(self) -> None:
        self.doc.close()

    # -- new / open ---------------------------------------------------------------------------------
    def new_report(self) -> bool:
        if not self.maybe_save():
            return False
        choice = dialogs.ask_new_report(self.window, self.settings)
        if choice is None:
            return False
        if choice.last_year_path:
            return self._new_from_last_year(choice.last_year_path, choice.keep_text)
        self.doc.new(new_report(choice.template_id, choice.organ_name, choice.year, organ_level=choice.organ_level))
        self.settings.add_organ_name(choice.organ_name)
        self.settings.set_last_template(choice.template_id)
        return True

    def _new_from_last_year(self, path: str, keep_text: bool) -> bool:
        """Next year's report from last year's file (which is only read)."""
        from models.rollover import next_year_report
        try:
            last = load_report(Path(path))
        except UserFacingError as exc:
            dialogs.show_error(self.window, "无法打开上年报告", str(exc))
            return False
        # Untitled, and modified: the new year's report exists nowhere until it is saved.
        self.doc.new(next_year_report(last, keep_text=keep_text), modified=True)
        if self.checks is not None:
            self.checks.set_last_year(last)  # rules 3 compare with it until another report is loaded
        year = last.meta.report_year + 1
        what = "正文已保留，请逐节修改并删除「【待更新】」段" if keep_text else "正文已清空"
        emit(self.statusMessage, f"已按{last.meta.report_year}年度报告新建{year}年度报告：{what}。")
        return True

    def open_report(self, path: Optional[str] = None, ask_to_save: bool = True) -> bool:
        if ask_to_save and not self.maybe_save():
            return False
        if path is None:
            path = dialogs.get_open_path(self.window, str(self.folder()))
            if not path:
                return False
        orphan = next((e for e in orphaned_entries() if e.key == key_for(path)), None)
        if not self._open_path(path):
            return False
        if orphan is not None and dialogs.confirm(
                self.window, "恢复未保存的修改",
                f"「{self.doc.display_name}」有上次未正常退出时自动保存的修改（{orphan.saved_at}）。是否恢复？",
                "恢复"):
            self._apply_recovery(orphan)
        return True

    def _open_path(self, path: str) -> bool:
        try:
            warnings = self.doc.open(path)
        except UserFacingError as exc:
            dialogs.show_error(self.window, "无法打开报告", str(exc))
            return False
        self.settings.add_recent_file(str(self.doc.path))
        emit(self.recentFilesChanged)
        if warnings:
            dialogs.show_warnings(self.window, "打开报告", f"报告「{self.doc.display_name}」已打开，请注意：", warnings)
        return True

    def folder(self) -> Path:
        if self.doc.path is not None:
            return self.doc.path.parent
        return Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))

    # -- save ------------------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        try:
            self.doc.save()
        except UserFacingError as exc:
            dialogs.show_error(self.window, "保存失败", str(exc))
            return False
        emit(self.statusMessage, f"已保存到「{self.doc.path}」")
        return True

    def save_as(self) -> bool:
        suggested = self.doc.path or self.folder() / report_file_name(self.doc.report, EXTENSION)
        chosen = dialogs.get_save_path(self.window, "另存为", str(suggested), dialogs.REPORT_FILTER)
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
        try:
            self.doc.save_as(path)
        except UserFacingError as exc:
            dialogs.show_error(self.window, "保存失败", str(exc))
            return False
        self.settings.add_recent_file(str(path))
        emit(self.recentFilesChanged)
        emit(self.statusMessage, f"已保存到「{path}」")
        return True

    # -- recent files ----------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        return self.settings.recent_files()

    def clear_recent_files(self) -> None:
        self.settings.clear_recent_files()
        emit(self.recentFilesChanged)

    # -- recovery ----------------------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """Offer copies left by a crash; True when one was restored."""
        entries = orphaned_entries()
        if not entries:
            return False
        decision, entry = dialogs.ask_recovery(self.window, entries)
        if decision == "discard":
            for e in entries:
                e.discard()
            return False
        if decision != "restore" or entry is None:
            return False
        if entry.original and Path(entry.original).is_file():
            if not self._open_path(entry.original):
                return False
        else:
            self.doc.new(Report())
        return self._apply_recovery(entry)

    def _apply_recovery(self, entry: RecoveryEntry) -> bool:
        try:
            recovered = entry.read()
        except UserFacingError as exc:
            dialogs.show_error(self.window, "无法恢复", str(exc))
            return False
        self.doc.push(ReplaceContent(self.doc.report, recovered, "恢复自动保存的修改"))
        entry.discard()
        emit(self.statusMessage, "已恢复自动保存的修改，请检查后保存。")
        return True
