"""What every rule sees during one check run: the report, the catalogue, options,
the outline, and memos that make the run cheap."""
from __future__ import annotations

from typing import Iterable, Optional

from ..catalogue import Catalogue, Indicator, default_catalogue
from ..numbers import NumberMention, find_numbers
from ..report import Number, Report
from .options import CheckOptions
from .outline import Block, Outline, build_outline
from .problem import IndicatorLocation

YEAR_LABELS = {"value": "本年", "last_year": "上年"}


class CheckContext:
    """One run. ``mention_memo`` (text → number mentions) may outlive the run: number
    recognition depends on the text alone, so a session keeps it between runs."""

    def __init__(self, report: Report, catalogue: Optional[Catalogue] = None, last_year: Optional[Report] = None,
                 options: Optional[CheckOptions] = None, mention_memo: Optional[dict] = None):
        self.report = report
        self.catalogue = catalogue or default_catalogue()
        self.last_year = last_year
        self.options = options or CheckOptions()
        self.today = self.options.effective_today()
        self.outline: Outline = build_outline(report)
        self.mention_memo = {} if mention_memo is None else mention_memo
        self.deps: dict[str, set[str]] = {}  # block key → indicator ids its findings depend on
        self._effective: dict[tuple, Optional[Number]] = {}

    # -- indicators --------------------------------------------------------------------------
    def indicator(self, indicator_id: str) -> Optional[Indicator]:
        return self.catalogue.resolve(indicator_id, self.report)

    def effective(self, indicator_id: str, year: str = "value") -> Optional[Number]:
        key = (indicator_id, year)
        if key not in self._effective:
            self._effective[key] = self.catalogue.effective(self.report, indicator_id, year)
        return self._effective[key]

    def qualifier(self, indicator_id: str, year: str = "value") -> str:
        """The qualifier of the stored value (本年 only); a rate computed from its parts is exact."""
        if year != "value" or self.catalogue.computed(self.report, indicator_id, year) is not None:
            return ""
        return self.report.value_of(indicator_id).qualifier

    def name(self, indicator_id: str) -> str:
        ind = self.indicator(indicator_id)
        return f"「{ind.name if ind else indicator_id}」（{indicator_id}）"

    def shown(self, indicator_id: str, year: str = "value") -> str:
        """The stored value as written: 460余人次, 96.9%."""
        return self.catalogue.written(self.report, indicator_id, year, with_unit=True)

    def indicator_location(self, indicator_id: str, year: str = "value") -> IndicatorLocation:
        return IndicatorLocation(indicator_id, year, f"统计表{self.name(indicator_id)}{YEAR_LABELS[year]}数")

    # -- text ------------------------------------------------------------------------------------
    def mentions(self, text: str) -> list[NumberMention]:
        found = self.mention_memo.get(text)
        if found is None:
            found = self.mention_memo[text] = find_numbers(text, self.catalogue)
        return found

    def depend(self, block: Block, indicator_ids: Iterable[str]) -> None:
        """Note that a block's findings change when these indicators' values change."""
        self.deps.setdefault(block.key, set()).update(indicator_ids)
