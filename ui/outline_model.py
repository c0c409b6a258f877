"""The outline on the left: fixed nodes and the report's section tree, as a Qt item model.

Top level: 基本信息 / 开头段 / 正文 (the sections, numbered 一、（一）1.（1） as computed) /
统计指标 (one child per category) / 检查结果 (filled by the checks panel through
:meth:`OutlineModel.set_check_count`).

The report tells its listeners *after* a change, while Qt wants to hear *before* rows
move. So the model keeps its own mirror of the tree (node keys per parent) and turns
each report change into the matching begin/end calls by comparing the mirror with the
report. Node keys are strings (``meta``, ``s:<section id>``, ``c:<category id>``) mapped to
stable integers for ``QModelIndex.internalId``.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from models.catalogue import Catalogue, default_catalogue
from models.numbering import MAX_LEVEL, heading_label
from models.report import ReportChange, Section

from .commands import MoveSection, SectionEdit, move_to
from .document import ReportDocument
from .qt_compat import emit
from .severity import SEVERITY_COLOURS, count_text

ROOT = ""
META, PREAMBLE, BODY, STATS, CHECKS = "meta", "preamble", "body", "stats", "checks"
FIXED_NODES = {META: "基本信息", PREAMBLE: "开头段", BODY: "正文", STATS: "统计指标", CHECKS: "检查结果"}
SECTION_PREFIX, CATEGORY_PREFIX = "s:", "c:"
SECTION_MIME = "application/x-fzbg-section-id"
NodeKeyRole = Qt.UserRole + 1
# The computed number of a section (一、（一）…). Kept out of DisplayRole: it changes when
# a sibling is inserted before, and a row's own data must not change for that.
NumberRole = Qt.UserRole + 2
UNNAMED = "（未命名标题）"

_FIXED_TIPS = {
    META: "发文机关、年度、成文日期、标题、主送机关、发文字号等",
    PREAMBLE: "“一、”之前的开头段落",
    BODY: "正文各级标题：拖动可调整顺序和层级，序号自动计算",
    STATS: "按指标目录填写的统计数字",
    CHECKS: "报告修改后自动检查（按 F5 立即检查），发现的问题显示在这里",
}


def section_key(section_id: str) -> str:
    return SECTION_PREFIX + section_id


def section_id_of(key: str) -> Optional[str]:
    return key[len(SECTION_PREFIX):] if key.startswith(SECTION_PREFIX) else None


def category_key(category_id: str) -> str:
    return CATEGORY_PREFIX + category_id


def category_id_of(key: str) -> Optional[str]:
    return key[len(CATEGORY_PREFIX):] if key.startswith(CATEGORY_PREFIX) else None


class OutlineModel(QAbstractItemModel):
    def __init__(self, doc: ReportDocument, catalogue: Optional[Catalogue] = None, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.catalogue = catalogue or default_catalogue()
        self._ids: dict[str, int] = {}
        self._keys: list[str] = []
        self._children: dict[str, list[str]] = {}
        self._parent: dict[str, str] = {}
        self._sections: dict[str, Section] = {}
        self._category_names: dict[str, str] = {}
        self._check_counts: Optional[dict[str, int]] = None
        self._build()
        doc.changed.connect(self._on_change)

    # -- the mirror -----------------------------------------------------------------------
    def _intern(self, key: str) -> int:
        node_id = self._ids.get(key)
        if node_id is None:
            self._keys.append(key)
            node_id = self._ids[key] = len(self._keys)
        return node_id

    def _set_children(self, key: str, children: list[str]) -> None:
        self._children[key] = children
        for child in children:
            self._parent[child] = key

    def _mirror_sections(self, parent_key: str, items: list[Section]) -> None:
        keys = []
        for s in items:
            key = section_key(s.id)
            self._sections[s.id] = s
            keys.append(key)
            self._mirror_sections(key, s.children)
        self._set_children(parent_key, keys)

    def _forget_subtree(self, key: str) -> None:
        for child in self._children.pop(key, []):
            self._forget_subtree(child)
        self._parent.pop(key, None)
        sid = section_id_of(key)
        if sid is not None:
            self._sections.pop(sid, None)

    def _category_keys(self) -> list[str]:
        report = self.doc.report
        groups = self.catalogue.grouped(report, level=report.meta.organ_level.value)
        self._category_names = {cid: name for cid, name, _ in groups}
        return [category_key(cid) for cid, _, _ in groups]

    def _build(self) -> None:
        self._children, self._parent, self._sections = {}, {}, {}
        self._set_children(ROOT, list(FIXED_NODES))
        for key in FIXED_NODES:
            self._children[key] = []
        self._mirror_sections(BODY, self.doc.report.sections)
        self._set_children(STATS, self._category_keys())
        for key in self._children[STATS]:
            self._children[key] = []

    # -- lookup -------------------------------------------------------------------------------
    def key_of(self, index: QModelIndex) -> str:
        if not index.isValid():
            return ROOT
        return self._keys[index.internalId() - 1]

    def _row_of(self, key: str) -> int:
        return self._children[self._parent[key]].index(key)

    def index_of_key(self, key: str) -> QModelIndex:
        if key == ROOT or key not in self._parent:
            return QModelIndex()
        return self.createIndex(self._row_of(key), 0, self._intern(key))

    def section_level(self, key: str) -> int:
        level = 0
        while key != BODY:
            level += 1
            key = self._parent[key]
        return level

    def section_of(self, index: QModelIndex) -> Optional[Section]:
        sid = section_id_of(self.key_of(index))
        return self._sections.get(sid) if sid else None

    def label_of(self, key: str) -> str:
        """The computed number of a section node (一、 / （一） / 1. / （1））."""
        return heading_label(self.section_level(key), self._row_of(key) + 1)

    # -- QAbstractItemModel ---------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        key = self._children[self.key_of(parent)][row]
        return self.createIndex(row, column, self._intern(key))

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: A003 - Qt's name
        if not index.isValid():
            return QModelIndex()
        return self.index_of_key(self._parent[self.key_of(index)])

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.column() > 0:
            return 0
        return len(self._children.get(self.key_of(parent), ()))

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 1

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        key = self.key_of(index)
        if role == NodeKeyRole:
            return key
        sid = section_id_of(key)
        if sid is not None:
            return self._section_data(key, self._sections[sid], role)
        if role == Qt.DisplayRole:
            return self._fixed_text(key)
        if role == Qt.ToolTipRole:
            return _FIXED_TIPS.get(key)
        if role == Qt.ForegroundRole and key == CHECKS and (self._check_counts or {}).get("error"):
            return QBrush(QColor(SEVERITY_COLOURS["error"]))
        if role == Qt.FontRole and key in FIXED_NODES:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _fixed_text(self, key: str) -> str:
        cid = category_id_of(key)
        if cid is not None:
            return self._category_names.get(cid, cid)
        if key == CHECKS and self._check_counts is not None:
            return f"检查结果（{count_text(self._check_counts) or '无问题'}）"
        return FIXED_NODES[key]

    def numbered_text(self, index: QModelIndex) -> str:
        """What the outline shows: the number (for sections) and the text."""
        return (index.data(NumberRole) or "") + (index.data() or "")

    def _section_data(self, key: str, section: Section, role: int):
        if role == Qt.DisplayRole:
            return section.heading or UNNAMED
        if role == NumberRole:
            return self.label_of(key)
        if role == Qt.EditRole:
            return section.heading
        if role == Qt.ToolTipRole:
            tip = section.heading or UNNAMED
            if section.part:
                tip += f"\n〔{section.part.label}〕"
            if _is_empty(section) and section.guidance:
                tip += f"\n待填写：{section.guidance}"
            return tip
        if role == Qt.ForegroundRole and _is_empty(section):
            return QBrush(QApplication.palette().color(QPalette.PlaceholderText))
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.NoItemFlags
        key = self.key_of(index)
        if section_id_of(key) is not None:
            return _SECTION_FLAGS
        return _BODY_FLAGS if key == BODY else _NODE_FLAGS

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:  # noqa: N802
        section = self.section_of(index)
        if section is None or role != Qt.EditRole:
            return False
        heading = str(value).strip()
        if heading != section.heading:
            self.doc.push(SectionEdit(self.doc.report, section.id, "heading", heading, "修改标题"))
        return True

    # -- drag and drop --------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropActions:  # noqa: N802
        return Qt.MoveAction

    def supportedDragActions(self) -> Qt.DropActions:  # noqa: N802
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [SECTION_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        sections = [self.section_of(i) for i in indexes if self.section_of(i) is not None]
        if sections:
            data.setData(SECTION_MIME, QByteArray(sections[0].id.encode("utf-8")))
        return data

    def _drop_target(self, data: QMimeData, row: int, parent: QModelIndex):
        """(section id, new parent id or None, index after removal) or None when not allowed."""
        if not data.hasFormat(SECTION_MIME):
            return None
        sid = bytes(data.data(SECTION_MIME)).decode("utf-8")
        parent_key = self.key_of(parent)
        if sid not in self._sections or not (parent_key == BODY or section_id_of(parent_key)):
            return None
        new_parent_id = section_id_of(parent_key)
        section = self._sections[sid]
        if new_parent_id is not None and any(s.id == new_parent_id for s in section.walk()):
            return None
        parent_level = 0 if parent_key == BODY else self.section_level(parent_key)
        if parent_level + section.depth() > MAX_LEVEL:
            return None
        siblings = self._children[parent_key]
        index = len(siblings) if row < 0 else row
        key = section_key(sid)
        if self._parent[key] == parent_key and self._row_of(key) < index:
            index -= 1  # the section leaves its old place first
        return sid, new_parent_id, index

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        return action == Qt.MoveAction and self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        target = self._drop_target(data, row, parent) if action == Qt.MoveAction else None
        if target is None:
            return False
        sid, new_parent_id, index = target
        self.doc.push(MoveSection(self.doc.report, sid, move_to(new_parent_id, index), "移动标题"))
        return True

    # -- the checks panel's hook ------------------------------------------------------------------
    def set_check_counts(self, counts: Optional[dict[str, int]]) -> None:
        """Show how many problems of each severity the last check found (None: not checked yet)."""
        if counts == self._check_counts:
            return
        self._check_counts = counts
        index = self.index_of_key(CHECKS)
        emit(self.dataChanged, index, index)

    # -- following the report -----------------------------------------------------------------
    def _on_change(self, change: ReportChange) -> None:
        kind = change.kind
        if kind == "reset":
            self.beginResetModel()
            self._build()
            self.endResetModel()
        elif kind == "section_added":
            self._section_added(change.section_id)
        elif kind == "section_removed":
            self._section_removed(change.section_id)
        elif kind == "section_moved":
            self._section_moved(change.section_id)
        elif kind == "section_changed":
            index = self.index_of_key(section_key(change.section_id))
            emit(self.dataChanged, index, index)
        elif kind == "custom_indicators" or (kind == "meta" and "organ_level" in change.fields):
            self._refresh_categories()

    def _section_added(self, section_id: str) -> None:
        report = self.doc.report
        parent, index = report.locate(section_id)
        parent_key = BODY if parent is None else section_key(parent.id)
        section = report.find_section(section_id)
        self.beginInsertRows(self.index_of_key(parent_key), index, index)
        key = section_key(section_id)
        self._children[parent_key].insert(index, key)
        self._parent[key] = parent_key
        self._sections[section_id] = section
        self._mirror_sections(key, section.children)
        self.endInsertRows()
        self._refresh_labels()

    def _section_removed(self, section_id: str) -> None:
        key = section_key(section_id)
        parent_key = self._parent[key]
        row = self._row_of(key)
        self.beginRemoveRows(self.index_of_key(parent_key), row, row)
        self._children[parent_key].pop(row)
        self._forget_subtree(key)
        self.endRemoveRows()
        self._refresh_labels()

    def _section_moved(self, section_id: str) -> None:
        key = section_key(section_id)
        old_parent_key, old_row = self._parent[key], self._row_of(key)
        parent, new_row = self.doc.report.locate(section_id)
        new_parent_key = BODY if parent is None else section_key(parent.id)
        if (old_parent_key, old_row) != (new_parent_key, new_row):
            # beginMoveRows counts the destination before the row is taken out.
            dest = new_row + 1 if new_parent_key == old_parent_key and new_row > old_row else new_row
            self.beginMoveRows(self.index_of_key(old_parent_key), old_row, old_row,
                               self.index_of_key(new_parent_key), dest)
            self._children[old_parent_key].pop(old_row)
            self._children[new_parent_key].insert(new_row, key)
            self._parent[key] = new_parent_key
            self.endMoveRows()
        self._refresh_labels()

    def _refresh_labels(self) -> None:
        """Numbers depend on position and level: repaint every section row (cheap, rare)."""
        for parent_key, children in self._children.items():
            if children and (parent_key == BODY or section_id_of(parent_key)):
                parent = self.index_of_key(parent_key)
                emit(self.dataChanged, self.index(0, 0, parent), self.index(len(children) - 1, 0, parent),
                     [NumberRole])

    def _refresh_categories(self) -> None:
        old = self._children[STATS]
        new = self._category_keys()
        if new == old:
            index = self.index_of_key(STATS)
            if old:
                emit(self.dataChanged, self.index(0, 0, index), self.index(len(old) - 1, 0, index))
            return
        stats = QPersistentModelIndex(self.index_of_key(STATS))
        if old:
            self.beginRemoveRows(QModelIndex(stats), 0, len(old) - 1)
            for key in old:
                self._forget_subtree(key)
            self._children[STATS] = []
            self.endRemoveRows()
        if new:
            self.beginInsertRows(QModelIndex(stats), 0, len(new) - 1)
            self._set_children(STATS, new)
            for key in new:
                self._children[key] = []
            self.endInsertRows()


# Combined once: the view asks for flags of every row on each repaint, and combining
# Python enum flags costs more than the rest of flags().
_NODE_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable
_BODY_FLAGS = _NODE_FLAGS | Qt.ItemIsDropEnabled
_SECTION_FLAGS = _NODE_FLAGS | Qt.ItemIsEditable | Qt.ItemIsDragEnabled | Qt.ItemIsDropEnabled


def _is_empty(section: Section) -> bool:
    return not section.paragraphs and not section.children
