"""Group 4: the parts the 督察工作规定 requires of an annual report (report_structure.md §1.2).

A part is present when a section stands for it — by its tag, or by the meaning of
its heading (see :mod:`.outline`) — and has some text. 其他需要报告的情况 is optional.
"""
from __future__ import annotations

from ..report import Part
from .context import CheckContext
from .outline import Block, PART_KEYWORDS
from .problem import Severity
from .registry import Rule, rule

REQUIRED_PARTS = (Part.MEASURES, Part.SHORTCOMINGS, Part.FIRST_RESPONSIBLE, Part.NEXT_YEAR)
# Words with which a report explains causes (究其原因, 原因在于, 主要是由于 …).
CAUSE_WORDS = ("原因", "根源", "由于", "源于", "归因", "因为", "究其", "导致")

_HOW_TO_MARK = "可新增一节，或在提纲中为相应标题标注所属部分"


def _has_text(ctx: CheckContext, block: Block) -> bool:
    return any(p.strip() for b in ctx.outline.subtree(block.key) for p in b.section.paragraphs)


def _present(ctx: CheckContext, part: Part) -> bool:
    return any(_has_text(ctx, b) for b in ctx.outline.parts[part])


def _mentioned_in_text(ctx: CheckContext, part: Part) -> bool:
    words = PART_KEYWORDS[part]
    return any(w in p for b in ctx.outline.section_blocks if not b.in_plan
               for p in b.section.paragraphs for w in words)


@rule("P4-PART-MISSING", Severity.ERROR, "缺少必备部分", group=4)
def part_missing(ctx: CheckContext, r: Rule):
    for part in REQUIRED_PARTS:
        if _present(ctx, part):
            continue
        if part is Part.FIRST_RESPONSIBLE and _mentioned_in_text(ctx, part):
            continue  # P4-PART-NOT-HEADED says it more mildly
        found = ctx.outline.parts[part]
        if found:
            yield r.problem(f"年度报告必须包含「{part.label}」部分，已有标题但还没有正文", found[0].location(found[0].texts[0]))
        else:
            yield r.problem(f"年度报告必须包含「{part.label}」部分，没有找到；{_HOW_TO_MARK}")


@rule("P4-PART-NOT-HEADED", Severity.WARNING, "第一责任人部分没有单独标题", group=4)
def first_responsible_not_headed(ctx: CheckContext, r: Rule):
    part = Part.FIRST_RESPONSIBLE
    if not _present(ctx, part) and _mentioned_in_text(ctx, part):
        yield r.problem(f"「{part.label}」只在正文中提到，没有单独的标题；建议设一个小标题专门报告，{_HOW_TO_MARK}")


@rule("P4-NO-CAUSES", Severity.WARNING, "只写了不足、没有分析原因", group=4)
def causes_not_addressed(ctx: CheckContext, r: Rule):
    blocks = ctx.outline.parts[Part.SHORTCOMINGS]
    if not blocks or not any(_has_text(ctx, b) for b in blocks):
        return
    for block in blocks:
        for b in ctx.outline.subtree(block.key):
            texts = [b.section.heading, *b.section.paragraphs]
            if any(w in t for t in texts for w in CAUSE_WORDS):
                return
    first = blocks[0]
    yield r.problem("「存在的不足和原因」部分只列了不足，没有分析原因（如“究其原因，主要是……”）",
                    first.location(first.texts[0]))
