"""Recovery copies of open reports, for restoring after a crash.

Each open document owns a *slot* in ``<AppDataLocation>/recovery``:

* ``<key>.fzbg``  — the report, the same JSON as a saved report file (``models.storage.dumps``);
* ``<key>.json``  — which file it belongs to and when it was written;
* ``<key>.lock``  — a QLockFile held while the document is open.

A slot whose lock can be taken belongs to no running program: its program ended
without removing it, i.e. crashed. Those are offered for restore at the next start.
Files are written by one background thread, in order, so typing never waits on the disk
and a removal never overtakes a write.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QLockFile, QRunnable, QStandardPaths, QThreadPool

from models.atomic import atomic_write_bytes
from models.errors import UserFacingError
from models.report import Report
from models.storage import loads

_pool: Optional[QThreadPool] = None


def _writer_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)  # one writer: writes and removals stay in order
    return _pool


def wait_for_writes(msecs: int = 10000) -> bool:
    return _writer_pool().waitForDone(msecs)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], None]):
        super().__init__()
        self.work = work

    def run(self) -> None:
        try:
            self.work()
        except (OSError, UserFacingError) as exc:  # a lost recovery copy must not crash the program
            print(f"自动备份失败：{exc}", file=sys.stderr)


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    return Path(base) / "recovery"


def key_for(path: Optional[str]) -> str:
    if not path:
        return "untitled-" + uuid.uuid4().hex[:12]
    digest = hashlib.sha1(os.path.normcase(os.path.abspath(path)).encode("utf-8")).hexdigest()[:16]
    return "file-" + digest


@dataclass(frozen=True)
class RecoveryEntry:
    """A recovery copy left by a program that did not close normally."""

    key: str
    folder: Path
    original: str  # the report file it belongs to; "" for a report never saved
    saved_at: str  # local time, 2024-12-20 10:31
    title: str

    @property
    def copy_path(self) -> Path:
        return self.folder / f"{self.key}.fzbg"

    @property
    def display_name(self) -> str:
        return Path(self.original).name if self.original else f"未保存的新报告（{self.title}）"

    def read(self) -> Report:
        """The recovered report. Raises ReportFileError when the copy is damaged."""
        return loads(self.copy_path.read_text(encoding="utf-8"), self.copy_path)

    def discard(self) -> None:
        _remove_files(self.folder, self.key)


def _remove_files(folder: Path, key: str) -> None:
    for suffix in (".fzbg", ".json"):
        try:
            (folder / f"{key}{suffix}").unlink()
        except FileNotFoundError:
            pass


class RecoverySlot:
    """The recovery copy of one open document."""

    def __init__(self, original: Optional[str], folder: Optional[Path] = None):
        self.folder = folder or recovery_dir()
        self.original = os.path.abspath(original) if original else ""
        self.key = key_for(original)
        self.written_at: Optional[_dt.datetime] = None
        self._lock: Optional[QLockFile] = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            lock = QLockFile(str(self.folder / f"{self.key}.lock"))
            lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
            if lock.tryLock(0):
                self._lock = lock
        except OSError:
            pass

    def write(self, text: str, title: str) -> None:
        """Queue writing ``text`` (the report JSON) as the recovery copy."""
        self.written_at = _dt.datetime.now()
        info = json.dumps({"original": self.original, "saved_at": self.written_at.strftime("%Y-%m-%d %H:%M"),
                           "title": title}, ensure_ascii=False)
        folder, key = self.folder, self.key

        def work():
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(folder / f"{key}.fzbg", text.encode("utf-8"))
            atomic_write_bytes(folder / f"{key}.json", info.encode("utf-8"))
        _writer_pool().start(_Task(work))

    def remove(self) -> None:
        """Queue removing the copy (the report was saved or closed on purpose)."""
        self.written_at = None
        folder, key = self.folder, self.key
        _writer_pool().start(_Task(lambda: _remove_files(folder, key)))

    def close(self) -> None:
        """Remove the copy and let go of the slot."""
        self.remove()
        wait_for_writes()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def orphaned_entries(folder: Optional[Path] = None) -> list[RecoveryEntry]:
    """Recovery copies whose program is no longer running, newest first."""
    folder = folder or recovery_dir()
    if not folder.is_dir():
        return []
    entries = []
    for info_path in folder.glob("*.json"):
        key = info_path.stem
        if not (folder / f"{key}.fzbg").is_file():
            continue
        lock = QLockFile(str(folder / f"{key}.lock"))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # a running program has this report open
        lock.unlock()
        try:
            info = json.loads(info_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            info = {}
        if not isinstance(info, dict):
            info = {}
        entries.append(RecoveryEntry(key=key, folder=folder, original=str(info.get("original") or ""),
                                     saved_at=str(info.get("saved_at") or ""), title=str(info.get("title") or "")))
    entries.sort(key=lambda e: e.saved_at, reverse=True)
    return entries
