"""Problems as text for people (grouped by severity) and as JSON for programs."""
from __future__ import annotations

from .problem import SEVERITIES, Problem, Severity


def counts(problems: list[Problem]) -> dict[Severity, int]:
    return {s: sum(1 for p in problems if p.severity is s) for s in SEVERITIES}


def summary(problems: list[Problem]) -> str:
    """「发现 5 个问题：错误 1，警告 3，提示 1」 or 「未发现问题」."""
    if not problems:
        return "未发现问题"
    parts = "，".join(f"{s.label} {n}" for s, n in counts(problems).items() if n)
    return f"发现 {len(problems)} 个问题：{parts}"


def format_lines(problems: list[Problem]) -> list[str]:
    """Grouped by severity; each line names the place, the message and the rule id."""
    lines: list[str] = []
    for severity in SEVERITIES:
        group = [p for p in problems if p.severity is severity]
        if not group:
            continue
        lines.append(f"{severity.label}（{len(group)}）")
        for p in group:
            lines.append(f"  {p.where}：{p.message}  [{p.rule_id}]")
    return lines


def to_json_dict(problems: list[Problem], **extra) -> dict:
    return {**extra, "counts": {s.value: n for s, n in counts(problems).items()},
            "problems": [p.to_dict() for p in problems]}
