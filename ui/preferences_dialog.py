"""工具 → 选项: default organ, fonts, bold headings, the 表号 block of the Excel form
(表号, 制定机关, 文号, 有效期至), export folder."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLineEdit,
                               QPushButton, QVBoxLayout)

from . import dialogs
from .dialog_buttons import ok_cancel
from .screen_fit import fit_chars
from .settings import AppSettings

_FONT_FIELDS = (("title_font", "标题字体"), ("body_font", "正文字体"), ("heading1_font", "一级标题字体"),
                ("heading2_font", "二级标题字体"))
_BLOCK_FIELDS = (("form_number", "表号", "如：法治统01表"), ("issuing_organ", "制定机关", "如：某某市司法局"),
                 ("approval_number", "文号", "批准文号"), ("valid_until", "有效期至", "如：2026年12月"))


class PreferencesDialog(QDialog):
    def __init__(self, settings: AppSettings, parent=None):
        super().__init__(parent)
        self.setWindowTitle("选项")
        prefs = settings.preferences()
        self.default_organ = QLineEdit(prefs["default_organ"], placeholderText="新建报告时预先填入的发文机关")
        fit_chars(self.default_organ)  # an organ's full name, shown whole
        self.fonts = {key: QLineEdit(prefs[key]) for key, _ in _FONT_FIELDS}
        self.bold_headings = QCheckBox("三级、四级标题加粗", checked=prefs["bold_headings"])
        self.table_number_block = QCheckBox("Excel 统计表右上角印表号栏（空的项不印）",
                                            checked=prefs["table_number_block"])
        self.block = {key: QLineEdit(prefs[key], placeholderText=hint) for key, _, hint in _BLOCK_FIELDS}
        self.table_number_block.toggled.connect(self._block_enabled)
        self._block_enabled(self.table_number_block.isChecked())
        self.export_folder = QLineEdit(prefs["export_folder"], placeholderText="默认为报告文件所在文件夹")
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.export_folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("默认发文机关：", self.default_organ)
        for key, label in _FONT_FIELDS:
            form.addRow(f"{label}：", self.fonts[key])
        form.addRow("", self.bold_headings)
        form.addRow("", self.table_number_block)
        for key, label, _ in _BLOCK_FIELDS:
            form.addRow(f"　{label}：", self.block[key])
        form.addRow("导出文件夹：", folder_row)
        buttons = ok_cancel(self, "确定")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _block_enabled(self, enabled: bool) -> None:
        for edit in self.block.values():
            edit.setEnabled(enabled)

    def _browse(self) -> None:
        folder = dialogs.get_folder(self, "选择导出文件夹", self.export_folder.text())
        if folder:
            self.export_folder.setText(folder)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: w.text().strip() for key, w in self.fonts.items()}
        values.update(default_organ=self.default_organ.text().strip(), bold_headings=self.bold_headings.isChecked(),
                      table_number_block=self.table_number_block.isChecked(),
                      export_folder=self.export_folder.text().strip())
        values.update({key: edit.text().strip() for key, edit in self.block.items()})
        return values
