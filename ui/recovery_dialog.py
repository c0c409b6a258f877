"""Offer the recovery copies left by a program that did not close normally."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from .recovery import RecoveryEntry
from .screen_fit import room_on_screen


class RecoveryDialog(QDialog):
    def __init__(self, entries: list[RecoveryEntry], parent=None):
        super().__init__(parent)
        self.setWindowTitle("恢复未保存的修改")
        self.entries = entries
        self._decision: tuple[str, Optional[RecoveryEntry]] = ("later", None)
        text = QLabel("程序上次没有正常退出。以下报告有自动保存的修改尚未存入报告文件，"
                      "可以恢复后再保存：", wordWrap=True)
        self.list = QListWidget()
        self.list.setTextElideMode(Qt.ElideMiddle)  # a name longer than the screen keeps both ends
        self.list.setAlternatingRowColors(True)  # where one entry ends and the next begins
        for entry in entries:
            # two lines: the name may be long, and the time must stay readable
            item = QListWidgetItem(f"{entry.display_name}\n自动保存于 {entry.saved_at}")
            item.setToolTip(entry.original or "尚未保存过的新报告")
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self._fit_list_to_names()
        restore = QPushButton("恢复所选报告(&R)")
        discard = QPushButton("全部丢弃(&D)")
        later = QPushButton("以后再说(&L)")
        restore.setDefault(True)
        restore.clicked.connect(self._restore)
        discard.clicked.connect(self._discard)
        later.clicked.connect(self.reject)
        self.list.itemDoubleClicked.connect(self._restore)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (restore, discard, later):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def _fit_list_to_names(self) -> None:
        """Wide enough for the longest name (as far as the screen allows)."""
        bar = self.list.verticalScrollBar().sizeHint().width()
        wanted = self.list.sizeHintForColumn(0) + 2 * self.list.frameWidth() + bar
        self.list.setMinimumWidth(min(wanted, room_on_screen(self).width() - 2 * self.fontMetrics().height()))

    def _restore(self, *_):
        self._decision = ("restore", self.entries[max(0, self.list.currentRow())])
        self.accept()

    def _discard(self):
        self._decision = ("discard", None)
        self.accept()

    def decision(self) -> tuple[str, Optional[RecoveryEntry]]:
        return self._decision
