"""Group 2: the statistics against each other (report_structure.md §2.3).

* the catalogue's relations (``resources/catalogue.json``): part ≤ whole, parts sum to
  the whole, parts do not exceed the whole — with the relation's own severity, so that
  bounds that 上年结转 can legitimately break (办结 ≤ 立案) stay warnings;
* a typed rate against numerator / denominator, rates within 0–100 %;
* negative values and fractional counts.

Values with a qualifier are ranges (:mod:`.quantities`): 「460余」 exceeds 460 only
when its lowest possible value does.
"""
from __future__ import annotations

from typing import Optional

from ..catalogue import Relation
from ..report import format_number
from ..validation import value_type_issues
from .context import YEAR_LABELS, CheckContext
from .problem import Severity
from .quantities import Interval, interval_of
from .registry import Rule, rule

_SEVERITY = {"error": Severity.ERROR, "warning": Severity.WARNING}


def _range(ctx: CheckContext, indicator_id: str, year: str = "value") -> Optional[Interval]:
    value = ctx.effective(indicator_id, year)
    return None if value is None else interval_of(value, ctx.qualifier(indicator_id, year))


def _relations(ctx: CheckContext, *kinds: str) -> list[Relation]:
    return [rel for rel in ctx.catalogue.relations if rel.kind in kinds]


def _relation_problem(ctx: CheckContext, r: Rule, rel: Relation, detail: str, given: list[str], year: str):
    which = "" if year == "value" else "上年数："
    return r.problem(f"{which}{detail}：{rel.rule}", ctx.indicator_location(given[0], year),
                     tuple(ctx.indicator_location(i, year) for i in given[1:] + [rel.whole]),
                     severity=_SEVERITY[rel.severity])


@rule("R2-PART-LE-WHOLE", Severity.ERROR, "分项大于总数", group=2)
def part_exceeds_whole(ctx: CheckContext, r: Rule):
    """Severity per relation in the catalogue (警告 where 上年结转 can break the bound)."""
    for rel, year in _relations_by_year(ctx, "part_le_whole"):
        whole = _range(ctx, rel.whole, year)
        part_id = rel.parts[0]
        part = _range(ctx, part_id, year)
        if whole is None or part is None or part.lo <= whole.hi:
            continue
        detail = (f"{ctx.name(part_id)} {ctx.shown(part_id, year)} 大于 "
                  f"{ctx.name(rel.whole)} {ctx.shown(rel.whole, year)}")
        yield _relation_problem(ctx, r, rel, detail, [part_id], year)


def _relations_by_year(ctx: CheckContext, kind: str):
    """Each relation of the kind for 本年, then for 上年 (the same bounds held last year)."""
    for year in YEAR_LABELS:
        for rel in _relations(ctx, kind):
            yield rel, year


def _given_parts(ctx: CheckContext, rel: Relation, year: str) -> tuple[list[str], Optional[Interval]]:
    given = [p for p in rel.parts if ctx.effective(p, year) is not None]
    total = None
    for p in given:
        total = _range(ctx, p, year) if total is None else total + _range(ctx, p, year)
    return given, total


def _sum_text(ctx: CheckContext, given: list[str], total: Interval, year: str) -> str:
    names = "、".join(f"{ctx.name(p)} {ctx.shown(p, year)}" for p in given)
    return f"{names} 之和为 {format_number(total.lo)}"


@rule("R2-SUM-EQUALS", Severity.ERROR, "分项之和与总数不符", group=2)
def sum_differs(ctx: CheckContext, r: Rule):
    """When every part is given their sum must meet the whole; with only some parts
    given, their sum must not exceed it. Severity per relation in the catalogue."""
    for rel, year in _relations_by_year(ctx, "sum_equals"):
        whole = _range(ctx, rel.whole, year)
        given, total = _given_parts(ctx, rel, year)
        if whole is None or not given:
            continue
        complete = len(given) == len(rel.parts)
        if (complete and total.meets(whole)) or (not complete and total.lo <= whole.hi):
            continue
        relation = "不等于" if complete else "已超过"
        detail = f"{_sum_text(ctx, given, total, year)}，{relation} {ctx.name(rel.whole)} {ctx.shown(rel.whole, year)}"
        yield _relation_problem(ctx, r, rel, detail, given, year)


@rule("R2-SUM-LE-WHOLE", Severity.ERROR, "“其中”项之和超过总数", group=2)
def sum_exceeds_whole(ctx: CheckContext, r: Rule):
    """Severity per relation in the catalogue."""
    for rel, year in _relations_by_year(ctx, "sum_le_whole"):
        whole = _range(ctx, rel.whole, year)
        given, total = _given_parts(ctx, rel, year)
        if whole is None or not given or total.lo <= whole.hi:
            continue
        detail = f"{_sum_text(ctx, given, total, year)}，超过 {ctx.name(rel.whole)} {ctx.shown(rel.whole, year)}"
        yield _relation_problem(ctx, r, rel, detail, given, year)


def _formula_rates(ctx: CheckContext):
    for ind in ctx.catalogue.indicators:
        if ind.formula is not None:
            yield ind


@rule("R2-RATE-FORMULA", Severity.WARNING, "填写的比率与分子分母不符", group=2)
def rate_disagrees_with_parts(ctx: CheckContext, r: Rule):
    """A rate typed while its numerator and denominator are both filled must equal their
    quotient to the tolerance of the options (0.1 percentage point); the program uses
    the quotient, so the typed figure is likely stale. Never an error: reports compute
    some rates on other bases (§2.3 item 5)."""
    for ind in _formula_rates(ctx):
        for year in YEAR_LABELS:
            entry = ctx.report.value_of(ind.id)
            typed = getattr(entry, year)
            computed = ctx.catalogue.computed(ctx.report, ind.id, year)
            if typed is None or computed is None:
                continue
            typed_range = interval_of(typed, entry.qualifier, ctx.options.rate_tolerance + 1e-9)
            if typed_range.meets(Interval(computed, computed)):
                continue
            parts = "、".join(ctx.name(p) for p in ind.formula.parts)
            yield r.problem(f"{ctx.name(ind.id)}{YEAR_LABELS[year]}填写为 {format_number(typed, 2)}%，按{parts}计算为 "
                            f"{format_number(computed, 1)}%，程序将使用计算值", ctx.indicator_location(ind.id, year),
                            tuple(ctx.indicator_location(p, year) for p in ind.formula.parts))


def _rates(ctx: CheckContext):
    return (ind for ind in ctx.catalogue.indicators_for(ctx.report) if ind.type == "rate")


@rule("R2-RATE-RANGE", Severity.ERROR, "比率超出0～100%", group=2)
def rate_out_of_range(ctx: CheckContext, r: Rule):
    """A rate typed by hand (changes and weights excepted: they are not rates)."""
    for ind in _rates(ctx):
        for year in YEAR_LABELS:
            if ctx.catalogue.computed(ctx.report, ind.id, year) is not None:
                continue
            value = getattr(ctx.report.value_of(ind.id), year)
            if value is not None and not 0 <= value <= 100:
                yield r.problem(f"{ctx.name(ind.id)}{YEAR_LABELS[year]}为 {format_number(value, 2)}%，比率应在0～100%之间",
                                ctx.indicator_location(ind.id, year))


@rule("R2-RATE-RANGE-COMPUTED", Severity.WARNING, "由分子分母算出的比率超过100%", group=2)
def computed_rate_out_of_range(ctx: CheckContext, r: Rule):
    """警告, not 错误: the numerator can exceed the denominator through 上年结转."""
    for ind in _formula_rates(ctx):
        for year in YEAR_LABELS:
            value = ctx.catalogue.computed(ctx.report, ind.id, year)
            if value is not None and value > 100 + 1e-9:
                parts = "、".join(ctx.name(p) for p in ind.formula.parts)
                yield r.problem(f"{ctx.name(ind.id)}{YEAR_LABELS[year]}按{parts}计算为 {format_number(value, 1)}%，"
                                f"超过100%，请核对分子是否大于分母", ctx.indicator_location(ind.id, year),
                                tuple(ctx.indicator_location(p, year) for p in ind.formula.parts))


@rule("R2-NEGATIVE", Severity.ERROR, "数值为负数", group=2)
def negative_value(ctx: CheckContext, r: Rule):
    for issue in value_type_issues(ctx.report, ctx.catalogue):
        if issue.kind == "negative":
            yield r.problem(issue.message, ctx.indicator_location(issue.indicator.id, issue.year))


@rule("R2-FRACTION", Severity.ERROR, "件数、人数等不是整数", group=2)
def fractional_count(ctx: CheckContext, r: Rule):
    for issue in value_type_issues(ctx.report, ctx.catalogue):
        if issue.kind == "fraction":
            yield r.problem(issue.message, ctx.indicator_location(issue.indicator.id, issue.year))
