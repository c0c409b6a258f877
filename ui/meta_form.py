"""基本信息: the report's metadata (organ, year, dates, title, 主送, 发文字号, 版记)."""
from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any, Callable, Optional

from PySide6.QtCore import QDate, QSize, QStringListModel, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (QComboBox, QCompleter, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QScrollArea, QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

from models.report import DocNumber, OrganLevel, ReportChange
from models.templates import organ_examples
from models.text import display_width, utf16_len, utf16_span
from models.title_breaks import break_title

from .commands import ChangeReportYear, MetaEdit
from .document import ReportDocument
from .field_binding import EditorPage
from .settings import AppSettings

TITLE_LINE_LIMIT = 20  # 二号 characters on a 156 mm line
_NAME = re.compile(r"[^、，,；;\s]+")  # one item of a list typed as 「甲、乙」


def title_lines(title: str, limit: int = TITLE_LINE_LIMIT) -> list[tuple[str, bool]]:
    """The title's printed lines as (text, broken by the program).

    A title without typed breaks is broken as the Word export breaks it (words kept whole,
    the lines balanced). Line breaks the user typed are kept; a typed line wider than
    ``limit`` 汉字 wraps where it reaches the limit, as Word wraps it (the user should then
    choose a break that keeps words whole).
    """
    if "\n" not in title:
        lines = break_title(title, limit) or [title]
        return [(line, len(lines) > 1) for line in lines]
    lines = []
    for typed in title.split("\n"):
        line, width = "", 0.0
        for ch in typed:
            w = display_width(ch)
            if line and width + w > limit:
                lines.append((line, True))
                line, width = "", 0.0
            line += ch
            width += w
        lines.append((line, False))
    return lines


def title_preview(title: str) -> str:
    rows = []
    wraps = "\n" in title  # a typed line that is too wide wraps where Word wraps it
    for i, (line, automatic) in enumerate(title_lines(title), 1):
        # the width in 汉字 (two digits take one): what the limit of 20 counts
        note = "到行宽自动折行" if automatic and wraps else f"{math.ceil(display_width(line))}字"
        rows.append(f"第{i}行：{line}（{note}）")
    return "\n".join(rows)


def split_names(text: str) -> list[str]:
    return _NAME.findall(text)


class OptionalDateEdit(QDateEdit):
    """A date that may be left empty: the minimum date is shown as 未填."""

    EMPTY = QDate(2000, 1, 1)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setDisplayFormat("yyyy年M月d日")
        self.setCalendarPopup(True)
        self.setMinimumDate(self.EMPTY)
        self.setSpecialValueText("未填")
        self.setKeyboardTracking(False)
        self.setToolTip("未填时按 ↑ 键填入今天")
        self.setDate(self.EMPTY)

    def value(self) -> Optional[_dt.date]:
        d = self.date()
        return None if d == self.EMPTY else d.toPython()

    def set_value(self, value: Optional[_dt.date]) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else self.EMPTY)

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        if self.date() == self.EMPTY:
            self.setDate(QDate.currentDate())
        else:
            super().stepBy(steps)


class LinesEdit(QPlainTextEdit):
    """A short list, one item a line (主送机关, 抄送, 附件)."""

    def __init__(self, lines: int, placeholder: str, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self._lines = lines
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def items(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().split("\n") if line.strip()]

    def set_items(self, items: list[str]) -> None:
        if self.items() != items:
            self.setPlainText("\n".join(items))

    def sizeHint(self):  # noqa: N802 - Qt override
        hint = super().sizeHint()
        margins = self.contentsMargins()
        hint.setHeight(round(self.fontMetrics().lineSpacing() * self._lines + margins.top() + margins.bottom()
                             + 2 * self.document().documentMargin()))
        return hint

    def minimumSizeHint(self):  # noqa: N802 - Qt override
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class MetaForm(EditorPage):
    def __init__(self, doc: ReportDocument, settings: AppSettings, parent: Optional[QWidget] = None):
        super().__init__(doc, parent)
        self.settings = settings
        self._show: dict[str, Callable[[], None]] = {}
        self._build()
        doc.changed.connect(self._on_change)
        self.refresh()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        m = lambda: self.doc.report.meta  # noqa: E731 - the live metadata

        self.organ = QLineEdit()
        self.organ_history = QStringListModel(self.settings.organ_history(), self)
        self.organ.setCompleter(QCompleter(self.organ_history, self))
        self.organ.editingFinished.connect(self._remember_organ)
        self.signature = QLineEdit()
        self.level = QComboBox()
        for level in OrganLevel:
            self.level.addItem(level.label, level.value)
        self.year = QSpinBox(minimum=1949, maximum=2200, suffix=" 年度", keyboardTracking=False)
        self.signing_date = OptionalDateEdit()
        self.title = LinesEdit(2, "")
        self.title_layout = QLabel()
        self.addressees = LinesEdit(2, "每行一个主送机关")
        self.agency_code = QLineEdit()
        self.dn_year = QSpinBox(minimum=0, maximum=2200, specialValueText="年份", keyboardTracking=False)
        self.dn_serial = QSpinBox(minimum=0, maximum=99999, specialValueText="序号", keyboardTracking=False)
        self.dn_preview = QLabel()
        self.signers = QLineEdit(placeholderText="上报的报告写签发人姓名，多人用顿号分隔；不上报则留空")
        self.cc = LinesEdit(2, "每行一个抄送机关")
        self.printing_organ = QLineEdit()
        self.printing_date = OptionalDateEdit()
        self.attachments = LinesEdit(2, "每行一个附件名称；没有附件则留空")
        self.notes = QLineEdit(placeholderText="如：联系人：某某，电话：……（输出时加圆括号）")

        self._text_field("organ_name", "发文机关", self.organ, lambda: self.organ.text().strip())
        self._text_field("signature_name", "署名机关", self.signature, lambda: self.signature.text().strip())
        self._text_field("title", "标题", self.title, lambda: self.title.toPlainText().strip(), plain=True)
        self._text_field("addressees", "主送机关", self.addressees, self.addressees.items, plain=True)
        self._text_field("signers", "签发人", self.signers, lambda: split_names(self.signers.text()))
        self._text_field("cc", "抄送机关", self.cc, self.cc.items, plain=True)
        self._text_field("printing_organ", "印发机关", self.printing_organ, lambda: self.printing_organ.text().strip())
        self._text_field("attachments", "附件", self.attachments, self.attachments.items, plain=True)
        self._text_field("notes", "附注", self.notes, lambda: self.notes.text().strip())
        self.agency_code.textEdited.connect(self._update_doc_number_preview)
        self.bind_line_edit(self.agency_code, self._commit_doc_number)
        for spin in (self.dn_year, self.dn_serial):
            spin.valueChanged.connect(self._commit_doc_number)

        self.level.activated.connect(lambda _: self._edit("organ_level", OrganLevel(self.level.currentData()), "机关层级"))
        self.year.valueChanged.connect(self._change_year)
        self.signing_date.dateChanged.connect(lambda _: self._edit("signing_date", self.signing_date.value(), "成文日期"))
        self.printing_date.dateChanged.connect(
            lambda _: self._edit("printing_date", self.printing_date.value(), "印发日期"))
        self.title.textChanged.connect(self._update_title_layout)

        shows = {
            "organ_name": lambda: _set_line(self.organ, m().organ_name),
            "signature_name": lambda: _set_line(self.signature, m().signature_name),
            "organ_level": lambda: self.level.setCurrentIndex(self.level.findData(m().organ_level.value)),
            "report_year": lambda: self.year.setValue(m().report_year),
            "signing_date": lambda: self.signing_date.set_value(m().signing_date),
            "title": lambda: _set_plain(self.title, m().title),
            "addressees": lambda: self.addressees.set_items(m().addressees),
            "doc_number": self._show_doc_number,
            "signers": lambda: _set_line(self.signers, "、".join(m().signers), split_names),
            "cc": lambda: self.cc.set_items(m().cc),
            "printing_organ": lambda: _set_line(self.printing_organ, m().printing_organ),
            "printing_date": lambda: self.printing_date.set_value(m().printing_date),
            "attachments": lambda: self.attachments.set_items(m().attachments),
            "notes": lambda: _set_line(self.notes, m().notes),
        }
        self._show.update(shows)

        doc_number = QHBoxLayout()
        doc_number.addWidget(self.agency_code, 2)
        doc_number.addWidget(QLabel("〔"))
        doc_number.addWidget(self.dn_year)
        doc_number.addWidget(QLabel("〕"))
        doc_number.addWidget(self.dn_serial)
        doc_number.addWidget(QLabel("号"))
        doc_number.addWidget(self.dn_preview, 2)

        # Alt+letter of a label must not be one of the menu bar's (文件 F, 编辑 E, 提纲 O, 工具 T):
        # the menu would take it and the label's letter would do nothing.
        report_box = QGroupBox("报告")
        form = QFormLayout(report_box)
        form.addRow("发文机关(&J)：", self.organ)
        form.addRow("机关层级(&L)：", self.level)
        form.addRow("报告年度(&Y)：", self.year)
        form.addRow("标题(&B)：", self.title)
        form.addRow("", self.title_layout)
        form.addRow("主送机关(&A)：", self.addressees)
        form.addRow("署名机关(&G)：", self.signature)
        form.addRow("成文日期(&D)：", self.signing_date)
        form.addRow("附件(&U)：", self.attachments)
        form.addRow("附注(&N)：", self.notes)

        head_box = QGroupBox("版头（正式版）")
        form = QFormLayout(head_box)
        doc_number_label = QLabel("发文字号(&W)：")
        doc_number_label.setBuddy(self.agency_code)
        form.addRow(doc_number_label, doc_number)
        form.addRow("签发人(&S)：", self.signers)

        tail_box = QGroupBox("版记（正式版）")
        form = QFormLayout(tail_box)
        form.addRow("抄送机关(&C)：", self.cc)
        form.addRow("印发机关(&P)：", self.printing_organ)
        form.addRow("印发日期(&R)：", self.printing_date)

        content = QWidget()
        column = QVBoxLayout(content)
        for box in (report_box, head_box, tail_box):
            column.addWidget(box)
        column.addStretch(1)
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setFocusPolicy(Qt.NoFocus)  # Tab goes to the fields, not to an invisible stop
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.field_widgets = {
            "organ_name": self.organ, "signature_name": self.signature, "organ_level": self.level,
            "report_year": self.year, "signing_date": self.signing_date, "title": self.title,
            "addressees": self.addressees, "doc_number": self.agency_code, "signers": self.signers,
            "cc": self.cc, "printing_organ": self.printing_organ, "printing_date": self.printing_date,
            "attachments": self.attachments, "notes": self.notes,
        }

    def _text_field(self, field: str, label: str, widget, read: Callable[[], Any], plain: bool = False) -> None:
        commit = lambda: self._edit(field, read(), label)  # noqa: E731
        if plain:
            self.bind_text_edit(widget, commit)
        else:
            self.bind_line_edit(widget, commit)

    # -- going to a field (from the checks) ---------------------------------------------------------
    def focus_field(self, field: str, index: Optional[int] = None, span: Optional[tuple[int, int]] = None) -> bool:
        """Focus the widget of a ``ReportMeta`` field and select the part meant: item ``index``
        of a list field, characters ``span`` of a text. False for an unknown field."""
        widget = self.field_widgets.get(field)
        if widget is None:
            return False
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus()
        if isinstance(widget, QPlainTextEdit):
            _select_in_plain(widget, index, span, self._shown_title() if field == "title" else None)
        elif isinstance(widget, QLineEdit):
            _select_in_line(widget, index, span)
        return True

    def _shown_title(self) -> str:
        return self.doc.report.meta.effective_title

    # -- model → widgets ---------------------------------------------------------------------
    def refresh(self) -> None:
        with self.filling():
            for show in self._show.values():
                show()
        self._update_placeholders()

    def _on_change(self, change: ReportChange) -> None:
        if change.kind == "reset":
            self.refresh()
        elif change.kind == "meta":
            with self.filling():
                for field in change.fields:
                    if not self.is_own_echo(field) and field in self._show:
                        self._show[field]()
            self._update_placeholders()

    def _update_placeholders(self) -> None:
        meta = self.doc.report.meta
        example = organ_examples(meta.organ_level)
        self.organ.setPlaceholderText(_example("发文机关全称", example.get("organ_name")))
        self.agency_code.setPlaceholderText(_example("机关代字", example.get("agency_code")))
        self.printing_organ.setPlaceholderText(_example("印发机关（一般是办公室）", example.get("printing_organ")))
        self.signature.setPlaceholderText(f"同发文机关：{meta.organ_name}" if meta.organ_name else "同发文机关")
        self.title.setPlaceholderText(f"默认：{meta.default_title}（留空即用默认标题；按回车可指定换行位置）")
        self._update_title_layout()

    def _update_title_layout(self) -> None:
        title = self.title.toPlainText().strip() or self.doc.report.meta.default_title
        self.title_layout.setText(f"标题排版（二号字每行不超过{TITLE_LINE_LIMIT}字，回行时应词意完整）：\n"
                                  + title_preview(title))

    def _show_doc_number(self) -> None:
        dn = self.doc.report.meta.doc_number
        _set_line(self.agency_code, dn.agency_code)
        self.dn_year.setValue(dn.year or 0)
        self.dn_serial.setValue(dn.serial or 0)
        self._update_doc_number_preview()

    def _read_doc_number(self) -> DocNumber:
        return DocNumber(agency_code=self.agency_code.text().strip(), year=self.dn_year.value() or None,
                         serial=self.dn_serial.value() or None)

    def _update_doc_number_preview(self) -> None:
        text = self._read_doc_number().format()
        self.dn_preview.setText(f"「{text}」" if text else "（未填全）")

    # -- widgets → model ----------------------------------------------------------------------
    def _edit(self, field: str, value: Any, label: str) -> None:
        if self.loading or getattr(self.doc.report.meta, field) == value:
            return
        self.push_edit(MetaEdit(self.doc.report, field, value, f"修改{label}"), field)
        if field == "organ_name":
            self._update_placeholders()

    def _change_year(self, year: int) -> None:
        """The headings that name the report year (and the plan year) move with it."""
        if self.loading or self.doc.report.meta.report_year == year:
            return
        self.push_edit(ChangeReportYear(self.doc.report, year), "report_year")
        self._update_placeholders()

    def _commit_doc_number(self, *_) -> None:
        self._update_doc_number_preview()
        self._edit("doc_number", self._read_doc_number(), "发文字号")

    def _remember_organ(self) -> None:
        name = self.organ.text().strip()
        if name:
            self.settings.add_organ_name(name)
            self.organ_history.setStringList(self.settings.organ_history())


def _example(what: str, example: Optional[str]) -> str:
    return f"{what}，如：{example}" if example else what


def _set_line(widget: QLineEdit, text: str, parse: Callable[[str], Any] = str.strip) -> None:
    """Show ``text`` unless the widget already says the same (keeps the cursor while typing)."""
    if parse(widget.text()) != parse(text):
        widget.setText(text)


def _set_plain(widget: QPlainTextEdit, text: str) -> None:
    if widget.toPlainText().strip() != text:
        widget.setPlainText(text)


def _select_in_plain(widget: QPlainTextEdit, index: Optional[int], span: Optional[tuple[int, int]],
                     checked_text: Optional[str]) -> None:
    """Select line ``index`` (a list field) or ``span`` of the whole text. A span of the
    title counts in the title as printed; it is used only when the field shows that text
    (an empty title prints the default one)."""
    cursor = widget.textCursor()
    text = widget.toPlainText()
    if index is not None:
        block = widget.document().findBlockByNumber(index)
        if not block.isValid():
            return
        start, end = utf16_span(block.text(), span or (0, len(block.text())))
        start, end = block.position() + start, block.position() + end
    elif span and (checked_text is None or checked_text == text):
        start, end = utf16_span(text, span)
    else:
        start, end = utf16_span(text, (0, len(text)))
    limit = utf16_len(text)
    cursor.setPosition(min(start, limit))
    cursor.setPosition(min(end, limit), QTextCursor.KeepAnchor)
    widget.setTextCursor(cursor)
    widget.ensureCursorVisible()


def _select_in_line(widget: QLineEdit, index: Optional[int], span: Optional[tuple[int, int]]) -> None:
    """Select ``span``, or name ``index`` of a list shown as 「甲、乙」, or everything."""
    text = widget.text()
    if span:
        start, end = span
    elif index is not None:
        names = list(_NAME.finditer(text))
        if index >= len(names):
            return
        start, end = names[index].span()
    else:
        start, end = 0, len(text)
    start, end = utf16_span(text, (start, end))
    widget.setSelection(start, end - start)

