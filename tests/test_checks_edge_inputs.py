"""Checks on numbers written the way clerks write them: 6千份, 9千余人次, 1.2万份."""
import pytest

from models.checks import run_checks
from models.numbers import find_numbers
from models.report import IndicatorValue

from .checks_fixtures import OPTIONS, clean_report


def mismatches(sentence: str, **values):
    report = clean_report()
    report.find_section("mediation").paragraphs.append(sentence)
    for key, value in values.items():
        report.values[key] = value
    return [p for p in run_checks(report, options=OPTIONS) if p.rule_id == "T1-MISMATCH"]


def test_clean_report_has_no_mismatch():
    assert mismatches("") == []


@pytest.mark.parametrize("sentence, value, qualifier, unit", [
    ("发放宣传资料6千份。", 6000, "", "份"),
    ("发放宣传资料1.5千份。", 1500, "", "份"),
    ("受教育群众9千余人次。", 9000, "余", "人次"),
    ("罚没款3千元。", 3000, "", "元"),
])
def test_thousands_after_digits_are_read(sentence, value, qualifier, unit):
    found = [(m.value, m.qualifier, m.unit) for m in find_numbers(sentence)]
    assert (value, qualifier, unit) in found


@pytest.mark.parametrize("sentence, stats, wrong", [
    ("发放宣传资料6千份。", {"J02": IndicatorValue(6200)}, False),       # 6千 is rounded: 5 500–6 500
    ("发放宣传资料5千份。", {"J02": IndicatorValue(6200)}, True),
    ("受教育群众9千余人次。", {"J03": IndicatorValue(8600, qualifier="多")}, True),
    ("受教育群众8千余人次。", {"J03": IndicatorValue(8600, qualifier="多")}, False),
    ("举办法治讲座六千二百场次。", {"B02": IndicatorValue(6200)}, False),  # exact, in Chinese numerals
    ("举办法治讲座六千二百场次。", {"B02": IndicatorValue(6000)}, True),
])
def test_thousands_compared_at_the_precision_written(sentence, stats, wrong):
    found = mismatches(sentence, **stats)
    assert bool(found) is wrong, [p.message for p in found]
    if wrong:
        assert "不一致" in found[0].message and sentence.rstrip("。")[-4:] in found[0].message
