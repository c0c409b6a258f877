"""Sheet 「校验」: what the catalogue's rules find in the report's numbers (models.relations)."""
from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.catalogue import Catalogue
from models.relations import Finding, check_report
from models.report import Report, format_number

from .cells import put_text
from .form import fit_row_height, merge_text, set_widths, write_header
from .printing import setup_page

HEADERS = ("序号", "类别", "年度", "涉及指标", "数值", "规则", "说明")
WIDTHS = (6, 7, 7, 34, 16, 40, 46)
NO_PROBLEMS = "未发现问题"


def _indicator_lines(finding: Finding, report: Report, catalogue: Catalogue) -> str:
    lines = []
    for ind_id in finding.indicator_ids:
        ind = catalogue.resolve(ind_id, report)
        lines.append(f"{ind_id} {ind.name if ind else ''}".rstrip())
    return "\n".join(lines)


def _value_lines(finding: Finding, report: Report, catalogue: Catalogue) -> str:
    lines = []
    for ind_id, value in zip(finding.indicator_ids, finding.values):
        ind = catalogue.resolve(ind_id, report)
        unit = ind.unit if ind else ""
        lines.append(f"{ind_id}＝{format_number(value, 2) if value is not None else '空'}{unit}")
    return "\n".join(lines)


def summary_text(findings: list[Finding]) -> str:
    if not findings:
        return f"{NO_PROBLEMS}。"
    errors = sum(1 for f in findings if f.severity == "error")
    return (f"共发现 {len(findings)} 个问题：错误 {errors} 个（报送前应改正），"
            f"提示 {len(findings) - errors} 个（请核实，确有原因的可在备注中说明）。")


def write_checks_sheet(ws: Worksheet, report: Report, catalogue: Catalogue) -> list[Finding]:
    findings = sorted(check_report(report, catalogue), key=lambda f: f.severity != "error")
    ws.title = "校验"
    last = len(HEADERS)
    merge_text(ws, 1, 1, last, f"{report.meta.organ_name}{report.meta.report_year}年度统计数据校验结果", "fz_title")
    ws.row_dimensions[1].height = 30
    merge_text(ws, 2, 1, last, summary_text(findings), "fz_info")
    row = write_header(ws, 3, HEADERS, header_height=20)
    first_data_row = row
    if not findings:
        merge_text(ws, row, 1, last, NO_PROBLEMS, "fz_label")
        for col in range(2, last + 1):
            ws.cell(row=row, column=col).style = "fz_label"
        row += 1
    for number, finding in enumerate(findings, start=1):
        cells = (str(number), finding.severity_label, finding.year_label,
                 _indicator_lines(finding, report, catalogue), _value_lines(finding, report, catalogue),
                 finding.rule, finding.message)
        for col, text in enumerate(cells, start=1):
            put_text(ws, row, col, text, "fz_text" if col > 3 else "fz_center")
        fit_row_height(ws, row, list(zip(cells, WIDTHS)))
        row += 1
    set_widths(ws, WIDTHS)
    setup_page(ws, landscape=True, title_rows=(3, 3), fit_width=1, freeze=f"A{first_data_row}")
    ws.print_area = f"A1:{get_column_letter(last)}{row - 1}"
    return findings
