"""The status bar: save state, characters of the body, estimated pages, export progress.

Counting a 300-page report takes tens of milliseconds, so it runs once typing pauses.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from models.pages import CHARS_PER_LINE, LINES_PER_PAGE, estimate_pages

from .document import ReportDocument

COUNT_DELAY_MS = 600


class StatusPanel(QObject):
    def __init__(self, bar: QStatusBar, doc: ReportDocument):
        super().__init__(bar)
        self.doc = doc
        self.bar = bar
        self.save_state = QLabel()
        self.characters = QLabel()
        self.pages = QLabel()
        self.pages.setToolTip(f"按公文版式每页 {LINES_PER_PAGE} 行、每行 {CHARS_PER_LINE} 字估算")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setTextVisible(True)
        for widget in (self.progress, self.save_state, self.characters, self.pages):
            bar.addPermanentWidget(widget)
        self._backup_time = ""
        self._timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS, timeout=self.update_counts)
        doc.changed.connect(self._on_change)
        doc.modifiedChanged.connect(self.update_save_state)
        doc.pathChanged.connect(self.update_save_state)
        doc.recoveryWritten.connect(self._backup_written)
        self.update_counts()
        self.update_save_state()

    def _on_change(self, change) -> None:
        # Another report: count right after it is painted (not before: opening stays quick).
        self._timer.start(0 if change.kind == "reset" else COUNT_DELAY_MS)

    def message_room(self) -> int:
        """Pixels left of the permanent labels for a temporary message."""
        taken = sum(w.width() for w in (self.progress, self.save_state, self.characters, self.pages)
                    if w.isVisible())
        return max(self.bar.width() - taken - self.bar.fontMetrics().horizontalAdvance("中") * 4, 0)

    def update_counts(self) -> None:
        report = self.doc.report
        self.characters.setText(f"正文 {report.body_text_length()} 字")
        self.pages.setText(f"约 {estimate_pages(report)} 页")

    def update_save_state(self, *_) -> None:
        if not self.doc.is_modified:
            text = "已保存" if self.doc.path else "新报告，尚未保存"
            self._backup_time = ""
        else:
            text = "有未保存的修改"
            if self._backup_time:
                text += f"（已自动备份 {self._backup_time}）"
        self.save_state.setText(text)

    def _backup_written(self, time_text: str) -> None:
        self._backup_time = time_text
        self.update_save_state()

    def show_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(text)
        self.progress.setVisible(done < total)
