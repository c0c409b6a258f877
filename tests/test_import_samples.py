"""Each real .docx in ../shared/samples/docx imports with the structure its README describes."""
import datetime as dt
from collections import Counter

import docx
import pytest

from importers import import_file
from models.report import Part
from tests.conftest import shared_path
from tests.import_helpers import missing_texts, outline


def sample(name: str):
    return shared_path("samples", "docx", name)


def source_paragraphs(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def top_headings(report):
    return [s.heading for s in report.sections]


# -- 1. Word, typed numbers, bold run-in (一) under 一, separate (一) under 三 --------------------------
def test_henan_word():
    path = sample("gwr2025_henan_word.docx")
    result = import_file(path)
    report = result.report
    assert report.meta.effective_title == "2025年河南省政府工作报告"
    assert report.meta.addressees == ["各位代表"]  # 「各位代表:」 with a half-width colon
    assert top_headings(report) == ["2024年工作回顾", "2025年工作总体要求和主要目标", "2025年重点工作"]
    one, two, three = report.sections
    assert len(one.children) == 8 and all(c.run_in for c in one.children)
    assert one.children[0].heading == "经济运行持续向好"
    assert one.children[0].paragraphs[0].startswith("全年生产总值6.36万亿元")
    assert two.children == []
    assert len(three.children) == 10 and not any(c.run_in for c in three.children)
    assert three.children[0].heading == "更大力度推动全方位扩大内需"
    # unnumbered topic sentences (加力提振消费。) stay paragraphs: a heading would print a number they never had
    assert [p[:7] for p in three.children[0].paragraphs] == ["加力提振消费。", "加力扩大投资。", "加力稳住楼市。"]
    assert {level for level, _, _ in outline(report)} == {1, 2}
    assert report.meta.signing_date is None and report.sections[0].part is Part.MEASURES
    assert missing_texts(source_paragraphs(path), report) == []


# -- 2. WPS, U+3000 indents split across runs, run-in at several levels, annexes --------------------
def test_guangdong_wps():
    path = sample("gwr2025_guangdong_wps.docx")
    result = import_file(path)
    report = result.report
    assert report.meta.effective_title == "2025年广东省政府工作报告"
    assert top_headings(report) == ["2024年工作回顾", "2025年工作安排"]
    assert [s.part for s in report.sections] == [Part.MEASURES, Part.NEXT_YEAR]
    one, two = report.sections
    assert one.children == []  # 一是……九是…… are body text
    assert sum(p.startswith(("一是", "二是", "九是")) for p in one.paragraphs) == 3
    labels = [report.label_of(c.id) for c in two.children]
    assert labels == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）", "（十）",
                      "（十一）", "（十二）"]
    assert all(c.run_in for c in two.children)  # （十二） too, though its lead is not bold
    assert two.children[0].heading.startswith("做实粤港澳大湾区")
    assert two.children[11].heading == "全面加强政府自身建设，努力建设人民满意的政府"
    assert two.children[0].paragraphs[1].startswith("深入实施“湾区通”工程。")
    every = [p for s, _, _ in report.iter_sections() for p in s.paragraphs] + report.preamble
    assert not any(p.startswith("\u3000") for p in every)
    # the source line is page furniture; the annexes after the closing are kept, with a warning
    assert not any("南方日报" in p for p in every)
    assert "附件1" in two.children[11].paragraphs and any("附件1" in w for w in result.warnings)
    assert missing_texts(source_paragraphs(path), report) == ["来源 : 南方日报"]


# -- 4. 版头 in text boxes, 版记 in a table inside a text box, placeholders -------------------------
def test_redhead_template_word():
    path = sample("redhead_xiaxing_template_word.docx")
    result = import_file(path)
    meta = result.report.meta
    assert meta.effective_title == "[此处输入文件标题]"
    assert meta.addressees == ["[此处输入主送机关]"]
    assert result.report.preamble == ["[此处输入正文内容]"]
    assert result.report.sections == []
    assert meta.signature_name == "XXXX人民政府" and meta.signing_date is None
    assert meta.doc_number.format() == ""  # 「XX发〔20XX〕XX号」 is a placeholder
    assert any("文本框" in w and "XXXX人民政府文件" in w for w in result.warnings)
    everything = "".join(result.report.preamble)
    assert "印发" not in everything and "★" not in everything


# -- 5. every GB/T 9704 element as plain paragraphs -------------------------------------------------
def test_gbt9704_notice_pydocx():
    path = sample("gbt9704_notice_pydocx.docx")
    report = import_file(path).report
    meta = report.meta
    assert meta.title == "关于做好2026年暑期\n新时代文明实践工作的通知"  # w:br kept as the title's line break
    assert meta.addressees == ["各县（市、区）委", "市直各单位"]
    assert meta.doc_number.format() == "云办发〔2026〕12号"
    assert outline(report) == [(1, "一、", "提高政治站位，强化组织领导"), (2, "（一）", "健全工作机制"),
                               (1, "二、", "聚焦重点任务，提升服务质效")]
    assert meta.attachments == ["2026年暑期新时代文明实践活动安排表"]
    assert meta.signature_name == "中共云岭市委办公室" and meta.signing_date == dt.date(2026, 7, 16)
    assert meta.notes == "此文公开发布"
    assert meta.cc == ["市委各部委", "市级国家机关各委办局"]
    assert meta.printing_organ == "中共云岭市委办公室" and meta.printing_date == dt.date(2026, 7, 16)
    assert len(report.preamble) == 1 and report.preamble[0].startswith("为深入贯彻落实")
    # 份号, 密级, 发文机关标志 and the seal's placeholder: made by the exporter, not body text
    assert missing_texts(source_paragraphs(path), report) == ["000001", "秘密★1年", "中共云岭市委办公室文件",
                                                              "〔此处加盖红色印章〕"]


# -- 6. Heading 1–3 styles with typed numbers, a data table, 附件说明 over two lines ----------------
def test_quarto_heading_styles():
    path = sample("quarto_notice_headingstyles.docx")
    result = import_file(path)
    report = result.report
    assert report.meta.effective_title == "关于印发《公文格式示例》的通知"
    assert outline(report) == [(1, "一、", "正文格式"), (2, "（一）", "二级标题格式"), (3, "1.", "三级标题格式"),
                               (1, "二、", "表格示例"), (1, "三、", "附件")]
    table = report.sections[1].paragraphs
    assert table[1] == "序号\u3000名称\u3000数量\u3000备注" and table[-1].startswith("3\u3000督办通知单")
    assert report.meta.attachments == ["关于印发《公文处理办法》的通知", "公文格式标准对照表"]
    assert report.meta.signature_name == "XX单位办公室" and report.meta.signing_date is None
    assert report.meta.cc == ["XX部门", "XX委员会"] and report.meta.notes == "此件公开发布"
    assert any("表格" in w for w in result.warnings)
    # placeholders are no 发文字号 or date; 「XX单位办公室」 above them is the 版头's 发文机关标志
    assert missing_texts(source_paragraphs(path), report) == ["XX发〔202X〕X号", "202X年X月X日", "XX单位办公室\t202X年X月X日"]


# -- 7. numbers only in numbering.xml, linked to heading 2–5 styles ---------------------------------
def test_gongwen_lite_style_numbering():
    path = sample("gongwen_lite_stylenumbering.docx")
    report = import_file(path).report
    assert report.meta.effective_title == "测试文段"
    levels = Counter(level for level, _, _ in outline(report))
    assert levels == {1: 12, 2: 17, 3: 14, 4: 11}
    first = report.sections[0]
    assert first.heading == "一级标题a" and report.label_of(first.id) == "一、"
    # p75 「二级标题1」 follows 四级 items directly: Word numbers it （十二） under 一级标题k
    k = report.sections[10]
    assert k.heading == "一级标题k" and report.label_of(k.children[11].id) == "（十二）"
    assert k.children[11].heading == "二级标题1"
    assert [report.label_of(c.id) for c in k.children[10].children][:2] == ["1.", "2."]
    assert missing_texts(source_paragraphs(path), report) == []


@pytest.mark.parametrize("name", ["gwr2025_henan_word.docx", "gwr2025_guangdong_wps.docx",
                                  "redhead_xiaxing_template_word.docx", "gbt9704_notice_pydocx.docx",
                                  "quarto_notice_headingstyles.docx", "gongwen_lite_stylenumbering.docx"])
def test_no_heading_text_keeps_its_number(name):
    # the number is computed from the position; a number left in the heading would print twice
    report = import_file(sample(name)).report
    for _, label, heading in outline(report):
        assert not heading.startswith(label), (label, heading)
