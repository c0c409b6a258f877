"""The findings of the checks as a Qt item model: three group rows 错误/警告/提示 with
their counts, each holding its problems (message | place).

The group rows always exist, so a re-check only replaces the rows under a group whose
problems changed: the view keeps its expanded groups and nothing flickers while the
user types elsewhere.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from .qt_compat import emit
from .severity import SEVERITY_COLOURS, SEVERITY_KEYS, SEVERITY_LABELS

_ICONS = {"error": QStyle.SP_MessageBoxCritical, "warning": QStyle.SP_MessageBoxWarning,
          "hint": QStyle.SP_MessageBoxInformation}
HEADERS = ("问题", "位置")
ProblemRole = Qt.UserRole + 1  # the models.checks.Problem of a row (None for a group row)
SeverityRole = Qt.UserRole + 2  # "error" / "warning" / "hint"

# internalId: 0 for a group row, else the group's number (1..3), so parent() is a lookup.
_GROUP_ID = 0


class ProblemModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: dict[str, list] = {key: [] for key in SEVERITY_KEYS}
        self._checked = False

    # -- filling -------------------------------------------------------------------------------
    def set_problems(self, problems: Optional[list]) -> None:
        """Show these findings (None: not checked yet)."""
        self._checked = problems is not None
        new = {key: [] for key in SEVERITY_KEYS}
        for p in problems or ():
            new[p.severity.value].append(p)
        for row, key in enumerate(SEVERITY_KEYS):
            old = self._groups[key]
            if new[key] == old:
                continue
            parent = self.index(row, 0)
            if old:
                self.beginRemoveRows(parent, 0, len(old) - 1)
                self._groups[key] = []
                self.endRemoveRows()
            if new[key]:
                self.beginInsertRows(parent, 0, len(new[key]) - 1)
                self._groups[key] = new[key]
                self.endInsertRows()
            emit(self.dataChanged, parent, self.index(row, len(HEADERS) - 1))

    def problems(self, severity: Optional[str] = None) -> list:
        if severity is not None:
            return list(self._groups[severity])
        return [p for key in SEVERITY_KEYS for p in self._groups[key]]

    def group_index(self, severity: str) -> QModelIndex:
        return self.index(SEVERITY_KEYS.index(severity), 0)

    # -- QAbstractItemModel -------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP_ID)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: A003 - Qt's name
        if not index.isValid() or index.internalId() == _GROUP_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP_ID)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(SEVERITY_KEYS)
        if parent.internalId() != _GROUP_ID or parent.column() > 0:
            return 0
        return len(self._groups[SEVERITY_KEYS[parent.row()]])

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _GROUP_ID:
            return self._group_data(SEVERITY_KEYS[index.row()], index.column(), role)
        severity = SEVERITY_KEYS[index.internalId() - 1]
        group = self._groups[severity]
        if index.row() >= len(group):
            return None
        return self._problem_data(group[index.row()], severity, index.column(), role)

    def _group_data(self, severity: str, column: int, role: int):
        if role == SeverityRole:
            return severity
        if column != 0:
            return None
        count = len(self._groups[severity])
        if role == Qt.DisplayRole:
            return f"{SEVERITY_LABELS[severity]}（{count}）" if self._checked else SEVERITY_LABELS[severity]
        if role == Qt.DecorationRole:
            return QApplication.style().standardIcon(_ICONS[severity])
        if role == Qt.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ToolTipRole:
            return {"error": "应当改正后再报送", "warning": "请核对：多数需要修改，少数情况下属正常",
                    "hint": "供参考"}[severity]
        return None

    def _problem_data(self, problem, severity: str, column: int, role: int):
        if role == ProblemRole:
            return problem
        if role == SeverityRole:
            return severity
        if role == Qt.DisplayRole:
            return problem.message if column == 0 else problem.where
        if role == Qt.ToolTipRole:
            return f"{SEVERITY_LABELS[severity]}：{problem.message}\n位置：{problem.where}\n双击转到该处"
        if role == Qt.ForegroundRole and column == 0:
            return QBrush(QColor(SEVERITY_COLOURS[severity]))
        return None
