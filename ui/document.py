"""The open report as a QObject: undo stack, file path, clean state, lock file, recovery copy.

Widgets edit only through :meth:`ReportDocument.push` (undo commands) and listen to
:attr:`ReportDocument.changed`; the "modified" mark is simply *the stack is not clean*.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from models.errors import UserFacingError
from models.report import Report, ReportChange
from models.storage import dumps, load_report_with_warnings, save_report

from .commands import FieldEdit
from .qt_compat import emit
from .recovery import RecoverySlot

AUTOSAVE_MS = 60_000
STRUCTURE_AUTOSAVE_MS = 1_000
STRUCTURAL_CHANGES = {"section_added", "section_removed", "section_moved", "custom_indicators", "reset"}


class ReportLockedError(UserFacingError):
    """The report is open in another window (its lock file is held by a running program)."""


def lock_path_for(path: Path) -> Path:
    return path.with_name(f".~{path.name}.lock")


class DocumentLock:
    """A QLockFile beside the report, so that two windows never edit the same report."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = QLockFile(str(lock_path_for(path)))
        self._lock.setStaleLockTime(0)  # stale only when the owning process is gone

    def acquire(self) -> bool:
        """Take the lock. False when the folder does not allow a lock file (read-only share):
        the report is edited then without protection. Raises ReportLockedError when held."""
        if self._lock.tryLock(0):
            return True
        if self._lock.error() == QLockFile.LockFailedError:
            info = self._lock.getLockInfo()  # (pid, host, app) in PySide6; (ok, …) in some versions
            pid, host = (info[-3], info[-2]) if info and info[-3] else (None, None)
            who = f"（{host}，进程 {pid}）" if pid else ""
            raise ReportLockedError(f"报告「{self.path}」已在另一个窗口中打开{who}。"
                                    "同一份报告只能在一个窗口中编辑，请切换到那个窗口。")
        return False

    def release(self) -> None:
        self._lock.unlock()


class ReportDocument(QObject):
    changed = Signal(object)  # models.report.ReportChange
    pathChanged = Signal(str)
    modifiedChanged = Signal(bool)
    flushRequested = Signal()  # editors commit what is being typed
    editPending = Signal()  # typing started that is not committed yet (undo becomes possible)
    recoveryWritten = Signal(str)  # time of the recovery copy

    def __init__(self, report: Optional[Report] = None, parent: Optional[QObject] = None,
                 recovery_folder: Optional[Path] = None):
        super().__init__(parent)
        self.report = report or Report()
        self.report.subscribe(self._on_report_change)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._path: Optional[Path] = None
        self._lock: Optional[DocumentLock] = None
        self._open_merge_key: Optional[tuple] = None
        self._recovery_folder = recovery_folder
        self.recovery = RecoverySlot(None, recovery_folder)
        self._recovery_due = False
        self._autosave = QTimer(self, interval=AUTOSAVE_MS, timeout=self.write_recovery)
        self._autosave.start()
        self._structure_timer = QTimer(self, singleShot=True, interval=STRUCTURE_AUTOSAVE_MS,
                                       timeout=self.write_recovery)

    # -- state ------------------------------------------------------------------------
    @property
    def path(self) -> Optional[Path]:
        return self._path

    @property
    def display_name(self) -> str:
        return self._path.name if self._path else "未命名"

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def is_locked(self) -> bool:
        return self._lock is not None

    def _on_clean_changed(self, clean: bool) -> None:
        emit(self.modifiedChanged, not clean)

    # -- editing ------------------------------------------------------------------------
    def push(self, command: QUndoCommand) -> None:
        if isinstance(command, FieldEdit):
            command.mergeable = command.key == self._open_merge_key
            self._open_merge_key = command.key
        else:
            self._open_merge_key = None
        self.undo_stack.push(command)

    def seal(self) -> None:
        """The user left the field: the next edit of it is a new undo step."""
        self._open_merge_key = None

    def mark_pending(self) -> None:
        emit(self.editPending)

    def flush(self) -> None:
        """Ask editors to commit pending typing (before undo, save, export)."""
        emit(self.flushRequested)

    def undo(self) -> None:
        self.flush()
        self.seal()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.flush()
        self.seal()
        self.undo_stack.redo()

    def _on_report_change(self, change: ReportChange) -> None:
        self._recovery_due = True
        if change.kind in STRUCTURAL_CHANGES:
            self._structure_timer.start()
        emit(self.changed, change)

    # -- files ----------------------------------------------------------------------------
    def _take_over(self, report: Report, path: Optional[Path], lock: Optional[DocumentLock]) -> None:
        """Show ``report`` as the document's content with a fresh history."""
        self.recovery.close()
        if self._lock is not None and self._lock is not lock:
            self._lock.release()
        self._lock = lock
        self._path = path
        self.recovery = RecoverySlot(str(path) if path else None, self._recovery_folder)
        self._recovery_due = False
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._open_merge_key = None
        self.report.replace_with(report)
        self._recovery_due = False
        self._structure_timer.stop()
        emit(self.pathChanged, str(path) if path else "")
        emit(self.modifiedChanged, False)

    def new(self, report: Report, modified: bool = False) -> None:
        """Show ``report`` untitled. ``modified``: its content came from elsewhere (an import,
        last year's report), so closing asks to save and a recovery copy is kept."""
        self._take_over(report, None, None)
        if modified:
            self.undo_stack.resetClean()  # not clean until saved; undo has nothing to undo
            self._recovery_due = True
            self._structure_timer.start()

    def open(self, path: str | os.PathLike) -> list[str]:
        """Open a report file; returns load warnings. Raises UserFacingError (nothing changed then)."""
        path = Path(path).absolute()
        lock = self._lock_for(path)
        try:
            result = load_report_with_warnings(path)
        except BaseException:
            self._drop_unused(lock)
            raise
        self._take_over(result.report, path, lock)
        return result.warnings

    def _lock_for(self, path: Path) -> Optional[DocumentLock]:
        """The lock for ``path``: ours when it is our own file, else a newly taken one."""
        if self._path is not None and os.path.normcase(str(path)) == os.path.normcase(str(self._path)):
            return self._lock
        lock = DocumentLock(path)
        return lock if lock.acquire() else None

    def _drop_unused(self, lock: Optional[DocumentLock]) -> None:
        if lock is not None and lock is not self._lock:
            lock.release()

    def save(self) -> None:
        """Save to the current path. Raises UserFacingError (the file is unchanged then)."""
        if self._path is None:
            raise ValueError("save() needs a path; use save_as()")
        self.flush()
        save_report(self.report, self._path)
        self.undo_stack.setClean()
        self.seal()
        self.recovery.remove()

    def save_as(self, path: str | os.PathLike) -> None:
        path = Path(path).absolute()
        self.flush()
        lock = self._lock_for(path)
        try:
            save_report(self.report, path)
        except BaseException:
            self._drop_unused(lock)
            raise
        self.recovery.close()
        if self._lock is not None and self._lock is not lock:
            self._lock.release()
        self._lock, self._path = lock, path
        self.recovery = RecoverySlot(str(path), self._recovery_folder)
        self.undo_stack.setClean()
        self.seal()
        emit(self.pathChanged, str(path))

    def close(self) -> None:
        """The window closes (after the user chose to save or discard)."""
        self._autosave.stop()
        self._structure_timer.stop()
        self.recovery.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # -- recovery copy ----------------------------------------------------------------------
    def write_recovery(self) -> None:
        """Write the recovery copy when something changed since the last one (timer slot)."""
        if not self._recovery_due:
            return
        self._recovery_due = False
        if self.undo_stack.isClean():
            self.recovery.remove()
            return
        self.recovery.write(dumps(self.report), self.report.meta.effective_title.replace("\n", ""))
        emit(self.recoveryWritten, self.recovery.written_at.strftime("%H:%M"))
