"""Checks on numbers written the way clerks write them: 6千份, 9千余人次, 1.2万份."""
import pytest

from models.checks import CheckOptions, run_checks
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


def last_years(organ_name: str, year: int, **values):
    from models.report import Report, ReportMeta
    return Report(meta=ReportMeta(organ_name=organ_name, report_year=year),
                  values={k: IndicatorValue(v) for k, v in values.items()})


@pytest.mark.parametrize("organ, year, said", [
    ("江南市河西区人民政府示例街道办事处", 2024, "2024 年度"),   # this year's file picked again
    ("江南市河西区人民政府示例街道办事处", 2022, "2022 年度"),
    ("江南市河西区人民政府东湖街道办事处", 2023, "东湖街道"),    # the neighbour's file
])
def test_another_years_or_offices_report_is_not_used_as_last_year(organ, year, said):
    found = run_checks(clean_report(), options=OPTIONS, last_year=last_years(organ, year, J01=40, I02=500))
    assert [p.rule_id for p in found] == ["Y3-LAST-WRONG-REPORT"]
    assert said in found[0].message and "2023 年度" in found[0].message
    assert found[0].severity.label == "警告"


def test_last_year_report_under_a_shorter_name_is_compared():
    found = run_checks(clean_report(), options=OPTIONS, last_year=last_years("示例街道", 2023, J01=40))
    assert {p.rule_id for p in found} == {"Y3-DROPPED", "Y3-LAST-MISSING"}  # J01 40 is used


@pytest.mark.parametrize("signed, flagged", [
    ((2024, 1, 5), True),      # the year typed wrong: meant 2025-01-05
    ((2024, 6, 30), True),
    ((2024, 11, 30), False),   # 广州 practice: late in the report year
    ((2025, 2, 20), False),    # the first quarter of the next year
])
def test_signing_date_early_in_the_report_year(signed, flagged):
    import datetime as dt
    report = clean_report()
    report.meta.signing_date = dt.date(*signed)
    report.meta.printing_date = None
    found = [p for p in run_checks(report, options=CheckOptions(today=dt.date(2025, 3, 1)))
             if p.rule_id == "D5-SIGNING-MIDYEAR"]
    assert bool(found) is flagged
    if flagged:
        assert "2025年" in found[0].message and found[0].where == "成文日期"
