"""Pasted and plain text: web clutter, heading variants, 公文 elements, nothing lost, fuzzing."""
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers import ImportFailed, import_text, keep_as_custom
from models.report import Part
from models.storage import dumps, loads
from tests.import_helpers import outline

COUNTY_PAGE = """当前位置：首页 > 政务公开 > 法治政府建设
【字体：大 中 小】
今天是：2024年1月5日 星期五
某某县人民政府
关于2023年度法治政府建设情况的报告
发布时间：2024-01-05 10:00  来源：县司法局  点击数：123
市委全面依法治市委员会办公室:
\t2023年,我县坚持以习近平法治思想为指导,现将有关情况报告如下:
\t一、主要举措和成效
\t(一)加强组织领导
\t县政府常务会议专题研究法治建设4次。
\t1．健全制度
\t制定修订内部制度12个。
\t(1)完善决策程序
\t重大行政决策全部经过合法性审查。
\t2、强化执法。全年综合行政执法立案230宗,办结225宗。
\t二、党政主要负责人履行推进法治建设第一责任人职责情况
\t县长认真履行第一责任人职责。
\t三、存在的不足和原因
\t一是学习不够深入;二是执法队伍力量不足。
\t四、下一步工作打算
\t(一)深化学习。力争全年举办法治讲座10场次。
\t附件:1.法治政府建设统计表
\t      2.重大行政决策目录
                                        某某县人民政府
                                        二〇二四年一月五日
（联系人：张三，电话：0000-1234567）
上一篇：关于2022年度法治政府建设情况的报告
下一篇：无
扫一扫在手机打开当前页
"""


@pytest.fixture
def county():
    return import_text(COUNTY_PAGE)


def test_head_title_and_addressee(county):
    meta = county.report.meta
    assert meta.organ_name == "某某县人民政府"
    assert meta.effective_title == "某某县人民政府关于2023年度法治政府建设情况的报告"
    assert meta.report_year == 2023 and meta.organ_level.value == "county"
    assert meta.addressees == ["市委全面依法治市委员会办公室"]
    assert county.report.preamble == ["2023年，我县坚持以习近平法治思想为指导，现将有关情况报告如下："]


def test_four_levels_and_their_variants(county):
    assert outline(county.report) == [
        (1, "一、", "主要举措和成效"), (2, "（一）", "加强组织领导"), (3, "1.", "健全制度"), (4, "（1）", "完善决策程序"),
        (3, "2.", "强化执法"),
        (1, "二、", "党政主要负责人履行推进法治建设第一责任人职责情况"),
        (1, "三、", "存在的不足和原因"), (1, "四、", "下一步工作打算"), (2, "（一）", "深化学习")]
    parts = [s.part for s in county.report.sections]
    assert parts == [Part.MEASURES, Part.FIRST_RESPONSIBLE, Part.SHORTCOMINGS, Part.NEXT_YEAR]
    enforcement = county.report.sections[0].children[0].children[1]
    assert enforcement.run_in and enforcement.paragraphs == ["全年综合行政执法立案230宗，办结225宗。"]
    assert county.report.sections[2].paragraphs == ["一是学习不够深入；二是执法队伍力量不足。"]


def test_end_of_document(county):
    meta = county.report.meta
    assert meta.attachments == ["法治政府建设统计表", "重大行政决策目录"]
    assert meta.signature_name == "某某县人民政府" and meta.signing_date == dt.date(2024, 1, 5)
    assert meta.notes == "联系人：张三，电话：0000-1234567"
    everything = str(county.report.preamble) + str([s.paragraphs for s, _, _ in county.report.iter_sections()])
    for clutter in ("当前位置", "字体", "今天是", "发布时间", "上一篇", "下一篇", "扫一扫"):
        assert clutter not in everything
    assert county.warnings == []


def test_numbers_outside_the_plan_only(county):
    proposals = {(p.indicator_id, p.mention.value) for p in county.proposals}
    assert {("A01", 4), ("C01", 12), ("F01", 230), ("F02", 225)} <= proposals
    assert all(p.mention.value != 10 for p in county.proposals)  # 力争……10场次 is in the plan


def test_heading_alone_keeps_its_full_stop_and_run_in_splits_at_the_first_one():
    text = "某某镇2024年法治政府建设情况报告\n一、工作情况\n（一）加强学习。\n全年学法12次。\n（二）依法决策。决策全部审查。还有一句。"
    first, second = import_text(text).report.sections[0].children
    assert (first.heading, first.run_in, first.paragraphs) == ("加强学习。", False, ["全年学法12次。"])
    assert (second.heading, second.run_in, second.paragraphs) == ("依法决策", True, ["决策全部审查。还有一句。"])


def test_skipped_level_is_placed_under_its_parent_with_a_warning():
    result = import_text("某某镇2024年法治政府建设情况报告\n一、工作情况\n1.加强学习\n全年学法12次。\n2.依法决策\n审查。")
    assert outline(result.report) == [(1, "一、", "工作情况"), (2, "（一）", "加强学习"), (2, "（二）", "依法决策")]
    assert any("1." in w and "（一）" in w for w in result.warnings)


def test_text_nothing_can_place_stays_where_it_stood():
    text = ("某某镇人民政府关于2024年度法治政府建设情况的报告\n一、工作情况\n全年学法12次。\n"
            "某某镇人民政府\n2024年12月1日\n本文另有说明若干\n")
    result = import_text(text)
    assert result.report.sections[0].paragraphs == ["全年学法12次。", "本文另有说明若干"]
    assert any("本文另有说明若干" in w for w in result.warnings)


def test_a_date_standing_in_the_body_is_not_the_signing_date():
    text = ("某某镇人民政府关于2024年度法治政府建设情况的报告\n首页 | 政务公开 | 互动交流\n一、工作情况\n召开专题会议。\n"
            "2024年3月15日\n全年学法12次。\n某某镇人民政府\n2024年12月1日\n")
    result = import_text(text)
    assert result.report.meta.signing_date == dt.date(2024, 12, 1)
    assert result.report.sections[0].paragraphs == ["召开专题会议。", "2024年3月15日", "全年学法12次。"]
    assert result.warnings == [] and result.report.preamble == []


def test_unmatched_number_kept_as_the_offices_own_indicator():
    result = import_text("某某镇人民政府关于2024年度法治政府建设情况的报告\n一、工作情况\n新建口袋公园3个。")
    (mention,) = result.unmatched
    ind_id = keep_as_custom(result, mention, "新建口袋公园")
    report = result.report
    assert report.custom_indicator(ind_id).unit == "个" and report.value_of(ind_id).value == 3
    assert loads(dumps(report)).value_of(ind_id).value == 3


def test_no_headings_everything_is_preamble():
    result = import_text("关于某事的报告\n今年开展了很多工作，取得了一定成效。\n明年继续努力，把工作做得更好。")
    assert result.report.sections == []
    assert len(result.report.preamble) == 2 and any("未识别出任何标题" in w for w in result.warnings)


def test_annex_pages_after_the_body_are_kept_with_a_warning():
    text = "某某镇2024年法治政府建设情况报告\n一、工作情况\n全年学法12次。\n附件1\n统计表\n一、学法\n12次"
    result = import_text(text)
    assert outline(result.report) == [(1, "一、", "工作情况")]
    assert result.report.sections[0].paragraphs == ["全年学法12次。", "附件1", "统计表", "一、学法", "12次"]
    assert any("附件1" in w for w in result.warnings)


# -- fuzzing --------------------------------------------------------------------------------------------
_TOKENS = ["一、", "（一）", "(二)", "1.", "1．", "2、", "（1）", "(3)", "。", "，", ",", ":", "：", "；", "\n", "\n\n",
           "\t", "\u3000\u3000", "   ", "关于", "报告", "2023年", "二〇二三年十一月三十日", "2023年11月30日", "附件",
           "附件：", "附件1", "抄送：", "印发", "（此件公开发布）", "〔此处加盖印章〕", "XX发〔2024〕3号",
           "某某街道办事处", "人民政府", "一是", "二是", "调解纠纷141件", "同比上升5%", "力争", "100%", "余", "多",
           "分享到：", "来源：", "您当前所在的位置", "ICP备", "发布日期：", "《纲要（2021-2025年）》", "“1310”",
           "工作情况", "存在的问题", "工作计划", "第一责任人", "法治", "建设", "（", "）", "《", "》", "“", "”"]


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=8)), max_size=80))
def test_fuzz_text_importer(tokens):
    text = "".join(tokens)
    try:
        result = import_text(text)
    except ImportFailed as exc:
        assert str(exc).startswith("无法导入粘贴的文字：")
        return
    report = result.report
    assert loads(dumps(report)).meta.report_year == report.meta.report_year  # always a valid report file
    for section, level, _ in report.iter_sections():
        assert 1 <= level <= 4
    assert all(isinstance(w, str) and w for w in result.warnings)
