"""Raw WordprocessingML helpers for what python-docx does not model (fonts of all four slots,
character-unit indents, grid snapping, borders, tracking, horizontal scale, fields).

Children are inserted in schema order (Word refuses or silently repairs files that break it), so
every caller goes through :func:`set_child` instead of appending.
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Child order of w:pPr and w:rPr (ECMA-376 CT_PPrBase / CT_RPr), the parts this package writes.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
             "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
             "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
             "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
             "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
SECT_ORDER = ("footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType",
              "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
              "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
               "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook")
BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV", "between", "bar")

_ORDERS = {"pPr": PPR_ORDER, "rPr": RPR_ORDER, "sectPr": SECT_ORDER, "tblPr": TBLPR_ORDER,
           "pBdr": BORDER_SIDES, "tblBorders": BORDER_SIDES}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def make(tag: str, **attrs) -> "OxmlElement":
    """``make("spacing", line=579)`` → ``<w:spacing w:line="579"/>`` (None values are left out)."""
    el = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        if value is not None:
            el.set(qn(f"w:{key}"), str(value))
    return el


def set_child(parent, tag: str, **attrs):
    """The ``w:tag`` child of ``parent`` (created in schema order when missing) with ``attrs`` set."""
    found = parent.find(qn(f"w:{tag}"))
    if found is None:
        found = make(tag)
        order = _ORDERS.get(_local(parent.tag), ())
        rank = order.index(tag) if tag in order else len(order)
        later = next((c for c in parent if _local(c.tag) in order and order.index(_local(c.tag)) > rank), None)
        if later is None:
            parent.append(found)
        else:
            later.addprevious(found)
    for key, value in attrs.items():
        if value is not None:
            found.set(qn(f"w:{key}"), str(value))
    return found


def remove_child(parent, tag: str) -> None:
    for el in parent.findall(qn(f"w:{tag}")):
        parent.remove(el)


# -- run properties --------------------------------------------------------------------------
def set_fonts(rpr, east_asian: str, latin: str | None = None) -> None:
    """All four font slots, no theme fonts, and ``w:hint="eastAsia"``.

    python-docx's ``font.name`` fills only ascii/hAnsi, so Chinese text ignores it; theme attributes
    would win over the names; and without the hint Word sets quotes and dashes (U+2000–206F) in the
    hAnsi font.
    """
    latin = latin or east_asian
    fonts = set_child(rpr, "rFonts")
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    set_child(rpr, "rFonts", ascii=latin, hAnsi=latin, eastAsia=east_asian, cs=latin, hint="eastAsia")


def set_size(rpr, points: float) -> None:
    half = str(int(round(points * 2)))
    set_child(rpr, "sz", val=half)
    set_child(rpr, "szCs", val=half)


def set_bold(rpr, bold: bool) -> None:
    set_child(rpr, "b", val="1" if bold else "0")
    set_child(rpr, "bCs", val="1" if bold else "0")


def set_tracking(rpr, twentieths: int) -> None:
    """Character spacing added after every character, in 1/20 pt (negative = condensed)."""
    set_child(rpr, "spacing", val=twentieths)


def set_color(rpr, rgb: str) -> None:
    set_child(rpr, "color", val=rgb.upper())


def set_scale(rpr, percent: int) -> None:
    """Horizontal scale (字符缩放) in percent; keeps the height."""
    set_child(rpr, "w", val=percent)


def set_lang_zh(rpr) -> None:
    set_child(rpr, "lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")


def rpr_snap_off(rpr) -> None:
    set_child(rpr, "snapToGrid", val="0")


# -- paragraph properties ----------------------------------------------------------------------
def set_spacing(ppr, *, line: int | None = None, before: int = 0, after: int = 0, exact: bool = True) -> None:
    """Paragraph spacing in twips; ``line`` exact (or single when None). Auto spacing before/after off."""
    set_child(ppr, "spacing", before=before, beforeLines="0", beforeAutospacing="0", after=after,
              afterLines="0", afterAutospacing="0")
    if line is None:
        set_child(ppr, "spacing", line=240, lineRule="auto")
    else:
        set_child(ppr, "spacing", line=line, lineRule="exact" if exact else "atLeast")


def set_indent(ppr, *, first_chars: float = 0, hanging: int = 0, left: int = 0, right: int = 0,
               char_twips: int = 320) -> None:
    """Indents: the first line in characters, or ``hanging`` twips; the sides in twips.

    ``*Chars`` attributes (hundredths of a character) win over twips in Word, so they are always
    written, 0 included: a style's firstLineChars=200 would otherwise survive a twips-only 0, and
    0 lets the twips apply.
    """
    ind = set_child(ppr, "ind")
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    attrs = {"left": left, "leftChars": 0, "right": right, "rightChars": 0}
    if hanging:
        attrs.update(hanging=hanging, hangingChars=0, firstLineChars=0)
    else:
        attrs.update(firstLine=int(round(first_chars * char_twips)), firstLineChars=int(round(first_chars * 100)))
    set_child(ppr, "ind", **attrs)


def set_jc(ppr, value: str) -> None:
    set_child(ppr, "jc", val=value)


def snap_off(ppr) -> None:
    set_child(ppr, "snapToGrid", val="0")


def set_flag(ppr, tag: str, on: bool = True) -> None:
    set_child(ppr, tag, val="1" if on else "0")


def set_outline_level(ppr, level: int) -> None:
    set_child(ppr, "outlineLvl", val=level)


def set_border(parent_pr, container: str, side: str, *, sz: int, color: str = "000000", space: int = 0,
               val: str = "single") -> None:
    """One border line: ``container`` is pBdr (paragraph) or tblBorders (table); sz in 1/8 pt, space in pt."""
    box = set_child(parent_pr, container)
    set_child(box, side, val=val, sz=sz, space=space, color=color.upper())


def set_tab(ppr, pos: int, kind: str = "right") -> None:
    tabs = set_child(ppr, "tabs")
    tabs.append(make("tab", val=kind, pos=pos))


# -- fields ---------------------------------------------------------------------------------
def field_runs(instruction: str, cached: str, rpr_factory) -> list:
    """A complex field (begin / instrText / separate / cached result / end) as a list of w:r elements;
    python-docx has no field API. ``rpr_factory()`` returns a fresh w:rPr for each run."""
    runs = []

    def run(*children):
        r = make("r")
        r.append(rpr_factory())
        for c in children:
            r.append(c)
        runs.append(r)

    run(make("fldChar", fldCharType="begin"))
    instr = make("instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run(instr)
    run(make("fldChar", fldCharType="separate"))
    text = make("t")
    text.text = cached
    run(text)
    run(make("fldChar", fldCharType="end"))
    return runs
