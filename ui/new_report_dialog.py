"""新建报告: from a template (organ, level, year), or 「以上年报告为基础」 — last year's
.fzbg with its outline, settings and numbers (moved to the 上年 column), the body text
kept (marked 【待更新】) or cleared."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox,
                               QVBoxLayout, QWidget)

from models.errors import UserFacingError
from models.report import OrganLevel
from models.templates import default_template_for, list_templates

from . import dialogs
from .dialog_buttons import ok_cancel
from .screen_fit import fit_chars, size_to_content
from .settings import AppSettings


@dataclass(frozen=True)
class NewReportChoice:
    template_id: str
    organ_name: str
    organ_level: OrganLevel
    year: int
    last_year_path: Optional[str] = None  # 以上年报告为基础: the other fields are then unused
    keep_text: bool = True


def default_report_year(today: Optional[_dt.date] = None) -> int:
    """Reports are written in the first months of the next year, so until June the default
    is last year."""
    today = today or _dt.date.today()
    return today.year - 1 if today.month <= 6 else today.year


def starting_template(settings: AppSettings) -> str:
    """The template a new report starts from: the one of the last 新建 (a department's clerk
    keeps getting the department's outline), else the 街道 one."""
    last = settings.last_template()
    if any(t.template_id == last for t in list_templates()):
        return last
    return default_template_for(OrganLevel.STREET).template_id


class NewReportDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle("新建报告")
        self.from_template = QRadioButton("按模板新建(&M)")
        self.from_last_year = QRadioButton("以上年报告为基础(&B)")
        self.from_template.setChecked(True)
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.from_template)
        self.mode.addButton(self.from_last_year)

        self.template_box = self._template_box(settings)
        self.last_year_box = self._last_year_box()

        buttons = ok_cancel(self, "新建")
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.from_template)
        layout.addWidget(self.template_box)
        layout.addWidget(self.from_last_year)
        layout.addWidget(self.last_year_box)
        layout.addWidget(buttons)
        self.mode.buttonToggled.connect(lambda *_: self._update())
        self._template_chosen()
        self._update()
        size_to_content(self)

    # -- 按模板新建 --------------------------------------------------------------------------------
    def _template_box(self, settings: AppSettings) -> QGroupBox:
        self.templates = list(list_templates())
        self.template = QComboBox()
        for t in self.templates:
            self.template.addItem(t.name, t.template_id)
        self.template.setCurrentIndex(self.template.findData(starting_template(settings)))
        self.description = QLabel(wordWrap=True)
        self.organ = QLineEdit(settings.preference("default_organ"))
        self.organ.setPlaceholderText("发文机关全称，如：某某区人民政府某某街道办事处")
        fit_chars(self.organ)  # an organ's full name, shown whole
        self.organ.setCompleter(QCompleter(settings.organ_history(), self))
        self.level = QComboBox()
        for level in OrganLevel:
            self.level.addItem(level.label, level.value)
        self.year = QSpinBox(minimum=1949, maximum=2200, value=default_report_year(), suffix=" 年度")
        box = QGroupBox()
        form = QFormLayout(box)
        form.addRow("模板(&T)：", self.template)
        form.addRow("", self.description)
        form.addRow("发文机关(&O)：", self.organ)
        form.addRow("机关层级(&L)：", self.level)
        form.addRow("报告年度(&Y)：", self.year)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self.organ.textChanged.connect(self._update)
        return box

    def _template_chosen(self) -> None:
        t = self.templates[self.template.currentIndex()]
        self.description.setText(t.description)
        if t.organ_levels:
            self.level.setCurrentIndex(self.level.findData(t.organ_levels[0], Qt.UserRole))

    # -- 以上年报告为基础 ----------------------------------------------------------------------------
    def _last_year_box(self) -> QGroupBox:
        self.last_year_path = QLineEdit(placeholderText="上年度的报告文件（.fzbg）")
        self.last_year_path.setAccessibleName("上年报告文件")
        self.browse = QPushButton("浏览(&R)…")
        self.browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.last_year_path, 1)
        path_row.addWidget(self.browse)
        self.last_year_note = QLabel(wordWrap=True)
        self.keep_text = QRadioButton("保留上年正文，每节开头标注「【待更新】」，改完后删除")
        self.clear_text = QRadioButton("清空正文，只保留提纲")
        self.keep_text.setChecked(True)
        text_group = QButtonGroup(self)
        text_group.addButton(self.keep_text)
        text_group.addButton(self.clear_text)
        box = QGroupBox()
        form = QFormLayout(box)
        path_label = QLabel("上年报告(&F)：")
        path_label.setBuddy(self.last_year_path)  # a row holding a layout gets no buddy by itself
        form.addRow(path_label, path_row)
        form.addRow("", self.last_year_note)
        form.addRow("正文：", self.keep_text)
        form.addRow("", self.clear_text)
        form.addRow("", QLabel("发文机关、提纲和各项设置沿用上年；年度加一；上年的统计数移到“上年”栏，本年栏留空；"
                               "成文日期、印发日期需重新填写。", wordWrap=True))
        self.last_year_path.textChanged.connect(self._path_changed)
        return box

    def _path_changed(self, text: str) -> None:
        if text.strip():
            self.from_last_year.setChecked(True)  # choosing a file chooses this way of starting
        self._update()

    def _browse(self) -> None:
        start = self.last_year_path.text() or QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        path = dialogs.get_open_path(self, start)
        if path:
            self.last_year_path.setText(path)

    def _last_year_problem(self) -> Optional[str]:
        """Why the chosen file cannot be the base (None: it can), shown under the path."""
        text = self.last_year_path.text().strip()
        if not text:
            return ""
        from models.storage import load_report
        try:
            meta = load_report(Path(text)).meta
        except UserFacingError as exc:
            return str(exc)
        self.last_year_note.setText(f"{meta.organ_name} {meta.report_year}年度 → 新报告为 {meta.report_year + 1}年度")
        return None

    # -- state ------------------------------------------------------------------------------------------
    def _update(self) -> None:
        last_year = self.from_last_year.isChecked()
        self.template_box.setEnabled(not last_year)
        if last_year:
            problem = self._last_year_problem()
            if problem is not None:
                self.last_year_note.setText(problem or "选择上年度的报告文件。")
            self.ok_button.setEnabled(problem is None)
        else:
            self.ok_button.setEnabled(bool(self.organ.text().strip()))

    def choice(self) -> NewReportChoice:
        last_year = self.last_year_path.text().strip() if self.from_last_year.isChecked() else None
        return NewReportChoice(template_id=self.template.currentData(), organ_name=self.organ.text().strip(),
                               organ_level=OrganLevel(self.level.currentData()), year=self.year.value(),
                               last_year_path=last_year or None, keep_text=self.keep_text.isChecked())
