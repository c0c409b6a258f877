"""Running the rules: :func:`run_checks` for a whole report, :class:`CheckSession` for the
panel, which re-checks only what an edit touched.

The session keeps the findings of the ``block`` rules per block (title, 开头段, each
section, the other basic-information fields). A :class:`~models.report.ReportChange`
marks blocks stale; :meth:`CheckSession.problems` re-runs the block rules for stale
blocks only, then the cheap ``report`` rules, and sorts. ``on_change`` does no
checking itself, so it can sit on the typing path; call ``problems()`` after a pause.
Both paths share one implementation, so a session gives exactly what a full run gives.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Optional

from ..catalogue import Catalogue, default_catalogue
from ..report import META_FIELDS, Report, ReportChange
from .context import CheckContext
from .options import CheckOptions
from .outline import Block, Outline, text_path
from .problem import IndicatorLocation, MetaLocation, Problem, Severity, TextLocation
from .registry import Rule, rules_in_scope

# The mention memo may hold texts no longer in the report; clear it beyond this many per block.
_MEMO_SLACK = 4


@dataclass
class _Entry:
    signature: tuple
    label: str
    by_rule: dict[str, list[Problem]]
    deps: frozenset

    @property
    def problems(self) -> list[Problem]:
        return [p for found in self.by_rule.values() for p in found]


class CheckSession:
    """Checks of one open report, kept current edit by edit.

    Wire it with ``report.subscribe(session.on_change)`` (or :meth:`attach`), then call
    :meth:`problems` whenever the panel should refresh.
    """

    def __init__(self, report: Report, catalogue: Optional[Catalogue] = None, last_year: Optional[Report] = None,
                 options: Optional[CheckOptions] = None, groups: Optional[tuple[int, ...]] = None):
        self.report = report
        self.groups = groups  # None = every rule; else only the rules of these groups
        self.catalogue = catalogue or default_catalogue()
        self.last_year = last_year
        self.options = options or CheckOptions()
        self._cache: dict[str, _Entry] = {}
        self._stale: set[str] = set()
        self._changed_indicators: set[str] = set()
        self._all_stale = True
        self._result: Optional[list[Problem]] = None
        self._memo: dict = {}

    # -- wiring --------------------------------------------------------------------------------
    def attach(self) -> "CheckSession":
        self.report.subscribe(self.on_change)
        return self

    def detach(self) -> None:
        self.report.unsubscribe(self.on_change)

    def on_change(self, change: ReportChange) -> None:
        """Note what an edit touched (constant time; the checking happens in :meth:`problems`)."""
        self._result = None
        kind = change.kind
        if kind == "reset":
            self._all_stale = True
        elif kind == "meta":
            self._stale.update(("title", "meta"))
        elif kind == "preamble":
            self._stale.add("preamble")
        elif kind in ("section_changed", "section_added") and change.section_id:
            self._stale.add(change.section_id)
        elif kind in ("value_changed", "custom_indicators") and change.indicator_id:
            self._changed_indicators.add(change.indicator_id)
        # section_removed / section_moved: the outline is rebuilt on every check, and a
        # block whose level or part changed is re-run by its signature (see _refresh).

    def invalidate(self) -> None:
        """Forget everything (after a change made without notification)."""
        self._all_stale = True
        self._result = None

    def set_last_year(self, last_year: Optional[Report]) -> None:
        """Compare with another last year's report (or none) from the next check on."""
        self.last_year = last_year
        self.invalidate()

    def set_options(self, options: CheckOptions) -> None:
        """Other fonts or another "today" from the next check on."""
        self.options = options
        self.invalidate()

    # -- results -------------------------------------------------------------------------------
    def problems(self) -> list[Problem]:
        """All problems, sorted: by severity, then by place in the document."""
        if self._result is None:
            self._result = self._check()
        return list(self._result)

    def _check(self) -> list[Problem]:
        ctx = CheckContext(self.report, self.catalogue, self.last_year, self.options, self._memo)
        affected = self._affected_indicators()
        found: list[Problem] = []
        for block in ctx.outline.blocks:
            found.extend(self._refresh(ctx, block, affected))
        for gone in set(self._cache) - set(ctx.outline.by_key):
            del self._cache[gone]
        for rule in self._rules("report"):
            found.extend(rule.func(ctx, rule))
        self._stale.clear()
        self._changed_indicators.clear()
        self._all_stale = False
        if len(self._memo) > _MEMO_SLACK * max(1, len(ctx.outline.blocks)):
            self._memo.clear()
        return sort_problems(found, ctx.outline, self.catalogue, self.report)

    def _affected_indicators(self) -> set[str]:
        """Changed indicators and the rates computed from them."""
        affected = set(self._changed_indicators)
        for ind_id in self._changed_indicators:
            affected.update(d.id for d in self.catalogue.dependents(ind_id))
        return affected

    def _rules(self, scope: str) -> list[Rule]:
        return [r for r in rules_in_scope(scope) if self.groups is None or r.group in self.groups]

    def _refresh(self, ctx: CheckContext, block: Block, affected: set[str]) -> list[Problem]:
        entry = self._cache.get(block.key)
        if self._all_stale or entry is None or block.key in self._stale or entry.signature != block.signature:
            entry = self._cache[block.key] = _run_block(ctx, block, self._rules("block"))
        elif entry.deps & affected:  # only a value it reads changed: the text rules still hold
            fresh = _run_block(ctx, block, [r for r in self._rules("block") if r.reads_values])
            entry.by_rule.update(fresh.by_rule)
            entry.deps = fresh.deps
        if entry.label != block.label:
            entry.by_rule = {rid: [_relabel(p, block.label) for p in found] for rid, found in entry.by_rule.items()}
            entry.label = block.label
        return entry.problems


def _run_block(ctx: CheckContext, block: Block, rules: list[Rule]) -> _Entry:
    ctx.deps.pop(block.key, None)
    by_rule = {rule.id: list(rule.func(ctx, rule, block)) for rule in rules}
    return _Entry(block.signature, block.label, by_rule, frozenset(ctx.deps.get(block.key, ())))


def _relabel(problem: Problem, label: str) -> Problem:
    loc = problem.location
    if not isinstance(loc, TextLocation) or loc.section_id is None:
        return problem
    return dataclasses.replace(problem, location=dataclasses.replace(loc, path=text_path(label, loc.paragraph)))


def sort_problems(problems: list[Problem], outline: Outline, catalogue: Catalogue, report: Report) -> list[Problem]:
    """Severity first; then the whole report, the basic information, the text in
    document order, the statistics in catalogue order; then rule and message."""
    meta_order = {name: i for i, name in enumerate(META_FIELDS)}
    indicator_order = {ind.id: i for i, ind in enumerate(catalogue.indicators_for(report))}

    def place(p: Problem) -> tuple:
        loc = p.location
        if loc is None:
            return (0,)
        if isinstance(loc, MetaLocation):
            return 1, meta_order.get(loc.field, len(meta_order)), loc.index or 0, (loc.span or (0,))[0]
        if isinstance(loc, TextLocation):
            block = outline.by_key.get(loc.section_id or "preamble")
            paragraph = -1 if loc.paragraph is None else loc.paragraph
            return 2, block.order if block else 0, paragraph, (loc.span or (0,))[0]
        if isinstance(loc, IndicatorLocation):
            return 3, indicator_order.get(loc.indicator_id, len(indicator_order)), loc.indicator_id, loc.year
        return (4,)

    return sorted(problems, key=lambda p: (p.severity.rank, place(p), p.rule_id, p.message))


def run_checks(report: Report, catalogue: Optional[Catalogue] = None, last_year: Optional[Report] = None,
               options: Optional[CheckOptions] = None) -> list[Problem]:
    """Every problem of the report, sorted by severity and place."""
    return CheckSession(report, catalogue, last_year, options).problems()


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


STATISTICS_GROUPS = (1, 2, 3)


def statistics_problems(report: Report, catalogue: Optional[Catalogue] = None,
                        last_year: Optional[Report] = None) -> list[Problem]:
    """The problems of the numbers (text vs statistics, relations, year on year), for the
    Excel 「校验」 sheet: the same engine as the check panel and ``main.py check``."""
    return CheckSession(report, catalogue, last_year, groups=STATISTICS_GROUPS).problems()
