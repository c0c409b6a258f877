"""Going to the place a check names: the outline node, then the field or the characters.

A :class:`~models.checks.TextLocation` opens the section (or the 开头段) and selects the
span in the paragraph; an :class:`~models.checks.IndicatorLocation` opens the statistics
form at the field (本年 or 上年); a :class:`~models.checks.MetaLocation` the field of the
基本信息. Locations are told apart by their ``kind`` so this module needs no import of
the engine.
"""
from __future__ import annotations

from .editor_stack import EditorStack
from .outline_model import META, PREAMBLE, STATS, category_key, section_key
from .outline_view import OutlineView


def go_to_problem(outline: OutlineView, editors: EditorStack, problem) -> str:
    """Show the problem's place; returns a note for the status bar when it cannot be shown."""
    places = [problem.location, *problem.related] if problem.location is not None else []
    for place in places:
        if _go_to(outline, editors, place):
            return ""
    if not places:
        return f"「{problem.message}」涉及全文，没有具体位置。"
    return f"找不到「{problem.where}」，报告可能已经修改，请按 F5 重新检查。"


def _go_to(outline: OutlineView, editors: EditorStack, place) -> bool:
    kind = getattr(place, "kind", None)
    if kind == "text":
        return _go_to_text(outline, editors, place)
    if kind == "indicator":
        return _go_to_indicator(outline, editors, place)
    if kind == "meta":
        outline.select_key(META)
        return editors.page("meta").focus_field(place.field, place.index, place.span)
    return False


def _go_to_text(outline: OutlineView, editors: EditorStack, place) -> bool:
    if place.section_id is None:
        key, page = PREAMBLE, "preamble"
    else:
        key, page = section_key(place.section_id), "section"
        if not outline.model().index_of_key(key).isValid():
            return False  # the section was deleted since the check
    outline.select_key(key)
    return editors.page(page).select_text(place.paragraph, place.span)


def _go_to_indicator(outline: OutlineView, editors: EditorStack, place) -> bool:
    form = editors.page("indicators")
    row = form.rows.get(place.indicator_id)
    category = row.indicator.category if row is not None else ""
    key = category_key(category)
    outline.select_key(key if outline.model().index_of_key(key).isValid() else STATS)
    return form.focus_field(place.indicator_id, place.year)
