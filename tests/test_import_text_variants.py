"""Text reports as other offices and websites write them: page buttons, 附件 pages, 第一部分 headings."""
import pytest

from importers import apply_numbers, describe, import_file, import_text
from tests.import_helpers import key, outline, printed_blocks

REPORT = """某某区市场监督管理局2024年法治政府建设工作报告
一、主要工作举措和成效
全年查办各类案件386件。
二、存在的不足及原因
执法人员专业能力不足。
三、2025年工作计划
加强执法队伍建设。
某某区市场监督管理局
2025年1月20日
"""


def test_rows_of_page_buttons_after_the_report_are_dropped():
    buttons = ["【打印本页】【关闭窗口】", "[打印] [关闭]", "【我要打印】 【加入收藏】", "打印本页  关闭窗口", "（责任编辑：张三）",
               "扫描二维码分享到手机", "【字号 大 中 小】"]
    result = import_text(REPORT + "\n".join(buttons) + "\n")
    everything = "".join(printed_blocks(result.report))
    assert not any(word in everything for word in ("打印", "关闭", "责任编辑", "二维码", "字号"))
    assert result.report.sections[-1].paragraphs == ["加强执法队伍建设。"]
    assert result.warnings == []


def test_annex_heading_alone_after_the_date_starts_the_annex_and_is_kept():
    result = import_text(REPORT + "附件\n2024年法治建设主要指标统计表\n序号　指标　数值\n1　会前学法　12次\n")
    kept = result.report.sections[-1].paragraphs
    assert kept == ["加强执法队伍建设。", "附件", "2024年法治建设主要指标统计表", "序号　指标　数值", "1　会前学法　12次"]
    assert len(result.warnings) == 1 and "附件正文" in result.warnings[0]


PARTS = """某某县司法局二〇二四年度法治政府建设情况报告
第一部分 2024年度主要工作及成效
一是坚持党的领导。局党组专题研究法治工作5次。
第二部分：存在的问题
基层法律服务力量不足。
第三部分 2025年工作打算
深化普法。
某某县司法局
二〇二五年一月十五日
"""


def test_parts_written_as_di_yi_bu_fen_are_the_top_level():
    result = import_text(PARTS)
    report = result.report
    assert outline(report) == [(1, "一、", "2024年度主要工作及成效"), (1, "二、", "存在的问题"), (1, "三、", "2025年工作打算")]
    assert [s.part.name for s in report.sections] == ["MEASURES", "SHORTCOMINGS", "NEXT_YEAR"]
    assert report.sections[0].paragraphs == ["一是坚持党的领导。局党组专题研究法治工作5次。"]
    assert report.meta.report_year == 2024
    assert [w for w in result.warnings if "第一部分" in w] == [result.warnings[0]] and len(result.warnings) == 1


def test_parts_above_yi_headings_push_the_other_levels_down():
    text = ("某某县人民政府2024年法治政府建设年度报告\n第一部分 主要举措和成效\n一、加强组织领导\n（一）健全机制。制定制度3个。\n"
            "二、推进依法决策\n第二部分 存在的问题\n一、学习不够\n")
    report = import_text(text).report
    assert outline(report) == [(1, "一、", "主要举措和成效"), (2, "（一）", "加强组织领导"), (3, "1.", "健全机制"),
                               (2, "（二）", "推进依法决策"), (1, "二、", "存在的问题"), (2, "（一）", "学习不够")]
    assert key("".join(printed_blocks(report))).count("制定制度3个") == 1


def test_proposed_amounts_are_shown_with_every_decimal_the_source_wrote():
    text = REPORT.replace("全年查办各类案件386件。", "全年查办各类案件386件，罚没款金额2.92亿元，协助企业追回款项341.115万元。")
    result = import_text(text)
    shown = "\n".join(describe(result))
    assert "2.92亿元" in shown and "341.115万元" in shown
    assert "= 2.9亿元" not in shown and "341.1万元" not in shown
    applied = "\n".join(apply_numbers(result))
    assert "29200万元" in applied and "「罚没款金额2.92亿元」" in applied


DISCLOSURE_PAGE = """某某县人民政府门户网站
首页 政务公开 政务服务 互动交流 走进某某
索引号：\t11510822MB1234567X/2025-00012
发布机构：\t某某县人民政府办公室
文号：\t某府〔2025〕3号
名称：\t某某县人民政府关于2024年度法治政府建设情况的报告
有效性：\t有效
某某县人民政府关于2024年度法治政府建设情况的报告
时间：2025-02-20 09:30    来源：县司法局    阅读次数：456
一、主要举措和成效
县政府常务会议专题研究法治建设4次。
二、存在的不足和原因
执法力量不足。
附件下载：
某某县2024年法治政府建设报告.pdf
"""


def test_a_disclosure_page_gives_title_organ_and_document_number_without_its_furniture():
    result = import_text(DISCLOSURE_PAGE)
    meta = result.report.meta
    assert meta.effective_title == "某某县人民政府关于2024年度法治政府建设情况的报告"
    assert meta.organ_name == "某某县人民政府"
    assert meta.doc_number.format() == "某府〔2025〕3号"
    everything = "".join(printed_blocks(result.report))
    for furniture in ("门户网站", "首页", "索引号", "名称", "有效性", "阅读次数", "附件下载", ".pdf"):
        assert furniture not in everything
    assert result.report.preamble == []
    assert result.report.sections[-1].paragraphs == ["执法力量不足。"]
    assert result.warnings == []


@pytest.mark.parametrize("signature", ["中共某某镇委员会\u3000\u3000\u3000\u3000某某镇人民政府", "中共某某镇委员会\n某某镇人民政府"])
def test_joint_signature_on_one_line_or_two_unaligned_lines(signature):
    text = "某某镇2024年度法治政府建设情况报告\n一、主要举措和成效\n加强学习。\n" + signature + "\n2025年1月10日\n"
    result = import_text(text)
    meta = result.report.meta
    assert meta.organ_name == "某某镇人民政府"
    assert meta.signature_name == "中共某某镇委员会\n某某镇人民政府"
    assert result.report.sections[0].paragraphs == ["加强学习。"]
    assert len(result.warnings) == 1 and "署名有两行" in result.warnings[0]


def test_full_width_numbers_and_spaces_in_labels_are_not_reported_as_renumbered():
    text = ("某某镇人民政府关于2024年度法治政府建设情况的报告\n一 、主要举措和成效\n（一）加强组织领导\n"
            "１．健全制度。制定制度１２个。\n（１）完善程序。合法性审查全覆盖。\n二．存在的问题\n宣传不够。\n")
    result = import_text(text)
    assert outline(result.report) == [(1, "一、", "主要举措和成效"), (2, "（一）", "加强组织领导"), (3, "1.", "健全制度"),
                                      (4, "（1）", "完善程序"), (1, "二、", "存在的问题")]
    assert result.warnings == []


TITLE = "某某县人民政府关于2024年度法治政府建设情况的报告"


@pytest.mark.parametrize("page", [
    f"{TITLE}\n发布时间：2025-02-20  来源：县司法局\n{TITLE}\n县委依法治县办：\n一、主要举措和成效\n加强学习。\n",
    f"{TITLE}\n{TITLE}\n一、主要举措和成效\n加强学习。\n",
    f"某某县人民政府\n关于2024年度法治政府建设情况的报告\n{TITLE}\n一、主要举措和成效\n加强学习。\n"])
def test_a_title_shown_twice_on_a_web_page_is_read_once(page):
    result = import_text(page)
    blocks = printed_blocks(result.report)
    assert blocks.count(TITLE) == 1 and result.report.preamble == []
    assert outline(result.report) == [(1, "一、", "主要举措和成效")]
    assert result.warnings == []


@pytest.mark.parametrize("damage", ["stray byte", "cut off"])
def test_a_utf8_file_with_a_few_broken_bytes_is_read_with_the_places_named(tmp_path, damage):
    raw = REPORT.encode("utf-8")
    at = raw.index("执法人员".encode("utf-8"))
    raw = raw[:at] + b"\xa0" + raw[at:] if damage == "stray byte" else raw + "附".encode("utf-8")[:2]
    path = tmp_path / "报告.txt"
    path.write_bytes(raw)
    result = import_file(path)
    assert outline(result.report) == [(1, "一、", "主要工作举措和成效"), (1, "二、", "存在的不足及原因"),
                                      (1, "三、", "2025年工作计划")]
    line = 5 if damage == "stray byte" else 10
    broken = [w for w in result.warnings if "无法识别的字节" in w]
    assert len(broken) == 1 and f"第{line}行" in broken[0]


def test_a_gbk_file_is_never_read_as_damaged_utf8(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_bytes(REPORT.encode("gbk"))
    result = import_file(path)
    assert result.warnings == [] and result.report.meta.organ_name == "某某区市场监督管理局"


def test_a_run_in_heading_ending_in_a_colon_is_split_without_bold():
    text = ("某某县2024年法治政府建设情况报告\n一、主要举措和成效\n"
            "（一）加强组织领导：县政府常务会议专题研究法治建设4次，研究解决重大问题6项。\n"
            "（二）主要做法：\n全年制发规范性文件3件。\n"
            "（三）全年共办理案件30件，其中：行政处罚20件。\n")
    sections = [s for s, _, _ in import_text(text).report.iter_sections()][1:]
    assert [(s.heading, s.run_in, s.paragraphs) for s in sections] == [
        ("加强组织领导：", True, ["县政府常务会议专题研究法治建设4次，研究解决重大问题6项。"]),
        ("主要做法：", False, ["全年制发规范性文件3件。"]),
        ("全年共办理案件30件，其中：行政处罚20件。", False, [])]  # a clause before the colon: no topic phrase


def test_page_numbers_of_text_copied_from_a_pdf_are_dropped_and_counted():
    text = REPORT.replace("二、存在的不足及原因", "— 2 —\n二、存在的不足及原因").replace("三、", "第 3 页 共 4 页\n三、")
    result = import_text(text)
    assert [s.paragraphs for s in result.report.sections] == [["全年查办各类案件386件。"], ["执法人员专业能力不足。"],
                                                              ["加强执法队伍建设。"]]
    assert result.warnings == ["已去掉2行页码（如「— 2 —」，从 PDF 复制的文字和另存的网页常带有页码）。"]


WRAPPED_SOURCE = """某某县人民政府关于2024年度法治政府建设情况的报告
2024年，县人民政府坚持以习近平法治思想为指导，全面贯彻落实党中央、国务院关于法治政府建设的决策部署，现将有关情况报告如下。
一、2024年法治政府建设主要举措和成效
（一）加强党的领导，压实法治建设责任
1.健全工作机制。县政府常务会议专题研究法治政府建设工作4次，研究解决重大问题6项，推动各项任务落地见效。
2.抓好学法用法。组织县政府常务会议会前学法12次，举办法治专题讲座5场，轮训领导干部1240人次，领导干部法治素养持续提升。
（二）推进严格规范公正文明执法
全县行政执法机关立案查处案件2356件，办结2301件，开展执法案卷评查2轮，评查案卷320卷，执法规范化水平稳步提高。
二、存在的问题和不足
一是部分干部运用法治思维的能力还不够强，二是基层执法力量依然薄弱，乡镇持证执法人员不足，三是规范性文件管理仍有薄弱环节。
三、2025年工作计划
持续深化学法用法，提升执法规范化水平，全面推行行政执法三项制度，推动法治政府建设再上新台阶。
"""


def _hard_wrapped(text, width=28):
    """The text as copied from a PDF: every line cut at the page width, a page number between pages."""
    from models.text import display_width
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for ch in paragraph:
            if display_width(line + ch) > width:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
    lines.insert(len(lines) // 2, "— 1 —")
    return "\n".join(lines)


def test_lines_cut_at_the_page_width_are_joined_into_their_paragraphs():
    wrapped = _hard_wrapped(WRAPPED_SOURCE)
    assert wrapped.count("\n") >= WRAPPED_SOURCE.count("\n") + 9  # the copy really is cut into lines
    expected, got = import_text(WRAPPED_SOURCE), import_text(wrapped)
    assert outline(got.report) == outline(expected.report)
    assert printed_blocks(got.report) == printed_blocks(expected.report)
    assert ({(p.indicator_id, p.mention.value) for p in got.proposals}
            == {(p.indicator_id, p.mention.value) for p in expected.proposals})
    assert got.warnings == ["已去掉1行页码（如「— 2 —」，从 PDF 复制的文字和另存的网页常带有页码）。"]


def test_short_paragraphs_of_an_ordinary_text_are_not_joined():
    text = REPORT.replace("全年查办各类案件386件。", "全年查办各类案件386件\n其中行政处罚案件300件")
    assert import_text(text).report.sections[0].paragraphs == ["全年查办各类案件386件", "其中行政处罚案件300件"]


@pytest.mark.parametrize("title,organ,level", [
    ("某某县市场监督管理局2024年法治政府建设工作报告", "某某县市场监督管理局", "DEPARTMENT"),
    ("某某县司法局二〇二四年度法治政府建设情况报告", "某某县司法局", "DEPARTMENT"),
    ("中共某某镇委员会 某某镇人民政府关于2024年度法治政府建设情况的报告", "某某镇人民政府", "STREET"),
    ("某某县人民政府关于2024年度法治政府建设情况的报告", "某某县人民政府", "COUNTY")])
def test_the_organ_is_read_from_a_title_without_a_signature(title, organ, level):
    result = import_text(title + "\n一、主要举措和成效\n加强学习。\n")
    meta = result.report.meta
    assert (meta.organ_name, meta.organ_level.name, meta.report_year) == (organ, level, 2024)
    assert meta.effective_title == title
    assert result.warnings == []


def test_a_stray_mark_after_a_bracketed_number_still_makes_a_heading():
    text = ("某某县人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n（一）、加强组织领导\n"
            "（1）、完善程序。重大决策全部经过合法性审查。\n（2）.规范执法\n（二）. 推进依法决策\n")
    result = import_text(text)
    assert outline(result.report) == [(1, "一、", "主要举措和成效"), (2, "（一）", "加强组织领导"), (3, "1.", "完善程序"),
                                      (3, "2.", "规范执法"), (2, "（二）", "推进依法决策")]
    assert [w for w in result.warnings if "序号" in w] == [
        "有2个标题的序号与原文不同（原文跳级或序号不连续），导出时按位置编号：第4段「（1）、」→「1.」；第5段「（2）.」→「2.」"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_saved_without_a_byte_order_mark(tmp_path, encoding):
    path = tmp_path / "报告.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode(encoding))
    result = import_file(path)
    assert result.report.meta.organ_name == "某某区市场监督管理局"
    assert outline(result.report) == [(1, "一、", "主要工作举措和成效"), (1, "二、", "存在的不足及原因"),
                                      (1, "三、", "2025年工作计划")]
    assert result.warnings == []


def test_lines_indented_with_em_spaces_keep_their_headings():
    """A web page indents with &emsp; (U+2003): copied, 「\u2003\u2003一、」 is still a heading."""
    text = REPORT.replace("\n一、", "\n\u2003\u2003一、").replace("\n全年", "\n\u2003\u2003全年")
    report = import_text(text).report
    assert outline(report) == [(1, "一、", "主要工作举措和成效"), (1, "二、", "存在的不足及原因"), (1, "三、", "2025年工作计划")]
    assert report.sections[0].paragraphs == ["全年查办各类案件386件。"]


def test_one_character_parenthesized_numbers_are_fourth_level_headings():
    """「⑴」 (U+2474, as some input methods and Word symbols type 「（1）」) numbers the fourth level."""
    text = REPORT.replace("全年查办各类案件386件。\n", "（一）严格执法\n1.规范执法程序\n⑴健全制度。制定制度3项。\n⑵加强培训。培训2次。\n")
    result = import_text(text)
    assert outline(result.report)[:5] == [(1, "一、", "主要工作举措和成效"), (2, "（一）", "严格执法"),
                                          (3, "1.", "规范执法程序"), (4, "（1）", "健全制度"), (4, "（2）", "加强培训")]
    assert not [w for w in result.warnings if "序号" in w or "编号" in w]
