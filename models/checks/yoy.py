"""Group 3: this year's statistics against last year's.

Last year's figure is the 上年 column of this report, or else the value in last
year's report file when one is given. A jump by more than ten times either way is
usually a digit typed too many or too few.
"""
from __future__ import annotations

from typing import Iterator, Optional

from ..catalogue import Indicator
from ..report import Number, Report, format_number
from ..text import name_key
from .context import CheckContext
from .problem import Severity
from .quantities import interval_of
from .registry import Rule, rule

JUMP_FACTOR = 10
# Below this neither year is large enough for a ratio to mean much (0 → 3 复议案件).
JUMP_MIN = 10


def _indicators(ctx: CheckContext) -> Iterator[Indicator]:
    for ind in ctx.catalogue.indicators_for(ctx.report):
        if ind.type != "change":
            yield ind


def _organ(report: Report) -> str:
    return name_key(report.meta.organ_name)


def _last_report_mismatch(ctx: CheckContext) -> str:
    """Why the report given as last year's cannot be compared with this one ("" = it can):
    another year's or another office's figures would be offered as 「可照填」."""
    last = ctx.last_year
    if last is None:
        return ""
    wanted = ctx.report.meta.report_year - 1
    if last.meta.report_year != wanted:
        return f"所选的上年报告是 {last.meta.report_year} 年度的，不是 {wanted} 年度"
    mine, theirs = _organ(ctx.report), _organ(last)
    # 「青石街道」 and 「青石街道办事处」 are the same office written shorter.
    if mine and theirs and mine not in theirs and theirs not in mine:
        return f"所选的上年报告是「{last.meta.organ_name.strip()}」的，不是本单位「{ctx.report.meta.organ_name.strip()}」的"
    return ""


def _last_file_value(ctx: CheckContext, ind: Indicator) -> Optional[Number]:
    """The indicator's value in last year's report file (a custom indicator only when
    last year's has the same id and the same name); None when that file is not this
    office's report of the year before."""
    last = ctx.last_year
    if last is None or _last_report_mismatch(ctx):
        return None
    if ind.custom:
        other = last.custom_indicator(ind.id)
        if other is None or other.name != ind.name:
            return None
    return ctx.catalogue.effective(last, ind.id)


@rule("Y3-JUMP", Severity.WARNING, "与上年相差超过10倍", group=3)
def jump_from_last_year(ctx: CheckContext, r: Rule):
    for ind in _indicators(ctx):
        value = ctx.effective(ind.id)
        if value is None:
            continue
        last, source = ctx.effective(ind.id, "last_year"), "上年数"
        if last is None:
            last, source = _last_file_value(ctx, ind), "上年报告"
        if last is None or last <= 0 or max(value, last) < JUMP_MIN:
            continue
        if value > last * JUMP_FACTOR or value * JUMP_FACTOR < last:
            more = "多" if value > last else "少"
            yield r.problem(f"{ctx.name(ind.id)}本年 {ctx.shown(ind.id)}，{source}为 {format_number(last)}，"
                            f"相差超过{JUMP_FACTOR}倍，请核对是否{more}写了一位数", ctx.indicator_location(ind.id),
                            (ctx.indicator_location(ind.id, "last_year"),))


def _derived_in_last_file(ctx: CheckContext, ind: Indicator) -> bool:
    return ctx.catalogue.computed(ctx.last_year, ind.id) is not None


@rule("Y3-LAST-MISSING", Severity.HINT, "上年数未填而上年报告有", group=3)
def last_year_missing(ctx: CheckContext, r: Rule):
    """Needs last year's report; rates computed there from their parts follow the parts."""
    for ind in _indicators(ctx):
        last = _last_file_value(ctx, ind)
        if last is None or _derived_in_last_file(ctx, ind) or ctx.effective(ind.id, "last_year") is not None:
            continue
        yield r.problem(f"{ctx.name(ind.id)}上年数未填，上年报告中为 {format_number(last)}{ind.unit}，可照填",
                        ctx.indicator_location(ind.id, "last_year"))


@rule("Y3-LAST-DIFFERS", Severity.HINT, "上年数与上年报告不同", group=3)
def last_year_differs(ctx: CheckContext, r: Rule):
    """Needs last year's report. A hint only: last year's figure may have been corrected."""
    for ind in _indicators(ctx):
        last = _last_file_value(ctx, ind)
        typed = ctx.effective(ind.id, "last_year")
        if last is None or typed is None or _derived_in_last_file(ctx, ind):
            continue
        last_range = interval_of(last, ctx.last_year.value_of(ind.id).qualifier)
        if interval_of(typed, ctx.qualifier(ind.id, "last_year")).meets(last_range):
            continue
        yield r.problem(f"{ctx.name(ind.id)}上年数为 {ctx.shown(ind.id, 'last_year')}，上年报告中为 "
                        f"{format_number(last)}{ind.unit}，请确认", ctx.indicator_location(ind.id, "last_year"))


@rule("Y3-DROPPED", Severity.HINT, "上年报告有而本年未填", group=3)
def dropped_since_last_year(ctx: CheckContext, r: Rule):
    """Needs last year's report."""
    for ind in _indicators(ctx):
        last = _last_file_value(ctx, ind)
        if last is None or _derived_in_last_file(ctx, ind) or ctx.effective(ind.id) is not None:
            continue
        yield r.problem(f"{ctx.name(ind.id)}上年报告中为 {format_number(last)}{ind.unit}，本年尚未填写",
                        ctx.indicator_location(ind.id))


@rule("Y3-LAST-WRONG-REPORT", Severity.WARNING, "上年报告不是本单位上一年度的", group=3)
def last_report_mismatch(ctx: CheckContext, r: Rule):
    """The comparisons with last year's report are left out then (they would be wrong)."""
    reason = _last_report_mismatch(ctx)
    if reason:
        yield r.problem(f"{reason}，未与其比较；请选择本单位 {ctx.report.meta.report_year - 1} 年度的报告文件")
