"""导出 as the user goes through it: confirm when the checks found 错误, choose where,
export in the background, offer to open."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from . import dialogs
from .commands import content_copy
from .document import ReportDocument
from .export_jobs import (AGGREGATE_FILE_NAME, EXPORT_KINDS, TARGETS, ExportTarget, ExportWorker, aggregate_target,
                          default_file_name)
from .live_checks import LiveChecks
from .qt_compat import emit
from .settings import AppSettings


class ExportFlow(QObject):
    busyChanged = Signal(bool)
    progress = Signal(int, int, str)
    finished = Signal(list)  # paths, after the user answered the result dialog
    failed = Signal(str)
    reviewRequested = Signal()  # the user chose to look at the 错误 instead of exporting

    def __init__(self, window: QWidget, doc: ReportDocument, settings: AppSettings, checks: LiveChecks):
        super().__init__(window)
        self.window, self.doc, self.settings, self.checks = window, doc, settings, checks
        self.worker: Optional[ExportWorker] = None

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def _folder(self) -> Path:
        preferred = self.settings.preference("export_folder")
        if preferred and Path(preferred).is_dir():
            return Path(preferred)
        if self.doc.path is not None:
            return self.doc.path.parent
        return Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))

    def choose_and_start(self) -> bool:
        """导出… (Ctrl+E): ask which documents, then go on as the menu does."""
        kind = dialogs.ask_export_kind(self.window)
        return self.start(kind) if kind else False

    def start(self, kind_key: str) -> bool:
        if self.busy:
            return False
        self.doc.flush()
        if not self._errors_accepted(EXPORT_KINDS[kind_key].label):
            return False
        targets = [TARGETS[k] for k in EXPORT_KINDS[kind_key].targets]
        paths = self._ask_paths(targets)
        if not paths:
            return False
        return self._run(ExportWorker(content_copy(self.doc.report), list(zip(targets, paths)),
                                      self.settings.preferences()))

    def aggregate(self) -> bool:
        """工具 → 汇总多个单位: the report files (.fzbg) of one folder, each unit's, into one
        汇总 workbook, written in the background like an export."""
        if self.busy:
            return False
        chosen = dialogs.get_folder(self.window, "选择存放各单位报告文件（.fzbg）的文件夹", str(self._folder()))
        if not chosen:
            return False
        target = aggregate_target(Path(chosen))
        path = self._ask_path(target, Path(chosen) / AGGREGATE_FILE_NAME)
        return self._run(ExportWorker(None, [(target, path)])) if path else False

    def _run(self, worker: ExportWorker) -> bool:
        self.worker = worker
        self.worker.signals.progress.connect(self.progress)
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)
        emit(self.busyChanged, True)
        QThreadPool.globalInstance().start(self.worker)
        return True

    def _errors_accepted(self, what: str) -> bool:
        """True when the checks find no 错误 (text still marked 「【待更新】」 is one), or the user
        exports anyway."""
        errors = [f"{p.where}：{p.message}" for p in self.checks.run_now() if p.severity.value == "error"]
        if not errors:
            return True
        answer = dialogs.ask_export_with_errors(self.window, what, errors)
        if answer == "review":
            emit(self.reviewRequested)
        return answer == "export"

    def _ask_paths(self, targets) -> list[Path]:
        report = self.doc.report
        folder = self._folder()
        if len(targets) == 1:
            path = self._ask_path(targets[0], folder / default_file_name(report, targets[0]))
            return [path] if path else []
        chosen = dialogs.get_folder(self.window, "选择导出到的文件夹", str(folder))
        if not chosen:
            return []
        paths = [Path(chosen) / default_file_name(report, t) for t in targets]
        existing = [p.name for p in paths if p.exists()]
        if existing and not dialogs.confirm(self.window, "替换文件", "以下文件已存在，是否替换？\n" + "\n".join(existing),
                                            "替换"):
            return []
        return paths

    def _ask_path(self, target: ExportTarget, suggested: Path) -> Optional[Path]:
        chosen = dialogs.get_save_path(self.window, f"导出{target.label}", str(suggested), target.file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == target.suffix else path.with_name(path.name + target.suffix)

    def wait(self) -> None:
        """Block until a running export has finished and reported (for closing and tests)."""
        QThreadPool.globalInstance().waitForDone()
        QCoreApplication.sendPostedEvents()

    def _done(self) -> None:
        self.worker = None
        emit(self.busyChanged, False)

    def _finished(self, paths: list, warnings: list) -> None:
        self._done()
        written = [Path(p) for p in paths]
        choice = dialogs.ask_open_export_result(self.window, written, warnings)
        if choice == "file":
            dialogs.open_location(written[0])
        elif choice == "folder":
            dialogs.open_location(written[0].parent)
        emit(self.finished, paths)

    def _failed(self, message: str) -> None:
        self._done()
        dialogs.show_error(self.window, "导出失败", message)
        emit(self.failed, message)
