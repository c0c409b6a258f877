"""What an import gives the caller: the report, the number proposals, the warnings.

Numbers are only proposed: the GUI lets the user accept or reassign each one,
the CLI applies them with ``--apply-numbers``. Numbers in the 下一年度安排 part
are targets and never proposed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, NamedTuple, Optional

from models.catalogue import Catalogue, default_catalogue
from models.numbers import NumberFinder, NumberMention
from models.report import Part, Report, Section, format_value

_AMOUNT_FACTORS = {"元": 1, "万元": 10_000, "亿元": 100_000_000}
_SOURCE_DECIMALS = 6


class Proposal(NamedTuple):
    """A value found in the text for an indicator; ``mention.phrase`` shows where it came from."""

    indicator_id: str
    mention: NumberMention


@dataclass
class ImportResult:
    """``report`` holds no values yet; :func:`apply_numbers` puts accepted proposals in."""

    report: Report
    proposals: list[Proposal] = field(default_factory=list)
    unmatched: list[NumberMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str = ""


def _texts(report: Report) -> Iterator[tuple[str, bool]]:
    """(text, is in the 下一年度安排 part) in document order."""
    for p in report.preamble:
        yield p, False

    def walk(section: Section, plan: bool):
        yield section.heading, plan
        for p in section.paragraphs:
            yield p, plan
        for child in section.children:
            yield from walk(child, plan)

    for top in report.sections:
        yield from walk(top, top.part is Part.NEXT_YEAR)


def find_proposals(result: ImportResult, catalogue: Optional[Catalogue] = None) -> None:
    """Fill ``proposals`` and ``unmatched`` from the report's text."""
    finder = _finder(catalogue or default_catalogue())
    for text, plan in _texts(result.report):
        if plan:
            continue  # 2025年力争调解成功率达到98%: a target, not last year's statistic
        for mention in finder.find(text):
            if not mention.is_statistic:
                continue
            if mention.indicator_id:
                result.proposals.append(Proposal(mention.indicator_id, mention))
            else:
                result.unmatched.append(mention)


_FINDERS: dict[int, NumberFinder] = {}


def _finder(catalogue: Catalogue) -> NumberFinder:
    finder = _FINDERS.get(id(catalogue))
    if finder is None or finder.catalogue is not catalogue:
        finder = _FINDERS[id(catalogue)] = NumberFinder(catalogue)
    return finder


def _converted(mention: NumberMention, unit: str):
    """The value in the indicator's unit (2.92亿元 → 29200 万元); counts keep their number."""
    value = mention.value
    if mention.unit in _AMOUNT_FACTORS and unit in _AMOUNT_FACTORS and mention.unit != unit:
        value = value * _AMOUNT_FACTORS[mention.unit] / _AMOUNT_FACTORS[unit]
        value = int(value) if float(value).is_integer() else round(value, 4)
    return value


def apply_numbers(result: ImportResult, accepted: Optional[Iterable[Proposal]] = None,
                  catalogue: Optional[Catalogue] = None) -> list[str]:
    """Put proposals into ``result.report.values``; returns one line per value set or skipped.

    ``accepted`` defaults to every proposal; the GUI passes the ones the user kept,
    possibly with another indicator id. The first value per indicator wins; a rate
    the catalogue can compute from the applied counts is not stored (the file format
    keeps only rates whose parts are missing).
    """
    catalogue = catalogue or default_catalogue()
    report = result.report
    chosen: dict[str, NumberMention] = {}
    messages: list[str] = []
    for ind_id, mention in (result.proposals if accepted is None else accepted):
        if ind_id in chosen:
            if chosen[ind_id].value != mention.value:
                messages.append(f"未采用：{_name(catalogue, report, ind_id)} 已取「{chosen[ind_id].phrase}」，"
                                f"另有「{mention.phrase}」")
            continue
        chosen[ind_id] = mention
    # counts first: a rate is stored only when the catalogue cannot compute it from them
    rates = [i for i in chosen if getattr(catalogue.resolve(i, report), "formula", None)]
    for ind_id in [i for i in chosen if i not in rates] + rates:
        mention = chosen[ind_id]
        ind = catalogue.resolve(ind_id, report)
        if ind_id in rates and catalogue.is_derived(report, ind_id):
            messages.append(f"不保存：{ind.name} 由已填的数值计算（原文「{mention.phrase}」）")
            continue
        unit = ind.unit if ind is not None else mention.unit
        value = _converted(mention, unit)
        report.set_value(ind_id, value=value, qualifier=mention.qualifier)
        shown = unit if value != mention.value else mention.unit
        messages.append(f"{ind_id} {_name(catalogue, report, ind_id)} = {_as_written(value, mention.qualifier, shown)}"
                        f"（「{mention.phrase}」）")
    return messages


def _as_written(value, qualifier: str, unit: str) -> str:
    # every decimal the source wrote: 2.92亿元 must not be shown to the clerk as 2.9亿元
    return format_value(value, qualifier, unit, decimals=_SOURCE_DECIMALS)


def keep_as_custom(result: ImportResult, mention: NumberMention, name: str, category: str = "") -> str:
    """Keep a number that matches no indicator as the office's own indicator (X01 …); returns its id."""
    kind = "rate" if mention.unit == "%" else "amount" if mention.unit in _AMOUNT_FACTORS else "count"
    custom = result.report.add_custom_indicator(name, unit=mention.unit, category=category, type=kind)
    result.report.set_value(custom.id, value=mention.value, qualifier=mention.qualifier)
    return custom.id


def _name(catalogue: Catalogue, report: Report, ind_id: str) -> str:
    ind = catalogue.resolve(ind_id, report)
    return ind.name if ind is not None else ind_id


def describe(result: ImportResult, catalogue: Optional[Catalogue] = None) -> list[str]:
    """The structure summary and the proposals, as lines for the CLI (and a GUI preview)."""
    catalogue = catalogue or default_catalogue()
    report, meta = result.report, result.report.meta
    lines = [f"标题：{meta.effective_title.replace(chr(10), '／')}",
             f"发文机关：{meta.organ_name or '（未识别）'}  报告年度：{meta.report_year}  "
             f"成文日期：{meta.signing_date_text or '（无）'}"]
    if meta.signature_name and meta.signature_name != meta.organ_name:
        lines.append(f"署名：{meta.signature_name.replace(chr(10), '／')}")
    if meta.addressees:
        lines.append(f"主送：{'，'.join(meta.addressees)}")
    if meta.attachments:
        lines.append(f"附件：{'；'.join(meta.attachments)}")
    lines.append(f"开头段落：{len(report.preamble)} 段")
    lines.append("提纲：")
    for section, level, _ in report.iter_sections():
        tag = f"  〔{section.part.label}〕" if section.part else ""
        run_in = "（标题与正文同段）" if section.run_in else ""
        lines.append(f"{'  ' * level}{report.label_of(section.id)}{section.heading}{run_in}{tag}"
                     f"  — {len(section.paragraphs)} 段")
    lines.append(f"数字建议：{len(result.proposals)} 个")
    for ind_id, mention in result.proposals:
        value = _as_written(mention.value, mention.qualifier, mention.unit)
        lines.append(f"  {ind_id:<5} {_name(catalogue, report, ind_id)} = {value}  ←「{mention.phrase}」")
    if result.unmatched:
        lines.append(f"未对应指标的数字：{len(result.unmatched)} 个")
        for mention in result.unmatched:
            lines.append(f"  {_as_written(mention.value, mention.qualifier, mention.unit)}  ←「{mention.phrase}」")
    return lines
