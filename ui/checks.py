"""What 检查 (F5) reports until the checks engine lands: the value problems the models
already know (``models.validation``) and the relation marks of the statistics form.

The checks engine replaces :func:`run_checks`; the page and the outline node stay.
"""
from __future__ import annotations

from dataclasses import dataclass

from models.catalogue import default_catalogue
from models.report import Report
from models.validation import value_type_problems

from .outline_model import STATS, category_key
from .relation_marks import relation_marks


@dataclass(frozen=True)
class CheckItem:
    severity: str  # "error" or "warning"
    message: str
    node_key: str  # the outline node to show when the item is activated


def run_checks(report: Report) -> list[CheckItem]:
    catalogue = default_catalogue()
    items = [CheckItem("error", p, STATS) for p in value_type_problems(report, catalogue)]
    for mark in relation_marks(report, catalogue):
        ind = catalogue.resolve(mark.indicator_id, report)
        items.append(CheckItem(mark.severity, mark.message, category_key(ind.category) if ind else STATS))
    return items
