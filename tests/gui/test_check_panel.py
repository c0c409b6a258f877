"""检查结果: the checks engine's findings in a panel grouped by severity, kept current after
edits (debounced, never on the typing path), double-click going to the place."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from models.checks import run_checks
from models.storage import load_report, save_report
from ui.live_checks import LiveChecks
from ui.outline_model import CHECKS, META, PREAMBLE, section_key
from ui.problem_model import ProblemModel, ProblemRole

from .helpers import commit_text, replace_text

MISMATCH_SECTION = "s01-4"  # 一、（四） says 「办结128宗」


@pytest.fixture
def flawed_copy(tmp_path, sample_path):
    """The sample with two errors a reviewer would catch: the statistics say 127 where the
    text says 办结128宗, and a title naming the wrong year."""
    report = load_report(sample_path)
    report.set_value("F02", value=127)
    report.set_meta(title=report.meta.effective_title.replace(str(report.meta.report_year), "2023"))
    path = tmp_path / "有问题的报告.fzbg"
    save_report(report, path, backup=False)
    return path


def rows(model: ProblemModel, severity: str) -> list[str]:
    group = model.group_index(severity)
    return [model.index(r, 0, group).data() for r in range(model.rowCount(group))]


def open_panel(window, qtbot=None):
    """F5 in an active window (focus moves only within the active window)."""
    if qtbot is not None:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.run_checks()
    return window.editors.page("checks")


def find_row(page, problem_text: str):
    """The index and on-screen rect of the row whose message contains ``problem_text``."""
    model, view = page.model, page.view
    for severity in ("error", "warning", "hint"):
        group = model.group_index(severity)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            if problem_text in index.data():
                view.scrollTo(index)
                return index, view.visualRect(index)
    raise AssertionError(f"no problem containing {problem_text!r}")


def double_click(qtbot, view, rect) -> None:
    """As a mouse does it: the first press selects, the second one is the double click."""
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=rect.center())


def test_panel_lists_the_reports_problems_by_severity(make_window, flawed_copy, qtbot):
    window = make_window(flawed_copy)
    page = open_panel(window)
    assert window.outline.current_key() == CHECKS
    expected = run_checks(load_report(flawed_copy))
    assert [p.message for p in page.model.problems()] == [p.message for p in expected]
    errors = rows(page.model, "error")
    assert any("办结128宗" in t and "127" in t for t in errors)
    assert any("标题写的是2023年" in t for t in errors)
    group = page.model.group_index("error")
    assert group.data() == f"错误（{len(errors)}）"
    assert page.model.index(0, 1, group).data()  # the place column
    assert window.model.index_of_key(CHECKS).data() == f"检查结果（错误 {len(errors)}）"
    assert f"{len(errors)} 个错误" in page.summary.text()


def test_panel_updates_after_an_edit_once_typing_pauses(make_window, flawed_copy, qtbot):
    window = make_window(flawed_copy)
    page = open_panel(window)
    before = len(page.model.problems("error"))
    window.outline.select_key(section_key(MISMATCH_SECTION))
    editor = window.editors.page("section")
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
    commit_text(editor.body, "另有半角逗号,在中文之间。")
    # typing alone checks nothing: the text is not even committed yet
    assert len(page.model.problems("warning")) == 0 and not window.checks.pending
    qtbot.waitUntil(lambda: any("半角" in t for t in rows(page.model, "warning")), timeout=3000)
    assert len(page.model.problems("error")) == before

    # fixing the statistics clears the mismatch, once the typing of the number pauses
    form = window.editors.page("indicators")
    replace_text(form.rows["F02"].edits["value"], "128")
    assert any("办结128宗" in t for t in rows(page.model, "error"))
    qtbot.waitUntil(lambda: not any("办结128宗" in t for t in rows(page.model, "error")), timeout=3000)
    assert window.model.index_of_key(CHECKS).data().startswith("检查结果（错误 1，警告 1")


def test_a_text_commit_only_marks_the_findings_stale(make_window, flawed_copy, qtbot):
    window = make_window(flawed_copy)
    checks = window.checks
    checks.run_now()
    latest = checks.latest
    window.outline.select_key(PREAMBLE)
    editor = window.editors.page("preamble")
    commit_text(editor.body, "半角,标点")
    editor.body_commit.flush()  # the commit after the typing pause
    assert checks.pending and checks.latest is latest  # re-check waits for the pause
    with qtbot.waitSignal(checks.updated, timeout=1000):  # …of half a second: within a second
        pass
    assert not checks.pending and checks.latest is not latest


def test_f5_checks_at_once_with_what_is_being_typed(make_window, flawed_copy):
    window = make_window(flawed_copy)
    window.outline.select_key(PREAMBLE)
    commit_text(window.editors.page("preamble").body, "半角,标点")  # not committed yet
    window.check_action.trigger()
    assert any("半角" in t for t in rows(window.editors.page("checks").model, "warning"))


def test_double_click_selects_the_number_in_the_text(make_window, flawed_copy, qtbot):
    window = make_window(flawed_copy)
    page = open_panel(window, qtbot)
    index, rect = find_row(page, "办结128宗")
    double_click(qtbot, page.view, rect)
    assert window.outline.current_key() == section_key(MISMATCH_SECTION)
    editor = window.editors.page("section")
    assert editor.body.textCursor().selectedText() == "128宗"
    assert QApplication.focusWidget() is editor.body


def test_double_click_focuses_the_statistics_field(make_window, flawed_copy, qtbot):
    window = make_window(flawed_copy)
    window.doc.report.set_value("B06", value=120)  # a rate above 100 %: located at the field
    page = open_panel(window, qtbot)
    index, rect = find_row(page, "比率应在0～100%之间")
    double_click(qtbot, page.view, rect)
    form = window.editors.page("indicators")
    assert window.editors.currentWidget() is form
    assert QApplication.focusWidget() is form.rows["B06"].edits["value"]
    assert form.rows["B06"].edits["value"].selectedText() == "120"


def test_enter_on_a_last_year_problem_focuses_the_last_year_field(make_window, flawed_copy, qtbot):
    window = make_window(flawed_copy)
    window.doc.report.set_value("B06", last_year=-3)  # negative 上年
    page = open_panel(window, qtbot)
    index, _ = find_row(page, "上年")
    page.view.setCurrentIndex(index)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key_Return)
    assert QApplication.focusWidget() is window.editors.page("indicators").rows["B06"].edits["last_year"]


def test_double_click_focuses_the_basic_information_field(make_window, flawed_copy, qtbot):
    window = make_window(flawed_copy)
    page = open_panel(window, qtbot)
    index, rect = find_row(page, "标题写的是2023年")
    double_click(qtbot, page.view, rect)
    assert window.outline.current_key() == META
    meta = window.editors.page("meta")
    assert QApplication.focusWidget() is meta.title
    assert meta.title.textCursor().selectedText() == "2023"


def test_a_problem_in_a_deleted_section_goes_to_its_other_place(make_window, flawed_copy, qtbot):
    window = make_window(flawed_copy)
    page = open_panel(window, qtbot)
    problem = next(p for p in page.model.problems() if p.location and p.location.kind == "text")
    window.doc.report.remove_section(MISMATCH_SECTION)
    window.go_to_problem(problem)
    # the related place (the statistics field) is shown instead
    assert QApplication.focusWidget() is window.editors.page("indicators").rows["F02"].edits["value"]


def test_problem_model_passes_the_model_tester(qtmodeltester, flawed_copy):
    model = ProblemModel()
    problems = run_checks(load_report(flawed_copy))
    model.set_problems(problems)
    qtmodeltester.check(model, force_py=True)  # the filled model, then every change below
    assert model.problems() == problems
    first = model.index(0, 0, model.group_index("error"))
    assert first.data(ProblemRole) is problems[0] and model.parent(first) == model.group_index("error")
    model.set_problems(problems[1:])
    model.set_problems(None)
    assert model.rowCount(model.group_index("error")) == 0 and model.group_index("error").data() == "错误"
    assert model.rowCount(first) == 0 and model.parent(QModelIndex()) == QModelIndex()


def test_live_checks_forget_the_findings_of_another_report(qtbot, flawed_copy, sample_path, tmp_path):
    from ui.document import ReportDocument
    doc = ReportDocument(recovery_folder=tmp_path / "rec")
    try:
        checks = LiveChecks(doc)
        doc.open(flawed_copy)
        assert checks.latest is None  # opening checks nothing before the first paint
        assert checks.run_now() and checks.counts()["error"] >= 2
        last_year = load_report(sample_path)
        checks.set_last_year(last_year)
        doc.new(load_report(sample_path))
        assert checks.latest is None and checks._last_year is None
        qtbot.waitUntil(lambda: checks.latest is not None, timeout=3000)
        assert checks.counts()["error"] == 0
    finally:
        doc.close()
