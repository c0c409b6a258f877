"""文件 → 导入… / 粘贴导入…: last year's report from a .docx, a text file or a web page.

The importer (``importers``) reads the source; the user checks the numbers it proposes
(:mod:`ui.import_review_dialog`); the result opens as a new, untitled report that is
marked modified, so closing it asks to save. Nothing is written anywhere by importing.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from models.errors import UserFacingError

from . import dialogs
from .document import ReportDocument
from .file_actions import FileController
from .qt_compat import emit

# apply_numbers reports each value it set; these prefixes mark the ones it did not set.
_NOT_APPLIED = ("未采用", "不保存")


class ImportFlow(QObject):
    statusMessage = Signal(str)

    def __init__(self, window: QWidget, doc: ReportDocument, files: FileController):
        super().__init__(window)
        self.window, self.doc, self.files = window, doc, files

    def import_file(self) -> bool:
        """导入…: a .docx or a text file."""
        if not self.files.maybe_save():
            return False
        path = dialogs.get_import_path(self.window, str(self.files.folder()))
        if not path:
            return False
        from importers import import_file  # loaded on first use: not needed to show the window
        return self._import(lambda: import_file(path), f"「{Path(path).name}」")

    def import_pasted(self) -> bool:
        """粘贴导入…: a whole report pasted from a browser (its HTML when the clipboard had it)."""
        if not self.files.maybe_save():
            return False
        pasted = dialogs.ask_pasted_report(self.window)
        if pasted is None or not pasted.text.strip():
            return False
        from importers import import_pasted
        return self._import(lambda: import_pasted(pasted.text, pasted.html), "粘贴的文字")

    def _import(self, read: Callable, source: str) -> bool:
        from importers import apply_numbers, keep_as_custom

        result = self._read(read)
        if result is None:
            return False
        decision = dialogs.review_import(self.window, result)
        if decision is None:
            return False
        messages = apply_numbers(result, decision.accepted)
        for mention, name in decision.custom:
            keep_as_custom(result, mention, name)
        self.doc.new(result.report, modified=True)
        skipped = [m for m in messages if m.startswith(_NOT_APPLIED)]
        filled = len(messages) - len(skipped) + len(decision.custom)
        emit(self.statusMessage, f"已导入{source}：{filled} 个数字填入统计表。请核对后保存。")
        if skipped:
            dialogs.show_warnings(self.window, "导入报告", "以下数字没有填入统计表：", skipped)
        return True

    def _read(self, read: Callable) -> Optional[object]:
        """Run the importer with a wait cursor; a failure is shown as its Chinese message."""
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            return read()
        except UserFacingError as exc:  # ImportFailed: the file and what is wrong with it
            error = str(exc)
        finally:
            QGuiApplication.restoreOverrideCursor()
        dialogs.show_error(self.window, "无法导入", error)
        return None
