"""The catalogue's cross-indicator rules evaluated on one report: the single implementation
that the Excel 「校验」 sheet, ``main.py validate`` and the checks engine share.

Rules evaluated, for 本年 and 上年 separately:

* ``part_gt_whole``   a relation ``part_le_whole``: the part is larger than the whole;
* ``sum_gt_whole``    a relation ``sum_le_whole``: the parts add up to more than the whole;
* ``sum_mismatch``    a relation ``sum_equals``: the parts do not add up to the whole;
* ``rate_mismatch``   a rate typed by the user differs from numerator ÷ denominator by more
                      than :data:`RATE_TOLERANCE_PP` percentage points;
* ``rate_out_of_range`` a rate above 100 % (type ``rate`` only: ``change`` and ``weight``
                      may legitimately lie outside 0–100; below 0 is ``negative``);
* ``negative``        a negative value (every type but ``change``);
* ``fractional``      a count that is not a whole number.

A value with a qualifier is a bound, not a point (``380余`` means ≥ 380, ``近100`` ≤ 100,
``约`` unknown either way), so a rule fires only when it is broken for *every* value the
qualifier allows: no false alarm for 「受理460余件，办结460件」.
A check that lacks one of its values is skipped (empty is not zero).

Pure Python: no Qt, no Word, no Excel.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Optional

from .catalogue import Catalogue, Formula, Indicator, Relation, default_catalogue
from .report import Number, Report, format_number

YEARS = ("value", "last_year")
YEAR_LABELS = {"value": "本年", "last_year": "上年"}
SEVERITY_LABELS = {"error": "错误", "warning": "提示"}
RATE_TOLERANCE_PP = 0.1
KINDS = ("part_gt_whole", "sum_gt_whole", "sum_mismatch", "rate_mismatch", "rate_out_of_range",
         "negative", "fractional")

LOWER_BOUND_QUALIFIERS = ("余", "多", "以上", "超过", "超", "逾")   # the true value is ≥ n
UPPER_BOUND_QUALIFIERS = ("近", "不足", "以下")                   # the true value is ≤ n

_EPS = 1e-9


@dataclass(frozen=True)
class Finding:
    """One broken rule. ``indicator_ids`` and ``values`` are aligned; the first id is the
    indicator the finding is about (the whole, the rate, the value)."""

    kind: str
    severity: str                       # "error" | "warning"
    year: str                           # "value" (本年) | "last_year" (上年)
    indicator_ids: tuple[str, ...]
    values: tuple[Optional[Number], ...]
    rule: str                           # the rule in words
    message: str                        # one Chinese sentence with names and values
    relation_id: str = ""               # the catalogue relation, "" for the built-in rules
    expected: Optional[float] = None    # Σ parts, or the computed rate, where there is one

    @property
    def year_label(self) -> str:
        return YEAR_LABELS[self.year]

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.severity]


@dataclass(frozen=True)
class Bounds:
    """What a reported value allows: [low, high]; ``exact`` when the two are the value."""

    value: Number
    low: float
    high: float

    @property
    def exact(self) -> bool:
        return self.low == self.high


def bounds_of(report: Report, indicator_id: str, year: str = "value") -> Optional[Bounds]:
    """The range a reported value stands for, or None when the value is empty.

    The qualifier belongs to this year's figure as written in the text; 上年 values are exact.
    """
    entry = report.value_of(indicator_id)
    v = getattr(entry, year)
    if v is None:
        return None
    q = entry.qualifier if year == "value" else ""
    if q in LOWER_BOUND_QUALIFIERS:
        return Bounds(v, float(v), math.inf)
    if q in UPPER_BOUND_QUALIFIERS:
        return Bounds(v, -math.inf, float(v))
    if q:  # 约: could be either side
        return Bounds(v, -math.inf, math.inf)
    return Bounds(v, float(v), float(v))


def _sum_bounds(items: Iterable[Bounds]) -> tuple[float, float]:
    items = list(items)
    return sum(b.low for b in items), sum(b.high for b in items)


def _ref(catalogue: Catalogue, report: Report, indicator_id: str) -> str:
    ind = catalogue.resolve(indicator_id, report)
    return f"「{ind.name if ind else indicator_id}」（{indicator_id}）"


def formula_text(formula: Formula) -> str:
    """F02 ÷ F01, (G06＋G07) ÷ G03."""
    def side(ids: tuple[str, ...]) -> str:
        return ids[0] if len(ids) == 1 else f"（{'＋'.join(ids)}）"
    return f"{side(formula.numerator)} ÷ {side(formula.denominator)}"


def _num(value: Optional[float]) -> str:
    return format_number(value, 2) if value is not None else "—"


# -- catalogue relations ---------------------------------------------------------------------
def relation_findings(report: Report, catalogue: Optional[Catalogue] = None,
                      year: str = "value") -> list[Finding]:
    """The catalogue's relations broken in one year, in catalogue order."""
    catalogue = catalogue or default_catalogue()
    found = []
    for rel in catalogue.relations:
        finding = _check_relation(report, catalogue, rel, year)
        if finding:
            found.append(finding)
    return found


def _check_relation(report: Report, catalogue: Catalogue, rel: Relation, year: str) -> Optional[Finding]:
    whole = bounds_of(report, rel.whole, year)
    parts = [bounds_of(report, p, year) for p in rel.parts]
    if whole is None or any(p is None for p in parts):
        return None
    low, high = _sum_bounds(parts)
    ids = (rel.whole,) + rel.parts
    values = (whole.value,) + tuple(p.value for p in parts)
    label = YEAR_LABELS[year]
    if rel.kind == "part_le_whole":
        if low <= whole.high + _EPS:
            return None
        kind = "part_gt_whole"
        message = (f"{label}{_ref(catalogue, report, rel.parts[0])}{_num(parts[0].value)} 大于"
                   f"{_ref(catalogue, report, rel.whole)}{_num(whole.value)}")
        expected = None
    else:
        total = sum(p.value for p in parts)
        names = "、".join(_ref(catalogue, report, p) for p in rel.parts)
        if rel.kind == "sum_le_whole":
            if low <= whole.high + _EPS:
                return None
            kind, relation_word = "sum_gt_whole", "大于"
        else:  # sum_equals: broken only when no allowed values agree
            if low <= whole.high + _EPS and high >= whole.low - _EPS:
                return None
            kind, relation_word = "sum_mismatch", "不等于"
        message = (f"{label}{names}之和 {_num(total)} {relation_word}"
                   f"{_ref(catalogue, report, rel.whole)}{_num(whole.value)}")
        expected = float(total)
    return Finding(kind=kind, severity=rel.severity, year=year, indicator_ids=ids, values=values,
                   rule=rel.rule or message, message=message, relation_id=rel.id, expected=expected)


# -- rates ---------------------------------------------------------------------------------
def rate_findings(report: Report, catalogue: Optional[Catalogue] = None, year: str = "value",
                  covered: Iterable[Finding] = ()) -> list[Finding]:
    """Typed rates that disagree with their parts, and rates above 100 %.

    ``covered``: findings already made (relation findings); a computed rate above 100 %
    whose numerator > denominator is reported there already is not reported twice.
    """
    catalogue = catalogue or default_catalogue()
    already = {(f.year, f.indicator_ids[1:], f.indicator_ids[0]) for f in covered
               if f.kind in ("part_gt_whole", "sum_gt_whole")}
    found = []
    for ind in catalogue.indicators_for(report):
        mismatch = _rate_mismatch(report, catalogue, ind, year)
        if mismatch:
            found.append(mismatch)
        out_of_range = _rate_out_of_range(report, catalogue, ind, year, already)
        if out_of_range:
            found.append(out_of_range)
    return found


def _exact_parts(report: Report, ind: Indicator, year: str) -> bool:
    return all((b := bounds_of(report, p, year)) is not None and b.exact for p in ind.formula.parts)


def _rate_mismatch(report: Report, catalogue: Catalogue, ind: Indicator, year: str) -> Optional[Finding]:
    if ind.formula is None:
        return None
    typed = bounds_of(report, ind.id, year)
    computed = catalogue.computed(report, ind.id, year)
    if typed is None or computed is None or not _exact_parts(report, ind, year):
        return None
    if typed.low - RATE_TOLERANCE_PP - _EPS <= computed <= typed.high + RATE_TOLERANCE_PP + _EPS:
        return None
    how = formula_text(ind.formula)
    ids = (ind.id,) + ind.formula.parts
    values = (typed.value,) + tuple(getattr(report.value_of(p), year) for p in ind.formula.parts)
    rule = f"{ind.name} ＝ {how} × 100%，填报值与计算值相差不超过 {format_number(RATE_TOLERANCE_PP)} 个百分点"
    message = (f"{YEAR_LABELS[year]}{_ref(catalogue, report, ind.id)}填报为 {_num(typed.value)}%，"
               f"按 {how} 计算为 {_num(computed)}%")
    return Finding(kind="rate_mismatch", severity="warning", year=year, indicator_ids=ids, values=values,
                   rule=rule, message=message, expected=computed)


def _rate_out_of_range(report: Report, catalogue: Catalogue, ind: Indicator, year: str,
                       already: set) -> Optional[Finding]:
    if ind.type != "rate":
        return None
    typed = bounds_of(report, ind.id, year)
    if typed is not None:
        value, low, derived = typed.value, typed.low, False
    else:
        value = catalogue.computed(report, ind.id, year)
        if value is None or not _exact_parts(report, ind, year):
            return None
        low, derived = value, True
    if low <= 100 + _EPS:
        return None
    if derived and (year, ind.formula.numerator, ind.formula.denominator[0]) in already \
            and len(ind.formula.denominator) == 1:
        return None
    how = f"（按 {formula_text(ind.formula)} 计算）" if derived else ""
    message = f"{YEAR_LABELS[year]}{_ref(catalogue, report, ind.id)}为 {_num(value)}%{how}，超过 100%"
    ids = (ind.id,) + (ind.formula.parts if derived else ())
    values = (value,) + tuple(getattr(report.value_of(p), year) for p in ids[1:])
    return Finding(kind="rate_out_of_range", severity="error", year=year, indicator_ids=ids, values=values,
                   rule="比率应在 0～100% 之间", message=message,
                   expected=float(value) if derived else None)


# -- single values -----------------------------------------------------------------------
def value_findings(report: Report, catalogue: Optional[Catalogue] = None,
                   years: tuple[str, ...] = YEARS) -> list[Finding]:
    """Negative values (all types but ``change``) and fractional counts, by indicator id."""
    catalogue = catalogue or default_catalogue()
    found = []
    for ind_id, entry in sorted(report.values.items()):
        ind = catalogue.resolve(ind_id, report)
        if ind is None:
            continue
        for year in years:
            v = getattr(entry, year)
            if v is None:
                continue
            name = f"「{ind.name}」（{ind_id}）{YEAR_LABELS[year]}数值 {format_number(v, 4)}"
            if v < 0 and ind.type != "change":
                found.append(Finding(kind="negative", severity="error", year=year, indicator_ids=(ind_id,),
                                     values=(v,), rule="数值不能为负数（同比变化除外）", message=f"{name} 为负数"))
            if ind.is_integer and isinstance(v, float) and not v.is_integer():
                found.append(Finding(kind="fractional", severity="error", year=year, indicator_ids=(ind_id,),
                                     values=(v,), rule="件数、人数、次数等计数指标应为整数",
                                     message=f"{name} 不是整数（{ind.unit}应为整数）"))
    return found


# -- everything --------------------------------------------------------------------------
def check_report(report: Report, catalogue: Optional[Catalogue] = None,
                 years: tuple[str, ...] = YEARS) -> list[Finding]:
    """All findings: per year the relations, then the rates, then the single values."""
    catalogue = catalogue or default_catalogue()
    found: list[Finding] = []
    for year in years:
        relations = relation_findings(report, catalogue, year)
        found.extend(relations)
        found.extend(rate_findings(report, catalogue, year, covered=relations))
    found.extend(value_findings(report, catalogue, years))
    return found
