"""Sheet 「校验」: what the checks engine finds in the report's numbers
(text vs statistics, the catalogue's relations, year on year) — the same findings as
the check panel and ``main.py check``."""
from __future__ import annotations

from typing import Optional

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.catalogue import Catalogue
from models.checks import RULES, IndicatorLocation, Problem, Severity, statistics_problems
from models.report import PREFIX_QUALIFIERS, Report, format_number

from .cells import put_cell
from .form import fit_row_height, merge_text, set_widths, write_header
from .printing import setup_page

HEADERS = ("序号", "类别", "年度", "涉及指标", "数值", "规则", "说明")
WIDTHS = (6, 7, 7, 34, 16, 40, 46)
NO_PROBLEMS = "未发现问题"
YEAR_LABELS = {"value": "本年", "last_year": "上年"}


def _indicators(problem: Problem) -> list[IndicatorLocation]:
    places = [problem.location, *problem.related]
    return [p for p in places if isinstance(p, IndicatorLocation)]


def _year(problem: Problem) -> str:
    found = _indicators(problem)
    return YEAR_LABELS.get(found[0].year, "本年") if found else "本年"


def _indicator_lines(problem: Problem, report: Report, catalogue: Catalogue) -> str:
    lines = []
    for place in _indicators(problem):
        ind = catalogue.resolve(place.indicator_id, report)
        lines.append(f"{place.indicator_id} {ind.name if ind else ''}".rstrip())
    if problem.location is not None and not isinstance(problem.location, IndicatorLocation):
        lines.insert(0, f"正文 {problem.where}")
    return "\n".join(lines)


def _value_text(report: Report, catalogue: Catalogue, place: IndicatorLocation) -> str:
    """The figure as the form shows it, with its qualifier (460余人次); for a rate computed
    from its parts also what was typed, which is what R2-RATE-FORMULA is about."""
    ind = catalogue.resolve(place.indicator_id, report)
    unit = ind.unit if ind else ""
    value = catalogue.effective(report, place.indicator_id, place.year)
    if value is None:
        return "空"
    entry = report.value_of(place.indicator_id)
    derived = catalogue.is_derived(report, place.indicator_id, place.year)
    qualifier = entry.qualifier if place.year == "value" and not derived else ""
    text = format_number(value, 2)
    text = f"{qualifier}{text}{unit}" if qualifier in PREFIX_QUALIFIERS else f"{text}{qualifier}{unit}"
    typed = getattr(entry, place.year)
    if derived and typed is not None and format_number(typed, 2) != format_number(value, 2):
        text += f"（计算值，填写为 {format_number(typed, 2)}{unit}）"
    return text


def _value_lines(problem: Problem, report: Report, catalogue: Catalogue) -> str:
    return "\n".join(f"{place.indicator_id}＝{_value_text(report, catalogue, place)}"
                     for place in _indicators(problem))


def summary_counts(problems: list[Problem]) -> str:
    """「错误 1 个，警告 2 个」, or "" when there are none."""
    counts = {sev: sum(1 for p in problems if p.severity is sev) for sev in Severity}
    return "，".join(f"{sev.label} {n} 个" for sev, n in counts.items() if n)


def summary_text(problems: list[Problem]) -> str:
    if not problems:
        return f"{NO_PROBLEMS}。"
    return (f"共发现 {len(problems)} 个问题：{summary_counts(problems)}。"
            "错误应在报送前改正；警告和提示请核实，确有原因的可在备注中说明。")


def write_checks_sheet(ws: Worksheet, report: Report, catalogue: Catalogue,
                       last_year: Optional[Report] = None) -> list[Problem]:
    findings = statistics_problems(report, catalogue, last_year)
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
        cells = (number, finding.severity.label, _year(finding),
                 _indicator_lines(finding, report, catalogue), _value_lines(finding, report, catalogue),
                 RULES[finding.rule_id].title, finding.message)
        for col, value in enumerate(cells, start=1):
            put_cell(ws, row, col, value, "fz_text" if col > 3 else "fz_center")
        fit_row_height(ws, row, list(zip(cells[1:], WIDTHS[1:])))
        row += 1
    set_widths(ws, WIDTHS)
    setup_page(ws, landscape=True, title_rows=(3, 3), fit_width=1, freeze=f"A{first_data_row}")
    ws.print_area = f"A1:{get_column_letter(last)}{row - 1}"
    return findings
