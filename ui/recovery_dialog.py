"""Offer the recovery copies left by a program that did not close normally."""
from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from .recovery import RecoveryEntry


class RecoveryDialog(QDialog):
    def __init__(self, entries: list[RecoveryEntry], parent=None):
        super().__init__(parent)
        self.setWindowTitle("恢复未保存的修改")
        self.entries = entries
        self._decision: tuple[str, Optional[RecoveryEntry]] = ("later", None)
        text = QLabel("程序上次没有正常退出。以下报告有自动保存的修改尚未存入报告文件，"
                      "可以恢复后再保存：", wordWrap=True)
        self.list = QListWidget()
        for entry in entries:
            item = QListWidgetItem(f"{entry.display_name}    自动保存于 {entry.saved_at}")
            item.setToolTip(entry.original or "尚未保存过的新报告")
            self.list.addItem(item)
        self.list.setCurrentRow(0)
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

    def _restore(self, *_):
        self._decision = ("restore", self.entries[max(0, self.list.currentRow())])
        self.accept()

    def _discard(self):
        self._decision = ("discard", None)
        self.accept()

    def decision(self) -> tuple[str, Optional[RecoveryEntry]]:
        return self._decision
