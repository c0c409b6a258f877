"""The .docx reader on documents built here with python-docx: typed numbers, numbering.xml numbers
(paragraph and style ``w:numPr``), run-in bold leads, U+3000 indents, text boxes, tables, revisions."""
import datetime as dt

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from benchmarks.plain_docx import add_chinese_outline_numbering, set_num_pr, write_plain_docx
from importers import import_file, import_text
from importers.docx_numbering import Numbering, format_number
from tests.import_helpers import body_blocks, outline

MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml"'


@pytest.fixture
def seed_report(seed_text):
    return import_text(seed_text).report


@pytest.mark.parametrize("numbering", ["typed", "paragraph", "style"])
@pytest.mark.parametrize("spaces", [True, False])
def test_seed_written_to_docx_reads_back_the_same(seed_report, tmp_path, numbering, spaces):
    path = write_plain_docx(seed_report, tmp_path / "seed.docx", numbering=numbering, indent_with_spaces=spaces)
    if numbering != "typed":  # the numbers really are only in numbering.xml
        assert not any(p.text.lstrip("\u3000").startswith(("一、", "（一）"))
                       for p in docx.Document(str(path)).paragraphs)
    got = import_file(path)
    assert outline(got.report) == outline(seed_report)
    assert body_blocks(got.report) == body_blocks(seed_report)
    assert [s.part for s in got.report.sections] == [s.part for s in seed_report.sections]
    meta = got.report.meta
    assert meta.effective_title == seed_report.meta.effective_title
    assert (meta.organ_name, meta.signing_date, meta.report_year) == (
        "广州市海珠区人民政府昌岗街道办事处", dt.date(2023, 11, 30), 2023)
    assert {(p.indicator_id, p.mention.value) for p in got.proposals} == {
        (p.indicator_id, p.mention.value) for p in import_text_proposals(seed_report)}
    assert got.warnings == []


def import_text_proposals(report):
    from importers.result import ImportResult, find_proposals
    result = ImportResult(report=report)
    find_proposals(result)
    return result.proposals


def _para(doc, text="", bold_lead="", style=None, align=None):
    p = doc.add_paragraph(style=style)
    if bold_lead:
        p.add_run(bold_lead).bold = True
    if text:
        p.add_run(text)
    if align:
        p.alignment = align
    return p


def test_numbering_mixed_within_one_level_and_wps_style_ids(tmp_path):
    doc = docx.Document()
    heading = doc.styles["Heading 2"]
    heading.style_id = "2"  # WPS: numeric style ids, the name still says heading 2
    num_id = add_chinese_outline_numbering(doc)
    _para(doc, "某某街道办事处关于2024年度法治政府建设情况的报告", align=WD_ALIGN_PARAGRAPH.CENTER)
    first = _para(doc, "2024年工作情况", style="Heading 2")
    set_num_pr(first._p.get_or_add_pPr(), num_id, 0)  # 一、 drawn by Word
    _para(doc, "全年开展工作。")
    _para(doc, "二、存在的问题", style="Heading 2")  # the rest typed
    _para(doc, "一是学习不够。二是宣传不够。")
    _para(doc, "三、2025年工作计划", style="Heading 2")
    auto = _para(doc, "加强学习。")
    set_num_pr(auto._p.get_or_add_pPr(), num_id, 1)  # （一） from numbering under a typed 三、
    path = tmp_path / "mixed.docx"
    doc.save(str(path))
    report = import_file(path).report
    assert outline(report) == [(1, "一、", "2024年工作情况"), (1, "二、", "存在的问题"), (1, "三、", "2025年工作计划"),
                               (2, "（一）", "加强学习。")]
    assert report.sections[1].paragraphs == ["一是学习不够。二是宣传不够。"]
    assert report.meta.organ_name == "某某街道办事处" and report.meta.report_year == 2024  # from the title


def test_heading_styles_without_any_number_give_levels_by_style_rank(tmp_path):
    doc = docx.Document()
    _para(doc, "某某局2024年法治政府建设年度报告", style="Title")
    _para(doc, "主要举措和成效", style="Heading 2")
    _para(doc, "加强组织领导", style="Heading 3")
    _para(doc, "局党组专题研究法治建设4次。")
    _para(doc, "存在的不足和原因", style="Heading 2")
    _para(doc, "学习不够深入。")
    path = tmp_path / "styles.docx"
    doc.save(str(path))
    report = import_file(path).report
    assert outline(report) == [(1, "一、", "主要举措和成效"), (2, "（一）", "加强组织领导"), (1, "二、", "存在的不足和原因")]
    assert report.meta.effective_title == "某某局2024年法治政府建设年度报告"


def test_run_in_lead_with_indent_split_across_runs(tmp_path):
    doc = docx.Document()
    _para(doc, "某某镇人民政府关于2024年度法治政府建设情况的报告")
    _para(doc, "一、2024年工作情况", bold_lead="\u3000")
    p = doc.add_paragraph()
    p.add_run("\u3000")  # WPS: the first indent space plain, the second inside the bold run
    p.add_run("\u3000（一）强化组织领导。").bold = True
    p.add_run("镇党委专题研究法治建设3次。")
    p = doc.add_paragraph()
    p.add_run("\u3000\u3000（二）推进依法决策").bold = True
    p.add_run("：重大决策全部经过合法性审查。")
    path = tmp_path / "runin.docx"
    doc.save(str(path))
    report = import_file(path).report
    first, second = report.sections[0].children
    assert (first.heading, first.run_in, first.paragraphs) == ("强化组织领导", True, ["镇党委专题研究法治建设3次。"])
    # a bold lead that stops at a colon keeps it: the line prints exactly as written
    assert (second.heading, second.run_in, second.paragraphs) == ("推进依法决策：", True, ["重大决策全部经过合法性审查。"])


def test_masthead_text_boxes_tables_toc_and_revisions(tmp_path):
    doc = docx.Document()
    box = (f'<w:r {nsdecls("w")} {MC} {WPS} {V}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
           '<wps:txbx><w:txbxContent><w:p><w:r><w:t>某某区人民政府文件</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
           '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
           '<w:t>某某区人民政府文件</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
           '</mc:AlternateContent></w:r>')
    anchor = doc.add_paragraph()
    anchor._p.append(parse_xml(box))
    rule = doc.add_table(rows=1, cols=1)  # a red rule drawn with a table border: no text
    assert rule.cell(0, 0).text == ""
    _para(doc, "某区〔2024〕5号", align=WD_ALIGN_PARAGRAPH.CENTER)
    title = doc.add_paragraph()
    title.add_run("某某区人民政府关于2024年度")
    title.add_run().add_break()
    title.add_run("法治政府建设情况的报告")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, "一、工作情况……1", style=doc.styles.add_style("toc 1", 1))  # a table of contents line
    _para(doc, "市委全面依法治市委员会办公室：")
    p = _para(doc, "全区")
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>删掉的</w:delText>'
                          '</w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>依法行政</w:t></w:r></w:ins>'))
    p.add_run("水平持续提升。")
    _para(doc, "一、2024年工作情况")
    _para(doc, "全年立案117宗。")
    _para(doc, "某某区人民政府", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, "2024年12月20日", align=WD_ALIGN_PARAGRAPH.RIGHT)
    record = doc.add_table(rows=2, cols=1)
    record.cell(0, 0).text = "抄送：市政府办公室。"
    record.cell(1, 0).text = "某某区人民政府办公室\t2024年12月21日印发"
    path = tmp_path / "official.docx"
    doc.save(str(path))
    result = import_file(path)
    meta, report = result.report.meta, result.report
    assert meta.title == "" and meta.effective_title == "某某区人民政府关于2024年度法治政府建设情况的报告"
    assert meta.doc_number.format() == "某区〔2024〕5号"
    assert meta.addressees == ["市委全面依法治市委员会办公室"]
    assert report.preamble == ["全区依法行政水平持续提升。"]
    assert outline(report) == [(1, "一、", "2024年工作情况")]
    assert meta.cc == ["市政府办公室"]
    assert (meta.printing_organ, meta.printing_date) == ("某某区人民政府办公室", dt.date(2024, 12, 21))
    box_warnings = [w for w in result.warnings if "文本框" in w]
    assert len(box_warnings) == 1 and box_warnings[0].count("某某区人民政府文件") == 1  # DrawingML + VML: once


def test_word_numbering_counts_like_word():
    xml = (f'<w:numbering {nsdecls("w")}>'
           '<w:abstractNum w:abstractNumId="0">'
           '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
           '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
           '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
           '</w:abstractNum>'
           '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'
           '</w:lvl></w:abstractNum>'
           '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
           '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
           '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
           '</w:lvlOverride></w:num>'
           '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
           '</w:numbering>')
    n = Numbering(parse_xml(xml))
    labels = [n.next_label("1", 0), n.next_label("1", 1), n.next_label("1", 1), n.next_label("1", 2),
              n.next_label("2", 0),  # another instance of the same list continues it
              n.next_label("2", 1),  # deeper levels restart under a new 二、
              n.next_label("3", 0),  # an instance with startOverride restarts where it is first used
              n.next_label("3", 0), n.next_label("4", 0), n.next_label("9", 0), n.next_label("0", 0)]
    assert labels == ["一、", "（一）", "（二）", "1.", "二、", "（一）", "一、", "二、", "", "", ""]


@pytest.mark.parametrize("n,fmt,text", [(12, "chineseCounting", "十二"), (21, "chineseCountingThousand", "二十一"),
                                        (3, "decimalEnclosedCircle", "③"), (4, "upperRoman", "IV"),
                                        (2, "ideographTraditional", "乙"), (10, "decimalFullWidth", "１０"),
                                        (28, "lowerLetter", "bb"), (7, "decimal", "7")])
def test_number_formats(n, fmt, text):
    assert format_number(n, fmt) == text
