"""Recovery copies: written in the background, removed on save, restored after a real crash."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from models.report import Section
from models.storage import dumps, load_report
from ui import dialogs
from ui.commands import AddSection, MetaEdit
from ui.document import ReportDocument
from ui.recovery import orphaned_entries, recovery_dir, wait_for_writes

ROOT = Path(__file__).resolve().parents[2]

CRASHING_PROGRAM = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QApplication
    from ui.settings import APPLICATION, ORGANIZATION
    app = QApplication(["crash"])
    QStandardPaths.setTestModeEnabled(True)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    from ui.commands import MetaEdit
    from ui.document import ReportDocument
    from ui.recovery import wait_for_writes
    doc = ReportDocument()
    if {path!r}:
        doc.open({path!r})
    doc.push(MetaEdit(doc.report, "notes", "崩溃前的修改", "修改附注"))
    doc.write_recovery()
    wait_for_writes()
    os._exit(3)  # no clean-up: like a crash or a power cut
""")


def crash_with_unsaved_edit(path: str = "") -> None:
    program = CRASHING_PROGRAM.format(root=str(ROOT), path=path)
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 3, result.stderr


def test_the_recovery_copy_is_the_report_json_and_goes_away_on_save(report_copy, tmp_path):
    doc = ReportDocument(recovery_folder=tmp_path / "rec")
    doc.open(report_copy)
    doc.push(MetaEdit(doc.report, "notes", "（改）", "修改附注"))
    doc.write_recovery()
    wait_for_writes()
    copy = tmp_path / "rec" / f"{doc.recovery.key}.fzbg"
    assert copy.read_text(encoding="utf-8") == dumps(doc.report)
    info = json.loads((tmp_path / "rec" / f"{doc.recovery.key}.json").read_text(encoding="utf-8"))
    assert info["original"] == str(report_copy)
    doc.save()
    wait_for_writes()
    assert not copy.exists()
    doc.close()


def test_a_structural_edit_writes_the_copy_soon_and_typing_waits_for_the_timer(report_copy, tmp_path, qtbot):
    doc = ReportDocument(recovery_folder=tmp_path / "rec")
    doc.open(report_copy)
    copy = tmp_path / "rec" / f"{doc.recovery.key}.fzbg"
    doc.push(MetaEdit(doc.report, "notes", "（改）", "修改附注"))
    qtbot.wait(1500)
    wait_for_writes()
    assert not copy.exists()  # text edits wait for the one-minute timer
    doc.push(AddSection(doc.report, None, None, Section(heading="新部分")))
    qtbot.waitUntil(lambda: wait_for_writes() and copy.exists(), timeout=5000)
    assert "新部分" in copy.read_text(encoding="utf-8")
    doc.push(MetaEdit(doc.report, "notes", "（再改）", "修改附注"))
    doc._autosave.setInterval(50)  # the minute, shortened
    qtbot.waitUntil(lambda: wait_for_writes() and "（再改）" in copy.read_text(encoding="utf-8"), timeout=5000)
    doc.close()
    wait_for_writes()
    assert not copy.exists()


def test_after_a_crash_the_next_start_offers_and_restores_the_edit(make_window, report_copy, monkeypatch):
    on_disk = report_copy.read_bytes()
    crash_with_unsaved_edit(str(report_copy))
    offered = []

    def restore_first(parent, entries):
        offered.extend(entries)
        return "restore", entries[0]
    monkeypatch.setattr(dialogs, "ask_recovery", restore_first)
    window = make_window()
    assert [e.original for e in offered] == [str(report_copy)]
    assert window.doc.path == report_copy  # the stale lock of the dead process did not block
    assert window.doc.report.meta.notes == "崩溃前的修改"
    assert window.isWindowModified()
    assert report_copy.read_bytes() == on_disk  # restoring does not write the report file
    assert orphaned_entries() == []
    window.undo_action.trigger()  # back to the version in the file
    assert window.doc.report.meta.notes == load_report(report_copy).meta.notes
    assert not window.isWindowModified()


def test_a_crashed_untitled_report_comes_back_untitled(make_window, monkeypatch):
    crash_with_unsaved_edit("")
    monkeypatch.setattr(dialogs, "ask_recovery", lambda parent, entries: ("restore", entries[0]))
    window = make_window()
    assert window.doc.path is None and window.doc.report.meta.notes == "崩溃前的修改"
    assert window.isWindowModified()


def test_discarding_removes_the_copies_and_later_keeps_them(make_window, report_copy, monkeypatch):
    crash_with_unsaved_edit(str(report_copy))
    monkeypatch.setattr(dialogs, "ask_recovery", lambda parent, entries: ("later", None))
    first = make_window()
    assert first.doc.path is None and len(orphaned_entries()) == 1
    first.close()
    monkeypatch.setattr(dialogs, "ask_recovery", lambda parent, entries: ("discard", None))
    make_window()
    assert orphaned_entries() == [] and not list(recovery_dir().glob("*.fzbg"))


def test_opening_a_report_with_a_crash_copy_asks_to_restore(make_window, report_copy, monkeypatch):
    crash_with_unsaved_edit(str(report_copy))
    monkeypatch.setattr(dialogs, "ask_recovery", lambda parent, entries: ("later", None))
    window = make_window()
    questions = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, ok="确定": questions.append(text) or True)
    assert window.files.open_report(str(report_copy))
    assert "自动保存" in questions[0]
    assert window.doc.report.meta.notes == "崩溃前的修改"
