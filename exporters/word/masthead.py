"""The 版头 of the official version (GB/T 9704 7.2): 发文机关标志 in red 小标宋 35 mm below the top of
the text block, narrowed to fit the block; the 发文字号 two lines below it (centred, or for a report
to a higher organ 左空一字 with the 签发人 右空一字 on the same line); the red separator line."""
from __future__ import annotations

import math

from models.report import Report
from models.text import display_width

from . import ooxml
from .layout import advances
from .styles import BLOCK_W, LINE, RED_RULE_SPACE
from .writer import DocWriter

# Space above the 标志 so that its em box's top edge lies 35 mm below the text block's top: the
# paragraph's exact line height equals the type size, and the glyphs' em box starts that far
# below the line's top (measured in LibreOffice's render, see docs/word-export.md).
ORG_MARK_TOP = 2030          # 35 mm (1984 tw) + 0.8 mm for the em box below the line's top
SIGNER_TAB = BLOCK_W - 320   # right tab: 签发人 右空一字
DOCNUM_INDENT = 320          # 发文字号 左空一字 (a leading U+3000, so that the red border stays full width)
CHAR_GAP = 320               # at least one character between the 发文字号 and the 签发人
MIN_NUMBER_SCALE = 60        # a narrower 发文字号 would be hard to read
FULL_SPACE = "\u3000"
LINES_BELOW_MARK = 2
TITLE_LINES_BELOW_RULE = 2


def org_mark_fit(text: str, size_pt: float, min_scale: int) -> tuple[float, int]:
    """(size in pt, horizontal scale in %) so that the 标志 fits the 442.25 pt block on one line."""
    units = max(display_width(text), 1)
    width = BLOCK_W / 20
    scale = min(100, math.floor(width / (units * size_pt) * 100))
    if scale >= min_scale:
        return size_pt, scale
    size = math.floor(width / (units * min_scale / 100) * 2) / 2  # whole half points
    return size, min_scale


def write_masthead(w: DocWriter, report: Report) -> tuple[list[str], int]:
    """Returns (warnings, the title's space before in twips)."""
    meta, options = report.meta, w.sheet.options
    problems = []
    organ = w.prep.inline(meta.organ_name)
    if not organ:
        problems.append("未填写发文机关名称，正式版版头中没有发文机关标志。")
    text = organ + options.org_mark_suffix if organ else ""
    size, scale = org_mark_fit(text, options.org_mark_size_pt, options.org_mark_min_scale)
    line = int(round(size * 20))
    mark = w.paragraph("GWOrgMark", text, where="发文机关标志", space_before=ORG_MARK_TOP, line=line, lines=1)
    for run in mark.runs:
        rpr = run._r.get_or_add_rPr()
        ooxml.set_size(rpr, size)
        ooxml.set_scale(rpr, scale)

    number = w.prep.inline(meta.doc_number.format())  # the 机关代字 is typed text like any other
    if not number:
        problems.append("未填写发文字号，正式版版头中没有发文字号（可在「基本信息」中填写机关代字、年份和序号）。")
    signers = [w.prep.inline(s) for s in meta.signers if w.prep.inline(s)]
    space = LINES_BELOW_MARK * LINE
    if signers:
        problems += _write_signers(w, number, signers, space)
    else:
        w.paragraph("GWDocNumber", number, where="发文字号", space_before=space)
    w.flow.fixed(RED_RULE_SPACE * 20 + options.red_line_eighths * 20 // 8)
    return problems, TITLE_LINES_BELOW_RULE * LINE


def _write_signers(w: DocWriter, number: str, signers: list[str], space: int) -> list[str]:
    """上行文 (7.2.5, 7.2.6): two names a line, 右空一字, later lines aligned with the first name of the
    line above; the 发文字号 左空一字 on the line of the last names. A 发文字号 that would run into the
    names is narrowed (7.3.5.5 allows adjusting character spacing); below MIN_NUMBER_SCALE it is
    left to wrap, with a warning."""
    advance = _advancer(w)
    pairs = [FULL_SPACE.join(signers[i:i + 2]) for i in range(0, len(signers), 2)]
    label = "签发人："
    # The names' column: the widest line ends 右空一字; the first line's label stands before it.
    column = SIGNER_TAB - max(advance(p) for p in pairs)
    first_tab = column + advance(pairs[0])
    for i, names in enumerate(pairs[:-1]):
        runs = [("\t" + label, None), (names, "GWSignerName")] if i == 0 else [("\t", None), (names, "GWSignerName")]
        w.paragraph("GWSignerLine", runs, where="签发人", tabs=[first_tab if i == 0 else (column, "left")],
                    space_before=space if i == 0 else 0, lines=1)
    only = len(pairs) == 1
    lead = label if only else ""
    names_start = column - (advance(label) if only else 0)
    room = names_start - CHAR_GAP - DOCNUM_INDENT
    need = advance(number)
    scale = 100 if need <= room else max(MIN_NUMBER_SCALE, int(room * 100 // need))
    problems = []
    if need * scale / 100 > room:
        problems.append(f"发文字号「{number}」与签发人姓名排不进一行，请缩短机关代字或减少签发人。")
    paragraph = w.paragraph("GWDocNumber", [(FULL_SPACE, None), (number, None), ("\t" + lead, None),
                                            (pairs[-1], "GWSignerName")],
                            where="发文字号、签发人", tabs=[first_tab if only else (column, "left")],
                            space_before=space if only else 0, lines=2 if problems else 1, jc="left")
    if scale < 100:
        rpr = paragraph.runs[1]._r.get_or_add_rPr()
        ooxml.set_scale(rpr, scale)
        ooxml.rpr_snap_off(rpr)  # on Word's character grid a snapped character fills its cell, narrowed or not
    return problems


def _advancer(w: DocWriter):
    """Width in twips of a text in the 发文字号's line (the wider stand-in digits counted)."""
    em = w.sheet.para["GWDocNumber"].size * 20
    tracking = (w.sheet.pitch_pt("GWDocNumber") - w.sheet.para["GWDocNumber"].size) * 20
    return lambda text: int(round(sum(advances(text, em, tracking))))
