"""Top-level sections → the parts the 督察工作规定 requires, by the words of the heading.

Real reports vary (4–5 parts, 第一责任人 first, 一、二、三 used for achievement
themes only), so the ordinal never decides. Keywords: report_structure.md §1.5.
"""
from __future__ import annotations

from typing import Optional

from models.report import Part, Section

# Checked in this order: a plan heading often says 工作 too, and a 第一责任人 heading says 情况.
_KEYWORDS: tuple[tuple[Part, tuple[str, ...]], ...] = (
    (Part.FIRST_RESPONSIBLE, ("第一责任人", "主要负责人", "主要负责同志")),
    (Part.SHORTCOMINGS, ("问题", "不足", "短板", "差距", "原因")),
    (Part.NEXT_YEAR, ("计划", "安排", "打算", "下一步", "思路", "下一年", "明年")),
    (Part.MEASURES, ("成效", "举措", "工作情况", "完成情况", "亮点", "主要做法", "工作开展", "开展情况",
                     "进展情况", "主要工作", "工作回顾")),
    (Part.OTHER, ("其他",)),
)


def part_of_heading(heading: str, report_year: Optional[int] = None) -> Optional[Part]:
    """The part a top-level heading names, or None when its words say nothing."""
    for part, words in _KEYWORDS:
        if any(w in heading for w in words):
            return part
    if report_year and f"{report_year + 1}年" in heading:
        return Part.NEXT_YEAR  # 「2025年重点工作」 in a 2024 report is the plan
    return None


def assign_parts(sections: list[Section], report_year: Optional[int] = None) -> None:
    """Set ``part`` on each top-level section.

    Sections that name no part and come before the first 不足/安排 section are the
    achievement themes of reports that spread part 1 over several 一、二、三 —
    but only when no section names part 1 itself.
    """
    for s in sections:
        s.part = part_of_heading(s.heading, report_year)
    if any(s.part is Part.MEASURES for s in sections):
        return
    later = next((i for i, s in enumerate(sections) if s.part in (Part.SHORTCOMINGS, Part.NEXT_YEAR)), None)
    if later is None:
        return
    for s in sections[:later]:
        if s.part is None:
            s.part = Part.MEASURES
