"""The Excel export and the 汇总 on inputs a district office really receives: units that
filled only last year's column, numbers of a billion, files that are not report files."""
from pathlib import Path

import openpyxl

from exporters.excel import aggregate_xlsx, export_xlsx
from models.report import IndicatorValue, OrganLevel, Report, ReportMeta
from models.storage import save_report

from .excel_helpers import header_map, header_row, rows_by_code


def make_unit(name, level=OrganLevel.STREET, year=2024, **values):
    report = Report(meta=ReportMeta(organ_name=name, organ_level=level, report_year=year))
    for key, value in values.items():
        report.values[key] = value
    return report


def save_units(folder: Path, *reports) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, report in enumerate(reports, start=1):
        save_report(report, folder / f"{i:02d}_{report.meta.organ_name}.fzbg", backup=False)
    return folder


def read_summary(path):
    ws = openpyxl.load_workbook(path)["汇总表"]
    head = header_row(ws)
    return ws, header_map(ws, head), rows_by_code(ws, head + 2)


def test_last_year_total_not_compared_with_a_different_set_of_units(tmp_path):
    # 乙 filled only the 上年 column: 合计 (10) covers 甲 alone, so a 上年合计 of 8 + 5
    # and an 增减 of −3 would compare two different sets of units.
    folder = save_units(tmp_path / "各单位",
                        make_unit("甲街道办事处", F01=IndicatorValue(10, last_year=8)),
                        make_unit("乙街道办事处", F01=IndicatorValue(None, last_year=5)))
    out = tmp_path / "汇总.xlsx"
    aggregate_xlsx([folder], out)
    ws, cols, codes = read_summary(out)
    row = codes["F01"]
    assert ws.cell(row, cols["合计"]).value == 10
    assert ws.cell(row, cols["上年合计"]).value is None
    assert ws.cell(row, cols["增减"]).value is None and ws.cell(row, cols["增减率"]).value is None
    assert "无本年数" in ws.cell(row, cols["备注"]).value


def test_last_year_total_when_every_unit_has_both_years(tmp_path):
    folder = save_units(tmp_path / "各单位",
                        make_unit("甲街道办事处", F01=IndicatorValue(10, last_year=8)),
                        make_unit("乙街道办事处", F01=IndicatorValue(0, last_year=5)))
    out = tmp_path / "汇总.xlsx"
    aggregate_xlsx([folder], out)
    ws, cols, codes = read_summary(out)
    row = codes["F01"]
    assert (ws.cell(row, cols["合计"]).value, ws.cell(row, cols["上年合计"]).value) == (10, 13)
    assert ws.cell(row, cols["增减"]).value == -3


def column_width_units(ws, column: int) -> float:
    from openpyxl.utils import get_column_letter
    return ws.column_dimensions[get_column_letter(column)].width


def shown_length(cell) -> int:
    """Characters the cell shows: 1,000,000,000 for an integer format."""
    if cell.number_format == "0.0%":
        return len(f"{cell.value * 100:.1f}%")
    decimals = 2 if ".00" in cell.number_format else 0
    return len(f"{cell.value:,.{decimals}f}")


def test_a_billion_fits_its_column_in_the_form_and_the_summary(tmp_path):
    # Excel prints a number wider than its column as ####: a clerk sees no figure at all.
    big = make_unit("甲街道办事处", B05=IndicatorValue(1e9, last_year=2_500_000_000), F05=IndicatorValue(123456789.5))
    small = make_unit("乙镇人民政府", B05=IndicatorValue(12, last_year=10))
    out = tmp_path / "统计表.xlsx"
    export_xlsx(big, out)
    ws = openpyxl.load_workbook(out)["统计表"]
    codes = rows_by_code(ws, header_row(ws) + 2)
    for code in ("B05", "F05"):
        for column in (4, 5, 6):
            cell = ws.cell(codes[code], column)
            if cell.value is not None:
                assert column_width_units(ws, column) >= shown_length(cell) + 2, (code, column)
    summary_out = tmp_path / "汇总.xlsx"
    aggregate_xlsx([save_units(tmp_path / "各单位", big, small)], summary_out)
    ws, cols, codes = read_summary(summary_out)
    row = codes["B05"]
    assert ws.cell(row, cols["合计"]).value == 1_000_000_012
    for column in (cols["合计"], cols["上年合计"], cols["增减"], cols["甲街道办事处"]):
        assert column_width_units(ws, column) >= shown_length(ws.cell(row, column)) + 2


def skipped_reasons(path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)["未汇总文件"]
    return {Path(r[1]).name: r[2] for r in ws.iter_rows(min_row=3, values_only=True) if r[1]}


def test_foreign_files_named_fzbg_are_listed_with_what_they_are(tmp_path):
    import json
    folder = save_units(tmp_path / "各单位", make_unit("甲街道办事处", F01=IndicatorValue(3)))
    openpyxl.Workbook().save(folder / "统计表.fzbg")          # an Excel file renamed
    good = json.loads((folder / "01_甲街道办事处.fzbg").read_text(encoding="utf-8"))
    good["meta"]["organ_name"] = "乙街道办事处"
    good["values"]["F01"]["value"] = float("nan")            # another program wrote NaN
    (folder / "乙.fzbg").write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    collection = aggregate_xlsx([folder], out)
    assert [u.name for u in collection.units] == ["甲街道办事处"]
    reasons = skipped_reasons(out)
    assert "Excel" in reasons["统计表.fzbg"]
    assert "NaN" in reasons["乙.fzbg"] and "values.F01.value" in reasons["乙.fzbg"]
    ws, cols, codes = read_summary(out)
    assert ws.cell(codes["F01"], cols["合计"]).value == 3


def test_units_without_a_name_are_counted_and_headed_by_file(tmp_path):
    # Two offices that never filled in 基本信息 are not "the same unit": both count.
    folder = tmp_path / "各单位"
    folder.mkdir()
    for name, count in (("东区.fzbg", 4), ("西区.fzbg", 6)):
        save_report(make_unit("  ", F01=IndicatorValue(count)), folder / name, backup=False)
    out = tmp_path / "汇总.xlsx"
    collection = aggregate_xlsx([folder], out)
    assert len(collection.units) == 2 and collection.skipped == []
    ws, cols, codes = read_summary(out)
    assert ws.cell(codes["F01"], cols["合计"]).value == 10
    headings = [h for h in cols if isinstance(h, str) and "未填单位名称" in h]
    assert sorted(headings) == ["（未填单位名称：东区.fzbg）", "（未填单位名称：西区.fzbg）"]
    assert ws.cell(codes["F01"], cols["（未填单位名称：西区.fzbg）"]).value == 6


def test_unit_list_numbers_are_numbers(tmp_path):
    # 序号, 报告年度 and 栏次 stored as text get Excel's "number stored as text" flag on
    # every row and sort as text (1, 10, 2 …).
    folder = save_units(tmp_path / "各单位", *(make_unit(f"第{i}街道办事处", F01=IndicatorValue(i)) for i in range(1, 12)))
    (folder / "坏.fzbg").write_text("{", encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    aggregate_xlsx([folder], out)
    wb = openpyxl.load_workbook(out)
    units = wb["汇总单位"]
    head = header_map(units, 2)
    rows = [r for r in units.iter_rows(min_row=3, values_only=True) if r[0] is not None]
    assert [r[head["序号"] - 1] for r in rows] == list(range(1, 12))
    assert {r[head["报告年度"] - 1] for r in rows} == {2024}
    summary_ws, cols, _ = read_summary(out)
    for r in rows:  # the 栏次 names the unit's column in 汇总表 (its label in the 甲 乙 丙 1 2 … row)
        column = cols[r[head["单位名称"] - 1]]
        assert summary_ws.cell(header_row(summary_ws) + 1, column).value == str(r[head["汇总表栏次"] - 1])
    skipped = wb["未汇总文件"]
    assert skipped.cell(3, 1).value == 1


def test_checks_sheet_numbers_its_findings_with_numbers(tmp_path):
    report = make_unit("乙镇人民政府", J02=IndicatorValue(3.5), F01=IndicatorValue(10), F03=IndicatorValue(150.0))
    out = tmp_path / "统计表.xlsx"
    findings = export_xlsx(report, out)
    ws = openpyxl.load_workbook(out)["校验"]
    head = header_row(ws, "序号")
    rows = [r for r in ws.iter_rows(min_row=head + 1, values_only=True) if r[0] is not None]
    assert [r[0] for r in rows] == list(range(1, len(findings) + 1))
    assert any("J02" in r[3] and "整数" in r[6] for r in rows)       # 3.5 份
    assert any("F03" in r[3] and "100%" in r[6] for r in rows)        # a rate of 150 %


def test_of_a_file_and_its_copy_the_original_counts(tmp_path):
    # Windows names a copy 「甲街道 - 副本.fzbg」; a plain sort puts it before 「甲街道.fzbg」
    # (" " < "."), and the stale copy would have gone into the totals.
    folder = tmp_path / "各单位"
    folder.mkdir()
    save_report(make_unit("甲街道办事处", F01=IndicatorValue(8)), folder / "甲街道 - 副本.fzbg", backup=False)
    save_report(make_unit("甲街道办事处", F01=IndicatorValue(10)), folder / "甲街道.fzbg", backup=False)
    out = tmp_path / "汇总.xlsx"
    collection = aggregate_xlsx([folder], out)
    assert [u.path.name for u in collection.units] == ["甲街道.fzbg"]
    ws, cols, codes = read_summary(out)
    assert ws.cell(codes["F01"], cols["合计"]).value == 10
    reasons = skipped_reasons(out)
    assert list(reasons) == ["甲街道 - 副本.fzbg"] and "最终稿" in reasons["甲街道 - 副本.fzbg"]


def test_checks_sheet_shows_figures_as_written_and_typed_rates(tmp_path):
    from models.report import Section
    report = make_unit("甲街道办事处", E05=IndicatorValue(460, qualifier="余"),
                       F01=IndicatorValue(10), F02=IndicatorValue(10), F03=IndicatorValue(150.0))
    report.sections = [Section(heading="工作情况", paragraphs=["全年法律顾问提供咨询解答600余人次。"])]
    out = tmp_path / "统计表.xlsx"
    export_xlsx(report, out)
    ws = openpyxl.load_workbook(out)["校验"]
    head = header_row(ws, "序号")
    cols = header_map(ws, head)
    rows = [r for r in ws.iter_rows(min_row=head + 1, values_only=True) if r[0] is not None]
    figures = "\n".join(r[cols["数值"] - 1] for r in rows)
    assert "E05＝460余人次" in figures.split("\n")                     # not a bare 460
    assert "F03＝100%（计算值，填写为 150%）" in figures.split("\n")     # the 150 % the rule is about


def test_same_office_written_with_other_brackets_counts_once(tmp_path):
    folder = save_units(tmp_path / "各单位",
                        make_unit("甲街道办事处（党工委）", F01=IndicatorValue(10)),
                        make_unit("甲街道 办事处(党工委)", F01=IndicatorValue(10)))
    out = tmp_path / "汇总.xlsx"
    collection = aggregate_xlsx([folder], out)
    assert len(collection.units) == 1
    ws, cols, codes = read_summary(out)
    assert ws.cell(codes["F01"], cols["合计"]).value == 10
    assert "同一单位" in next(iter(skipped_reasons(out).values()))
