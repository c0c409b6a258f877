"""The main window: menus, toolbar, outline on the left, editor on the right, status bar.

A dispatcher only: it creates the parts and connects their signals. Files are handled
by ``FileController``, export by ``ExportFlow``, edits by the editors and the document.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QStyle, QToolButton

from . import dialogs
from .document import ReportDocument
from .editor_stack import EditorStack
from .export_flow import ExportFlow
from .export_jobs import EXPORT_KINDS
from .file_actions import FileController
from .import_flow import ImportFlow
from .live_checks import LiveChecks
from .navigation import go_to_problem
from .outline_model import CHECKS, META, OutlineModel
from .outline_view import OutlineView
from .settings import APP_TITLE, AppSettings
from .severity import count_text
from .status_panel import StatusPanel

STATUS_MESSAGE_MS = 10_000


def _step_text(verb: str, step: str, letter: str) -> str:
    """Menu text of undo/redo: the verb, the step in quotes, the Alt letter (``&&`` keeps a
    typed ampersand from becoming one)."""
    step = step.replace("&", "&&")
    return f"{verb}“{step}”(&{letter})" if step else f"{verb}(&{letter})"


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings, doc: Optional[ReportDocument] = None):
        super().__init__()
        self.settings = settings
        self.doc = doc or ReportDocument(parent=self)
        # first to hear of each change: everything showing findings reads them from here
        self.checks = LiveChecks(self.doc, settings, parent=self)
        self.files = FileController(self, self.doc, settings, self.checks)
        self.exports = ExportFlow(self, self.doc, settings, self.checks)
        self.imports = ImportFlow(self, self.doc, self.files)
        self.model = OutlineModel(self.doc, parent=self)
        self.outline = OutlineView(self.doc, self.model)
        self.editors = EditorStack(self.doc, settings, self.checks)
        self.status = StatusPanel(self.statusBar(), self.doc)

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.outline)
        self.splitter.addWidget(self.editors)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._connect()
        self._restore_layout()
        self._update_title()

    # -- actions ------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcuts=(), icon: Optional[QStyle.StandardPixmap] = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        f = self.files
        self.new_action = self._action("新建(&N)…", f.new_report, ["Ctrl+N"], QStyle.SP_FileIcon, "按模板新建报告")
        self.open_action = self._action("打开(&O)…", f.open_report, ["Ctrl+O"], QStyle.SP_DialogOpenButton)
        self.save_action = self._action("保存(&S)", f.save, ["Ctrl+S"], QStyle.SP_DialogSaveButton)
        self.save_as_action = self._action("另存为(&A)…", f.save_as, ["Ctrl+Shift+S"])
        self.import_action = self._action("导入(&I)…", self.imports.import_file,
                                          tip="把上年度报告（Word 文件、保存的网页或文本文件）导入为新报告")
        self.paste_import_action = self._action("粘贴导入(&P)…", self.imports.import_pasted,
                                                tip="把从网页上复制的报告全文导入为新报告")
        self.quit_action = self._action("退出(&X)", self.close, ["Ctrl+Q"])
        self.undo_action = self._action("撤销(&U)", self.doc.undo, ["Ctrl+Z"], QStyle.SP_ArrowBack)
        self.redo_action = self._action("重做(&R)", self.doc.redo, ["Ctrl+Y", "Ctrl+Shift+Z"], QStyle.SP_ArrowForward)
        self.check_action = self._action("检查(&C)", self.run_checks, ["F5"], QStyle.SP_DialogApplyButton,
                                         "检查数字、必备内容、日期和格式，结果显示在“检查结果”中")
        self.preferences_action = self._action("选项(&P)…", self.edit_preferences)
        self.aggregate_action = self._action("汇总多个单位(&H)…", self.exports.aggregate,
                                             tip="把一个文件夹中各单位的报告文件（.fzbg）汇总为一个 Excel 汇总表")
        self.export_dialog_action = self._action("导出(&E)…", self.exports.choose_and_start, ["Ctrl+E"],
                                                 QStyle.SP_DriveFDIcon, "导出 Word 报告和 Excel 统计表")
        self.export_actions = {key: self._action(kind.mnemonic_label, partial(self.exports.start, key),
                                                   tip=kind.description)
                               for key, kind in EXPORT_KINDS.items()}
        self.undo_action.setIconText("撤销")  # the toolbar keeps a short, steady label
        self.redo_action.setIconText("重做")
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("最近打开(&R)")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.paste_import_action])
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        self.export_menu = file_menu.addMenu("导出(&E)")
        self.export_menu.addActions(list(self.export_actions.values()))
        self.export_menu.addSeparator()
        self.export_menu.addAction(self.export_dialog_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("编辑(&E)")
        edit_menu.addActions([self.undo_action, self.redo_action])

        outline_menu = bar.addMenu("提纲(&O)")
        for i, action in enumerate(self.outline.section_actions):
            if i in (2, 4):
                outline_menu.addSeparator()
            outline_menu.addAction(action)

        tools_menu = bar.addMenu("工具(&T)")
        tools_menu.addActions([self.check_action, self.aggregate_action, self.preferences_action])

        self._fill_recent_menu()

    def _create_toolbar(self) -> None:
        toolbar = self.addToolBar("常用")
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        export_button = QToolButton()
        export_button.setDefaultAction(self.export_dialog_action)
        export_button.setMenu(self.export_menu)
        export_button.setPopupMode(QToolButton.MenuButtonPopup)
        export_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        export_button.setFocusPolicy(Qt.NoFocus)  # like the toolbar's other buttons: no stop for Tab
        toolbar.addWidget(export_button)
        toolbar.addAction(self.check_action)

    # -- wiring ----------------------------------------------------------------------------------
    def _connect(self) -> None:
        doc, stack = self.doc, self.doc.undo_stack
        self.outline.nodeSelected.connect(self.editors.show_node)
        self.editors.problemActivated.connect(self.go_to_problem)
        self.checks.updated.connect(lambda: self.model.set_check_counts(self.checks.counts()))
        self.exports.reviewRequested.connect(self.run_checks)
        for source in (self.editors, self.files, self.imports):
            source.statusMessage.connect(self.show_status)
        self.files.recentFilesChanged.connect(self._fill_recent_menu)
        doc.modifiedChanged.connect(self.setWindowModified)
        doc.pathChanged.connect(self._update_title)
        doc.editPending.connect(lambda: self.undo_action.setEnabled(True))
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # the menu names the step and keeps the Alt letter: 「撤销“修改正文”(U)」
        stack.undoTextChanged.connect(lambda text: self.undo_action.setText(_step_text("撤销", text, "U")))
        stack.redoTextChanged.connect(lambda text: self.redo_action.setText(_step_text("重做", text, "R")))
        self.exports.busyChanged.connect(self._export_busy)
        self.exports.progress.connect(self.status.show_progress)

    def show_status(self, message: str) -> None:
        """A message for a while, cut with … where it would run into the permanent labels."""
        bar = self.statusBar()
        room = self.status.message_room()
        shown = bar.fontMetrics().elidedText(message, Qt.ElideRight, room) if room else message
        bar.showMessage(shown, STATUS_MESSAGE_MS)

    def _update_title(self, *_) -> None:
        self.setWindowTitle(f"{self.doc.display_name}[*] — {APP_TITLE}")
        self.setWindowFilePath(str(self.doc.path) if self.doc.path else "")
        self.setWindowModified(self.doc.is_modified)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.files.recent_files()
        for i, path in enumerate(recent, 1):
            action = menu.addAction(f"&{i % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(partial(self.files.open_report, path))
        if not recent:
            menu.addAction("（无）").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("清除列表(&C)")
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.files.clear_recent_files)

    def _export_busy(self, busy: bool) -> None:
        for action in [self.export_dialog_action, self.aggregate_action, *self.export_actions.values()]:
            action.setEnabled(not busy)
        if busy:
            self.statusBar().showMessage("正在导出…（可以继续编辑）")
        else:
            self.status.show_progress(1, 1, "")
            self.statusBar().clearMessage()

    # -- commands -----------------------------------------------------------------------------------
    def start(self, path: Optional[str] = None) -> None:
        """After the window is shown: recovery, the file from the command line, or a new report."""
        self.files.start(path)
        self.outline.select_key(META)

    def run_checks(self) -> None:
        """F5: check now (with what is being typed) and show the findings."""
        self.doc.flush()
        self.checks.run_now()
        self.outline.select_key(CHECKS)
        self.show_status(f"检查完成：{count_text(self.checks.counts()) or '未发现问题'}")

    def go_to_problem(self, problem) -> None:
        note = go_to_problem(self.outline, self.editors, problem)
        self.show_status(note or problem.message)

    def edit_preferences(self) -> None:
        if dialogs.edit_preferences(self, self.settings):
            self.checks.preferences_changed()

    # -- window state ---------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QApplication.primaryScreen().availableGeometry()
            self.resize(screen.width() * 4 // 5, screen.height() * 4 // 5)
        splitter = self.settings.splitter_state()
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([self.width() // 4, self.width() * 3 // 4])

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.exports.busy:
            dialogs.show_error(self, "正在导出", "导出尚未完成，请稍候再关闭。")
            event.ignore()
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        self.files.close_document()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.settings.sync()
        event.accept()
