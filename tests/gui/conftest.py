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
def isolated_user_state(qapp, tmp_path):
    """Each test starts with no settings, no recovery copies, no recent files."""
    from ui.recovery import recovery_dir, wait_for_writes
    from ui.settings import APPLICATION, ORGANIZATION

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
