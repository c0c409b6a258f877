"""检查结果: the list of problems found by the last check (F5)."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from .checks import CheckItem
from .qt_compat import emit

SEVERITY_LABELS = {"error": "错误", "warning": "提示"}


class CheckPage(QWidget):
    nodeRequested = Signal(str)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.summary = QLabel("按 F5 检查报告。", wordWrap=True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda item: emit(self.nodeRequested, item.data(Qt.UserRole)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def set_results(self, items: list[CheckItem]) -> None:
        self.list.clear()
        errors = sum(1 for i in items if i.severity == "error")
        self.summary.setText(f"发现 {errors} 个错误、{len(items) - errors} 个提示。双击一项转到相应位置。"
                             if items else "未发现问题。")
        icons = {"error": QStyle.SP_MessageBoxCritical, "warning": QStyle.SP_MessageBoxWarning}
        for item in items:
            row = QListWidgetItem(self.style().standardIcon(icons[item.severity]),
                                  f"{SEVERITY_LABELS[item.severity]}：{item.message}")
            row.setData(Qt.UserRole, item.node_key)
            self.list.addItem(row)
