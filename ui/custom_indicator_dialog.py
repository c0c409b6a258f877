"""添加自定义指标: name, unit, category."""
from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from models.catalogue import CUSTOM_CATEGORY

from .dialog_buttons import ok_cancel


class CustomIndicatorDialog(QDialog):
    def __init__(self, categories: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle("添加自定义指标")
        self.name = QLineEdit(placeholderText="如：网格员人数")
        self.unit = QLineEdit(placeholderText="如：人、件、次、%")
        self.category = QComboBox()
        self.category.addItem(CUSTOM_CATEGORY[1], CUSTOM_CATEGORY[0])
        for cid, name in categories:
            self.category.addItem(name, cid)
        form = QFormLayout()
        form.addRow("指标名称(&N)：", self.name)
        form.addRow("计量单位(&U)：", self.unit)
        form.addRow("所属类别(&C)：", self.category)
        buttons = ok_cancel(self, "添加")
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        self.name.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> Optional[tuple[str, str, str]]:
        name = self.name.text().strip()
        return (name, self.unit.text().strip(), self.category.currentData()) if name else None
