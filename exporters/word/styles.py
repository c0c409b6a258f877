"""The style layer: every element of the document is a named style created here (ASCII style ids,
Chinese names for the clerk who opens the file in Word), built on a Normal style and document
defaults without theme fonts.

Each style also knows its metrics (size, line pitch, indents, tracking), which the page-flow
estimate (:mod:`.layout`) and the GB2312 font warnings use.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from . import ooxml
from .options import WordOptions

# A4 at GB/T 9704: margins top 37, bottom 35, left 28, right 26 mm → a 156 × 225 mm text block.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2098, 1984, 1587, 1474
BLOCK_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT        # 8845 tw = 442.25 pt
BLOCK_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM        # 12756 tw
LINE = 579                # 12756 / 22, rounded down: 22 lines fill the block (580 would give 21)
BODY_PT = 16.0            # 3号
BANJI_PT = 14.0           # 4号
TRACKING = -5             # −0.25 pt per character: 28 × 15.75 pt = 441 ≤ 442.25 pt
CHAR_SPACE = -842         # character grid: 16 pt − 842/4096 pt = 15.79 pt per cell → 28 cells
CHAR = BLOCK_W / 28       # one 字 of the grid, in twips (≈ 316)
RED_RULE_SPACE = 5        # pt below the 发文字号's line: the red line lies ≈ 4 mm below its glyphs


@dataclass(frozen=True)
class ParaStyle:
    sid: str
    name: str
    font: str
    size: float = BODY_PT
    line: Optional[int] = LINE        # exact line pitch in twips; None = single spacing
    first_chars: float = 0.0
    jc: str = "both"
    bold: bool = False
    keep_next: bool = False
    outline: Optional[int] = None     # 0–3: shown in Word's navigation pane
    snap: bool = True                 # snap to the document grid
    tracking: Optional[int] = None    # None = inherit from Normal
    color: Optional[str] = None
    space_before: int = 0
    own_latin: bool = False           # digits/Latin in the style's own face even when font_latin is set
    red_rule: bool = False            # the 版头's red separator: a bottom border, text-block wide
    next: Optional[str] = None        # the style Word gives the paragraph after it (Enter at its end)


@dataclass(frozen=True)
class CharStyle:
    sid: str
    name: str
    font: str
    bold: bool = False


class StyleSheet:
    """The document's styles, created once in :meth:`install`; look them up by style id."""

    def __init__(self, options: WordOptions):
        o = options
        self.options = o
        self.portable = o.grid == "portable"
        self.latin = o.font_latin
        flat = dict(tracking=0)  # large type and cells off the 28-character tracking
        # A paragraph typed after a title, 主送 or heading in Word is body text, not another heading
        # (which next year's import would take for one): ``next`` names 公文正文.
        body = {"next": "GWBody"}
        specs = [
            ParaStyle("GWBody", "公文正文", o.font_body, first_chars=2),
            ParaStyle("GWTitle", "公文标题", o.font_title, size=22, line=o.title_line_twips, jc="center",
                      snap=False, **flat, **body),
            ParaStyle("GWAddressee", "主送机关", o.font_body, jc="left", **body),
            ParaStyle("GWHeading1", "一级标题", o.font_heading1, first_chars=2, keep_next=True, outline=0, **body),
            ParaStyle("GWHeading2", "二级标题", o.font_heading2, first_chars=2, keep_next=True, outline=1, **body),
            ParaStyle("GWHeading3", "三级标题", o.font_heading34, first_chars=2, keep_next=True, outline=2,
                      bold=o.bold_heading34, **body),
            ParaStyle("GWHeading4", "四级标题", o.font_heading34, first_chars=2, keep_next=True, outline=3,
                      bold=o.bold_heading34, **body),
            # Run-in headings (heading sentence + body text in one paragraph): body font, outline level
            # kept so that Word's navigation pane still lists them; the heading part is a character style.
            ParaStyle("GWRunIn1", "一级标题（接正文）", o.font_body, first_chars=2, outline=0, **body),
            ParaStyle("GWRunIn2", "二级标题（接正文）", o.font_body, first_chars=2, outline=1, **body),
            ParaStyle("GWRunIn3", "三级标题（接正文）", o.font_body, first_chars=2, outline=2, **body),
            ParaStyle("GWRunIn4", "四级标题（接正文）", o.font_body, first_chars=2, outline=3, **body),
            ParaStyle("GWAttachment", "附件说明", o.font_body),
            ParaStyle("GWSignature", "署名", o.font_body, jc="right", keep_next=True),
            ParaStyle("GWDate", "成文日期", o.font_body, jc="right"),
            ParaStyle("GWNote", "附注", o.font_body, first_chars=2),
            ParaStyle("GWOrgMark", "发文机关标志", o.font_title, size=o.org_mark_size_pt,
                      line=int(round(o.org_mark_size_pt * 20)), jc="center", snap=False, color=o.red_color, **flat),
            ParaStyle("GWDocNumber", "发文字号", o.font_body, jc="center", red_rule=True),
            ParaStyle("GWSignerLine", "签发人", o.font_body, jc="left"),
            ParaStyle("GWBanji", "版记", o.font_body, size=BANJI_PT, jc="left", keep_next=True, snap=False),
            ParaStyle("GWBanjiSpacer", "版记前留白", o.font_body, size=1, jc="left", snap=False, keep_next=True),
            ParaStyle("GWPageNumber", "页码", o.font_page_number, size=BANJI_PT, line=None, snap=False,
                      own_latin=True, **flat),
        ]
        self.para = {s.sid: s for s in specs}
        chars = [
            CharStyle("GWHeading1Char", "一级标题字符", o.font_heading1),
            CharStyle("GWHeading2Char", "二级标题字符", o.font_heading2),
            CharStyle("GWHeading3Char", "三级标题字符", o.font_heading34, bold=o.bold_heading34),
            CharStyle("GWHeading4Char", "四级标题字符", o.font_heading34, bold=o.bold_heading34),
            CharStyle("GWSignerName", "签发人姓名", o.font_signer_name),
        ]
        self.char = {s.sid: s for s in chars}

    # -- metrics ---------------------------------------------------------------------------
    def pitch_pt(self, sid: str) -> float:
        """Advance of one full-width character of the style, in points."""
        s = self.para[sid]
        if s.tracking == 0:
            return s.size
        if self.portable:
            return s.size + TRACKING / 20
        return s.size + CHAR_SPACE / 4096

    def indent_unit(self, sid: str) -> float:
        """Twips of one character of ``*Chars`` indents: the type size, or on Word's character grid
        one grid cell."""
        spec = self.para[sid]
        if not self.portable and spec.snap and spec.tracking != 0:
            return self.pitch_pt(sid) * 20
        return spec.size * 20

    def font_of(self, sid: str, char_sid: Optional[str] = None) -> str:
        return self.char[char_sid].font if char_sid else self.para[sid].font

    # -- creation ----------------------------------------------------------------------------
    def install(self, document) -> None:
        styles_el = document.styles.element
        _prune_template(styles_el)
        self._fix_defaults(document)
        self._normal(document.styles["Normal"])
        for spec in self.para.values():
            el = _new_style(styles_el, WD_STYLE_TYPE.PARAGRAPH, spec.sid, spec.name)
            el.append(ooxml.make("basedOn", val="Normal"))
            if spec.next:
                el.append(ooxml.make("next", val=spec.next))
            el.append(ooxml.make("qFormat"))
            self._para_props(el, spec)
        for spec in self.char.values():
            el = _new_style(styles_el, WD_STYLE_TYPE.CHARACTER, spec.sid, spec.name)
            rpr = el.get_or_add_rPr()
            ooxml.set_fonts(rpr, spec.font, self.latin)
            ooxml.set_bold(rpr, spec.bold)

    def _fix_defaults(self, document) -> None:
        """docDefaults and every style without theme fonts; Chinese as the East Asian language.

        python-docx's template maps East Asian text to the minorEastAsia theme font with a Japanese
        theme language, i.e. MS Mincho; theme attributes would also beat explicit names.
        """
        styles_el = document.styles.element
        for fonts in styles_el.iter(qn("w:rFonts")):
            for attr in list(fonts.attrib):
                if attr.endswith("Theme") or attr.endswith("theme"):
                    del fonts.attrib[attr]
        defaults = styles_el.find(qn("w:docDefaults"))
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        ooxml.set_fonts(rpr, self.options.font_body, self.latin)
        ooxml.set_size(rpr, BODY_PT)
        ooxml.set_lang_zh(rpr)
        ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
        ooxml.set_spacing(ppr, line=None)

    def _normal(self, style) -> None:
        rpr = style.element.get_or_add_rPr()
        ooxml.set_fonts(rpr, self.options.font_body, self.latin)
        ooxml.set_size(rpr, BODY_PT)
        ooxml.set_color(rpr, "000000")
        if self.portable:
            ooxml.set_tracking(rpr, TRACKING)
        ooxml.set_lang_zh(rpr)
        ppr = style.element.get_or_add_pPr()
        # Word's widow control would end pages early; a 公文 fills all 22 lines (LibreOffice applies
        # it unless switched off explicitly).
        ooxml.set_flag(ppr, "widowControl", False)
        # Word's default, written out for LibreOffice, which reads this flag inverted (its import sets
        # "hanging punctuation" when the value is 0, and hangs when it is absent): with "1" it keeps
        # commas and full stops inside the 156 mm block, where Word may let them hang as it always does.
        ooxml.set_flag(ppr, "overflowPunct", True)
        # No extra space between Chinese and digits/Latin (Word's and LibreOffice's default adds about
        # a quarter em): with it a line of 「办结1,180件」 holds fewer than 28 characters.
        ooxml.set_flag(ppr, "autoSpaceDE", False)
        ooxml.set_flag(ppr, "autoSpaceDN", False)
        ooxml.set_spacing(ppr, line=LINE)
        ooxml.set_indent(ppr)
        ooxml.set_jc(ppr, "both")

    def _para_props(self, style_el, spec: ParaStyle) -> None:
        ppr = style_el.get_or_add_pPr()
        if spec.keep_next:
            ooxml.set_flag(ppr, "keepNext")
        if not spec.snap:
            ooxml.snap_off(ppr)
        ooxml.set_spacing(ppr, line=spec.line, before=spec.space_before)
        ooxml.set_indent(ppr, first_chars=spec.first_chars, char_twips=int(spec.size * 20))
        ooxml.set_jc(ppr, spec.jc)
        if spec.outline is not None:
            ooxml.set_outline_level(ppr, spec.outline)
        if spec.red_rule:
            # No indents on this paragraph, so the border spans the 156 mm block; 11 pt ≈ 4 mm below
            # the 发文字号 (GB/T 9704 7.2.7).
            ooxml.set_border(ppr, "pBdr", "bottom", sz=self.options.red_line_eighths, color=self.options.red_color,
                             space=RED_RULE_SPACE)
        rpr = style_el.get_or_add_rPr()
        ooxml.set_fonts(rpr, spec.font, None if spec.own_latin else self.latin)
        ooxml.set_bold(rpr, spec.bold)
        if not spec.snap:
            ooxml.rpr_snap_off(rpr)
        if spec.color:
            ooxml.set_color(rpr, spec.color)
        if spec.tracking is not None:
            ooxml.set_tracking(rpr, spec.tracking)
        ooxml.set_size(rpr, spec.size)


# Template styles kept: the defaults every document needs. The rest of python-docx's 160 styles
# (Heading 1…, Title, table designs) carry theme fonts and blue colours; a clerk would see them in
# Word's style list, and WPS resolves their theme fonts and reports missing faces.
_KEEP = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}


def _prune_template(styles_el) -> None:
    for el in styles_el.findall(qn("w:style")):
        if el.get(qn("w:styleId")) not in _KEEP:
            styles_el.remove(el)


def _new_style(styles_el, kind, sid: str, name: str):
    """A custom style element (python-docx's add_style first scans every style for the name)."""
    el = styles_el.add_style_of_type(name, kind, False)
    el.set(qn("w:styleId"), sid)
    return el
