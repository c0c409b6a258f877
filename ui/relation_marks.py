"""Which indicator fields to mark while the user types: the catalogue's relations
(part ≤ whole, parts sum to the whole, parts ≤ whole) and percentages within 0–100.

One small function on purpose: the checks engine (``models/relations.py``, written in
parallel) will replace it.
"""
from __future__ import annotations

from dataclasses import dataclass

from models.catalogue import Catalogue
from models.report import Report, format_number

YEARS = ("value", "last_year")
YEAR_LABELS = {"value": "本年", "last_year": "上年"}
BOUNDED_PERCENT_TYPES = ("rate", "weight")


@dataclass(frozen=True)
class Mark:
    indicator_id: str
    year: str  # "value" or "last_year"
    severity: str  # "error" or "warning"
    message: str


def relation_marks(report: Report, catalogue: Catalogue) -> list[Mark]:
    """The fields that contradict a relation or a percentage range, with the reason."""
    marks: list[Mark] = []
    for year in YEARS:
        def value(ind_id):
            return catalogue.effective(report, ind_id, year)

        def name(ind_id):
            ind = catalogue.resolve(ind_id, report)
            return ind.label if ind else ind_id

        prefix = "" if year == "value" else "上年："
        for rel in catalogue.relations:
            whole = value(rel.whole)
            parts = [value(p) for p in rel.parts]
            if whole is None:
                continue
            if rel.kind == "part_le_whole":
                part = parts[0]
                if part is not None and part > whole:
                    marks.append(Mark(rel.parts[0], year, rel.severity,
                                      f"{prefix}{rel.rule}（{name(rel.parts[0])} {format_number(part)} > "
                                      f"{name(rel.whole)} {format_number(whole)}）"))
                continue
            known = [p for p in parts if p is not None]
            if not known:
                continue
            total = sum(known)
            detail = f"{'＋'.join(name(p) for p in rel.parts)} = {format_number(total)}，{name(rel.whole)} = " \
                     f"{format_number(whole)}"
            if rel.kind == "sum_le_whole" and total > whole:
                marks.append(Mark(rel.whole, year, rel.severity, f"{prefix}{rel.rule}（{detail}）"))
            elif rel.kind == "sum_equals" and len(known) == len(parts) and abs(total - whole) > 1e-9:
                marks.append(Mark(rel.whole, year, rel.severity, f"{prefix}{rel.rule}（{detail}）"))
        for ind in catalogue.indicators_for(report):
            v = value(ind.id) if ind.type in BOUNDED_PERCENT_TYPES else None
            if v is not None and not 0 <= v <= 100:
                marks.append(Mark(ind.id, year, "error", f"{prefix}{ind.label}为 {format_number(v)}%，"
                                                         "比率应在 0 到 100% 之间"))
    return marks
