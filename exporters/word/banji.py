"""The 版记 of the official version (GB/T 9704 7.4): 抄送 and 印发机关/印发日期 in 4号仿宋 between rules
as wide as the text block (first and last 0.35 mm, the middle 0.25 mm), as one table, on the bottom
of the last page.

Placement: Word could hold a table on the page bottom by itself (a floating table anchored to the
bottom margin, or a last section aligned to the bottom), but LibreOffice ignores both and WPS was
not checked. So the table stays in the text flow and an empty paragraph of exact height in front
of it fills the rest of the last page, its height taken from the page-flow estimate
(:mod:`.layout`). Every renderer then puts the 版记 where the estimate says; if an edited document
flows differently, the spacer (style 版记前留白) is the one paragraph to shorten or delete.
"""
from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Twips

from models.numbering import format_cn_date
from models.report import Report
from models.text import display_width
from models.title_breaks import break_title

from . import ooxml
from .styles import BANJI_PT, BLOCK_H, BLOCK_W, LINE
from .layout import SLACK, advances
from .writer import DocWriter, Indent

RULE_OUTER, RULE_INNER = 8, 6   # 1/8 pt: 1 pt ≈ 0.35 mm, 0.75 pt ≈ 0.26 mm
EM = int(BANJI_PT * 20)         # one 4号 character: 左右各空一字
FINAL_LINE = 20                 # the document's closing paragraph after the table (1 pt)
MIN_ISSUER_SCALE = 60           # narrower 印发机关 text would be hard to read; it is broken into lines instead


def banji_rows(w: DocWriter, report: Report) -> tuple[list[tuple[str, object]], list[str]]:
    """The 版记's lines and warnings: ("抄送", text) when there is one, and ("印发", (organ, date text))."""
    meta = report.meta
    problems = []
    rows = []
    cc = [w.prep.inline(c).rstrip("。，,；;、") for c in meta.cc]
    cc = [c for c in cc if c]
    if cc:
        rows.append(("抄送", "抄送：" + "，".join(cc) + "。"))
    organ = w.prep.inline(meta.printing_organ or meta.organ_name)
    day = meta.printing_date or meta.signing_date
    if not day:
        problems.append("未填写印发日期和成文日期，版记中没有印发日期。")
    rows.append(("印发", (organ, format_cn_date(day) + "印发" if day else "")))
    return rows, problems


def write_banji(w: DocWriter, report: Report) -> list[str]:
    rows, problems = banji_rows(w, report)
    rows = [(kind, _fit_issuer(w, *text) if kind == "印发" else text) for kind, text in rows]
    heights = [_row_height(w, kind, text) for kind, text in rows]
    table_height = sum(heights) + _rules_height(len(rows))
    if w.sheet.options.banji_placement == "bottom":
        _spacer(w, table_height)
    table = w.document.add_table(rows=len(rows), cols=1)
    _format_table(table)
    for row, (kind, text) in zip(table.rows, rows):
        paragraph = row.cells[0].paragraphs[0]
        if kind == "抄送":
            # Continuation lines align after the colon; 右空一字 where a line wraps.
            lead = display_width("抄送：") * _advance(w)
            w.fill(paragraph, "GWBanji", text, where="版记",
                   indent=Indent(hanging=int(round(lead)), left=EM + int(round(lead)), right=EM))
        else:
            organ, date, scale = text
            w.fill(paragraph, "GWBanji", [(organ, None), ("\t" + date, None)], where="版记",
                   indent=Indent(left=EM), tabs=[BLOCK_W - EM])
            if scale < 100:
                ooxml.set_scale(paragraph.runs[0]._r.get_or_add_rPr(), scale)
    w.flow.fixed(table_height)
    closing = w.document.add_paragraph()
    w.fill(closing, "GWBanjiSpacer", "", where="版记", line=FINAL_LINE)
    return problems


def _advance(w: DocWriter) -> float:
    return w.sheet.pitch_pt("GWBanji") * 20


def _row_height(w: DocWriter, kind: str, text) -> int:
    if kind != "抄送":
        return LINE * (text[0].count("\n") + 1)
    lead = display_width("抄送：") * _advance(w)
    return LINE * w.flow.measure("GWBanji", text, geometry=(-int(lead), EM + int(lead), EM))


def _fit_issuer(w: DocWriter, organ: str, date: str) -> tuple[str, str, int]:
    """(印发机关 as printed, date, horizontal scale in %). A long 印发机关 is narrowed to keep the date on
    its line, one character apart (GB/T 9704 7.3.5.5 allows narrowing when there is no room); one too
    long even at MIN_ISSUER_SCALE is broken into lines that keep words whole, the date on the last
    (left to wrap by itself, the date would split and the 版记 grow past its estimate)."""
    tracking = (w.sheet.pitch_pt("GWBanji") - BANJI_PT) * 20
    room = BLOCK_W - 2 * EM - EM - sum(advances(date, EM, tracking))
    need = sum(advances(organ, EM, tracking))
    if need <= room:
        return organ, date, 100
    if need * MIN_ISSUER_SCALE / 100 <= room:
        return organ, date, int(room / need * 100)
    char = EM + tracking
    lines = break_title(organ, (BLOCK_W - 2 * EM) / char)  # the lines above the date's may be full
    if sum(advances(lines[-1], EM, tracking)) > room:
        lines = break_title(organ, room / char)
    return "\n".join(lines), date, 100


def _rules_height(rows: int) -> int:
    """What the rules add to the table's height (measured in LibreOffice: borders take room)."""
    return (2 * RULE_OUTER + (rows - 1) * RULE_INNER) * 20 // 8


def _spacer(w: DocWriter, table_height: int) -> None:
    """An empty paragraph of exact height that fills the last page down to the 版记."""
    _, used = w.flow.end()
    need = table_height + FINAL_LINE + SLACK
    if used + need <= BLOCK_H:
        height, new_page = BLOCK_H - used - need, False
    else:
        height, new_page = BLOCK_H - need, True
    if height >= 20 or new_page:
        paragraph = w.document.add_paragraph()
        w.fill(paragraph, "GWBanjiSpacer", "", where="版记", line=max(height, 20), page_break_before=new_page)
        w.flow.paragraph("GWBanjiSpacer", "", geometry=(0, 0, 0), space_before=0, line=max(height, 20),
                         page_break_before=new_page)


def _format_table(table) -> None:
    """Full block width, not indented, no cell margins; rules top/between/bottom only; rows unsplit."""
    tbl = table._tbl
    tblpr = tbl.tblPr
    ooxml.remove_child(tblpr, "tblStyle")
    ooxml.set_child(tblpr, "tblW", w=BLOCK_W, type="dxa")
    ooxml.set_child(tblpr, "tblInd", w=0, type="dxa")
    for side, sz in (("top", RULE_OUTER), ("bottom", RULE_OUTER), ("insideH", RULE_INNER)):
        ooxml.set_border(tblpr, "tblBorders", side, sz=sz)
    for side in ("left", "right", "insideV"):
        ooxml.set_border(tblpr, "tblBorders", side, sz=0, val="nil")
    ooxml.set_child(tblpr, "tblLayout", type="fixed")
    margins = ooxml.set_child(tblpr, "tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margins.append(ooxml.make(side, w=0, type="dxa"))
    for col in tbl.tblGrid.findall(qn("w:gridCol")):
        col.set(qn("w:w"), str(BLOCK_W))
    for row in table.rows:
        trpr = row._tr.get_or_add_trPr()
        trpr.append(ooxml.make("cantSplit"))
        row.cells[0].width = Twips(BLOCK_W)
