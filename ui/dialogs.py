"""Every modal question the program asks, behind small functions that tests replace.

The rest of ``ui/`` never calls ``QMessageBox``/``QFileDialog``/``exec()`` itself.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:  # pragma: no cover
    from importers import ImportResult
    from models.report import Report

    from .import_review_dialog import ImportDecision
    from .new_report_dialog import NewReportChoice
    from .paste_import_dialog import PastedReport
    from .recovery import RecoveryEntry
    from .settings import AppSettings

REPORT_FILTER = "法治报告文件 (*.fzbg);;所有文件 (*)"
IMPORT_FILTER = ("可导入的报告 (*.docx *.doc *.txt *.html *.htm *.mht *.mhtml);;Word 文件 (*.docx *.doc);;"
                 "网页 (*.html *.htm *.mht *.mhtml);;文本文件 (*.txt);;所有文件 (*)")
MAX_LISTED = 8  # lines of a list shown in a message box


def _ask(parent: Optional[QWidget], icon, title: str, text: str, buttons: list[tuple[str, str, object]],
         default: str, escape: str, informative: str = "") -> str:
    """A message box with Chinese button texts; returns the key of the button clicked."""
    box = QMessageBox(icon, title, text, QMessageBox.NoButton, parent)
    if informative:
        box.setInformativeText(informative)
    keys = {}
    for key, label, role in buttons:
        button = box.addButton(label, role)
        keys[button] = key
        if key == default:
            box.setDefaultButton(button)
        if key == escape:
            box.setEscapeButton(button)
    box.exec()
    return keys.get(box.clickedButton(), escape)


def ask_save_changes(parent: Optional[QWidget], name: str) -> str:
    """"save", "discard" or "cancel"."""
    return _ask(parent, QMessageBox.Warning, "保存修改", f"报告「{name}」有未保存的修改，是否保存？",
                [("save", "保存", QMessageBox.AcceptRole), ("discard", "不保存", QMessageBox.DestructiveRole),
                 ("cancel", "取消", QMessageBox.RejectRole)], default="save", escape="cancel")


def confirm(parent: Optional[QWidget], title: str, text: str, ok: str = "确定") -> bool:
    return _ask(parent, QMessageBox.Question, title, text,
                [("ok", ok, QMessageBox.AcceptRole), ("cancel", "取消", QMessageBox.RejectRole)],
                default="cancel", escape="cancel") == "ok"


def show_error(parent: Optional[QWidget], title: str, message: str) -> None:
    _ask(parent, QMessageBox.Critical, title, message, [("ok", "确定", QMessageBox.AcceptRole)], "ok", "ok")


def show_warnings(parent: Optional[QWidget], title: str, text: str, warnings: list[str]) -> None:
    _ask(parent, QMessageBox.Warning, title, text, [("ok", "确定", QMessageBox.AcceptRole)], "ok", "ok",
         informative="\n".join(warnings))


def get_open_path(parent: Optional[QWidget], directory: str) -> Optional[str]:
    path, _ = QFileDialog.getOpenFileName(parent, "打开报告", directory, REPORT_FILTER)
    return path or None


def get_import_path(parent: Optional[QWidget], directory: str) -> Optional[str]:
    path, _ = QFileDialog.getOpenFileName(parent, "导入报告（Word 文件、网页或文本文件）", directory, IMPORT_FILTER)
    return path or None


def get_save_path(parent: Optional[QWidget], title: str, suggested: str, file_filter: str) -> Optional[str]:
    """A file name to write; the dialog itself asks before replacing an existing file."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def get_folder(parent: Optional[QWidget], title: str, directory: str) -> Optional[str]:
    path = QFileDialog.getExistingDirectory(parent, title, directory)
    return path or None


def ask_new_report(parent: Optional[QWidget], settings: "AppSettings") -> Optional["NewReportChoice"]:
    from .new_report_dialog import NewReportDialog
    dialog = NewReportDialog(settings, parent)
    return dialog.choice() if dialog.exec() == QDialog.Accepted else None


def ask_pasted_report(parent: Optional[QWidget]) -> Optional["PastedReport"]:
    """A whole report pasted by the user (粘贴导入): its text and the clipboard's HTML, or None."""
    from .paste_import_dialog import PasteImportDialog
    dialog = PasteImportDialog(parent)
    return dialog.pasted() if dialog.exec() == QDialog.Accepted else None


def review_import(parent: Optional[QWidget], result: "ImportResult") -> Optional["ImportDecision"]:
    """The numbers of an import the user accepts (and reassigns), or None to cancel the import."""
    from .import_review_dialog import ImportReviewDialog
    dialog = ImportReviewDialog(result, parent=parent)
    return dialog.decision() if dialog.exec() == QDialog.Accepted else None


def ask_recovery(parent: Optional[QWidget], entries: list["RecoveryEntry"]) -> tuple[str, Optional["RecoveryEntry"]]:
    """("restore", entry), ("discard", None) or ("later", None)."""
    from .recovery_dialog import RecoveryDialog
    dialog = RecoveryDialog(entries, parent)
    dialog.exec()
    return dialog.decision()


def pick_indicator(parent: Optional[QWidget], report: "Report") -> Optional[str]:
    from .indicator_picker import IndicatorPicker
    dialog = IndicatorPicker(report, parent)
    return dialog.selected_id() if dialog.exec() == QDialog.Accepted else None


def ask_custom_indicator(parent: Optional[QWidget], categories: list[tuple[str, str]]
                         ) -> Optional[tuple[str, str, str]]:
    """(name, unit, category id) of a new indicator of the office's own."""
    from .custom_indicator_dialog import CustomIndicatorDialog
    dialog = CustomIndicatorDialog(categories, parent)
    return dialog.values() if dialog.exec() == QDialog.Accepted else None


def ask_export_kind(parent: Optional[QWidget]) -> Optional[str]:
    from .export_dialog import ExportDialog
    dialog = ExportDialog(parent)
    return dialog.kind() if dialog.exec() == QDialog.Accepted else None


def ask_export_with_errors(parent: Optional[QWidget], what: str, errors: list[str]) -> str:
    """"export" (anyway), "review" (show 检查结果) or "cancel". ``errors`` as 「place：message」."""
    shown = errors[:MAX_LISTED]
    more = f"\n……另有 {len(errors) - len(shown)} 项" if len(errors) > len(shown) else ""
    return _ask(parent, QMessageBox.Warning, "报告中有问题",
                f"检查发现 {len(errors)} 个错误。通常应改正后再导出「{what}」，仍要导出吗？",
                [("review", "查看检查结果", QMessageBox.RejectRole), ("export", "仍然导出", QMessageBox.AcceptRole),
                 ("cancel", "取消", QMessageBox.RejectRole)], default="review", escape="cancel",
                informative="\n".join(shown) + more)


def ask_open_export_result(parent: Optional[QWidget], paths: list[Path], warnings: list[str]) -> Optional[str]:
    """"file", "folder" or None after a successful export."""
    names = "\n".join(f"  {p.name}" for p in paths)
    buttons = [("folder", "打开所在文件夹", QMessageBox.ActionRole), ("close", "关闭", QMessageBox.RejectRole)]
    if len(paths) == 1:
        buttons.insert(0, ("file", "打开文件", QMessageBox.AcceptRole))
    answer = _ask(parent, QMessageBox.Information, "导出完成", f"已导出到「{paths[0].parent}」：\n{names}",
                  buttons, default="file" if len(paths) == 1 else "folder", escape="close",
                  informative="\n".join(f"提示：{w}" for w in warnings))
    return None if answer == "close" else answer


def open_location(path: Path) -> bool:
    """Open a file or folder with the program the system uses for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def edit_preferences(parent: Optional[QWidget], settings: "AppSettings") -> bool:
    from .preferences_dialog import PreferencesDialog
    dialog = PreferencesDialog(settings, parent)
    if dialog.exec() != QDialog.Accepted:
        return False
    settings.set_preferences(dialog.values())
    return True
