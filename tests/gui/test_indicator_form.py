"""统计指标: generated from the catalogue; derived rates live; relations marked at once."""
from __future__ import annotations

import pytest

from models.catalogue import default_catalogue
from models.report import OrganLevel, Report, ReportMeta
from ui import dialogs
from ui.commands import MetaEdit
from ui.document import ReportDocument
from ui.indicator_form import IndicatorForm, parse_number
from ui.outline_model import STATS, category_key
from ui.relation_marks import relation_marks

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
    return f


def type_number(edit, text):
    edit.setFocus()
    edit.selectAll()
    commit_text(edit, text)


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


def test_a_violated_relation_marks_the_field_with_the_reason(doc, form):
    messages = []
    form.statusMessage.connect(messages.append)
    type_number(form.rows["F01"].edits["value"], "100")
    type_number(form.rows["F02"].edits["value"], "120")  # 办结 > 立案
    edit = form.rows["F02"].edits["value"]
    assert edit.property("mark") == "warning"
    assert "办结数不应大于立案数" in edit.toolTip() and "120" in edit.toolTip()
    assert any("办结数不应大于立案数" in m for m in messages)
    type_number(edit, "90")
    assert edit.property("mark") == "" and "不应大于" not in edit.toolTip()


def test_a_rate_above_100_is_an_error(doc, form):
    type_number(form.rows["A04a"].edits["value"], "4")
    type_number(form.rows["A04"].edits["value"], "5")
    assert form.rows["A04"].edits["value"].property("mark") == "error"
    assert form.rows["A05"].edits["value"].property("mark") == "error"
    assert "0 到 100%" in form.rows["A05"].edits["value"].toolTip()


def test_relation_marks_cover_the_three_kinds_and_last_year(doc):
    cat = default_catalogue()
    r = doc.report
    r.set_value("F13a", value=3)
    r.set_value("F13b", value=4)
    r.set_value("F13", value=8)  # sum_equals: 3 + 4 ≠ 8
    r.set_value("J08", value=5)
    r.set_value("J12", value=4)
    r.set_value("B02", value=3)  # sum_le_whole: 4 + 3 > 5 although J11, B12 are empty
    r.set_value("H02", last_year=10)
    r.set_value("H03", last_year=11)  # part_le_whole, last year
    marks = {(m.indicator_id, m.year): m for m in relation_marks(r, cat)}
    assert ("F13", "value") in marks and ("J08", "value") in marks
    assert marks[("H03", "last_year")].message.startswith("上年：")
    r.set_value("F13", value=7)
    r.set_value("J08", value=7)
    r.set_value("H03", last_year=9)
    assert relation_marks(r, cat) == []


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
