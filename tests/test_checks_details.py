"""What the findings say and where they point: the details a clerk relies on."""
import pytest

from models.checks import (IndicatorLocation, MetaLocation, Severity, TextLocation, run_checks)
from models.report import Part, Section
from tests.checks_fixtures import OPTIONS, clean_report


def problems(report, rule_id=None, **kw):
    found = run_checks(report, options=OPTIONS, **kw)
    return [p for p in found if rule_id is None or p.rule_id == rule_id]


def mismatch(text, **values):
    report = clean_report()
    report.update_section("mediation", paragraphs=[text])
    for ind_id, v in values.items():
        if isinstance(v, tuple):
            report.set_value(ind_id, value=v[0], qualifier=v[1])
        else:
            report.set_value(ind_id, value=v)
    return problems(report, "T1-MISMATCH")


# -- 1 text against statistics ----------------------------------------------------------------
def test_a_number_that_disagrees_names_both_places():
    report = clean_report()
    report.set_value("I03", value=141)
    [p] = [p for p in problems(report, "T1-MISMATCH") if p.related[0].indicator_id == "I03"]
    text = report.find_section("mediation").paragraphs[0]
    assert isinstance(p.location, TextLocation)
    assert p.location.section_id == "mediation" and p.location.paragraph == 0
    assert p.where == "一、（二）第1段"
    assert text[slice(*p.location.span)] == "126件"
    assert p.related == (IndicatorLocation("I03", "value", "统计表「调解成功件数」（I03）本年数"),)
    assert "成功调解各类纠纷126件" in p.message and "141件" in p.message


@pytest.mark.parametrize("text,values,agree", [
    ("提供咨询解答460余人次", {"E05": (460, "余")}, True),
    ("提供咨询解答460余人次", {"E05": 460}, True),  # the text only rounds
    ("提供咨询解答460余人次", {"E05": 465}, True),
    ("提供咨询解答460余人次", {"E05": (500, "余")}, False),
    ("提供咨询解答460人次", {"E05": (460, "余")}, True),
    ("提供咨询解答460人次", {"E05": 470}, False),
    ("调解成功率超过95%", {}, True),  # computed 96.9
    ("调解成功率超过97%", {}, False),
    ("调解成功率96.9%", {}, True),
    ("调解成功率97%", {}, True),  # 96.92 written to the percent
    ("调解成功率97.1%", {}, False),
    ("调解成功率96.8%", {}, False),
])
def test_qualifiers_and_rates_compare_as_ranges(text, values, agree):
    assert (mismatch(text, **values) == []) is agree


def test_money_is_compared_in_the_indicators_unit():
    assert mismatch("挽回经济损失120万元", L06=120) == []
    assert mismatch("挽回经济损失1200000元", L06=120) == []
    assert mismatch("挽回经济损失1.2亿元", L06=12000) == []
    assert mismatch("挽回经济损失150万元", L06=120) != []


def test_plans_targets_and_changes_are_not_compared():
    report = clean_report()
    report.update_section("plan", paragraphs=["明年成功调解各类纠纷200件。"])
    report.update_section("mediation", paragraphs=["调解成功件数同比增长8件，力争成功调解各类纠纷200件。"])
    assert problems(report, "T1-MISMATCH") == []


def test_numbers_said_to_be_of_another_year_are_not_compared():
    assert mismatch("2023年成功调解各类纠纷116件，2024年成功调解各类纠纷126件。") == []
    assert mismatch("上年成功调解各类纠纷116件，今年成功调解各类纠纷126件。") == []
    assert mismatch("2024年成功调解各类纠纷116件。") != []


def test_a_loosely_attached_number_is_only_a_warning():
    report = clean_report()
    report.update_section("mediation", paragraphs=["共3件纠纷经联合调解后成功调解。"])
    found = problems(report, "T1-MISMATCH")
    assert [p.severity for p in found] == [Severity.WARNING]
    report.update_section("mediation", paragraphs=["成功调解纠纷3件。"])
    assert [p.severity for p in problems(report, "T1-MISMATCH")] == [Severity.ERROR]


def test_live_references_are_read_as_exported_and_spans_point_into_the_typed_text():
    report = clean_report()
    typed = "累计成功调解各类纠纷{{I03}}件，受理调解纠纷120件。"
    report.update_section("mediation", paragraphs=[typed])
    [p] = problems(report, "T1-MISMATCH")  # the reference itself cannot disagree; 120 ≠ 130 does
    assert typed[slice(*p.location.span)] == "120件"
    wrong = "累计成功调解各类纠纷{{I02}}件。"  # a reference to another indicator can disagree
    report.update_section("mediation", paragraphs=[wrong])
    [p] = problems(report, "T1-MISMATCH")
    assert wrong[slice(*p.location.span)] == "{{I02}}" and "130件" in p.message


# -- 2 relations -------------------------------------------------------------------------------
def test_relations_take_the_catalogues_severity():
    report = clean_report()
    report.set_value("F01", value=117)
    report.set_value("F02", value=120)  # 上年结转 can make 办结 exceed 立案
    [p] = problems(report, "R2-PART-LE-WHOLE")
    assert p.severity is Severity.WARNING
    assert p.location == IndicatorLocation("F02", "value", p.location.path)
    assert [r.indicator_id for r in p.related] == ["F01"]
    assert "上年结转" in p.message


def test_sum_of_some_parts_may_not_exceed_the_whole():
    report = clean_report()
    report.set_value("M01", value=50)
    report.set_value("M02", value=60)
    [p] = problems(report, "R2-SUM-EQUALS")
    assert "已超过" in p.message


# -- 4 required parts by meaning ---------------------------------------------------------------
def test_untagged_parts_are_found_by_the_meaning_of_their_headings():
    report = clean_report()
    for s in report.sections:
        report.update_section(s.id, part=None)
    assert problems(report, "P4-PART-MISSING") == []
    report.update_section("plan", heading="其他工作")
    [p] = problems(report, "P4-PART-MISSING")
    assert "下一年度主要安排" in p.message and p.location is None and p.where == "全文"


def test_work_themes_before_the_problems_count_as_measures():
    report = clean_report()
    work = report.find_section("work")
    report.update_section("work", heading="加强党的领导", part=None)
    report.add_section(None, 1, heading="健全依法行政制度体系", paragraphs=["制定制度。"])
    assert work.heading == "加强党的领导"
    assert problems(report, "P4-PART-MISSING") == []


def test_a_first_responsible_heading_inside_the_plan_does_not_count():
    report = clean_report()
    report.remove_section("duty")
    report.add_section("plan", heading="压实第一责任人责任", paragraphs=["明年继续。"])
    [p] = problems(report, "P4-PART-MISSING")
    assert Part.FIRST_RESPONSIBLE.label in p.message


def test_an_empty_part_is_missing_and_points_to_its_heading():
    report = clean_report()
    report.update_section("gaps", paragraphs=[])
    found = problems(report, "P4-PART-MISSING")
    assert [p.location.section_id for p in found] == ["gaps"]


# -- 5 dates ------------------------------------------------------------------------------------
def test_title_year_points_at_the_year():
    report = clean_report()
    report.set_meta(title="示例街道办事处\n关于2023年度法治政府建设情况的报告")
    [p] = problems(report, "D5-TITLE-YEAR")
    assert isinstance(p.location, MetaLocation) and p.location.field == "title"
    assert report.meta.title[slice(*p.location.span)] == "2023"


# -- 6 format -----------------------------------------------------------------------------------
def test_half_width_marks_are_counted_once_per_paragraph():
    report = clean_report()
    text = "专题研究法治建设4次,听取汇报2次;(一)健全制度。"
    report.update_section("duty", paragraphs=[text])
    [p] = problems(report, "F6-HALF-PUNCT")
    assert "2 处" in p.message and p.location.span == (text.index(","), text.index(",") + 1)
    assert len(problems(report, "F6-HALF-PAREN-NUMBER")) == 1


def test_paths_follow_the_outline():
    report = clean_report()
    report.update_section("mediation", paragraphs=["专题研究法治建设4次,听取汇报2次。"])
    assert [p.where for p in problems(report, "F6-HALF-PUNCT")] == ["一、（二）第1段"]
    report.move_up("mediation")
    assert [p.where for p in problems(report, "F6-HALF-PUNCT")] == ["一、（一）第1段"]
    report.add_section("mediation", heading="小节", paragraphs=["今年01月开展排查。"])
    assert [p.where for p in problems(report, "F6-ZERO-PADDED-DATE")] == ["一、（一）1.第1段"]


# -- 7 fonts ------------------------------------------------------------------------------------
def test_characters_outside_gb2312_are_named_with_their_place():
    report = clean_report()
    report.update_section("duty", paragraphs=["由张堃、李喆、张堃牵头，专题研究法治建设4次。"])
    found = problems(report, "G7-OUTSIDE-GB2312")
    assert [(p.where, p.location.span) for p in found] == [("一、（一）第1段", (2, 3)), ("一、（一）第1段", (5, 6))]
    assert "「堃」" in found[0].message and "2 处" in found[0].message


def test_heading_fonts_follow_the_level():
    report = clean_report()
    report.update_section("work", heading="2024年法治政府建设工作情况（喆）")  # 一级标题 黑体: no GB2312 limit
    assert problems(report, "G7-OUTSIDE-GB2312") == []
    report.update_section("duty", heading="切实履行第一责任人职责（喆）")  # 二级标题 楷体_GB2312
    assert [p.where for p in problems(report, "G7-OUTSIDE-GB2312")] == ["一、（一）标题"]


# -- output -------------------------------------------------------------------------------------
def test_problems_are_sorted_by_severity_then_place():
    report = clean_report()
    report.set_meta(signing_date=None, printing_date=None)
    report.set_value("I03", value=141)
    report.add_section(None, heading="空白")
    found = problems(report)
    ranks = [p.severity.rank for p in found]
    assert ranks == sorted(ranks)
    assert found[0].rule_id == "T1-MISMATCH"


def test_to_dict_is_plain_json():
    import json
    report = clean_report()
    report.set_value("I03", value=141)
    data = [p.to_dict() for p in problems(report)]
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again[0]["rule"] == "T1-MISMATCH" and again[0]["severity_label"] == "错误"
    assert again[0]["location"]["kind"] == "text" and again[0]["related"][0]["indicator_id"] == "I03"


def test_a_section_added_as_a_subtree_is_checked():
    report = clean_report()
    report.add_section("work", heading="新的一节", children=[Section(heading="下级", paragraphs=["今年01月。"])])
    assert [p.where for p in problems(report, "F6-ZERO-PADDED-DATE")] == ["一、（三）1.第1段"]


def test_last_years_figures_are_held_to_the_same_relations():
    report = clean_report()
    report.set_value("F01", last_year=100)
    report.set_value("F02", last_year=104)  # 上年 办结 > 上年 立案
    found = [p for p in problems(report, "R2-PART-LE-WHOLE")]
    assert len(found) == 1
    assert found[0].location == IndicatorLocation("F02", "last_year", found[0].location.path)
    assert found[0].message.startswith("上年数：") and "104" in found[0].message
    report.set_value("F02", last_year=98)
    assert problems(report, "R2-PART-LE-WHOLE") == []
