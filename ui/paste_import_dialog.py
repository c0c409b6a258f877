"""文件 → 粘贴导入: a large plain-text box for a whole report copied from a web page.

A browser puts the page's HTML on the clipboard beside the text; it is kept (not shown) as long as
the box holds exactly what was pasted, because it says what the text cannot: which lines are bold
(run-in headings) and which stand on the right (署名, date).
"""
from __future__ import annotations

from typing import NamedTuple, Optional

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from .dialog_buttons import ok_cancel


class PastedReport(NamedTuple):
    text: str
    html: str = ""  # the clipboard's HTML of the same paste, "" when there was none or the text was edited


class _PasteBox(QPlainTextEdit):
    def __init__(self):
        super().__init__()
        self._html, self._text_at_paste = "", None

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        whole = not self.toPlainText().strip()  # a paste into an empty box is the whole report
        super().insertFromMimeData(source)
        self._html = source.html() if whole and source.hasHtml() else ""
        self._text_at_paste = self.toPlainText()

    def pasted(self) -> PastedReport:
        text = self.toPlainText()
        return PastedReport(text, self._html if text == self._text_at_paste else "")


class PasteImportDialog(QDialog):
    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle("粘贴导入")
        intro = QLabel("把上年度报告的全文（例如从政府网站上复制的网页文字）粘贴到下面。网页上标题之前的导航、"
                       "发布日期和页尾的网站信息会自动去掉，半角标点改为全角。", wordWrap=True)
        self.text = _PasteBox()
        self.text.setPlaceholderText("在此粘贴（Ctrl+V）报告全文……")
        self.text.setAccessibleName("粘贴的报告全文")
        self.count = QLabel()
        self.buttons = ok_cancel(self, "识别")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update)
        self._update()
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("中") * 56, metrics.height() * 32)

    def _update(self) -> None:
        doc = self.text.document()
        characters = max(0, doc.characterCount() - doc.blockCount())
        self.count.setText(f"{characters} 字" if characters else "")
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.text.toPlainText().strip()))

    def pasted_text(self) -> str:
        return self.text.toPlainText()

    def pasted(self) -> PastedReport:
        return self.text.pasted()
