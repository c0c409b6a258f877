"""统计指标: a form generated from the indicator catalogue.

One group per category, one row per indicator that applies to the organ's level:
name, 本年, qualifier (余/多/超过…), unit, 上年, remark. Rates whose parts are filled
are computed (read-only, live, shown on the window's grey so that nobody tries to type
there). A field the checks engine finds a problem with (a
relation of the catalogue, a rate out of range, a number in the text that disagrees) is
marked as soon as the value is typed, with the reason in its tooltip and in the status
bar; the findings come from the window's :class:`ui.live_checks.LiveChecks`.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from models.catalogue import Catalogue, Indicator, default_catalogue
from models.report import QUALIFIERS, Number, ReportChange, format_number

from . import dialogs
from .commands import AddCustomIndicator, RemoveCustomIndicator, ValueEdit
from .document import ReportDocument
from .field_binding import EditorPage
from .live_checks import LiveChecks
from .qt_compat import emit
from .relation_marks import YEAR_LABELS, YEARS, Mark, field_marks

MARK_STYLE = """
NumberEdit:read-only { background-color: palette(window); }
NumberEdit[mark="error"] { background-color: #fbd5d5; }
NumberEdit[mark="warning"] { background-color: #fff0c2; }
NumberEdit[mark="hint"] { background-color: #dcebfa; }
"""
_DECIMAL = "[0-9０-９]*([.．。][0-9０-９]*)?"


def parse_number(text: str, integer: bool) -> Optional[Number]:
    """What the user typed as a number: "" → None (empty is not 0), full-width digits accepted."""
    text = unicodedata.normalize("NFKC", text).replace("。", ".").replace(",", "").strip()
    if text in ("", "-", ".", "-."):
        return None
    if integer or re.fullmatch(r"-?\d+", text):
        return int(float(text))
    return float(text)


class NumberEdit(QLineEdit):
    """A number field: digits only (a sign for changes, a point unless counting)."""

    def __init__(self, indicator: Indicator, year: str, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.indicator, self.year = indicator, year
        pattern = "[0-9０-９]*" if indicator.is_integer else _DECIMAL
        if indicator.type == "change":
            pattern = "-?" + pattern
        self.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self))
        self.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 14)
        self.setProperty("mark", "")
        self.setAccessibleName(f"{indicator.name}{YEAR_LABELS[year]}")

    def number(self) -> Optional[Number]:
        return parse_number(self.text(), self.indicator.is_integer)

    def set_number(self, value: Optional[Number], decimals: int = 4) -> None:
        if self.number() != value:
            self.setText(format_number(value, decimals=decimals))

    def set_mark(self, mark: Optional[Mark], plain_tip: str) -> None:
        self.setToolTip(f"{mark.message}\n——\n{plain_tip}" if mark else plain_tip)
        severity = mark.severity if mark else ""
        if self.property("mark") != severity:
            self.setProperty("mark", severity)
            self.style().unpolish(self)  # re-read the style sheet for the new property value
            self.style().polish(self)


class IndicatorRow:
    """The widgets of one indicator."""

    def __init__(self, indicator: Indicator):
        self.indicator = indicator
        self.name = QLabel(indicator.name)
        self.name.setWordWrap(True)
        self.name.setToolTip(f"{indicator.id}  {indicator.note}".strip())
        self.edits = {year: NumberEdit(indicator, year) for year in YEARS}
        self.qualifier = QComboBox()
        for q in QUALIFIERS:
            self.qualifier.addItem(q or "—", q)
        self.qualifier.setToolTip("正文中写在数字前后的限定词，如“460余人次”“超过95%”")
        self.unit = QLabel(indicator.unit)
        self.remark = QLineEdit(placeholderText="备注")
        self.remove: Optional[QPushButton] = QPushButton("删除") if indicator.custom else None
        self.name.setBuddy(self.edits["value"])

    def widgets(self) -> list[QWidget]:
        return [self.name, self.edits["value"], self.qualifier, self.unit, self.edits["last_year"], self.remark] + \
            ([self.remove] if self.remove else [])

    def set_visible(self, visible: bool) -> None:
        for w in self.widgets():
            w.setVisible(visible)


class IndicatorForm(EditorPage):
    statusMessage = Signal(str)

    def __init__(self, doc: ReportDocument, checks: Optional[LiveChecks] = None,
                 catalogue: Optional[Catalogue] = None, parent: Optional[QWidget] = None):
        super().__init__(doc, parent)
        self.catalogue = catalogue or default_catalogue()
        self.rows: dict[str, IndicatorRow] = {}
        self.groups: dict[str, QGroupBox] = {}
        self.checks = checks or LiveChecks(doc, parent=self)
        latest = self.checks.latest
        self.marks: dict[tuple[str, str], Mark] = field_marks(latest) if latest else {}
        self.setStyleSheet(MARK_STYLE)

        self.filter = QLineEdit(placeholderText="按名称或编号筛选指标")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.add_custom = QPushButton("添加自定义指标(&A)…")
        self.add_custom.clicked.connect(self._add_custom)
        self.level_note = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.add_custom)
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setFocusPolicy(Qt.NoFocus)  # Tab goes to the fields, not to an invisible stop
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.level_note)
        layout.addWidget(self.scroll, 1)
        self._build()
        doc.changed.connect(self._on_change)
        self.checks.updated.connect(self._checked)

    # -- generated layout ------------------------------------------------------------------------
    def _build(self) -> None:
        report = self.doc.report
        level = report.meta.organ_level
        self.level_note.setText(f"显示适用于「{level.label}」的指标；空白表示未填（不是 0）。"
                                "比率在分子、分母都填写后自动计算。")
        self.rows, self.groups = {}, {}
        content = QWidget()
        column = QVBoxLayout(content)
        for cid, name, indicators in self.catalogue.grouped(report, level=level.value):
            box = QGroupBox(name)
            grid = QGridLayout(box)
            for col, header in enumerate(("指标", "本年", "限定词", "单位", "上年", "备注")):
                label = QLabel(header)
                font = label.font()
                font.setBold(True)
                label.setFont(font)
                grid.addWidget(label, 0, col)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(5, 2)
            for r, ind in enumerate(indicators, 1):
                row = IndicatorRow(ind)
                for col, w in enumerate(row.widgets()):
                    grid.addWidget(w, r, col)
                self._wire(row)
                self.rows[ind.id] = row
            self.groups[cid] = box
            column.addWidget(box)
        column.addStretch(1)
        position = self.scroll.verticalScrollBar().value()
        self.scroll.setWidget(content)
        self.scroll.verticalScrollBar().setValue(position)
        self.refresh()
        self._apply_filter(self.filter.text())

    def _wire(self, row: IndicatorRow) -> None:
        ind_id = row.indicator.id
        for year, edit in row.edits.items():
            # Numbers are short: each edit commits at once (merged into one undo step per field),
            # so a relation is checked while typing.
            committer = self.committer_for(edit, lambda e=edit, y=year: self._commit(ind_id, y, e.number()))
            edit.textEdited.connect(committer.touch)
            edit.textEdited.connect(committer.flush)
            edit.editingFinished.connect(committer.finish)
        row.qualifier.activated.connect(lambda _: self._commit(ind_id, "qualifier", row.qualifier.currentData()))
        self.bind_line_edit(row.remark, lambda: self._commit(ind_id, "remark", row.remark.text().strip()))
        if row.remove is not None:
            row.remove.clicked.connect(lambda: self._remove_custom(row.indicator))

    def show_category(self, category_id: str) -> None:
        box = self.groups.get(category_id)
        if box is not None:
            self.scroll.verticalScrollBar().setValue(box.y())

    def focus_field(self, indicator_id: str, year: str = "value") -> bool:
        """Scroll to an indicator's 本年 or 上年 field and give it the focus (from the checks).
        False when the form has no row for it (an indicator of another organ level)."""
        row = self.rows.get(indicator_id)
        if row is None:
            return False
        if row.edits[year].isHidden():
            self.filter.clear()  # the filter hid it
        edit = row.edits[year]
        self.scroll.ensureWidgetVisible(edit)
        edit.setFocus()
        edit.selectAll()
        return True

    # -- model → widgets ------------------------------------------------------------------------
    def refresh(self) -> None:
        with self.filling():
            for row in self.rows.values():
                self._show_row(row)
        self._restyle({(ind_id, year) for ind_id in self.rows for year in YEARS}, self.marks)

    def _show_row(self, row: IndicatorRow, fields=("value", "last_year", "qualifier", "remark")) -> None:
        report = self.doc.report
        entry = report.value_of(row.indicator.id)
        for year in YEARS:
            if year not in fields:
                continue
            edit = row.edits[year]
            computed = self.catalogue.computed(report, row.indicator.id, year)
            edit.setReadOnly(computed is not None)
            if computed is not None:
                edit.set_number(computed, decimals=1)  # shown as the report writes it
            else:
                edit.set_number(getattr(entry, year))
        if "qualifier" in fields:
            row.qualifier.setCurrentIndex(max(0, row.qualifier.findData(entry.qualifier)))
        if "remark" in fields and row.remark.text().strip() != entry.remark:
            row.remark.setText(entry.remark)

    def _plain_tip(self, row: IndicatorRow, year: str) -> str:
        ind = row.indicator
        if self.catalogue.computed(self.doc.report, ind.id, year) is not None:
            parts = ind.formula
            names = lambda ids: "＋".join(self.catalogue.get(i).label for i in ids)  # noqa: E731
            return f"自动计算：{names(parts.numerator)} ÷ {names(parts.denominator)} × 100%"
        return f"{ind.name}（{YEAR_LABELS[year]}，{ind.unit}）"

    def _on_change(self, change: ReportChange) -> None:
        if change.kind in ("reset", "custom_indicators") or (change.kind == "meta" and "organ_level" in change.fields):
            self._build()
        elif change.kind == "value_changed":
            ind_id = change.indicator_id
            row = self.rows.get(ind_id)
            touched = {ind_id} | {d.id for d in self.catalogue.dependents(ind_id)}
            with self.filling():
                if row is not None:
                    self._show_row(row, tuple(f for f in change.fields if not self.is_own_echo(f"{ind_id}.{f}")))
                for dependent in touched - {ind_id}:
                    if dependent in self.rows:
                        self._show_row(self.rows[dependent], YEARS)
            # a rate may have become computed (or typed again): its plain tooltip changed
            self._restyle({(i, year) for i in touched for year in YEARS}, self.marks)

    # -- marks from the checks ---------------------------------------------------------------------
    def _checked(self) -> None:
        """New findings: restyle the fields whose mark changed; say what newly went wrong."""
        latest = self.checks.latest
        new = field_marks(latest) if latest is not None else {}
        changed = {key for key in set(self.marks) | set(new) if self.marks.get(key) != new.get(key)}
        appeared = [m for key, m in new.items() if key in changed and m.severity != "hint"]
        self.marks = new
        self._restyle(changed, new)
        if appeared and self.isVisible():
            emit(self.statusMessage, "；".join(m.message.replace("\n", "；") for m in appeared))

    def _restyle(self, keys, marks: dict) -> None:
        for ind_id, year in keys:
            row = self.rows.get(ind_id)
            if row is not None:
                row.edits[year].set_mark(marks.get((ind_id, year)), self._plain_tip(row, year))

    # -- widgets → model ---------------------------------------------------------------------------
    def _commit(self, ind_id: str, field: str, value) -> None:
        if self.loading or getattr(self.doc.report.value_of(ind_id), field) == value:
            return
        ind = self.rows[ind_id].indicator
        label = {"value": "本年数", "last_year": "上年数", "qualifier": "限定词", "remark": "备注"}[field]
        self.push_edit(ValueEdit(self.doc.report, ind_id, field, value, f"修改「{ind.label}」{label}"),
                       f"{ind_id}.{field}")

    def _add_custom(self) -> None:
        categories = [(c.id, c.name) for c in self.catalogue.categories]
        values = dialogs.ask_custom_indicator(self, categories)
        if values:
            name, unit, category = values
            self.doc.push(AddCustomIndicator(self.doc.report, name, unit, category))

    def _remove_custom(self, indicator: Indicator) -> None:
        if dialogs.confirm(self, "删除自定义指标", f"删除自定义指标「{indicator.name}」及其数字？此操作可以撤销。",
                           "删除"):
            self.doc.push(RemoveCustomIndicator(self.doc.report, indicator.id, indicator.name))

    def _apply_filter(self, text: str) -> None:
        text = text.strip().lower()
        for cid, box in self.groups.items():
            shown = 0
            for row in self.rows.values():
                if row.indicator.category == cid or (row.indicator.custom and cid == "" and
                                                     row.indicator.category not in self.groups):
                    visible = not text or text in row.indicator.name.lower() or text in row.indicator.id.lower()
                    row.set_visible(visible)
                    shown += visible
            box.setVisible(shown > 0)
