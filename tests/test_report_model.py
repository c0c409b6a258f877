import datetime as dt

import pytest

from models.report import (DocNumber, IndicatorValue, Part, Report, ReportMeta, Section, StructureError,
                           format_value)


def outline(report):
    return [(report.label_of(s.id), s.heading) for s, _, _ in report.iter_sections()]


@pytest.fixture
def report():
    r = Report(meta=ReportMeta(organ_name="测试街道办事处", report_year=2024))
    a = r.add_section(heading="工作情况", part=Part.MEASURES)
    r.add_section(a.id, heading="学习")
    r.add_section(a.id, heading="执法")
    r.add_section(heading="问题", part=Part.SHORTCOMINGS)
    r.add_section(heading="计划", part=Part.NEXT_YEAR)
    return r


def test_numbering_is_computed_from_position(report):
    assert outline(report) == [("一、", "工作情况"), ("（一）", "学习"), ("（二）", "执法"),
                               ("二、", "问题"), ("三、", "计划")]


def test_move_up_down_renumbers(report):
    last = report.sections[2]
    report.move_up(last.id)
    assert [s.heading for s in report.sections] == ["工作情况", "计划", "问题"]
    assert report.label_of(last.id) == "二、"
    assert report.move_up(report.sections[0].id) is None  # first cannot move up
    report.move_down(last.id)
    assert [s.heading for s in report.sections] == ["工作情况", "问题", "计划"]


def test_indent_and_outdent(report):
    problems = report.sections[1]
    report.indent(problems.id)
    assert outline(report)[3] == ("（三）", "问题")
    report.indent(problems.id)  # under （二）执法
    assert report.level_of(problems.id) == 3 and report.label_of(problems.id) == "1."
    report.outdent(problems.id)
    assert report.level_of(problems.id) == 2
    report.outdent(problems.id)
    assert outline(report)[3] == ("二、", "问题")


def test_depth_is_limited_to_four_levels(report):
    top = report.sections[0]
    l2 = top.children[0]
    l3 = report.add_section(l2.id, heading="三级")
    l4 = report.add_section(l3.id, heading="四级")
    assert report.label_of(l4.id) == "（1）"
    with pytest.raises(StructureError):
        report.add_section(l4.id, heading="五级")
    assert not report.can_indent(top.children[1].id) or top.children[1].depth() + 2 <= 4
    # a subtree three deep cannot go under a level-2 section
    with pytest.raises(StructureError):
        report.move_section(l2.id, top.children[1].id, 0)


def test_cannot_move_into_own_subtree(report):
    top = report.sections[0]
    with pytest.raises(StructureError):
        report.move_section(top.id, top.children[0].id, 0)


def test_remove_and_reinsert_restores_the_tree(report):
    before = [s.heading for s, _, _ in report.iter_sections()]
    parent_id, index, section = report.remove_section(report.sections[0].children[0].id)
    assert [s.heading for s, _, _ in report.iter_sections()] == ["工作情况", "执法", "问题", "计划"]
    report.insert_section(parent_id, index, section)
    assert [s.heading for s, _, _ in report.iter_sections()] == before


def test_listeners_hear_every_edit(report):
    heard = []
    report.subscribe(heard.append)
    sid = report.sections[1].id
    report.update_section(sid, heading="存在的不足和原因")
    report.set_meta(report_year=2025)
    report.set_value("B05", value=1860)
    report.move_down(sid)
    assert [c.kind for c in heard] == ["section_changed", "meta", "value_changed", "section_moved"]
    assert heard[0].section_id == sid and heard[0].fields == ("heading",)
    assert heard[2].indicator_id == "B05"


def test_update_returns_old_values_for_undo(report):
    sid = report.sections[0].id
    old = report.update_section(sid, heading="新标题", run_in=True)
    assert old == {"heading": "工作情况", "run_in": False}
    report.update_section(sid, **old)
    assert report.sections[0].heading == "工作情况" and not report.sections[0].run_in


def test_values_empty_is_not_zero():
    r = Report()
    r.set_value("F01", value=0)
    assert r.values["F01"].value == 0
    old = r.set_value("F01", value=None)
    assert "F01" not in r.values and old.value == 0
    assert r.value_of("F01") == IndicatorValue()


def test_default_title_follows_organ_and_year():
    meta = ReportMeta(organ_name="甲街道办事处", report_year=2023)
    assert meta.effective_title == "甲街道办事处关于2023年度法治政府建设情况的报告"
    meta.title = "自定标题\n第二行"
    assert meta.effective_title == "自定标题\n第二行"


def test_doc_number_format():
    assert DocNumber("海珠昌岗", 2024, 3).format() == "海珠昌岗〔2024〕3号"
    assert DocNumber("海珠昌岗", 2024, None).format() == ""


def test_format_value_places_qualifiers():
    assert format_value(460, "余", "人次") == "460余人次"
    assert format_value(95, "超过", "%") == "超过95%"
    assert format_value(380, "以上", "人次") == "380人次以上" and format_value(10, "以下", "万元") == "10万元以下"
    assert format_value(12.35, unit="万元") == "12.35万元"  # a typed number as typed
    assert format_value(98.2905, decimals=1) == "98.3"  # a computed rate
    assert format_value(None) == ""


def test_custom_indicators_get_fresh_ids():
    r = Report()
    a = r.add_custom_indicator("社区法治讲堂", "场")
    b = r.add_custom_indicator("网格巡查", "次")
    assert (a.id, b.id) == ("X01", "X02")
    r.set_value("X01", value=5)
    index, custom, value = r.remove_custom_indicator("X01")
    assert "X01" not in r.values
    r.restore_custom_indicator(index, custom, value)
    assert r.custom_indicators[0].id == "X01" and r.values["X01"].value == 5


def test_a_deleted_custom_indicator_the_text_refers_to_keeps_its_id_unused():
    """Text that refers to {{X01}} must not start showing another indicator's number when X01 was
    deleted and a new custom indicator is added: the new one gets another id, and the reference
    stays an unfilled one that the checks and the export flag."""
    r = Report(sections=[Section(heading="工作情况")])
    r.add_custom_indicator("网格巡查", "次")
    r.set_value("X01", value=12)
    r.sections[0].paragraphs = ["开展网格巡查{{X01}}次。"]  # inserted with 「插入数字引用」
    r.remove_custom_indicator("X01")
    assert r.add_custom_indicator("调解纠纷", "件").id == "X02"
    r.preamble = ["{{X03}}"]
    assert r.add_custom_indicator("普法讲座", "场").id == "X04"


def test_heading_sentence_for_run_in():
    assert Section(heading="深入学习").heading_sentence() == "深入学习。"
    assert Section(heading="深入学习。").heading_sentence() == "深入学习。"


def test_signing_date_text():
    meta = ReportMeta(signing_date=dt.date(2023, 11, 30))
    assert meta.signing_date_text == "2023年11月30日"
