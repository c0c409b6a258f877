"""TEST-ONLY: rebuild the seed report (../shared/seed/changgang_2023.txt, a report copied from a
website) as a Report, for the Word export tests. The real importer lives in ``importers/``; this
reads just the seed's simple shape: title line, preamble, 一、 and (一) headings (run-in ones end at
the first 。), paragraphs, signature, date. The web page's menus and footer are skipped.
"""
from __future__ import annotations

import datetime as dt
import re

from models.report import DocNumber, Report, ReportMeta, Section
from models.text import clean_text, normalize_punctuation

_TITLE = re.compile(r"^\S.*关于(\d{4})年度?.*报告$")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_H1 = re.compile(r"^[一二三四五六七八九十]+、(.+)$")
_H2 = re.compile(r"^[(（][一二三四五六七八九十]+[)）](.+)$")


def _clean(line: str) -> str:
    return normalize_punctuation(clean_text(line, keep_newlines=False)).strip(" \u3000\t")


def seed_report(text: str, *, official: bool = False) -> Report:
    """The seed as a Report. ``official`` adds what a clerk fills in for the official version and a
    web copy does not show (发文字号, 主送, 抄送, 印发); the values are made up."""
    lines = text.splitlines()
    start = next(i for i, l in enumerate(lines) if _TITLE.match(l.strip()))
    title = lines[start].strip()
    body = [l for l in lines[start + 1:] if l[:1].isspace() and l.strip()]
    end = next(i for i, l in enumerate(body) if _DATE.match(l.strip()))
    date = dt.date(*map(int, _DATE.match(body[end].strip()).groups()))
    signature = body[end - 1].strip()
    preamble, sections, current = [], [], None
    for raw in body[:end - 1]:
        line = _clean(raw)
        if _H1.match(line):
            current = Section(heading=_H1.match(line).group(1))
            sections.append(current)
        elif _H2.match(line) and current is not None:
            heading, _, rest = _H2.match(line).group(1).partition("。")
            current.children.append(Section(heading=heading, run_in=bool(rest), paragraphs=[rest] if rest else []))
        elif current is None:
            preamble.append(line)
        else:
            (current.children[-1] if current.children else current).paragraphs.append(line)
    meta = ReportMeta(organ_name=signature, report_year=int(_TITLE.match(title).group(1)), signing_date=date,
                      title=title)
    if official:
        meta.doc_number = DocNumber("海珠昌岗", date.year, 8)
        meta.addressees = ["中共广州市海珠区委全面依法治区委员会办公室"]
        meta.cc = ["广州市海珠区司法局"]
        meta.printing_organ = "广州市海珠区人民政府昌岗街道办事处"
        meta.printing_date = date
    return Report(meta=meta, preamble=preamble, sections=sections)
