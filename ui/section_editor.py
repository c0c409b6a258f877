"""Editors of the running text: a section (heading, run-in, part, body) and the 开头段.

The body is plain text, one line per paragraph. Pasted text is cleaned (control
characters from Word, half-width punctuation between Chinese characters). References
``{{B05}}`` to indicator values show as the indicator's number, marked, with a tooltip
naming the indicator; they follow the statistics form while the editor is open.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QTextEdit, QToolTip, QVBoxLayout, QWidget)

from models.catalogue import default_catalogue
from models.numbering import chinese_numeral
from models.refs import make_ref, render_refs
from models.report import Part, ReportChange, Section, StructureError
from models.templates import default_template_for
from models.text import clean_paragraph, split_paragraphs, utf16_len, utf16_span

from . import dialogs
from .commands import PreambleEdit, SectionEdit
from .document import ReportDocument
from .field_binding import EditorPage
from .reference_text import (REFS_MIME, insert_raw, raw_text, ref_id_of, refresh_references, repair_block, run_at,
                             set_raw_text, shown_span)
from .references import reference_tip, references_in, shown_value


def level_name(level: int) -> str:
    return f"{chinese_numeral(level)}级标题"


def clean_pasted_text(text: str) -> str:
    """Pasted text as paragraphs: one per non-empty line, cleaned, Chinese punctuation."""
    return "\n".join(clean_paragraph(p) for p in split_paragraphs(text))


class ParagraphEdit(QTextEdit):
    """The body: plain text, each line a paragraph; paste cleaned; live references as numbers.

    A QTextEdit (not QPlainTextEdit) only because its layout draws the first-line indent
    and paragraph spacing that make each line read as a paragraph.

    A reference ``{{B05}}`` shows as its number (see :mod:`ui.reference_text`) and acts as
    one unit: the cursor never stops inside it (it goes to the edge it was moving
    towards), a selection that reaches into it takes all of it, and a deletion that would
    cut it short (Backspace, Delete, word deletion at its edge) removes it whole.
    """

    def __init__(self, doc: ReportDocument, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.doc = doc
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self._last_position = 0
        self._snapping = False
        self.cursorPositionChanged.connect(self._keep_references_whole)
        self._format_paragraphs()

    def render_reference(self, indicator_id: str) -> str:
        return render_refs(make_ref(indicator_id), self.doc.report, default_catalogue())

    def paragraphs(self) -> list[str]:
        """The paragraphs as the model stores them (references as ``{{ID}}``)."""
        return split_paragraphs(raw_text(self.document()))

    def set_paragraphs(self, paragraphs: list[str]) -> None:
        set_raw_text(self.document(), "\n".join(paragraphs), self.render_reference)
        self._last_position = 0
        self._format_paragraphs()

    def refresh_references(self) -> bool:
        """Show the current values of the indicators referred to; True when any changed."""
        return refresh_references(self.document(), self.render_reference)

    def insert_reference(self, indicator_id: str) -> None:
        """Insert a reference at the cursor (over the selection)."""
        cursor = self.textCursor()
        insert_raw(cursor, make_ref(indicator_id), self.render_reference)
        self.setTextCursor(cursor)

    def _format_paragraphs(self) -> None:
        """Indent each paragraph's first line by two characters and space paragraphs apart,
        so that a paragraph (a line of the text) reads as one; new lines inherit it."""
        metrics = self.fontMetrics()
        block = QTextBlockFormat()
        block.setTextIndent(metrics.horizontalAdvance("中") * 2)
        block.setBottomMargin(metrics.lineSpacing() * 0.4)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.Document)
        cursor.mergeBlockFormat(block)

    def select_in_paragraph(self, paragraph: int, span: Optional[tuple[int, int]]) -> bool:
        """Select ``span`` (positions in the stored text, with ``{{ID}}``) of the paragraph
        (the whole paragraph when None), scroll to it and take the focus; False when there
        is no such paragraph."""
        block = self.document().findBlockByNumber(paragraph)
        if not block.isValid():
            return False
        start, end = shown_span(block, *span) if span else (0, block.length() - 1)
        end = min(end, block.length() - 1)
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(start, end))
        cursor.setPosition(block.position() + end, QTextCursor.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()
        return True

    def character_count(self) -> int:
        """Characters as printed (references count as their numbers), without line ends
        (cheap: no copy of the text)."""
        doc = self.document()
        return max(0, doc.characterCount() - doc.blockCount())

    # -- references as units ------------------------------------------------------------
    def _keep_references_whole(self) -> None:
        if self._snapping:
            return
        cursor = self.textCursor()
        pos, anchor = cursor.position(), cursor.anchor()
        run = run_at(self.document(), pos)
        if run:
            if cursor.hasSelection():  # the selection grows to take the whole reference
                pos = run.end if pos > anchor else run.start
            else:  # on to the edge the cursor was moving towards (a click: the nearer edge)
                forward = pos > self._last_position
                if abs(pos - self._last_position) > utf16_len(run.text):
                    forward = run.end - pos <= pos - run.start
                pos = run.end if forward else run.start
        if cursor.hasSelection():
            around = run_at(self.document(), anchor)
            if around:
                anchor = around.start if anchor < pos else around.end
        if (pos, anchor) != (cursor.position(), cursor.anchor()):
            cursor.setPosition(anchor)
            cursor.setPosition(pos, QTextCursor.KeepAnchor)
            self._snapping = True
            try:
                self.setTextCursor(cursor)
            finally:
                self._snapping = False
        self._last_position = pos
        if not cursor.hasSelection() and ref_id_of(cursor.charFormat()):
            # Qt types with the format of the character before: not the reference's.
            self.setCurrentCharFormat(QTextCharFormat())

    def _repair_after_edit(self) -> None:
        repair_block(self.textCursor().block())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().keyPressEvent(event)
        self._repair_after_edit()

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().inputMethodEvent(event)
        self._repair_after_edit()

    def createMimeDataFromSelection(self):  # noqa: N802 - Qt override
        """The selection as shown (numbers, for other programs) and with its references
        (for pasting into this or another section)."""
        data = super().createMimeDataFromSelection()
        scratch = QTextDocument()
        QTextCursor(scratch).insertFragment(self.textCursor().selection())
        raw = raw_text(scratch)
        if "{{" in raw:
            data.setData(REFS_MIME, raw.encode("utf-8"))
        return data

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt override
        if source.hasFormat(REFS_MIME):
            text = bytes(source.data(REFS_MIME)).decode("utf-8")
        elif source.hasText():
            text = source.text()
        else:
            return
        cursor = self.textCursor()
        insert_raw(cursor, clean_pasted_text(text), self.render_reference)
        self.setTextCursor(cursor)

    def _reference_under(self, point) -> Optional[str]:
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if point.x() < self.cursorRect(cursor).x():
            position -= 1  # the point is on the character before the nearest cursor place
        run = run_at(self.document(), position, inside_only=False)
        return run.indicator_id if run and run.start <= position < run.end else None

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            ref = self._reference_under(event.pos())
            if ref:
                QToolTip.showText(event.globalPos(), reference_tip(self.doc.report, ref), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class _BodyPage(EditorPage):
    """What the section editor and the 开头段 editor share: the body and its helpers."""

    def __init__(self, doc: ReportDocument, parent: Optional[QWidget] = None):
        super().__init__(doc, parent)
        self.body = ParagraphEdit(doc)
        self.body.setAccessibleName("正文")
        self.guidance = QLabel(wordWrap=True)
        palette = self.guidance.palette()
        palette.setColor(QPalette.WindowText, palette.color(QPalette.PlaceholderText))
        self.guidance.setPalette(palette)
        self.count = QLabel()
        self.refs = QLabel(wordWrap=True)
        self.refs.setTextFormat(Qt.PlainText)
        self.insert_ref = QPushButton("插入数字引用(&R)…")
        self.insert_ref.setToolTip("在光标处插入统计指标的数字：正文中显示该指标当前的数字，统计表改了随之更新")
        self.insert_ref.clicked.connect(self._insert_reference)
        self.body_commit = self.bind_text_edit(self.body, self._commit_body)
        self.body.textChanged.connect(self._update_count)

    def _footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.count)
        row.addStretch(1)
        row.addWidget(self.insert_ref)
        return row

    def _stored_paragraphs(self) -> list[str]:
        raise NotImplementedError

    def _commit_body(self) -> None:
        raise NotImplementedError

    def _show_paragraphs(self, paragraphs: list[str]) -> None:
        with self.filling():
            if self.body.paragraphs() != paragraphs:
                self.body.set_paragraphs(paragraphs)
            else:  # the same text; the values it refers to may have changed (a reset)
                self.body.refresh_references()
        self._update_refs()

    def _set_guidance(self, guidance: str) -> None:
        self.guidance.setText(f"填写提示：{guidance}" if guidance else "")
        self.guidance.setVisible(bool(guidance))
        self.body.setPlaceholderText(guidance or "在此输入正文，每行一段。")

    def select_text(self, paragraph: Optional[int], span: Optional[tuple[int, int]]) -> bool:
        """Show a place the checks found: ``paragraph`` of the body (None: the heading)."""
        if paragraph is None:
            return False
        return self.body.select_in_paragraph(paragraph, span)

    def _update_count(self) -> None:
        self.count.setText(f"{self.body.character_count()} 字")

    def _update_refs(self) -> None:
        ids = references_in(self._stored_paragraphs())
        report = self.doc.report
        catalogue = default_catalogue()

        def describe(ind_id: str) -> str:
            ind = catalogue.resolve(ind_id, report)
            name = f" {ind.label}" if ind else ""
            return f"{shown_value(report, ind_id, catalogue)}（{ind_id}{name}）"
        self.refs.setText("引用统计表的数字（随统计表自动更新）：" + "；".join(describe(i) for i in ids) if ids else "")
        self.refs.setVisible(bool(ids))

    def _insert_reference(self) -> None:
        indicator_id = dialogs.pick_indicator(self, self.doc.report)
        if indicator_id:
            self.body.insert_reference(indicator_id)
            self.body_commit.flush()
            self.body.setFocus()

    def _on_value_change(self, change: ReportChange) -> None:
        """A value (or the custom indicators) changed: the numbers shown follow."""
        if change.kind in ("value_changed", "custom_indicators"):
            with self.filling():
                self.body.refresh_references()
            if not self.refs.isHidden():
                self._update_refs()


class SectionEditor(_BodyPage):
    def __init__(self, doc: ReportDocument, parent: Optional[QWidget] = None):
        super().__init__(doc, parent)
        self.section_id: Optional[str] = None
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.heading = QLineEdit(placeholderText="标题文字（序号自动生成，不要输入“一、”“（一）”）")
        self.run_in = QCheckBox("标题与正文同段（“（一）标题。正文……”）")
        self.part = QComboBox()
        self.part.addItem("（不标注）", None)
        for p in Part:
            self.part.addItem(p.label, p.value)
        self.part.setToolTip("这一部分对应《法治政府建设与责任落实督察工作规定》要求报告的哪项内容（检查时用）")

        self.bind_line_edit(self.heading, self._commit_heading)
        self.run_in.toggled.connect(self._commit_run_in)
        self.part.activated.connect(self._commit_part)

        form = QFormLayout()
        form.addRow("标题(&H)：", self.heading)
        form.addRow("", self.run_in)
        form.addRow("报告部分(&P)：", self.part)
        self._part_label = form.labelForField(self.part)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.guidance)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.refs)
        layout.addLayout(self._footer())
        doc.changed.connect(self._on_change)

    @property
    def section(self) -> Optional[Section]:
        if self.section_id is None:
            return None
        try:
            return self.doc.report.find_section(self.section_id)
        except StructureError:
            return None

    def show_section(self, section_id: str) -> None:
        self.doc.flush()
        self.section_id = section_id
        self._refresh()

    def _refresh(self, fields: tuple[str, ...] = ("heading", "run_in", "part", "guidance", "paragraphs")) -> None:
        section = self.section
        if section is None:
            return
        with self.filling():
            if "heading" in fields and self.heading.text().strip() != section.heading:
                self.heading.setText(section.heading)
            if "run_in" in fields:
                self.run_in.setChecked(section.run_in)
            if "part" in fields:
                self.part.setCurrentIndex(self.part.findData(section.part.value if section.part else None))
            if "guidance" in fields:
                self._set_guidance(section.guidance)
        if "paragraphs" in fields:
            self._show_paragraphs(section.paragraphs)
        self._update_position()

    def select_text(self, paragraph: Optional[int], span: Optional[tuple[int, int]]) -> bool:
        if paragraph is not None:
            return super().select_text(paragraph, span)
        text = self.heading.text()
        start, end = utf16_span(text, span if span else (0, len(text)))
        self.heading.setFocus()
        self.heading.setSelection(start, end - start)
        return True

    def _update_position(self) -> None:
        report = self.doc.report
        level = report.level_of(self.section_id)
        self.title.setText(f"{level_name(level)}  {report.label_of(self.section_id)}{self.section.heading}")
        self.part.setVisible(level == 1)
        self._part_label.setVisible(level == 1)

    def _stored_paragraphs(self) -> list[str]:
        section = self.section
        return section.paragraphs if section else []

    def _edit(self, field: str, value, text: str) -> None:
        section = self.section
        if section is None or getattr(section, field) == value:
            return
        self.push_edit(SectionEdit(self.doc.report, section.id, field, value, text), field)

    def _commit_heading(self) -> None:
        self._edit("heading", self.heading.text().strip(), "修改标题")
        self._update_position()

    def _commit_body(self) -> None:
        self._edit("paragraphs", self.body.paragraphs(), "修改正文")
        self._update_refs()

    def _commit_run_in(self, checked: bool) -> None:
        if not self.loading:
            self._edit("run_in", checked, "标题与正文同段" if checked else "标题单独成段")

    def _commit_part(self, _index: int) -> None:
        value = self.part.currentData()
        self._edit("part", Part(value) if value else None, "标注报告部分")

    def _on_change(self, change: ReportChange) -> None:
        if self.section_id is None:
            return
        if change.kind == "section_changed" and change.section_id == self.section_id:
            self._refresh(tuple(f for f in change.fields if not self.is_own_echo(f)))
        elif change.kind in ("section_added", "section_removed", "section_moved", "reset"):
            if self.section is not None:
                self._refresh(() if change.kind != "reset" else ("heading", "run_in", "part", "guidance",
                                                                 "paragraphs"))
        else:
            self._on_value_change(change)


class PreambleEditor(_BodyPage):
    """The paragraphs before 一、 (the 开头段)."""

    def __init__(self, doc: ReportDocument, parent: Optional[QWidget] = None):
        super().__init__(doc, parent)
        title = QLabel("开头段（“一、”之前的段落）")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.guidance)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.refs)
        layout.addLayout(self._footer())
        doc.changed.connect(self._on_change)
        self.refresh()

    def refresh(self) -> None:
        report = self.doc.report
        self._set_guidance(default_template_for(report.meta.organ_level).preamble_guidance)
        self._show_paragraphs(report.preamble)

    def _stored_paragraphs(self) -> list[str]:
        return self.doc.report.preamble

    def _commit_body(self) -> None:
        paragraphs = self.body.paragraphs()
        if paragraphs != self.doc.report.preamble:
            self.push_edit(PreambleEdit(self.doc.report, paragraphs, "修改开头段"), "preamble")
        self._update_refs()

    def _on_change(self, change: ReportChange) -> None:
        if (change.kind == "preamble" and not self.is_own_echo("preamble")) or change.kind == "reset" \
                or (change.kind == "meta" and "organ_level" in change.fields):
            self.refresh()
        else:
            self._on_value_change(change)
