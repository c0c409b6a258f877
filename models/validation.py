"""File-level problems of a report's values: types the catalogue forbids.

Cross-indicator logic (part ≤ whole, rates, year on year) belongs to the checks engine.
"""
from __future__ import annotations

from typing import Optional

from .catalogue import Catalogue, default_catalogue
from .report import Report, format_number


def value_type_problems(report: Report, catalogue: Optional[Catalogue] = None) -> list[str]:
    catalogue = catalogue or default_catalogue()
    problems = []
    for ind_id, entry in sorted(report.values.items()):
        ind = catalogue.resolve(ind_id, report)
        if ind is None:
            continue
        for year, label in (("value", "本年"), ("last_year", "上年")):
            v = getattr(entry, year)
            if v is None:
                continue
            name = f"「{ind.name}」（{ind_id}）{label}数值 {format_number(v, 4)}"
            if v < 0 and ind.type != "change":
                problems.append(f"{name} 为负数")
            if ind.is_integer and isinstance(v, float) and not v.is_integer():
                problems.append(f"{name} 不是整数（{ind.unit}应为整数）")
    return problems
