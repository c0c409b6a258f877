"""Undo commands: every edit of the report is one of these, pushed on the document's stack.

Each command calls a method of :class:`models.report.Report`, which returns the old
values; undo applies them again. Field edits of the same field merge while the user
keeps typing (``mergeable`` is decided by the document: same field, not sealed).
"""
from __future__ import annotations

import copy
from typing import Any, Callable, Optional

from PySide6.QtGui import QUndoCommand

from models.report import CustomIndicator, Report, Section

_UNSET = object()
_MERGE_IDS: dict[tuple, int] = {}


def merge_id(key: tuple) -> int:
    """A stable int per edited field: Qt only offers commands with equal ids to mergeWith."""
    return _MERGE_IDS.setdefault(key, len(_MERGE_IDS) + 1)


class FieldEdit(QUndoCommand):
    """Set one field; ``key`` = (kind, target, field) names it for merging."""

    def __init__(self, report: Report, key: tuple, value: Any, text: str, mergeable: bool = False):
        super().__init__(text)
        self.report = report
        self.key = key
        self.new = value
        self.old: Any = _UNSET
        self.mergeable = mergeable

    def _apply(self, value: Any) -> Any:
        """Set the field to ``value``; return what it was."""
        raise NotImplementedError

    def redo(self) -> None:
        old = self._apply(self.new)
        if self.old is _UNSET:
            self.old = old

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return merge_id(self.key)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, FieldEdit) or other.key != self.key or not other.mergeable:
            return False
        self.new = other.new
        # Typing back to where the field started leaves nothing to undo.
        self.setObsolete(self.new == self.old)
        return True


class MetaEdit(FieldEdit):
    def __init__(self, report: Report, field: str, value: Any, text: str, mergeable: bool = False):
        super().__init__(report, ("meta", "", field), value, text, mergeable)

    def _apply(self, value: Any) -> Any:
        return self.report.set_meta(**{self.key[2]: value})[self.key[2]]


class SectionEdit(FieldEdit):
    def __init__(self, report: Report, section_id: str, field: str, value: Any, text: str,
                 mergeable: bool = False):
        super().__init__(report, ("section", section_id, field), value, text, mergeable)

    def _apply(self, value: Any) -> Any:
        return self.report.update_section(self.key[1], **{self.key[2]: value})[self.key[2]]


class PreambleEdit(FieldEdit):
    def __init__(self, report: Report, paragraphs: list[str], text: str, mergeable: bool = False):
        super().__init__(report, ("preamble", "", "paragraphs"), list(paragraphs), text, mergeable)

    def _apply(self, value: Any) -> Any:
        return self.report.set_preamble(value)


class ValueEdit(FieldEdit):
    def __init__(self, report: Report, indicator_id: str, field: str, value: Any, text: str,
                 mergeable: bool = False):
        super().__init__(report, ("value", indicator_id, field), value, text, mergeable)

    def _apply(self, value: Any) -> Any:
        return getattr(self.report.set_value(self.key[1], **{self.key[2]: value}), self.key[2])


class ChangeReportYear(QUndoCommand):
    """报告年度, and with it the years of the headings that follow it (「2025年…主要举措和成效」,
    「2026年…主要安排」) and of a typed title: one undo step."""

    def __init__(self, report: Report, year: int, text: str = "修改报告年度"):
        super().__init__(text)
        from models.rollover import headings_for_year, shift_years  # loaded when first needed, not at start-up
        old = report.meta.report_year
        self.edits: list[FieldEdit] = [SectionEdit(report, sid, "heading", heading, text)
                                       for sid, heading in headings_for_year(report, year).items()]
        title = shift_years(report.meta.title, old, year)
        if title != report.meta.title:
            self.edits.append(MetaEdit(report, "title", title, text))
        self.edits.append(MetaEdit(report, "report_year", year, text))

    def redo(self) -> None:
        for edit in self.edits:
            edit.redo()

    def undo(self) -> None:
        for edit in reversed(self.edits):
            edit.undo()


class AddSection(QUndoCommand):
    def __init__(self, report: Report, parent_id: Optional[str], index: Optional[int], section: Section,
                 text: str = "添加标题"):
        super().__init__(text)
        self.report, self.parent_id, self.index, self.section = report, parent_id, index, section

    def redo(self) -> None:
        self.report.insert_section(self.parent_id, self.index, self.section)

    def undo(self) -> None:
        self.report.remove_section(self.section.id)


class RemoveSection(QUndoCommand):
    def __init__(self, report: Report, section_id: str, text: str = "删除标题"):
        super().__init__(text)
        self.report, self.section_id = report, section_id
        self.where: Optional[tuple[Optional[str], int, Section]] = None

    def redo(self) -> None:
        self.where = self.report.remove_section(self.section_id)

    def undo(self) -> None:
        parent_id, index, section = self.where
        self.report.insert_section(parent_id, index, section)


# A move: a Report method taking the section id (move_up, indent …) or a move_section call.
MoveOperation = Callable[[Report, str], Optional[tuple[Optional[str], int]]]


class MoveSection(QUndoCommand):
    """Move up/down, indent/outdent or drag and drop; undo puts the section back."""

    def __init__(self, report: Report, section_id: str, operation: MoveOperation, text: str):
        super().__init__(text)
        self.report, self.section_id, self.operation = report, section_id, operation
        self.old: Optional[tuple[Optional[str], int]] = None

    def redo(self) -> None:
        self.old = self.operation(self.report, self.section_id)
        self.setObsolete(self.old is None)

    def undo(self) -> None:
        if self.old is not None:
            self.report.move_section(self.section_id, *self.old)


def move_to(parent_id: Optional[str], index: int) -> MoveOperation:
    return lambda report, section_id: report.move_section(section_id, parent_id, index)


class AddCustomIndicator(QUndoCommand):
    def __init__(self, report: Report, name: str, unit: str, category: str):
        super().__init__(f"添加自定义指标「{name}」")
        self.report = report
        self.args = dict(name=name, unit=unit, category=category)
        self.custom: Optional[CustomIndicator] = None

    def redo(self) -> None:
        # The id is chosen once, so a redo after undo restores the same id.
        indicator_id = self.custom.id if self.custom else None
        self.custom = self.report.add_custom_indicator(indicator_id=indicator_id, **self.args)

    def undo(self) -> None:
        self.report.remove_custom_indicator(self.custom.id)


class RemoveCustomIndicator(QUndoCommand):
    def __init__(self, report: Report, indicator_id: str, name: str):
        super().__init__(f"删除自定义指标「{name}」")
        self.report, self.indicator_id = report, indicator_id
        self.removed = None

    def redo(self) -> None:
        self.removed = self.report.remove_custom_indicator(self.indicator_id)

    def undo(self) -> None:
        self.report.restore_custom_indicator(*self.removed)


def content_copy(report: Report) -> Report:
    """A detached copy of the report's content (no listeners)."""
    return Report(meta=copy.deepcopy(report.meta), preamble=list(report.preamble),
                  sections=copy.deepcopy(report.sections),
                  custom_indicators=copy.deepcopy(report.custom_indicators),
                  values=copy.deepcopy(report.values))


class ReplaceContent(QUndoCommand):
    """Replace the whole content (restoring a recovery copy); undo returns to the file's version.

    The two contents are swapped, never copied: the commands before and after this one hold
    sections of the content they were made on, and must find those same objects again."""

    def __init__(self, report: Report, content: Report, text: str):
        super().__init__(text)
        self.report, self.other = report, content  # ``content`` belongs to the command from now on

    def redo(self) -> None:
        self._swap()

    def undo(self) -> None:
        self._swap()

    def _swap(self) -> None:
        r = self.report
        shown = Report(meta=r.meta, preamble=r.preamble, sections=r.sections,
                       custom_indicators=r.custom_indicators, values=r.values)
        r.replace_with(self.other)
        self.other = shown
