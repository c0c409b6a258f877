"""TEST-ONLY: rebuild the seed report (../shared/seed/changgang_2023.txt) as a Report.

The importer (written in parallel) is the real way in; this helper only knows the
seed's simple shape — web-page furniture, the title, an indented 开头段, 一、 headings
on their own line, （一） headings run into their paragraph up to the first 。, the
signature and the date — so that the checks can be tried on a real report. Indicator
values are taken from the text with the shared number recognition, as the importer
proposes them.
"""
from __future__ import annotations

import datetime as dt
import re

from models.numbers import NumberFinder
from models.report import IndicatorValue, Report, ReportMeta, Section
from models.text import clean_paragraph

_TOP = re.compile(r"^[一二三四五六七八九十]+、(.+)$")
_SUB = re.compile(r"^[（(][一二三四五六七八九十]+[）)](.+)$")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def build_seed_report(text: str) -> Report:
    lines = text.splitlines()
    title_at = next(i for i, line in enumerate(lines) if "关于" in line and line.strip().endswith("报告"))
    title = lines[title_at].strip()
    organ = title[:title.index("关于")]
    year = int(re.search(r"(\d{4})年度", title).group(1))
    report = Report(meta=ReportMeta(organ_name=organ, report_year=year))
    current = None
    for line in lines[title_at + 1:]:
        if not line[:1].isspace():
            continue  # breadcrumbs, publication date, footer: page furniture, not indented
        t = clean_paragraph(line)
        if not t:
            continue
        date = _DATE.match(t)
        if date:
            report.meta.signing_date = dt.date(*map(int, date.groups()))
            break
        if t == organ:
            continue  # the signature
        top, sub = _TOP.match(t), _SUB.match(t)
        if top:
            current = Section(heading=top.group(1))
            report.sections.append(current)
        elif sub:
            heading, _, rest = sub.group(1).partition("。")
            current_top = report.sections[-1]
            current = Section(heading=heading, run_in=True, paragraphs=[rest] if rest else [])
            current_top.children.append(current)
        elif current is None:
            report.preamble.append(t)
        else:
            current.paragraphs.append(t)
    _apply_numbers(report)
    return report


def _apply_numbers(report: Report) -> None:
    """The first statistic of each indicator in the text becomes its value."""
    finder = NumberFinder()
    texts = list(report.preamble) + [p for s, _, _ in report.iter_sections() for p in s.paragraphs]
    for text in texts:
        for ind_id, mention in finder.proposals(text).items():
            if ind_id not in report.values:
                report.values[ind_id] = IndicatorValue(mention.value, qualifier=mention.qualifier)
