"""Speed of the window: start-up, and one keystroke in a 300-page report.

    python benchmarks/bench_gui.py [--runs 5]

1. Process start → main window shown with the sample open, next to a bare
   QApplication + QMainWindow measured the same way in the same run (target ≤ 1.5×).
   Each start is a fresh ``python`` process; the median of ``--runs`` is compared.
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
        _start_time(["--child", "bare"], pycache)  # warm the disk cache and compile, for both
        _start_time(["--child", "app", str(report)], pycache)
        bare, app = [], []
        for _ in range(runs):  # interleaved, so machine noise hits both alike
            bare.append(_start_time(["--child", "bare"], pycache))
            app.append(_start_time(["--child", "app", str(report)], pycache))
    b, a = statistics.median(bare) * 1000, statistics.median(app) * 1000
    ratio = a / b
    print(f"start-up (median of {runs}):  bare QMainWindow {b:6.0f} ms   法治报告 with the sample {a:6.0f} ms   "
          f"ratio {ratio:4.2f}  (target ≤ {START_TARGET})  {'ok' if ratio <= START_TARGET else 'SLOW'}")


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
    parser.add_argument("--child", choices=["bare", "app"])
    parser.add_argument("report", nargs="?")
    args = parser.parse_args()
    if args.child == "bare":
        _child_bare()
    elif args.child == "app":
        _child_app(args.report)
    else:
        bench_start(args.runs)
        bench_keystroke()


if __name__ == "__main__":
    main()
