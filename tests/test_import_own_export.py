"""Next year's import of the .docx the program exported this year: the 正式版 (版头, 版记) as well as the
公开版, as written and after Word, WPS or LibreOffice re-saved it. What went out comes back: the 基本信息
(发文字号, 签发人, title, 主送, 附件, 署名, dates), the outline and the paragraphs; nothing of the 版头 or
版记 lands in the body."""
import copy
import datetime as dt
import re
import shutil
import subprocess

import pytest

from exporters.word import export_docx
from importers import apply_numbers, import_file
from models.catalogue import default_catalogue
from models.refs import render_refs
from models.report import QUALIFIERS, DocNumber, IndicatorValue, OrganLevel, Part, Report, ReportMeta, Section
from tests.import_helpers import values_in_text
from tests.word_resave import resave_like_word

def _outline(report: Report) -> list:
    return [(level, s.heading, s.run_in, s.paragraphs) for s, level, _ in report.iter_sections()]


def _printed_outline(report: Report) -> list:
    """The outline as it prints: number references replaced by their values."""
    return [(level, s.heading, s.run_in, [render_refs(p, report) for p in s.paragraphs])
            for s, level, _ in report.iter_sections()]


def _varied_report(signers=("张三", "李四", "王五")) -> Report:
    """A 上行文 with several 签发人, a three-line title, two 主送机关, two attachments whose names start with
    a year, a 附注, four heading levels with run-in headings, and number references with 余/多."""
    meta = ReportMeta(
        organ_name="江南市河西区人民政府青石街道办事处", organ_level=OrganLevel.STREET, report_year=2024,
        signing_date=dt.date(2025, 1, 8),
        title="中共江南市河西区青石街道工作委员会江南市河西区人民政府青石街道办事处"
              "关于2024年度法治政府建设和依法行政工作情况的报告",
        addressees=["中共江南市河西区委全面依法治区委员会办公室", "江南市河西区司法局"],
        doc_number=DocNumber("河西青石", 2025, 3), signers=list(signers),
        cc=["江南市河西区人民政府办公室", "江南市司法局"],
        printing_organ="江南市河西区人民政府青石街道办事处党政综合办公室", printing_date=dt.date(2025, 1, 9),
        attachments=["2024年度法治政府建设统计表", "2025年重大行政决策事项目录"], notes="此件公开发布")
    report = Report(meta=meta, preamble=["2024年，青石街道坚持依法行政，法治建设取得新成效。现将有关情况报告如下："])
    report.values = {"B05": IndicatorValue(1520), "E05": IndicatorValue(380, qualifier="余"),
                     "F01": IndicatorValue(132), "F02": IndicatorValue(128), "J01": IndicatorValue(50, qualifier="多")}
    level3 = Section(heading="规范执法行为", run_in=True, paragraphs=["全年综合行政执法立案{{F01}}宗，办结{{F02}}宗。"],
                     children=[Section(heading="落实行政执法公示制度", run_in=True, paragraphs=["全年公示执法信息。"]),
                               Section(heading="落实全过程记录制度", paragraphs=["配备执法记录仪30台。"])])
    work = Section(heading="2024年法治政府建设工作情况", part=Part.MEASURES, children=[
        Section(heading="推进严格规范公正文明执法", run_in=True, paragraphs=["街道综合执法队坚持依法履职。"],
                children=[level3, Section(heading="2024年度执法能力提升情况", paragraphs=["累计轮训干部{{B05}}人次。"])]),
        Section(heading="深化普法宣传", paragraphs=["开展普法宣传活动{{J01}}场次，法律顾问提供咨询解答{{E05}}人次。",
                                                 "第二段落正文。"])])
    report.sections = [
        work,
        Section(heading="存在的问题与不足", part=Part.SHORTCOMINGS, paragraphs=["一是学习不够深入。二是执法力量不足。"]),
        Section(heading="2025年工作计划", part=Part.NEXT_YEAR,
                children=[Section(heading="压实责任", run_in=True, paragraphs=["力争调解成功率达到98%。"])]),
    ]
    return report


def _assert_masthead_back(got: Report, original: Report, warnings: list[str]) -> None:
    """The 发文字号 and every 签发人 back in 基本信息, and no 版头 line kept as an opening paragraph."""
    assert got.meta.doc_number.format() == original.meta.doc_number.format()
    assert got.meta.signers == original.meta.signers
    assert got.preamble == [render_refs(p, original) for p in original.preamble]
    assert not [w for w in warnings if "在标题之前" in w], warnings


@pytest.mark.parametrize("signers", [["某某某"], ["张三", "李四", "王五"], ["张三", "李四", "王五", "赵六", "阿依古丽·买买提"]])
def test_upward_masthead_number_and_signers_come_back(signers, sample_report, tmp_path):
    """上行文: the 签发人 stands on the 发文字号's line (and on lines above it when there are more than two)."""
    report = copy.deepcopy(sample_report)
    report.meta.signers = signers
    path = tmp_path / "正式版.docx"
    export_docx(report, path, version="official")
    result = import_file(path)
    _assert_masthead_back(result.report, report, result.warnings)
    assert _outline(result.report) == _printed_outline(report)


@pytest.mark.parametrize("version", ["official", "public"])
def test_long_title_broken_into_lines_comes_back_whole(version, tmp_path):
    """The export breaks a long title into balanced lines of one paragraph; its first line holds neither
    关于 nor 报告 and must not be left behind as an opening paragraph."""
    report = _varied_report()
    path = tmp_path / "报告.docx"
    export_docx(report, path, version=version)
    result = import_file(path)
    got = result.report
    assert got.meta.effective_title.count("\n") >= 2  # printed on three lines, imported as written
    assert got.meta.effective_title.replace("\n", "") == report.meta.title
    assert got.preamble == report.preamble
    assert not [w for w in result.warnings if "在标题之前" in w], result.warnings


@pytest.mark.parametrize("version", ["official", "public"])
def test_attachment_names_starting_with_a_year_come_back(version, tmp_path):
    """「附件：1.2024年度法治政府建设统计表」 and 「2.2025年……」: the names without their numbers, none left in the body."""
    report = _varied_report()
    path = tmp_path / "报告.docx"
    export_docx(report, path, version=version)
    got = import_file(path).report
    assert got.meta.attachments == report.meta.attachments
    assert _printed_outline(got) == _printed_outline(report)


def test_exported_report_saved_as_plain_text_keeps_its_outline(tmp_path):
    """Word's 「另存为 纯文本」 of the export: no styles left, the typed numbers alone give the levels —
    「2.2024年度执法能力提升情况」 included, whose text starts with a year."""
    import docx
    report = _varied_report()
    path = tmp_path / "报告.docx"
    export_docx(report, path, version="public")
    text_path = tmp_path / "报告.txt"
    text_path.write_text("\n".join(p.text for p in docx.Document(str(path)).paragraphs), encoding="utf-8")
    got = import_file(text_path).report
    assert _printed_outline(got) == _printed_outline(report)
    assert got.meta.attachments == report.meta.attachments


@pytest.mark.parametrize("version", ["official", "public"])
def test_two_addressees_come_back_as_two(version, tmp_path):
    """The export joins the 主送机关 with 、; 基本信息 lists them one by one again after the import."""
    report = _varied_report()
    path = tmp_path / "报告.docx"
    export_docx(report, path, version=version)
    assert import_file(path).report.meta.addressees == report.meta.addressees


def _assert_comes_back(path, original: Report, version: str) -> None:
    """Everything the user filled in, as the 基本信息 page, the outline and the statistics show it."""
    result = import_file(path)
    got, meta = result.report, result.report.meta
    assert meta.effective_title.replace("\n", "") == original.meta.effective_title.replace("\n", "")
    assert (meta.organ_name, meta.report_year) == (original.meta.organ_name, original.meta.report_year)
    assert meta.addressees == original.meta.addressees
    assert (meta.effective_signature, meta.signing_date) == (original.meta.effective_signature,
                                                             original.meta.signing_date)
    assert (meta.attachments, meta.notes) == (original.meta.attachments, original.meta.notes)
    if version == "official":
        _assert_masthead_back(got, original, result.warnings)
        assert meta.cc == original.meta.cc
        assert (meta.printing_organ, meta.printing_date) == (original.meta.printing_organ, original.meta.printing_date)
    assert got.preamble == [render_refs(p, original) for p in original.preamble]
    assert _printed_outline(got) == _printed_outline(original)
    assert [s.part for s in got.sections] == [s.part for s in original.sections]
    apply_numbers(result)
    catalogue = default_catalogue()
    stated = values_in_text(original)
    assert stated
    for ind_id, value in stated.items():
        assert catalogue.effective(got, ind_id) == pytest.approx(value, abs=0.05), ind_id
        if ind_id in original.values:  # 380余人次 stays 380 with 余
            assert got.values[ind_id].qualifier == original.values[ind_id].qualifier, ind_id
    assert not [w for w in result.warnings if "未能识别" in w], result.warnings


@pytest.fixture(params=["sample", "varied"])
def original(request, sample_report):
    return sample_report if request.param == "sample" else _varied_report()


@pytest.mark.parametrize("version", ["official", "public"])
@pytest.mark.parametrize("edit", ["as exported", "re-saved by Word", "styles inlined by WPS",
                                  "line breaks made paragraphs"])
def test_own_export_comes_back_after_word_or_wps(original, version, edit, tmp_path):
    """Split runs, proofing marks, bookmarks, rsids, rendered page breaks, smart tags, complex fields, direct
    formatting in place of the styles, and a title whose line breaks someone replaced by Enter."""
    path = tmp_path / "导出.docx"
    export_docx(original, path, version=version)
    if edit != "as exported":
        path = resave_like_word(path, tmp_path / "修改后.docx", direct_formatting=edit == "styles inlined by WPS",
                                breaks_to_paragraphs=edit == "line breaks made paragraphs")
    _assert_comes_back(path, original, version)


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory):
    """The sample and the varied report, official and public, exported and re-saved as .docx by LibreOffice
    (one conversion for the four, in a throw-away profile)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: the LibreOffice round trip needs it "
                    "(apt-get install libreoffice-writer-nogui)")
    from models.storage import load_report
    from tests.conftest import SAMPLE
    work = tmp_path_factory.mktemp("libreoffice")
    reports = {"sample": load_report(SAMPLE), "varied": _varied_report()}
    sources = []
    for name, report in reports.items():
        for version in ("official", "public"):
            sources.append(work / f"{name}_{version}.docx")
            export_docx(report, sources[-1], version=version)
    out = work / "out"
    run = subprocess.run([soffice, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
                          "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), *map(str, sources)],
                         capture_output=True, text=True, timeout=300)
    converted = {(s.stem.split("_")[0], s.stem.split("_")[1]): out / s.name for s in sources}
    missing = [str(p) for p in converted.values() if not p.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {run.stderr}"
    return reports, converted


@pytest.mark.render
@pytest.mark.parametrize("name", ["sample", "varied"])
@pytest.mark.parametrize("version", ["official", "public"])
def test_own_export_comes_back_after_libreoffice(saved_by_libreoffice, name, version):
    reports, converted = saved_by_libreoffice
    _assert_comes_back(converted[(name, version)], reports[name], version)


@pytest.mark.parametrize("version", ["official", "public"])
@pytest.mark.parametrize("resaved", [False, True])
def test_run_in_heading_ending_in_a_question_mark_comes_back(version, resaved, tmp_path):
    """「（三）如何推进依法行政？坚持问题导向。」: the heading sentence is the part the export set in the heading's
    character style, whatever mark ends it — not the text up to the first 。."""
    report = _varied_report()
    work = report.sections[0]
    work.children.append(Section(heading="如何推进依法行政？", run_in=True, paragraphs=["坚持问题导向。"]))
    work.children[0].children[0].children.append(
        Section(heading="执法是否规范？", run_in=True, paragraphs=["逐案评查执法案卷。"]))
    path = tmp_path / "报告.docx"
    export_docx(report, path, version=version)
    if resaved:
        path = resave_like_word(path, tmp_path / "修改后.docx")
    assert _printed_outline(import_file(path).report) == _printed_outline(report)


def _report_with_numbered_items() -> Report:
    """Paragraphs that start with a typed item number: 「1.加强学习……。」 lists and 「（一）是……」."""
    report = _varied_report()
    report.sections[0].children.append(Section(heading="其他工作", paragraphs=[
        "1.加强学习培训，全年举办培训3期。", "2.完善制度建设。", "（此项工作持续推进）"]))
    report.sections[1].paragraphs = ["1.法治意识有待提高，个别干部依法办事的能力不足。", "2.执法力量相对薄弱。"]
    report.sections[2].children.append(Section(heading="加强队伍建设", paragraphs=["（一）是指导思想要明确。"]))
    return report


@pytest.mark.parametrize("version", ["official", "public"])
@pytest.mark.parametrize("resaved", [False, True])
def test_numbered_items_in_paragraphs_stay_paragraphs(version, resaved, tmp_path):
    """The export gives every heading its 一～四级标题 style; a body paragraph that merely starts with 「1.」
    stays a paragraph of its section instead of becoming a heading (which would print as 「（一）」)."""
    report = _report_with_numbered_items()
    path = tmp_path / "报告.docx"
    export_docx(report, path, version=version)
    if resaved:
        path = resave_like_word(path, tmp_path / "修改后.docx")
    result = import_file(path)
    assert _printed_outline(result.report) == _printed_outline(report)
    assert not [w for w in result.warnings if "序号与原文不同" in w], result.warnings


def test_heading_typed_into_a_body_paragraph_in_word_stays_a_heading(tmp_path):
    """Someone adds 「（三）加强队伍建设」 in Word in a body paragraph (no heading style): still a heading."""
    import docx
    report = _varied_report()
    path = tmp_path / "报告.docx"
    export_docx(report, path, version="public")
    document = docx.Document(str(path))
    body_style = next(p.style for p in document.paragraphs if p.text.startswith("2024年，"))
    heading = next(p for p in document.paragraphs if p.text.startswith("（二）深化普法宣传"))
    heading.style = body_style
    document.save(str(path))
    assert _printed_outline(import_file(path).report) == _printed_outline(report)


@pytest.mark.parametrize("qualifier", [q for q in QUALIFIERS if q])
def test_referenced_numbers_with_every_qualifier_are_suggested_again(qualifier, tmp_path):
    """A number reference prints with its qualifier (380余人次, 超过380人次, 380以上人次): next year's import
    suggests the same value and qualifier for the indicator."""
    report = _varied_report()
    for value in report.values.values():
        value.qualifier = qualifier
    path = tmp_path / "报告.docx"
    export_docx(report, path, version="public")
    result = import_file(path)
    apply_numbers(result)
    for ind_id, value in report.values.items():
        got = result.report.values.get(ind_id)
        assert got is not None and (got.value, got.qualifier) == (value.value, qualifier), ind_id


def test_printing_organ_broken_into_lines_comes_back_whole(tmp_path):
    """An 印发机关 too long for the 版记's line even narrowed is broken into lines, the date on the last: the
    import gives the whole name back, and none of its lines is left in the body."""
    report = _varied_report()
    report.meta.printing_organ = ("中共江南市河西区青石街道工作委员会江南市河西区人民政府青石街道办事处"
                                  "党政综合办公室")
    path = tmp_path / "正式版.docx"
    export_docx(report, path, version="official")
    result = import_file(path)
    meta = result.report.meta
    assert (meta.printing_organ, meta.printing_date) == (report.meta.printing_organ, report.meta.printing_date)
    assert _printed_outline(result.report) == _printed_outline(report)
    assert not [w for w in result.warnings if "未能识别" in w], result.warnings


@pytest.mark.parametrize("version", ["official", "public"])
def test_short_paragraphs_of_one_length_are_not_taken_for_wrapped_lines(version, tmp_path):
    """A report of many one-line paragraphs of the same length (as a page copied from a PDF looks): the Word
    file's title, 主送 and headings are paragraphs of their own style and stay apart."""
    from models.templates import new_report
    report = new_report("street", "江南市河西区人民政府青石街道办事处", 2025, signing_date=dt.date(2026, 1, 20))
    report.meta.addressees = ["江南市委全面依法治市委员会办公室"]
    report.preamble = ["2025年，街道坚持依法行政。现将有关情况报告如下："]
    for i, (section, _, _) in enumerate(report.iter_sections()):
        section.paragraphs = [] if section.children else [f"围绕中心工作，全年开展相关工作{i % 10}次。"]
    path = tmp_path / "报告.docx"
    export_docx(report, path, version=version)
    got = import_file(path).report
    assert got.meta.effective_title == report.meta.effective_title
    assert got.meta.addressees == report.meta.addressees
    assert _printed_outline(got) == _printed_outline(report)


def _spaced_like_a_pdf(text: str) -> str:
    """Text as copied from a PDF: a space between Chinese and digits (「学法 12 次」, 「2024 年」)."""
    text = re.sub(r"(?<=[\u4e00-\u9fff，；])(?=\d)", " ", text)
    return re.sub(r"(?<=\d)(?=[\u4e00-\u9fff%])", " ", text)


def test_numbers_spaced_apart_as_in_a_pdf_copy_are_found_and_the_spaces_dropped(sample_report, tmp_path):
    """Last year's report copied from its PDF: every number is suggested again, the text has no stray spaces."""
    import docx
    path = tmp_path / "报告.docx"
    export_docx(sample_report, path, version="public")
    text = "\n".join(_spaced_like_a_pdf(p.text) for p in docx.Document(str(path)).paragraphs)
    assert "学法 12 次" in text
    text_path = tmp_path / "从PDF复制.txt"
    text_path.write_text(text, encoding="utf-8")
    result = import_file(text_path)
    assert _printed_outline(result.report) == _printed_outline(sample_report)
    assert result.report.meta.signing_date == sample_report.meta.signing_date
    apply_numbers(result)
    catalogue = default_catalogue()
    for ind_id, value in values_in_text(sample_report).items():
        assert catalogue.effective(result.report, ind_id) == pytest.approx(value, abs=0.05), ind_id


@pytest.mark.render
def test_own_export_printed_to_pdf_and_copied_gives_the_numbers_back(sample_report, tmp_path):
    """The PDF LibreOffice prints of the export, as pdftotext copies it (spaces around digits, page numbers
    「— 2 —」 between the lines): the numbers are suggested again and no page number is left in the text."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if not soffice or not pdftotext:
        pytest.skip("LibreOffice (soffice) and pdftotext (poppler-utils) are needed to print and copy the PDF")
    path = tmp_path / "报告.docx"
    export_docx(sample_report, path, version="official")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], capture_output=True, timeout=300)
    pdf = tmp_path / "报告.pdf"
    assert pdf.exists(), "LibreOffice did not print the export"
    subprocess.run([pdftotext, str(pdf), str(tmp_path / "报告.txt")], check=True, timeout=60)
    result = import_file(tmp_path / "报告.txt")
    apply_numbers(result)
    catalogue = default_catalogue()
    for ind_id, value in values_in_text(sample_report).items():
        assert catalogue.effective(result.report, ind_id) == pytest.approx(value, abs=0.05), ind_id
    paragraphs = result.report.preamble + [p for s, _, _ in result.report.iter_sections() for p in s.paragraphs]
    assert not [p for p in paragraphs if re.search(r"—\s*\d{1,3}\s*—", p)]
    assert not [p for p in paragraphs if re.search(r"[\u4e00-\u9fff] \d|\d [\u4e00-\u9fff]", p)]


@pytest.mark.parametrize("version", ["official", "public"])
def test_notes_of_two_lines_come_back(version, tmp_path):
    """A 附注 of two lines prints as two lines in （）: both come back as the 附注, neither in the body."""
    report = _varied_report()
    report.meta.notes = "联系人：某某，电话：020-00000000\n此件公开发布"
    path = tmp_path / "报告.docx"
    export_docx(report, path, version=version)
    result = import_file(path)
    assert result.report.meta.notes == report.meta.notes
    assert _printed_outline(result.report) == _printed_outline(report)
    assert not [w for w in result.warnings if "未能识别" in w], result.warnings


@pytest.mark.parametrize("after, heading", [("（一）深入学习宣传贯彻", "深入学习宣传贯彻习近平法治思想"),
                                            ("三、2025年法治政府建设工作计划", "2025年法治政府建设工作计划")])
def test_paragraph_added_in_word_after_a_heading_stays_a_paragraph(after, heading, sample_report, tmp_path):
    """Enter at the end of a (run-in) heading and a paragraph typed: Word gives it the heading's style unless the
    style names another to follow. It comes back as a paragraph of that section, the headings as they were."""
    from tests.word_resave import type_paragraph_after
    path = tmp_path / "报告.docx"
    export_docx(sample_report, path, version="official")
    added = "新增一段正文，全年新增学法活动5次。"
    path = type_paragraph_after(path, tmp_path / "修改后.docx", after, added)
    import docx
    assert next(p.style.name for p in docx.Document(str(path)).paragraphs if p.text == added) == "公文正文"
    result = import_file(path)
    expected = copy.deepcopy(sample_report)
    section = next(s for s, _, _ in expected.iter_sections() if s.heading == heading)
    section.paragraphs.insert(1 if section.run_in else 0, added)
    assert _printed_outline(result.report) == _printed_outline(expected)
    assert not [w for w in result.warnings if "序号与原文不同" in w], result.warnings


def test_a_paragraph_with_a_heading_style_but_no_number_stays_a_paragraph(sample_report, tmp_path):
    """Last year's export, where Word gave a new paragraph the heading's style (the export now names
    公文正文 as the style after a heading, so Word no longer does)."""
    import docx
    path = tmp_path / "报告.docx"
    export_docx(sample_report, path, version="public")
    document = docx.Document(str(path))
    heading = next(p for p in document.paragraphs if p.text.startswith("（一）深入学习宣传贯彻"))
    body = heading._p.getnext()
    from docx.text.paragraph import Paragraph
    Paragraph(body, heading._parent).style = heading.style
    document.save(str(path))
    result = import_file(path)
    assert _printed_outline(result.report) == _printed_outline(sample_report)


def _printed_lines(path) -> list[str]:
    import docx
    document = docx.Document(str(path))
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return [p.text for p in document.paragraphs] + cells


@pytest.mark.parametrize("version", ["official", "public"])
def test_imported_report_exported_again_prints_the_same_document(original, version, tmp_path):
    """Year after year: last year's export imported and exported again prints exactly the same lines."""
    first = tmp_path / "上年.docx"
    export_docx(original, first, version=version)
    result = import_file(first)
    apply_numbers(result)
    again = tmp_path / "再次导出.docx"
    export_docx(result.report, again, version=version)
    assert _printed_lines(again) == _printed_lines(first)


@pytest.mark.parametrize("version", ["official", "public"])
def test_title_of_three_centred_paragraphs_under_the_organ_line_comes_back_whole(version, sample_report, tmp_path):
    """「江南市……办事处」「关于2024年度法治政府建设」「情况的报告」 as three paragraphs (Enter for Shift+Enter in
    Word): all three lines are the title, none an opening paragraph."""
    report = copy.deepcopy(sample_report)
    report.meta.title = "江南市河西区人民政府青石街道办事处\n关于2024年度法治政府建设\n情况的报告"
    path = tmp_path / "报告.docx"
    export_docx(report, path, version=version)
    path = resave_like_word(path, tmp_path / "修改后.docx", breaks_to_paragraphs=True)
    got = import_file(path).report
    assert got.meta.effective_title.replace("\n", "") == report.meta.title.replace("\n", "")
    assert got.preamble == report.preamble
