"""Property-based probe: whatever a report holds, Word and Excel export and the checks never crash
and never leave a broken file.

Random reports carry any Unicode in every text field (control characters, astral characters such
as 𠀀, very long and empty texts), outlines down to the fourth level, many attachments, signers and
addressees, extreme numbers, every qualifier and references to indicators that do not exist. Each
export either writes a file that python-docx/openpyxl read back with the report's text in it, or
raises the program's user-facing error (a Chinese message) and leaves the target as it was.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.excel import export_xlsx
from exporters.word import export_docx
from exporters.word.text_prep import EDGE_SPACE
from models.catalogue import default_catalogue
from models.checks import run_checks
from models.errors import UserFacingError
from models.text import clean_text
from models.report import (QUALIFIERS, CustomIndicator, DocNumber, IndicatorValue, OrganLevel, Part, Report,
                           ReportMeta, Section)
from tests.word_helpers import expected_text

FUZZ = settings(max_examples=20, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

CATALOGUE = default_catalogue()
CATALOGUE_IDS = [i.id for i in CATALOGUE.indicators]
REF_IDS = st.sampled_from(CATALOGUE_IDS[:40] + ["X01", "X02", "Z99", "b05", ""])
# XML 1.0 forbids these; python-docx and openpyxl refuse or write a file Word cannot open.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

CHARS = st.one_of(st.sampled_from("法治政府建设年度报告，。、；：“”（）〔〕《》𠀀😀 \u3000\t\n\r\x0b\x0c\x00\x1f\x7f"
                                  "\u200b\ufeff\ufffe\u2028,.;:?!()%0123456789年月日"),
                  st.characters(blacklist_categories=("Cs",)))
SHORT = st.text(CHARS, max_size=15)
TEXT = st.one_of(SHORT, st.builds(lambda t, n: t * n, st.text(CHARS, min_size=1, max_size=6), st.integers(50, 800)))


@st.composite
def with_refs(draw, text=SHORT):
    parts = draw(st.lists(st.one_of(text, REF_IDS.map(lambda i: f"{{{{{i}}}}}")), max_size=4))
    return "".join(parts)


NUMBERS = st.one_of(st.none(), st.integers(-10**15, 10**15), st.floats(allow_nan=False, allow_infinity=False),
                    st.sampled_from([0, 0.0, 1e-9, 99.99995, 100, 1e300, -1, 2**63]))


@st.composite
def sections(draw, level=1):
    kids = draw(st.lists(sections(level + 1), max_size=2 if level < 3 else 1)) if level < 4 else []
    return Section(heading=draw(st.one_of(SHORT, with_refs())), paragraphs=draw(st.lists(with_refs(TEXT), max_size=3)),
                   run_in=draw(st.booleans()), part=draw(st.sampled_from([None, *Part])) if level == 1 else None,
                   guidance=draw(SHORT), children=kids)


DATES = st.one_of(st.none(), st.dates(dt.date(1949, 1, 1), dt.date(2200, 12, 31)))
MANY = st.lists(SHORT, max_size=12)


@st.composite
def reports(draw):
    meta = ReportMeta(organ_name=draw(TEXT), signature_name=draw(SHORT),
                      organ_level=draw(st.sampled_from(list(OrganLevel))), report_year=draw(st.integers(1949, 2200)),
                      signing_date=draw(DATES), title=draw(st.one_of(SHORT, TEXT)), addressees=draw(MANY),
                      doc_number=DocNumber(draw(SHORT), draw(st.one_of(st.none(), st.integers(0, 10**6))),
                                           draw(st.one_of(st.none(), st.integers(0, 10**9)))),
                      signers=draw(MANY), cc=draw(MANY), printing_organ=draw(SHORT), printing_date=draw(DATES),
                      attachments=draw(MANY), notes=draw(TEXT))
    customs = [CustomIndicator(f"X{i + 1:02d}", draw(SHORT), draw(SHORT), draw(st.sampled_from(["", "B", "I", "Q"])),
                               draw(st.sampled_from(["count", "rate", "amount", "weight", "奇怪"])))
               for i in range(draw(st.integers(0, 3)))]
    ids = st.sampled_from(CATALOGUE_IDS + [c.id for c in customs])
    values = draw(st.dictionaries(ids, st.builds(IndicatorValue, NUMBERS, NUMBERS, st.sampled_from(QUALIFIERS), SHORT),
                                  max_size=25))
    return Report(meta=meta, preamble=draw(st.lists(with_refs(TEXT), max_size=3)),
                  sections=draw(st.lists(sections(), max_size=4)), custom_indicators=customs,
                  values={k: v for k, v in values.items() if not v.is_empty})


def docx_texts(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                assert not XML_INVALID.search(z.read(name).decode("utf-8")), name
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def assert_body_present(report: Report, text: str) -> None:
    """Every paragraph of the body, as the document must show it, is in the document."""
    flat = text.replace("\n", "")
    for paragraphs in [report.preamble] + [s.paragraphs for s, _, _ in report.iter_sections()]:
        for paragraph in paragraphs:
            for line in expected_text(report, paragraph):
                assert line.strip(EDGE_SPACE) in flat, line  # no-break spaces at the edges go too


def assert_user_facing(exc: Exception) -> None:
    assert isinstance(exc, UserFacingError), repr(exc)
    assert re.search("[\u4e00-\u9fff]", str(exc)), str(exc)


@FUZZ
@given(reports(), st.sampled_from(["official", "public"]))
def test_word_export_of_any_report(tmp_path, report, version):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"previous")
    try:
        export_docx(report, target, version=version)
    except Exception as exc:  # noqa: BLE001 - the property is what it is
        assert_user_facing(exc)
        assert target.read_bytes() == b"previous"
    else:
        assert_body_present(report, docx_texts(target.read_bytes()))
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


@FUZZ
@given(reports())
def test_excel_export_of_any_report(tmp_path, report):
    target = tmp_path / "统计表.xlsx"
    target.write_bytes(b"previous")
    try:
        export_xlsx(report, target)
    except Exception as exc:  # noqa: BLE001
        assert_user_facing(exc)
        assert target.read_bytes() == b"previous"
    else:
        book = openpyxl.load_workbook(target)
        cells = [str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value is not None]
        assert not any(XML_INVALID.search(c) for c in cells)
        shown = "".join(cells)
        for custom in report.custom_indicators:
            name = re.sub(r"\s", "", clean_text(custom.name))  # the form shows names as typed
            assert name[:20] in re.sub(r"\s", "", shown)
    assert [p.name for p in tmp_path.iterdir()] == ["统计表.xlsx"]


@FUZZ
@given(reports(), st.one_of(st.none(), reports()))
def test_checks_of_any_report(report, last_year):
    problems = run_checks(report, last_year=last_year)
    for problem in problems:
        assert problem.message.strip()
