"""Last year's report saved from the office's website: a web page (.html, often GB2312), a
single-file archive (.mht), or a 「.doc」 download that is really a page."""
import html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers import ImportFailed, import_file
from tests.conftest import shared_path
from tests.import_helpers import outline, printed_blocks

# How a government CMS page looks: navigation, an info line with 字号 buttons, a share bar,
# the article in <p> elements (centred title in <strong>, right-aligned signature), a footer.
PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>某某县司法局2024年法治政府建设年度报告_某某县人民政府</title>
<style type="text/css">.TRS_Editor P{{margin-top:5px;}}</style>
<script type="text/javascript">document.write("<p>脚本中的文字</p>");</script>
</head><body>
<div class="top"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 法治政府建设</div>
<h1 class="title">某某县司法局2024年法治政府建设年度报告</h1>
<div class="info">发布时间：2025-01-20&nbsp;&nbsp;来源：某某县司法局&nbsp;&nbsp;【字号：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="TRS_Editor">
<p align="center"><strong>某某县司法局2024年法治政府建设年度报告</strong></p>
<p>县委依法治县办：</p>
<p style="text-indent:2em">2024年，我局坚持以习近平法治思想为指导，现将有关情况报告如下：</p>
<p style="text-indent:2em"><strong>一、主要工作举措和成效</strong></p>
<p style="text-indent:2em"><strong>（一）深入学习贯彻习近平法治思想。</strong>局党组会议专题学法
12次，举办法治讲座6场次。</p>
<p style="text-indent:2em"><b>（二）严格规范公正文明执法。</b>全年办理行政执法案件&nbsp;386件，办结372件。</p>
<p style="text-indent:2em"><strong>二、存在的不足及原因</strong></p>
<p style="text-indent:2em">基层法律服务力量不足。<br/>执法人员专业能力有待提高。</p>
<p style="text-indent:2em"><strong>三、2025年工作计划</strong></p>
<p style="text-indent:2em">加强执法队伍建设。</p>
<p style="text-align: right">某某县司法局</p>
<p style="text-align: right">2025年1月15日</p>
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="footer">主办：某某县人民政府办公室 版权所有 &copy; 2025<br/>网站标识码：1234000001 备案号：某ICP备12345678号</div>
</body></html>
"""


def expected_outline():
    return [(1, "一、", "主要工作举措和成效"), (2, "（一）", "深入学习贯彻习近平法治思想"),
            (2, "（二）", "严格规范公正文明执法"), (1, "二、", "存在的不足及原因"), (1, "三、", "2025年工作计划")]


def check_report(result):
    report = result.report
    assert report.meta.effective_title.replace("\n", "") == "某某县司法局2024年法治政府建设年度报告"
    assert report.meta.addressees == ["县委依法治县办"]
    assert report.meta.signature_name == "某某县司法局" or report.meta.effective_signature == "某某县司法局"
    assert report.meta.signing_date_text == "2025年1月15日" and report.meta.report_year == 2024
    assert outline(report) == expected_outline()
    first = report.sections[0].children[0]
    assert first.run_in and first.paragraphs == ["局党组会议专题学法12次，举办法治讲座6场次。"]
    assert report.sections[0].children[1].paragraphs == ["全年办理行政执法案件386件，办结372件。"]
    everything = "".join(printed_blocks(report))
    for furniture in ("首页", "当前位置", "发布时间", "字号", "分享", "打印", "版权", "备案", "脚本", "_某某县人民政府"):
        assert furniture not in everything, furniture
    found = [p.mention.value for p in result.proposals] + [m.value for m in result.unmatched]
    assert sorted(found) == [6, 12, 372, 386]


def test_a_saved_gb2312_page_of_a_government_website_is_imported(tmp_path):
    page = tmp_path / "某某县司法局2024年法治政府建设年度报告.html"
    page.write_bytes(PAGE.format().encode("gb18030"))
    check_report(import_file(page))


def test_a_utf8_page_without_a_declared_charset(tmp_path):
    page = tmp_path / "报告.htm"
    page.write_bytes(PAGE.format().replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', "")
                     .encode("utf-8"))
    check_report(import_file(page))


def test_a_page_declaring_the_wrong_charset_is_read_by_its_bytes(tmp_path):
    page = tmp_path / "报告.html"
    page.write_bytes(PAGE.format().replace("charset=gb2312", "charset=utf-8").encode("gb18030"))
    check_report(import_file(page))


def test_a_doc_download_that_is_really_a_web_page(tmp_path):
    """Websites often offer 「….doc」 files that Word once saved as a web page."""
    page = tmp_path / "2024年法治政府建设年度报告.doc"
    page.write_bytes(PAGE.format().encode("gb18030"))
    check_report(import_file(page))


def test_a_single_file_web_archive(tmp_path):
    """「网页，单个文件（*.mht）」 as Edge/IE and Word save it: MIME, quoted-printable, GB2312."""
    import quopri
    body = quopri.encodestring(PAGE.format().encode("gb18030")).decode("ascii")
    archive = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/zwgk/1.html\r\n"
               "Subject: report\r\nMIME-Version: 1.0\r\n"
               'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000"\r\n\r\n'
               "------=_NextPart_000\r\nContent-Type: text/html; charset=\"gb2312\"\r\n"
               "Content-Transfer-Encoding: quoted-printable\r\n"
               "Content-Location: http://www.example.gov.cn/zwgk/1.html\r\n\r\n"
               f"{body}\r\n------=_NextPart_000--\r\n")
    page = tmp_path / "报告.mht"
    page.write_bytes(archive.encode("ascii"))
    check_report(import_file(page))


def test_a_page_with_no_text_says_so_in_chinese(tmp_path):
    page = tmp_path / "框架.html"
    page.write_text('<html><head><script>location="x"</script></head><body><iframe src="a.html"></iframe></body></html>',
                    encoding="utf-8")
    with pytest.raises(ImportFailed) as e:
        import_file(page)
    assert str(page) in str(e.value) and "网页中没有正文文字" in str(e.value)


def test_the_seed_report_as_a_web_page_imports_as_its_copied_text_does(tmp_path):
    """The same report read from a page and from the text copied off that page: the same report."""
    seed = shared_path("seed", "changgang_2023.txt")
    text = seed.read_text(encoding="utf-8")
    paragraphs = "".join(f'<p style="text-indent:2em">{html.escape(line)}</p>\n' for line in text.splitlines())
    page = tmp_path / "changgang.html"
    page.write_bytes(("<html><head><meta charset='gbk'><script>var x='<p>x</p>';</script></head><body>"
                      f"<div class='content'>{paragraphs}</div></body></html>").encode("gb18030"))
    from_page, from_text = import_file(page), import_file(seed)
    assert printed_blocks(from_page.report) == printed_blocks(from_text.report)
    assert [(p.indicator_id, p.mention.value) for p in from_page.proposals] == \
           [(p.indicator_id, p.mention.value) for p in from_text.proposals]


@pytest.mark.render
@pytest.mark.parametrize("version", ["official", "public"])
def test_our_export_saved_as_a_web_page_by_another_program_comes_back(version, tmp_path):
    """A page made from last year's Word file by another program (LibreOffice 「另存为网页」) reads as the Word file."""
    import shutil
    import subprocess

    from exporters.word import export_docx
    from models.storage import load_report
    from tests.conftest import SAMPLE

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: it makes the web page from the Word file "
                    "(apt-get install libreoffice-writer-nogui)")
    source = tmp_path / "报告.docx"
    export_docx(load_report(SAMPLE), source, version=version)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "html", "--outdir", str(tmp_path / "out"), str(source)],
                   capture_output=True, timeout=300)
    page = tmp_path / "out" / "报告.html"
    assert page.exists(), "LibreOffice made no web page"
    from_page, from_word = import_file(page), import_file(source)
    assert printed_blocks(from_page.report) == printed_blocks(from_word.report)
    assert outline(from_page.report) == outline(from_word.report)
    assert [(p.indicator_id, p.mention.value) for p in from_page.proposals] == \
           [(p.indicator_id, p.mention.value) for p in from_word.proposals]


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["<p>", "</p>", "<br>", "<b>", "</b>", "<script>", "</script>", "<td>", "</tr>",
                                 "<pre>", "</pre>", "<!--", "-->", "<p style='text-align:right'>", "&nbsp;", "&#x4e00;",
                                 "&bogus;", "<", ">", "\"", "一、", "（一）", "报告", "12件", "2025年1月1日", "\n",
                                 "某某镇人民政府", "<![CDATA[", "]]>", "<?xml?>", "<meta charset='gbk'>"]),
                max_size=60))
def test_any_markup_is_read_or_refused_in_chinese(tmp_path, pieces):
    page = tmp_path / "page.html"
    page.write_bytes(("<html><body>" + "".join(pieces)).encode("utf-8"))
    try:
        result = import_file(page)
    except ImportFailed as e:
        assert str(page) in str(e)
    else:
        assert not any("<p" in b or "<br" in b for b in printed_blocks(result.report))


def test_an_old_site_laid_out_in_a_table_with_line_breaks(tmp_path):
    """Older sites: a menu column and the article side by side in one table row, lines made with <br>;
    a small data table in the article stays one line a row."""
    page = tmp_path / "报告.htm"
    page.write_bytes(
        ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gbk'></head><body>"
         "<table width='980'><tr><td width='200'>首页<br>政务公开<br>通知公告</td>"
         "<td>某某镇2024年法治政府建设情况报告<br>一、主要工作<br>全年开展普法活动12场次。<br>"
         "<table><tr><td>序号</td><td>指标</td><td>数值</td></tr><tr><td>1</td><td>普法活动</td><td>12场次</td></tr></table>"
         "二、存在的问题<br>法治宣传覆盖面不够广。<br>某某镇人民政府<br>2025年1月10日</td></tr></table>"
         "</body></html>").encode("gb18030"))
    report = import_file(page).report
    assert report.meta.effective_title.replace("\n", "") == "某某镇2024年法治政府建设情况报告"
    assert outline(report) == [(1, "一、", "主要工作"), (1, "二、", "存在的问题")]
    assert report.sections[0].paragraphs[0] == "全年开展普法活动12场次。"
    assert "1\u3000普法活动\u300012场次" in report.sections[0].paragraphs
    assert report.meta.signing_date_text == "2025年1月10日"
    assert report.preamble == []  # the menu column is furniture


WORD_PAGE = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=ProgId content=Word.Document>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; font-family:仿宋_GB2312;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'><div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>某某街道办事处关于2024年度<br>法治政府建设情况的报告<o:p></o:p></span></b></p>
<p class=MsoNormal><span style='font-family:仿宋_GB2312'>区委依法治区办：<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>现将我街道2024年法治政府建设情况报告如下。<o:p></o:p></span></p>
<p class=MsoListParagraph style='text-indent:32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:黑体'><span style='mso-list:Ignore'>一、</span></span><![endif]><span style='font-family:黑体'>主要举措和成效<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-family:楷体_GB2312'>（一）强化学法用法。</span></b><span style='font-family:仿宋_GB2312'>全年开展学法活动<span lang=EN-US>12</span>次。<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:黑体'>二、存在的不足<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>普法形式单一。<o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal align=right style='text-align:right'><span style='font-family:仿宋_GB2312'>某某街道办事处<o:p></o:p></span></p>
<p class=MsoNormal align=right style='text-align:right'><span lang=EN-US>2025</span><span>年</span><span lang=EN-US>1</span><span>月</span><span lang=EN-US>8</span><span>日</span></p>
</div></body></html>"""


def test_a_doc_that_word_saved_as_a_web_page(tmp_path):
    """Word's 「另存为网页」 (and the 「.doc」 files many sites offer): MsoNormal paragraphs, list numbers in
    conditional comments, <o:p> tags, a title broken by <br>."""
    page = tmp_path / "报告.doc"
    page.write_bytes(WORD_PAGE.encode("gb18030"))
    result = import_file(page)
    report = result.report
    assert report.meta.effective_title.replace("\n", "") == "某某街道办事处关于2024年度法治政府建设情况的报告"
    assert report.meta.addressees == ["区委依法治区办"]
    assert report.preamble == ["现将我街道2024年法治政府建设情况报告如下。"]
    assert outline(report) == [(1, "一、", "主要举措和成效"), (2, "（一）", "强化学法用法"), (1, "二、", "存在的不足")]
    assert report.sections[0].children[0].run_in
    assert report.sections[0].children[0].paragraphs == ["全年开展学法活动12次。"]
    assert report.meta.effective_signature == "某某街道办事处" and report.meta.signing_date_text == "2025年1月8日"


def test_plain_text_saved_under_a_web_page_name_keeps_its_lines(tmp_path):
    page = tmp_path / "报告.html"
    page.write_text("某某镇2024年法治政府建设情况报告\n一、主要工作\n全年开展普法活动12场次。\n二、存在的问题\n覆盖面不广。\n"
                    "某某镇人民政府\n2025年1月10日\n", encoding="utf-8")
    report = import_file(page).report
    assert outline(report) == [(1, "一、", "主要工作"), (1, "二、", "存在的问题")]


def test_an_article_of_lines_made_with_br_and_emsp(tmp_path):
    """No <p> at all: one block of text, lines by <br>, indents by &emsp;, headings bold by style or <font>."""
    page = tmp_path / "报告.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body><div id="zoom">'
        '<h3 style="text-align:center">某某县应急管理局2024年度法治政府建设工作报告</h3>'
        "&emsp;&emsp;2024年，我局认真贯彻落实……现将有关情况报告如下：<br><br>"
        '&emsp;&emsp;<span style="font-weight:bold">一、主要工作</span><br>'
        '&emsp;&emsp;<font face="楷体">（一）加强组织领导。</font>召开党组会专题研究法治工作4次。<br>'
        "&emsp;&emsp;（二）推进执法规范化。全年开展执法检查236次，立案查处28起。<br><br>"
        '&emsp;&emsp;<span style="font-weight:bold">二、存在问题</span><br>&emsp;&emsp;执法力量不足。<br>'
        '<div style="text-align:right">某某县应急管理局<br>2025年2月10日</div></div></body></html>', encoding="utf-8")
    report = import_file(page).report
    assert outline(report) == [(1, "一、", "主要工作"), (2, "（一）", "加强组织领导"), (2, "（二）", "推进执法规范化"),
                               (1, "二、", "存在问题")]
    assert report.sections[0].children[1].paragraphs == ["全年开展执法检查236次，立案查处28起。"]
    assert report.meta.effective_signature == "某某县应急管理局" and report.meta.signing_date_text == "2025年2月10日"


def test_a_page_whose_head_is_never_closed(tmp_path):
    page = tmp_path / "报告.html"
    page.write_text("<html><head><meta charset='utf-8'><title>报告</title><body><p>某某镇2024年法治政府建设情况报告</p>"
                    "<p>一、主要工作</p><p>全年学法12次。</p><p>某某镇人民政府</p><p>2025年1月10日</p></body></html>",
                    encoding="utf-8")
    assert outline(import_file(page).report) == [(1, "一、", "主要工作")]
