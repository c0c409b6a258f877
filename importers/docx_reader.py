"""Word .docx → lines for the structure recogniser.

Body paragraphs in document order with: the automatic number Word draws
(paragraph or style ``w:numPr``), the heading level of the style (matched by
style *name*: WPS gives styles numeric ids), the leading bold text, the
alignment, and ``w:br`` line breaks as ``\\n``. 版头/版记 in text boxes are not
body text and are left out (with a warning); tables are read row by row.
The XML is walked with lxml directly: python-docx's objects are too slow for a
300-page report.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NamedTuple, Optional

from docx.oxml.ns import qn

from .docx_guard import MAX_DOCX_BYTES, refuse_non_docx
from .docx_numbering import Numbering
from .elements import cc_names, parse_printing
from .errors import ImportFailed
from .lines import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT, Line, leading_text
from .text_reader import read_bytes

_P, _R, _T, _TBL, _TR, _TC = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_PPR, _RPR, _VAL = qn("w:pPr"), qn("w:rPr"), qn("w:val")
_TAB, _BR, _CR, _PTAB = qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:ptab")
_TXBX = qn("w:txbxContent")
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_FALLBACK, _CHOICE, _ALTERNATE = _MC + "Fallback", _MC + "Choice", _MC + "AlternateContent"
# Containers whose runs are part of the paragraph's text.
_INLINE = {qn(t) for t in ("w:hyperlink", "w:ins", "w:smartTag", "w:customXml", "w:fldSimple", "w:moveTo",
                           "w:sdt", "w:sdtContent", "w:dir", "w:bdo")}
_BLOCK_CONTAINERS = {qn(t) for t in ("w:sdt", "w:sdtContent", "w:customXml")}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_SKIP_STYLES = re.compile(r"^(?:toc|目录)\s*\d*$|^toc heading$", re.IGNORECASE)
_LAYOUT_CELL_LINES = 4  # a data table's cell holds a word or a number, not paragraphs
_LAYOUT_ROWS = 2
_ALIGN = {"center": ALIGN_CENTER, "right": ALIGN_RIGHT, "end": ALIGN_RIGHT, "left": ALIGN_LEFT,
          "start": ALIGN_LEFT, "both": ALIGN_LEFT, "distribute": ALIGN_LEFT}
_OFF = ("0", "false", "off")


@dataclass
class _Style:
    name: str = ""
    based_on: Optional[str] = None
    num_id: Optional[str] = None
    ilvl: Optional[int] = None
    outline: Optional[int] = None  # the style's own outline level: inherited ones are accidents of basedOn
    align: str = ""
    bold: Optional[bool] = None


def _flag(el) -> Optional[bool]:
    """w:b and friends: present = on unless w:val says off."""
    if el is None:
        return None
    return el.get(_VAL) not in _OFF


def _child_val(parent, tag: str) -> Optional[str]:
    if parent is None:
        return None
    el = parent.find(qn(tag))
    return el.get(_VAL) if el is not None else None


class _Styles:
    """Paragraph styles with what is inherited through ``w:basedOn`` resolved on demand."""

    def __init__(self, styles_element):
        self._raw: dict[str, _Style] = {}
        self.default: Optional[str] = None
        if styles_element is None:
            return
        for st in styles_element.iter(qn("w:style")):
            if st.get(qn("w:type")) not in ("paragraph", "character"):
                continue
            sid = st.get(qn("w:styleId"))
            ppr, rpr = st.find(_PPR), st.find(_RPR)
            numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
            outline = _child_val(ppr, "w:outlineLvl")
            self._raw[sid] = _Style(
                name=_child_val(st, "w:name") or "", based_on=_child_val(st, "w:basedOn"),
                num_id=_child_val(numpr, "w:numId"), ilvl=_int(_child_val(numpr, "w:ilvl")),
                outline=_int(outline), align=_ALIGN.get(_child_val(ppr, "w:jc") or "", ""),
                bold=_flag(rpr.find(qn("w:b"))) if rpr is not None else None)
            if st.get(qn("w:default")) in ("1", "true", "on") and st.get(qn("w:type")) == "paragraph":
                self.default = sid
        self._cache: dict[Optional[str], _Style] = {}

    def resolved(self, sid: Optional[str]) -> _Style:
        sid = sid or self.default
        if sid in self._cache:
            return self._cache[sid]
        chain, seen, cur = [], set(), sid
        while cur and cur in self._raw and cur not in seen:
            seen.add(cur)
            chain.append(self._raw[cur])
            cur = self._raw[cur].based_on
        own = chain[0] if chain else _Style()
        out = _Style(name=own.name, outline=own.outline)
        for st in chain:  # nearest definition wins
            if out.num_id is None and st.num_id is not None:
                out.num_id, out.ilvl = st.num_id, st.ilvl
            out.align = out.align or st.align
            out.bold = st.bold if out.bold is None else out.bold
        self._cache[sid] = out
        return out

    def style_id_of(self, sid: Optional[str]) -> Optional[str]:
        return sid or self.default


def _int(text: Optional[str]) -> Optional[int]:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


class _Reader:
    def __init__(self, document):
        self.styles = _Styles(document.styles.element)
        numbering_part = _numbering_part(document)
        self.numbering = Numbering(numbering_part.element if numbering_part is not None else None)
        self.lines: list[Line] = []
        self.paragraphs = 0
        self.textbox_texts: list[str] = []
        self.hidden_texts: list[str] = []

    # -- blocks -----------------------------------------------------------------------------
    def read_blocks(self, parent) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                self.paragraphs += 1
                line = self.read_paragraph(child)
                if line is not None:
                    self.lines.append(line)
            elif tag == _TBL:
                self.read_table(child)
            elif tag in _BLOCK_CONTAINERS:
                if not _is_toc_sdt(child):
                    self.read_blocks(child)
            elif tag == _ALTERNATE:
                self.read_blocks(_alternative(child))

    def read_table(self, tbl) -> None:
        number = self.paragraphs + 1  # where the table starts, for messages (its cells count as paragraphs too)
        rows = [[self._cell_lines(tc) for tc in _children(tr, _TC)] for tr in _children(tbl, _TR)]
        texts = [[" ".join(line.text.replace("\n", " ") for line in cell) for cell in row] for row in rows]
        if not any(any(cell.strip() for cell in row) for row in texts):
            return  # a rule drawn with table borders
        one_column = all(len(row) <= 1 for row in rows)
        is_record = any(cc_names(c) is not None or parse_printing(c) is not None for row in texts for c in row)
        # a web page saved as Word: a navigation column beside the report, each a cell of many paragraphs
        # (a data table with long cells has more rows: a header and its records)
        is_layout = len(rows) <= _LAYOUT_ROWS and any(
            len([line for line in cell if line.text.strip()]) >= _LAYOUT_CELL_LINES for row in rows for cell in row)
        if one_column or is_record or is_layout:
            # layout tables (a page copied from the web, 版记, cover blocks): each paragraph stands
            # alone, with its list number, bold lead and line breaks as outside a table
            for row in rows:
                for cell in row:
                    self.lines.extend(cell)
            return
        for row in texts:
            cells = [c.strip() for c in row if c.strip()]
            if cells:
                self.lines.append(Line(text="\u3000".join(cells), number=number, from_table=True))

    def _cell_lines(self, tc) -> list[Line]:
        """The lines of one table cell, read like the body (nested tables included)."""
        outer, self.lines = self.lines, []
        try:
            self.read_blocks(tc)
            return self.lines
        finally:
            self.lines = outer

    # -- paragraphs ---------------------------------------------------------------------------
    def read_paragraph(self, p) -> Optional[Line]:
        ppr = p.find(_PPR)
        sid = self.styles.style_id_of(_child_val(ppr, "w:pStyle"))
        style = self.styles.resolved(sid)
        if _SKIP_STYLES.match(style.name):
            return None  # table of contents entries repeat the headings
        label = self._label(ppr, sid, style)
        pieces: list[_Piece] = []
        for run in _runs(p):
            text = self._run_text(run)
            if text and _run_hidden(run):
                self.hidden_texts.append(text)  # Word neither shows nor prints it
            elif text:
                pieces.append(_Piece(text, _run_bold(run), _run_look(run)))
        text = "".join(piece.text for piece in pieces)
        if not text.strip() and not label:
            return None
        outline = _int(_child_val(ppr, "w:outlineLvl"))
        outline = style.outline if outline is None else outline
        heading = _HEADING_NAME.match(style.name)
        level = int(heading.group(1)) if heading else (outline + 1 if outline is not None and outline < 9 else None)
        align = _ALIGN.get(_child_val(ppr, "w:jc") or "", "") or style.align
        return Line(text=text, label=label, lead=_lead(pieces, style.bold), outline_level=level, style=style.name,
                    align=align, number=self.paragraphs)

    def _label(self, ppr, sid: Optional[str], style: _Style) -> str:
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = _child_val(numpr, "w:numId")
        ilvl = _int(_child_val(numpr, "w:ilvl"))
        if num_id is None:
            num_id = style.num_id
            if num_id is None:
                return ""
            if ilvl is None:
                ilvl = style.ilvl
            if ilvl is None and sid:
                ilvl = self.numbering.level_for_style(num_id, sid)
        return self.numbering.next_label(num_id, ilvl or 0)

    def _run_text(self, run) -> str:
        out = []
        for child in run:
            tag = child.tag
            if tag == _T:
                out.append(child.text or "")
            elif tag in (_TAB, _PTAB):
                out.append("\t")
            elif tag == _BR:
                if child.get(qn("w:type")) in (None, "textWrapping"):
                    out.append("\n")
            elif tag == _CR:
                out.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                out.append("-")
            elif tag == _ALTERNATE and not any(True for _ in child.iter(_TXBX)):
                out.append(self._run_text(_alternative(child)))  # the same text twice: read one copy
            else:
                self._collect_textboxes(child)
        return "".join(out)

    def _collect_textboxes(self, el) -> None:
        for box in el.iter(_TXBX):
            if any(a.tag == _FALLBACK for a in box.iterancestors()):
                continue  # the VML copy of a DrawingML text box
            text = "".join(t.text or "" for t in box.iter(_T)).strip()
            if text and text not in self.textbox_texts:
                self.textbox_texts.append(text)


def _runs(p) -> Iterator:
    """The runs of a paragraph in order, inside hyperlinks and insertions, not in deletions or text boxes."""
    for child in p:
        if child.tag == _R:
            yield child
        elif child.tag in _INLINE:
            yield from _runs(child)
        elif child.tag == _ALTERNATE:
            yield from _runs(_alternative(child))


def _alternative(alternate):
    """The one branch of an ``mc:AlternateContent`` to read: the fallback, meant for readers like this one.

    Both branches hold the same content; reading both would double it."""
    fallback = alternate.find(_FALLBACK)
    if fallback is not None:
        return fallback
    choice = alternate.find(_CHOICE)
    return choice if choice is not None else alternate


def _children(parent, tag: str) -> Iterator:
    """Direct children with ``tag``, also those wrapped in content controls (rows and cells in a w:sdt)."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _children(child, tag)
        elif child.tag == _ALTERNATE:
            yield from _children(_alternative(child), tag)


def _run_hidden(run) -> bool:
    rpr = run.find(_RPR)
    return rpr is not None and bool(_flag(rpr.find(qn("w:vanish"))))


def _run_bold(run) -> Optional[bool]:
    rpr = run.find(_RPR)
    return _flag(rpr.find(qn("w:b"))) if rpr is not None else None


class _Piece(NamedTuple):
    """A run's text with its formatting: bold (None: as the style says) and its look (see _run_look)."""

    text: str
    bold: Optional[bool]
    look: tuple


def _run_look(run) -> tuple:
    """What sets a run apart from its neighbours: character style, bold, Chinese font (not the Latin one,
    which digits change alone); () for a run formatted only by its paragraph's style."""
    rpr = run.find(_RPR)
    if rpr is None:
        return ()
    fonts = rpr.find(qn("w:rFonts"))
    look = (_child_val(rpr, "w:rStyle"), _flag(rpr.find(qn("w:b"))),
            fonts.get(qn("w:eastAsia")) if fonts is not None else None)
    return look if any(v is not None for v in look) else ()


def _lead(pieces: list[_Piece], style_bold: Optional[bool]) -> str:
    """The paragraph's leading bold text (spaces before it do not count either way); else its leading text
    in a character style or font of its own that the rest of the paragraph does not share (a run-in
    heading's sentence in 楷体 or in the heading's character style, whatever it ends with)."""
    return _leading(pieces, lambda piece: bool(style_bold) if piece.bold is None else piece.bold) or _set_apart(pieces)


def _set_apart(pieces: list[_Piece]) -> str:
    visible = [piece for piece in pieces if piece.text.strip()]
    if not visible or not visible[0].look or visible[0].look == visible[-1].look:
        return ""
    first = visible[0].look
    return _leading(pieces, lambda piece: piece.look == first)


def _leading(pieces: list[_Piece], belongs) -> str:
    return leading_text((piece.text, belongs(piece)) for piece in pieces)


def _is_toc_sdt(sdt) -> bool:
    gallery = sdt.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
    return gallery is not None and "Contents" in (gallery.get(_VAL) or "")


def _numbering_part(document):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    try:
        return document.part.part_related_by(RT.NUMBERING)
    except KeyError:
        return None


def read_docx(path: Path, raw: Optional[bytes] = None) -> tuple[list[Line], list[str]]:
    """Lines of a .docx and what the reader left out; :class:`ImportFailed` for anything unreadable."""
    if raw is None:
        raw = read_bytes(path, MAX_DOCX_BYTES)
    refuse_non_docx(path, raw)
    document = _open(path, raw)
    reader = _Reader(document)
    reader.read_blocks(document.element.body)
    if not any(line.text.strip() or line.label for line in reader.lines):
        if reader.textbox_texts:
            raise ImportFailed(path, "文字都在文本框中，正文中没有文字。请在 Word/WPS 中把文本框里的文字剪切到正文后再导入")
        raise ImportFailed(path, "文件中没有正文文字（空白文档）")
    if all(line.from_table for line in reader.lines if line.text.strip()):
        raise ImportFailed(path, "文件中只有表格，没有报告正文（统计表请在「统计指标」中填写，或导入报告的 Word 文件）")
    warnings = []
    if reader.textbox_texts:
        warnings.append("文本框中的文字未导入（通常是版头、版记，由导出时按「基本信息」生成）："
                        + _examples(reader.textbox_texts))
    if reader.hidden_texts:
        warnings.append("设为「隐藏」的文字未导入（Word 中不显示、不打印）：" + _examples(reader.hidden_texts))
    notes = _note_texts(document)
    if notes:
        warnings.append("脚注、尾注中的文字未导入（报告正文中没有脚注的位置），请核对是否需要写入正文：" + _examples(notes))
    return reader.lines, warnings


def _examples(texts: list[str]) -> str:
    """The first few texts, shortened, for a warning: 「版头文字」、「……」等."""
    shown = "、".join(f"「{t.strip()[:15]}」" for t in texts[:4])
    return shown + ("等" if len(texts) > 4 else "")


def _note_texts(document) -> list[str]:
    """Texts of the footnotes and endnotes (not the separator lines Word keeps among them)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree
    texts = []
    for rel_type, tag in ((RT.FOOTNOTES, "w:footnote"), (RT.ENDNOTES, "w:endnote")):
        try:
            part = document.part.part_related_by(rel_type)
        except KeyError:
            continue
        element = getattr(part, "element", None)
        if element is None:
            try:
                element = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
            except etree.XMLSyntaxError:
                continue  # a damaged notes part does not stop the body from being read
        for note in element.iter(qn(tag)):
            if note.get(qn("w:type")) in (None, "normal"):
                text = "".join(t.text or "" for t in note.iter(_T)).strip()
                if text:
                    texts.append(text)
    return texts


_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Templates (.dotx, .dotm) and documents with macros (.docm) hold the same body; python-docx opens only .docx.
_OTHER_WORD_TYPES = (b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                     b"application/vnd.ms-word.document.macroEnabled.main+xml",
                     b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml")


def _as_document(raw: bytes) -> bytes:
    """The package with its main part typed as a document's (a template or .docm otherwise unchanged)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as zin:
        types = zin.read("[Content_Types].xml") if "[Content_Types].xml" in zin.namelist() else b""
        if not any(t in types for t in _OTHER_WORD_TYPES):
            return raw
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    for other in _OTHER_WORD_TYPES:
                        data = data.replace(other, _DOCUMENT_TYPE)
                zout.writestr(info.filename, data)
    return out.getvalue()


def _is_strict(raw: bytes) -> bool:
    """Word's 「Strict Open XML」 flavour: the same package with ISO namespaces python-docx cannot read."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            return b"purl.oclc.org/ooxml" in z.read("_rels/.rels")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return False


def _open(path: Path, raw: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    try:
        return docx.Document(io.BytesIO(_as_document(raw)))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        if "not a Word file" in str(exc) or "content type" in str(exc):
            problem = "不是 Word 文档（压缩包中没有 Word 正文）"
        else:
            problem = "文件已损坏，无法读取其中的 Word 内容"
    except Exception:  # lxml syntax errors, truncated members: all mean a damaged file
        problem = "文件已损坏，无法读取其中的 Word 内容（XML 不完整）"
    if _is_strict(raw):
        problem = "这是「Strict Open XML」格式的 Word 文档，请在 Word 中「另存为」普通的「Word 文档（.docx）」后再导入"
    raise ImportFailed(path, problem)
