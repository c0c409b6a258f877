"""Export → import is lossless for the sample and a generated 30-page report: text, structure and the
values of the indicators that appear in the text.

Runs with the program's Word exporter when it is there, and always with a plain python-docx writer
(numbers typed, or drawn from numbering.xml) so the reader is held to the same standard meanwhile.
"""
import pytest

from benchmarks.plain_docx import write_plain_docx
from benchmarks.synthetic import make_report
from exporters.word import export_docx
from importers import apply_numbers, import_file
from importers.result import ImportResult, find_proposals
from models.catalogue import default_catalogue
from models.refs import render_refs
from models.report import Report, Section


def _program_exporter(report, path):
    export_docx(report, path, version="public")


WRITERS = {
    "exporters.word": _program_exporter,
    "python-docx typed": lambda report, path: write_plain_docx(report, path, numbering="typed"),
    "python-docx numbering.xml": lambda report, path: write_plain_docx(report, path, numbering="style"),
}


def _rendered(report: Report) -> Report:
    """The report as it prints: {{B05}} references replaced by their values."""
    def section(s: Section) -> Section:
        return Section(heading=s.heading, run_in=s.run_in, part=s.part,
                       paragraphs=[render_refs(p, report) for p in s.paragraphs],
                       children=[section(c) for c in s.children])
    return Report(meta=report.meta, preamble=[render_refs(p, report) for p in report.preamble],
                  sections=[section(s) for s in report.sections], values=report.values,
                  custom_indicators=report.custom_indicators)


def _tree(report: Report):
    return [(level, s.heading, s.run_in, s.part if level == 1 else None, s.paragraphs)
            for s, level, _ in report.iter_sections()]


def _values_in_text(report: Report) -> dict:
    """Indicators whose value the text states (outside the plan part), with the stored value."""
    probe = ImportResult(report=_rendered(report))
    find_proposals(probe)
    catalogue = default_catalogue()
    return {p.indicator_id: catalogue.effective(report, p.indicator_id) for p in probe.proposals
            if p.indicator_id in report.values or catalogue.is_derived(report, p.indicator_id)}


@pytest.fixture(params=["sample", "30 pages"])
def original(request, sample_report):
    return sample_report if request.param == "sample" else make_report(30)


@pytest.mark.parametrize("writer", list(WRITERS))
def test_export_then_import_is_lossless(original, writer, tmp_path):
    path = tmp_path / "report.docx"
    WRITERS[writer](original, path)
    result = import_file(path)
    got, expected = result.report, _rendered(original)
    assert got.meta.effective_title.replace("\n", "") == original.meta.effective_title.replace("\n", "")
    assert got.meta.report_year == original.meta.report_year
    assert got.meta.organ_name == original.meta.organ_name
    assert got.meta.effective_signature == original.meta.effective_signature
    assert got.meta.signing_date == original.meta.signing_date
    assert got.preamble == expected.preamble
    assert _tree(got) == _tree(expected)
    apply_numbers(result)
    catalogue = default_catalogue()
    stated = _values_in_text(original)
    assert stated, "the reports state some of their values in the text"
    for ind_id, value in stated.items():
        assert catalogue.effective(got, ind_id) == pytest.approx(value, abs=0.05), ind_id
