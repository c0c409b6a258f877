"""The 主体's text: title, 主送机关, preamble and the numbered sections (一、（一）1.（1）)."""
from __future__ import annotations

from models.numbering import heading_label
from models.report import Report, Section
from models.title_breaks import break_title

from .styles import LINE
from .writer import DocWriter

MAX_LEVEL = 4


def write_title(w: DocWriter, report: Report, *, space_before: int) -> None:
    """2号小标宋, centred; the user's line breaks, else balanced breaks of ≤ 20 characters."""
    lines = w.prep.lines(report.meta.effective_title)
    if len(lines) == 1:
        lines = break_title(lines[0])
    w.paragraph("GWTitle", "\n".join(lines), where="标题", space_before=space_before)


def write_addressee(w: DocWriter, report: Report) -> None:
    """One blank line below the title, flush left, ending in a full-width colon."""
    names = [w.prep.inline(n).rstrip("：:") for n in report.meta.addressees]
    names = [n for n in names if n]
    if names:
        w.paragraph("GWAddressee", "、".join(names) + "：", where="主送机关", space_before=LINE)


def write_preamble(w: DocWriter, report: Report) -> None:
    for i, text in enumerate(report.preamble, 1):
        for line in w.prep.lines(text):
            w.paragraph("GWBody", line, where=f"导语第{i}段")


def write_sections(w: DocWriter, report: Report) -> None:
    for section, level, path in report.iter_sections():
        # The number Report.label_of computes, from the path at hand (label_of searches the tree).
        _write_section(w, section, min(level, MAX_LEVEL), heading_label(level, path[-1] + 1))


def _write_section(w: DocWriter, section: Section, level: int, label: str) -> None:
    heading = w.prep.inline(section.heading)
    place = f"“{label}{heading[:10]}{'…' if len(heading) > 10 else ''}”"
    paragraphs = [line for text in section.paragraphs for line in w.prep.lines(text)]
    char_style = f"GWHeading{level}Char"
    if section.run_in:
        # The heading sentence in its face, the rest of the paragraph in the body face (GB/T 9704 and
        # the reports offices publish): one paragraph.
        sentence = label + w.prep.inline(section.heading_sentence())
        if not paragraphs:
            w.paragraph(f"GWHeading{level}", sentence, where=f"{place}标题")
            return
        w.paragraph(f"GWRunIn{level}", [(sentence, char_style), (paragraphs[0], None)], where=f"{place}第1段")
        rest = paragraphs[1:]
        first_number = 2
    else:
        w.paragraph(f"GWHeading{level}", label + heading, where=f"{place}标题")
        rest = paragraphs
        first_number = 1
    for n, text in enumerate(rest, first_number):
        w.paragraph("GWBody", text, where=f"{place}第{n}段")
