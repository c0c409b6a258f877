"""The district 汇总 workbook of many units' report files."""
import copy
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from exporters.excel import NothingToAggregateError, aggregate_xlsx
from models.catalogue import default_catalogue
from models.report import IndicatorValue
from models.storage import load_report, save_report

from .excel_helpers import header_map, header_row, rows_by_code

ROOT = Path(__file__).resolve().parent.parent
STREETS = ["白沙", "东湖", "南门", "西岭"]  # file names sort in this order


def unit(sample_report, name, factor, **values):
    r = copy.deepcopy(sample_report)
    r.meta.organ_name = f"江南市河西区人民政府{name}街道办事处"
    for entry in r.values.values():
        if entry.value is not None:
            entry.value = round(entry.value * factor)
        if entry.last_year is not None:
            entry.last_year = round(entry.last_year * factor)
    for key, v in values.items():
        r.values[key] = v
    return r


@pytest.fixture
def folder(sample_report, tmp_path):
    d = tmp_path / "各单位"
    d.mkdir()
    for i, name in enumerate(STREETS):
        # 办结率 differs between units (90 %, 85 %, 83 %, 82.5 %), so a sum and an average differ
        cases = IndicatorValue(50 + 50 * i, last_year=40 + 40 * i)
        closed = IndicatorValue(45 + 40 * i, last_year=38 + 30 * i)
        r = unit(sample_report, name, 1 + i * 0.5, F01=cases, F02=closed)
        save_report(r, d / f"{i + 1}_{name}.fzbg", backup=False)
    return d


def summary(path):
    wb = openpyxl.load_workbook(path)
    ws = wb["汇总表"]
    head = header_row(ws)
    return wb, ws, header_map(ws, head), rows_by_code(ws, head + 2)


def units_of(folder):
    """The fixture's units, read directly."""
    return [load_report(folder / f"{i + 1}_{name}.fzbg") for i, name in enumerate(STREETS)]


def test_one_column_per_unit_and_totals(folder, tmp_path):
    out = tmp_path / "汇总.xlsx"
    result = aggregate_xlsx([folder], out)
    reports = units_of(folder)
    assert [u.name for u in result.units] == [r.meta.organ_name for r in reports]
    wb, ws, cols, codes = summary(out)
    assert wb.sheetnames == ["汇总表", "汇总单位", "未汇总文件"]
    cat = default_catalogue()
    for code in ("F01", "B05", "J03", "K04"):
        row = codes[code]
        per_unit = [cat.effective(r, code) for r in reports]
        assert [ws.cell(row, cols[r.meta.organ_name]).value for r in reports] == per_unit
        total = ws.cell(row, cols["合计"])
        assert total.value == sum(per_unit) and total.data_type == "n"
        last = sum(r.value_of(code).last_year for r in reports)
        assert ws.cell(row, cols["上年合计"]).value == last
        assert ws.cell(row, cols["增减"]).value == sum(per_unit) - last


def test_rates_recomputed_from_summed_parts_not_averaged(folder, tmp_path):
    out = tmp_path / "汇总.xlsx"
    aggregate_xlsx([folder], out)
    _, ws, cols, codes = summary(out)
    reports = units_of(folder)
    cat = default_catalogue()
    rate = cat.get("F03")
    num = sum(r.value_of("F02").value for r in reports)
    den = sum(r.value_of("F01").value for r in reports)
    average = sum(cat.effective(r, "F03") for r in reports) / len(reports)
    assert abs(num / den * 100 - average) > 1e-6  # the data tell the two apart
    cell = ws.cell(codes["F03"], cols["合计"])
    assert cell.value == pytest.approx(num / den) and "%" in cell.number_format
    last = sum(r.value_of("F02").last_year for r in reports) / sum(r.value_of("F01").last_year for r in reports)
    assert ws.cell(codes["F03"], cols["上年合计"]).value == pytest.approx(last)
    assert all(p in ws.cell(codes["F03"], cols["备注"]).value for p in rate.formula.parts)
    # a rate without formula cannot be added up
    plain = next(i for i in cat.indicators if i.type == "rate" and not i.formula and "street" in i.levels)
    assert ws.cell(codes[plain.id], cols["合计"]).value is None


def test_last_year_total_only_when_all_units_have_it(folder, sample_report, tmp_path):
    lacking = unit(sample_report, "北关", 1, B05=IndicatorValue(value=100, last_year=None))
    save_report(lacking, folder / "5_北关.fzbg", backup=False)
    out = tmp_path / "汇总.xlsx"
    aggregate_xlsx([folder], out)
    _, ws, cols, codes = summary(out)
    row = codes["B05"]
    assert ws.cell(row, cols["合计"]).value == sum(r.value_of("B05").value for r in units_of(folder)) + 100
    assert ws.cell(row, cols["上年合计"]).value is None and ws.cell(row, cols["增减"]).value is None
    assert "上年" in ws.cell(row, cols["备注"]).value
    assert ws.cell(codes["F01"], cols["上年合计"]).value is not None  # other rows unaffected


def test_bad_files_duplicates_and_other_years_listed_not_counted(folder, sample_report, tmp_path):
    (folder / "9_坏.fzbg").write_text("{ 不是报告", encoding="utf-8")
    (folder / "说明.txt").write_text("不是报告文件", encoding="utf-8")
    duplicate = unit(sample_report, STREETS[0], 1)  # same organ + year as 1_白沙 (different numbers)
    save_report(duplicate, folder / "8_白沙（修改稿）.fzbg", backup=False)
    old = unit(sample_report, "东湖", 1)
    old.meta.report_year = 2023
    save_report(old, folder / "7_东湖2023.fzbg", backup=False)
    sub = folder / "子文件夹"
    sub.mkdir()
    save_report(unit(sample_report, "不该读", 1), sub / "x.fzbg", backup=False)
    missing = tmp_path / "不存在.fzbg"
    out = tmp_path / "汇总.xlsx"
    calls = []
    result = aggregate_xlsx([folder, missing], out, progress=lambda *a: calls.append(a))
    assert [Path(c[2]).name for c in calls] == sorted(p.name for p in folder.glob("*.fzbg")) + [missing.name]
    assert [c[0] for c in calls] == list(range(1, len(calls) + 1)) and {c[1] for c in calls} == {len(calls)}
    assert len(result.units) == len(STREETS) and result.year == sample_report.meta.report_year

    wb, ws, cols, codes = summary(out)
    good = units_of(folder)
    assert ws.cell(codes["F01"], cols["合计"]).value == sum(r.value_of("F01").value for r in good)
    assert sum(1 for v in cols if isinstance(v, str) and v.endswith(f"{STREETS[0]}街道办事处")) == 1

    listed = {Path(r[1]).name: r[2] for r in wb["未汇总文件"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert set(listed) == {"9_坏.fzbg", "8_白沙（修改稿）.fzbg", "7_东湖2023.fzbg", "不存在.fzbg"}
    assert "截断" in listed["9_坏.fzbg"] or "JSON" in listed["9_坏.fzbg"]
    assert "同一单位" in listed["8_白沙（修改稿）.fzbg"] and "1_白沙.fzbg" in listed["8_白沙（修改稿）.fzbg"]
    assert "不同" in listed["8_白沙（修改稿）.fzbg"]
    assert "2023" in listed["7_东湖2023.fzbg"] and "不存在" in listed["不存在.fzbg"]
    names = [r[1] for r in wb["汇总单位"].iter_rows(min_row=3, values_only=True) if r[0]]
    assert names == [r.meta.organ_name for r in good]


def test_custom_indicators_matched_by_name(sample_report, tmp_path):
    a = unit(sample_report, "甲", 1)
    a.add_custom_indicator("社区矫正对象数", unit="人")
    a.set_value("X01", value=3)
    b = unit(sample_report, "乙", 1)
    b.add_custom_indicator("无关指标", unit="个")            # X01 here means something else
    b.add_custom_indicator("社区矫正对象数", unit="人")        # … and this one is X02
    b.set_value("X01", value=100)
    b.set_value("X02", value=4)
    save_report(a, tmp_path / "a.fzbg", backup=False)
    save_report(b, tmp_path / "b.fzbg", backup=False)
    out = tmp_path / "汇总.xlsx"
    aggregate_xlsx([tmp_path / "a.fzbg", tmp_path / "b.fzbg"], out)
    _, ws, cols, _ = summary(out)
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    assert ws.cell(rows["社区矫正对象数"], cols["合计"]).value == 7
    assert ws.cell(rows["无关指标"], cols["合计"]).value == 100


def test_unit_names_stay_text(sample_report, tmp_path):
    names = ["=1+1", '=HYPERLINK("http://example.invalid","x")']
    paths = []
    for i, name in enumerate(names):
        r = unit(sample_report, "", 1)
        r.meta.organ_name = name
        paths.append(tmp_path / f"{i}.fzbg")
        save_report(r, paths[-1], backup=False)
    out = tmp_path / "汇总.xlsx"
    aggregate_xlsx(paths, out)
    wb, ws, cols, _ = summary(out)
    head = header_row(ws)
    cells = [c for c in ws[head] if c.value in names]
    assert len(cells) == 2 and all(c.data_type == "s" for c in cells)
    listed = [c for row in wb["汇总单位"].iter_rows() for c in row if c.value in names]
    assert len(listed) == 2 and all(c.data_type == "s" for c in listed)


def test_print_settings(folder, tmp_path):
    out = tmp_path / "汇总.xlsx"
    aggregate_xlsx([folder], out)
    wb, ws, _, _ = summary(out)
    head = header_row(ws)
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    assert ws.print_title_cols == "$A:$C" and ws.print_title_rows == f"$1:${head + 1}"
    assert ws.freeze_panes == f"D{head + 2}"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    for name in ("汇总单位", "未汇总文件"):
        assert wb[name].page_setup.paperSize == 9 and wb[name].page_setup.fitToWidth == 1


def test_nothing_to_aggregate_writes_nothing(tmp_path):
    bad = tmp_path / "坏.fzbg"
    bad.write_text("{", encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    with pytest.raises(NothingToAggregateError) as info:
        aggregate_xlsx([bad], out)
    assert str(bad) in str(info.value) and not out.exists()
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    with pytest.raises(NothingToAggregateError) as info:
        aggregate_xlsx([empty], out)
    assert str(empty) in str(info.value) and ".fzbg" in str(info.value)
    assert not out.exists()


def test_cli_aggregate(folder, tmp_path):
    out = tmp_path / "汇总.xlsx"
    (folder / "坏.fzbg").write_text("{", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "aggregate", str(folder), "-o", str(out)],
                            capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"已汇总 {len(STREETS)} 个单位" in result.stdout and str(out) in result.stdout
    assert f"已读取 {len(STREETS) + 1}/{len(STREETS) + 1}" in result.stderr
    assert "未汇总" in result.stderr and "坏.fzbg" in result.stderr and "Traceback" not in result.stderr
    assert out.exists()
