"""Page estimate at the 公文 density of 22 lines × 28 characters (for the status bar and tests)."""
from __future__ import annotations

import math

from .report import Report
from .text import display_width

CHARS_PER_LINE = 28
LINES_PER_PAGE = 22


def paragraph_lines(text: str, indent: int = 2) -> int:
    return max(1, math.ceil((display_width(text) + indent) / CHARS_PER_LINE))


def estimate_lines(report: Report) -> int:
    meta = report.meta
    lines = 2 * len(meta.effective_title.split("\n")) + 1  # title at 22 pt takes about two body lines
    lines += len(meta.addressees) and 1
    lines += sum(paragraph_lines(p) for p in report.preamble)
    for section, _, _ in report.iter_sections():
        paras = list(section.paragraphs)
        if section.run_in and paras:
            paras[0] = section.heading_sentence() + paras[0]
        else:
            lines += paragraph_lines(section.heading + "一、")
        lines += sum(paragraph_lines(p) for p in paras)
    lines += 4 + len(meta.attachments)  # blank line, signature, date, notes
    return lines


def estimate_pages(report: Report) -> int:
    return max(1, math.ceil(estimate_lines(report) / LINES_PER_PAGE))
