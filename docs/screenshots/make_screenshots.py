"""Screenshots of the main screens, made offscreen from the sample report.

    python docs/screenshots/make_screenshots.py [OUTPUT_FOLDER]

Writes PNGs (default: beside this script): 基本信息, a section, 统计指标 with one relation
violated, the 导出 menu and the 导出 dialog, the 检查结果 panel with problems, and the
review dialog of an import (the sample written to a .docx the way other offices' files are
made, then imported). Needs a CJK font (Debian/Ubuntu:
``fonts-noto-cjk``); without one Chinese shows as boxes, so the script refuses to run.
Settings and recovery copies go to Qt's test locations, never the user's.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

from PySide6.QtCore import QPoint, QRect, QStandardPaths, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFontDatabase, QInputMethodEvent, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "demo_street_2024.fzbg"
SIZE = (1280, 800)


def has_cjk_font() -> bool:
    return any(QFontDatabase.writingSystems(f) and QFontDatabase.WritingSystem.SimplifiedChinese
               in QFontDatabase.writingSystems(f) for f in QFontDatabase.families())


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def wait_for_checks(app: QApplication, window) -> None:
    """Let the re-check that follows a pause in typing run (as it does for the user)."""
    settle(app)
    deadline = time.monotonic() + 5
    while window.checks.pending and time.monotonic() < deadline:
        time.sleep(0.05)
        app.processEvents()
    settle(app)


def type_into(widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def overlay(window: QWidget, popup: QWidget, top_left: QPoint, title: str = ""):
    """The window with a popup (menu, dialog) painted where it would appear. Offscreen
    windows have no frame, so a dialog gets a drawn border and title strip."""
    shot = window.grab()
    painter = QPainter(shot)
    image = popup.grab()
    if title:
        strip = popup.fontMetrics().height() * 2
        frame = QRect(top_left.x() - 1, top_left.y() - strip - 1, image.width() + 2, image.height() + strip + 2)
        painter.fillRect(frame, QColor("#dfe4ea"))
        painter.setPen(QColor("#7a8694"))
        painter.drawRect(frame)
        painter.setPen(QColor("#1b1f24"))
        painter.drawText(QRect(frame.x() + strip // 2, frame.y(), frame.width(), strip), Qt.AlignVCenter, title)
    painter.drawPixmap(top_left, image)
    painter.end()
    return shot


def import_review_dialog(window, folder: Path):
    """The review dialog of importing the sample from a .docx made with python-docx."""
    from benchmarks.plain_docx import write_plain_docx
    from importers import import_file
    from models.storage import load_report
    from ui.import_review_dialog import ImportReviewDialog

    source = write_plain_docx(load_report(SAMPLE), folder / "上年报告.docx", numbering="paragraph")
    result = import_file(source)
    dialog = ImportReviewDialog(result, parent=window)
    dialog.set_accepted(1, False)  # the user leaves one number out
    return dialog


def main(out: Path) -> int:
    QStandardPaths.setTestModeEnabled(True)
    from models.report import format_number
    from ui.app import create_application
    from ui.commands import MetaEdit, SectionEdit
    from ui.export_dialog import ExportDialog
    from ui.main_window import MainWindow
    from ui.outline_model import META, STATS, category_key, section_key
    from ui.settings import AppSettings

    app = create_application([])
    if not has_cjk_font():
        print("没有中文字体，截图中的中文会显示为方框。请先安装 fonts-noto-cjk。", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / SAMPLE.name
        shutil.copyfile(SAMPLE, report)
        window = MainWindow(AppSettings())
        window.resize(*SIZE)
        window.show()
        window.start(str(report))
        settle(app)

        window.outline.select_key(META)
        wait_for_checks(app, window)  # the first check runs once the window has been painted
        window.grab().save(str(out / "01_basic_info.png"))

        section = window.doc.report.sections[0].children[0]
        # show a live reference: the number of 培训人次 taken from the statistics
        trained = format_number(window.doc.report.value_of("B05").value)
        paragraphs = [p.replace(f"{trained}人次", "{{B05}}人次", 1) for p in section.paragraphs]
        window.doc.push(SectionEdit(window.doc.report, section.id, "paragraphs", paragraphs, "引用数字"))
        window.outline.expand(window.model.index_of_key(section_key(section.id)))
        window.outline.select_key(section_key(section.id))
        settle(app)
        window.grab().save(str(out / "02_section.png"))

        window.outline.select_key(STATS)
        window.outline.select_key(category_key("F"))
        form = window.editors.page("indicators")
        settle(app)
        # 办结数 larger than 立案数: marked at once, the reason in the status bar
        filed = window.doc.report.value_of("F01").value or 100
        type_into(form.rows["F02"].edits["value"], str(int(filed) + 12))
        wait_for_checks(app, window)
        form.show_category("F")
        settle(app)
        window.grab().save(str(out / "03_indicators_violation.png"))

        window.outline.select_key(section_key(section.id))
        settle(app)
        button = next(w for w in window.findChildren(QWidget) if getattr(w, "menu", None) and
                      w.metaObject().className() == "QToolButton" and w.menu() is window.export_menu)
        menu = window.export_menu
        menu.popup(button.mapToGlobal(QPoint(0, button.height())))
        settle(app)
        overlay(window, menu, button.mapTo(window, QPoint(0, button.height()))).save(str(out / "04_export_menu.png"))
        menu.hide()

        dialog = ExportDialog(window)
        dialog.adjustSize()
        settle(app)
        corner = QPoint((window.width() - dialog.width()) // 2, (window.height() - dialog.height()) // 3)
        overlay(window, dialog, corner, title=dialog.windowTitle()).save(str(out / "05_export_dialog.png"))
        dialog.deleteLater()

        # 检查结果: the number typed above now disagrees with the text, and the title names
        # the wrong year
        meta = window.doc.report.meta
        window.doc.push(MetaEdit(window.doc.report, "title",
                                 meta.effective_title.replace(str(meta.report_year), str(meta.report_year - 1)),
                                 "修改标题"))
        window.run_checks()
        settle(app)
        window.grab().save(str(out / "06_check_results.png"))

        review = import_review_dialog(window, Path(tmp))
        review.resize(min(review.width(), SIZE[0] - 80), min(review.height(), SIZE[1] - 120))
        settle(app)
        corner = QPoint((window.width() - review.width()) // 2, (window.height() - review.height()) // 2 + 20)
        overlay(window, review, corner, title=review.windowTitle()).save(str(out / "07_import_review.png"))
        review.deleteLater()

        window.doc.undo_stack.setClean()
        window.close()
    for png in sorted(out.glob("*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent))
