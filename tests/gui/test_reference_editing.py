"""Live references in the text editors: shown as numbers, stored as {{ID}}, edited as one unit."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from models.templates import new_report
from models.text import split_paragraphs
from ui import dialogs
from ui.commands import SectionEdit, ValueEdit
from ui.document import ReportDocument
from ui.reference_text import REF_ID, REFS_MIME
from ui.section_editor import ParagraphEdit, PreambleEditor, SectionEditor

from .helpers import commit_text

TEXT = "累计培训党员干部{{B05}}人次，开展法治讲座6场次。"
SHOWN = "累计培训党员干部1520人次，开展法治讲座6场次。"
REF_AT = SHOWN.index("1520")


@pytest.fixture
def doc(tmp_path):
    report = new_report("street", "江南市河西区人民政府青石街道办事处", 2024)
    report.set_value("B05", value=1520)
    d = ReportDocument(report, recovery_folder=tmp_path / "rec")
    yield d
    d.close()


@pytest.fixture
def section(doc):
    section = doc.report.sections[0].children[0]
    doc.report.update_section(section.id, paragraphs=[TEXT])
    return section


@pytest.fixture
def editor(doc, section, qtbot):
    editor = SectionEditor(doc)
    qtbot.addWidget(editor)
    editor.show_section(section.id)
    return editor


def place_cursor(edit, position: int, anchor=None) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(position if anchor is None else anchor)
    cursor.setPosition(position, QTextCursor.KeepAnchor)
    edit.setTextCursor(cursor)


def format_at(edit, position: int) -> QTextCharFormat:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def test_a_reference_shows_as_its_number_and_is_stored_as_the_marker(doc, section, editor):
    assert editor.body.toPlainText() == SHOWN
    assert format_at(editor.body, REF_AT).stringProperty(REF_ID) == "B05"
    assert not format_at(editor.body, REF_AT - 1).hasProperty(REF_ID)
    assert editor.count.text() == f"{len(SHOWN)} 字"  # what is printed
    editor.body.moveCursor(QTextCursor.End)
    commit_text(editor.body, "另有培训。")
    editor.body_commit.flush()
    assert section.paragraphs == [TEXT + "另有培训。"]


def test_a_changed_value_updates_every_open_editor_and_undo_returns(doc, section, editor, qtbot):
    doc.report.set_preamble(["全年培训{{B05}}人次。"])
    preamble = PreambleEditor(doc)
    qtbot.addWidget(preamble)
    assert preamble.body.toPlainText() == "全年培训1520人次。"
    steps = doc.undo_stack.count()
    doc.push(ValueEdit(doc.report, "B05", "value", 1600, "修改数值"))
    assert editor.body.toPlainText() == SHOWN.replace("1520", "1600")
    assert preamble.body.toPlainText() == "全年培训1600人次。"
    # showing the new number is not an edit of the text
    doc.flush()
    assert doc.undo_stack.count() == steps + 1 and section.paragraphs == [TEXT]
    doc.undo()
    assert editor.body.toPlainText() == SHOWN and preamble.body.toPlainText() == "全年培训1520人次。"


def test_a_reference_to_an_empty_indicator_is_shown_as_a_problem(doc, section, editor):
    doc.push(ValueEdit(doc.report, "B05", "value", None, "清空数值"))
    shown = editor.body.toPlainText()
    assert "〔未填：干部法治培训（轮训）人次〕人次" in shown and "1520" not in shown
    fmt = format_at(editor.body, REF_AT)
    assert fmt.stringProperty(REF_ID) == "B05" and fmt.underlineStyle() == QTextCharFormat.WaveUnderline
    doc.flush()
    assert section.paragraphs == [TEXT]


def test_the_picker_inserts_at_the_cursor_and_typing_after_it_stays_text(doc, section, editor, monkeypatch):
    doc.report.update_section(section.id, paragraphs=["累计培训人次。"])
    place_cursor(editor.body, 4)
    monkeypatch.setattr(dialogs, "pick_indicator", lambda parent, report: "B05")
    editor.insert_ref.click()
    assert section.paragraphs == ["累计培训{{B05}}人次。"]
    assert editor.body.toPlainText() == "累计培训1520人次。"
    commit_text(editor.body, "余")
    editor.body_commit.flush()
    assert section.paragraphs == ["累计培训{{B05}}余人次。"]


def test_the_cursor_never_stops_inside_a_reference(editor, qtbot):
    body = editor.body
    place_cursor(body, REF_AT)
    qtbot.keyClick(body, Qt.Key_Right)
    assert body.textCursor().position() == REF_AT + 4
    qtbot.keyClick(body, Qt.Key_Left)
    assert body.textCursor().position() == REF_AT
    for clicked, edge in ((REF_AT + 1, REF_AT), (REF_AT + 3, REF_AT + 4)):  # a click: the nearer edge
        place_cursor(body, len(SHOWN))
        place_cursor(body, clicked)
        assert body.textCursor().position() == edge


def test_backspace_and_delete_remove_a_reference_whole_and_undo_restores(doc, section, editor, qtbot):
    body = editor.body
    place_cursor(body, REF_AT + 4)
    qtbot.keyClick(body, Qt.Key_Backspace)
    assert body.toPlainText() == SHOWN.replace("1520", "")
    editor.body_commit.flush()
    assert section.paragraphs == [TEXT.replace("{{B05}}", "")]
    doc.undo()
    assert section.paragraphs == [TEXT] and body.toPlainText() == SHOWN
    place_cursor(body, REF_AT)
    qtbot.keyClick(body, Qt.Key_Delete)
    editor.body_commit.flush()
    assert section.paragraphs == [TEXT.replace("{{B05}}", "")]
    doc.undo()
    assert body.toPlainText() == SHOWN


def test_deleting_a_selection_across_part_of_a_reference_removes_it_whole(doc, section, editor, qtbot):
    body = editor.body
    place_cursor(body, REF_AT + 2, anchor=REF_AT - 2)  # 「干部15」
    assert body.textCursor().selectedText() == "干部1520"
    qtbot.keyClick(body, Qt.Key_Delete)
    editor.body_commit.flush()
    assert section.paragraphs == ["累计培训党员人次，开展法治讲座6场次。"]
    doc.undo()
    assert section.paragraphs == [TEXT] and body.toPlainText() == SHOWN


def test_copy_and_paste_keeps_the_reference_and_gives_other_programs_the_number(doc, section, editor):
    body = editor.body
    place_cursor(body, REF_AT + 6, anchor=REF_AT - 4)
    data = body.createMimeDataFromSelection()
    assert data.text() == "党员干部1520人次"
    assert bytes(data.data(REFS_MIME)).decode("utf-8") == "党员干部{{B05}}人次"
    body.moveCursor(QTextCursor.End)
    body.insertFromMimeData(data)
    editor.body_commit.flush()
    assert section.paragraphs == [TEXT + "党员干部{{B05}}人次"]
    doc.push(ValueEdit(doc.report, "B05", "value", 1700, "修改数值"))
    assert body.toPlainText().count("1700") == 2


def assert_spans_select(editor, stored: str, words: str) -> None:
    """A span of ``words`` in the stored text selects them; a span from the reference to 人次
    selects the number shown and 人次."""
    start = stored.index(words)
    editor.select_text(0, (start, start + len(words)))
    assert editor.body.textCursor().selectedText() == words
    ref = stored.index("{{B05}}")
    editor.select_text(0, (ref, ref + len("{{B05}}人次")))
    assert editor.body.textCursor().selectedText() == "1520人次"


def test_a_problem_span_of_the_stored_text_selects_the_same_words(doc, section, editor):
    assert_spans_select(editor, TEXT, "法治讲座")


def test_an_edit_elsewhere_in_the_report_leaves_the_shown_number(doc, section, editor):
    other = doc.report.sections[0].children[1]
    doc.push(SectionEdit(doc.report, other.id, "paragraphs", ["另一段。"], "修改正文"))
    assert editor.body.toPlainText() == SHOWN


# Characters outside the BMP (rare name characters such as 𠀀, emoji) are two UTF-16 units in Qt
# and one character in Python; references after them used to be read back one place off.
ASTRAL = "𠀀村社区培训{{B05}}人次，😀{{B06a}}件。"


@pytest.mark.parametrize("filled", [True, False])
def test_typing_in_a_paragraph_with_rare_characters_before_a_reference_stores_what_was_typed(
        doc, section, editor, filled):
    if not filled:
        doc.report.set_value("B05", value=None)
        editor.show_section(section.id)
    doc.push(SectionEdit(doc.report, section.id, "paragraphs", [ASTRAL], "修改正文"))
    body = editor.body
    body.moveCursor(QTextCursor.End)
    commit_text(body, "另有")
    editor.body_commit.flush()
    assert doc.report.find_section(section.id).paragraphs == [ASTRAL + "另有"]


def test_a_problem_span_after_rare_characters_selects_the_same_words(doc, section, editor):
    doc.push(SectionEdit(doc.report, section.id, "paragraphs", [ASTRAL], "修改正文"))
    assert_spans_select(editor, ASTRAL, "培训")
    doc.push(SectionEdit(doc.report, section.id, "heading", "😀深入学习宣传", "修改标题"))
    editor.select_text(None, (1, 3))
    assert editor.heading.selectedText() == "深入"


_CHARS = st.one_of(st.sampled_from("法治，。{}𠀀😀𪚥 \t\u3000"), st.characters(blacklist_categories=("Cs",)))
_PIECES = st.one_of(st.text(_CHARS, max_size=8), st.sampled_from(["{{B05}}", "{{B06a}}", "{{Z99}}", "{{", "}}"]))


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.lists(_PIECES, max_size=5).map("".join), max_size=4))
def test_any_stored_text_reads_back_from_the_editor_unchanged(doc, texts):
    """What the editor shows and hands back after an edit is what the report holds, character for
    character (the editor only drops what the model never keeps: empty lines, edge spaces)."""
    paragraphs = split_paragraphs("\n".join(texts))
    edit = ParagraphEdit(doc)
    edit.set_paragraphs(paragraphs)
    assert edit.paragraphs() == paragraphs
    edit.deleteLater()


def test_a_reference_to_a_custom_indicator_named_over_two_lines_stays_in_its_paragraph(doc, section, editor):
    doc.report.add_custom_indicator("网格\n巡查", "次")
    editor.show_section(section.id)
    editor.body.moveCursor(QTextCursor.End)
    editor.body.insert_reference("X01")
    commit_text(editor.body, "。")
    editor.body_commit.flush()
    assert doc.report.find_section(section.id).paragraphs == [TEXT + "{{X01}}。"]
