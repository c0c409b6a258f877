"""新建报告: template, organ, level, year."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from models.report import OrganLevel
from models.templates import list_templates

from .settings import AppSettings


@dataclass(frozen=True)
class NewReportChoice:
    template_id: str
    organ_name: str
    organ_level: OrganLevel
    year: int


def default_report_year(today: Optional[_dt.date] = None) -> int:
    """Reports are written in the first months of the next year, so until June the default
    is last year."""
    today = today or _dt.date.today()
    return today.year - 1 if today.month <= 6 else today.year


class NewReportDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle("新建报告")
        self.templates = list(list_templates())
        self.template = QComboBox()
        for t in self.templates:
            self.template.addItem(t.name, t.template_id)
        self.description = QLabel(wordWrap=True)
        self.organ = QLineEdit(settings.preference("default_organ"))
        self.organ.setPlaceholderText("发文机关全称，如：某某区人民政府某某街道办事处")
        self.organ.setCompleter(QCompleter(settings.organ_history(), self))
        self.level = QComboBox()
        for level in OrganLevel:
            self.level.addItem(level.label, level.value)
        self.year = QSpinBox(minimum=1949, maximum=2200, value=default_report_year(), suffix=" 年度")
        form = QFormLayout()
        form.addRow("模板(&T)：", self.template)
        form.addRow("", self.description)
        form.addRow("发文机关(&O)：", self.organ)
        form.addRow("机关层级(&L)：", self.level)
        form.addRow("报告年度(&Y)：", self.year)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("新建")
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self.organ.textChanged.connect(self._update_ok)
        self._template_chosen()
        self._update_ok()

    def _template_chosen(self) -> None:
        t = self.templates[self.template.currentIndex()]
        self.description.setText(t.description)
        if t.organ_levels:
            self.level.setCurrentIndex(self.level.findData(t.organ_levels[0], Qt.UserRole))

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.organ.text().strip()))

    def choice(self) -> NewReportChoice:
        return NewReportChoice(template_id=self.template.currentData(), organ_name=self.organ.text().strip(),
                               organ_level=OrganLevel(self.level.currentData()), year=self.year.value())
