"""File-level problems of a report's values: types the catalogue forbids.

Cross-indicator logic (part ≤ whole, rates, year on year) belongs to the checks engine;
both use :mod:`models.relations`.
"""
from __future__ import annotations

from typing import Optional

from .catalogue import Catalogue
from .relations import value_findings
from .report import Report


def value_type_problems(report: Report, catalogue: Optional[Catalogue] = None) -> list[str]:
    return [f.message for f in value_findings(report, catalogue)]
