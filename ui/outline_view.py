"""The outline tree: selection, context menu and the section operations (add, delete,
rename, move up/down, indent/outdent; drag and drop lives in the model)."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QStyledItemDelegate, QTreeView, QWidget

from models.report import Report, Section

from . import dialogs
from .commands import AddSection, MoveSection, RemoveSection
from .document import ReportDocument
from .outline_model import BODY, META, NumberRole, OutlineModel, section_id_of, section_key
from .qt_compat import emit

NEW_HEADING = "新标题"


class NumberedDelegate(QStyledItemDelegate):
    """Shows the computed number in front of a section's heading."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        number = index.data(NumberRole)
        if number:
            option.text = number + option.text


def _move_up(report: Report, sid: str):
    return report.move_up(sid)


def _move_down(report: Report, sid: str):
    return report.move_down(sid)


def _indent(report: Report, sid: str):
    return report.indent(sid)


def _outdent(report: Report, sid: str):
    return report.outdent(sid)


class OutlineView(QTreeView):
    nodeSelected = Signal(str)

    def __init__(self, doc: ReportDocument, model: OutlineModel, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.doc = doc
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setItemDelegate(NumberedDelegate(self))
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(QAbstractItemView.EditKeyPressed | QAbstractItemView.SelectedClicked)
        self.setAccessibleName("提纲")
        self.setContextMenuPolicy(Qt.DefaultContextMenu)
        self._create_actions()
        self.selectionModel().currentChanged.connect(self._current_changed)
        doc.changed.connect(self._on_change)
        model.modelReset.connect(self._after_reset)

    # -- actions ------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: Optional[str] = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.add_sibling_action = self._action("添加同级标题(&A)", self.add_sibling, "Ctrl+Return",
                                               "在所选标题之后添加一个同级标题")
        self.add_child_action = self._action("添加下级标题(&C)", self.add_child, "Ctrl+Shift+Return",
                                             "在所选标题之下添加一个下级标题")
        self.rename_action = self._action("重命名(&R)", self.rename, "F2")
        self.delete_action = self._action("删除标题(&D)…", self.delete, "Delete", "删除所选标题及其下级和正文")
        self.move_up_action = self._action("上移(&U)", lambda: self._move(_move_up, "上移标题"), "Alt+Up")
        self.move_down_action = self._action("下移(&W)", lambda: self._move(_move_down, "下移标题"), "Alt+Down")
        self.outdent_action = self._action("升级(&L)", lambda: self._move(_outdent, "标题升级"), "Alt+Left",
                                           "移到上一级，排在原上级标题之后")
        self.indent_action = self._action("降级(&G)", lambda: self._move(_indent, "标题降级"), "Alt+Right",
                                          "作为前一个同级标题的最后一个下级")
        self.section_actions = [self.add_sibling_action, self.add_child_action, self.rename_action,
                                self.delete_action, self.move_up_action, self.move_down_action,
                                self.outdent_action, self.indent_action]
        self._update_actions()

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        index = self.indexAt(event.pos())
        if index.isValid():
            self.setCurrentIndex(index)
        menu = QMenu(self)
        for i, action in enumerate(self.section_actions):
            if i in (2, 4):
                menu.addSeparator()
            menu.addAction(action)
        menu.exec(event.globalPos())

    # -- selection ------------------------------------------------------------------------------
    def current_key(self) -> str:
        return self.model().key_of(self.currentIndex())

    def current_section_id(self) -> Optional[str]:
        return section_id_of(self.current_key())

    def select_key(self, key: str) -> None:
        index = self.model().index_of_key(key)
        if index.isValid():
            self.scrollTo(index)
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.ClearAndSelect)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        if current.isValid():
            emit(self.nodeSelected, self.model().key_of(current))

    def _on_change(self, change) -> None:
        if change.kind in ("section_added", "section_removed", "section_moved", "reset"):
            self._update_actions()

    def _after_reset(self) -> None:
        self.expandToDepth(1)
        self.select_key(META)

    def _update_actions(self) -> None:
        key = self.current_key()
        sid = section_id_of(key)
        report = self.doc.report
        exists = sid is not None and self.model().index_of_key(key).isValid()
        self.add_sibling_action.setEnabled(exists or key == BODY)
        self.add_child_action.setEnabled(key == BODY or (exists and report.level_of(sid) < 4))
        for action in (self.rename_action, self.delete_action):
            action.setEnabled(exists)
        self.move_up_action.setEnabled(exists and report.can_move_up(sid))
        self.move_down_action.setEnabled(exists and report.can_move_down(sid))
        self.indent_action.setEnabled(exists and report.can_indent(sid))
        self.outdent_action.setEnabled(exists and report.can_outdent(sid))

    # -- operations -------------------------------------------------------------------------------
    def _insert(self, parent_id: Optional[str], index: Optional[int]) -> None:
        section = Section(heading=NEW_HEADING)
        self.doc.push(AddSection(self.doc.report, parent_id, index, section))
        key = section_key(section.id)
        self.expand(self.model().index_of_key(key).parent())
        self.select_key(key)
        self.edit(self.currentIndex())

    def add_sibling(self) -> None:
        sid = self.current_section_id()
        if sid is None:
            self._insert(None, None)
            return
        parent, index = self.doc.report.locate(sid)
        self._insert(parent.id if parent else None, index + 1)

    def add_child(self) -> None:
        self._insert(self.current_section_id(), None)

    def rename(self) -> None:
        if self.current_section_id():
            self.edit(self.currentIndex())

    def delete(self) -> None:
        sid = self.current_section_id()
        if sid is None:
            return
        report = self.doc.report
        section = report.find_section(sid)
        below = sum(1 for _ in section.walk()) - 1
        extra = f"及其下的 {below} 个下级标题" if below else ""
        name = f"{report.label_of(sid)}{section.heading}"
        if not dialogs.confirm(self, "删除标题", f"删除「{name}」{extra}和其中的全部正文？\n删除后可以用“撤销”恢复。",
                               "删除"):
            return
        parent, index = report.locate(sid)
        siblings = report.children_of(parent.id if parent else None)
        after = siblings[index + 1] if index + 1 < len(siblings) else (siblings[index - 1] if index else parent)
        self.doc.push(RemoveSection(report, sid))
        self.select_key(section_key(after.id) if after else BODY)

    def _move(self, operation, text: str) -> None:
        sid = self.current_section_id()
        if sid is not None:
            self.doc.push(MoveSection(self.doc.report, sid, operation, text))
            self.select_key(section_key(sid))
