"""What a check finds: a :class:`Problem` with a severity, a Chinese message and a place.

A place is one of three kinds, so that the panel can jump there:

* :class:`TextLocation` — running text: a section's heading or paragraph (or the
  开头段 before 一、), with a character span inside it;
* :class:`IndicatorLocation` — a field of the statistics form;
* :class:`MetaLocation` — a field of the basic information (标题, 成文日期, 主送机关 …).

``location`` is ``None`` for a problem of the report as a whole (a missing part).
Messages never contain the printable path: the path is the location's, so that it
can follow the outline when sections move.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Optional, Union


class Severity(str, enum.Enum):
    """错误 = should block a submission; 警告 = look at it; 提示 = for information."""

    ERROR = "error"
    WARNING = "warning"
    HINT = "hint"

    @property
    def label(self) -> str:
        return _SEVERITY_LABELS[self]

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.HINT: "提示"}
_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.HINT: 2}
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.HINT)

Span = Optional[tuple[int, int]]


@dataclass(frozen=True)
class TextLocation:
    """Running text. ``section_id`` None = the 开头段; ``paragraph`` None = the heading.

    ``paragraph`` indexes ``Section.paragraphs`` (0-based); ``span`` is (start, end)
    in that text, or None for the whole of it. ``path`` is printable: 「一、（三）第2段」.
    """

    section_id: Optional[str]
    paragraph: Optional[int]
    span: Span
    path: str

    kind = "text"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "section_id": self.section_id, "paragraph": self.paragraph,
                "span": list(self.span) if self.span else None, "path": self.path}


@dataclass(frozen=True)
class IndicatorLocation:
    """A field of the statistics form: ``year`` is ``value`` (本年) or ``last_year`` (上年)."""

    indicator_id: str
    year: str = "value"
    path: str = ""

    kind = "indicator"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "indicator_id": self.indicator_id, "year": self.year, "path": self.path}


@dataclass(frozen=True)
class MetaLocation:
    """A field of :class:`models.report.ReportMeta`; ``index`` for list fields (主送机关 …)."""

    field: str
    index: Optional[int] = None
    span: Span = None
    path: str = ""

    kind = "meta"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "field": self.field, "index": self.index,
                "span": list(self.span) if self.span else None, "path": self.path}


Location = Union[TextLocation, IndicatorLocation, MetaLocation]
WHOLE_REPORT = "全文"


@dataclass(frozen=True)
class Problem:
    rule_id: str
    severity: Severity
    message: str
    location: Optional[Location] = None
    related: tuple[Location, ...] = ()  # the other places involved (the indicator a number disagrees with)

    @property
    def where(self) -> str:
        return self.location.path if self.location is not None else WHOLE_REPORT

    def to_dict(self) -> dict:
        from .registry import RULES  # the title is the rule's, looked up for output only
        rule = RULES.get(self.rule_id)
        return {"rule": self.rule_id, "title": rule.title if rule else "", "severity": self.severity.value,
                "severity_label": self.severity.label, "message": self.message, "where": self.where,
                "location": self.location.to_dict() if self.location is not None else None,
                "related": [r.to_dict() for r in self.related]}
