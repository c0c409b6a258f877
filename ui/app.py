"""The program's window: ``python main.py [FILE]`` ends up in :func:`run_app`."""
from __future__ import annotations

import sys
from typing import Optional

from PySide6.QtWidgets import QApplication

from .i18n import install_chinese
from .settings import APP_TITLE, APPLICATION, ORGANIZATION, AppSettings


def create_application(argv: Optional[list[str]] = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0]] + list(argv or []))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    install_chinese(app)
    return app


def open_main_window(argv: list[str], settings: Optional[AppSettings] = None):
    """Create and show the window with the report named in ``argv`` (or recovery / a new one)."""
    from .main_window import MainWindow

    window = MainWindow(settings or AppSettings())
    window.show()
    files = [a for a in argv if not a.startswith("-")]
    window.start(files[0] if files else None)
    return window


def run_app(argv: list[str]) -> int:
    app = create_application(argv)
    app.setApplicationDisplayName(APP_TITLE)
    window = open_main_window(argv)
    code = app.exec()
    del window
    return code
