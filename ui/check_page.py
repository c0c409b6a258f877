"""检查结果: the findings of the checks engine, grouped by severity; double-click (or
Enter) on a problem goes to its place in the report."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QStyledItemDelegate, QTreeView, QVBoxLayout,
                               QWidget)

from .live_checks import LiveChecks
from .problem_model import ProblemModel, ProblemRole
from .qt_compat import emit
from .severity import SEVERITY_KEYS, count_text


def summary_text(counts: Optional[dict[str, int]], pending: bool) -> str:
    if counts is None:
        return "正在检查…" if pending else "按 F5 检查报告。"
    if not any(counts.values()):
        return "未发现问题。"
    found = count_text(counts, "{n} 个{label}", "、")
    advice = "有错误时导出前会再次提醒。" if counts["error"] else ""
    return f"发现 {found}。双击一项转到报告中的相应位置。{advice}"


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the column's width (QTreeView's own word wrap
    keeps every row one line high)."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint(option, index)
        text = index.data()
        if not text:
            return hint
        width = self.view.header().sectionSize(index.column())
        if index.column() == 0:
            depth = 1 if index.parent().isValid() else 0
            width -= self.view.indentation() * (depth + 1)
        margin = self.view.style().pixelMetric(self.view.style().PixelMetric.PM_FocusFrameHMargin) * 2 + 2
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, max(width - margin, 40), 10_000),
                                                 int(Qt.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), bounds.height() + 4))


class CheckPage(QWidget):
    problemActivated = Signal(object)  # models.checks.Problem

    def __init__(self, checks: LiveChecks, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.checks = checks
        self.summary = QLabel(wordWrap=True)
        self.model = ProblemModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("检查结果")
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)  # messages are sentences: read them whole, not cut off
        self.view.setUniformRowHeights(False)
        self.view.setTextElideMode(Qt.ElideNone)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("统计表「行政执法案件办结数」") + 16)
        self.view.setItemDelegate(WrappingDelegate(self.view))
        header.sectionResized.connect(lambda *_: self.view.scheduleDelayedItemsLayout())  # re-wrap
        self.view.activated.connect(self._activated)
        self._unfolded: set[str] = set()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        checks.updated.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_problems(self.checks.latest)
        self.summary.setText(summary_text(self.checks.counts(), self.checks.pending))
        for severity in SEVERITY_KEYS:
            # A group opens when it first has rows (hints stay folded when there are many);
            # after that the user's folding is kept.
            group = self.model.group_index(severity)
            rows = self.model.rowCount(group)
            if rows and severity not in self._unfolded:
                self._unfolded.add(severity)
                self.view.setExpanded(group, not (severity == "hint" and rows > 20))

    def _activated(self, index: QModelIndex) -> None:
        problem = index.data(ProblemRole)
        if problem is not None:
            emit(self.problemActivated, problem)
