"""The document wrapper: merging, clean state, lock file, save errors."""
from __future__ import annotations

import pytest

from models.errors import ReportFileError, UserFacingError
from models.storage import load_report
from ui.commands import MetaEdit, SectionEdit
from ui.document import ReportDocument, ReportLockedError, lock_path_for


@pytest.fixture
def doc(tmp_path):
    d = ReportDocument(recovery_folder=tmp_path / "rec")
    yield d
    d.close()


def test_same_field_edits_merge_until_sealed_and_going_back_is_no_step(doc, report_copy):
    doc.open(report_copy)
    r = doc.report
    original = r.meta.notes
    doc.push(MetaEdit(r, "notes", original + "甲", "x"))
    doc.push(MetaEdit(r, "notes", original + "甲乙", "x"))
    assert doc.undo_stack.count() == 1
    doc.push(MetaEdit(r, "notes", original, "x"))  # typed back to where it started
    assert doc.undo_stack.count() == 0 and not doc.is_modified
    doc.push(MetaEdit(r, "notes", "一", "x"))
    doc.seal()
    doc.push(MetaEdit(r, "notes", "一二", "x"))
    assert doc.undo_stack.count() == 2
    sid = r.sections[0].id
    doc.push(SectionEdit(r, sid, "heading", "新", "x"))  # another field never merges
    assert doc.undo_stack.count() == 3
    doc.undo()
    doc.undo()
    assert r.meta.notes == "一"


def test_save_marks_clean_and_undo_after_save_marks_modified(doc, report_copy):
    doc.open(report_copy)
    doc.push(MetaEdit(doc.report, "notes", "新附注", "x"))
    assert doc.is_modified
    doc.save()
    assert not doc.is_modified and load_report(report_copy).meta.notes == "新附注"
    doc.undo()
    assert doc.is_modified


def test_lock_file_keeps_a_second_document_out(doc, report_copy, tmp_path):
    doc.open(report_copy)
    assert lock_path_for(report_copy).exists()
    other = ReportDocument(recovery_folder=tmp_path / "rec2")
    with pytest.raises(ReportLockedError, match="已在另一个窗口中打开"):
        other.open(report_copy)
    assert other.path is None
    doc.close()
    assert not lock_path_for(report_copy).exists()
    other.open(report_copy)
    assert other.is_locked
    other.close()


def test_reopening_the_own_file_keeps_the_lock_and_a_failed_open_keeps_the_document(doc, report_copy, tmp_path):
    doc.open(report_copy)
    doc.open(report_copy)
    assert doc.is_locked and lock_path_for(report_copy).exists()
    broken = tmp_path / "坏.fzbg"
    broken.write_text("not json", encoding="utf-8")
    with pytest.raises(ReportFileError):
        doc.open(broken)
    assert doc.path == report_copy and lock_path_for(report_copy).exists()
    assert not lock_path_for(broken).exists()


def test_save_as_moves_the_lock_and_a_failed_save_changes_nothing(doc, report_copy, tmp_path):
    doc.open(report_copy)
    doc.push(MetaEdit(doc.report, "notes", "另存", "x"))
    with pytest.raises(UserFacingError, match="所在文件夹不存在"):
        doc.save_as(tmp_path / "没有这个文件夹" / "x.fzbg")
    assert doc.path == report_copy and doc.is_modified
    target = tmp_path / "另存.fzbg"
    doc.save_as(target)
    assert doc.path == target and not doc.is_modified
    assert lock_path_for(target).exists() and not lock_path_for(report_copy).exists()


def test_undo_and_redo_across_a_restored_recovery_copy_give_back_every_step(doc, report_copy):
    """Restoring a recovery copy is one undo step among others: going back past it and forward again must
    show each step's report exactly (the sections the earlier steps hold are the ones shown again)."""
    from models.report import Section
    from models.storage import dumps
    from ui.commands import AddSection, ReplaceContent

    doc.open(report_copy)
    r = doc.report
    states = [dumps(r)]
    added = Section(heading="甲")
    doc.push(AddSection(r, None, 0, added))
    states.append(dumps(r))
    doc.push(SectionEdit(r, added.id, "heading", "乙", "x"))
    states.append(dumps(r))
    recovered = load_report(report_copy)
    recovered.meta.notes = "恢复的附注"
    doc.push(ReplaceContent(r, recovered, "恢复自动保存的修改"))
    states.append(dumps(r))
    doc.push(SectionEdit(r, r.sections[0].id, "heading", "丙", "x"))
    states.append(dumps(r))
    for step in range(len(states) - 2, -1, -1):
        doc.undo()
        assert dumps(r) == states[step], f"undo to step {step}"
    for step in range(1, len(states)):
        doc.redo()
        assert dumps(r) == states[step], f"redo to step {step}"
