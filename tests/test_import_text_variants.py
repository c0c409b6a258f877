"""Text reports as other offices and websites write them: page buttons, 附件 pages, 第一部分 headings."""
from importers import import_text
from tests.import_helpers import key, outline, printed_blocks

REPORT = """某某区市场监督管理局2024年法治政府建设工作报告
一、主要工作举措和成效
全年查办各类案件386件。
二、存在的不足及原因
执法人员专业能力不足。
三、2025年工作计划
加强执法队伍建设。
某某区市场监督管理局
2025年1月20日
"""


def test_rows_of_page_buttons_after_the_report_are_dropped():
    buttons = ["【打印本页】【关闭窗口】", "[打印] [关闭]", "【我要打印】 【加入收藏】", "打印本页  关闭窗口"]
    result = import_text(REPORT + "\n".join(buttons) + "\n")
    everything = "".join(printed_blocks(result.report))
    assert "打印" not in everything and "关闭" not in everything
    assert result.report.sections[-1].paragraphs == ["加强执法队伍建设。"]
    assert result.warnings == []
