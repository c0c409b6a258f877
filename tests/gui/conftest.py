"""GUI tests: offscreen Qt, settings and app data isolated in Qt's test locations."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths  # noqa: E402


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_user_state(qapp, tmp_path, monkeypatch):
    """Each test starts with no settings, no recovery copies, no recent files."""
    from ui.recovery import recovery_dir, wait_for_writes
    from ui.settings import APPLICATION, ORGANIZATION

    # Qt's test locations live under the home folder, which other checkouts' test runs on
    # this machine share; a home of its own keeps their recovery copies out of this test
    # (and out of the programs it starts).
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    shutil.rmtree(recovery_dir(), ignore_errors=True)
    yield
    wait_for_writes()
    shutil.rmtree(recovery_dir(), ignore_errors=True)


@pytest.fixture
def report_copy(tmp_path, sample_path) -> Path:
    """A copy of the sample report that a test may change."""
    target = tmp_path / "报告.fzbg"
    shutil.copyfile(sample_path, target)
    return target


SEAMS = ("ask_save_changes", "confirm", "show_error", "show_warnings", "get_open_path", "get_save_path",
         "get_folder", "ask_new_report", "ask_recovery", "pick_indicator", "ask_custom_indicator", "ask_export_kind",
         "ask_open_export_result", "open_location", "edit_preferences", "ask_export_with_errors", "get_import_path",
         "ask_pasted_report", "review_import")


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog would block the test: each seam fails unless the test replaces it."""
    from ui import dialogs

    def refuse(name):
        def seam(*args, **kwargs):
            raise AssertionError(f"unexpected dialog {name}{args[1:]!r}")
        return seam
    for name in SEAMS:
        monkeypatch.setattr(dialogs, name, refuse(name))


@pytest.fixture
def make_window(qtbot):
    """make_window(path=None) → a shown MainWindow, started like the program starts."""
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    def discard_changes(window):
        window.exports.wait()
        window.doc.undo_stack.setClean()

    def make(path=None):
        window = MainWindow(AppSettings())
        qtbot.addWidget(window, before_close_func=discard_changes)
        window.show()
        window.start(str(path) if path else None)
        return window
    return make
