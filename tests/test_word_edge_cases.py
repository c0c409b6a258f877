"""Reports of other offices that stress the layout: a 署名 longer than a line, a 发文字号 with a long
机关代字 beside two 签发人, several lines of 签发人. What a clerk would see on paper, checked in the XML
(widths in characters of the 28-character line)."""
import datetime as dt
import io
import json
import subprocess
import sys

import docx
import pytest
from docx.oxml.ns import qn

from exporters.word import WordOptions, build_docx, export_docx
from models.report import DocNumber
from models.text import display_width
from tests.test_word_content import small_report

CHAR_TW = 8845 / 28          # one character of the 28-character line
PITCH_TW = 315               # a 3号 character with the −0.25 pt tracking (portable grid)
LONG_ORGAN = "中共西南省东川市北岭彝族苗族自治县委员会全面依法治县委员会办公室"  # 34 字


def _doc(report, **options):
    return docx.Document(io.BytesIO(build_docx(report, options=WordOptions(**options))[0]))


def _right_chars(paragraph) -> float:
    return int(paragraph._p.pPr.find(qn("w:ind")).get(qn("w:right"))) / CHAR_TW


@pytest.mark.parametrize("signature", ["unsealed", "sealed"])
def test_a_signature_longer_than_a_line_breaks_into_lines_inside_the_block(signature):
    report = small_report(organ_name=LONG_ORGAN, signing_date=dt.date(2026, 1, 31))
    doc = _doc(report, signature=signature)
    date = next(p for p in doc.paragraphs if p.text == "2026年1月31日")
    paragraphs = doc.paragraphs
    sig = paragraphs[[p._p for p in paragraphs].index(date._p) - 1]
    lines = sig.text.split("\n")
    assert "".join(lines) == LONG_ORGAN and len(lines) == 2
    sig_right, date_right = _right_chars(sig), _right_chars(date)
    widest = max(display_width(line) for line in lines)
    assert sig_right >= 0 and sig_right + widest <= 28          # every line of the 署名 on the line
    assert date_right >= 2 and date_right + display_width(date.text) <= 28
    if signature == "unsealed":
        assert sig_right == pytest.approx(2, abs=0.01)           # 右空二字
        # the date starts two characters right of the 署名's first character
        assert (28 - date_right - display_width(date.text)) - (28 - sig_right - widest) == pytest.approx(2, abs=0.01)


def _masthead(doc):
    """The paragraphs between the 标志 and the red line (签发人 lines, then the 发文字号)."""
    paragraphs = doc.paragraphs
    end = next(i for i, p in enumerate(paragraphs) if p.style.style_id == "GWDocNumber")
    return paragraphs[1:end + 1]


def _tabs(paragraph):
    return [(t.get(qn("w:val")), int(t.get(qn("w:pos")))) for t in paragraph._p.pPr.findall(f"{qn('w:tabs')}/{qn('w:tab')}")]


def _scale(run) -> int:
    w = run._r.rPr.find(qn("w:w")) if run._r.rPr is not None else None
    return 100 if w is None else int(w.get(qn("w:val")))


def test_a_long_document_number_and_two_signers_stay_on_one_line():
    number = DocNumber("北岭县委依法治县办发", 2026, 108)
    report = small_report(doc_number=number, signers=["欧阳建国", "司马长风"])
    data, warnings = build_docx(report)
    line, = _masthead(docx.Document(io.BytesIO(data)))
    assert line.text == "\u3000北岭县委依法治县办发〔2026〕108号\t签发人：欧阳建国\u3000司马长风"
    (kind, tab), = _tabs(line)
    assert kind == "right" and 28 - tab / CHAR_TW == pytest.approx(1, abs=0.05)      # 签发人 右空一字
    names_start = tab - display_width("签发人：欧阳建国\u3000司马长风") * PITCH_TW
    number_run = next(r for r in line.runs if "〔" in r.text)
    # the 发文字号 (digits at most 0.6 of a character) narrowed so that a character's space is left
    width = (display_width(number_run.text) + 0.1 * sum(c.isdigit() for c in number_run.text)) * PITCH_TW
    assert _scale(number_run) < 100
    assert number_run._r.rPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"  # the character grid would undo it
    assert PITCH_TW + width * _scale(number_run) / 100 + PITCH_TW <= names_start
    assert not any("排不进一行" in m for m in warnings)


def test_a_short_document_number_is_not_narrowed(sample_report):
    line, = _masthead(_doc(sample_report))
    assert all(_scale(r) == 100 for r in line.runs)


def test_names_on_later_signer_lines_align_with_the_first_name_above():
    report = small_report(doc_number=DocNumber("北政", 2026, 5), signers=["欧阳建国", "司马长风", "张三", "李四四"])
    first, last = _masthead(_doc(report))
    assert first.text == "\t签发人：欧阳建国\u3000司马长风"
    assert last.text == "\u3000北政〔2026〕5号\t张三\u3000李四四"
    (kind1, tab1), = _tabs(first)
    (kind2, tab2), = _tabs(last)
    assert kind1 == "right" and 28 - tab1 / CHAR_TW == pytest.approx(1, abs=0.05)
    first_name_start = tab1 - display_width("欧阳建国\u3000司马长风") * PITCH_TW
    assert kind2 == "left" and tab2 == pytest.approx(first_name_start, abs=2)


def test_a_document_number_that_cannot_fit_beside_the_names_is_reported():
    report = small_report(doc_number=DocNumber("北岭彝族苗族自治县委员会全面依法治县委员会办公室发", 2026, 108),
                          signers=["欧阳建国", "司马长风"])
    _, warnings = build_docx(report)
    assert any("发文字号" in m and "排不进一行" in m for m in warnings)


@pytest.mark.render
def test_a_long_document_number_with_two_signers_renders_conforming(tmp_path):
    from tests.test_word_render import _assert_conforms, _check
    report = small_report(organ_name="北岭县人民政府", doc_number=DocNumber("北岭县委依法治县办发", 2026, 108),
                          signers=["欧阳建国", "司马长风"])
    report.preamble = ["坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，扎实推进法治政府建设"
                       "各项工作任务落地见效，依法行政水平持续提升。现将有关情况报告如下："]  # full lines to measure
    result = _check(report, "official", tmp_path)
    _assert_conforms(result, "official")
    status = {c["name"]: c["status"] for c in result["checks"]}
    assert status["header.signer"] == status["header.docnum-pos"] == "PASS"


# -- the 署名 and 成文日期 never stand on a page without body text (GB/T 9704 7.3.5.5) -----------------

def _filler_report(n: int, signed: bool = True):
    """A report whose body ends with ``n`` one-line paragraphs: n = 0…22 ends it on every line of a page."""
    report = small_report(organ_name="南山区人民政府" if signed else "", title="南山区人民政府关于2024年度法治政府建设情况的报告",
                          signing_date=dt.date(2025, 1, 5) if signed else None)
    report.sections[1].paragraphs = ["正文。"] * n
    return report


def _body_end(report, monkeypatch) -> int:
    """Twips used on the body's last page, by the page-flow estimate, for the report without 署名/日期."""
    import exporters.word.export as export
    flows = []

    class Recording(export.Flow):
        def __init__(self, *args):
            super().__init__(*args)
            flows.append(self)

    monkeypatch.setattr(export, "Flow", Recording)
    build_docx(report, version="public")
    monkeypatch.undo()
    return flows[0].end()[1]


def _find_filler(monkeypatch, lines_left: int) -> int:
    for n in range(23):
        if (12756 - _body_end(_filler_report(n, signed=False), monkeypatch)) // 579 == lines_left:
            return n
    raise AssertionError(f"no report leaves {lines_left} lines")


def _signature_paragraphs(report):
    paragraphs = docx.Document(io.BytesIO(build_docx(report, version="public")[0])).paragraphs
    i = next(i for i, p in enumerate(paragraphs) if p.style.style_id == "GWSignature")
    return paragraphs[i - 1], paragraphs[i]


def test_a_full_last_page_takes_the_last_body_paragraph_along_with_the_signature(monkeypatch):
    before, sig = _signature_paragraphs(_filler_report(_find_filler(monkeypatch, 0)))
    assert before.text == "正文。" and before.paragraph_format.keep_with_next
    assert sig.paragraph_format.space_before.twips == 579         # the blank line stays


def test_two_lines_left_take_the_signature_without_its_blank_line(monkeypatch):
    before, sig = _signature_paragraphs(_filler_report(_find_filler(monkeypatch, 2)))
    assert not before.paragraph_format.keep_with_next
    assert sig.paragraph_format.space_before.twips < 579


def test_enough_room_keeps_the_blank_line(monkeypatch):
    before, sig = _signature_paragraphs(_filler_report(_find_filler(monkeypatch, 5)))
    assert not before.paragraph_format.keep_with_next
    assert sig.paragraph_format.space_before.twips == 579


@pytest.mark.render
@pytest.mark.parametrize("lines_left", [0, 1, 2])
def test_the_signature_page_shows_body_text_when_rendered(monkeypatch, lines_left, tmp_path):
    from tests.test_word_render import _checker
    checker = _checker()
    pdfplumber = pytest.importorskip("pdfplumber")
    target, pdf_path = tmp_path / "public.docx", tmp_path / "render.pdf"
    export_docx(_filler_report(_find_filler(monkeypatch, lines_left)), target, version="public")
    run = subprocess.run([sys.executable, str(checker), str(target), "--json", "--keep-pdf", str(pdf_path)],
                         capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert json.loads(run.stdout)["failed"] == 0
    with pdfplumber.open(pdf_path) as pdf:
        pages = [[line.replace(" ", "") for line in (page.extract_text() or "").splitlines() if line.strip()]
                 for page in pdf.pages]
    lines = next(lines for lines in pages if "2025年1月5日" in lines)
    date = lines.index("2025年1月5日")
    assert lines[date - 1] == "南山区人民政府" and "正文。" in lines[:date - 1], lines


def test_a_reference_to_an_empty_indicator_is_warned_not_slipped_into_the_document():
    from models.catalogue import default_catalogue
    from models.report import IndicatorValue
    report = small_report()
    report.preamble = ["全年办理行政许可{{B05}}件，标题中不算。", "再次引用{{B05}}件。"]
    name = default_catalogue().resolve("B05", report).name
    data, warnings = build_docx(report)
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert any(f"〔未填：{name}〕" in t for t in texts)
    unfilled = [m for m in warnings if name in m]
    assert len(unfilled) == 1 and "未填" in unfilled[0]           # once, however often it is referred to
    report.values["B05"] = IndicatorValue(value=1860)
    data, warnings = build_docx(report)
    assert not any(name in m for m in warnings)
    assert any("1860件" in p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


LONG_ISSUER = "中共西南省东川市北岭彝族苗族自治县委员会全面依法治县委员会办公室秘书科综合股"  # 39 字


def _issuer_row(report):
    doc = docx.Document(io.BytesIO(build_docx(report)[0]))
    return doc.tables[-1].rows[-1].cells[0].paragraphs[0]


def test_an_issuing_organ_too_long_to_narrow_is_broken_into_lines_with_the_date_on_the_last():
    report = small_report(printing_organ=LONG_ISSUER, printing_date=dt.date(2026, 2, 2))
    row = _issuer_row(report)
    organ, date = row.text.split("\t")
    lines = organ.split("\n")
    assert "".join(lines) == LONG_ISSUER and len(lines) == 2 and date == "2026年2月2日印发"
    char = 14 * 20 - 5                                  # a 4号 character with the tracking, twips
    line_room = 8845 - 2 * 280                          # 左右各空一字
    assert all(display_width(line) * char <= line_room for line in lines)
    digits = sum(c.isdigit() for c in date)             # the stand-in's digits are at most 0.6 wide
    assert (display_width(lines[-1]) + display_width(date) + 0.1 * digits + 1) * char <= line_room
    assert all(r._r.rPr is None or r._r.rPr.find(qn("w:w")) is None for r in row.runs)  # not narrowed


def test_a_long_issuing_organ_that_fits_narrowed_stays_on_one_line():
    report = small_report(printing_organ="中共东川市北岭彝族苗族自治县委员会全面依法治县委员会办公室", printing_date=dt.date(2026, 2, 2))
    row = _issuer_row(report)
    assert "\n" not in row.text and 60 <= _scale(row.runs[0]) < 100


@pytest.mark.render
def test_a_broken_issuing_organ_keeps_the_banji_on_the_bottom_of_the_last_page(tmp_path):
    from tests.test_word_render import _assert_conforms, _check
    report = small_report(printing_organ=LONG_ISSUER, printing_date=dt.date(2026, 2, 2))
    report.preamble = ["坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，扎实推进法治政府建设"
                       "各项工作任务落地见效，依法行政水平持续提升。现将有关情况报告如下："]
    _assert_conforms(_check(report, "official", tmp_path), "official")


def test_a_title_and_organ_longer_than_a_document_property_still_export(tmp_path):
    """Word's document properties hold 255 characters; a longer title (a paragraph pasted into the
    title field) or 发文机关 used to stop the export with a programming error."""
    report = small_report()
    report.meta.organ_name = "某街道办事处" * 50
    report.meta.title = "关于法治政府建设情况的报告" * 30
    target = tmp_path / "报告.docx"
    export_docx(report, target)
    doc = docx.Document(str(target))
    assert report.meta.title in "".join(p.text for p in doc.paragraphs).replace("\n", "")
    assert doc.core_properties.title == report.meta.title[:255]
    assert doc.core_properties.author == report.meta.organ_name[:255]


@pytest.mark.parametrize("code", ["海珠\x0b昌岗", "海珠昌岗\x0c", "\ufeff海珠\x00昌岗"])
def test_a_document_number_with_pasted_control_characters_exports_cleaned(code):
    """The 机关代字 goes through the same text preparation as every other field: a line break or
    form feed pasted from Word used to stop the official version's export."""
    report = small_report()
    report.meta.doc_number = DocNumber(code, 2024, 3)
    texts = [p.text for p in docx.Document(io.BytesIO(build_docx(report)[0])).paragraphs]
    assert any(t.replace(" ", "") == "海珠昌岗〔2024〕3号" for t in texts), texts  # a break becomes a space


def test_a_reference_to_a_custom_indicator_named_over_two_lines_stays_in_its_paragraph():
    """A custom indicator's name or unit as typed (or read from a file) may hold a line break;
    the reference is printed on the line of its paragraph, which stays one paragraph."""
    from models.refs import render_refs
    report = small_report()
    report.add_custom_indicator("网格\n巡查", "次")
    report.preamble = ["开展巡查{{X01}}，成效明显。"]
    shown = "开展巡查〔未填：网格 巡查〕，成效明显。"
    assert render_refs(report.preamble[0], report) == shown
    texts = [p.text for p in docx.Document(io.BytesIO(build_docx(report)[0])).paragraphs]
    assert shown in texts
