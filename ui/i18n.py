"""Chinese for Qt's own texts (dialog buttons, context menus, the file dialog).

Our copy of ``qtbase_zh_CN.qm`` in ``resources/i18n/`` travels with the program (freezers
may drop Qt's translations); the one inside PySide6 is the fallback.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from resources import resource_path

QT_CATALOGUE = "qtbase_zh_CN.qm"


def install_chinese(app: QApplication) -> bool:
    """Load Qt's Chinese translation and make Chinese the default locale; True when loaded."""
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    translator = QTranslator(app)
    for path in (resource_path("i18n", QT_CATALOGUE), Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath)) / QT_CATALOGUE):
        if translator.load(str(path)):
            app.installTranslator(translator)
            app._qt_translator = translator  # keep it alive as long as the application
            return True
    return False
