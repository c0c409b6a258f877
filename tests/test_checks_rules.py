"""Every rule: a fixture that triggers it and a near miss that does not.

Each case spoils :func:`clean_report` in one way. The near misses are the cases a
careless rule would get wrong (a qualifier, a change indicator, a run-in heading …).
"""
import datetime as dt

import pytest

from models.checks import RULES, CheckOptions, Severity, run_checks
from models.report import DocNumber, IndicatorValue, Report, ReportMeta
from tests.checks_fixtures import OPTIONS, TODAY, clean_report

E, W, H = Severity.ERROR, Severity.WARNING, Severity.HINT


class Run(dict):
    """Arguments of run_checks that a case needs (a mutation returns it, alone or in a tuple)."""


def check(mutate):
    report = clean_report()
    result = mutate(report)
    items = result if isinstance(result, (tuple, list)) else (result,)
    extra = next((x for x in items if isinstance(x, Run)), Run())
    options = extra.pop("options", OPTIONS)
    return run_checks(report, options=options, **extra)


def para(report, section_id, text):
    report.update_section(section_id, paragraphs=[text])


def value(report, ind_id, v, **kw):
    report.set_value(ind_id, value=v, **kw)


def last_year_file(**values):
    last = Report(meta=ReportMeta(organ_name="示例", report_year=2023))
    last.values = {k: IndicatorValue(v) for k, v in values.items()}
    return last


def retitle(report, section_id, heading):
    report.update_section(section_id, heading=heading)


# rule id → (severity expected, mutation that triggers, near miss that must not)
CASES = {
    "T1-MISMATCH": (E, lambda r: value(r, "I03", 140),
                    lambda r: para(r, "mediation", "全年受理调解纠纷130件，累计成功调解各类纠纷126件，调解成功率97%。")),
    "T1-UNFILLED": (H, lambda r: r.set_value("I02", value=None, last_year=None),
                    lambda r: para(r, "plan", "力争受理调解纠纷200件。")),
    "R2-PART-LE-WHOLE": (E, lambda r: (value(r, "B09", 10), value(r, "B09a", 12)),
                         lambda r: (value(r, "B09", 10), value(r, "B09a", 10, qualifier="余"))),
    "R2-SUM-EQUALS": (W, lambda r: (value(r, "M01", 100), value(r, "M02", 60), value(r, "M02a", 30)),
                      lambda r: (value(r, "M01", 100), value(r, "M02", 60), value(r, "M02a", 40))),
    "R2-SUM-LE-WHOLE": (W, lambda r: (value(r, "N01", 10), value(r, "N01a", 6), value(r, "N01b", 5)),
                        lambda r: (value(r, "N01", 10), value(r, "N01a", 6), value(r, "N01b", 4))),
    "R2-RATE-FORMULA": (W, lambda r: value(r, "I04", 95.0), lambda r: value(r, "I04", 96.9)),
    "R2-RATE-RANGE": (E, lambda r: value(r, "C07a", 120), lambda r: value(r, "H08", 120)),
    "R2-RATE-RANGE-COMPUTED": (W, lambda r: value(r, "I03", 131),
                               lambda r: (value(r, "I03", 130), para(r, "mediation", "成功调解各类纠纷130件。"))),
    "R2-NEGATIVE": (E, lambda r: value(r, "A01", -4), lambda r: value(r, "H08", -5.5)),
    "R2-FRACTION": (E, lambda r: value(r, "A01", 4.5), lambda r: value(r, "E09", 4.5)),
    "Y3-JUMP": (W, lambda r: r.set_value("I02", last_year=12),
                lambda r: r.set_value("I02", last_year=13)),
    "Y3-LAST-MISSING": (H, lambda r: (r.set_value("I02", last_year=None), Run(last_year=last_year_file(I02=121))),
                        lambda r: Run(last_year=last_year_file(I02=121))),
    "Y3-LAST-DIFFERS": (H, lambda r: Run(last_year=last_year_file(I03=118)),
                        lambda r: Run(last_year=last_year_file(I03=116))),
    "Y3-DROPPED": (H, lambda r: Run(last_year=last_year_file(J01=40)),
                   lambda r: (value(r, "J01", 45), Run(last_year=last_year_file(J01=40)))),
    "Y3-LAST-WRONG-REPORT": (W, lambda r: Run(last_year=clean_report()),
                             lambda r: Run(last_year=last_year_file(J01=40))),
    "P4-PART-MISSING": (E, lambda r: r.remove_section("gaps"),
                        lambda r: [r.update_section(s, part=None) for s in ("work", "gaps", "plan")]),
    "P4-PART-NOT-HEADED": (W, lambda r: (retitle(r, "duty", "加强组织领导"),
                                         para(r, "duty", "书记认真履行法治建设第一责任人职责，专题研究法治建设4次。")),
                           lambda r: retitle(r, "duty", "党政主要负责人履行职责情况")),
    "P4-NO-CAUSES": (W, lambda r: para(r, "gaps", "一是执法力量不足，法律专业人员偏少。"),
                     lambda r: para(r, "gaps", "一是执法力量不足，主要是由于法律专业人员偏少。")),
    "D5-TITLE-YEAR": (E, lambda r: r.set_meta(title="江南市河西区人民政府示例街道办事处\n关于2023年度法治政府建设情况的报告"),
                      lambda r: r.set_meta(title="江南市河西区人民政府示例街道办事处\n2021—2025年规划实施暨2024年度报告")),
    "D5-TITLE-NO-YEAR": (W, lambda r: r.set_meta(title="江南市河西区人民政府示例街道办事处\n关于法治政府建设情况的报告"),
                         lambda r: r.set_meta(title="")),
    "D5-PLAN-YEAR": (E, lambda r: retitle(r, "plan", "2024年法治政府建设工作计划"),
                     lambda r: retitle(r, "plan", "下一步工作打算")),
    "D5-PART-YEAR": (W, lambda r: retitle(r, "work", "2023年法治政府建设工作情况"),
                     lambda r: retitle(r, "work", "主要举措和成效")),
    "D5-PENDING-UPDATE": (E, lambda r: r.update_section("mediation", paragraphs=[
                              "【待更新】以下是2023年报告的原文，请按2024年的情况修改，改完后删除本段。", "全年受理调解纠纷130件。"]),
                          lambda r: para(r, "mediation", "全年受理调解纠纷130件，【待更新】的事项已办结。")),
    "D5-SIGNING-MISSING": (W, lambda r: r.set_meta(signing_date=None, printing_date=None),
                           lambda r: r.set_meta(signing_date=dt.date(2025, 1, 10), printing_date=None)),
    "D5-SIGNING-EARLY": (E, lambda r: r.set_meta(signing_date=dt.date(2023, 12, 31), printing_date=None),
                         lambda r: r.set_meta(signing_date=dt.date(2024, 1, 1), printing_date=None)),
    "D5-SIGNING-MIDYEAR": (W, lambda r: r.set_meta(signing_date=dt.date(2024, 1, 5)),
                           lambda r: r.set_meta(signing_date=dt.date(2024, 10, 30))),
    "D5-SIGNING-FUTURE": (W, lambda r: Run(options=CheckOptions(today=dt.date(2024, 12, 19))),
                          lambda r: Run(options=CheckOptions(today=dt.date(2024, 12, 20)))),
    "D5-SIGNING-LATE": (W, lambda r: (r.set_meta(signing_date=dt.date(2026, 2, 1), printing_date=None),
                                      Run(options=CheckOptions(today=dt.date(2026, 3, 1)))),
                        lambda r: r.set_meta(signing_date=dt.date(2025, 1, 10), printing_date=None)),
    "D5-DOCNO-YEAR": (E, lambda r: r.set_meta(doc_number=DocNumber("河西示例", 2025, 3)),
                      lambda r: r.set_meta(doc_number=DocNumber("河西示例", None, None))),
    "D5-PRINTING-BEFORE-SIGNING": (E, lambda r: r.set_meta(printing_date=dt.date(2024, 12, 19)),
                                   lambda r: r.set_meta(printing_date=dt.date(2024, 12, 21))),
    "F6-HALF-PUNCT": (W, lambda r: para(r, "duty", "全年召开会议专题研究法治建设4次,听取汇报2次。"),
                      lambda r: para(r, "duty", "全年召开会议专题研究法治建设4次，会议于17:30结束，涉及1,860人次。")),
    "F6-HALF-PAREN-NUMBER": (W, lambda r: para(r, "duty", "专题研究法治建设4次。(一)健全制度。"),
                             lambda r: para(r, "duty", "专题研究法治建设4次。（一）健全制度。")),
    "F6-HEADING-NUMBER": (W, lambda r: retitle(r, "mediation", "（二）多元化解矛盾纠纷"),
                          lambda r: retitle(r, "mediation", "二〇二四年多元化解矛盾纠纷")),
    "F6-TEXT-DOCNO-BRACKETS": (W, lambda r: para(r, "duty", "根据厅字[2019]28号文件要求，专题研究法治建设4次。"),
                               lambda r: para(r, "duty", "根据厅字〔2019〕28号文件要求，专题研究法治建设4次。")),
    "F6-ZERO-PADDED-DATE": (W, lambda r: para(r, "duty", "2024年03月05日专题研究法治建设4次。"),
                            lambda r: para(r, "duty", "2024年3月5日、10月20日专题研究法治建设4次。")),
    "F6-HEADING-PERIOD": (W, lambda r: retitle(r, "gaps", "存在的问题与不足。"),
                          lambda r: retitle(r, "duty", "切实履行推进法治建设第一责任人职责。")),
    "F6-EMPTY-HEADING": (W, lambda r: retitle(r, "mediation", " "), lambda r: retitle(r, "mediation", "调解")),
    "F6-EMPTY-REF": (E, lambda r: para(r, "duty", "累计轮训党员干部{{B05}}人次。"),
                     lambda r: (value(r, "B05", 1860), para(r, "duty", "累计轮训党员干部{{B05}}人次。"))),
    "F6-DOCNO-BRACKETS": (E, lambda r: r.set_meta(doc_number=DocNumber("河西示例[2024]", 2024, 3)),
                          lambda r: r.set_meta(doc_number=DocNumber("河西示例办", 2024, 3))),
    "F6-TITLE-LINE-LONG": (W, lambda r: r.set_meta(title="江南市河西区人民政府示例街道办事处关于2024年度\n法治政府建设情况的报告"),
                           lambda r: r.set_meta(title="示例街道办事处关于2024年度\n法治政府建设情况的报告")),
    "F6-TITLE-ENDING": (W, lambda r: r.set_meta(title="示例街道办事处\n2024年度法治政府建设情况"),
                        lambda r: r.set_meta(title="示例街道办事处\n2024年度法治政府建设年度报告")),
    "F6-EMPTY-SECTION": (W, lambda r: r.add_section("work", heading="加强普法宣传"),
                         lambda r: r.add_section("work", heading="加强普法宣传", paragraphs=["开展普法讲座。"])),
    "F6-DUPLICATE-HEADING": (W, lambda r: r.add_section("work", heading="多元化解矛盾纠纷", paragraphs=["另一段。"]),
                             lambda r: r.add_section("plan", heading="多元化解矛盾纠纷", paragraphs=["明年继续。"])),
    "G7-OUTSIDE-GB2312": (W, lambda r: r.set_meta(signers=["王喆"]),
                          lambda r: (para(r, "duty", "张堃专题研究法治建设4次。"),
                                     Run(options=CheckOptions(today=TODAY, body_font="仿宋")))),
}


def test_the_clean_report_has_nothing_to_object_to():
    assert run_checks(clean_report(), options=OPTIONS) == []


def test_every_rule_has_a_case_and_a_title():
    assert set(CASES) == set(RULES)
    for rule in RULES.values():
        assert rule.title and rule.severity in Severity and 1 <= rule.group <= 7


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_triggers(rule_id):
    severity, trigger, _ = CASES[rule_id]
    found = [p for p in check(trigger) if p.rule_id == rule_id]
    assert found, f"{rule_id} did not fire"
    assert found[0].severity is severity
    assert found[0].message and found[0].where


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_near_miss_does_not_trigger(rule_id):
    _, _, near_miss = CASES[rule_id]
    assert [p for p in check(near_miss) if p.rule_id == rule_id] == []


def test_docs_list_every_rule():
    from pathlib import Path
    docs = (Path(__file__).resolve().parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")
    assert [r for r in RULES if f"| {r} |" not in docs] == []


def test_long_title_without_breaks_is_left_to_the_export():
    # the Word export balances a title with no user breaks into lines of at most 20 characters
    found = check(lambda r: r.set_meta(title="江南市河西区人民政府示例街道办事处关于2024年度法治政府建设情况的报告"))
    assert "F6-TITLE-LINE-LONG" not in {p.rule_id for p in found}
