"""The outline model: Qt's model tester, structure edits through undo commands, drag and drop."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from models.report import Section
from ui.commands import AddSection, MoveSection, RemoveSection
from ui.document import ReportDocument
from ui.outline_model import BODY, CHECKS, META, STATS, OutlineModel, section_key


@pytest.fixture
def doc(sample_report, tmp_path):
    d = ReportDocument(sample_report, recovery_folder=tmp_path / "rec")
    yield d
    d.close()


def texts(model, parent=QModelIndex()):
    return [model.numbered_text(model.index(r, 0, parent)) for r in range(model.rowCount(parent))]


def body_texts(model):
    return texts(model, model.index_of_key(BODY))


def test_model_tester_passes_and_nodes_are_fixed(qtmodeltester, doc):
    model = OutlineModel(doc)
    qtmodeltester.check(model)
    assert texts(model) == ["基本信息", "开头段", "正文", "统计指标", "检查结果"]
    top = body_texts(model)
    assert top[0].startswith("一、") and top[1].startswith("二、")
    first = model.index_of_key(section_key(doc.report.sections[0].id))
    assert texts(model, first)[0].startswith("（一）")
    cats = texts(model, model.index_of_key(STATS))
    assert "行政执法" in cats


def test_structure_edits_follow_and_undo(qtmodeltester, doc):
    model = OutlineModel(doc)
    qtmodeltester.check(model, force_py=True)
    report = doc.report
    before = body_texts(model)
    new = Section(heading="新增部分")
    doc.push(AddSection(report, None, 1, new))
    assert body_texts(model)[1] == "二、新增部分"
    assert body_texts(model)[2].startswith("三、")
    doc.push(MoveSection(report, new.id, lambda r, sid: r.indent(sid), "降级"))
    assert body_texts(model) == before
    first = model.index_of_key(section_key(report.sections[0].id))
    assert texts(model, first)[-1].endswith("新增部分")
    assert texts(model, first)[-1].startswith(f"（{'一二三四五六七八九十'[model.rowCount(first) - 1]}）")
    doc.push(RemoveSection(report, report.sections[2].id))
    assert len(body_texts(model)) == len(before) - 1
    for _ in range(3):
        doc.undo()
    assert body_texts(model) == before
    for _ in range(3):
        doc.redo()
    assert len(body_texts(model)) == len(before) - 1


def test_drag_and_drop_moves_a_section_under_another(doc):
    model = OutlineModel(doc)
    report = doc.report
    last = report.sections[-1]
    first_index = model.index_of_key(section_key(report.sections[0].id))
    data = model.mimeData([model.index_of_key(section_key(last.id))])
    # dropping onto a node (row -1) makes it the last child
    assert model.canDropMimeData(data, Qt.MoveAction, -1, 0, first_index)
    assert model.dropMimeData(data, Qt.MoveAction, -1, 0, first_index)
    assert report.locate(last.id)[0] is report.sections[0]
    # a section cannot go into its own subtree, nor onto fixed nodes
    own = model.mimeData([first_index])
    child = model.index(0, 0, first_index)
    assert not model.canDropMimeData(own, Qt.MoveAction, -1, 0, child)
    assert not model.canDropMimeData(own, Qt.MoveAction, -1, 0, model.index_of_key(META))
    assert not model.canDropMimeData(own, Qt.MoveAction, -1, 0, model.index_of_key(CHECKS))
    doc.undo()
    assert report.sections[-1] is last


def test_drop_within_the_same_parent_lands_where_dropped(doc):
    model = OutlineModel(doc)
    report = doc.report
    ids = [s.id for s in report.sections]
    data = model.mimeData([model.index_of_key(section_key(ids[0]))])
    assert model.dropMimeData(data, Qt.MoveAction, len(ids), 0, model.index_of_key(BODY))
    assert [s.id for s in report.sections] == ids[1:] + ids[:1]
    data = model.mimeData([model.index_of_key(section_key(ids[0]))])
    assert model.dropMimeData(data, Qt.MoveAction, 0, 0, model.index_of_key(BODY))
    assert [s.id for s in report.sections] == ids


def test_too_deep_drop_is_refused(doc):
    model = OutlineModel(doc)
    report = doc.report
    chain = Section(heading="甲", children=[Section(heading="乙", children=[Section(heading="丙")])])
    doc.push(AddSection(report, None, None, chain))
    deepest_parent = report.sections[0].children[0]  # level 2: a 3-level subtree would reach level 5
    target = model.index_of_key(section_key(deepest_parent.id))
    data = model.mimeData([model.index_of_key(section_key(chain.id))])
    assert not model.canDropMimeData(data, Qt.MoveAction, -1, 0, target)


def test_rename_through_the_model_is_one_undo_step(doc):
    model = OutlineModel(doc)
    s = doc.report.sections[1]
    index = model.index_of_key(section_key(s.id))
    assert model.setData(index, "存在的问题", Qt.EditRole)
    assert s.heading == "存在的问题" and index.data() == "存在的问题"
    assert doc.is_modified
    doc.undo()
    assert s.heading != "存在的问题" and not doc.is_modified


def test_categories_follow_custom_indicators_and_checks_hook(qtmodeltester, doc):
    from ui.commands import AddCustomIndicator
    model = OutlineModel(doc)
    qtmodeltester.check(model, force_py=True)
    stats = model.index_of_key(STATS)
    n = model.rowCount(stats)
    doc.push(AddCustomIndicator(doc.report, "网格员人数", "人", ""))
    assert model.rowCount(stats) == n + 1 and texts(model, stats)[-1] == "自定义指标"
    doc.undo()
    assert model.rowCount(stats) == n
    assert model.index_of_key(CHECKS).data() == "检查结果"  # not checked yet
    model.set_check_counts({"error": 2, "warning": 0, "hint": 1})
    assert model.index_of_key(CHECKS).data() == "检查结果（错误 2，提示 1）"
    assert model.index_of_key(CHECKS).data(Qt.ForegroundRole) is not None  # errors: shown in red
    model.set_check_counts({"error": 0, "warning": 0, "hint": 0})
    assert model.index_of_key(CHECKS).data() == "检查结果（无问题）"
    assert model.index_of_key(CHECKS).data(Qt.ForegroundRole) is None


def test_a_long_session_keeps_the_interpreter_alive(doc):
    """Thousands of edits, each emitting signals from Python (PySide6 6.12 emit bug guard)."""
    import sys
    model = OutlineModel(doc)
    s = doc.report.sections[1]
    before = sys.getrefcount(True)
    for i in range(1500):
        model.setData(model.index_of_key(section_key(s.id)), f"标题{i}", Qt.EditRole)
    assert s.heading == "标题1499"
    assert sys.getrefcount(True) >= before - 50
