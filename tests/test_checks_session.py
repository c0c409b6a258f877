"""The whole engine: the sample and the seed pass, the session equals a full run."""
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.checks import CheckOptions, CheckSession, Severity, run_checks
from models.report import IndicatorValue, Part, Report, ReportMeta, Section
from tests.checks_fixtures import OPTIONS, clean_report
from tests.seed_report import seed_report as build_seed_report


def errors(found):
    return [p for p in found if p.severity is Severity.ERROR]


def test_the_sample_report_has_no_errors(sample_report):
    found = run_checks(sample_report, options=CheckOptions(today=dt.date(2025, 1, 10)))
    assert errors(found) == [], [p.message for p in errors(found)]


def test_the_seed_report_has_no_errors_but_its_missing_causes_are_noticed(seed_text):
    report = build_seed_report(seed_text)
    assert report.meta.report_year == 2023 and len(report.sections) == 3
    assert report.values["I03"].value == 141 and report.values["E05"].qualifier == "余"
    for untagged in (False, True):
        if untagged:  # the parts are found by their headings alone, too
            for section in report.sections:
                section.part = None
        found = run_checks(report, options=CheckOptions(today=dt.date(2024, 1, 15)))
        assert errors(found) == [], [p.message for p in errors(found)]
        assert "P4-NO-CAUSES" in {p.rule_id for p in found}  # report_structure.md §1.2: little about causes


def test_the_seed_with_a_wrong_figure_is_caught(seed_text):
    report = build_seed_report(seed_text)
    report.set_value("I03", value=140)
    found = errors(run_checks(report, options=CheckOptions(today=dt.date(2024, 1, 15))))
    assert [(p.rule_id, p.where) for p in found] == [("T1-MISMATCH", "一、（三）第1段")]
    assert "成功调解各项纠纷141件" in found[0].message and "140件" in found[0].message


# -- the session ----------------------------------------------------------------------------------
def same_as_full_run(session, report):
    assert session.problems() == run_checks(report, options=OPTIONS)


def test_session_follows_a_scripted_sequence_of_edits(sample_report):
    report = sample_report
    session = CheckSession(report, options=OPTIONS).attach()
    same_as_full_run(session, report)
    first = report.sections[0].children[0]
    report.update_section(first.id, paragraphs=first.paragraphs + ["全年开展理论学习中心组学法13次,还有01月。"])
    same_as_full_run(session, report)
    report.set_value("B01", value=13)  # now the new sentence agrees, the old one does not
    same_as_full_run(session, report)
    report.indent(report.sections[1].id)  # 二、 becomes a （…） of 一、: labels and parts change
    same_as_full_run(session, report)
    report.outdent(report.sections[0].children[-1].id)
    same_as_full_run(session, report)
    report.move_section(first.id, report.sections[-1].id, 0)  # into the plan: its numbers are plans now
    same_as_full_run(session, report)
    report.update_section(first.id, paragraphs=["累计轮训党员干部{{B05}}人次。"])
    report.set_value("B05", value=None, last_year=None)  # the reference is now empty
    same_as_full_run(session, report)
    report.set_meta(report_year=2025, title="")
    same_as_full_run(session, report)
    report.set_preamble(["现将有关情况报告如下:"])
    removed = report.remove_section(report.sections[0].id)
    same_as_full_run(session, report)
    report.insert_section(None, 0, removed[2])
    report.add_custom_indicator("新建口袋公园", "个", indicator_id="X01")
    same_as_full_run(session, report)
    report.replace_with(clean_report())
    same_as_full_run(session, report)


def test_session_re_runs_only_the_edited_block(sample_report):
    session = CheckSession(sample_report, options=OPTIONS).attach()
    session.problems()
    ran = []
    import models.checks.engine as engine
    original = engine._run_block

    def counting(ctx, block, rules):
        ran.append((block.key, all(r.reads_values for r in rules)))
        return original(ctx, block, rules)
    engine._run_block = counting
    try:
        section = sample_report.sections[1]
        sample_report.update_section(section.id, paragraphs=section.paragraphs + ["新增一段。"])
        session.problems()
        assert ran == [(section.id, False)]  # every rule on the edited text
        ran.clear()
        sample_report.set_value("I02", value=131)  # mentioned in one section; rate I04 depends on it
        session.problems()
        assert ran == [("s01-3-2", True)]  # only the rules that read values
    finally:
        engine._run_block = original


TEXTS = ["专题研究法治建设4次。", "累计成功调解各类纠纷126件,调解成功率96.9%。", "今年01月05日召开会议。", "(一)健全制度。",
         "累计轮训{{B05}}人次。", "张堃牵头。", "究其原因，主要是人手少。", "", "2023年法治政府建设工作计划",
         "存在的问题", "切实履行第一责任人职责", "多元化解矛盾纠纷。"]
OPS = ["paragraphs", "heading", "run_in", "part", "add", "remove", "move", "indent", "outdent", "value", "meta",
       "preamble", "custom"]


def apply(report, op, n, text):
    sections = [s for s, _, _ in report.iter_sections()]
    s = sections[n % len(sections)] if sections else None
    if op == "paragraphs" and s:
        report.update_section(s.id, paragraphs=[text] if n % 3 else [])
    elif op == "heading" and s:
        report.update_section(s.id, heading=text)
    elif op == "run_in" and s:
        report.update_section(s.id, run_in=not s.run_in)
    elif op == "part" and s:
        report.update_section(s.id, part=[None, *Part][n % 6])
    elif op == "add":
        parent = s.id if s and report.level_of(s.id) < 4 and n % 2 else None
        report.add_section(parent, heading=text, paragraphs=[text])
    elif op == "remove" and s and len(sections) > 1:
        report.remove_section(s.id)
    elif op == "move" and s:
        report.move_up(s.id) if n % 2 else report.move_down(s.id)
    elif op == "indent" and s:
        report.indent(s.id)
    elif op == "outdent" and s:
        report.outdent(s.id)
    elif op == "value":
        ind = ["I02", "I03", "B05", "A01", "F01", "F02", "X01"][n % 7]
        report.set_value(ind, value=[None, 0, 126, 130, 1860, 4.5, -1][n % 7])
    elif op == "meta":
        report.set_meta(**[{"title": text}, {"report_year": 2023 + n % 3}, {"signing_date": None},
                           {"signers": [text]}][n % 4])
    elif op == "preamble":
        report.set_preamble([text])
    elif op == "custom":
        if report.custom_indicator("X01"):
            report.remove_custom_indicator("X01")
        else:
            report.add_custom_indicator("新建口袋公园", "个", indicator_id="X01")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 99), st.sampled_from(TEXTS), st.booleans()),
                max_size=14))
def test_session_equals_a_full_run_after_any_edits(steps):
    report = clean_report()
    report.sections[0].children.append(Section(heading="下级", paragraphs=["成功调解各类纠纷126件。"]))
    session = CheckSession(report, options=OPTIONS).attach()
    session.problems()
    for op, n, text, look in steps:
        apply(report, op, n, text)
        if look:  # the panel refreshes after some edits, not after each
            same_as_full_run(session, report)
    same_as_full_run(session, report)


def test_detached_session_no_longer_follows():
    report = clean_report()
    session = CheckSession(report, options=OPTIONS).attach()
    assert session.problems() == []
    session.detach()
    report.set_value("I03", value=141)
    assert session.problems() == []
    session.invalidate()
    assert session.problems() == run_checks(report, options=OPTIONS) != []


def test_changing_last_year_or_options_rechecks_everything():
    report = clean_report()
    report.update_section("duty", paragraphs=["张堃专题研究法治建设4次。"])
    session = CheckSession(report, options=OPTIONS)
    assert [p.rule_id for p in session.problems()] == ["G7-OUTSIDE-GB2312"]
    session.set_options(CheckOptions(today=OPTIONS.today, body_font="仿宋"))
    assert session.problems() == []
    last = Report(meta=ReportMeta(report_year=report.meta.report_year - 1), values={"J01": IndicatorValue(40)})
    session.set_last_year(last)
    assert {p.rule_id for p in session.problems()} == {"Y3-DROPPED", "Y3-LAST-MISSING"}


def test_statistics_problems_are_the_number_groups_of_a_full_run(sample_report):
    from models.checks import RULES, statistics_problems
    sample_report.set_value("F02", value=140)
    sample_report.set_value("F01", last_year=1)
    sample_report.set_meta(title="没有年份的标题")
    full = run_checks(sample_report)
    assert statistics_problems(sample_report) == [p for p in full if RULES[p.rule_id].group in (1, 2, 3)]
    assert any(RULES[p.rule_id].group > 3 for p in full)  # the filter had something to leave out
