"""How the UI names and colours the three severities of the checks (错误/警告/提示).

Keys are ``models.checks.Severity`` values; kept here (not imported from the engine) so
that the window can show counts without loading the engine.
"""
from __future__ import annotations

SEVERITY_KEYS = ("error", "warning", "hint")
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "hint": "提示"}
SEVERITY_COLOURS = {"error": "#b3261e", "warning": "#8a5a00", "hint": "#30527a"}


def count_text(counts: dict[str, int], template: str = "{label} {n}", separator: str = "，") -> str:
    """「错误 2，警告 3」 (severities without findings left out), or "" when there are none."""
    return separator.join(template.format(label=SEVERITY_LABELS[key], n=counts[key])
                          for key in SEVERITY_KEYS if counts.get(key))
