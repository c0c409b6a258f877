"""The rule registry: every rule is one function with an id, a severity and a short title.

Two scopes:

* ``block`` rules look at one block of text (the title, the 开头段, one section's
  heading and paragraphs, the other text fields of the basic information) and are
  called as ``func(ctx, rule, block)``; a :class:`~models.checks.engine.CheckSession`
  caches their results per block and re-runs them only for the blocks an edit touched;
* ``report`` rules look across the report (relations, required parts, dates) and are
  called as ``func(ctx, rule)``; they run on every re-check and must stay cheap.

A rule yields :class:`~models.checks.problem.Problem` objects made with
:meth:`Rule.problem`; the severity is the rule's unless the rule documents why a
finding is milder or graver (the catalogue's own severity for a relation).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from .problem import Location, Problem, Severity

SCOPES = ("block", "report")
GROUPS = {1: "正文与统计数据", 2: "指标间关系", 3: "与上年比较", 4: "必备内容", 5: "日期与年份", 6: "格式",
          7: "字体"}


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    group: int
    scope: str
    func: Callable
    # A block rule that reads indicator values (and declares them with ``ctx.depend``): the
    # only kind re-run when just a value changed.
    reads_values: bool = False

    def problem(self, message: str, location: Optional[Location] = None, related: tuple = (),
                severity: Optional[Severity] = None) -> Problem:
        return Problem(self.id, severity or self.severity, message, location, tuple(related))


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, title: str, group: int, scope: str = "report",
         reads_values: bool = False):
    """Register the decorated function as a rule."""
    if scope not in SCOPES or group not in GROUPS:
        raise ValueError(f"{rule_id}: bad scope {scope!r} or group {group!r}")

    def register(func: Callable) -> Callable:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, severity, title, group, scope, func, reads_values)
        return func
    return register


def rules_in_scope(scope: str) -> list[Rule]:
    return [r for r in RULES.values() if r.scope == scope]
