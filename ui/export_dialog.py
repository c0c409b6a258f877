"""导出 (Ctrl+E): which documents to produce."""
from __future__ import annotations

from typing import Optional

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QButtonGroup, QDialog, QLabel, QRadioButton, QStyle, QVBoxLayout

from .dialog_buttons import ok_cancel
from .export_jobs import EXPORT_KINDS


class ExportDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("导出")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("选择要导出的文件："))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for i, (key, kind) in enumerate(EXPORT_KINDS.items()):
            button = QRadioButton(kind.mnemonic_label)
            button.setToolTip(kind.description)
            self.group.addButton(button, i)
            self.buttons[key] = button
            note = QLabel(kind.description, wordWrap=True)
            palette = note.palette()
            palette.setColor(QPalette.WindowText, palette.color(QPalette.PlaceholderText))
            note.setPalette(palette)
            note.setIndent(button.style().pixelMetric(QStyle.PM_ExclusiveIndicatorWidth) * 2)
            layout.addWidget(button)
            layout.addWidget(note)
        next(iter(self.buttons.values())).setChecked(True)
        box = ok_cancel(self, "导出…")
        layout.addWidget(box)

    def kind(self) -> Optional[str]:
        return next((key for key, b in self.buttons.items() if b.isChecked()), None)
