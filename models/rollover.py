"""Next year's report, started from last year's.

Same organ, outline and settings; the year moves on by one everywhere it is the
report's own year: 「2024年…工作情况」 → 2025, the plan's 「2025年…计划」 → 2026.
Years inside ranges (《纲要（2021—2025年）》) and all other years stay.

Dates are cleared, not moved: a signing or printing date is a fact of the new
report that nobody knows yet, and a guessed date that looks plausible is the
one a clerk overlooks (the checks flag an empty date before export). The
发文字号 keeps its 代字, takes the new year and loses its serial for the same reason.

Last year's values move to the 上年 column (without their 余/多 qualifier, which
described last year's number); this year's column starts empty.

Body text is either cleared or kept with a first paragraph 「【待更新】…」 in every
section (and the preamble) that has text. The marker is ordinary paragraph text,
so the file format is unchanged; the checks report it (D5-PENDING-UPDATE, an 错误)
until the user deletes it once the section is rewritten.
"""
from __future__ import annotations

import dataclasses
import re

from .report import DocNumber, IndicatorValue, Report, Section

PENDING_MARK = "【待更新】"
_YEAR = re.compile(r"(?<![\d\-—–~～至到])(\d{4})(?=\s*年)(?!\s*年\s*[\-—–~～至到]\s*\d)")


def pending_paragraph(old_year: int, new_year: int) -> str:
    return f"{PENDING_MARK}以下是{old_year}年报告的原文，请按{new_year}年的情况修改，改完后删除本段。"


def is_pending(paragraph: str) -> bool:
    return paragraph.startswith(PENDING_MARK)


def shift_years(text: str, year: int, new_year: int | None = None) -> str:
    """Move the report year ``year`` to ``new_year`` (default: the next) and its plan year
    ``year + 1`` along with it; other years stay."""
    new_year = year + 1 if new_year is None else new_year
    mapping = {str(year): str(new_year), str(year + 1): str(new_year + 1)}
    return _YEAR.sub(lambda m: mapping.get(m.group(1), m.group(1)), text)


def headings_for_year(report: Report, new_year: int) -> dict[str, str]:
    """The headings that name the report year or its plan year (「2025年…主要举措和成效」,
    「2026年…主要安排」), written for ``new_year`` instead: section id → new heading."""
    year = report.meta.report_year
    moved = {}
    for section, _, _ in report.iter_sections():
        heading = shift_years(section.heading, year, new_year)
        if heading != section.heading:
            moved[section.id] = heading
    return moved


def _body(paragraphs: list[str], year: int, keep_text: bool) -> list[str]:
    text = [shift_years(p, year) for p in paragraphs if not is_pending(p)]
    if not keep_text or not text:
        return []
    return [pending_paragraph(year, year + 1)] + text


def _section(section: Section, year: int, keep_text: bool) -> Section:
    return Section(id=section.id, heading=shift_years(section.heading, year), part=section.part,
                   run_in=section.run_in, guidance=section.guidance,
                   paragraphs=_body(section.paragraphs, year, keep_text),
                   children=[_section(c, year, keep_text) for c in section.children])


def _values(values: dict[str, IndicatorValue]) -> dict[str, IndicatorValue]:
    moved = {}
    for ind_id, entry in values.items():
        if entry.value is not None:
            moved[ind_id] = IndicatorValue(value=None, last_year=entry.value)
    return moved


def next_year_report(report: Report, keep_text: bool = True) -> Report:
    """A new report for the year after ``report``'s; ``report`` itself is not changed."""
    year = report.meta.report_year
    meta = report.meta
    number = meta.doc_number
    new_meta = dataclasses.replace(
        meta, report_year=year + 1, signing_date=None, printing_date=None,
        title=shift_years(meta.title, year) if meta.title else "",
        doc_number=DocNumber(agency_code=number.agency_code, year=number.year + 1 if number.year else None),
        addressees=list(meta.addressees), signers=list(meta.signers), cc=list(meta.cc),
        attachments=[shift_years(a, year) for a in meta.attachments])
    return Report(meta=new_meta, preamble=_body(report.preamble, year, keep_text),
                  sections=[_section(s, year, keep_text) for s in report.sections],
                  custom_indicators=[dataclasses.replace(c) for c in report.custom_indicators],
                  values=_values(report.values))
