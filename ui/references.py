"""Live number references ``{{ID}}`` in the text, as the editors show and explain them."""
from __future__ import annotations

from typing import Optional

from models.catalogue import Catalogue, default_catalogue
from models.refs import REF_RE, make_ref, render_refs
from models.report import Report


def shown_value(report: Report, indicator_id: str, catalogue: Optional[Catalogue] = None) -> str:
    """What the reference becomes in the exported text, with the unit: 1520人次, 〔未填：…〕."""
    catalogue = catalogue or default_catalogue()
    text = render_refs(make_ref(indicator_id), report, catalogue)
    ind = catalogue.resolve(indicator_id, report)
    return text if ind is None or text.startswith("〔") else text + ind.unit


def reference_tip(report: Report, indicator_id: str, catalogue: Optional[Catalogue] = None) -> str:
    catalogue = catalogue or default_catalogue()
    ind = catalogue.resolve(indicator_id, report)
    name = ind.name if ind else "（指标目录中没有这个编号）"
    return (f"{make_ref(indicator_id)} 引用统计指标「{name}」，当前为 {shown_value(report, indicator_id, catalogue)}。"
            "导出时替换为这个数字；统计指标改了，这里随之改变。")


def references_in(paragraphs: list[str]) -> list[str]:
    """Indicator ids referred to, in order of first appearance."""
    seen: dict[str, None] = {}
    for p in paragraphs:
        for m in REF_RE.finditer(p):
            seen.setdefault(m.group(1))
    return list(seen)


def reference_at(text: str, position: int) -> Optional[str]:
    """The indicator id of the reference covering ``position`` in ``text``."""
    for m in REF_RE.finditer(text):
        if m.start() <= position <= m.end():
            return m.group(1)
    return None
