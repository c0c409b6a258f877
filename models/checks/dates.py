"""Group 5: dates and years (report_structure.md §2.3 item 8).

The title names the report year; the plan part names the next year; no text is still
last year's (the 【待更新】 mark of a report started from last year's); the 成文日期
lies after the report year began and not in the future; the 发文字号 carries the
year of the 成文日期; the document is not printed before it is signed.
"""
from __future__ import annotations

import datetime as _dt
import re

from ..numbering import format_cn_date
from ..report import Part
from ..rollover import PENDING_MARK, is_pending
from .context import CheckContext
from .outline import Block, meta_path
from .problem import MetaLocation, Severity
from .registry import Rule, rule

# A year in text; not the ends of a period such as 2021—2025年 or 2021年—2025年.
_YEAR = re.compile(r"(?<![\d—\-–~～至到])((?:19|20)\d{2})年(?!\s*[—\-–~～至到])")
# Beyond this a date is more likely a wrong report year than a late report.
_LATE_AFTER_YEARS = 1


def years_in(text: str) -> list[tuple[int, int, int]]:
    """(year, start, end) of each year named in the text."""
    return [(int(m.group(1)), m.start(1), m.end(1)) for m in _YEAR.finditer(text)]


def _meta(field: str, span=None) -> MetaLocation:
    return MetaLocation(field, None, span, meta_path(field))


@rule("D5-TITLE-YEAR", Severity.ERROR, "标题年份与报告年度不符", group=5)
def title_year(ctx: CheckContext, r: Rule):
    year = ctx.report.meta.report_year
    for found, start, end in years_in(ctx.report.meta.effective_title):
        if found != year:
            yield r.problem(f"标题写的是{found}年，报告年度是{year}年", _meta("title", (start, end)),
                            (_meta("report_year"),))


@rule("D5-TITLE-NO-YEAR", Severity.WARNING, "标题没有写年度", group=5)
def title_without_year(ctx: CheckContext, r: Rule):
    if not years_in(ctx.report.meta.effective_title):
        yield r.problem(f"标题中没有年度，一般写作「……关于{ctx.report.meta.report_year}年度法治政府建设情况的报告」",
                        _meta("title"))


def _part_headings(ctx: CheckContext, part: Part) -> list[Block]:
    return [b for b in ctx.outline.parts[part] if b.level == 1]


def _heading_year_problems(r: Rule, blocks: list[Block], expected: int, what: str):
    for block in blocks:
        ref = block.texts[0]
        found = years_in(ref.text)
        if found and all(y != expected for y, _, _ in found):
            y, start, end = found[0]
            yield r.problem(f"{what}的标题写的是{y}年，应为{expected}年", block.location(ref, (start, end)))


@rule("D5-PLAN-YEAR", Severity.ERROR, "下一年度安排的年份不对", group=5)
def plan_year(ctx: CheckContext, r: Rule):
    """A plan heading that names a year must name the year after the report year."""
    yield from _heading_year_problems(r, _part_headings(ctx, Part.NEXT_YEAR), ctx.report.meta.report_year + 1,
                                      "下一年度主要安排")


@rule("D5-PART-YEAR", Severity.WARNING, "工作情况或不足部分的年份不对", group=5)
def part_year(ctx: CheckContext, r: Rule):
    """The usual trace of a report copied from last year's: 「一、2023年…工作情况」 in 2024's."""
    year = ctx.report.meta.report_year
    plan = {b.key for b in ctx.outline.parts[Part.NEXT_YEAR]}
    for part in (Part.MEASURES, Part.SHORTCOMINGS):
        blocks = [b for b in _part_headings(ctx, part) if b.key not in plan]
        yield from _heading_year_problems(r, blocks, year, f"「{part.label}」")


@rule("D5-PENDING-UPDATE", Severity.ERROR, "仍是上年报告的原文", group=5, scope="block")
def pending_update(ctx: CheckContext, r: Rule, block: Block):
    """A report started from last year's keeps last year's text under a 「【待更新】」 paragraph
    until the user rewrites it; the marker would be printed in the document."""
    if block.kind not in ("preamble", "section"):
        return
    for ref in block.texts:
        if ref.field == "paragraph" and is_pending(ref.text):
            yield r.problem("仍标有「【待更新】」（下面是上年报告的原文）：按本年情况改写后，删除这一段",
                            block.location(ref, (0, len(PENDING_MARK))))


@rule("D5-SIGNING-MISSING", Severity.WARNING, "未填成文日期", group=5)
def signing_missing(ctx: CheckContext, r: Rule):
    if ctx.report.meta.signing_date is None:
        yield r.problem("还没有填写成文日期（落款日期）", _meta("signing_date"))


@rule("D5-SIGNING-EARLY", Severity.ERROR, "成文日期早于报告年度", group=5)
def signing_early(ctx: CheckContext, r: Rule):
    meta = ctx.report.meta
    if meta.signing_date and meta.signing_date < _dt.date(meta.report_year, 1, 1):
        yield r.problem(f"成文日期 {meta.signing_date_text} 早于报告年度{meta.report_year}年，"
                        f"报告只能在年度开始之后成文", _meta("signing_date"), (_meta("report_year"),))


# Annual reports are signed from the last weeks of the year (广州: late November) to the
# first quarter of the next; a date before this month of the report year itself is most
# likely the year typed wrong (2024-01-05 for 2025-01-05).
_EARLIEST_MONTH = 10


@rule("D5-SIGNING-MIDYEAR", Severity.WARNING, "成文日期在报告年度结束前很早", group=5)
def signing_midyear(ctx: CheckContext, r: Rule):
    meta = ctx.report.meta
    date = meta.signing_date
    if date and date.year == meta.report_year and date.month < _EARLIEST_MONTH:
        yield r.problem(f"成文日期 {meta.signing_date_text} 时{meta.report_year}年度还远未结束，年度报告一般在年末或"
                        f"次年年初成文；是否应为{meta.report_year + 1}年？", _meta("signing_date"),
                        (_meta("report_year"),))


@rule("D5-SIGNING-FUTURE", Severity.WARNING, "成文日期在今天之后", group=5)
def signing_future(ctx: CheckContext, r: Rule):
    """A warning: a draft may carry the planned signing date."""
    meta = ctx.report.meta
    if meta.signing_date and meta.signing_date > ctx.today:
        yield r.problem(f"成文日期 {meta.signing_date_text} 在今天之后，请在报出前核对", _meta("signing_date"))


@rule("D5-SIGNING-LATE", Severity.WARNING, "成文日期比报告年度晚一年以上", group=5)
def signing_late(ctx: CheckContext, r: Rule):
    meta = ctx.report.meta
    if meta.signing_date and meta.signing_date.year > meta.report_year + _LATE_AFTER_YEARS:
        yield r.problem(f"成文日期 {meta.signing_date_text} 比报告年度{meta.report_year}年晚一年以上，"
                        f"请核对报告年度", _meta("signing_date"), (_meta("report_year"),))


@rule("D5-DOCNO-YEAR", Severity.ERROR, "发文字号年份与成文日期不符", group=5)
def doc_number_year(ctx: CheckContext, r: Rule):
    meta = ctx.report.meta
    year = meta.doc_number.year
    if year is not None and meta.signing_date and year != meta.signing_date.year:
        yield r.problem(f"发文字号的年份〔{year}〕与成文日期 {meta.signing_date_text} 的年份不同",
                        _meta("doc_number"), (_meta("signing_date"),))


@rule("D5-PRINTING-BEFORE-SIGNING", Severity.ERROR, "印发日期早于成文日期", group=5)
def printing_before_signing(ctx: CheckContext, r: Rule):
    meta = ctx.report.meta
    if meta.printing_date and meta.signing_date and meta.printing_date < meta.signing_date:
        yield r.problem(f"印发日期 {format_cn_date(meta.printing_date)} 早于成文日期 {meta.signing_date_text}",
                        _meta("printing_date"), (_meta("signing_date"),))
