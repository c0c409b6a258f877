"""Helpers for driving the window like a user (Chinese through the input method)."""
from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def commit_text(widget, text: str) -> None:
    """Type ``text`` as an input method commits it (QTest.keyClicks aborts on Chinese)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def replace_text(widget, text: str) -> None:
    """Select everything in a line or text edit and type ``text`` over it."""
    widget.setFocus()
    widget.selectAll()
    commit_text(widget, text)
