"""Import time of a generated 300-page report from .docx (and, for comparison, from its text).

    python benchmarks/bench_import.py

Target on the 2-core reference machine: the 300-page .docx imports in < 2 s (median of repeated
runs, numbers proposed). The .docx comes from the program's Word exporter when it is importable,
else from a plain python-docx writer (numbers typed, and numbers in numbering.xml).
Also prints the time python-docx alone needs to open the file, the floor of any .docx import.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from benchmarks.plain_docx import write_plain_docx  # noqa: E402
from benchmarks.synthetic import make_report  # noqa: E402
from benchmarks.timing import median_seconds  # noqa: E402
from importers import import_file, import_text  # noqa: E402
from models.catalogue import default_catalogue  # noqa: E402
from models.pages import estimate_pages  # noqa: E402

TARGET_S = 2.0
REPEATS = 5




def _writers():
    try:
        from exporters.word import export_docx
    except ImportError:
        pass  # the exporter is not in this checkout yet
    else:
        yield "exporters.word", lambda report, path: export_docx(report, path, version="public")
    yield "python-docx, typed numbers", lambda report, path: write_plain_docx(report, path, numbering="typed")
    yield "python-docx, numbering.xml", lambda report, path: write_plain_docx(report, path, numbering="style")


def _as_text(report) -> str:
    """The report as a web page would show it: one paragraph per line, numbers typed."""
    lines = [report.meta.effective_title] + report.preamble
    for s, _, _ in report.iter_sections():
        paragraphs = list(s.paragraphs)
        first = s.heading_sentence() + paragraphs.pop(0) if s.run_in and paragraphs else s.heading
        lines += [report.label_of(s.id) + first] + paragraphs
    return "\n".join(lines + [report.meta.effective_signature, report.meta.signing_date_text])


def main() -> None:
    default_catalogue()  # loaded once per process; not part of an import's cost
    report = make_report(300)
    sections = sum(1 for _ in report.iter_sections())
    print(f"generated report: {estimate_pages(report)} pages, {sections} headings, "
          f"{report.body_text_length()} characters")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'source':<30}{'KB':>7}{'open s':>9}{'import s':>10}{'target':>8}")
        for name, write in _writers():
            path = Path(tmp) / "report.docx"
            write(report, path)
            opened = median_seconds(lambda: docx.Document(str(path)), REPEATS)
            imported = median_seconds(lambda: import_file(path), REPEATS)
            result = import_file(path)
            ok = "ok" if imported < TARGET_S else "SLOW"
            print(f"{name:<30}{path.stat().st_size / 1024:>7.0f}{opened:>9.2f}{imported:>10.2f}{'<' + str(TARGET_S):>8}"
                  f"  {ok}  ({sum(1 for _ in result.report.iter_sections())} headings, "
                  f"{len(result.proposals)} proposals)")
        text = _as_text(report)
        pasted = median_seconds(lambda: import_text(text), REPEATS)
        print(f"{'pasted text (same report)':<30}{len(text.encode('utf-8')) / 1024:>7.0f}{'':>9}{pasted:>10.2f}")


if __name__ == "__main__":
    main()
