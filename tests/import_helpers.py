"""Helpers for the import tests: the text a report prints, and a completeness check."""
from __future__ import annotations

import re

from importers.result import ImportResult, find_proposals
from models.catalogue import default_catalogue
from models.numbering import format_cn_date
from models.refs import render_refs
from models.report import Report, Section
from models.text import normalize_punctuation


def printed_blocks(report: Report) -> list[str]:
    """The report's text as it prints: title, 主送, preamble, numbered headings (run-in joined), paragraphs,
    附件说明, 署名, 日期."""
    meta = report.meta
    blocks = [meta.doc_number.format()] + meta.effective_title.split("\n")
    if meta.addressees:
        blocks.append("，".join(meta.addressees) + "：")
    blocks += report.preamble
    for section, _, _ in report.iter_sections():
        label = report.label_of(section.id)
        paragraphs = list(section.paragraphs)
        if section.run_in and paragraphs:
            blocks.append(label + section.heading_sentence() + paragraphs.pop(0))
        else:
            blocks.append(label + section.heading)
        blocks += paragraphs
    numbered = len(meta.attachments) > 1
    blocks += [("附件：" if i == 1 else "") + (f"{i}." if numbered else "") + name
               for i, name in enumerate(meta.attachments, start=1)]
    blocks += meta.effective_signature.split("\n")
    blocks.append(meta.signing_date_text)
    blocks.append(f"（{meta.notes}）" if meta.notes else "")
    blocks.append(f"抄送：{'、'.join(meta.cc)}。" if meta.cc else "")
    blocks.append(meta.printing_organ + format_cn_date(meta.printing_date) + ("印发" if meta.printing_date else ""))
    return [b for b in blocks if b]


def key(text: str) -> str:
    """Text compared without whitespace and with full-width punctuation (as the importer writes it)."""
    return re.sub(r"\s", "", normalize_punctuation(text))


def body_blocks(report: Report) -> list[str]:
    """Preamble, then each section's heading line and paragraphs, without the labels of the headings."""
    blocks = list(report.preamble)
    for section, _, _ in report.iter_sections():
        paragraphs = list(section.paragraphs)
        if section.run_in and paragraphs:
            blocks.append(section.heading_sentence() + paragraphs.pop(0))
        else:
            blocks.append(section.heading)
        blocks += paragraphs
    return blocks


def missing_texts(source_texts: list[str], report: Report, extra: str = "") -> list[str]:
    """Source paragraphs whose text appears nowhere in the imported report."""
    everything = key("".join(printed_blocks(report)) + extra)
    return [t for t in source_texts if key(t) and key(t) not in everything]


def outline(report: Report) -> list[tuple[int, str, str]]:
    """(level, printed label, heading) for every section."""
    return [(level, report.label_of(s.id), s.heading) for s, level, _ in report.iter_sections()]


def rendered(report: Report) -> Report:
    """The report as it prints: {{B05}} references replaced by their values."""
    def section(s: Section) -> Section:
        return Section(heading=s.heading, run_in=s.run_in, part=s.part,
                       paragraphs=[render_refs(p, report) for p in s.paragraphs],
                       children=[section(c) for c in s.children])
    return Report(meta=report.meta, preamble=[render_refs(p, report) for p in report.preamble],
                  sections=[section(s) for s in report.sections], values=report.values,
                  custom_indicators=report.custom_indicators)


def values_in_text(report: Report) -> dict:
    """Indicators whose value the text states (outside the plan part), with the stored value."""
    probe = ImportResult(report=rendered(report))
    find_proposals(probe)
    catalogue = default_catalogue()
    return {p.indicator_id: catalogue.effective(report, p.indicator_id) for p in probe.proposals
            if p.indicator_id in report.values or catalogue.is_derived(report, p.indicator_id)}
