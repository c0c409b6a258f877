"""How editors hand typing to the document: after a short pause, on leaving the field,
and before undo/save/export. Commits of one field merge into one undo step until the
user leaves the field (``ReportDocument.seal``).

Also routes Ctrl+Z/Ctrl+Y inside text fields to the document's undo, so that there is
one history for the whole report instead of one per field.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Optional

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from .document import ReportDocument

IDLE_COMMIT_MS = 400


class IdleCommit(QObject):
    """Calls ``commit`` once typing in one widget pauses, and on :meth:`finish`."""

    def __init__(self, doc: ReportDocument, commit: Callable[[], None], parent: QObject):
        super().__init__(parent)
        self.doc = doc
        self._commit = commit
        self._pending = False
        self._timer = QTimer(self, singleShot=True, interval=IDLE_COMMIT_MS, timeout=self.flush)
        doc.flushRequested.connect(self.flush)

    def touch(self) -> None:
        """The widget's text changed by the user."""
        if not self._pending:
            self._pending = True
            self.doc.mark_pending()
        self._timer.start()

    def flush(self) -> None:
        if self._pending:
            self._pending = False
            self._timer.stop()
            self._commit()

    def finish(self) -> None:
        """The user left the widget: commit, and start a new undo step next time."""
        self.flush()
        self.doc.seal()


class _DocumentUndoFilter(QObject):
    """Lets the window's Undo/Redo shortcuts win over a text field's own undo."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.ShortcutOverride and (
                event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo)
                or event.keyCombination().toCombined() == QKeySequence("Ctrl+Y")[0].toCombined()):
            return True  # not accepted: the shortcut map triggers the window's action
        if event.type() == QEvent.FocusOut and isinstance(getattr(watched, "idle_commit", None), IdleCommit):
            watched.idle_commit.finish()
        return False


_FILTER = None


def document_undo_filter() -> QObject:
    global _FILTER
    if _FILTER is None:
        _FILTER = _DocumentUndoFilter()
    return _FILTER


def attach(widget, committer: IdleCommit) -> None:
    """Route undo keys to the document; commit when the widget loses focus."""
    widget.idle_commit = committer
    widget.installEventFilter(document_undo_filter())


class EditorPage(QWidget):
    """Base of the editor pages: pushes commands, ignores the echo of its own edits, and
    fills widgets from the model without the widgets' signals counting as user edits."""

    def __init__(self, doc: ReportDocument, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.doc = doc
        self._own_field: Optional[str] = None
        self._loading = False

    def push_edit(self, command, field: str) -> None:
        self._own_field = field
        try:
            self.doc.push(command)
        finally:
            self._own_field = None

    def is_own_echo(self, field: str) -> bool:
        return field == self._own_field

    @property
    def loading(self) -> bool:
        return self._loading

    @contextmanager
    def filling(self):
        """Set widgets from the model inside this block."""
        self._loading, was = True, self._loading
        try:
            yield
        finally:
            self._loading = was

    def committer_for(self, widget, commit: Callable[[], None]) -> IdleCommit:
        """An IdleCommit for a text widget, wired to its focus and the undo keys."""
        committer = IdleCommit(self.doc, commit, self)
        attach(widget, committer)
        return committer

    def bind_line_edit(self, widget, commit: Callable[[], None]) -> IdleCommit:
        committer = self.committer_for(widget, commit)
        widget.textEdited.connect(committer.touch)
        widget.editingFinished.connect(committer.finish)
        return committer

    def bind_text_edit(self, widget, commit: Callable[[], None]) -> IdleCommit:
        committer = self.committer_for(widget, commit)
        widget.textChanged.connect(lambda: None if self._loading else committer.touch())
        return committer
