"""The window as a user drives it: new report, typing, indicators, save, reopen, prompts."""
from __future__ import annotations


from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.report import OrganLevel
from models.storage import load_report, to_dict
from ui import dialogs
from ui.new_report_dialog import NewReportChoice
from ui.outline_model import BODY, META, PREAMBLE, STATS, section_key

from .helpers import commit_text, replace_text


def new_report_through_ui(window, monkeypatch, organ="某某区人民政府某某街道办事处", year=2025):
    monkeypatch.setattr(dialogs, "ask_new_report", lambda parent, settings: NewReportChoice(
        "street_three_parts", organ, OrganLevel.STREET, year))
    window.new_action.trigger()


def test_create_fill_save_reopen_gives_the_same_report(make_window, monkeypatch, tmp_path, qtbot):
    window = make_window()
    new_report_through_ui(window, monkeypatch, organ="临时名称")
    assert window.windowTitle() == "未命名[*] — 法治报告"
    report = window.doc.report

    # 基本信息: organ typed in Chinese through the input method, 发文字号 parts, a date
    window.outline.select_key(META)
    form = window.editors.page("meta")
    replace_text(form.organ, "江北市河东区人民政府白沙街道办事处")
    form.agency_code.setFocus()
    commit_text(form.agency_code, "河东白沙")
    form.dn_year.setValue(2025)
    form.dn_serial.setValue(7)
    assert form.dn_preview.text() == "「河东白沙〔2025〕7号」"
    commit_text(form.addressees, "中共江北市河东区委全面依法治区委员会办公室")

    # 开头段 and a section's body
    window.outline.select_key(PREAMBLE)
    commit_text(window.editors.page("preamble").body, "2025年，白沙街道坚持依法行政。现将有关情况报告如下：")
    first_child = report.sections[0].children[0]
    window.outline.select_key(section_key(first_child.id))
    editor = window.editors.page("section")
    commit_text(editor.body, "全年开展理论学习中心组学法10次。")
    editor.body.insertPlainText("\n第二段，举办法治讲座6场次。")

    # 统计指标: digits may be typed with key clicks
    window.outline.select_key(STATS)
    indicators = window.editors.page("indicators")
    qtbot.keyClicks(indicators.rows["B01"].edits["value"], "10")
    qtbot.keyClicks(indicators.rows["B01"].edits["last_year"], "8")
    qtbot.keyClicks(indicators.rows["B02"].edits["value"], "6")
    indicators.rows["B02"].qualifier.setCurrentIndex(indicators.rows["B02"].qualifier.findData("余"))
    indicators.rows["B02"].qualifier.activated.emit(indicators.rows["B02"].qualifier.currentIndex())

    assert window.isWindowModified()
    target = tmp_path / "白沙2025.fzbg"
    monkeypatch.setattr(dialogs, "get_save_path", lambda *a: str(target))
    window.save_action.trigger()
    assert target.is_file() and not window.isWindowModified()
    assert window.windowTitle() == "白沙2025.fzbg[*] — 法治报告"

    saved = load_report(target)
    assert saved.meta.organ_name == "江北市河东区人民政府白沙街道办事处"
    assert saved.meta.doc_number.format() == "河东白沙〔2025〕7号"
    assert saved.meta.addressees == ["中共江北市河东区委全面依法治区委员会办公室"]
    assert saved.preamble == ["2025年，白沙街道坚持依法行政。现将有关情况报告如下："]
    assert saved.find_section(first_child.id).paragraphs == ["全年开展理论学习中心组学法10次。", "第二段，举办法治讲座6场次。"]
    assert (saved.values["B01"].value, saved.values["B01"].last_year) == (10, 8)
    assert (saved.values["B02"].value, saved.values["B02"].qualifier) == (6, "余")
    assert to_dict(saved) == to_dict(report)

    window.close()
    again = make_window(target)
    assert to_dict(again.doc.report) == to_dict(saved)
    again.outline.select_key(STATS)
    assert again.editors.page("indicators").rows["B01"].edits["value"].text() == "10"
    again.outline.select_key(META)
    assert again.editors.page("meta").organ.text() == "江北市河东区人民政府白沙街道办事处"


def test_typing_in_one_field_is_one_undo_step_and_undo_reaches_clean(make_window, sample_path, report_copy, qtbot):
    window = make_window(report_copy)
    form = window.editors.page("meta")
    before = window.doc.report.meta.notes
    for chunk in ("联系", "人：", "张三"):
        commit_text(form.notes, chunk)
        form.notes.idle_commit.flush()  # as the idle timer would
    assert window.doc.report.meta.notes.endswith("联系人：张三")
    assert window.doc.undo_stack.count() == 1
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert window.doc.report.meta.notes == before
    assert form.notes.text() == before
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert window.doc.report.meta.notes.endswith("联系人：张三")


def test_leaving_a_field_starts_a_new_undo_step(make_window, report_copy):
    window = make_window(report_copy)
    form = window.editors.page("meta")
    commit_text(form.notes, "甲")
    form.notes.idle_commit.finish()  # focus left the field
    commit_text(form.notes, "乙")
    form.notes.idle_commit.finish()
    assert window.doc.undo_stack.count() == 2


def test_undo_key_in_a_text_field_undoes_the_document(make_window, report_copy, qtbot):
    window = make_window(report_copy)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts work only in the active window
    form = window.editors.page("meta")
    original = window.doc.report.meta.organ_name
    form.organ.setFocus()
    commit_text(form.organ, "（测试）")
    assert window.undo_action.isEnabled()  # before the idle commit
    qtbot.keyClick(form.organ, Qt.Key_Z, Qt.ControlModifier)
    assert window.doc.report.meta.organ_name == original
    assert form.organ.text() == original
    assert window.doc.undo_stack.canRedo()


def test_undo_and_redo_across_text_values_and_outline(make_window, report_copy, monkeypatch):
    window = make_window(report_copy)
    report = window.doc.report
    snapshot = to_dict(report)
    # an outline operation
    second = report.sections[1]
    window.outline.select_key(section_key(second.id))
    window.outline.move_up_action.trigger()
    assert report.sections[0] is second
    # a heading rename through the outline model
    window.model.setData(window.model.index_of_key(section_key(second.id)), "存在的问题", Qt.EditRole)
    # a value
    window.outline.select_key(STATS)
    edit = window.editors.page("indicators").rows["F01"].edits["value"]
    edit.setText("")
    commit_text(edit, "999")
    assert report.values["F01"].value == 999
    # add and delete sections
    window.outline.select_key(BODY)
    window.outline.add_child_action.trigger()
    QApplication.processEvents()
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    window.outline.select_key(section_key(report.sections[-1].id))
    window.outline.delete_action.trigger()
    changed = to_dict(report)
    while window.doc.undo_stack.canUndo():
        window.undo_action.trigger()
    assert to_dict(report) == snapshot
    assert not window.isWindowModified()
    while window.doc.undo_stack.canRedo():
        window.redo_action.trigger()
    assert to_dict(report) == changed


def test_outline_operations_renumber_and_respect_the_four_levels(make_window, report_copy):
    window = make_window(report_copy)
    report = window.doc.report
    view, model = window.outline, window.model
    first = report.sections[0]
    view.select_key(section_key(first.children[1].id))
    view.indent_action.trigger()  # under （一）
    moved = report.find_section(view.current_section_id())
    assert report.level_of(moved.id) == 3
    assert model.numbered_text(model.index_of_key(section_key(moved.id))).startswith("1.")
    view.outdent_action.trigger()
    assert report.level_of(moved.id) == 2
    view.add_child_action.trigger()
    QApplication.processEvents()
    view.add_child_action.trigger()
    QApplication.processEvents()
    level4 = view.current_section_id()
    assert report.level_of(level4) == 4
    assert not view.add_child_action.isEnabled()
    assert not view.indent_action.isEnabled()


def test_delete_asks_first_and_cancel_keeps_the_section(make_window, report_copy, monkeypatch):
    window = make_window(report_copy)
    report = window.doc.report
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, ok="确定": asked.append(text) or False)
    target = report.sections[0]
    window.outline.select_key(section_key(target.id))
    window.outline.delete_action.trigger()
    assert report.sections[0] is target
    assert "下级标题" in asked[0] and target.heading in asked[0]


@pytest.mark.parametrize("answer, closes, saved", [("cancel", False, False), ("discard", True, False),
                                                    ("save", True, True)])
def test_close_asks_to_save_changes(make_window, report_copy, monkeypatch, answer, closes, saved):
    window = make_window(report_copy)
    form = window.editors.page("meta")
    commit_text(form.notes, "（新的附注）")
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: asked.append(name) or answer)
    assert window.close() is closes
    assert asked == ["报告.fzbg"]
    assert ("（新的附注）" in load_report(report_copy).meta.notes) is saved
    if not closes:
        assert window.isVisible() and window.isWindowModified()


def test_a_failed_save_cancels_the_close(make_window, report_copy, monkeypatch):
    from models.errors import OutputFileError
    window = make_window(report_copy)
    commit_text(window.editors.page("meta").notes, "（新）")
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: "save")
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))

    def fail(*_a, **_k):
        raise OutputFileError(report_copy, "磁盘空间不足，文件未写入，原文件保持不变。")
    monkeypatch.setattr("ui.document.save_report", fail)
    assert window.close() is False
    assert window.isVisible() and window.isWindowModified()
    assert "磁盘空间不足" in errors[0]


def test_new_and_open_ask_about_unsaved_changes(make_window, report_copy, monkeypatch, sample_path):
    window = make_window(report_copy)
    commit_text(window.editors.page("meta").notes, "（未保存）")
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: "cancel")
    window.new_action.trigger()
    window.open_action.trigger()
    assert "（未保存）" in window.doc.report.meta.notes and window.doc.path == report_copy


def test_recent_files_newest_first_missing_dropped_and_cleared(make_window, tmp_path, sample_path, monkeypatch):
    import shutil
    paths = []
    for i in range(12):
        p = tmp_path / f"报告{i:02d}.fzbg"
        shutil.copyfile(sample_path, p)
        paths.append(p)
    window = make_window()
    for p in paths:
        assert window.files.open_report(str(p))
    window._fill_recent_menu()
    names = [a.text() for a in window.recent_menu.actions() if a.toolTip().endswith(".fzbg")]
    assert len(names) == 10 and names[0].endswith("报告11.fzbg") and names[-1].endswith("报告02.fzbg")
    paths[10].unlink()
    window._fill_recent_menu()
    tips = [a.toolTip() for a in window.recent_menu.actions() if a.toolTip().endswith(".fzbg")]
    assert str(paths[10]) not in tips and len(tips) == 9
    # a recent entry opens its file
    next(a for a in window.recent_menu.actions() if a.toolTip() == str(paths[5])).trigger()
    assert window.doc.path == paths[5]
    clear = next(a for a in window.recent_menu.actions() if a.text().startswith("清除列表"))
    clear.trigger()
    window._fill_recent_menu()
    assert not [a for a in window.recent_menu.actions() if a.toolTip().endswith(".fzbg")]


def test_a_report_open_in_one_window_is_refused_in_a_second(make_window, report_copy, monkeypatch):
    first = make_window(report_copy)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    second = make_window(report_copy)
    assert second.doc.path is None
    assert "已在另一个窗口中打开" in errors[0]
    first.close()
    assert second.files.open_report(str(report_copy))
    assert second.doc.path == report_copy


def test_open_failure_is_a_chinese_message_and_keeps_the_report(make_window, report_copy, tmp_path, monkeypatch):
    broken = tmp_path / "坏文件.fzbg"
    broken.write_text('{"schema_version": 2, "meta": ', encoding="utf-8")
    window = make_window(report_copy)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    monkeypatch.setattr(dialogs, "get_open_path", lambda *a: str(broken))
    window.open_action.trigger()
    assert "坏文件.fzbg" in errors[0] and "截断" in errors[0]
    assert window.doc.path == report_copy


def test_window_geometry_is_remembered(make_window, report_copy):
    window = make_window(report_copy)
    window.resize(700, 500)  # the offscreen screen is 800×600
    window.close()
    again = make_window()
    assert (again.width(), again.height()) == (700, 500)


def test_status_bar_counts_follow_edits(make_window, report_copy, qtbot):
    window = make_window(report_copy)
    report = window.doc.report
    qtbot.waitUntil(lambda: window.status.characters.text() == f"正文 {report.body_text_length()} 字")
    window.outline.select_key(PREAMBLE)
    commit_text(window.editors.page("preamble").body, "新增" * 500)
    window.doc.flush()
    qtbot.waitUntil(lambda: window.status.characters.text() == f"正文 {report.body_text_length()} 字")
    assert window.status.save_state.text().startswith("有未保存的修改")


def test_shortcuts(make_window):
    window = make_window()
    shortcuts = {a.text(): [s.toString() for s in a.shortcuts()] for a in
                 (window.new_action, window.open_action, window.save_action, window.save_as_action,
                  window.undo_action, window.redo_action, window.export_dialog_action, window.check_action)}
    assert shortcuts == {"新建(&N)…": ["Ctrl+N"], "打开(&O)…": ["Ctrl+O"], "保存(&S)": ["Ctrl+S"],
                         "另存为(&A)…": ["Ctrl+Shift+S"], "撤销(&U)": ["Ctrl+Z"],
                         "重做(&R)": ["Ctrl+Y", "Ctrl+Shift+Z"], "导出(&E)…": ["Ctrl+E"], "检查(&C)": ["F5"]}


def test_changing_the_report_year_moves_the_years_of_the_headings(make_window, monkeypatch, qtbot):
    """A department report started as 2026 in November is meant for 2025: setting 报告年度 in
    基本信息 gives 「2025年…主要举措和成效」 and 「2026年…主要安排」, the checks find no wrong year,
    and one 撤销 puts year and headings back."""
    window = make_window()
    monkeypatch.setattr(dialogs, "ask_new_report", lambda parent, settings: NewReportChoice(
        "department", "某县市场监督管理局（县知识产权局）", OrganLevel.DEPARTMENT, 2026))
    window.new_action.trigger()
    report = window.doc.report
    window.outline.select_key(META)
    form = window.editors.page("meta")
    commit_text(form.title, "某县市场监督管理局（县知识产权局）\n关于2026年度法治政府建设情况的报告")
    form.title.idle_commit.flush()
    form.year.setValue(2025)
    headings = [s.heading for s in report.sections]
    assert headings[0] == "2025年法治政府建设主要举措和成效" and headings[1] == "2025年法治政府建设存在的不足和原因"
    assert headings[3] == "2026年推进法治政府建设的主要安排"
    assert report.meta.report_year == 2025 and "关于2025年度" in report.meta.title
    plan = window.model.index_of_key(section_key(report.sections[3].id))
    assert window.model.numbered_text(plan) == "四、2026年推进法治政府建设的主要安排"
    found = {p.rule_id for p in window.checks.run_now()}
    assert not found & {"D5-PART-YEAR", "D5-PLAN-YEAR", "D5-TITLE-YEAR"}

    window.undo_action.trigger()
    assert report.meta.report_year == 2026 and report.sections[3].heading == "2027年推进法治政府建设的主要安排"
    assert report.sections[0].heading == "2026年法治政府建设主要举措和成效" and "关于2026年度" in report.meta.title
    assert form.year.value() == 2026


def test_the_next_start_and_new_report_keep_the_department_template(make_window, monkeypatch):
    """A department's clerk is not handed a 街道 outline again at the next start or in 新建."""
    from ui.new_report_dialog import NewReportDialog
    from ui.settings import AppSettings
    first = make_window()
    assert first.doc.report.meta.organ_level is OrganLevel.STREET  # nothing chosen yet: the 街道 outline
    monkeypatch.setattr(dialogs, "ask_new_report", lambda parent, settings: NewReportChoice(
        "department", "某区司法局", OrganLevel.DEPARTMENT, 2025))
    first.new_action.trigger()
    first.close()

    again = make_window()
    report = again.doc.report
    assert report.meta.organ_level is OrganLevel.DEPARTMENT
    assert [s.part.value for s in report.sections if s.part][2] == "first_responsible"
    assert report.sections[0].children[0].heading == "加强学法用法和法治能力建设"
    dialog = NewReportDialog(AppSettings())
    assert dialog.template.currentData() == "department" and dialog.level.currentData() == "department"
    dialog.deleteLater()


def test_an_organ_name_with_a_slash_is_offered_as_one_file_name(make_window, monkeypatch, tmp_path):
    """「县农业农村局/县乡村振兴局」: 保存 and 导出 offer a file in the folder, not in a folder 「…局」
    that does not exist."""
    from ui.export_jobs import TARGETS, default_file_name
    window = make_window()
    monkeypatch.setattr(dialogs, "ask_new_report", lambda parent, settings: NewReportChoice(
        "department", "某县农业农村局/某县乡村振兴局", OrganLevel.DEPARTMENT, 2025))
    window.new_action.trigger()
    offered = []
    monkeypatch.setattr(dialogs, "get_save_path", lambda parent, title, start, filt: offered.append(start) or None)
    window.save_action.trigger()
    name = "某县农业农村局_某县乡村振兴局2025年度法治政府建设情况报告"
    assert Path(offered[0]).name == name + ".fzbg" and Path(offered[0]).parent == window.files.folder()
    assert default_file_name(window.doc.report, TARGETS["word_public"]) == name + "（公开版）.docx"
