"""Live references shown as their numbers inside a QTextDocument.

The model keeps ``{{B05}}`` in the text; the editor shows the number the export will
print (1520, or 〔未填：名称〕 for an empty indicator) as one marked run of characters
whose char format carries the indicator id. Reading the document back turns each
such run into ``{{B05}}`` again, so the model never sees the number.

Each reference also carries a serial number in its format, so that two references
side by side stay two runs (Qt merges neighbouring runs of equal format), and the
text it was shown with, so that a run cut short by an edit can be recognised.

Qt counts positions in UTF-16 code units, Python strings in characters: a character outside
the BMP (𠀀, 😀) is two of the one and one of the other. Positions here are Qt's; lengths of
Python text that become positions go through :func:`utf16_len`, and positions that cut
Python text through :func:`utf16_slice`.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from typing import Callable, Iterator, Optional

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from models.refs import REF_RE, make_ref
from models.text import utf16_len, utf16_slice

REF_ID = QTextFormat.UserProperty + 1
REF_SERIAL = QTextFormat.UserProperty + 2
REF_SHOWN = QTextFormat.UserProperty + 3
REFS_MIME = "application/x-fazhi-report-text"  # text with {{ID}} markers, between our editors

_serials = count(1)

# indicator id → the text the reference shows (render_refs of one marker)
Renderer = Callable[[str], str]


def is_problem(shown: str) -> bool:
    """〔未填：…〕: the reference has no number to show."""
    return shown.startswith("〔")


def reference_format(indicator_id: str, shown: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setProperty(REF_ID, indicator_id)
    fmt.setProperty(REF_SERIAL, next(_serials))
    fmt.setProperty(REF_SHOWN, shown)
    if is_problem(shown):
        fmt.setForeground(QColor("#a4262c"))
        fmt.setBackground(QColor("#fde7e9"))
        fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
        fmt.setUnderlineColor(QColor("#d13438"))
    else:
        fmt.setForeground(QColor("#1f4e8c"))
        fmt.setBackground(QColor("#e3eefc"))
        fmt.setUnderlineStyle(QTextCharFormat.DotLine)
        fmt.setUnderlineColor(QColor("#1f4e8c"))
    return fmt


def ref_id_of(fmt: QTextCharFormat) -> Optional[str]:
    return fmt.stringProperty(REF_ID) or None if fmt.hasProperty(REF_ID) else None


@dataclass
class RefRun:
    """One reference as it stands in a block: positions are absolute in the document."""
    indicator_id: str
    serial: int
    shown: str  # the text it was shown with
    start: int
    text: str  # the text it has now (differs from ``shown`` after a partial deletion)

    @property
    def end(self) -> int:
        return self.start + utf16_len(self.text)

    @property
    def whole(self) -> bool:
        return self.text == self.shown


def runs_in_block(block) -> list[RefRun]:
    """The references in a block, merging the fragments of one reference."""
    runs: list[RefRun] = []
    for it in block:
        frag = it.fragment()
        if not frag.isValid():
            continue
        fmt = frag.charFormat()
        ref_id = ref_id_of(fmt)
        if ref_id is None:
            continue
        serial = fmt.intProperty(REF_SERIAL)
        if runs and runs[-1].serial == serial and runs[-1].end == frag.position():
            runs[-1].text += frag.text()
        else:
            runs.append(RefRun(ref_id, serial, fmt.stringProperty(REF_SHOWN), frag.position(), frag.text()))
    return runs


def blocks(document: QTextDocument) -> Iterator:
    block = document.firstBlock()
    while block.isValid():
        yield block
        block = block.next()


def raw_block_text(block) -> str:
    """The block's text as the model stores it: references as ``{{ID}}``."""
    text = block.text()
    if not text:
        return text
    base = block.position()
    parts, pos = [], 0
    for run in runs_in_block(block):
        parts.append(utf16_slice(text, pos, run.start - base))
        parts.append(make_ref(run.indicator_id))
        pos = run.end - base
    parts.append(utf16_slice(text, pos))
    return "".join(parts)


def raw_text(document: QTextDocument) -> str:
    return "\n".join(raw_block_text(b) for b in blocks(document))


def insert_raw(cursor: QTextCursor, raw: str, render: Renderer) -> None:
    """Insert text with ``{{ID}}`` markers at the cursor, each marker as a reference."""
    plain = QTextCharFormat()
    pos = 0
    for m in REF_RE.finditer(raw):
        if m.start() > pos:
            cursor.insertText(raw[pos:m.start()], plain)
        shown = render(m.group(1))
        cursor.insertText(shown, reference_format(m.group(1), shown))
        pos = m.end()
    if pos < len(raw):
        cursor.insertText(raw[pos:], plain)
    cursor.setCharFormat(plain)  # what is typed next is not part of the reference


def set_raw_text(document: QTextDocument, raw: str, render: Renderer) -> None:
    """Show ``raw`` (paragraphs joined by newlines) with its references as numbers."""
    if "{{" not in raw:
        document.setPlainText(raw)
        return
    pieces, refs, pos, shown_len = [], [], 0, 0
    for m in REF_RE.finditer(raw):
        pieces.append(raw[pos:m.start()])
        shown_len += utf16_len(pieces[-1])
        shown = render(m.group(1))
        refs.append((shown_len, m.group(1), shown))
        pieces.append(shown)
        shown_len += utf16_len(shown)
        pos = m.end()
    pieces.append(raw[pos:])
    document.setPlainText("".join(pieces))
    cursor = QTextCursor(document)
    for start, ref_id, shown in refs:
        cursor.setPosition(start)
        cursor.setPosition(start + utf16_len(shown), QTextCursor.KeepAnchor)
        cursor.setCharFormat(reference_format(ref_id, shown))


def refresh_references(document: QTextDocument, render: Renderer) -> bool:
    """Show each reference's current value; True when any changed."""
    changed = False
    cursor = QTextCursor(document)
    for block in blocks(document):
        for run in reversed(runs_in_block(block)):
            shown = render(run.indicator_id)
            if shown == run.text and shown == run.shown:
                continue
            cursor.setPosition(run.start)
            cursor.setPosition(run.end, QTextCursor.KeepAnchor)
            cursor.insertText(shown, reference_format(run.indicator_id, shown))
            changed = True
    return changed


def repair_block(block) -> None:
    """Make the references of a block whole again after an edit at or across their edges.

    Text typed right after (before) a reference may take on its format: it is given the
    plain format back. A reference cut short (Backspace into it, a word deletion ending
    inside it) is removed whole — the number belongs to the statistics form, not to the
    text, so half of it never stays behind.
    """
    cursor = QTextCursor(block.document())
    for run in reversed(runs_in_block(block)):
        if run.whole:
            continue
        cursor.setPosition(run.start)
        cursor.setPosition(run.end, QTextCursor.KeepAnchor)
        at = run.text.find(run.shown) if run.shown else -1
        if at < 0:
            cursor.removeSelectedText()
            continue
        fmt = reference_format(run.indicator_id, run.shown)
        cursor.setCharFormat(QTextCharFormat())
        start = run.start + utf16_len(run.text[:at])
        cursor.setPosition(start)
        cursor.setPosition(start + utf16_len(run.shown), QTextCursor.KeepAnchor)
        cursor.setCharFormat(fmt)


def run_at(document: QTextDocument, position: int, inside_only: bool = True) -> Optional[RefRun]:
    """The reference containing ``position`` strictly inside (or touching it when not ``inside_only``)."""
    block = document.findBlock(position)
    for run in runs_in_block(block):
        if run.start < position < run.end or (not inside_only and run.start <= position <= run.end):
            return run
    return None


def shown_span(block, raw_start: int, raw_end: int) -> tuple[int, int]:
    """A span of the block's stored text (with ``{{ID}}``, in characters) as positions in the
    block as shown (Qt's). A span ending inside a marker covers the whole reference."""
    base, text = block.position(), block.text()
    raw_pos = shown_pos = 0
    mapped: list[Optional[int]] = [None, None]
    wanted = (raw_start, raw_end)

    def place_text(r_from: int, plain: str, s_from: int) -> None:
        for i, w in enumerate(wanted):
            if mapped[i] is None and r_from <= w < r_from + len(plain):
                mapped[i] = s_from + utf16_len(plain[:w - r_from])

    def place_reference(r_from: int, r_len: int, s_from: int, s_len: int) -> None:
        for i, w in enumerate(wanted):
            if mapped[i] is None and r_from <= w < r_from + r_len:
                mapped[i] = s_from if i == 0 or w == r_from else s_from + s_len
    for run in runs_in_block(block):
        plain = utf16_slice(text, shown_pos, run.start - base)
        place_text(raw_pos, plain, shown_pos)
        raw_pos, shown_pos = raw_pos + len(plain), run.start - base
        marker, shown = len(make_ref(run.indicator_id)), utf16_len(run.text)
        place_reference(raw_pos, marker, shown_pos, shown)
        raw_pos, shown_pos = raw_pos + marker, shown_pos + shown
    tail = utf16_slice(text, shown_pos)

    def after_last(w: int) -> int:
        return shown_pos + utf16_len(tail[:max(0, w - raw_pos)])
    start = mapped[0] if mapped[0] is not None else after_last(raw_start)
    stop = mapped[1] if mapped[1] is not None else after_last(raw_end)
    return start, max(start, stop)
