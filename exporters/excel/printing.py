"""Page setup shared by every sheet: A4, margins, repeated header rows, page footer."""
from __future__ import annotations

from typing import Optional

from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

A4 = 9  # ECMA-376 paperSize code
PAGE_FOOTER = "第 &P 页 共 &N 页"


def setup_page(ws: Worksheet, *, landscape: bool, title_rows: Optional[tuple[int, int]] = None,
               title_columns: Optional[str] = None, fit_width: Optional[int] = 1,
               freeze: Optional[str] = None) -> None:
    """``fit_width``: pages across (1 = the whole width on one page); None prints at 100 %.

    Excel ignores fitToWidth unless the sheet property fitToPage is set too.
    fitToHeight=0 lets the pages run on downwards.
    """
    ps = ws.page_setup
    ps.paperSize = A4
    ps.orientation = "landscape" if landscape else "portrait"
    if fit_width:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ps.fitToWidth = fit_width
        ps.fitToHeight = 0
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.7, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    if title_columns:
        ws.print_title_cols = title_columns
    if freeze:
        ws.freeze_panes = freeze
    ws.oddFooter.center.text = PAGE_FOOTER
    ws.oddFooter.center.font = "宋体"
    ws.oddFooter.center.size = 9
