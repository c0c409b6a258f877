"""The checks engine (``models.checks``) kept current for the open report.

One :class:`LiveChecks` per window feeds the 检查结果 panel, the count on its outline
node, the marks of the statistics form and the confirmation before export, so all of
them show the same findings.

Cost is kept off the typing path: an edit only marks the engine's blocks stale
(``CheckSession.on_change``, constant time) and restarts a single-shot timer; the
re-check runs once edits pause. Text is committed :data:`ui.field_binding.IDLE_COMMIT_MS`
after the last key and checked :data:`CHECK_DELAY_MS` later, so the panel is current
within a second of the pause. A number typed into the statistics form is committed
with each digit and checked :data:`VALUE_CHECK_DELAY_MS` after the last one, so its
field is marked as soon as the user stops typing it — not on every digit, because one
value can be mentioned all over a long report and the re-check then takes tens of ms
(``benchmarks/bench_gui.py``). F5 and export check at once. The engine itself is
imported on the first check, not while the window starts.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QObject, QTimer, Signal

from models.report import Report, ReportChange

from .document import ReportDocument
from .qt_compat import emit
from .settings import AppSettings
from .severity import SEVERITY_KEYS

if TYPE_CHECKING:  # pragma: no cover
    from models.checks import CheckOptions, CheckSession, Problem

CHECK_DELAY_MS = 500
VALUE_CHECK_DELAY_MS = 200
VALUE_CHANGES = ("value_changed", "custom_indicators")
# Preferences that decide which characters a font lacks (rule G7) → CheckOptions fields.
FONT_PREFERENCES = {"title_font": "title_font", "heading1_font": "heading1_font",
                    "heading2_font": "heading2_font", "body_font": "body_font"}


def check_options(settings: Optional[AppSettings]) -> "CheckOptions":
    """The fonts chosen in 工具 → 选项, as the engine's options."""
    from models.checks import CheckOptions
    if settings is None:
        return CheckOptions()
    values = {option: settings.preference(pref) for pref, option in FONT_PREFERENCES.items()}
    return CheckOptions(**{k: v for k, v in values.items() if v})


class LiveChecks(QObject):
    """The latest findings of the open report, refreshed after edits."""

    updated = Signal()  # ``latest`` changed (a new result, or None after another report was loaded)

    def __init__(self, doc: ReportDocument, settings: Optional[AppSettings] = None,
                 parent: Optional[QObject] = None):
        super().__init__(parent)
        self.doc = doc
        self.settings = settings
        self._session: Optional["CheckSession"] = None
        self._latest: Optional[list["Problem"]] = None
        self._last_year: Optional[Report] = None
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS, timeout=self.run_now)
        doc.changed.connect(self._on_change)

    # -- state ---------------------------------------------------------------------------------
    @property
    def latest(self) -> Optional[list["Problem"]]:
        """The findings of the last check, or None when the report was not checked yet."""
        return self._latest

    @property
    def pending(self) -> bool:
        """An edit is waiting for its re-check."""
        return self._timer.isActive()

    def counts(self) -> Optional[dict[str, int]]:
        """{"error": n, "warning": n, "hint": n} of the latest findings (None: not checked)."""
        if self._latest is None:
            return None
        counts = dict.fromkeys(SEVERITY_KEYS, 0)
        for p in self._latest:
            counts[p.severity.value] += 1
        return counts

    # -- running -------------------------------------------------------------------------------
    def schedule(self, delay_ms: int = CHECK_DELAY_MS) -> None:
        """Re-check once edits pause for ``delay_ms`` (restarts the wait)."""
        self._timer.start(delay_ms)

    def run_now(self) -> list["Problem"]:
        """Check now (F5, before export); returns the findings."""
        self._timer.stop()
        problems = self._ensure_session().problems()
        if problems != self._latest:
            self._latest = problems
            emit(self.updated)
        return problems

    def _ensure_session(self) -> "CheckSession":
        if self._session is None:
            from models.checks import CheckSession  # the engine loads on the first check
            # Changes reach the session through _on_change (not report.subscribe), so the
            # session has seen an edit before anyone asks for findings.
            self._session = CheckSession(self.doc.report, last_year=self._last_year,
                                         options=check_options(self.settings))
        return self._session

    def _on_change(self, change: ReportChange) -> None:
        if self._session is not None:
            self._session.on_change(change)
        if change.kind == "reset":
            # Another report: its findings are not known yet, and last year's report
            # belonged to the previous one.
            self.set_last_year(None)
            self._forget()
            self.schedule()
        else:
            self.schedule(VALUE_CHECK_DELAY_MS if change.kind in VALUE_CHANGES else CHECK_DELAY_MS)

    def _forget(self) -> None:
        if self._latest is not None:
            self._latest = None
            emit(self.updated)

    # -- settings of the run ---------------------------------------------------------------------
    def set_last_year(self, report: Optional[Report]) -> None:
        """Compare with last year's report (rules 3) until another report is loaded."""
        self._last_year = report
        if self._session is not None:
            self._session.set_last_year(report)
        if report is not None:
            self.schedule()

    def preferences_changed(self) -> None:
        """Other fonts chosen: characters outside a _GB2312 font may matter differently."""
        if self._session is not None:
            self._session.set_options(check_options(self.settings))
            self.schedule()
