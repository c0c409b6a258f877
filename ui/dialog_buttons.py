"""The 确定/取消 row every dialog of the program ends with, in Chinese."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox


def ok_cancel(dialog: QDialog, ok_text: str = "确定") -> QDialogButtonBox:
    """Buttons ``ok_text`` / 取消 wired to accept / reject; ``box.button(QDialogButtonBox.Ok)``
    is the one to enable or disable."""
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    box.button(QDialogButtonBox.Ok).setText(ok_text)
    box.button(QDialogButtonBox.Cancel).setText("取消")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
