"""Checks before submission: what a reviewer at the level above would catch.

    from models.checks import run_checks, CheckSession
    problems = run_checks(report, last_year=last_years_report)      # full run
    session = CheckSession(report).attach()                          # the panel
    ...; session.problems()                                          # after edits, cheap

Every rule is one function in a module per group (see ``docs/checks.md``):
1 :mod:`.text_stats`, 2 :mod:`.relations`, 3 :mod:`.yoy`, 4 :mod:`.parts`,
5 :mod:`.dates`, 6 :mod:`.formatting`, 7 :mod:`.fonts`.
"""
# Importing the group modules registers their rules, in group order (the order of RULES).
from . import text_stats, relations, yoy, parts, dates, formatting, fonts  # noqa: F401,I001
from .engine import CheckSession, has_errors, run_checks, sort_problems, statistics_problems
from .options import CheckOptions
from .problem import (SEVERITIES, IndicatorLocation, Location, MetaLocation, Problem, Severity, TextLocation)
from .registry import GROUPS, RULES, Rule

__all__ = [
    "CheckSession", "run_checks", "statistics_problems", "has_errors", "sort_problems", "CheckOptions",
    "Problem", "Severity", "SEVERITIES", "Location", "TextLocation", "IndicatorLocation", "MetaLocation",
    "Rule", "RULES", "GROUPS",
]
