"""Live references to indicator values inside the text: ``{{B05}}``.

A number typed once in the statistics form appears wherever the text refers to
it; the exporters and the checks see the number, never the marker.
"""
from __future__ import annotations

import re
from typing import Optional

from .catalogue import Catalogue, default_catalogue
from .report import Report
from .text import clean_text

REF_RE = re.compile(r"\{\{([A-Za-z][A-Za-z0-9_]{0,15})\}\}")


def make_ref(indicator_id: str) -> str:
    return "{{" + indicator_id + "}}"


def render_refs(text: str, report: Report, catalogue: Optional[Catalogue] = None) -> str:
    """Replace every ``{{ID}}`` with the indicator's value as written in a report (460余).

    A reference to an empty or unknown indicator becomes 〔未填：名称〕 so that it
    cannot slip into an exported document unnoticed (the checks flag it).
    """
    if "{{" not in text:
        return text
    catalogue = catalogue or default_catalogue()

    def repl(m: re.Match) -> str:
        ind_id = m.group(1)
        ind = catalogue.resolve(ind_id, report)
        written = catalogue.written(report, ind_id) if ind else ""
        # A custom indicator's name or unit as typed may hold a line break; a reference is
        # part of one line (a break would split the paragraph in the editor and in Word).
        return clean_text(written or f"〔未填：{ind.name if ind else ind_id}〕", keep_newlines=False)

    return REF_RE.sub(repl, text)
