"""The indicator catalogue (``resources/catalogue.json``): the one source of forms,
validation, the Word tables and the Excel sheets.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from resources import resource_path

from .report import RATE_DECIMALS, CustomIndicator, Number, Report, format_value

INDICATOR_TYPES = ("count", "amount", "rate", "change", "weight", "ratio")
PERCENT_TYPES = ("rate", "change", "weight")
RELATION_KINDS = ("part_le_whole", "sum_equals", "sum_le_whole")
CUSTOM_CATEGORY = ("", "自定义指标")


class CatalogueError(ValueError):
    """The catalogue file itself is inconsistent (a developer error, caught by tests)."""


@dataclass(frozen=True)
class Category:
    id: str
    name: str


@dataclass(frozen=True)
class Formula:
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]

    @property
    def parts(self) -> tuple[str, ...]:
        return self.numerator + self.denominator

    def text(self) -> str:
        """F02 ÷ F01, （G06＋G07） ÷ G03."""
        def side(ids: tuple[str, ...]) -> str:
            return ids[0] if len(ids) == 1 else f"（{'＋'.join(ids)}）"
        return f"{side(self.numerator)} ÷ {side(self.denominator)}"


@dataclass(frozen=True)
class Indicator:
    id: str
    category: str
    name: str
    unit: str
    type: str = "count"
    short: str = ""
    units: tuple[str, ...] = ()
    formula: Optional[Formula] = None
    phrases: tuple[str, ...] = ()
    levels: tuple[str, ...] = ("street", "county", "department")
    note: str = ""
    custom: bool = False

    @property
    def is_percent(self) -> bool:
        return self.type in PERCENT_TYPES

    @property
    def is_integer(self) -> bool:
        return self.type == "count"

    @property
    def label(self) -> str:
        return self.short or self.name


@dataclass(frozen=True)
class Relation:
    id: str
    kind: str
    whole: str
    parts: tuple[str, ...]
    severity: str = "warning"
    rule: str = ""


def _ids(value: Union[str, list, None]) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass
class Catalogue:
    categories: list[Category]
    indicators: list[Indicator]
    relations: list[Relation]
    _by_id: dict[str, Indicator] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._by_id = {i.id: i for i in self.indicators}
        self._validate()

    # -- construction ---------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict) -> "Catalogue":
        try:
            categories = [Category(c["id"], c["name"]) for c in data["categories"]]
            indicators = []
            for d in data["indicators"]:
                formula = d.get("formula")
                indicators.append(Indicator(
                    id=d["id"], category=d["category"], name=d["name"], unit=d["unit"],
                    type=d.get("type", "count"), short=d.get("short", ""),
                    units=tuple(d.get("units") or [d["unit"]]),
                    formula=Formula(_ids(formula["numerator"]), _ids(formula["denominator"])) if formula else None,
                    phrases=tuple(d.get("phrases", ())),
                    levels=tuple(d.get("levels") or ("street", "county", "department")),
                    note=d.get("note", "")))
            relations = []
            for r in data.get("relations", []):
                parts = _ids(r.get("parts")) or _ids(r.get("part"))
                relations.append(Relation(id=r["id"], kind=r["kind"], whole=r["whole"], parts=parts,
                                          severity=r.get("severity", "warning"), rule=r.get("rule", "")))
        except (KeyError, TypeError) as exc:
            raise CatalogueError(f"catalogue entry malformed: {exc!r}") from exc
        return cls(categories, indicators, relations)

    @classmethod
    def load(cls, path: Optional[Path] = None) -> "Catalogue":
        path = path or resource_path("catalogue.json")
        with open(path, encoding="utf-8") as fh:
            return cls.from_dict(json.load(fh))

    def _validate(self) -> None:
        cat_ids = {c.id for c in self.categories}
        if len(self._by_id) != len(self.indicators):
            raise CatalogueError("duplicate indicator ids")
        for ind in self.indicators:
            if ind.category not in cat_ids:
                raise CatalogueError(f"{ind.id}: unknown category {ind.category}")
            if ind.type not in INDICATOR_TYPES:
                raise CatalogueError(f"{ind.id}: unknown type {ind.type}")
            if ind.unit not in ind.units:
                raise CatalogueError(f"{ind.id}: unit {ind.unit} not among units")
            if ind.formula:
                for ref in ind.formula.parts:
                    if ref not in self._by_id:
                        raise CatalogueError(f"{ind.id}: formula refers to unknown {ref}")
        for rel in self.relations:
            if rel.kind not in RELATION_KINDS:
                raise CatalogueError(f"{rel.id}: unknown kind {rel.kind}")
            if rel.severity not in ("error", "warning"):
                raise CatalogueError(f"{rel.id}: unknown severity {rel.severity}")
            for ref in (rel.whole,) + rel.parts:
                if ref not in self._by_id:
                    raise CatalogueError(f"{rel.id}: refers to unknown {ref}")

    # -- lookup ---------------------------------------------------------------------
    def __contains__(self, indicator_id: str) -> bool:
        return indicator_id in self._by_id

    def get(self, indicator_id: str) -> Optional[Indicator]:
        return self._by_id.get(indicator_id)

    def indicators_for(self, report: Optional[Report] = None) -> list[Indicator]:
        """Catalogue indicators followed by the report's custom ones."""
        result = list(self.indicators)
        if report is not None:
            result.extend(custom_as_indicator(c) for c in report.custom_indicators)
        return result

    def resolve(self, indicator_id: str, report: Optional[Report] = None) -> Optional[Indicator]:
        found = self._by_id.get(indicator_id)
        if found is None and report is not None:
            custom = report.custom_indicator(indicator_id)
            found = custom_as_indicator(custom) if custom else None
        return found

    def grouped(self, report: Optional[Report] = None, level: Optional[str] = None
                ) -> list[tuple[str, str, list[Indicator]]]:
        """[(category id, category name, indicators)] in catalogue order; custom last.

        With ``level`` only indicators that apply to that organ level, plus any
        indicator the report has a value for.
        """
        groups: dict[str, list[Indicator]] = {c.id: [] for c in self.categories}
        custom: list[Indicator] = []
        for ind in self.indicators_for(report):
            if level and level not in ind.levels and not (report and ind.id in report.values):
                continue
            if ind.custom and ind.category not in groups:
                custom.append(ind)
            else:
                groups[ind.category].append(ind)
        result = [(c.id, c.name, groups[c.id]) for c in self.categories if groups[c.id]]
        if custom:
            result.append(("", CUSTOM_CATEGORY[1], custom))
        return result

    def dependents(self, indicator_id: str) -> list[Indicator]:
        """Rates whose formula uses this indicator (to refresh them live)."""
        return [i for i in self.indicators if i.formula and indicator_id in i.formula.parts]

    # -- derived values ---------------------------------------------------------------
    def computed(self, report: Report, indicator_id: str, year: str = "value") -> Optional[float]:
        """A rate computed from its parts (percent), or None when a part is missing or the base is 0."""
        ind = self._by_id.get(indicator_id)
        if ind is None or ind.formula is None:
            return None
        def total(ids):
            vals = [getattr(report.value_of(i), year) for i in ids]
            return None if any(v is None for v in vals) else sum(vals)
        num, den = total(ind.formula.numerator), total(ind.formula.denominator)
        if num is None or not den:
            return None
        return num / den * 100.0

    def is_derived(self, report: Report, indicator_id: str, year: str = "value") -> bool:
        return self.computed(report, indicator_id, year) is not None

    def effective(self, report: Report, indicator_id: str, year: str = "value") -> Optional[Number]:
        """The value shown and exported: computed when the parts are there, else what was entered."""
        computed = self.computed(report, indicator_id, year)
        if computed is not None:
            return computed
        return getattr(report.value_of(indicator_id), year)

    def written(self, report: Report, indicator_id: str, year: str = "value", with_unit: bool = False) -> str:
        """The value as the report writes it: typed numbers as typed with their qualifier
        (460余, 12.35), a rate computed from its parts to one decimal and exact (97.2); "" when empty."""
        computed = self.computed(report, indicator_id, year)
        ind = self.resolve(indicator_id, report)
        unit = ind.unit if ind is not None and with_unit else ""
        if computed is not None:
            return format_value(computed, "", unit, RATE_DECIMALS)
        entry = report.value_of(indicator_id)
        return format_value(getattr(entry, year), entry.qualifier if year == "value" else "", unit)


def custom_as_indicator(custom: CustomIndicator) -> Indicator:
    unit = custom.unit
    return Indicator(id=custom.id, category=custom.category, name=custom.name, unit=unit,
                     type=custom.type if custom.type in INDICATOR_TYPES else "count",
                     short="", units=(unit,) if unit else (), custom=True)


@functools.lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The shipped catalogue, loaded once."""
    return Catalogue.load()
