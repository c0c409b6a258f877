"""What a clerk at the keyboard and on a small or scaled screen sees: Alt letters that
reach their fields, menu items that keep their letters, names and times that fit, dialogs
that fit the screen."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from ui.new_report_dialog import NewReportDialog
from ui.outline_model import META, STATS, category_key, section_key
from ui.recovery import RecoveryEntry
from ui.recovery_dialog import RecoveryDialog
from ui.settings import AppSettings

from .helpers import commit_text

LONG_ORGAN = "某某省某某市某某区人民政府某某街道办事处"
_LETTER = re.compile(r"&([A-Za-z])")


def letter_of(label: QLabel) -> str:
    found = _LETTER.search(label.text())
    return found.group(1).upper() if found else ""


def press_alt(qtbot, letter: str) -> None:
    qtbot.keyClick(QApplication.focusWidget(), getattr(Qt, f"Key_{letter}"), Qt.AltModifier)
    popup = QApplication.activePopupWidget()
    if popup is not None:  # a menu took the letter: close it so the next step starts clean
        popup.close()


def reached(widget) -> bool:
    focus = QApplication.focusWidget()
    return focus is widget or widget.isAncestorOf(focus)


def active_window(make_window, path):
    window = make_window(path)
    window.activateWindow()
    return window


def test_alt_letter_of_every_basic_info_label_goes_to_its_field(make_window, report_copy, qtbot):
    window = active_window(make_window, report_copy)
    qtbot.waitUntil(window.isActiveWindow)
    window.outline.select_key(META)
    form = window.editors.page("meta")
    labels = [label for label in form.findChildren(QLabel) if label.buddy() is not None and letter_of(label)]
    assert len(labels) >= 14
    missed = []
    for label in labels:
        window.outline.setFocus()
        press_alt(qtbot, letter_of(label))
        if not reached(label.buddy()):
            missed.append(label.text())
    assert missed == []


def test_undo_and_redo_keep_their_alt_letter_and_name_the_step(make_window, report_copy, qtbot):
    window = active_window(make_window, report_copy)
    section = window.doc.report.sections[0].children[0]
    window.outline.select_key(section_key(section.id))
    editor = window.editors.page("section")
    before = list(section.paragraphs)
    commit_text(editor.body, "新写的一句。")
    window.doc.flush()
    assert window.undo_action.text() == "撤销“修改正文”(&U)"
    assert window.redo_action.text() == "重做(&R)"
    window.undo_action.trigger()
    assert section.paragraphs == before
    assert window.redo_action.text() == "重做“修改正文”(&R)" and window.undo_action.text() == "撤销(&U)"


def test_new_report_dialog_alt_f_goes_to_last_years_file(qtbot):
    dialog = NewReportDialog(AppSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.organ.setFocus()
    press_alt(qtbot, "F")
    assert QApplication.focusWidget() is dialog.last_year_path
    # and no label shows a literal ampersand
    assert not [label.text() for label in dialog.findChildren(QLabel)
                if label.isVisible() and "&" in label.text() and label.buddy() is None]


def test_recovery_dialog_shows_whole_names_and_when_they_were_saved(qtbot, tmp_path):
    entries = [RecoveryEntry("a", tmp_path, str(tmp_path / f"{LONG_ORGAN}2024年度法治政府建设情况报告.fzbg"),
                             "2024-12-20 10:31", "标题"),
               RecoveryEntry("b", tmp_path, "", "2024-12-21 09:00", f"{LONG_ORGAN}关于2024年度法治政府建设情况的报告")]
    dialog = RecoveryDialog(entries)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.list
    metrics = view.fontMetrics()
    for row, entry in enumerate(entries):
        item = view.item(row)
        rect = view.visualItemRect(item)
        assert rect.right() <= view.viewport().width()
        for shown in (entry.display_name, f"自动保存于 {entry.saved_at}"):
            assert shown in item.text().split("\n")
            assert metrics.horizontalAdvance(shown) <= rect.width()


SMALL_SCREEN_SCRIPT = r"""
import sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QStandardPaths
QStandardPaths.setTestModeEnabled(True)
from ui.app import create_application
app = create_application([])
from benchmarks.plain_docx import write_plain_docx
from importers import import_file
from models.storage import load_report
from ui.export_dialog import ExportDialog
from ui.import_review_dialog import ImportReviewDialog
from ui.new_report_dialog import NewReportDialog
from ui.preferences_dialog import PreferencesDialog
from ui.recovery import RecoveryEntry
from ui.recovery_dialog import RecoveryDialog
from ui.settings import AppSettings
folder = Path(tempfile.mkdtemp())
source = write_plain_docx(load_report(Path(sys.argv[2])), folder / "上年报告.docx", numbering="paragraph")
settings = AppSettings()
dialogs = {"新建报告": NewReportDialog(settings), "导出": ExportDialog(), "选项": PreferencesDialog(settings),
           "导入核对": ImportReviewDialog(import_file(source)),
           "恢复": RecoveryDialog([RecoveryEntry("a", folder, str(folder / ("长" * 60 + ".fzbg")), "2024-12-20 10:31", "t")])}
from PySide6.QtWidgets import QLabel
room = app.primaryScreen().availableGeometry()
for name, dialog in dialogs.items():
    dialog.show()
    app.processEvents()
    # wrapped texts given fewer lines than they need are drawn over each other
    crushed = [label for label in dialog.findChildren(QLabel) if label.isVisible() and label.wordWrap()
               and label.text() and label.height() < label.heightForWidth(label.width())]
    print(name, dialog.width(), dialog.height(), room.width(), room.height(), len(crushed))
"""


def test_dialogs_fit_a_full_hd_screen_at_200_percent(tmp_path, sample_path):
    """1920×1080 at 200 % leaves 960×540 for the program: each dialog must fit on it, its
    wrapped texts whole."""
    config = tmp_path / "screen.json"
    config.write_text('{"screens": [{"name": "s", "x": 0, "y": 0, "width": 1920, "height": 1080, '
                      '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}', encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR="2",
               HOME=str(tmp_path))
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", SMALL_SCREEN_SCRIPT, str(root), str(sample_path)],
                         capture_output=True, text=True, env=env, timeout=120, check=True).stdout
    sizes = {name: tuple(map(int, rest)) for name, *rest in (line.split() for line in out.splitlines())}
    assert len(sizes) == 5
    assert {(room_w, room_h) for _, _, room_w, room_h, _ in sizes.values()} == {(960, 540)}
    too_big = {name: (w, h) for name, (w, h, room_w, room_h, _) in sizes.items() if w > room_w or h > room_h}
    assert too_big == {}
    crushed = {name: n for name, (*_, n) in sizes.items() if n}
    assert crushed == {}


def tab_cycle(qtbot, start, limit=80) -> list:
    """The widgets Tab visits from ``start`` until it comes back to it."""
    start.setFocus()
    seen = []
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is start:
            return seen
        if not seen or seen[-1] is not focus:  # a date edit takes one Tab per part
            seen.append(focus)
    raise AssertionError("Tab never came back to where it started")


def test_tab_on_basic_info_and_statistics_stops_only_where_one_can_type_or_choose(make_window, report_copy, qtbot):
    from PySide6.QtWidgets import QAbstractScrollArea, QToolButton
    window = active_window(make_window, report_copy)
    qtbot.waitUntil(window.isActiveWindow)
    window.outline.select_key(META)
    form = window.editors.page("meta")
    cycle = tab_cycle(qtbot, form.organ)
    assert cycle[-1] is window.outline  # after the last field, the outline; then the first field again
    assert cycle.index(form.printing_date) == len(cycle) - 2
    invisible = [type(w).__name__ for w in cycle
                 if isinstance(w, QToolButton) or (type(w) in (QAbstractScrollArea,) or
                                                    type(w).__name__ == "QScrollArea")]
    assert invisible == []

    window.outline.select_key(category_key("B"))
    indicators = window.editors.page("indicators")
    rows = list(indicators.rows.values())
    first, second = rows[0], rows[1]
    expected = [indicators.add_custom, first.edits["value"], first.qualifier, first.edits["last_year"], first.remark,
                second.edits["value"]]
    indicators.filter.setFocus()
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        assert QApplication.focusWidget() is widget
    rows[-1].remark.setFocus()
    qtbot.keyClick(rows[-1].remark, Qt.Key_Tab)
    assert QApplication.focusWidget() is window.outline


def background(widget):
    return widget.grab().toImage().pixelColor(widget.width() // 4, widget.height() // 2).name()


def test_a_computed_rate_looks_different_from_a_field_to_type_in(make_window, report_copy, qtbot):
    window = make_window(report_copy)
    window.outline.select_key(STATS)
    form = window.editors.page("indicators")
    window.checks.run_now()
    edits = [e for r in form.rows.values() for e in r.edits.values() if not e.property("mark")]
    computed = [e for e in edits if e.isReadOnly() and e.text()]
    typed = [e for e in edits if not e.isReadOnly()]
    assert computed and len(typed) > 2
    assert len({background(e) for e in typed[:3]}) == 1
    assert {background(e) for e in computed[:3]}.isdisjoint({background(typed[0])})
    # a computed rate the checks mark shows the mark's colour
    window.outline.select_key(category_key("F"))
    filed, done, rate = (form.rows[i].edits["value"] for i in ("F01", "F02", "F03"))
    for edit, digits in ((filed, "40"), (done, "50")):
        edit.selectAll()
        qtbot.keyClicks(edit, digits)
    qtbot.waitUntil(lambda: rate.isReadOnly() and rate.property("mark") in ("error", "warning"), timeout=5000)
    assert background(rate) in ("#fbd5d5", "#fff0c2")


LONGEST_ORGAN = "新疆维吾尔自治区伊犁哈萨克自治州霍城县人民政府清水河镇人民政府"


def shows_whole(edit) -> bool:
    """After typing ``edit``'s text, its first character is still in view (nothing scrolled away)."""
    edit.setCursorPosition(len(edit.text()))
    return edit.cursorPositionAt(QPoint(4, edit.height() // 2)) == 0 and \
        edit.fontMetrics().horizontalAdvance(edit.text()) <= edit.contentsRect().width()


def test_organ_fields_of_the_dialogs_show_a_long_full_name(qtbot):
    from ui.preferences_dialog import PreferencesDialog
    settings = AppSettings()
    for dialog, edit in ((NewReportDialog(settings), "organ"), (PreferencesDialog(settings), "default_organ")):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        field = getattr(dialog, edit)
        field.setText(LONGEST_ORGAN)
        assert shows_whole(field), type(dialog).__name__


def test_every_export_is_reached_from_the_keyboard(make_window, report_copy, qtbot, monkeypatch):
    """Alt+F, E opens 导出; one letter more starts that export. In the 导出 dialog the same
    letter chooses it."""
    from ui.export_dialog import ExportDialog
    from ui.export_jobs import EXPORT_KINDS
    from ui.export_flow import ExportFlow
    started = []
    monkeypatch.setattr(ExportFlow, "start", lambda flow, key: started.append(key))
    window = active_window(make_window, report_copy)
    qtbot.waitUntil(window.isActiveWindow)
    for key, kind in EXPORT_KINDS.items():
        window.outline.setFocus()
        qtbot.keyClick(window.outline, Qt.Key_F, Qt.AltModifier)
        for letter in ("E", kind.letter):
            qtbot.keyClick(QApplication.activePopupWidget(), getattr(Qt, f"Key_{letter}"))
        assert started[-1:] == [key]
        assert QApplication.activePopupWidget() is None

    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.buttons["word_official"].setFocus()
    for key, kind in reversed(EXPORT_KINDS.items()):
        press_alt(qtbot, kind.letter)
        qtbot.waitUntil(lambda: dialog.kind() == key)  # a letter clicks its button (Qt animates the click)
