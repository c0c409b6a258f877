"""Program start: Chinese for Qt's own texts, INI settings, the entry point."""
from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from resources import resource_path
from ui.app import create_application, open_main_window
from ui.settings import AppSettings, PREFERENCE_DEFAULTS


def test_qt_translation_is_shipped_and_buttons_speak_chinese(qtbot):
    assert resource_path("i18n", "qtbase_zh_CN.qm").is_file()
    create_application()
    box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == sorted(["保存", "取消"])


def test_qt_file_dialog_has_no_english_labels(qtbot, tmp_path):
    """Where Qt draws the file dialog itself (Linux), its labels and type column are Chinese too;
    Qt 6's catalogue lacks 「&Look in:」, 「Files of &type:」 and 「Folder」."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView

    create_application()
    (tmp_path / "子文件夹").mkdir()
    dialog = QFileDialog(None, "打开报告", str(tmp_path), "法治报告文件 (*.fzbg)")
    dialog.setOption(QFileDialog.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    english = [t for t in labels if re.search("[A-Za-z]", re.sub(r"\(&[A-Z]\)", "", t))]
    assert english == []
    view = dialog.findChild(QTreeView)
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 1)
    kind = model.index(0, 2, view.rootIndex()).data(Qt.DisplayRole)
    assert kind == "文件夹"


def test_settings_are_an_ini_file_with_typed_preferences(tmp_path):
    settings = AppSettings()
    assert settings.file_name.endswith(".ini")
    assert settings.preferences() == PREFERENCE_DEFAULTS
    settings.set_preferences({"bold_headings": True, "default_organ": "某街道办事处"})
    settings.sync()
    again = AppSettings()
    assert again.preference("bold_headings") is True and again.preference("default_organ") == "某街道办事处"


def test_window_opens_the_file_named_on_the_command_line(report_copy, qtbot):
    window = open_main_window([str(report_copy)])
    qtbot.addWidget(window, before_close_func=lambda w: w.doc.undo_stack.setClean())
    assert window.isVisible() and window.doc.path == report_copy
    assert window.windowTitle() == "报告.fzbg[*] — 法治报告" and not window.isWindowModified()
    assert window.outline.current_key() == "meta"


def test_without_a_file_a_new_report_from_the_default_template(qtbot):
    settings = AppSettings()
    settings.set_preferences({"default_organ": "某某镇人民政府"})
    window = open_main_window([], settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc.undo_stack.setClean())
    assert window.doc.path is None and window.doc.report.meta.organ_name == "某某镇人民政府"
    assert window.doc.report.sections and not window.isWindowModified()


def test_main_without_subcommand_starts_the_window(monkeypatch):
    import main
    import ui.app
    started = []
    monkeypatch.setattr(ui.app, "run_app", lambda argv: started.append(argv) or 0)
    assert main.main(["报告.fzbg"]) == 0 and main.main([]) == 0
    assert started == [["报告.fzbg"], []]
    assert QApplication.instance() is not None


def test_start_up_defers_the_engine_importers_exporters_and_heavy_pages(report_copy, tmp_path):
    """A fresh process opens the window with a report: nothing of the checks engine, the
    importers, the exporters or the statistics form is loaded before the first paint."""
    import os
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from PySide6.QtCore import QStandardPaths; QStandardPaths.setTestModeEnabled(True)\n"
        "from ui.app import create_application, open_main_window\n"
        "app = create_application([]); w = open_main_window([sys.argv[2]]); app.processEvents()\n"
        "assert w.doc.path is not None\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('models', 'importers', 'exporters', 'openpyxl', 'docx', 'ui'))))\n"
        "w.doc.close()\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", script, str(root), str(report_copy)], capture_output=True,
                         text=True, env=env, timeout=60, check=True).stdout.split()
    assert "ui.main_window" in out and "ui.meta_form" in out  # the window and its first page
    loaded_late = [m for m in out if m.startswith(("models.checks", "importers", "exporters", "openpyxl", "docx"))
                   or m in ("ui.indicator_form", "ui.check_page", "ui.import_review_dialog", "models.rollover")]
    assert loaded_late == []
