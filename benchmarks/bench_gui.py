"""Speed of the window: start-up, and one keystroke in a 300-page report.

    python benchmarks/bench_gui.py [--runs 5]

1. Process start → main window shown with the sample open, next to a bare
   QApplication + QMainWindow measured the same way in the same run (target ≤ 1.5×).
   Each start is a fresh ``python`` process; the median of ``--runs`` is compared.
   A third start, the "floor", shows what PySide6 itself costs for a first screen of the
   same kinds as ours with none of our code: a Python tree model of the sample's 34
   outline nodes, a 14-field form in three group boxes, four menus, a toolbar with
   standard icons and a status bar. ``法治报告 ÷ floor`` is the part of the start-up that
   is ours; ``floor ÷ bare`` is what any such window pays in PySide6 (Python enums for
   the ``Qt`` namespace and ``QStyle``, widget construction, the first paint of Chinese text).
2. One keystroke-sized edit in a generated 300-page report (target < 16 ms, one frame):
   the key itself (a character committed into a section's body), the commit of the
   typing to the model (one undo command and everything listening to it), and a digit
   typed into the statistics form (which commits at once). Not on a keystroke but
   measured too: the re-check by the checks engine that follows a pause in typing a
   number (panel, outline count and the form's marks; ``ui.live_checks``).

Runs offscreen unless QT_QPA_PLATFORM says otherwise; settings and recovery copies go
to Qt's test locations, never the user's. The started processes use compiled bytecode
(as an installed program does), kept in a temporary folder.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "demo_street_2024.fzbg"
START_TARGET = 1.5
KEY_TARGET_MS = 16.0


# -- children: one start each ----------------------------------------------------------------
def _child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.show()
    app.processEvents()
    print(time.time())


def _child_floor() -> None:
    """A first screen like ours, built from PySide6 alone (see the module's docstring)."""
    from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QLabel, QLineEdit, QMainWindow,
                                   QPlainTextEdit, QScrollArea, QSplitter, QStyle, QTreeView, QVBoxLayout, QWidget)

    class Tree(QAbstractItemModel):
        """Six parts of five headings each under four fixed nodes: 34 rows, two levels."""

        def __init__(self):
            super().__init__()
            self.tops = [f"{i}、法治政府建设第{i}部分" for i in range(10)]

        def index(self, row, column, parent=QModelIndex()):
            return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

        def parent(self, index):
            group = index.internalId() if index.isValid() else 0
            return self.createIndex(group - 1, 0, 0) if group else QModelIndex()

        def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt override
            if not parent.isValid():
                return len(self.tops)
            return 4 if parent.internalId() == 0 and 2 <= parent.row() < 8 else 0

        def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt override
            return 1

        def data(self, index, role=Qt.DisplayRole):
            if role != Qt.DisplayRole:
                return None
            if index.internalId():
                return f"（{index.row() + 1}）推进严格规范公正文明执法"
            return self.tops[index.row()]

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    tree = QTreeView(headerHidden=True)
    tree.setModel(Tree())
    tree.expandAll()
    column = QWidget()
    boxes = QVBoxLayout(column)
    for title, fields in (("报告", 9), ("版头（正式版）", 2), ("版记（正式版）", 3)):
        box = QGroupBox(title)
        form = QFormLayout(box)
        for i in range(fields):
            form.addRow(f"字段{i}名称(&{i})：", QLineEdit("广州市海珠区人民政府昌岗街道办事处") if i % 3
                        else QPlainTextEdit("昌岗街道2023年法治政府建设年度报告"))
        boxes.addWidget(box)
    scroll = QScrollArea(widgetResizable=True)
    scroll.setWidget(column)
    splitter = QSplitter(Qt.Horizontal)
    splitter.addWidget(tree)
    splitter.addWidget(scroll)
    window.setCentralWidget(splitter)
    icons = [QStyle.SP_FileIcon, QStyle.SP_DialogOpenButton, QStyle.SP_DialogSaveButton, QStyle.SP_ArrowBack,
             QStyle.SP_ArrowForward, QStyle.SP_DriveFDIcon, QStyle.SP_DialogApplyButton]
    toolbar = window.addToolBar("常用")
    toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
    for m, name in enumerate(("文件(&F)", "编辑(&E)", "提纲(&O)", "工具(&T)")):
        menu = window.menuBar().addMenu(name)
        for k in range(6):
            action = QAction(f"命令{m}{k}(&{k})…", window)
            action.setShortcut(QKeySequence(f"Ctrl+{k}"))
            menu.addAction(action)
            if m == 0 and k < len(icons):
                action.setIcon(window.style().standardIcon(icons[k]))
                toolbar.addAction(action)
    for text in ("已保存", "正文 12345 字", "约 9 页"):
        window.statusBar().addPermanentWidget(QLabel(text))
    screen = app.primaryScreen().availableGeometry()
    window.resize(screen.width() * 4 // 5, screen.height() * 4 // 5)  # as the program's first start
    window.show()
    app.processEvents()
    print(time.time())


def _child_app(report_path: str) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QStandardPaths
    QStandardPaths.setTestModeEnabled(True)
    from ui.app import create_application, open_main_window
    app = create_application([])
    window = open_main_window([report_path])
    app.processEvents()
    shown = time.time()
    assert window.doc.path is not None, "the sample did not open"
    window.doc.close()
    print(shown)


def _start_time(args: list[str], pycache: str) -> float:
    # An installed or frozen program starts from compiled bytecode: let the children keep
    # theirs (in a temporary folder, not in the checkout) even where PYTHONDONTWRITEBYTECODE is set.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPYCACHEPREFIX=pycache)
    t0 = time.time()
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - t0


def bench_start(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / SAMPLE.name
        shutil.copyfile(SAMPLE, report)
        pycache = str(Path(tmp) / "pycache")
        starts = {"bare": ["--child", "bare"], "floor": ["--child", "floor"], "app": ["--child", "app", str(report)]}
        for args in starts.values():  # warm the disk cache and compile, for all
            _start_time(args, pycache)
        times: dict[str, list[float]] = {kind: [] for kind in starts}
        for _ in range(runs):  # interleaved, so machine noise hits all alike
            for kind, args in starts.items():
                times[kind].append(_start_time(args, pycache))
    b, f, a = (statistics.median(times[kind]) * 1000 for kind in ("bare", "floor", "app"))
    ratio = a / b
    print(f"start-up (median of {runs}):  bare QMainWindow {b:4.0f} ms   floor {f:4.0f} ms   "
          f"法治报告 with the sample {a:4.0f} ms")
    print(f"  法治报告 ÷ bare {ratio:4.2f}  (target ≤ {START_TARGET})  {'ok' if ratio <= START_TARGET else 'SLOW'}   "
          f"floor ÷ bare {f / b:4.2f}   法治报告 ÷ floor {a / f:4.2f}")


# -- keystroke in a 300-page report ------------------------------------------------------------
def bench_keystroke(repeats: int = 60) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from benchmarks.synthetic import make_report
    from models.pages import estimate_pages
    from models.storage import save_report
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.outline_model import STATS, section_key
    from ui.settings import AppSettings

    QStandardPaths.setTestModeEnabled(True)
    app = create_application([])
    report = make_report(300)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "300页.fzbg"
        save_report(report, path, backup=False)
        window = MainWindow(AppSettings())
        window.show()
        window.start(str(path))
        doc = window.doc
        section = doc.report.sections[0].children[len(doc.report.sections[0].children) // 2]
        window.outline.select_key(section_key(section.id))
        editor = window.editors.page("section")
        editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
        app.processEvents()

        def key(widget, text):
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(widget, event)

        keys, commits = [], []
        for i in range(repeats):
            t0 = time.perf_counter()
            key(editor.body, "法")
            app.processEvents()
            t1 = time.perf_counter()
            editor.body_commit.flush()  # what the idle timer does after a pause
            app.processEvents()
            t2 = time.perf_counter()
            keys.append(t1 - t0)
            commits.append(t2 - t1)

        window.outline.select_key(STATS)
        form = window.editors.page("indicators")
        app.processEvents()
        edit = form.rows["F01"].edits["value"]
        edit.setFocus()
        digits = []
        for i in range(repeats):
            edit.clear()
            t0 = time.perf_counter()
            key(edit, str(i % 10))
            app.processEvents()
            digits.append(time.perf_counter() - t0)

        window.checks.run_now()  # the first, full check happened once the report had opened
        rechecks = []
        for i in range(repeats // 3):
            edit.clear()
            key(edit, str(i % 10))
            app.processEvents()
            t0 = time.perf_counter()
            window.checks.run_now()  # what the timer does once the typing pauses
            app.processEvents()
            rechecks.append(time.perf_counter() - t0)

        pages = estimate_pages(doc.report)
        doc.undo_stack.setClean()
        window.close()

    def line(name, samples):
        med, worst = statistics.median(samples) * 1000, max(samples) * 1000
        ok = "ok" if med < KEY_TARGET_MS else "SLOW"
        print(f"  {name:<44}median {med:6.2f} ms   max {worst:6.2f} ms   (target < {KEY_TARGET_MS:.0f})  {ok}")

    print(f"one keystroke in a {pages}-page report ({repeats} repeats):")
    line("key into a section body", keys)
    line("commit of the typing (undo step, listeners)", commits)
    line("digit into the statistics form", digits)
    line("re-check once the number is typed", rechecks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=["bare", "floor", "app"])
    parser.add_argument("report", nargs="?")
    args = parser.parse_args()
    if args.child == "bare":
        _child_bare()
    elif args.child == "floor":
        _child_floor()
    elif args.child == "app":
        _child_app(args.report)
    else:
        bench_start(args.runs)
        bench_keystroke()


if __name__ == "__main__":
    main()
