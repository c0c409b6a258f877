"""Word export time: the sample, the seed (when ../shared is there) and a generated 300-page report,
next to a bare python-docx script that writes the same paragraphs with the same formatting in the
same process (the stack's limit).

    python benchmarks/bench_docx.py

Targets on the 2-core reference machine: exporter / bare ≤ 1.3; 300 pages < 3 s. The two run
interleaved with the garbage collector paused (the machine is shared and noisy); prints the best
times, the median ratio of the pairs, and peak memory.
"""
from __future__ import annotations

import gc
import io
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from docx import Document  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt, Twips  # noqa: E402

from benchmarks.synthetic import make_report  # noqa: E402
from exporters.word import build_docx  # noqa: E402
from models.catalogue import default_catalogue  # noqa: E402
from models.numbering import heading_label  # noqa: E402
from models.pages import estimate_pages  # noqa: E402
from models.storage import load_report  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "demo_street_2024.fzbg"
SEED = ROOT.parent / "shared" / "seed" / "changgang_2023.txt"
FONTS = {"body": "仿宋_GB2312", "title": "方正小标宋简体", 1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312",
         4: "仿宋_GB2312"}


# -- the bare script ------------------------------------------------------------------------
def _fonts(rpr, name):
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), name)
    fonts.set(qn("w:hint"), "eastAsia")


def _style(doc, name, font, size, first_line, align, kind=WD_STYLE_TYPE.PARAGRAPH):
    style = doc.styles.add_style(name, kind)
    style.font.size = Pt(size)
    _fonts(style.element.get_or_add_rPr(), font)
    if kind == WD_STYLE_TYPE.PARAGRAPH:
        pf = style.paragraph_format
        pf.line_spacing, pf.space_after, pf.space_before = Twips(579), Pt(0), Pt(0)
        pf.first_line_indent, pf.alignment = Twips(first_line), align
    return style


def bare_docx(report) -> bytes:
    """The same paragraphs, styles and page setup with python-docx's own API (plus the raw XML it
    lacks for East Asian fonts, the grid and the PAGE field); no text clean-up, checks or layout."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    grid = sec._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), "579")
    doc.settings.odd_and_even_pages_header_footer = True
    J, C, R = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    body = _style(doc, "Body", FONTS["body"], 16, 640, J)
    title = _style(doc, "Title2", FONTS["title"], 22, 0, C)
    heads = {n: _style(doc, f"H{n}", FONTS[n], 16, 640, J) for n in range(1, 5)}
    chars = {n: _style(doc, f"H{n}C", FONTS[n], 16, 0, None, WD_STYLE_TYPE.CHARACTER) for n in range(1, 5)}
    right = _style(doc, "Right", FONTS["body"], 16, 0, R)
    meta = report.meta

    def para(style, *runs):
        # Style by id: python-docx's add_paragraph(text, style) looks the style up on every call,
        # which would make this baseline three times slower than it has to be.
        p = doc.add_paragraph()
        p._p.style = style.style_id
        for text, char_style in runs:
            r = p.add_run(text)
            if char_style is not None:
                r._r.style = char_style.style_id

    para(title, (meta.effective_title, None))
    para(body, ("、".join(meta.addressees) + "：", None))
    for text in report.preamble:
        para(body, (text, None))
    for section, level, path in report.iter_sections():
        label = heading_label(level, path[-1] + 1)
        paras = list(section.paragraphs)
        if section.run_in and paras:
            para(body, (label + section.heading_sentence(), chars[level]), (paras.pop(0), None))
        else:
            para(heads[level], (label + section.heading, None))
        for text in paras:
            para(body, (text, None))
    para(right, (meta.effective_signature, None))
    para(right, (meta.signing_date_text, None))
    for footer in (sec.footer, sec.even_page_footer):
        p = footer.paragraphs[0]
        p.add_run("— ")
        for kind in ("begin", "instr", "separate", "end"):
            r = p.add_run()
            if kind == "instr":
                el = OxmlElement("w:instrText")
                el.text = " PAGE "
            else:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            r._r.append(el)
        p.add_run(" —")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# -- measurement -------------------------------------------------------------------------------
def _timed(fn, report) -> float:
    gc.collect()
    gc.disable()  # as timeit does: a collection would land on whichever side happens to trigger it
    try:
        t0 = time.perf_counter()
        fn(report)
        return time.perf_counter() - t0
    finally:
        gc.enable()


def measure(report, repeats: int) -> tuple[float, float, float, float]:
    """Exporter and bare script, runs interleaved: (best export s, best bare s, median ratio of the
    pairs, peak MB of one export's Python heap)."""
    ours, bare = [], []
    for _ in range(repeats):
        ours.append(_timed(build_docx, report))
        bare.append(_timed(bare_docx, report))
    tracemalloc.start()
    build_docx(report)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    ratio = statistics.median(a / b for a, b in zip(ours, bare))
    return min(ours), min(bare), ratio, peak / 1024 / 1024


def main() -> None:
    default_catalogue()  # loaded once per process; not part of an export's cost
    cases = [("sample", load_report(SAMPLE), 15)]
    if SEED.exists():
        from tests.seed_report import seed_report
        cases.append(("seed", seed_report(SEED.read_text(encoding="utf-8"), official=True), 15))
    else:
        print("(seed skipped: ../shared is absent)")
    cases.append(("300 pages", make_report(300), 9))
    build_docx(cases[0][1])
    bare_docx(cases[0][1])  # warm-up: imports and python-docx's template
    print(f"{'report':<11}{'pages':>6}{'export s':>10}{'bare s':>9}{'ratio':>7}  {'target':<14}{'heap MB':>8}")
    for name, report, repeats in cases:
        ours, bare, ratio, peak = measure(report, repeats)
        big = name == "300 pages"
        ok = ratio <= 1.3 and (not big or ours < 3.0)
        print(f"{name:<11}{estimate_pages(report):>6}{ours:>10.3f}{bare:>9.3f}{ratio:>7.2f}  "
              f"{'≤1.3, <3 s' if big else '≤1.3':<14}{peak:>8.1f}  {'ok' if ok else 'SLOW'}")
    print("times: best of the runs; ratio: median of the paired runs; heap MB counts Python objects only, "
          "not lxml's XML tree.")
    try:
        import resource  # POSIX only
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak resident memory of this process (both writers, all reports): {rss:.0f} MB")
    except ImportError:
        pass


if __name__ == "__main__":
    main()
