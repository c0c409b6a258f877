"""Which fields of the statistics form to mark, taken from the checks engine's findings.

There is one implementation of the rules (``models.checks``): a field is marked when a
problem is located at it or names it among its related places (办结 > 立案 marks both
numbers; a number in the text that disagrees marks the field it disagrees with). The
worst severity decides the colour, the messages make the tooltip.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .severity import SEVERITY_KEYS

YEARS = ("value", "last_year")
YEAR_LABELS = {"value": "本年", "last_year": "上年"}


@dataclass(frozen=True)
class Mark:
    indicator_id: str
    year: str  # "value" or "last_year"
    severity: str  # "error", "warning" or "hint"
    message: str  # one line per problem


def field_marks(problems: Iterable) -> dict[tuple[str, str], Mark]:
    """{(indicator id, year): Mark} for every field a problem is at or names."""
    found: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for problem in problems:
        severity = problem.severity.value
        for place in (problem.location, *problem.related):
            if getattr(place, "kind", None) != "indicator":
                continue
            key = (place.indicator_id, place.year)
            worst, messages = found.get(key, (severity, []))
            if problem.message not in messages:
                messages.append(problem.message)
            found[key] = (min(worst, severity, key=SEVERITY_KEYS.index), messages)
    return {key: Mark(key[0], key[1], severity, "\n".join(messages))
            for key, (severity, messages) in found.items()}
