"""导入 → 核对数字: what the importer found, before it becomes a report.

The structure in one line, the importer's warnings, then two lists:

* 建议填入统计表的数字 — one row per proposal: a checkbox with the value (qualifier and
  unit as written), the indicator (double-click to choose another one; the list holds
  the indicators whose unit fits the number), and the phrase it came from;
* 未对应指标的数字 — numbers that match no indicator; ticked ones become indicators of
  the office's own under the name given.

:meth:`ImportReviewDialog.decision` tells the caller what to apply.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QPlainTextEdit, QPushButton, QStyledItemDelegate, QTableView,
                               QVBoxLayout, QWidget)

from importers import ImportResult, Proposal
from models.catalogue import Catalogue, Indicator, default_catalogue
from models.numbers import NumberMention, unit_fits
from models.report import format_value

from .dialog_buttons import ok_cancel
from .screen_fit import resize_within_screen

IndicatorRole = Qt.UserRole + 1  # the chosen indicator id
UnitRole = Qt.UserRole + 2  # the unit the number was written with
_NUMBER = re.compile(r"(?:共计|合计|累计|共|达到|达|为|计)?(?:超过|近|约)?[0-9０-９.．一二两三四五六七八九十百千万]+")
_NAME_LIMIT = 20


@dataclass
class ImportDecision:
    """The proposals to apply (possibly reassigned) and the numbers to keep as the office's own."""

    accepted: list[Proposal] = field(default_factory=list)
    custom: list[tuple[NumberMention, str]] = field(default_factory=list)


def indicators_for_unit(catalogue: Catalogue, unit: str) -> list[Indicator]:
    """The catalogue's indicators a number written with ``unit`` can stand for."""
    return [ind for ind in catalogue.indicators if unit == ind.unit or unit_fits(unit, ind)]


def indicator_text(ind: Optional[Indicator], indicator_id: str) -> str:
    return f"{indicator_id}  {ind.name}" if ind else indicator_id


def suggest_custom_name(mention: NumberMention) -> str:
    """A name for a number no indicator matches: its phrase without the number and what follows."""
    phrase = mention.phrase.strip()
    cut = None
    for m in _NUMBER.finditer(phrase):
        cut = m.start()
    name = phrase[:cut] if cut else phrase
    name = name.strip(" ，、：:“”\"（(")
    return name[-_NAME_LIMIT:] if name else phrase[:_NAME_LIMIT]


class IndicatorDelegate(QStyledItemDelegate):
    """Edits the indicator column with a combo of the indicators that fit the row's unit."""

    def __init__(self, catalogue: Catalogue, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        combo = QComboBox(parent)
        for ind in indicators_for_unit(self.catalogue, index.data(UnitRole)):
            combo.addItem(indicator_text(ind, ind.id), ind.id)
        combo.setMaxVisibleItems(20)
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt override
        editor.setCurrentIndex(max(0, editor.findData(index.data(IndicatorRole))))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - Qt override
        ind_id = editor.currentData()
        if ind_id:
            show_indicator(model.itemFromIndex(index), self.catalogue.get(ind_id), ind_id)


def show_indicator(item: QStandardItem, ind: Optional[Indicator], indicator_id: str) -> None:
    """Make the indicator cell of a proposal say (and hold) ``indicator_id``."""
    item.setData(indicator_id, IndicatorRole)
    item.setText(indicator_text(ind, indicator_id))
    item.setToolTip(f"{indicator_text(ind, indicator_id)}\n双击可改为单位相同的其他指标")


def _item(text: str, tip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if tip:
        item.setToolTip(tip)
    return item


def _check_item(mention: NumberMention, checked: bool) -> QStandardItem:
    item = _item(format_value(mention.value, mention.qualifier, mention.unit))
    item.setCheckable(True)
    item.setCheckState(Qt.Checked if checked else Qt.Unchecked)
    item.setData(mention, Qt.UserRole)
    return item


def _table(model: QStandardItemModel, widths: tuple[int, int]) -> QTableView:
    """Value and indicator columns ``widths`` characters wide; the phrase takes the rest."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    char = view.fontMetrics().horizontalAdvance("中")
    for column, width in enumerate(widths):
        header.setSectionResizeMode(column, QHeaderView.Interactive)
        header.resizeSection(column, char * width)
    header.setSectionResizeMode(len(widths), QHeaderView.Stretch)
    return view


class ImportReviewDialog(QDialog):
    def __init__(self, result: ImportResult, catalogue: Optional[Catalogue] = None,
                 parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle("导入报告：核对识别结果")
        self.result = result
        self.catalogue = catalogue or default_catalogue()
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary())
        if result.warnings:
            layout.addWidget(self._warnings())
        layout.addWidget(self._proposals_box(), 3)
        if result.unmatched:
            layout.addWidget(self._unmatched_box(), 1)
        buttons = ok_cancel(self, "导入")
        layout.addWidget(buttons)
        resize_within_screen(self, self.fontMetrics().horizontalAdvance("中") * 66, self.fontMetrics().height() * 40)

    # -- parts --------------------------------------------------------------------------------------
    def _summary(self) -> QLabel:
        report, meta = self.result.report, self.result.report.meta
        tops = len(report.sections)
        all_sections = sum(1 for _ in report.iter_sections())
        title = meta.effective_title.replace("\n", "")
        label = QLabel(f"标题：{title}\n发文机关：{meta.organ_name or '（未识别）'}　报告年度：{meta.report_year}　"
                       f"成文日期：{meta.signing_date_text or '（未识别）'}\n"
                       f"提纲：{tops} 个一级标题，共 {all_sections} 个标题；开头段落 {len(report.preamble)} 段。"
                       "导入后可在左侧提纲中调整。", wordWrap=True)
        label.setTextFormat(Qt.PlainText)
        return label

    def _warnings(self) -> QGroupBox:
        box = QGroupBox(f"请注意（{len(self.result.warnings)}）")
        text = QPlainTextEdit("\n".join(self.result.warnings), readOnly=True)
        text.setMaximumHeight(text.fontMetrics().lineSpacing() * 5)
        palette = text.palette()
        palette.setColor(palette.ColorRole.Base, QColor("#fff6dc"))
        text.setPalette(palette)
        QVBoxLayout(box).addWidget(text)
        self.warnings_text = text
        return box

    def _proposals_box(self) -> QGroupBox:
        self.proposals = QStandardItemModel(0, 3, self)
        self.proposals.setHorizontalHeaderLabels(["采用", "统计指标（双击可更换）", "原文"])
        for proposal in self.result.proposals:
            ind = self.catalogue.resolve(proposal.indicator_id, self.result.report)
            indicator = QStandardItem()
            show_indicator(indicator, ind, proposal.indicator_id)
            indicator.setData(proposal.mention.unit, UnitRole)
            self.proposals.appendRow([_check_item(proposal.mention, True), indicator,
                                      _item(proposal.mention.phrase, proposal.mention.phrase)])
        self.proposals_view = _table(self.proposals, (8, 20))
        self.proposals_view.setItemDelegateForColumn(1, IndicatorDelegate(self.catalogue, self))
        self.proposals_view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.proposals_view.setMinimumHeight(self.proposals_view.verticalHeader().defaultSectionSize() * 6)
        box = QGroupBox(f"建议填入统计表的数字（{len(self.result.proposals)}）")
        column = QVBoxLayout(box)
        if self.result.proposals:
            column.addWidget(QLabel("勾选的数字填入统计表“本年”栏；同一指标有几个数字时取第一个。", wordWrap=True))
            column.addWidget(self.proposals_view)
            row = QHBoxLayout()
            for text, state in (("全部采用", Qt.Checked), ("全部不采用", Qt.Unchecked)):
                button = QPushButton(text)
                button.clicked.connect(lambda _=False, s=state: self._check_all(self.proposals, s))
                row.addWidget(button)
            row.addStretch(1)
            column.addLayout(row)
        else:
            column.addWidget(QLabel("正文中没有找到可填入统计表的数字。"))
            self.proposals_view.hide()
        return box

    def _unmatched_box(self) -> QGroupBox:
        self.unmatched = QStandardItemModel(0, 3, self)
        self.unmatched.setHorizontalHeaderLabels(["作为自定义指标", "指标名称（双击修改）", "原文"])
        for mention in self.result.unmatched:
            name = QStandardItem(suggest_custom_name(mention))
            name.setToolTip("勾选后以此名称添加为本单位自定义指标")
            self.unmatched.appendRow([_check_item(mention, False), name, _item(mention.phrase, mention.phrase)])
        self.unmatched_view = _table(self.unmatched, (8, 14))
        rows = min(self.unmatched.rowCount(), 4)  # a few rows high; the proposals get the room
        self.unmatched_view.setMaximumHeight(self.unmatched_view.horizontalHeader().height() + 4 +
                                             self.unmatched_view.verticalHeader().defaultSectionSize() * rows)
        box = QGroupBox(f"未对应指标的数字（{len(self.result.unmatched)}）")
        column = QVBoxLayout(box)
        column.addWidget(QLabel("这些数字不属于指标目录中的任何指标；需要统计的，勾选并填写名称，即添加为本单位的自定义指标。",
                                wordWrap=True))
        column.addWidget(self.unmatched_view)
        return box

    @staticmethod
    def _check_all(model: QStandardItemModel, state) -> None:
        for row in range(model.rowCount()):
            model.item(row, 0).setCheckState(state)

    # -- answers --------------------------------------------------------------------------------------
    def set_accepted(self, row: int, accepted: bool) -> None:
        self.proposals.item(row, 0).setCheckState(Qt.Checked if accepted else Qt.Unchecked)

    def reassign(self, row: int, indicator_id: str) -> None:
        """Give proposal ``row`` to another indicator (what the combo does)."""
        show_indicator(self.proposals.item(row, 1), self.catalogue.resolve(indicator_id, self.result.report),
                       indicator_id)

    def keep_as_custom(self, row: int, name: str) -> None:
        self.unmatched.item(row, 0).setCheckState(Qt.Checked)
        self.unmatched.item(row, 1).setText(name)

    def decision(self) -> ImportDecision:
        accepted = []
        for row in range(self.proposals.rowCount()):
            if self.proposals.item(row, 0).checkState() == Qt.Checked:
                accepted.append(Proposal(self.proposals.item(row, 1).data(IndicatorRole),
                                         self.proposals.item(row, 0).data(Qt.UserRole)))
        custom = []
        model = getattr(self, "unmatched", None)
        for row in range(model.rowCount() if model is not None else 0):
            name = model.item(row, 1).text().strip()
            if model.item(row, 0).checkState() == Qt.Checked and name:
                custom.append((model.item(row, 0).data(Qt.UserRole), name))
        return ImportDecision(accepted, custom)
