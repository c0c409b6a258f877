"""The right side: the editor of the node selected in the outline (pages made on first use)."""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from .document import ReportDocument
from .live_checks import LiveChecks
from .outline_model import BODY, CHECKS, META, PREAMBLE, STATS, category_id_of, section_id_of
from .settings import AppSettings


class EditorStack(QStackedWidget):
    statusMessage = Signal(str)
    problemActivated = Signal(object)  # a models.checks.Problem double-clicked in 检查结果

    def __init__(self, doc: ReportDocument, settings: AppSettings, checks: LiveChecks,
                 parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.doc = doc
        self.settings = settings
        self.checks = checks
        self._pages: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {
            "meta": self._make_meta, "preamble": self._make_preamble, "body": self._make_body,
            "section": self._make_section, "indicators": self._make_indicators, "checks": self._make_checks,
        }

    def page(self, name: str) -> QWidget:
        if name not in self._pages:
            widget = self._factories[name]()
            self._pages[name] = widget
            self.addWidget(widget)
        return self._pages[name]

    def show_node(self, key: str) -> None:
        section_id, category_id = section_id_of(key), category_id_of(key)
        if key == META:
            self.setCurrentWidget(self.page("meta"))
        elif key == PREAMBLE:
            self.setCurrentWidget(self.page("preamble"))
        elif key == BODY:
            self.setCurrentWidget(self.page("body"))
        elif section_id is not None:
            page = self.page("section")
            page.show_section(section_id)
            self.setCurrentWidget(page)
        elif key == STATS or category_id is not None:
            page = self.page("indicators")
            self.setCurrentWidget(page)
            if category_id is not None:
                page.show_category(category_id)
        elif key == CHECKS:
            self.setCurrentWidget(self.page("checks"))

    # -- pages ------------------------------------------------------------------------------
    def _make_meta(self) -> QWidget:
        from .meta_form import MetaForm
        return MetaForm(self.doc, self.settings)

    def _make_preamble(self) -> QWidget:
        from .section_editor import PreambleEditor
        return PreambleEditor(self.doc)

    def _make_body(self) -> QWidget:
        label = QLabel("正文各级标题在左侧提纲中：选择一个标题编辑它的正文；右键菜单或“提纲”菜单可添加、删除、"
                       "移动标题和调整层级，也可以直接拖动。序号（一、（一）1.（1））自动计算。", wordWrap=True)
        label.setMargin(label.fontMetrics().height())
        return label

    def _make_section(self) -> QWidget:
        from .section_editor import SectionEditor
        return SectionEditor(self.doc)

    def _make_indicators(self) -> QWidget:
        from .indicator_form import IndicatorForm
        form = IndicatorForm(self.doc, self.checks)
        form.statusMessage.connect(self.statusMessage)
        return form

    def _make_checks(self) -> QWidget:
        from .check_page import CheckPage
        page = CheckPage(self.checks)
        page.problemActivated.connect(self.problemActivated)
        return page
