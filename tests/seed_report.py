"""The seed report (../shared/seed/changgang_2023.txt, copied from a website) as a Report, read by
the program's own importer with the numbers it proposes applied, as a clerk would start from it.
"""
from __future__ import annotations

from importers import apply_numbers, import_text
from models.report import DocNumber, Report


def seed_report(text: str, *, official: bool = False) -> Report:
    """``official`` adds what a clerk fills in for the official version and a web copy does not
    show (发文字号, 主送, 抄送, 印发); those values are made up."""
    result = import_text(text)
    apply_numbers(result)
    report = result.report
    if official:
        meta, date = report.meta, report.meta.signing_date
        meta.doc_number = DocNumber("海珠昌岗", date.year, 8)
        meta.addressees = ["中共广州市海珠区委全面依法治区委员会办公室"]
        meta.cc = ["广州市海珠区司法局"]
        meta.printing_organ = "广州市海珠区人民政府昌岗街道办事处"
        meta.printing_date = date
    return report
