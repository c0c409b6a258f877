"""A web page saved from the browser (.html, .htm, .shtml) or as one file (.mht, .mhtml).

Last year's report is most often found on the office's website. Saved as a page it
arrives with its charset (government sites still serve GB2312/GBK), its navigation and
scripts, and paragraphs that are ``<p>`` elements; many downloads called 「….doc」 are such
pages too. The page becomes one :class:`Line` per block (paragraph, heading, list item,
table row, ``<br>``), with the alignment and the bold lead the page gives; the web page's
furniture (menus, share buttons, footers) is then left to the same clutter rules as a
copied text.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import re
from html.parser import HTMLParser
from typing import Optional

from .errors import ImportFailed
from .lines import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT, Line, leading_text
from .text_reader import decode_text

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml")
_BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section", "article",
           "header", "footer", "nav", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "hr",
           "form", "aside", "main", "figure", "figcaption", "caption", "address", "body"}
_CELLS = {"td", "th"}
_SKIPPED = {"script", "style", "noscript", "template", "head", "title", "select", "option", "button",
            "textarea", "svg", "iframe", "object"}
_BOLD = {"b", "strong"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "param", "source",
         "track", "wbr"}
_SPACES = re.compile(r"[ \t\r\n\f]+")
_ALIGN = re.compile(r"text-align\s*:\s*(center|right|left|justify)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_ALIGNS = {"center": ALIGN_CENTER, "right": ALIGN_RIGHT, "left": ALIGN_LEFT, "justify": ALIGN_LEFT}


def looks_like_html(raw: bytes) -> bool:
    """A web page or a single-file web archive, whatever the file is called."""
    head = raw[:4096].lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    if head.startswith(b"mime-version:") or (b"mime-version:" in head[:300] and b"content-type:" in head):
        return True
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head or (
        b"<html" in head[:1024] and (b"<body" in raw[:65536].lower() or b"<head" in head))


def read_html(path, raw: bytes) -> list[Line]:
    """The lines of the page in ``raw`` (a saved page or an .mht archive)."""
    html = _archive_html(path, raw) if is_web_archive(raw) else _decode(path, raw)
    try:
        lines = html_lines(html)
    except (AssertionError, ValueError):  # HTMLParser's rare hard failures on broken markup
        raise ImportFailed(path, "网页文件已损坏，无法读出其中的文字") from None
    if not lines:
        raise ImportFailed(path, "网页中没有正文文字（可能只保存了网页的框架，请在浏览器中打开报告页面后再保存，"
                                 "或复制报告全文后用「粘贴导入」）")
    return lines


def html_lines(html: str) -> list[Line]:
    """The lines of a page or of a piece of one (what a browser puts on the clipboard)."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    parser.end_block()
    return [line for line in parser.lines if line.text.strip()]


def is_web_archive(raw: bytes) -> bool:
    """A single-file web archive (.mht): a MIME message holding the page and its pictures."""
    head = raw[:300].lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    return head.startswith(b"mime-version:") or b"mime-version:" in head


def _archive_html(path, raw: bytes) -> str:
    """The page inside a single-file web archive (.mht), decoded by its own charset."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            return _decode(path, payload, charset)
    raise ImportFailed(path, "这是网页存档文件（.mht），但其中没有网页正文")


def _decode(path, raw: bytes, charset: Optional[str] = None) -> str:
    """Text of a page: by a byte order mark, else the charset it declares, else UTF-8 or GBK."""
    if not raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = charset or _declared_charset(raw)
        if declared:
            try:
                return raw.decode(_codec(declared))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common: detect from the bytes instead
    return decode_text(raw, str(path))


def _declared_charset(raw: bytes) -> str:
    m = _META_CHARSET.search(raw[:8192])
    return m.group(1).decode("ascii").lower() if m else ""


def _codec(charset: str) -> str:
    # Pages declaring gb2312 or gbk use characters beyond them; gb18030 reads all of them.
    return "gb18030" if charset.lower().replace("-", "").replace("_", "") in ("gb2312", "gbk", "gb18030", "cp936",
                                                                               "xgbk", "euccn", "hzgb2312") else charset


class _PageParser(HTMLParser):
    """Blocks of text in reading order; what a browser would not show is left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self._pieces: list[tuple[str, bool]] = []
        self._skip = 0  # depth inside elements whose text is not shown
        self._pre = 0
        self._open: list[tuple[str, str, bool]] = []  # (tag, alignment, bold) of the open elements that matter
        self._in_cell = False

    # -- elements ------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self._skip = 0  # a <head> left open (its end tag may be omitted) ends where the body starts
        if tag in _SKIPPED:
            self._skip += tag not in _VOID
            return
        if self._skip:
            return
        if tag == "br":
            self._pieces.append(("\n", False))  # a line break inside the paragraph, as Word's
            return
        attributes = dict(attrs)
        if tag in _BLOCKS:
            self.end_block()
            self._pre += tag == "pre"
        elif tag in _CELLS:
            if self._in_cell and self._pieces:
                self._pieces.append(("\u3000", False))  # the cells of one row read as one line
            self._in_cell = True
        bold = tag in _BOLD or _is_bold(attributes)
        if tag not in _VOID and (bold or tag in _BLOCKS):
            self._open.append((tag, _alignment(attributes, tag), bold))

    def handle_startendtag(self, tag, attrs):
        if tag in _VOID or tag == "br":
            self.handle_starttag(tag, attrs)  # <br/>, <hr/>: as without the slash
        elif tag in _BLOCKS and not self._skip:
            self.end_block()  # an empty <p/>

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag in _CELLS and any(t == "\n" for t, _ in self._pieces):
            self.end_block()  # a cell of lines is page layout (a menu column beside the article), not a datum
        if tag in _BLOCKS or tag == "tr":
            self.end_block()
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            self._in_cell = self._in_cell and tag != "tr"
        for i in range(len(self._open) - 1, -1, -1):  # close it, and what was left unclosed inside it
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        if self._skip or not data:
            return
        bold = any(b for _, _, b in self._open)
        if self._pre:
            for k, piece in enumerate(data.split("\n")):
                if k:
                    self.end_block()
                self._pieces.append((piece, bold))
            return
        self._pieces.append((_SPACES.sub(" ", data), bold))

    # -- blocks --------------------------------------------------------------------------------
    def end_block(self) -> None:
        if not self._pieces:
            return
        text = "\n".join(part.strip(" ") for part in "".join(t for t, _ in self._pieces).split("\n"))
        if text.strip():
            self.lines.append(Line(text=text.strip("\n"), lead=leading_text(self._pieces), align=self._alignment(),
                                   number=len(self.lines) + 1))
        self._pieces = []

    def _alignment(self) -> str:
        return next((align for _, align, _ in reversed(self._open) if align), "")


def _alignment(attributes: dict, tag: str) -> str:
    if tag == "center":
        return ALIGN_CENTER
    style = attributes.get("style") or ""
    m = _ALIGN.search(style)
    if m:
        return _ALIGNS[m.group(1).lower()]
    return _ALIGNS.get((attributes.get("align") or "").strip().lower(), "")


def _is_bold(attributes: dict) -> bool:
    style = (attributes.get("style") or "").lower().replace(" ", "")
    return "font-weight:bold" in style or "font-weight:700" in style


