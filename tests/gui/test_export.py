"""导出: the worker off the UI thread, the flow through the menu, confirmation when the
checks find 错误, preferences passed to the exporters, errors as Chinese messages.

Most tests put a fake exporter function in the exporters' place; the Excel exporter is
also run for real, the Word one when it is installed.
"""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from models.checks import has_errors
from models.errors import OutputFileError
from models.storage import to_dict
from ui import dialogs, export_jobs
from ui.export_dialog import ExportDialog
from ui.export_jobs import EXPORT_KINDS, TARGETS, ExportWorker, default_file_name

from .helpers import commit_text


class FakeExporter:
    """Stands in for exporters.word.export_docx / exporters.excel.export_xlsx."""

    def __init__(self, warnings=(), error=None):
        self.calls = []
        self.options = []
        self.warnings = list(warnings)
        self.error = error

    def word(self, report, path, version, options=None):
        self.options.append(options)
        return self._write(report, path, f"word-{version}")

    def excel(self, report, path, options=None):
        self.options.append(options)
        self._write(report, path, "excel")
        return []

    def _write(self, report, path, what):
        self.calls.append((what, Path(path), report, threading.current_thread()))
        if self.error:
            raise self.error
        Path(path).write_text(what, encoding="utf-8")
        return self.warnings


@pytest.fixture
def fake(monkeypatch):
    exporter = FakeExporter(warnings=["「堃」不在仿宋_GB2312字库中"])
    monkeypatch.setattr(export_jobs, "export_word", exporter.word)
    monkeypatch.setattr(export_jobs, "export_excel", exporter.excel)
    return exporter


def test_worker_reports_progress_and_results(fake, sample_report, tmp_path):
    jobs = [(TARGETS["word_official"], tmp_path / "a.docx"), (TARGETS["excel"], tmp_path / "b.xlsx")]
    worker = ExportWorker(sample_report, jobs)
    progress, finished = [], []
    worker.signals.progress.connect(lambda *a: progress.append(a))
    worker.signals.finished.connect(lambda paths, warnings: finished.append((paths, warnings)))
    worker.run()
    assert [p[:2] for p in progress] == [(0, 2), (1, 2), (2, 2)]
    assert finished == [([str(tmp_path / "a.docx"), str(tmp_path / "b.xlsx")], fake.warnings)]
    assert [c[0] for c in fake.calls] == ["word-official", "excel"]


@pytest.mark.parametrize("error, expected", [
    (OutputFileError("x.docx", "文件被其他程序占用（例如正在 Word、WPS 或 Excel 中打开）"), "被其他程序占用"),
    (KeyError("bug"), "导出时发生意外错误"),
])
def test_worker_turns_failures_into_chinese_messages(monkeypatch, sample_report, tmp_path, error, expected):
    exporter = FakeExporter(error=error)
    monkeypatch.setattr(export_jobs, "export_word", exporter.word)
    worker = ExportWorker(sample_report, [(TARGETS["word_public"], tmp_path / "a.docx")])
    failed = []
    worker.signals.failed.connect(failed.append)
    worker.run()
    assert expected in failed[0]


def test_a_missing_exporter_is_a_clear_message(monkeypatch, sample_report, tmp_path):
    import sys
    monkeypatch.setitem(sys.modules, "exporters.word", None)  # import fails
    with pytest.raises(export_jobs.ExporterMissingError, match="缺少 Word 导出组件"):
        export_jobs.export_word(sample_report, tmp_path / "a.docx", "official")


def test_default_names_are_safe_file_names(sample_report):
    sample_report.meta.organ_name = "某局/办公室:测试"
    name = default_file_name(sample_report, TARGETS["word_public"])
    assert name == "某局_办公室_测试2024年度法治政府建设情况报告（公开版）.docx"


def test_export_from_the_menu_runs_off_the_ui_thread_and_offers_the_folder(make_window, report_copy, fake,
                                                                            monkeypatch, tmp_path, qtbot):
    window = make_window(report_copy)
    commit_text(window.editors.page("meta").notes, "（导出前未保存的修改）")
    target = tmp_path / "out" / "报告正式版"
    target.parent.mkdir()
    suggested = []
    monkeypatch.setattr(dialogs, "get_save_path",
                        lambda parent, title, start, filt: suggested.append((title, start, filt)) or str(target))
    answers, opened = [], []
    monkeypatch.setattr(dialogs, "ask_open_export_result",
                        lambda parent, paths, warnings: answers.append((paths, warnings)) or "folder")
    monkeypatch.setattr(dialogs, "open_location", lambda path: opened.append(path) or True)
    with qtbot.waitSignal(window.exports.finished, timeout=10000):
        window.export_actions["word_official"].trigger()
        assert not window.export_dialog_action.isEnabled()  # one export at a time
    assert suggested[0][0] == "导出Word 正式版" and suggested[0][1].endswith("年度法治政府建设情况报告.docx")
    written = target.with_name("报告正式版.docx")
    assert written.read_text(encoding="utf-8") == "word-official"
    what, path, exported_report, thread = fake.calls[0]
    assert thread is not threading.main_thread()
    assert exported_report is not window.doc.report  # a snapshot: typing goes on meanwhile
    assert to_dict(exported_report) == to_dict(window.doc.report)
    assert "（导出前未保存的修改）" in exported_report.meta.notes  # pending typing was committed first
    assert answers == [([written], fake.warnings)]
    assert opened == [written.parent]
    assert window.isWindowModified()  # exporting is not saving
    assert window.export_dialog_action.isEnabled()


def test_export_both_into_a_folder_asks_before_replacing(make_window, report_copy, fake, monkeypatch, tmp_path,
                                                         qtbot):
    window = make_window(report_copy)
    monkeypatch.setattr(dialogs, "ask_export_kind", lambda parent: "word_and_excel")
    monkeypatch.setattr(dialogs, "get_folder", lambda *a: str(tmp_path))
    existing = tmp_path / default_file_name(window.doc.report, TARGETS["excel"])
    existing.write_text("old", encoding="utf-8")
    questions = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, ok="确定": questions.append(text) or False)
    window.export_dialog_action.trigger()
    assert existing.name in questions[0] and fake.calls == []
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    monkeypatch.setattr(dialogs, "ask_open_export_result", lambda *a: None)
    with qtbot.waitSignal(window.exports.finished, timeout=10000):
        window.export_dialog_action.trigger()
    assert [c[0] for c in fake.calls] == ["word-official", "excel"]
    assert existing.read_text(encoding="utf-8") == "excel"


def test_export_failure_is_shown_and_nothing_else_changes(make_window, report_copy, monkeypatch, tmp_path, qtbot):
    exporter = FakeExporter(error=OutputFileError(tmp_path / "x.xlsx", "磁盘空间不足，文件未写入，原文件保持不变。"))
    monkeypatch.setattr(export_jobs, "export_excel", exporter.excel)
    window = make_window(report_copy)
    monkeypatch.setattr(dialogs, "get_save_path", lambda *a: str(tmp_path / "x.xlsx"))
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append((title, message)))
    with qtbot.waitSignal(window.exports.failed, timeout=10000):
        window.export_actions["excel"].trigger()
    assert errors[0][0] == "导出失败" and "磁盘空间不足" in errors[0][1]
    assert not window.isWindowModified()


def test_export_dialog_offers_every_kind(qtbot):
    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    assert [b.text() for b in dialog.buttons.values()] == [k.mnemonic_label for k in EXPORT_KINDS.values()]
    dialog.buttons["excel"].setChecked(True)
    assert dialog.kind() == "excel"


def test_real_exporters_through_the_menu(make_window, report_copy, monkeypatch, tmp_path, qtbot):
    import docx
    import openpyxl
    window = make_window(report_copy)
    monkeypatch.setattr(dialogs, "get_folder", lambda *a: str(tmp_path))
    monkeypatch.setattr(dialogs, "ask_open_export_result", lambda *a: None)
    with qtbot.waitSignal(window.exports.finished, timeout=60000) as blocker:
        window.exports.start("word_and_excel")
    word, excel = (Path(p) for p in blocker.args[0])
    text = "\n".join(p.text for p in docx.Document(word).paragraphs)
    assert window.doc.report.meta.organ_name in text
    assert "{{" not in text
    book = openpyxl.load_workbook(excel)
    assert book.sheetnames


def test_excel_export_prints_the_table_number_block_from_the_preferences(make_window, report_copy, monkeypatch,
                                                                        tmp_path, qtbot):
    import openpyxl
    window = make_window(report_copy)
    window.settings.set_preferences({"form_number": "法治统01表", "issuing_organ": "江南市司法局",
                                     "approval_number": "江司〔2024〕8号", "valid_until": "2026年12月"})
    monkeypatch.setattr(dialogs, "get_save_path", lambda *a: str(tmp_path / "统计表.xlsx"))
    monkeypatch.setattr(dialogs, "ask_open_export_result", lambda *a: None)
    with qtbot.waitSignal(window.exports.finished, timeout=60000):
        window.export_actions["excel"].trigger()
    sheet = openpyxl.load_workbook(tmp_path / "统计表.xlsx").worksheets[0]
    cells = [str(c.value) for row in sheet.iter_rows(max_row=6) for c in row if c.value is not None]
    for text in ("法治统01表", "江南市司法局", "江司〔2024〕8号", "2026年12月"):
        assert any(text in c for c in cells), text
    assert any(window.doc.report.meta.organ_name in c for c in cells)


def test_without_the_block_the_excel_options_are_empty(fake, make_window, report_copy, monkeypatch, tmp_path, qtbot):
    window = make_window(report_copy)
    window.settings.set_preferences({"form_number": "法治统01表", "table_number_block": False})
    monkeypatch.setattr(dialogs, "get_save_path", lambda *a: str(tmp_path / "x.xlsx"))
    monkeypatch.setattr(dialogs, "ask_open_export_result", lambda *a: None)
    with qtbot.waitSignal(window.exports.finished, timeout=10000):
        window.export_actions["excel"].trigger()
    assert fake.options[0].block_lines() == []
    assert export_jobs.excel_options({"form_number": " 法治统01表 "}).block_lines() == ["表　　号：法治统01表"]


def _make_an_error(window):
    """办结 > 立案 is a warning; a typed rate above 100 % is an error."""
    form = window.editors.page("indicators")
    edit = form.rows["B06"].edits["value"]
    edit.setFocus()
    edit.selectAll()
    commit_text(edit, "120")


def test_export_asks_when_errors_remain_and_can_show_them(fake, make_window, report_copy, monkeypatch, tmp_path,
                                                          qtbot):
    window = make_window(report_copy)
    _make_an_error(window)
    asked = []
    monkeypatch.setattr(dialogs, "ask_export_with_errors",
                        lambda parent, what, errors: asked.append((what, errors)) or "review")
    assert not window.exports.start("excel")
    what, errors = asked[0]
    assert what == "Excel 统计表" and any("0～100%" in e and "B06" in e for e in errors)
    assert fake.calls == []
    assert window.outline.current_key() == "checks"  # 查看检查结果
    problems = window.editors.page("checks").model.problems("error")
    assert any(p.location is not None and getattr(p.location, "indicator_id", "") == "B06" for p in problems)

    monkeypatch.setattr(dialogs, "ask_export_with_errors", lambda *a: "cancel")
    assert not window.exports.start("excel") and fake.calls == []

    monkeypatch.setattr(dialogs, "ask_export_with_errors", lambda *a: "export")
    monkeypatch.setattr(dialogs, "get_save_path", lambda *a: str(tmp_path / "x.xlsx"))
    monkeypatch.setattr(dialogs, "ask_open_export_result", lambda *a: None)
    with qtbot.waitSignal(window.exports.finished, timeout=10000):
        assert window.exports.start("excel")
    assert [c[0] for c in fake.calls] == ["excel"]


def test_export_without_errors_does_not_ask(fake, make_window, report_copy, monkeypatch, tmp_path, qtbot):
    window = make_window(report_copy)
    report = window.doc.report
    report.set_preamble(report.preamble + ["半角逗号,在中文之间"])  # only a warning
    problems = window.checks.run_now()
    assert problems and not has_errors(problems)
    monkeypatch.setattr(dialogs, "get_save_path", lambda *a: str(tmp_path / "x.docx"))
    monkeypatch.setattr(dialogs, "ask_open_export_result", lambda *a: None)
    with qtbot.waitSignal(window.exports.finished, timeout=10000):
        window.exports.start("word_public")  # ask_export_with_errors would fail the test
    assert fake.calls[0][0] == "word-public"


def test_export_asks_while_last_years_text_is_marked_for_update(fake, make_window, report_copy, monkeypatch,
                                                                tmp_path, qtbot):
    from models.rollover import next_year_report
    from models.storage import load_report
    window = make_window()
    window.doc.new(next_year_report(load_report(report_copy), keep_text=True), modified=True)
    asked = []
    monkeypatch.setattr(dialogs, "ask_export_with_errors", lambda parent, what, errors: asked.append(errors) or "cancel")
    assert not window.exports.start("word_public") and fake.calls == []
    assert any(e.startswith("一、（一）第1段：仍标有「【待更新】」") for e in asked[0])


def test_font_preferences_reach_the_word_file(sample_report, tmp_path):
    """工具 → 选项 fonts and bold headings end up in the .docx styles."""
    import docx
    from docx.oxml.ns import qn

    prefs = {"title_font": "方正小标宋_GBK", "body_font": "仿宋", "heading1_font": "黑体",
             "heading2_font": "楷体", "bold_headings": True}
    options = export_jobs.word_options(prefs)
    assert (options.font_body, options.font_heading34, options.font_heading2) == ("仿宋", "仿宋", "楷体")
    out = tmp_path / "r.docx"
    export_jobs.export_word(sample_report, out, "public", options)
    fonts = {el.get(qn("w:eastAsia")) for el in docx.Document(out).styles.element.iter(qn("w:rFonts"))}
    assert {"方正小标宋_GBK", "仿宋", "楷体"} <= fonts
    assert "仿宋_GB2312" not in fonts
    assert export_jobs.word_options({}).font_body == "仿宋_GB2312"  # no preference: the standard's defaults


def test_aggregate_several_units_from_the_tools_menu(make_window, monkeypatch, tmp_path, qtbot):
    """A county's 司法局 gathers its departments' files: 工具 → 汇总多个单位 writes the 汇总表
    and says which files were left out and why."""
    import openpyxl

    from models.storage import save_report
    from models.templates import new_report
    units = tmp_path / "各单位报告"
    units.mkdir()
    for organ, a01 in (("某县司法局", 3), ("某县市场监督管理局（县知识产权局）", 4)):
        report = new_report("department", organ, 2025)
        report.set_value("A01", value=a01)
        save_report(report, units / f"{organ}.fzbg", backup=False)
    save_report(new_report("department", "某县财政局", 2024), units / "上年的.fzbg", backup=False)
    window = make_window()
    folders, saves, results = [], [], []
    monkeypatch.setattr(dialogs, "get_folder", lambda parent, title, start: folders.append(title) or str(units))
    monkeypatch.setattr(dialogs, "get_save_path",
                        lambda parent, title, start, filt: saves.append((title, start)) or str(tmp_path / "汇总"))
    monkeypatch.setattr(dialogs, "ask_open_export_result",
                        lambda parent, paths, warnings: results.append((paths, warnings)) or None)
    assert window.aggregate_action in window.menuBar().actions()[-1].menu().actions()  # 工具
    with qtbot.waitSignal(window.exports.finished, timeout=60000):
        window.aggregate_action.trigger()
        assert not window.aggregate_action.isEnabled()  # one export at a time
    assert "报告文件" in folders[0] and saves[0][1].startswith(str(units))
    paths, warnings = results[0]
    assert paths == [tmp_path / "汇总.xlsx"]
    assert warnings[0] == "已汇总 2 个单位的 2025 年度报告。"
    assert any("上年的.fzbg" in w and "2024" in w for w in warnings[1:])
    sheet = openpyxl.load_workbook(paths[0]).worksheets[0]
    rows = {row[1]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["A01"][3] == 7
    header = [str(c) for c in next(r for r in sheet.iter_rows(values_only=True) if r[0] == "指标名称") if c]
    assert "某县司法局" in header and "某县市场监督管理局（县知识产权局）" in header
    assert window.aggregate_action.isEnabled() and not window.isWindowModified()


def test_aggregate_of_a_folder_without_reports_says_so(make_window, monkeypatch, tmp_path, qtbot):
    window = make_window()
    monkeypatch.setattr(dialogs, "get_folder", lambda *a: str(tmp_path))
    monkeypatch.setattr(dialogs, "get_save_path", lambda *a: str(tmp_path / "汇总.xlsx"))
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append((title, message)))
    with qtbot.waitSignal(window.exports.failed, timeout=60000):
        window.aggregate_action.trigger()
    assert "没有可汇总的报告文件" in errors[0][1] and not (tmp_path / "汇总.xlsx").exists()
