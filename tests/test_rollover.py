"""Next year's report from last year's: same organ, outline and settings; year + 1; values to 上年."""
import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from importers import apply_numbers, import_text
from models.catalogue import default_catalogue
from models.report import DocNumber
from models.checks import Severity, run_checks
from models.rollover import PENDING_MARK, is_pending, next_year_report, shift_years
from models.storage import dumps, load_report, loads, save_report

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def seed_2023(seed_text):
    result = import_text(seed_text)
    apply_numbers(result)
    return result.report


def test_years_move_on_in_headings_and_text(seed_2023):
    new = next_year_report(seed_2023)
    assert new.meta.report_year == 2024
    assert new.meta.effective_title == "广州市海珠区人民政府昌岗街道办事处关于2024年度法治政府建设情况的报告"
    assert [s.heading for s in new.sections] == [
        "2024年法治政府建设工作情况", "存在的问题与不足", "2025年法治政府建设工作计划"]
    assert new.preamble[1].startswith("2024年，昌岗街道")
    assert "（2021-2025年）" in new.preamble[1]  # a plan period is no report year
    problems = new.sections[1].paragraphs[1]
    assert problems.startswith("2024年昌岗地区法治环境不断优化")


def test_range_and_other_years_stay():
    assert shift_years("《法治政府建设实施纲要（2021—2025年）》", 2024) == "《法治政府建设实施纲要（2021—2025年）》"
    assert shift_years("2021年—2025年", 2024) == "2021年—2025年"
    assert shift_years("2024年工作情况，2025年工作计划，2019年的文件", 2024) == \
        "2025年工作情况，2026年工作计划，2019年的文件"
    assert shift_years("厅字〔2024〕28号", 2024) == "厅字〔2024〕28号"


def test_same_organ_outline_and_settings(sample_report):
    new = next_year_report(sample_report)
    old_meta, meta = sample_report.meta, new.meta
    for field in ("organ_name", "signature_name", "organ_level", "addressees", "signers", "cc", "printing_organ",
                  "notes"):
        assert getattr(meta, field) == getattr(old_meta, field), field
    old_tree = [(level, s.part, s.run_in, s.guidance) for s, level, _ in sample_report.iter_sections()]
    assert [(level, s.part, s.run_in, s.guidance) for s, level, _ in new.iter_sections()] == old_tree
    assert new.custom_indicators == sample_report.custom_indicators


def test_dates_are_cleared_and_doc_number_keeps_its_code(sample_report):
    new = next_year_report(sample_report)
    assert new.meta.signing_date is None and new.meta.printing_date is None
    assert new.meta.doc_number == DocNumber(agency_code="河西青石", year=2025, serial=None)


def test_values_move_to_last_year(sample_report):
    new = next_year_report(sample_report)
    catalogue = default_catalogue()
    for ind_id, entry in sample_report.values.items():
        moved = new.value_of(ind_id)
        assert moved.value is None and moved.last_year == entry.value and moved.qualifier == ""
    # a rate computed from its parts last year is computed from the 上年 column now
    assert catalogue.effective(new, "F03", year="last_year") == pytest.approx(
        catalogue.effective(sample_report, "F03"))
    assert catalogue.effective(new, "F03") is None


def test_text_kept_and_marked_per_section(sample_report):
    new = next_year_report(sample_report)
    for (old, _, _), (s, _, _) in zip(sample_report.iter_sections(), new.iter_sections()):
        if old.paragraphs:
            assert is_pending(s.paragraphs[0]) and "2024年" in s.paragraphs[0] and "2025年" in s.paragraphs[0]
            assert s.paragraphs[1:] == [shift_years(p, 2024) for p in old.paragraphs]
        else:
            assert s.paragraphs == []
    assert is_pending(new.preamble[0])
    # 检查 lists each place still marked as an 错误 that leads to its first paragraph
    places = [p.where for p in run_checks(new) if p.rule_id == "D5-PENDING-UPDATE"]
    assert all(p.severity is Severity.ERROR for p in run_checks(new) if p.rule_id == "D5-PENDING-UPDATE")
    assert places[0] == "开头第1段" and "一、（一）第1段" in places
    assert len(places) == 1 + sum(1 for s, _, _ in sample_report.iter_sections() if s.paragraphs)


def test_rolling_over_twice_keeps_one_marker(sample_report):
    twice = next_year_report(next_year_report(sample_report))
    assert twice.meta.report_year == 2026
    for s, _, _ in twice.iter_sections():
        assert sum(p.startswith(PENDING_MARK) for p in s.paragraphs) <= 1
    assert twice.sections[2].heading == "2027年法治政府建设工作计划"


def test_text_cleared(sample_report):
    new = next_year_report(sample_report, keep_text=False)
    assert new.preamble == [] and all(not s.paragraphs for s, _, _ in new.iter_sections())
    assert not [p for p in run_checks(new) if p.rule_id == "D5-PENDING-UPDATE"]
    assert [s.heading for s in new.sections][0] == "2025年法治政府建设工作情况"


def test_last_year_is_untouched_and_the_result_saves(sample_report, tmp_path):
    before = dumps(sample_report)
    new = next_year_report(copy.deepcopy(sample_report))
    next_year_report(sample_report)
    assert dumps(sample_report) == before
    save_report(new, tmp_path / "2025.fzbg")
    again = load_report(tmp_path / "2025.fzbg")
    assert dumps(again) == dumps(new) and loads(dumps(new)).meta.report_year == 2025


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120)


def test_cli_new_from_last_year(tmp_path, sample_path):
    out = tmp_path / "2025.fzbg"
    done = run("new", "--from", sample_path, "-o", out)
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["meta"]["report_year"] == 2025 and data["values"]["F01"] == {
        "value": None, "last_year": 132, "qualifier": "", "remark": ""}
    cleared = tmp_path / "2025-empty.fzbg"
    assert run("new", "--from", sample_path, "--clear-text", "-o", cleared).returncode == 0
    data = json.loads(cleared.read_text(encoding="utf-8"))
    assert data["preamble"] == [] and all(s["paragraphs"] == [] for s in data["sections"])
