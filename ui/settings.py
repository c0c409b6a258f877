"""User settings in an INI file (never the Windows registry): preferences, window state,
recent files and the organ-name history.

Values read back from INI are strings, so every read goes through the type of its
default. Lists are stored as QSettings arrays (a one-item list survives the round trip).
"""
from __future__ import annotations

import os
from typing import Any, Optional

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "FazhiBaogao"
APPLICATION = "FazhiBaogao"
APP_TITLE = "法治报告"
MAX_RECENT = 10
MAX_ORGAN_HISTORY = 30

# Preferences the user edits in 工具 → 选项 (keys under "preferences/").
PREFERENCE_DEFAULTS: dict[str, Any] = {
    "default_organ": "",
    "title_font": "方正小标宋简体",
    "body_font": "仿宋_GB2312",
    "heading1_font": "黑体",
    "heading2_font": "楷体_GB2312",
    "bold_headings": False,
    "table_number_block": True,
    # the 表号 block printed on the Excel statistics form (from the approval of the form)
    "form_number": "",
    "issuing_organ": "",
    "approval_number": "",
    "valid_until": "",
    "export_folder": "",
}


class AppSettings:
    """Typed access to the program's QSettings."""

    def __init__(self, settings: Optional[QSettings] = None):
        self._s = settings or QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)

    @property
    def file_name(self) -> str:
        return self._s.fileName()

    def sync(self) -> None:
        self._s.sync()

    # -- preferences ------------------------------------------------------------------
    def preference(self, key: str) -> Any:
        default = PREFERENCE_DEFAULTS[key]
        return self._s.value(f"preferences/{key}", default, type=type(default))

    def preferences(self) -> dict[str, Any]:
        return {key: self.preference(key) for key in PREFERENCE_DEFAULTS}

    def set_preferences(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            if key not in PREFERENCE_DEFAULTS:
                raise KeyError(key)
            self._s.setValue(f"preferences/{key}", value)

    # -- window state -------------------------------------------------------------------
    def geometry(self) -> Optional[QByteArray]:
        value = self._s.value("state/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._s.setValue("state/geometry", geometry)

    def splitter_state(self) -> Optional[QByteArray]:
        value = self._s.value("state/splitter")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_splitter_state(self, state: QByteArray) -> None:
        self._s.setValue("state/splitter", state)

    def last_template(self) -> str:
        """The template of the last report made with 新建 ("" before the first)."""
        return self._s.value("state/template", "", type=str)

    def set_last_template(self, template_id: str) -> None:
        self._s.setValue("state/template", template_id)

    # -- lists --------------------------------------------------------------------------
    def _read_list(self, name: str) -> list[str]:
        n = self._s.beginReadArray(name)
        items = []
        for i in range(n):
            self._s.setArrayIndex(i)
            item = self._s.value("item", "", type=str)
            if item:
                items.append(item)
        self._s.endArray()
        return items

    def _write_list(self, name: str, items: list[str]) -> None:
        self._s.remove(name)
        self._s.beginWriteArray(name, len(items))
        for i, item in enumerate(items):
            self._s.setArrayIndex(i)
            self._s.setValue("item", item)
        self._s.endArray()

    # -- recent files ---------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        """Most recent first; files that no longer exist are dropped (and forgotten)."""
        items = self._read_list("recent_files")
        existing = [p for p in items if os.path.isfile(p)]
        if existing != items:
            self._write_list("recent_files", existing)
        return existing

    def add_recent_file(self, path: str) -> None:
        path = os.path.abspath(path)
        key = os.path.normcase(path)
        items = [p for p in self._read_list("recent_files") if os.path.normcase(p) != key]
        self._write_list("recent_files", [path] + items[:MAX_RECENT - 1])

    def clear_recent_files(self) -> None:
        self._write_list("recent_files", [])

    # -- organ names typed before (completion in the 基本信息 form) -----------------------------
    def organ_history(self) -> list[str]:
        return self._read_list("organ_history")

    def add_organ_name(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        items = [n for n in self._read_list("organ_history") if n != name]
        self._write_list("organ_history", [name] + items[:MAX_ORGAN_HISTORY - 1])
