"""Choose an indicator to insert into the text as a live reference ``{{ID}}``."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout)

from models.catalogue import default_catalogue
from models.report import Report

from .dialog_buttons import ok_cancel
from .references import shown_value


class IndicatorPicker(QDialog):
    def __init__(self, report: Report, parent=None):
        super().__init__(parent)
        self.setWindowTitle("插入数字引用")
        catalogue = default_catalogue()
        hint = QLabel("引用会以 {{指标编号}} 的形式留在正文中，显示和导出时替换为该指标的数字；"
                      "统计指标改了，正文中的数字随之改变。", wordWrap=True)
        self.filter = QLineEdit(placeholderText="输入名称或编号筛选")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["指标", "当前数字"])
        self.tree.setRootIsDecorated(True)
        for _, cat_name, indicators in catalogue.grouped(report, level=report.meta.organ_level.value):
            group = QTreeWidgetItem(self.tree, [cat_name])
            group.setFlags(Qt.ItemIsEnabled)
            for ind in indicators:
                item = QTreeWidgetItem(group, [f"{ind.name}（{ind.id}）", shown_value(report, ind.id, catalogue)])
                item.setData(0, Qt.UserRole, ind.id)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        buttons = ok_cancel(self, "插入")
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        self.tree.currentItemChanged.connect(lambda *_: self.ok_button.setEnabled(self.selected_id() is not None))
        self.tree.itemDoubleClicked.connect(lambda item, _: item.data(0, Qt.UserRole) and self.accept())
        self.filter.textChanged.connect(self._apply_filter)
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def _apply_filter(self, text: str) -> None:
        text = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            visible = 0
            for j in range(group.childCount()):
                item = group.child(j)
                hidden = bool(text) and text not in item.text(0).lower()
                item.setHidden(hidden)
                visible += not hidden
            group.setHidden(visible == 0)

    def select(self, indicator_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, Qt.UserRole) == indicator_id:
                    self.tree.setCurrentItem(group.child(j))
                    return

    def selected_id(self) -> Optional[str]:
        item = self.tree.currentItem()
        return item.data(0, Qt.UserRole) if item is not None else None
