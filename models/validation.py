"""File-level problems of a report's values: types the catalogue forbids.

Cross-indicator logic (part ≤ whole, rates, year on year) belongs to the checks engine.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from .catalogue import Catalogue, Indicator, default_catalogue
from .report import Number, Report, format_number

YEAR_LABELS = (("value", "本年"), ("last_year", "上年"))


@dataclass(frozen=True)
class ValueTypeIssue:
    """One typed value the catalogue forbids: ``kind`` is ``negative`` or ``fraction``."""

    indicator: Indicator
    year: str  # "value" or "last_year"
    value: Number
    kind: str

    @property
    def message(self) -> str:
        label = dict(YEAR_LABELS)[self.year]
        name = f"「{self.indicator.name}」（{self.indicator.id}）{label}数值 {format_number(self.value, 4)}"
        if self.kind == "negative":
            return f"{name} 为负数"
        return f"{name} 不是整数（{self.indicator.unit}应为整数）"


def value_type_issues(report: Report, catalogue: Optional[Catalogue] = None) -> Iterator[ValueTypeIssue]:
    """Negative values (change indicators excepted) and fractional counts, by indicator id."""
    catalogue = catalogue or default_catalogue()
    for ind_id, entry in sorted(report.values.items()):
        ind = catalogue.resolve(ind_id, report)
        if ind is None:
            continue
        for year, _ in YEAR_LABELS:
            v = getattr(entry, year)
            if v is None:
                continue
            if v < 0 and ind.type != "change":
                yield ValueTypeIssue(ind, year, v, "negative")
            if ind.is_integer and isinstance(v, float) and not v.is_integer():
                yield ValueTypeIssue(ind, year, v, "fraction")


def value_type_problems(report: Report, catalogue: Optional[Catalogue] = None) -> list[str]:
    return [issue.message for issue in value_type_issues(report, catalogue)]
