"""Property-based probe of "never loses work; every edit can be undone".

A hypothesis state machine edits the report the way the window does — through
ReportDocument.push with the undo commands the editors build, the outline model's
drag and drop, typing and 「插入数字引用」 in the section editor, doc.undo/redo, save and
the recovery copy — and checks after every step what a user would check:

* the report is exactly what it was when the undo stack last stood at this index
  (so undoing everything gives the opened file back and redoing everything the last state);
* "not modified" means the file on disk says what the window shows;
* the modified mark shown (modifiedChanged) agrees with the stack;
* saving and reopening, and restoring the recovery copy, give the same report;
* the 检查结果 panel (a CheckSession re-checking only what changed) lists what a full check lists.
"""
from __future__ import annotations

import datetime as dt
import shutil

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtGui import QTextCursor

from models.checks import CheckSession, run_checks
from models.numbering import MAX_LEVEL
from models.report import QUALIFIERS, DocNumber, OrganLevel, Part, Report, Section
from models.storage import dumps, load_report, loads
from models.text import split_paragraphs
from ui.commands import (AddCustomIndicator, AddSection, ChangeReportYear, MetaEdit, MoveSection, PreambleEdit,
                         RemoveCustomIndicator, RemoveSection, SectionEdit, ValueEdit)
from ui.document import ReportDocument
from ui.outline_model import BODY, SECTION_MIME, NumberRole, OutlineModel, section_key
from ui.recovery import wait_for_writes
from ui.section_editor import SectionEditor

from .helpers import commit_text

# Any text a user can type or paste: Chinese, astral characters, controls; no lone surrogates.
TEXT = st.text(st.one_of(st.sampled_from("法治政府建设年度报告，。、；：“”（）〔〕𠀀😀 \u3000\t2025"),
                         st.characters(blacklist_categories=("Cs",))), max_size=12)
LINES = st.lists(TEXT.filter(lambda s: "\n" not in s), max_size=3)
NUMBERS = st.one_of(st.none(), st.integers(0, 10**9), st.floats(0, 1e9, allow_nan=False))
CATALOGUE_IDS = ["B05", "E05", "F01", "F02", "I03", "I04"]
MOVES = {"上移标题": Report.move_up, "下移标题": Report.move_down, "标题降级": Report.indent,
         "标题升级": Report.outdent}


class DocumentEdits(RuleBasedStateMachine):
    """One open report file edited at random; ``tmp`` and ``sample`` are set by the test."""

    tmp = None
    sample = None

    def __init__(self):
        super().__init__()
        self.path = self.tmp / f"报告{id(self)}.fzbg"
        shutil.copyfile(self.sample, self.path)
        self.doc = ReportDocument(recovery_folder=self.tmp / "recovery")
        self.doc.open(self.path)
        self.model = OutlineModel(self.doc)
        self.editor = None
        self.last_section = None
        self.session = CheckSession(self.doc.report).attach()  # the 检查结果 panel's
        self.shown_modified = [False]
        self.doc.modifiedChanged.connect(self.shown_modified.append)
        self.saved_text = dumps(load_report(self.path))  # the sample is not in canonical key order
        # What the report was at each index of the undo stack.
        self.at_index = {0: dumps(self.doc.report)}

    # -- helpers ---------------------------------------------------------------------------
    @property
    def report(self) -> Report:
        return self.doc.report

    def section_ids(self) -> list[str]:
        return [s.id for s, _, _ in self.report.iter_sections()]

    def pick(self, data, ids=None):
        """A section id from ``ids`` (default: every section); like a user, mostly the one worked on last."""
        ids = self.section_ids() if ids is None else ids
        if self.last_section in ids and data.draw(st.booleans()):
            return self.last_section
        self.last_section = data.draw(st.sampled_from(ids)) if ids else None
        return self.last_section

    def indicator(self, data) -> str:
        """A row of the statistics form: a catalogue indicator or one of the custom ones."""
        return data.draw(st.sampled_from(CATALOGUE_IDS + [c.id for c in self.report.custom_indicators]))

    def pushed(self, command) -> None:
        """Push like an editor and remember the state the new stack index stands for."""
        self.doc.push(command)
        self.record()

    def record(self) -> None:
        index = self.doc.undo_stack.index()
        self.at_index = {i: text for i, text in self.at_index.items() if i < index}
        self.at_index[index] = dumps(self.report)

    # -- outline ---------------------------------------------------------------------------
    @rule(data=st.data(), child=st.booleans(), heading=TEXT)
    def add_section(self, data, child, heading):
        sid = self.pick(data, self.section_ids() + [None])
        if child and sid is not None:
            if self.report.level_of(sid) >= MAX_LEVEL:
                return
            parent_id, index = sid, None
        elif sid is None:
            parent_id, index = None, None
        else:
            parent, index = self.report.locate(sid)
            parent_id, index = (parent.id if parent else None), index + 1
        self.pushed(AddSection(self.report, parent_id, index, Section(heading=heading.strip() or "新标题")))

    @precondition(lambda self: self.report.sections)
    @rule(data=st.data())
    def delete_section(self, data):
        self.pushed(RemoveSection(self.report, self.pick(data)))

    @precondition(lambda self: self.report.sections)
    @rule(data=st.data(), heading=TEXT)
    def rename_section(self, data, heading):
        section = self.report.find_section(self.pick(data))
        if heading.strip() != section.heading:  # OutlineModel.setData
            self.pushed(SectionEdit(self.report, section.id, "heading", heading.strip(), "修改标题"))

    @precondition(lambda self: self.report.sections)
    @rule(data=st.data(), move=st.sampled_from(sorted(MOVES)))
    def move_section(self, data, move):
        self.pushed(MoveSection(self.report, self.pick(data), MOVES[move], move))

    @precondition(lambda self: self.report.sections)
    @rule(data=st.data(), row=st.integers(-1, 8))
    def drag_and_drop(self, data, row):
        sid = self.pick(data)
        target = self.pick(data, self.section_ids() + [None])
        mime = QMimeData()
        mime.setData(SECTION_MIME, QByteArray(sid.encode("utf-8")))
        parent = self.model.index_of_key(BODY if target is None else section_key(target))
        if self.model.canDropMimeData(mime, Qt.MoveAction, row, 0, parent):
            assert self.model.dropMimeData(mime, Qt.MoveAction, row, 0, parent)
            self.record()

    # -- text ------------------------------------------------------------------------------
    @precondition(lambda self: self.report.sections)
    @rule(data=st.data(), typed=st.lists(LINES, min_size=1, max_size=4), leave=st.booleans())
    def type_body(self, data, typed, leave):
        """Typing pauses several times in one field (merged into one undo step until the user leaves)."""
        section = self.report.find_section(self.pick(data))
        for paragraphs in typed:
            if paragraphs != section.paragraphs:
                self.pushed(SectionEdit(self.report, section.id, "paragraphs", paragraphs, "修改正文"))
        if leave:
            self.doc.seal()

    @precondition(lambda self: self.report.sections)
    @rule(data=st.data(), typed=st.lists(st.text(st.sampled_from("法治𠀀😀𪚥，。0"), max_size=3), min_size=1,
                                         max_size=3))
    def type_in_the_editor(self, data, typed):
        """In the section editor (references shown as numbers) type at the end, inserting a live
        reference between the pieces as the 「插入数字引用」 picker does: the report gains exactly that."""
        if self.editor is None:
            self.editor = SectionEditor(self.doc)
        section = self.report.find_section(self.pick(data))
        self.editor.show_section(section.id)
        body = self.editor.body
        body.moveCursor(QTextCursor.End)
        stored = "\n".join(section.paragraphs)
        for i, piece in enumerate(typed):
            if i:
                indicator = self.indicator(data)
                body.insert_reference(indicator)
                stored += f"{{{{{indicator}}}}}"
            if piece:
                commit_text(body, piece)
                stored += piece
        self.editor.body_commit.finish()
        typed_anything = len(typed) > 1 or typed[0]  # else nothing is committed: the text stays as it was
        after = split_paragraphs(stored) if typed_anything else section.paragraphs
        assert self.report.find_section(section.id).paragraphs == after
        self.record()

    @rule(typed=st.lists(LINES, min_size=1, max_size=3))
    def type_preamble(self, typed):
        for paragraphs in typed:
            if paragraphs != self.report.preamble:
                self.pushed(PreambleEdit(self.report, paragraphs, "修改开头段"))

    @precondition(lambda self: self.report.sections)
    @rule(data=st.data(), missing=st.booleans(), at_end=st.booleans())
    def insert_reference(self, data, missing, at_end):
        indicator = "Z99" if missing else self.indicator(data)
        section = self.report.find_section(self.pick(data))
        paragraphs = list(section.paragraphs) or [""]
        i = len(paragraphs) - 1
        marker = f"{{{{{indicator}}}}}"
        paragraphs[i] = paragraphs[i] + marker if at_end else marker + paragraphs[i]
        self.pushed(SectionEdit(self.report, section.id, "paragraphs", paragraphs, "插入数字引用"))

    @precondition(lambda self: self.report.sections)
    @rule(data=st.data(), part=st.sampled_from([None, *Part]))
    def toggle_run_in_and_part(self, data, part):
        section = self.report.find_section(self.pick(data))
        self.pushed(SectionEdit(self.report, section.id, "run_in", not section.run_in, "标题与正文同段"))
        if self.report.level_of(section.id) == 1 and part != section.part:
            self.pushed(SectionEdit(self.report, section.id, "part", part, "标注报告部分"))

    @rule()
    def leave_field(self):
        self.doc.seal()

    # -- 基本信息 ------------------------------------------------------------------------------
    @rule(field=st.sampled_from(["organ_name", "signature_name", "printing_organ", "notes"]),
          typed=st.lists(TEXT, min_size=1, max_size=3))
    def type_meta_line(self, field, typed):
        for text in typed:
            if text.strip() != getattr(self.report.meta, field):
                self.pushed(MetaEdit(self.report, field, text.strip(), "修改基本信息"))

    @rule(typed=st.lists(TEXT, min_size=1, max_size=3))
    def type_title(self, typed):
        for text in typed:
            if text != self.report.meta.title:
                self.pushed(MetaEdit(self.report, "title", text, "修改标题"))

    @rule(field=st.sampled_from(["addressees", "signers", "cc", "attachments"]), lines=LINES)
    def edit_list(self, field, lines):
        if lines != getattr(self.report.meta, field):
            self.pushed(MetaEdit(self.report, field, lines, "修改基本信息"))

    @rule(level=st.sampled_from(list(OrganLevel)))
    def change_level(self, level):
        if level != self.report.meta.organ_level:
            self.pushed(MetaEdit(self.report, "organ_level", level, "修改机关层级"))

    @rule(year=st.integers(2020, 2030))
    def change_year(self, year):
        if year != self.report.meta.report_year:  # MetaForm._change_year
            self.pushed(ChangeReportYear(self.report, year))

    @rule(field=st.sampled_from(["signing_date", "printing_date"]),
          date=st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2031, 12, 31))))
    def change_date(self, field, date):
        if date != getattr(self.report.meta, field):
            self.pushed(MetaEdit(self.report, field, date, "修改日期"))

    @rule(code=TEXT, year=st.integers(0, 2100), serial=st.integers(0, 999))
    def change_doc_number(self, code, year, serial):
        number = DocNumber(code.strip(), year or None, serial or None)  # MetaForm._read_doc_number
        if number != self.report.meta.doc_number:
            self.pushed(MetaEdit(self.report, "doc_number", number, "修改发文字号"))

    # -- statistics ------------------------------------------------------------------------------
    @rule(data=st.data(), field=st.sampled_from(["value", "last_year"]),
          numbers=st.lists(NUMBERS, min_size=1, max_size=3))
    def type_number(self, data, field, numbers):
        indicator = self.indicator(data)
        for number in numbers:
            if getattr(self.report.value_of(indicator), field) != number:  # IndicatorForm._commit
                self.pushed(ValueEdit(self.report, indicator, field, number, "修改数字"))

    @rule(data=st.data(), qualifier=st.sampled_from(QUALIFIERS), remark=TEXT)
    def qualifier_and_remark(self, data, qualifier, remark):
        indicator = self.indicator(data)
        if self.report.value_of(indicator).qualifier != qualifier:
            self.pushed(ValueEdit(self.report, indicator, "qualifier", qualifier, "修改限定词"))
        if self.report.value_of(indicator).remark != remark.strip():
            self.pushed(ValueEdit(self.report, indicator, "remark", remark.strip(), "修改备注"))

    @rule(name=TEXT, unit=st.sampled_from(["", "次", "件", "%"]), category=st.sampled_from(["", "B", "I"]))
    def add_custom_indicator(self, name, unit, category):
        self.pushed(AddCustomIndicator(self.report, name.strip() or "自定义", unit, category))

    @precondition(lambda self: self.report.custom_indicators)
    @rule(data=st.data())
    def remove_custom_indicator(self, data):
        custom = data.draw(st.sampled_from(self.report.custom_indicators))
        self.pushed(RemoveCustomIndicator(self.report, custom.id, custom.name))

    # -- history and files ---------------------------------------------------------------------
    @rule(steps=st.integers(1, 6))
    def undo(self, steps):
        for _ in range(steps):
            self.doc.undo()
            self.check_history()

    @rule(steps=st.integers(1, 6))
    def redo(self, steps):
        for _ in range(steps):
            self.doc.redo()
            self.check_history()

    @rule()
    def save_and_reopen(self):
        self.doc.save()
        self.saved_text = self.path.read_text(encoding="utf-8")
        assert self.saved_text == dumps(self.report)
        assert dumps(load_report(self.path)) == dumps(self.report)
        assert not self.doc.is_modified

    @rule()
    def recovery_copy(self):
        self.doc._recovery_due = True  # the minute timer fired after an edit
        self.doc.write_recovery()
        wait_for_writes()
        copy = self.doc.recovery.folder / f"{self.doc.recovery.key}.fzbg"
        if self.doc.is_modified:
            assert dumps(loads(copy.read_text(encoding="utf-8"))) == dumps(self.report)
        else:
            assert not copy.exists()

    # -- what the user sees ----------------------------------------------------------------------
    @invariant()
    def check_history(self):
        index = self.doc.undo_stack.index()
        assert dumps(self.report) == self.at_index[index], f"after undo/redo to step {index}"

    @invariant()
    def unmodified_means_saved(self):
        assert self.doc.is_modified == (not self.doc.undo_stack.isClean())
        assert self.shown_modified[-1] == self.doc.is_modified
        if not self.doc.is_modified:
            assert dumps(self.report) == self.saved_text

    @invariant()
    def live_checks_equal_a_full_check(self):
        """The panel re-checks only what an edit touched; it must list what a full check lists."""
        live = [p.to_dict() for p in self.session.problems()]
        assert live == [p.to_dict() for p in run_checks(self.report)]

    @invariant()
    def outline_mirrors_report(self):
        """The outline on the left shows every section at its place, with its computed number."""
        for section, _, path in self.report.iter_sections():
            index = self.model.index_of_key(section_key(section.id))
            assert index.isValid() and index.row() == path[-1]
            parent = self.report.locate(section.id)[0]
            assert self.model.key_of(index.parent()) == (BODY if parent is None else section_key(parent.id))
            assert index.data(NumberRole) == self.report.label_of(section.id)

    def teardown(self):
        if self.editor is not None:
            self.editor.deleteLater()
        self.doc.close()
        self.model.deleteLater()
        self.doc.deleteLater()


def test_random_edits_undo_redo_save_and_recover(qapp, tmp_path, sample_path):
    DocumentEdits.tmp, DocumentEdits.sample = tmp_path, sample_path
    run_state_machine_as_test(DocumentEdits, settings=settings(
        max_examples=25, stateful_step_count=30, deadline=None, derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]))
