"""The .docx reader on markup other producers write (WPS, Word versions, web page → Word): alternate
content, layout tables around the body, fields, content controls, footnotes, and files that hold only a table."""
import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from benchmarks.plain_docx import add_chinese_outline_numbering, set_num_pr
from importers import ImportFailed, import_file
from tests.import_helpers import body_blocks, outline

NS = nsdecls("w") + ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
TITLE = "某某县人民政府关于2024年度法治政府建设情况的报告"


def _run(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _paragraph(*inner):
    return parse_xml(f"<w:p {NS}>{''.join(inner)}</w:p>")


def _alternate(inner):
    """The same content twice, as Word 2010+ and WPS write it for readers of either version."""
    return (f'<mc:AlternateContent><mc:Choice Requires="w14">{inner}</mc:Choice>'
            f'<mc:Fallback>{inner}</mc:Fallback></mc:AlternateContent>')


def _doc_with_title():
    doc = docx.Document()
    doc.add_paragraph(TITLE)
    return doc


def _append(doc, element):
    doc.element.body.sectPr.addprevious(element)  # body content stays before the section settings


def _save(doc, tmp_path, name="report.docx"):
    path = tmp_path / name
    doc.save(str(path))
    return path


def test_alternate_content_is_read_once_in_the_body_and_in_a_table(tmp_path):
    doc = _doc_with_title()
    doc.add_paragraph("一、2024年工作情况")
    _append(doc, _paragraph(_run("全年调解纠纷"), f"<w:r>{_alternate('<w:t>141</w:t>')}</w:r>", _run("件。")))
    _append(doc, _paragraph(_run("全年立案"), _alternate(_run("117")), _run("宗。")))  # runs wrapped whole
    table = doc.add_table(rows=1, cols=1)
    table.cell(0, 0)._tc.append(_paragraph(_run("办结"), f"<w:r>{_alternate('<w:t>115</w:t>')}</w:r>", _run("宗。")))
    result = import_file(_save(doc, tmp_path))
    paragraphs = result.report.sections[0].paragraphs
    assert paragraphs == ["全年调解纠纷141件。", "全年立案117宗。", "办结115宗。"]
    assert {p.mention.value for p in result.proposals} >= {141, 117, 115}


def test_layout_table_around_the_body_keeps_numbers_bold_leads_and_line_breaks(tmp_path):
    """A web page pasted into Word: the whole report sits in a one-cell table."""
    doc = docx.Document()
    num_id = add_chinese_outline_numbering(doc)
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run(TITLE)
    heading = cell.add_paragraph("2024年法治政府建设工作情况")
    set_num_pr(heading._p.get_or_add_pPr(), num_id, 0)  # 「一、」 drawn by Word, not in the text
    lead = cell.add_paragraph()
    lead.add_run("（一）加强组织领导").bold = True
    lead.add_run("：县政府常务会议专题研究法治建设4次。")
    two_lines = cell.add_paragraph()
    two_lines.add_run("全年开展普法活动30场次。")
    two_lines.add_run().add_break()
    two_lines.add_run("发放宣传资料5400份。")
    problems = cell.add_paragraph("存在的问题和不足")
    set_num_pr(problems._p.get_or_add_pPr(), num_id, 0)
    cell.add_paragraph("宣传形式单一。")
    report = import_file(_save(doc, tmp_path)).report
    assert report.meta.effective_title == TITLE
    assert outline(report) == [(1, "一、", "2024年法治政府建设工作情况"), (2, "（一）", "加强组织领导："),
                               (1, "二、", "存在的问题和不足")]
    first = report.sections[0].children[0]
    assert first.paragraphs == ["县政府常务会议专题研究法治建设4次。", "全年开展普法活动30场次。", "发放宣传资料5400份。"]


def test_rows_and_cells_inside_content_controls_are_read(tmp_path):
    doc = _doc_with_title()
    doc.add_paragraph("一、2024年工作情况")
    doc.add_paragraph("全年工作如下。")
    table = parse_xml(
        f'<w:tbl {NS}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>'
        f'<w:sdt><w:sdtContent><w:tr><w:tc><w:p>{_run("会前学法")}</w:p></w:tc>'
        f'<w:sdt><w:sdtContent><w:tc><w:p>{_run("12次")}</w:p></w:tc></w:sdtContent></w:sdt>'
        '</w:tr></w:sdtContent></w:sdt></w:tbl>')
    _append(doc, table)
    report = import_file(_save(doc, tmp_path)).report
    assert report.sections[0].paragraphs == ["全年工作如下。", "会前学法\u300012次"]


def test_fields_links_revisions_and_controls_give_the_printed_text_only(tmp_path):
    doc = _doc_with_title()
    doc.add_paragraph("一、2024年工作情况")
    complex_field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                     '<w:r><w:instrText xml:space="preserve"> MERGEFIELD 立案数 \\* MERGEFORMAT </w:instrText></w:r>'
                     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _run("117") +
                     '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    _append(doc, _paragraph(
        _run("全年立案"), complex_field, _run("宗，办结"),
        '<w:fldSimple w:instr=" DOCPROPERTY 办结 \\* MERGEFORMAT ">' + _run("115") + '</w:fldSimple>',
        _run("宗，详见"), '<w:hyperlink w:anchor="x">' + _run("门户网站") + '</w:hyperlink>',
        '<w:smartTag w:uri="u" w:element="place">' + _run("公示") + '</w:smartTag>',
        '<w:del w:id="1" w:author="a"><w:r><w:delText>删去的话</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="a">' + _run("栏目") + '</w:ins>',
        '<w:sdt><w:sdtPr/><w:sdtContent>' + _run("。") + '</w:sdtContent></w:sdt>'))
    result = import_file(_save(doc, tmp_path))
    assert result.report.sections[0].paragraphs == ["全年立案117宗，办结115宗，详见门户网站公示栏目。"]
    assert {(p.indicator_id, p.mention.value) for p in result.proposals} >= {("F01", 117), ("F02", 115)}


def _add_footnotes(path, notes):
    import zipfile
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    body = "".join(f'<w:footnote w:id="{i}"><w:p>{_run(text)}</w:p></w:footnote>' for i, text in enumerate(notes, 1))
    files["word/footnotes.xml"] = (f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"><w:p>'
                                   f'<w:r><w:separator/></w:r></w:p></w:footnote>{body}</w:footnotes>').encode()
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdFn" Target="footnotes.xml" Type="http://schemas.openxmlformats'
                             b'.org/officeDocument/2006/relationships/footnotes"/></Relationships>')
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.wordprocessingml.footnotes+xml"/></Types>')
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)


def test_footnotes_are_named_in_a_warning_not_lost_silently(tmp_path):
    doc = _doc_with_title()
    doc.add_paragraph("一、2024年工作情况")
    _append(doc, _paragraph(_run("专题研究法治建设4次"), '<w:r><w:footnoteReference w:id="1"/></w:r>',
                                       _run("。")))
    path = _save(doc, tmp_path)
    _add_footnotes(path, ["含县政府党组会议1次。"])
    result = import_file(path)
    assert body_blocks(result.report)[-1] == "专题研究法治建设4次。"
    notes = [w for w in result.warnings if "脚注" in w]
    assert len(notes) == 1 and "含县政府党组会议1次" in notes[0]


def test_a_file_with_only_a_statistics_table_is_refused(tmp_path):
    doc = docx.Document()
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([["指标名称", "单位", "数值"], ["会前学法次数", "次", "12"], ["调解纠纷件数", "件", "210"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = _save(doc, tmp_path, "统计表.docx")
    with pytest.raises(ImportFailed) as info:
        import_file(path)
    message = str(info.value)
    assert "统计表.docx" in message and "只有表格" in message and "\n" not in message


def test_a_web_page_pasted_as_one_paragraph_with_line_breaks_keeps_its_headings(tmp_path):
    doc = docx.Document()
    paragraph = doc.add_paragraph()
    lines = [TITLE, "一、主要举措和成效", "（一）加强组织领导。县政府常务会议研究法治建设3次。", "二、存在的问题", "宣传不够。",
             "三、2025年工作计划", "加强学习。"]
    for i, line in enumerate(lines):
        if i:
            paragraph.add_run().add_break()
        paragraph.add_run(line)
    result = import_file(_save(doc, tmp_path))
    report = result.report
    assert report.meta.effective_title == TITLE
    assert outline(report) == [(1, "一、", "主要举措和成效"), (2, "（一）", "加强组织领导"), (1, "二、", "存在的问题"),
                               (1, "三、", "2025年工作计划")]
    assert report.preamble == [] and report.sections[1].paragraphs == ["宣传不够。"]
    assert ("A01", 3) in {(p.indicator_id, p.mention.value) for p in result.proposals}


def test_a_web_page_layout_with_a_navigation_column_beside_the_report(tmp_path):
    doc = docx.Document()
    nav, content = doc.add_table(rows=1, cols=2).row_cells(0)
    nav.paragraphs[0].add_run("首页")
    nav.add_paragraph("政务公开")
    content.paragraphs[0].add_run(TITLE)
    for text in ["一、主要举措和成效", "县政府常务会议专题研究法治建设4次。", "二、存在的问题", "执法力量不足。"]:
        content.add_paragraph(text)
    result = import_file(_save(doc, tmp_path))
    report = result.report
    assert report.meta.effective_title == TITLE
    assert outline(report) == [(1, "一、", "主要举措和成效"), (1, "二、", "存在的问题")]
    assert report.sections[0].paragraphs == ["县政府常务会议专题研究法治建设4次。"]
    assert report.preamble == []  # the site's menu (首页, 政务公开) is page furniture
    assert result.warnings == []


def test_hidden_text_is_left_out_and_named(tmp_path):
    doc = _doc_with_title()
    doc.add_paragraph("一、主要举措和成效")
    paragraph = doc.add_paragraph("县政府专题研究法治建设4次。")
    paragraph.add_run("（待核实：是否含党组会议）").font.hidden = True
    result = import_file(_save(doc, tmp_path))
    assert result.report.sections[0].paragraphs == ["县政府专题研究法治建设4次。"]
    assert len(result.warnings) == 1 and "隐藏" in result.warnings[0] and "待核实" in result.warnings[0]


def test_a_title_in_a_heading_style_is_the_title_not_a_section(tmp_path):
    """Browsers and converters save a web page's <h1> as 「Heading 1」."""
    doc = docx.Document()
    doc.add_paragraph(TITLE, style="Heading 1")
    doc.add_paragraph("发布时间：2025-02-20  来源：县司法局  浏览次数：321")
    for text in ["县委全面依法治县委员会办公室：", "一、2024年法治政府建设主要举措和成效", "全县立案2356件。", "二、存在的问题和不足",
                 "执法力量薄弱。"]:
        doc.add_paragraph(text)
    result = import_file(_save(doc, tmp_path))
    report = result.report
    assert report.meta.effective_title == TITLE and report.meta.report_year == 2024
    assert report.meta.addressees == ["县委全面依法治县委员会办公室"]
    assert outline(report) == [(1, "一、", "2024年法治政府建设主要举措和成效"), (1, "二、", "存在的问题和不足")]
    assert report.preamble == [] and result.warnings == []


@pytest.mark.parametrize("name,content_type", [
    ("模板.dotx", "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
    ("含宏.docm", "application/vnd.ms-word.document.macroEnabled.main+xml"),
    ("含宏模板.dotm", "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")])
def test_word_templates_and_documents_with_macros_are_read_like_docx(tmp_path, name, content_type):
    import zipfile
    doc = _doc_with_title()
    doc.add_paragraph("一、主要举措和成效")
    doc.add_paragraph("全年开展普法宣传讲座12场次。")
    source = _save(doc, tmp_path, "source.docx")
    with zipfile.ZipFile(source) as z:
        files = {n: z.read(n) for n in z.namelist()}
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", content_type.encode())
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:  # stored: the type names are readable in the bytes
        for member, data in files.items():
            z.writestr(member, data)
    report = import_file(path).report
    assert report.meta.effective_title == TITLE
    assert outline(report) == [(1, "一、", "主要举措和成效")]
    assert report.sections[0].paragraphs == ["全年开展普法宣传讲座12场次。"]


def test_an_opendocument_file_gets_its_own_message(tmp_path):
    import zipfile
    path = tmp_path / "报告.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ImportFailed) as info:
        import_file(path)
    message = str(info.value)
    assert "报告.odt" in message and "OpenDocument" in message and "另存为" in message and "\n" not in message


def test_a_report_typed_entirely_in_a_text_box_is_refused_with_the_reason(tmp_path):
    doc = docx.Document()
    box = (f'<w:r {NS} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
           '<w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>' + TITLE + '</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>一、主要举措和成效</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></w:r>')
    doc.add_paragraph()._p.append(parse_xml(box))
    path = _save(doc, tmp_path, "文本框.docx")
    with pytest.raises(ImportFailed) as info:
        import_file(path)
    message = str(info.value)
    assert "文本框.docx" in message and "文本框" in message.split("：", 1)[1] and "\n" not in message


def test_a_strict_open_xml_document_gets_its_own_message(tmp_path):
    import zipfile
    doc = _doc_with_title()
    doc.add_paragraph("一、主要举措和成效")
    source = _save(doc, tmp_path, "source.docx")
    path = tmp_path / "严格.docx"
    transitional = (b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships")
    strict = (b"http://purl.oclc.org/ooxml/wordprocessingml/main", b"http://purl.oclc.org/ooxml/officeDocument/relationships")
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            for old, new in zip(transitional, strict):
                data = data.replace(old, new)
            zout.writestr(name, data)
    with pytest.raises(ImportFailed) as info:
        import_file(path)
    message = str(info.value)
    assert "严格.docx" in message and "Strict Open XML" in message and "另存为" in message


def test_a_work_table_with_long_cells_stays_a_table(tmp_path):
    doc = _doc_with_title()
    doc.add_paragraph("一、主要举措和成效")
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "重点任务", "完成情况"
    for r in (1, 2):
        table.cell(r, 0).text = f"任务{r}"
        cell = table.cell(r, 1)
        cell.text = "1.制定方案"
        for text in ("2.组织培训", "3.开展检查", "4.总结通报"):
            cell.add_paragraph(text)
    result = import_file(_save(doc, tmp_path))
    report = result.report
    assert outline(report) == [(1, "一、", "主要举措和成效")]  # the 1. 2. inside the cells are no headings
    assert len(result.warnings) == 1 and result.warnings[0].startswith("第3段处的表格")  # where it starts
    assert report.sections[0].paragraphs == ["重点任务\u3000完成情况", "任务1\u30001.制定方案 2.组织培训 3.开展检查 4.总结通报",
                                             "任务2\u30001.制定方案 2.组织培训 3.开展检查 4.总结通报"]
