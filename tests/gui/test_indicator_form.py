"""统计指标: generated from the catalogue; derived rates live; problems the checks engine
finds with a field marked at once."""
from __future__ import annotations

import pytest

from models.catalogue import default_catalogue
from models.report import OrganLevel, Report, ReportMeta
from ui import dialogs
from ui.commands import MetaEdit
from ui.document import ReportDocument
from ui.indicator_form import IndicatorForm, parse_number
from ui.outline_model import STATS, category_key
from models.checks import run_checks
from ui.relation_marks import field_marks

from .helpers import commit_text


@pytest.fixture
def doc(tmp_path):
    d = ReportDocument(Report(meta=ReportMeta(organ_name="某街道办事处")), recovery_folder=tmp_path / "rec")
    yield d
    d.close()


@pytest.fixture
def form(doc, qtbot):
    f = IndicatorForm(doc)
    qtbot.addWidget(f)
    f.show()  # the status bar hears of new marks only while the form is shown
    return f


def type_number(edit, text):
    edit.setFocus()
    edit.selectAll()
    commit_text(edit, text)


def checked(qtbot, form):
    """Wait for the re-check that follows a pause in typing (it never runs on a keystroke)."""
    assert form.checks.pending
    qtbot.waitUntil(lambda: not form.checks.pending, timeout=3000)


def test_rows_are_the_catalogue_for_the_organ_level(doc, form):
    cat = default_catalogue()
    expected = [ind.id for _, _, inds in cat.grouped(doc.report, level="street") for ind in inds]
    assert list(form.rows) == expected
    assert [b.title() for b in form.groups.values()] == [name for _, name, _ in cat.grouped(doc.report, level="street")]
    row = form.rows["B05"]
    assert row.unit.text() == cat.get("B05").unit and row.name.text() == cat.get("B05").name
    doc.push(MetaEdit(doc.report, "organ_level", OrganLevel.COUNTY, "x"))
    county = [ind.id for _, _, inds in cat.grouped(doc.report, level="county") for ind in inds]
    assert list(form.rows) == county


def test_typed_numbers_are_stored_empty_is_not_zero(doc, form):
    edit = form.rows["F01"].edits["value"]
    type_number(edit, "１２０")  # full-width digits from a Chinese input method
    assert doc.report.values["F01"].value == 120
    type_number(form.rows["F01"].edits["last_year"], "0")
    assert doc.report.values["F01"].last_year == 0
    edit.clear()
    edit.textEdited.emit("")
    assert doc.report.value_of("F01").value is None
    assert parse_number("12.5", integer=False) == 12.5 and parse_number("", integer=True) is None


def test_derived_rate_is_read_only_and_follows_its_parts(doc, form):
    rate = form.rows["B10"].edits["value"]  # 持证率 = 持证人数 / 执法人员
    type_number(rate, "90")
    assert not rate.isReadOnly() and doc.report.values["B10"].value == 90
    type_number(form.rows["B09"].edits["value"], "40")
    type_number(form.rows["B09a"].edits["value"], "38")
    assert rate.isReadOnly() and rate.text() == "95"
    assert "自动计算" in rate.toolTip()
    type_number(form.rows["B09a"].edits["value"], "39")
    assert rate.text() == "97.5"


def test_a_violated_relation_marks_the_field_with_the_reason(doc, form, qtbot):
    messages = []
    form.statusMessage.connect(messages.append)
    type_number(form.rows["F01"].edits["value"], "100")
    type_number(form.rows["F02"].edits["value"], "120")  # 办结 > 立案
    edit = form.rows["F02"].edits["value"]
    assert edit.property("mark") == ""  # not while typing
    checked(qtbot, form)
    assert edit.property("mark") == "warning"  # the catalogue allows it (上年结转): a warning
    assert "办结数不应大于立案数" in edit.toolTip() and "120" in edit.toolTip()
    assert form.rows["F01"].edits["value"].property("mark") == "warning"  # the whole is named too
    assert any("办结数不应大于立案数" in m for m in messages)
    type_number(edit, "90")
    checked(qtbot, form)
    assert edit.property("mark") == "" and "不应大于" not in edit.toolTip()
    assert form.rows["F01"].edits["value"].property("mark") == ""


def test_a_typed_rate_above_100_is_an_error(doc, form, qtbot):
    rate = form.rows["B06"].edits["value"]
    type_number(rate, "105")
    checked(qtbot, form)
    assert rate.property("mark") == "error" and "0～100%" in rate.toolTip()
    type_number(rate, "95")
    checked(qtbot, form)
    assert rate.property("mark") == ""


def test_a_computed_rate_above_100_marks_rate_and_parts(doc, form, qtbot):
    type_number(form.rows["A04a"].edits["value"], "4")
    type_number(form.rows["A04"].edits["value"], "5")  # 5 of 4 attended: 125 %
    checked(qtbot, form)
    assert form.rows["A05"].edits["value"].property("mark") == "warning"  # 上年结转 can explain it
    assert "超过100%" in form.rows["A05"].edits["value"].toolTip()
    # the parts are marked too, the worst finding deciding the colour (here a part > whole relation)
    assert form.rows["A04"].edits["value"].property("mark") == "error"
    assert form.rows["A04a"].edits["value"].property("mark") == "error"


def test_a_number_in_the_text_that_disagrees_marks_the_field(doc, form, qtbot):
    doc.report.set_preamble(["全年累计成功调解各项纠纷141件。"])
    type_number(form.rows["I03"].edits["value"], "140")
    checked(qtbot, form)
    edit = form.rows["I03"].edits["value"]
    assert edit.property("mark") == "error" and "141件" in edit.toolTip()
    type_number(edit, "141")
    checked(qtbot, form)
    assert edit.property("mark") == ""


def test_marks_are_the_engines_findings_at_indicator_fields(doc):
    r = doc.report
    r.set_value("F13a", value=3)
    r.set_value("F13b", value=4)
    r.set_value("F13", value=8)  # sum_equals: 3 + 4 ≠ 8
    r.set_value("H02", value=10)
    r.set_value("H03", value=11)  # part_le_whole
    problems = run_checks(r)
    marks = field_marks(problems)
    located = {(p.location.indicator_id, p.location.year) for p in problems if p.location is not None
               and p.location.kind == "indicator"}
    assert located and located <= set(marks)
    assert {("F13", "value"), ("F13a", "value"), ("F13b", "value"), ("H03", "value"), ("H02", "value")} <= set(marks)
    assert ("H03", "last_year") not in marks
    r.set_value("F13", value=7)
    r.set_value("H03", value=9)
    assert field_marks(run_checks(r)) == {}


def test_qualifier_and_remark_are_stored(doc, form):
    row = form.rows["B05"]
    row.qualifier.setCurrentIndex(row.qualifier.findData("余"))
    row.qualifier.activated.emit(row.qualifier.currentIndex())
    commit_text(row.remark, "含兼职")
    row.remark.idle_commit.flush()
    entry = doc.report.values[row.indicator.id]
    assert (entry.qualifier, entry.remark) == ("余", "含兼职")


def test_custom_indicators_are_added_and_removed_undoably(doc, form, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_custom_indicator", lambda parent, cats: ("网格员人数", "人", ""))
    form.add_custom.click()
    custom = doc.report.custom_indicators[0]
    assert custom.name == "网格员人数" and custom.id in form.rows
    type_number(form.rows[custom.id].edits["value"], "35")
    assert doc.report.values[custom.id].value == 35
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    form.rows[custom.id].remove.click()
    assert custom.id not in form.rows and not doc.report.custom_indicators
    doc.undo()
    assert doc.report.values[custom.id].value == 35 and form.rows[custom.id].edits["value"].text() == "35"


def test_filter_hides_other_rows(form):
    form.filter.setText("复议")
    visible = [i for i, row in form.rows.items() if not row.edits["value"].isHidden()]
    assert visible and all("复议" in form.rows[i].indicator.name for i in visible)


def test_outline_category_scrolls_the_form(make_window, report_copy):
    window = make_window(report_copy)
    window.resize(700, 500)
    window.outline.select_key(STATS)
    form = window.editors.page("indicators")
    window.outline.select_key(category_key("H"))
    assert form.scroll.verticalScrollBar().value() == form.groups["H"].y() or \
        form.scroll.verticalScrollBar().value() == form.scroll.verticalScrollBar().maximum()
    assert form.scroll.verticalScrollBar().value() > 0
