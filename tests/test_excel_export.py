"""The statistics workbook of one report, read back with openpyxl as a clerk would check it."""
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from exporters.excel import ExcelOptions, export_xlsx
from exporters.excel.cells import EXCEL_CELL_LIMIT
from models.catalogue import default_catalogue
from models.errors import OutputFileError
from models.checks import RULES, IndicatorLocation, statistics_problems
from models.report import IndicatorValue

from .excel_helpers import header_map, header_row, rows_by_code

ROOT = Path(__file__).resolve().parent.parent


def export(report, tmp_path, **kw):
    path = tmp_path / "统计表.xlsx"
    export_xlsx(report, path, **kw)
    return openpyxl.load_workbook(path), path


@pytest.fixture
def book(sample_report, tmp_path):
    wb, _ = export(sample_report, tmp_path)
    return wb


def table(ws):
    head = header_row(ws)
    return head, header_map(ws, head), rows_by_code(ws, head + 2)


def test_sheets_title_and_unit_line(book, sample_report):
    assert book.sheetnames == ["统计表", "校验"]
    ws = book["统计表"]
    texts = [c.value for row in ws.iter_rows(max_row=header_row(ws)) for c in row if isinstance(c.value, str)]
    meta = sample_report.meta
    assert f"{meta.organ_name}{meta.report_year}年度法治政府建设情况统计表" in texts
    assert f"填报单位：{meta.organ_name}" in texts
    assert any(t.startswith("报告年度") and str(meta.report_year) in t for t in texts)
    assert any(t.startswith("计量单位") for t in texts)
    assert not any(t.startswith("表") and "号" in t for t in texts)  # no approval block unless configured


def test_header_and_column_labels(book):
    ws = book["统计表"]
    head = header_row(ws)
    assert [c.value for c in ws[head]][:8] == ["指标名称", "代码", "计量单位", "本年", "上年", "增减", "增减率", "备注"]
    assert [c.value for c in ws[head + 1]][:8] == ["甲", "乙", "丙", "1", "2", "3", "4", "丁"]
    assert all(c.font.bold for c in ws[head][:8])


def test_rows_are_the_full_form_of_the_level_plus_filled(book, sample_report):
    cat = default_catalogue()
    level = sample_report.meta.organ_level.value
    expected = {i.id for i in cat.indicators if level in i.levels} | set(sample_report.values)
    _, _, codes = table(book["统計表".replace("計", "计")])
    assert set(codes) == expected
    # a county-only indicator is not on a street's form
    county_only = [i.id for i in cat.indicators if level not in i.levels and i.id not in sample_report.values]
    assert county_only and not set(county_only) & set(codes)


def test_every_value_equals_the_report(book, sample_report):
    cat = default_catalogue()
    ws = book["统计表"]
    _, cols, codes = table(ws)
    checked = 0
    for code, row in codes.items():
        ind = cat.resolve(code, sample_report)
        assert ws.cell(row, cols["指标名称"]).value == ind.name
        assert (ws.cell(row, cols["计量单位"]).value or "") == ind.unit
        for header, year in (("本年", "value"), ("上年", "last_year")):
            cell = ws.cell(row, cols[header])
            expected = cat.effective(sample_report, code, year)
            if expected is None:
                assert cell.value is None, (code, header)
                continue
            checked += 1
            assert cell.data_type == "n" and isinstance(cell.value, (int, float)), (code, cell.value)
            if ind.is_percent:
                assert "%" in cell.number_format
                assert cell.value * 100 == pytest.approx(expected)
            else:
                assert "%" not in cell.number_format and cell.value == expected
    assert checked >= len(sample_report.values)


def test_change_columns(book, sample_report):
    cat = default_catalogue()
    ws = book["统计表"]
    _, cols, codes = table(ws)
    seen_rate = seen_count = False
    for code, row in codes.items():
        ind = cat.resolve(code, sample_report)
        now, last = cat.effective(sample_report, code), cat.effective(sample_report, code, "last_year")
        change, rate = ws.cell(row, cols["增减"]), ws.cell(row, cols["增减率"])
        if now is None or last is None:
            assert change.value is None and rate.value is None
            continue
        assert change.value == pytest.approx(now - last)
        if ind.is_percent:
            seen_rate = True
            assert "百分点" in change.number_format and rate.value is None
        elif last:
            seen_count = True
            assert rate.value == pytest.approx((now - last) / last) and "%" in rate.number_format
    assert seen_rate and seen_count


def test_derived_rates_computed_from_parts_and_named(book, sample_report):
    cat = default_catalogue()
    ws = book["统计表"]
    _, cols, codes = table(ws)
    derived = [i for i in cat.indicators if i.formula and cat.is_derived(sample_report, i.id)]
    assert derived
    for ind in derived:
        row = codes[ind.id]
        num = sum(sample_report.value_of(p).value for p in ind.formula.numerator)
        den = sum(sample_report.value_of(p).value for p in ind.formula.denominator)
        assert ws.cell(row, cols["本年"]).value == pytest.approx(num / den)
        remark = ws.cell(row, cols["备注"]).value
        assert all(p in remark for p in ind.formula.parts)


def test_qualifiers_and_remarks_in_remark_column(sample_report, tmp_path):
    sample_report.set_value("E05", remark="含电话咨询")
    wb, _ = export(sample_report, tmp_path)
    ws = wb["统计表"]
    _, cols, codes = table(ws)
    for code, entry in sample_report.values.items():
        if entry.qualifier:
            remark = ws.cell(codes[code], cols["备注"]).value or ""
            assert f"{entry.value}{entry.qualifier}" in remark, code
            assert ws.cell(codes[code], cols["本年"]).value == entry.value
    assert "含电话咨询" in ws.cell(codes["E05"], cols["备注"]).value


def test_categories_in_catalogue_order_bold(book, sample_report):
    cat = default_catalogue()
    ws = book["统计表"]
    head = header_row(ws)
    rows = [r for r in ws.iter_rows(min_row=head + 2, max_col=2) if r[0].value and not r[1].value]
    categories = [r[0] for r in rows if "、" in (r[0].value or "")[:4]]
    level = sample_report.meta.organ_level.value
    expected = [c.name for c in cat.categories if any(level in i.levels for i in cat.indicators if i.category == c.id)]
    assert [c.value.split("、", 1)[1] for c in categories] == expected
    assert categories[0].value.startswith("一、") and all(c.font.bold for c in categories)
    _, cols, codes = table(ws)
    name_cell = ws.cell(next(iter(codes.values())), 1)
    assert name_cell.alignment.indent >= 1 and not name_cell.font.bold


def test_fonts_borders_widths(book):
    ws = book["统计表"]
    _, cols, codes = table(ws)
    row = codes["F01"]
    for col in range(1, 9):
        cell = ws.cell(row, col)
        assert cell.font.name in ("宋体", "仿宋")
        assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
    widths = {k: ws.column_dimensions[k].width for k in "ABCDEFGH"}
    assert widths["A"] > widths["D"] > widths["B"]  # CJK names need the widest column


def test_print_settings(book):
    for name in ("统计表", "校验"):
        ws = book[name]
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
        assert ws.print_title_rows and ws.freeze_panes
    ws = book["统计表"]
    head = header_row(ws)
    assert ws.print_title_rows == f"${head}:${head + 1}"
    assert ws.freeze_panes == f"A{head + 2}"
    assert ws.page_setup.orientation == "portrait"


def test_signature_line_and_notes(book):
    ws = book["统计表"]
    texts = [c.value for row in ws.iter_rows(min_row=ws.max_row - 4) for c in row if isinstance(c.value, str)]
    sign = next(t for t in texts if t.startswith("单位负责人"))
    for label in ("统计负责人：", "填表人：", "联系电话：", "报出日期：", "年", "月", "日"):
        assert label in sign


def test_approval_block_from_options(sample_report, tmp_path):
    options = ExcelOptions(form_number="法治统1表", issuing_organ="江南市河西区司法局",
                           approval_number="河西司〔2024〕5号", valid_until="2026年12月")
    wb, _ = export(sample_report, tmp_path, options=options)
    ws = wb["统计表"]
    top = [c.value for row in ws.iter_rows(max_row=header_row(ws)) for c in row if isinstance(c.value, str)]
    for value in ("法治统1表", "江南市河西区司法局", "河西司〔2024〕5号", "2026年12月"):
        assert any(value in t for t in top), value
    block_cell = next(c for row in ws.iter_rows(max_row=4) for c in row if c.value and "法治统1表" in c.value)
    assert block_cell.column > 4  # top right


def test_short_form_only_filled(sample_report, tmp_path):
    wb, _ = export(sample_report, tmp_path, options=ExcelOptions(include_empty=False))
    _, _, codes = table(wb["统计表"])
    cat = default_catalogue()
    filled = set(sample_report.values) | {i.id for i in cat.indicators if cat.effective(sample_report, i.id) is not None}
    assert set(codes) == filled


def test_custom_indicators_last_group(sample_report, tmp_path):
    sample_report.add_custom_indicator("社区矫正对象数", unit="人")
    sample_report.set_value("X01", value=7, last_year=5)
    wb, _ = export(sample_report, tmp_path)
    ws = wb["统计表"]
    _, cols, codes = table(ws)
    row = codes["X01"]
    assert ws.cell(row, 1).value == "社区矫正对象数" and ws.cell(row, cols["本年"]).value == 7
    category = next(ws.cell(r, 1).value for r in range(row, 0, -1) if not ws.cell(r, 2).value)
    assert category.endswith("自定义指标")
    assert row == max(codes.values())


# -- safety --------------------------------------------------------------------------------
def test_formula_like_text_stays_text(sample_report, tmp_path):
    link = '=HYPERLINK("http://example.invalid","点击")'
    sample_report.set_meta(organ_name="=1+1")
    sample_report.add_custom_indicator(link, unit="@次")
    sample_report.set_value("X01", value=1, remark="+2-1")
    sample_report.set_value("F01", remark="-1")
    wb, path = export(sample_report, tmp_path)
    ws = wb["统计表"]
    _, cols, codes = table(ws)
    cells = [ws.cell(codes["X01"], 1), ws.cell(codes["X01"], cols["计量单位"]),
             ws.cell(codes["X01"], cols["备注"]), ws.cell(codes["F01"], cols["备注"])]
    assert [c.value for c in cells] == [link, "@次", "+2-1", "-1"]
    assert all(c.data_type == "s" for c in cells)
    organ = [c for row in ws.iter_rows(max_row=5) for c in row if c.value and "=1+1" in str(c.value)]
    assert organ and all(c.data_type == "s" for c in organ)
    assert any(c.value == "填报单位：=1+1" for c in organ)
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name


def test_control_characters_removed_and_long_text_cut(sample_report, tmp_path):
    sample_report.set_value("F01", remark="第一\x07行\x00\x1b结束")
    long_text = "很长的说明" * 8000 + "𠀀"  # 40,001 characters, one outside the BMP
    sample_report.set_value("F02", remark=long_text)
    wb, _ = export(sample_report, tmp_path)
    ws = wb["统计表"]
    _, cols, codes = table(ws)
    assert ws.cell(codes["F01"], cols["备注"]).value == "第一行结束"
    cut = ws.cell(codes["F02"], cols["备注"]).value
    assert len(cut.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT
    assert cut.startswith("很长的说明很长的说明") and "截" in cut[-60:] and str(len(long_text)) in cut[-60:]


def test_locked_target_gives_chinese_message_and_keeps_file(sample_report, tmp_path, monkeypatch):
    target = tmp_path / "统计表.xlsx"
    target.write_bytes(b"old content")

    def locked_open(file, mode="r", *args, **kwargs):
        if Path(file) == target and "a" in mode:
            raise PermissionError(13, "Permission denied", str(file))
        return open(file, mode, *args, **kwargs)

    monkeypatch.setattr("models.atomic.open", locked_open, raising=False)
    with pytest.raises(OutputFileError) as info:
        export_xlsx(sample_report, target)
    assert str(target) in str(info.value) and "占用" in str(info.value)
    assert target.read_bytes() == b"old content"


def test_bad_targets(sample_report, tmp_path):
    with pytest.raises(OutputFileError, match="文件夹不存在"):
        export_xlsx(sample_report, tmp_path / "没有" / "x.xlsx")
    with pytest.raises(OutputFileError, match=r"\.xlsx"):
        export_xlsx(sample_report, tmp_path / "x.xls")
    assert list(tmp_path.iterdir()) == []


def test_write_leaves_no_temporary_files(sample_report, tmp_path):
    export(sample_report, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["统计表.xlsx"]


# -- 校验 ----------------------------------------------------------------------------------
def test_checks_sheet_clean_sample(book):
    ws = book["校验"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "未发现问题" in texts


def test_checks_sheet_lists_the_findings(sample_report, tmp_path):
    sample_report.set_value("F02", value=140)            # 办结 > 立案
    sample_report.set_value("F03", value=90)             # typed rate ≠ F02 ÷ F01
    sample_report.set_value("C07a", value=104)           # rate above 100 %
    sample_report.set_value("A01", value=2.5)            # fractional count
    sample_report.values["B01"] = IndicatorValue(value=-1)
    findings = statistics_problems(sample_report)
    wb, _ = export(sample_report, tmp_path)
    ws = wb["校验"]
    head = header_row(ws, "序号")
    cols = header_map(ws, head)
    rows = list(ws.iter_rows(min_row=head + 1, values_only=True))
    rows = [r for r in rows if r[0]]
    assert len(rows) == len(findings) >= 5
    assert {r[cols["规则"] - 1] for r in rows} == {RULES[f.rule_id].title for f in findings}
    for f in findings:
        row = next(r for r in rows if r[cols["说明"] - 1] == f.message)
        assert row[cols["类别"] - 1] == f.severity.label
        for place in (f.location, *f.related):
            if isinstance(place, IndicatorLocation):
                assert place.indicator_id in row[cols["涉及指标"] - 1]
                assert place.indicator_id in row[cols["数值"] - 1]
    # the ones the clerk caused are all there
    listed = " ".join(r[cols["涉及指标"] - 1] for r in rows)
    for ind_id in ("F02", "F03", "C07a", "A01", "B01"):
        assert ind_id in listed
    severities = [r[cols["类别"] - 1] for r in rows]
    order = {"错误": 0, "警告": 1, "提示": 2}
    assert severities == sorted(severities, key=order.get)  # errors first


def test_cli_export_xlsx(tmp_path, sample_path):
    out = tmp_path / "统计表.xlsx"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(sample_path), "--xlsx", str(out)],
                            capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and out.exists()
    assert openpyxl.load_workbook(out).sheetnames == ["统计表", "校验"]
