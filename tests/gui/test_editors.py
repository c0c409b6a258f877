"""基本信息 form and the text editors."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from models.templates import new_report
from ui import dialogs
from ui.document import ReportDocument
from ui.meta_form import MetaForm, title_lines
from ui.qt_compat import emit
from ui.section_editor import PreambleEditor, SectionEditor, clean_pasted_text
from ui.settings import AppSettings

from .helpers import commit_text, replace_text


@pytest.fixture
def doc(tmp_path):
    report = new_report("street", "江南市河西区人民政府青石街道办事处", 2024)
    d = ReportDocument(report, recovery_folder=tmp_path / "rec")
    yield d
    d.close()


@pytest.fixture
def meta_form(doc, qtbot):
    form = MetaForm(doc, AppSettings())
    qtbot.addWidget(form)
    return form


def test_title_lines_break_as_the_word_file_does_and_keep_typed_breaks():
    title = "江南市河西区人民政府青石街道办事处关于2024年度法治政府建设情况的报告"
    lines = title_lines(title)
    assert lines == [("江南市河西区人民政府青石街道办事处", True), ("关于2024年度法治政府建设情况的报告", True)]
    assert title_lines("某局关于2024年度法治政府建设情况的报告") == [("某局关于2024年度法治政府建设情况的报告", False)]
    wide = title_lines("江南市河西区人民政府青石街道办事处关于2024年度\n法治政府建设情况的报告")
    assert wide[0] == ("江南市河西区人民政府青石街道办事处关于20", True)  # Word wraps a typed line at the width
    typed = title_lines("江南市河西区人民政府青石街道办事处\n关于2024年度法治政府建设情况的报告")
    assert typed == [("江南市河西区人民政府青石街道办事处", False), ("关于2024年度法治政府建设情况的报告", False)]


def test_title_preview_follows_the_default_and_typed_title(doc, meta_form):
    assert "第2行" in meta_form.title_layout.text()  # the default title needs two lines
    commit_text(meta_form.title, "青石街道办事处\n关于2024年度法治政府建设情况的报告")
    assert "第1行：青石街道办事处（7字）" in meta_form.title_layout.text()
    meta_form.title.idle_commit.flush()
    assert doc.report.meta.title == "青石街道办事处\n关于2024年度法治政府建设情况的报告"


@pytest.mark.parametrize("organ, level", [("某县市场监督管理局（县知识产权局）", "department"),
                                          ("某某自治州某某土家族苗族自治县人民政府", "county")])
def test_title_preview_shows_the_lines_of_the_word_file(organ, level, tmp_path, qtbot):
    """A department's or county's default title: the preview promises the lines the export prints,
    never 「…关于20」 / 「25年度…」 split inside a word or a year."""
    docx = pytest.importorskip("docx")
    from exporters.word import build_docx
    report = new_report(level, organ, 2025)
    d = ReportDocument(report, recovery_folder=tmp_path / "rec")
    form = MetaForm(d, AppSettings())
    qtbot.addWidget(form)
    form.refresh()
    shown = [row.split("：", 1)[1].rsplit("（", 1)[0] for row in form.title_layout.text().splitlines()[1:]]
    document = docx.Document(io.BytesIO(build_docx(report, version="public")[0]))
    title = next(p for p in document.paragraphs if p.style.style_id == "GWTitle")
    assert shown == title.text.split("\n")
    assert shown == [organ, "关于2025年度法治政府建设情况的报告"]
    d.close()


def test_doc_number_preview_is_live_and_stored_as_parts(doc, meta_form):
    commit_text(meta_form.agency_code, "海珠昌岗")
    meta_form.dn_year.setValue(2024)
    meta_form.dn_serial.setValue(3)
    assert meta_form.dn_preview.text() == "「海珠昌岗〔2024〕3号」"
    dn = doc.report.meta.doc_number
    assert (dn.agency_code, dn.year, dn.serial) == ("海珠昌岗", 2024, 3)
    meta_form.dn_serial.setValue(0)
    assert meta_form.dn_preview.text() == "（未填全）" and doc.report.meta.doc_number.serial is None


def test_dates_show_in_chinese_and_may_be_empty(doc, meta_form):
    assert meta_form.signing_date.text() == "未填"
    meta_form.signing_date.set_value(dt.date(2025, 1, 5))
    assert meta_form.signing_date.text() == "2025年1月5日"
    assert doc.report.meta.signing_date == dt.date(2025, 1, 5)
    doc.undo()
    assert doc.report.meta.signing_date is None and meta_form.signing_date.text() == "未填"


def test_lists_and_signers(doc, meta_form):
    commit_text(meta_form.addressees, "甲委员会办公室\n乙局")
    commit_text(meta_form.signers, "张三、李四")
    commit_text(meta_form.attachments, "1.统计表")
    doc.flush()
    meta = doc.report.meta
    assert meta.addressees == ["甲委员会办公室", "乙局"] and meta.signers == ["张三", "李四"]
    assert meta.attachments == ["1.统计表"]


def test_organ_names_typed_are_offered_again(doc, meta_form, qtbot):
    replace_text(meta_form.organ, "江北市河东区人民政府白沙街道办事处")
    meta_form.organ.editingFinished.emit()
    assert doc.report.meta.organ_name == "江北市河东区人民政府白沙街道办事处"
    other = MetaForm(doc, AppSettings())
    qtbot.addWidget(other)
    model = other.organ.completer().model()
    assert "江北市河东区人民政府白沙街道办事处" in [model.index(i, 0).data() for i in range(model.rowCount())]


def test_level_and_year_edits_are_undoable(doc, meta_form):
    meta_form.year.setValue(2025)
    assert doc.report.meta.report_year == 2025
    assert "2025年度" in meta_form.title.placeholderText()
    doc.undo()
    assert doc.report.meta.report_year == 2024 and meta_form.year.value() == 2024


def test_examples_in_empty_fields_follow_the_organ_level(doc, meta_form):
    """A 司法局 is not shown a 街道's name as the example of its own."""
    meta_form.organ.clear()
    assert "街道办事处" in meta_form.organ.placeholderText()
    meta_form.level.setCurrentIndex(meta_form.level.findData("department"))
    emit(meta_form.level.activated, meta_form.level.currentIndex())
    assert doc.report.meta.organ_level.value == "department"
    for field in (meta_form.organ, meta_form.agency_code, meta_form.printing_organ):
        assert "街道" not in field.placeholderText() and "海珠" not in field.placeholderText()
    assert "局" in meta_form.organ.placeholderText()
    doc.undo()
    assert "街道办事处" in meta_form.organ.placeholderText()


# -- the text editors ------------------------------------------------------------------------
@pytest.fixture
def section_editor(doc, qtbot):
    editor = SectionEditor(doc)
    qtbot.addWidget(editor)
    return editor


def test_pasted_text_is_cleaned_into_paragraphs():
    pasted = "　　第一段,内容(含括号)\x0b继续\r\n\r\n  第二段:时间17:30,数字1,860。\u200b"
    assert clean_pasted_text(pasted) == "第一段，内容（含括号）\n继续\n第二段：时间17:30，数字1,860。"


def test_paste_into_the_body_cleans_and_commits(doc, section_editor):
    section = doc.report.sections[0].children[0]
    section_editor.show_section(section.id)
    data = QMimeData()
    data.setText("全年学法12次,培训干部1520人次.\x0b第二行")
    section_editor.body.insertFromMimeData(data)
    section_editor.body_commit.flush()
    assert section.paragraphs == ["全年学法12次，培训干部1520人次.", "第二行"]


def test_guidance_is_the_placeholder_and_count_follows(doc, section_editor):
    section = doc.report.sections[0].children[0]
    section_editor.show_section(section.id)
    assert section_editor.body.placeholderText() == section.guidance
    assert section_editor.guidance.text().endswith(section.guidance)
    commit_text(section_editor.body, "一二三四五")
    assert section_editor.count.text() == "5 字"
    assert section_editor.part.isHidden()  # only top-level headings carry a part
    section_editor.show_section(doc.report.sections[0].id)
    assert not section_editor.part.isHidden()


def test_heading_and_run_in_edits(doc, section_editor):
    section = doc.report.sections[0].children[1]
    section_editor.show_section(section.id)
    replace_text(section_editor.heading, "依法全面履行职能")
    section_editor.heading.editingFinished.emit()
    section_editor.run_in.setChecked(not section.run_in)
    assert section.heading == "依法全面履行职能" and doc.undo_stack.count() == 2
    assert section_editor.title.text() == "二级标题  （二）依法全面履行职能"


def test_a_reference_is_inserted_from_the_picker_and_explained(doc, section_editor, monkeypatch):
    doc.report.set_value("B05", value=1520)
    section = doc.report.sections[0].children[0]
    section_editor.show_section(section.id)
    commit_text(section_editor.body, "累计培训")
    monkeypatch.setattr(dialogs, "pick_indicator", lambda parent, report: "B05")
    section_editor.insert_ref.click()
    assert section.paragraphs == ["累计培训{{B05}}"]
    assert "1520人次（B05 培训人次）" in section_editor.refs.text()
    doc.report.set_value("B05", value=1600)
    assert "1600人次（B05 培训人次）" in section_editor.refs.text()
    # hovering the marker explains it
    section_editor.resize(600, 400)
    section_editor.show()
    rect = section_editor.body.cursorRect(section_editor.body.textCursor())
    event = QHelpEvent(QEvent.ToolTip, rect.center() - QPoint(4, 0),
                       section_editor.body.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(section_editor.body, event)
    assert "引用：B05 干部法治培训（轮训）人次，随统计表自动更新" in QToolTip.text()
    assert "1600人次" in QToolTip.text()


def test_external_changes_update_the_editor_but_typing_is_not_overwritten(doc, section_editor):
    section = doc.report.sections[0].children[0]
    section_editor.show_section(section.id)
    commit_text(section_editor.body, "第一段")
    section_editor.body_commit.flush()
    section_editor.body.insertPlainText("\n")  # a new, still empty paragraph being started
    section_editor.body_commit.flush()
    assert section_editor.body.toPlainText() == "第一段\n"  # not reset by its own commit
    doc.undo()
    assert section_editor.body.toPlainText() == ""


def test_preamble_editor_uses_the_template_guidance(doc, qtbot):
    editor = PreambleEditor(doc)
    qtbot.addWidget(editor)
    assert "现将有关情况报告如下" in editor.body.placeholderText()
    commit_text(editor.body, "2024年，街道坚持依法行政。")
    editor.body_commit.flush()
    assert doc.report.preamble == ["2024年，街道坚持依法行政。"]


def test_tab_goes_down_the_form_in_reading_order(make_window, report_copy, qtbot):
    window = make_window(report_copy)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    form = window.editors.page("meta")
    order = [form.organ, form.level, form.year, form.title, form.addressees, form.signature, form.signing_date]
    form.organ.setFocus()
    for expected in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is expected or expected.isAncestorOf(focus)


def test_going_to_a_span_after_a_rare_character_selects_the_words_meant(doc, meta_form):
    """Spans from the checks count characters; Qt counts 𠀀 (outside the BMP) as two positions.
    The selection used to start one character early for every such character before it."""
    doc.report.set_meta(organ_name="𠀀𪚥某某街道办事处", title="𠀀关于2024年度法治政府建设情况的报告",
                        addressees=["区委依法治区办", "😀区政府"])
    meta_form.refresh()
    meta_form.focus_field("organ_name", span=(2, 4))
    assert meta_form.organ.selectedText() == "某某"
    meta_form.focus_field("title", span=(1, 3))
    assert meta_form.title.textCursor().selectedText() == "关于"
    meta_form.focus_field("addressees", index=1, span=(1, 3))
    assert meta_form.addressees.textCursor().selectedText() == "区政"
