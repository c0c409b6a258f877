"""文件 → 导入… / 粘贴导入… and 新建 → 以上年报告为基础: the report opens untitled and
modified, with only the numbers the user accepted (or reassigned) in the statistics."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from benchmarks.plain_docx import write_plain_docx
from importers import ImportResult, import_text
from models.catalogue import default_catalogue
from models.report import Report
from models.rollover import PENDING_MARK
from models.storage import load_report
from ui import dialogs
from ui.import_review_dialog import ImportReviewDialog, indicators_for_unit, suggest_custom_name
from ui.new_report_dialog import NewReportChoice, NewReportDialog
from ui.paste_import_dialog import PastedReport, PasteImportDialog
from ui.settings import AppSettings

from .helpers import commit_text

WEB_PAGE = """您当前所在的位置：首页 > 政务公开 > 法治政府建设
江南市河西区人民政府青石街道办事处关于2023年度法治政府建设情况的报告
发布日期：2024-01-05 来源：青石街道
区委全面依法治区委员会办公室：
2023年，青石街道坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）抓实学法用法。全年累计轮训党员干部1860人次，为干部群众举办法治讲座6场次。
（二）化解矛盾纠纷。累计成功调解各项纠纷141件，调解成功率超过95%，新建口袋公园3个。
二、存在的不足和原因
一是法治宣传方式还不够新颖；二是执法队伍力量不足。原因在于培训投入不够。
三、党政主要负责人履行推进法治建设第一责任人职责情况
街道党工委书记切实履行第一责任人职责，专题研究法治工作4次。
四、2024年工作计划
力争调解成功率达到98%，继续加强执法队伍建设。
江南市河西区人民政府青石街道办事处
2023年12月20日
联系我们 | 网站地图
"""
ORGAN = "江南市河西区人民政府青石街道办事处"


class Review:
    """Stands in for dialogs.review_import: drives the real dialog as the user would."""

    def __init__(self, qtbot, act=None):
        self.qtbot, self.act = qtbot, act
        self.seen: list[ImportReviewDialog] = []

    def __call__(self, parent, result):
        dialog = ImportReviewDialog(result, parent=parent)
        self.qtbot.addWidget(dialog)
        self.seen.append(dialog)
        if self.act == "cancel":
            return None
        if self.act:
            self.act(dialog)
        return dialog.decision()


def row_of(dialog: ImportReviewDialog, indicator_id: str) -> int:
    from ui.import_review_dialog import IndicatorRole
    return next(r for r in range(dialog.proposals.rowCount())
                if dialog.proposals.item(r, 1).data(IndicatorRole) == indicator_id)


@pytest.fixture
def web_txt(tmp_path) -> Path:
    path = tmp_path / "青石街道2023年报告.txt"
    path.write_text(WEB_PAGE, encoding="gb18030")  # as saved from a browser on a Chinese PC
    return path


def test_import_a_text_file_with_accepted_rejected_and_reassigned_numbers(make_window, report_copy, web_txt,
                                                                         monkeypatch, qtbot):
    window = make_window(report_copy)
    window.resize(1000, 600)  # room for the whole status message
    monkeypatch.setattr(dialogs, "get_import_path", lambda parent, folder: str(web_txt))

    def decide(dialog):
        dialog.set_accepted(row_of(dialog, "B02"), False)  # 法治讲座: not taken
        dialog.reassign(row_of(dialog, "A01"), "A03")  # 专题研究 4次 → another indicator counted in 次
        dialog.keep_as_custom(0, "新建口袋公园")
    review = Review(qtbot, decide)
    monkeypatch.setattr(dialogs, "review_import", review)
    window.import_action.trigger()

    report = window.doc.report
    assert report.meta.organ_name == ORGAN and report.meta.report_year == 2023
    assert [s.heading for s in report.sections][:2] == ["主要举措和成效", "存在的不足和原因"]
    assert report.value_of("B05").value == 1860
    assert (report.value_of("I04").value, report.value_of("I04").qualifier) == (95, "超过")
    assert report.value_of("B02").value is None  # rejected
    assert report.value_of("A01").value is None and report.value_of("A03").value == 4  # reassigned
    custom = report.custom_indicators[0]
    assert (custom.name, custom.unit, report.value_of(custom.id).value) == ("新建口袋公园", "个", 3)
    # a new, untitled report that is not saved anywhere yet
    assert window.doc.path is None and window.windowTitle() == "未命名[*] — 法治报告"
    assert window.isWindowModified() and window.status.save_state.text().startswith("有未保存的修改")
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: asked.append(name) or "cancel")
    assert not window.files.maybe_save() and asked == ["未命名"]
    assert window.statusBar().currentMessage() == "已导入「青石街道2023年报告.txt」：5 个数字填入统计表。请核对后保存。"


def test_the_review_dialog_shows_what_was_found(qtbot, web_txt):
    result = import_text(WEB_PAGE)
    result.warnings.append("第 3 行的文字无法归入任何标题，已作为开头段落保留")
    dialog = ImportReviewDialog(result)
    qtbot.addWidget(dialog)
    assert dialog.proposals.rowCount() == len(result.proposals) == 5
    first = result.proposals[0]
    assert dialog.proposals.item(0, 0).text() == "1860人次" and dialog.proposals.item(0, 0).checkState() == Qt.Checked
    assert dialog.proposals.item(0, 1).text().startswith(first.indicator_id)
    assert dialog.proposals.item(0, 2).text() == first.mention.phrase
    assert dialog.proposals.item(row_of(dialog, "I04"), 0).text() == "超过95%"
    assert "无法归入" in dialog.warnings_text.toPlainText()
    assert dialog.unmatched.item(0, 1).text() == "新建口袋公园"
    assert dialog.unmatched.item(0, 0).checkState() == Qt.Unchecked  # only if the user wants it
    decision = dialog.decision()
    assert [p.indicator_id for p in decision.accepted] == [p.indicator_id for p in result.proposals]
    assert decision.custom == []


def test_reassigning_offers_only_indicators_of_the_same_unit(qtbot):
    result = import_text(WEB_PAGE)
    dialog = ImportReviewDialog(result)
    qtbot.addWidget(dialog)
    row = row_of(dialog, "B05")  # 人次
    index = dialog.proposals.index(row, 1)
    delegate = dialog.proposals_view.itemDelegateForColumn(1)
    combo = delegate.createEditor(dialog.proposals_view.viewport(), None, index)
    delegate.setEditorData(combo, index)
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert combo.currentData() == "B05"
    cat = default_catalogue()
    assert offered == [ind.id for ind in indicators_for_unit(cat, "人次")]
    assert all("人次" in cat.get(i).units or cat.get(i).unit == "人次" for i in offered)
    assert "I03" not in offered  # 件
    other = next(i for i in offered if i != "B05")
    combo.setCurrentIndex(combo.findData(other))
    delegate.setModelData(combo, dialog.proposals, index)
    assert dialog.decision().accepted[row].indicator_id == other
    combo.deleteLater()


def test_import_a_built_docx(make_window, report_copy, sample_report, tmp_path, monkeypatch, qtbot):
    source = write_plain_docx(sample_report, tmp_path / "上年报告.docx", numbering="paragraph")
    window = make_window(report_copy)
    monkeypatch.setattr(dialogs, "get_import_path", lambda parent, folder: str(source))
    rejected = []

    def decide(dialog):  # keep all but the first proposal
        dialog.set_accepted(0, False)
        rejected.append(dialog.result.proposals[0].indicator_id)
    review = Review(qtbot, decide)
    monkeypatch.setattr(dialogs, "review_import", review)
    monkeypatch.setattr(dialogs, "show_warnings", lambda *a: None)
    window.import_action.trigger()

    report = window.doc.report
    assert [s.heading for s in report.sections] == [s.heading for s in sample_report.sections]
    first_found = {}
    for p in review.seen[0].result.proposals[1:]:
        first_found.setdefault(p.indicator_id, p.mention.value)
    assert len(first_found) > 5
    cat = default_catalogue()
    for ind_id, value in first_found.items():  # a rate the counts give is computed, not stored
        assert cat.effective(report, ind_id) == pytest.approx(value, abs=0.05), ind_id
    # the sample's text agrees with its statistics: the imported numbers are the sample's
    known = [i for i in first_found if sample_report.value_of(i).value is not None]
    assert len(known) > 5
    assert all(cat.effective(report, i) == pytest.approx(cat.effective(sample_report, i), abs=0.05) for i in known)
    if rejected[0] not in first_found:
        assert report.value_of(rejected[0]).value is None
    assert window.doc.path is None and window.isWindowModified()


def test_a_file_that_cannot_be_imported_is_a_chinese_message(make_window, report_copy, tmp_path, monkeypatch):
    window = make_window(report_copy)
    bad = tmp_path / "上年报告.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # an old binary Word file
    monkeypatch.setattr(dialogs, "get_import_path", lambda parent, folder: str(bad))
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append((title, message)))
    window.import_action.trigger()
    assert errors[0][0] == "无法导入" and "上年报告.doc" in errors[0][1] and ".docx" in errors[0][1]
    assert window.doc.path == report_copy.absolute() and not window.isWindowModified()


def test_paste_import(make_window, monkeypatch, qtbot):
    window = make_window()
    monkeypatch.setattr(dialogs, "ask_pasted_report", lambda parent: PastedReport(WEB_PAGE))
    monkeypatch.setattr(dialogs, "review_import", Review(qtbot))
    window.paste_import_action.trigger()
    report = window.doc.report
    assert report.meta.effective_title == f"{ORGAN}关于2023年度法治政府建设情况的报告"
    assert report.value_of("I03").value == 141 and report.value_of("B02").value == 6
    assert not any("联系我们" in p for s, _, _ in report.iter_sections() for p in s.paragraphs)
    assert window.isWindowModified()


def test_cancelling_the_review_changes_nothing(make_window, report_copy, monkeypatch, qtbot):
    window = make_window(report_copy)
    before = window.doc.report.meta.organ_name
    monkeypatch.setattr(dialogs, "ask_pasted_report", lambda parent: PastedReport(WEB_PAGE))
    monkeypatch.setattr(dialogs, "review_import", Review(qtbot, "cancel"))
    window.paste_import_action.trigger()
    assert window.doc.report.meta.organ_name == before and window.doc.path == report_copy.absolute()


def test_paste_dialog_needs_text(qtbot):
    dialog = PasteImportDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert not ok.isEnabled()
    title = f"{ORGAN}关于2023年度法治政府建设情况的报告"
    commit_text(dialog.text, title)
    assert ok.isEnabled() and dialog.pasted_text() == title
    assert dialog.count.text() == f"{len(title)} 字"


def test_custom_name_suggestion():
    result = import_text(WEB_PAGE)
    assert suggest_custom_name(result.unmatched[0]) == "新建口袋公园"
    empty = ImportResult(report=Report())
    assert empty.proposals == [] and empty.unmatched == []


def new_from_last_year(make_window, monkeypatch, path, keep_text: bool):
    """新建 with 以上年报告为基础 chosen in the dialog (the template fields are then unused)."""
    window = make_window()
    monkeypatch.setattr(dialogs, "ask_new_report", lambda parent, settings: NewReportChoice(
        "", "", None, 0, last_year_path=str(path), keep_text=keep_text))
    window.new_action.trigger()
    return window


def test_new_report_from_last_years(make_window, report_copy, sample_report, monkeypatch):
    window = new_from_last_year(make_window, monkeypatch, report_copy, keep_text=True)
    report = window.doc.report
    year = sample_report.meta.report_year
    assert report.meta.report_year == year + 1 and report.meta.organ_name == sample_report.meta.organ_name
    assert [s.id for s in report.sections] == [s.id for s in sample_report.sections]
    assert report.value_of("F01").last_year == sample_report.value_of("F01").value
    assert report.value_of("F01").value is None
    first = report.sections[0].children[0]
    assert first.paragraphs[0].startswith(PENDING_MARK)
    assert window.doc.path is None and window.isWindowModified()
    assert load_report(report_copy).meta.report_year == year  # last year's file is only read
    assert window.checks._last_year is not None  # year-on-year checks use last year's report


def test_new_report_from_last_year_without_the_text(make_window, report_copy, sample_report, monkeypatch):
    report = new_from_last_year(make_window, monkeypatch, report_copy, keep_text=False).doc.report
    assert all(not s.paragraphs for s, _, _ in report.iter_sections()) and not report.preamble
    year = sample_report.meta.report_year
    assert [s.heading for s in report.sections] == [s.heading.replace(f"{year + 1}年", f"{year + 2}年")
                                                    .replace(f"{year}年", f"{year + 1}年")
                                                    for s in sample_report.sections]


def test_the_new_report_dialog_offers_last_years_report(qtbot, report_copy, tmp_path, monkeypatch):
    dialog = NewReportDialog(AppSettings())
    qtbot.addWidget(dialog)
    assert dialog.from_template.isChecked() and dialog.template_box.isEnabled()
    monkeypatch.setattr(dialogs, "get_open_path", lambda parent, start: str(report_copy))
    dialog.browse.click()  # 浏览… chooses the file and switches to 以上年报告为基础
    assert dialog.from_last_year.isChecked() and not dialog.template_box.isEnabled()
    assert "→ 新报告为 2025年度" in dialog.last_year_note.text() and dialog.ok_button.isEnabled()
    dialog.clear_text.setChecked(True)
    choice = dialog.choice()
    assert choice.last_year_path == str(report_copy) and choice.keep_text is False
    broken = tmp_path / "坏文件.fzbg"
    broken.write_text("不是报告", encoding="utf-8")
    dialog.last_year_path.setText(str(broken))
    assert not dialog.ok_button.isEnabled() and "坏文件.fzbg" in dialog.last_year_note.text()
    dialog.from_template.setChecked(True)
    assert dialog.choice().last_year_path is None


def test_a_paste_from_a_browser_keeps_its_html_while_the_text_is_as_pasted(qtbot):
    """The clipboard's HTML says which lines are bold and which stand right; it is used only for
    exactly the text that was pasted."""
    from PySide6.QtCore import QMimeData

    dialog = PasteImportDialog()
    qtbot.addWidget(dialog)
    mime = QMimeData()
    mime.setText("标题\n一、工作")
    mime.setHtml("<p><b>标题</b></p><p>一、工作</p>")
    dialog.text.insertFromMimeData(mime)
    assert dialog.pasted() == PastedReport("标题\n一、工作", "<p><b>标题</b></p><p>一、工作</p>")
    commit_text(dialog.text, "改")  # edited after the paste: the HTML no longer says the same
    assert dialog.pasted().html == ""


def test_paste_import_reads_the_browsers_html(make_window, monkeypatch, qtbot):
    """A run-in heading ending in ？ is told from its paragraph only by its bold: the HTML of the paste says it."""
    window = make_window()
    html = ("<p style='text-align:center'><b>某某镇2024年法治政府建设情况报告</b></p><p><b>一、主要工作</b></p>"
            "<p><b>（一）如何抓学习？</b>全年学法12次。</p><p><b>二、存在问题</b></p><p>学习不够深入。</p>"
            "<p style='text-align:right'>某某镇人民政府</p><p style='text-align:right'>2025年1月10日</p>")
    text = "某某镇2024年法治政府建设情况报告\n一、主要工作\n（一）如何抓学习？全年学法12次。\n二、存在问题\n学习不够深入。\n" \
           "某某镇人民政府\n2025年1月10日"
    monkeypatch.setattr(dialogs, "ask_pasted_report", lambda parent: PastedReport(text, html))
    monkeypatch.setattr(dialogs, "review_import", Review(qtbot))
    window.paste_import_action.trigger()
    first = window.doc.report.sections[0].children[0]
    assert (first.heading, first.run_in, first.paragraphs) == ("如何抓学习？", True, ["全年学法12次。"])
