"""Text on its way into the document: live references become numbers, characters XML cannot hold
are dropped, half-width punctuation in Chinese text becomes full-width; and characters a GB2312
face has no glyph for are collected as warnings."""
from __future__ import annotations

import re
from collections import OrderedDict
from typing import Optional

from models.catalogue import Catalogue
from models.refs import REF_RE, render_refs
from models.report import Report
from models.text import clean_text, normalize_punctuation, outside_gb2312

UNFILLED_MARK = "〔未填："  # how models.refs.render_refs shows a reference to an empty indicator
EDGE_SPACE = " \t\u3000\u00a0"
_HALF_WIDTH = re.compile(r"[,:;?!()]")  # what normalize_punctuation converts; most text has none


class TextPrep:
    def __init__(self, report: Report, catalogue: Optional[Catalogue] = None):
        self.report = report
        self.catalogue = catalogue
        self._unfilled: "OrderedDict[str, None]" = OrderedDict()  # what empty references print

    def _clean(self, text: str, keep_newlines: bool) -> str:
        text = text or ""
        if "{{" in text:
            self._note_unfilled(text)
        text = clean_text(render_refs(text, self.report, self.catalogue), keep_newlines=keep_newlines)
        return normalize_punctuation(text) if _HALF_WIDTH.search(text) else text

    def inline(self, text: str) -> str:
        """One line: line breaks become spaces; typed indents and trailing spaces go (styles indent)."""
        return self._clean(text, False).strip(EDGE_SPACE)

    def _note_unfilled(self, text: str) -> None:
        for m in REF_RE.finditer(text):
            shown = render_refs(m.group(0), self.report, self.catalogue)
            if shown.startswith(UNFILLED_MARK):
                self._unfilled[shown] = None

    def messages(self) -> list[str]:
        """A warning for each empty indicator the text refers to: the document shows 〔未填：名称〕."""
        return [f"正文引用的指标没有数字，Word 文件中显示为「{shown}」；请填写该指标的数字后重新导出。"
                for shown in self._unfilled]

    def lines(self, text: str) -> list[str]:
        """Text that may hold line breaks (a pasted paragraph with Word's ``\\x0b``): its non-empty
        lines, each a paragraph of its own in the document."""
        return [line.strip(EDGE_SPACE) for line in self._clean(text, True).split("\n") if line.strip(EDGE_SPACE)]


def is_gb2312_face(font: str) -> bool:
    """A face that covers only GB2312: the _GB2312 faces and Founder's 简体 faces (方正小标宋简体;
    their _GBK versions cover more)."""
    return "GB2312" in font.upper() or (font.startswith("方正") and font.endswith("简体"))


class FontWarnings:
    """Characters outside GB2312 set in a GB2312-only face: one warning per character and face,
    naming the places where it occurs."""

    MAX_PLACES = 3

    def __init__(self):
        self._found: "OrderedDict[tuple[str, str], list[str]]" = OrderedDict()

    def check(self, text: str, font: str, where: str) -> None:
        if not text or not is_gb2312_face(font):
            return
        try:
            text.encode("gb2312")
            return  # the common case, in one C call
        except UnicodeEncodeError:
            pass
        for _, ch in outside_gb2312(text):
            places = self._found.setdefault((ch, font), [])
            if where not in places:
                places.append(where)

    def messages(self) -> list[str]:
        out = []
        for (ch, font), places in self._found.items():
            shown = "、".join(places[:self.MAX_PLACES]) + (f"等 {len(places)} 处" if len(places) > self.MAX_PLACES else "")
            out.append(f"「{ch}」（U+{ord(ch):04X}，见{shown}）不在 GB2312 字符集内，字体「{font}」没有这个字，"
                       f"打印时可能显示为方框或其他字体；请核对，或在导出设置中改用「{_wider_face(font)}」等字体。")
        return out


def _wider_face(font: str) -> str:
    if "GB2312" in font.upper():
        return font.upper().replace("_GB2312", "").replace("GB2312", "") or "仿宋"
    return font.replace("简体", "_GBK")
