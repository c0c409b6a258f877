"""Chinese for Qt's own texts (dialog buttons, context menus, the file dialog).

Our copy of ``qtbase_zh_CN.qm`` in ``resources/i18n/`` travels with the program (freezers
may drop Qt's translations); the one inside PySide6 is the fallback.
"""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from resources import resource_path

QT_CATALOGUE = "qtbase_zh_CN.qm"
# Texts whose English Qt changed after its Chinese catalogue was made (「&Look in:」 where the
# catalogue has 「Look in:」): as data, so the next such text is a line added, not code.
SUPPLEMENT = "qt_supplement_zh_CN.json"


class _Supplement(QTranslator):
    """Chinese for the few texts Qt's catalogue lacks. Installed before it, so asked only
    when the catalogue has no answer."""

    def __init__(self, table: dict[str, dict[str, str]], parent):
        super().__init__(parent)
        self._table = table

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 - Qt override
        return self._table.get(context, {}).get(source, "")

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self._table


def _supplement_table() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(resource_path("i18n", SUPPLEMENT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # Qt's own texts stay as the catalogue has them: nothing the user loses
    return {ctx: texts for ctx, texts in data.items() if isinstance(texts, dict)}


def install_chinese(app: QApplication) -> bool:
    """Load Qt's Chinese translation and make Chinese the default locale; True when loaded."""
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    if getattr(app, "_qt_translator", None) is not None:
        return True  # already installed (the application is created once, asked for again)
    supplement = _Supplement(_supplement_table(), app)
    app.installTranslator(supplement)  # first: Qt asks the translator installed last first
    app._qt_supplement = supplement
    translator = QTranslator(app)
    for path in (resource_path("i18n", QT_CATALOGUE), Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath)) / QT_CATALOGUE):
        if translator.load(str(path)):
            app.installTranslator(translator)
            app._qt_translator = translator  # keep it alive as long as the application
            return True
    return False
