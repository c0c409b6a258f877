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
    """The tooltip of a live number in the text."""
    catalogue = catalogue or default_catalogue()
    ind = catalogue.resolve(indicator_id, report)
    if ind is None:
        return f"引用：{indicator_id}，指标目录中没有这个编号。请删除这个引用，或改为直接输入数字。"
    shown = shown_value(report, indicator_id, catalogue)
    if shown.startswith("〔"):
        return f"引用：{indicator_id} {ind.name}，随统计表自动更新。\n统计表中尚未填写这个指标，导出前请填写。"
    return f"引用：{indicator_id} {ind.name}，随统计表自动更新。\n当前为 {shown}，导出时就是这个数字。"


def references_in(paragraphs: list[str]) -> list[str]:
    """Indicator ids referred to, in order of first appearance."""
    seen: dict[str, None] = {}
    for p in paragraphs:
        for m in REF_RE.finditer(p):
            seen.setdefault(m.group(1))
    return list(seen)

