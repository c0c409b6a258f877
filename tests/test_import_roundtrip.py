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
from models.catalogue import default_catalogue
from models.report import Report
from tests.import_helpers import rendered, values_in_text


def _program_exporter(report, path):
    export_docx(report, path, version="public")


WRITERS = {
    "exporters.word": _program_exporter,
    "python-docx typed": lambda report, path: write_plain_docx(report, path, numbering="typed"),
    "python-docx numbering.xml": lambda report, path: write_plain_docx(report, path, numbering="style"),
}


def _tree(report: Report):
    return [(level, s.heading, s.run_in, s.part if level == 1 else None, s.paragraphs)
            for s, level, _ in report.iter_sections()]


@pytest.fixture(params=["sample", "30 pages"])
def original(request, sample_report):
    return sample_report if request.param == "sample" else make_report(30)


@pytest.mark.parametrize("writer", list(WRITERS))
def test_export_then_import_is_lossless(original, writer, tmp_path):
    path = tmp_path / "report.docx"
    WRITERS[writer](original, path)
    result = import_file(path)
    got, expected = result.report, rendered(original)
    assert got.meta.effective_title.replace("\n", "") == original.meta.effective_title.replace("\n", "")
    assert got.meta.report_year == original.meta.report_year
    assert got.meta.organ_name == original.meta.organ_name
    assert got.meta.effective_signature == original.meta.effective_signature
    assert got.meta.signing_date == original.meta.signing_date
    assert got.preamble == expected.preamble
    assert _tree(got) == _tree(expected)
    apply_numbers(result)
    catalogue = default_catalogue()
    stated = values_in_text(original)
    assert stated, "the reports state some of their values in the text"
    for ind_id, value in stated.items():
        assert catalogue.effective(got, ind_id) == pytest.approx(value, abs=0.05), ind_id
