"""The district 汇总 of many units' reports: which files count, and their totals.

Pure Python (no openpyxl), so the program window can show the same numbers.

* A folder stands for the ``.fzbg`` files directly inside it (not its sub-folders).
* A file that cannot be read is listed with the reason and skipped; one bad file never
  stops the run.
* The 汇总 covers one report year (the one most files have, unless chosen); files of other
  years are listed, not added.
* The same organ (name compared without spaces) with the same year twice is counted once:
  the first file in the order given counts (in a folder: by name, the original
  「甲街道.fzbg」 before its copy 「甲街道 - 副本.fzbg」), the others are listed as duplicates.
* Counts and amounts are summed. A rate with a formula is recomputed from the summed
  numerator and denominator, never averaged; a rate without a formula, a change, a weight or
  a ratio cannot be added up and has no total.
* 上年 totals (and the change) only when every unit that reports the indicator also has its
  上年 figure; otherwise the comparison would be of different sets of units.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from models.catalogue import CUSTOM_CATEGORY, Catalogue, Indicator, custom_as_indicator
from models.errors import ReportFileError
from models.report import Number, Report
from models.storage import EXTENSION, load_report
from models.text import name_key

from .statistics import change_of

ProgressCallback = Callable[[int, int, str], None]

@dataclass
class Unit:
    path: Path
    report: Report

    @property
    def name(self) -> str:
        # A unit column needs a heading even when the 基本信息 were never filled in.
        return self.report.meta.organ_name.strip() or f"（未填单位名称：{self.path.name}）"

    @property
    def year(self) -> int:
        return self.report.meta.report_year

    @property
    def key(self) -> tuple[str, int]:
        """Who the unit is: its name without spaces. Files without a name cannot be told
        apart, so each counts as a unit of its own (never as another one's duplicate)."""
        named = name_key(self.report.meta.organ_name)
        return named or f"\0{os.path.normcase(os.path.abspath(self.path))}", self.year


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class Collection:
    units: list[Unit] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    year: Optional[int] = None
    files: int = 0


def expand_inputs(inputs: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Skipped]]:
    """Files as given; a folder → its .fzbg files by name (not recursive). A path given
    twice is read once."""
    paths: list[Path] = []
    problems: list[Skipped] = []
    seen: set = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            # By name without the extension: 「甲街道.fzbg」 before its copy 「甲街道 - 副本.fzbg」
            # (a plain sort puts " " before "."), so of two files of one unit the original counts.
            found = sorted((p for p in path.iterdir() if p.suffix.lower() == EXTENSION and p.is_file()),
                           key=lambda p: (p.stem, p.name))
            if not found:
                problems.append(Skipped(str(path), f"文件夹中没有 {EXTENSION} 报告文件（不查找子文件夹）"))
        else:
            found = [path]
        for p in found:
            marker = os.path.normcase(os.path.abspath(p))
            if marker not in seen:
                seen.add(marker)
                paths.append(p)
    return paths, problems


def _reason(exc: ReportFileError) -> str:
    return f"{exc.problem}（位置：{exc.where}）" if exc.where else exc.problem


def collect(inputs: Iterable[str | os.PathLike], progress: Optional[ProgressCallback] = None,
            catalogue: Optional[Catalogue] = None, year: Optional[int] = None) -> Collection:
    """Read every file, reporting ``progress(done, total, path)`` after each one."""
    paths, skipped = expand_inputs(inputs)
    loaded: list[Unit] = []
    for done, path in enumerate(paths, start=1):
        try:
            loaded.append(Unit(path, load_report(path, catalogue)))
        except ReportFileError as exc:
            skipped.append(Skipped(str(path), _reason(exc)))
        if progress:
            progress(done, len(paths), str(path))
    if year is None and loaded:
        counts = Counter(u.year for u in loaded)
        year = max(counts, key=lambda y: (counts[y], y))  # most files; the later year on a tie
    units: list[Unit] = []
    first_of: dict[tuple[str, int], Unit] = {}
    for unit in loaded:
        if unit.year != year:
            skipped.append(Skipped(str(unit.path), f"报告年度为 {unit.year} 年，不是本次汇总的 {year} 年度"))
        elif unit.key in first_of:
            skipped.append(Skipped(str(unit.path), _duplicate_reason(unit, first_of[unit.key])))
        else:
            first_of[unit.key] = unit
            units.append(unit)
    return Collection(units=units, skipped=skipped, year=year, files=len(paths))


def _duplicate_reason(unit: Unit, first: Unit) -> str:
    same = unit.report.values == first.report.values
    return (f"与「{first.path}」是同一单位（{unit.name}）的同一年度报告，未重复计入；"
            f"两份文件的统计数{'相同' if same else '不同，请核实哪一份是最终稿'}")


# -- rows ------------------------------------------------------------------------------------
@dataclass
class SummaryRow:
    """One indicator of the 汇总: ``keys[i]`` is its id in unit i's report (None: the unit
    has no such indicator). Catalogue indicators have the same id everywhere; a custom
    indicator is matched by category, name, unit and type, since each office numbers its
    own custom indicators X01, X02 …"""

    indicator: Indicator
    keys: list[Optional[str]]
    code: str

    def entries(self, units: Sequence[Unit]):
        for unit, key in zip(units, self.keys):
            yield unit, key


def summary_groups(units: Sequence[Unit], catalogue: Catalogue) -> list[tuple[str, list[SummaryRow]]]:
    """[(category name, rows)]: the catalogue indicators of the units' levels (filled or not,
    as on each unit's form) plus any other one a unit filled, then custom indicators."""
    levels = {u.report.meta.organ_level.value for u in units}
    filled = set().union(*(u.report.values for u in units)) if units else set()
    groups: dict[str, list[SummaryRow]] = {c.id: [] for c in catalogue.categories}
    for ind in catalogue.indicators:
        if levels & set(ind.levels) or ind.id in filled:
            groups[ind.category].append(SummaryRow(ind, [ind.id] * len(units), ind.id))
    custom_group: list[SummaryRow] = []
    for row in _custom_rows(units):
        target = groups.get(row.indicator.category)
        (target if target is not None else custom_group).append(row)
    result = [(c.name, groups[c.id]) for c in catalogue.categories if groups[c.id]]
    if custom_group:
        result.append((CUSTOM_CATEGORY[1], custom_group))
    return result


def _custom_rows(units: Sequence[Unit]) -> list[SummaryRow]:
    rows: dict[tuple, SummaryRow] = {}
    for i, unit in enumerate(units):
        for custom in unit.report.custom_indicators:
            key = (custom.category, name_key(custom.name), custom.unit.strip(), custom.type)
            if key not in rows:
                ind = custom_as_indicator(custom)
                rows[key] = SummaryRow(ind, [None] * len(units), "")
            rows[key].keys[i] = custom.id
    for row in rows.values():
        ids = {k for k in row.keys if k}
        row.code = ids.pop() if len(ids) == 1 else ""  # one id everywhere: show it
    return list(rows.values())


# -- totals ----------------------------------------------------------------------------------
@dataclass
class SummaryLine:
    row: SummaryRow
    values: list[Optional[Number]]      # each unit's figure as on its own form
    total: Optional[Number]
    last_total: Optional[Number]
    change: Optional[Number]
    change_rate: Optional[float]
    remark: str


def _sum_total(row: SummaryRow, units: Sequence[Unit]) -> tuple[Optional[Number], Optional[Number], list[str]]:
    entries = [(u, u.report.value_of(k)) for u, k in row.entries(units) if k]
    reporting = [e for _, e in entries if e.value is not None or e.last_year is not None]
    present = [e.value for e in reporting if e.value is not None]
    total = sum(present) if present else None
    notes = []
    # 上年合计 and 合计 must cover the same units, or the change compares different sets.
    lacking = sum(1 for e in reporting if e.last_year is None)
    only_last = sum(1 for e in reporting if e.value is None)
    last = sum(e.last_year for e in reporting) if reporting and not lacking and not only_last else None
    if lacking:
        notes.append(f"{lacking} 个单位无上年数，不计上年合计")
    if only_last:
        notes.append(f"{only_last} 个单位只有上年数、无本年数，不计上年合计")
    approximate = sum(1 for e in reporting if e.qualifier and e.value is not None)
    if approximate:
        notes.append(f"含 {approximate} 个单位的约数")
    return total, last, notes


def _parts_sums(ind: Indicator, units: Sequence[Unit], year: str) -> Optional[tuple[float, float]]:
    num = den = 0.0
    for unit in units:
        values = [getattr(unit.report.value_of(p), year) for p in ind.formula.parts]
        if any(v is None for v in values):
            return None
        k = len(ind.formula.numerator)
        num += sum(values[:k])
        den += sum(values[k:])
    return num, den


def _rate_total(row: SummaryRow, units: Sequence[Unit]) -> tuple[Optional[float], Optional[float], list[str]]:
    ind = row.indicator
    complete = [u for u in units if all(u.report.value_of(p).value is not None for p in ind.formula.parts)]
    notes = [f"按各单位 {ind.formula.text()} 的合计数计算"]
    left_out = [u for u in units if u not in complete
                and any(u.report.value_of(k).value is not None for k in [ind.id, *ind.formula.parts])]
    if left_out:
        notes.append(f"{len(left_out)} 个单位数据不全，未计入")
    sums = _parts_sums(ind, complete, "value") if complete else None
    total = sums[0] / sums[1] * 100.0 if sums and sums[1] else None
    last_sums = _parts_sums(ind, complete, "last_year") if total is not None else None
    last = last_sums[0] / last_sums[1] * 100.0 if last_sums and last_sums[1] else None
    if total is None:
        return None, None, notes[1:]
    if last_sums is None:
        notes.append("有单位缺上年数，不计上年")
    return total, last, notes


def summary_line(row: SummaryRow, units: Sequence[Unit], catalogue: Catalogue) -> SummaryLine:
    ind = row.indicator
    values = [catalogue.effective(u.report, k) if k else None for u, k in row.entries(units)]
    if ind.formula:
        total, last, notes = _rate_total(row, units)
    elif ind.type in ("count", "amount"):
        total, last, notes = _sum_total(row, units)
    else:
        total = last = None
        notes = ["比率不能相加，不汇总"] if any(v is not None for v in values) else []
    change, rate = change_of(ind, total, last)
    return SummaryLine(row, values, total, last, change, rate, "；".join(notes))
