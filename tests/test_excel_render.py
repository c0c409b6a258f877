"""The workbooks as LibreOffice prints them: A4, and the statistics form one page wide."""
import copy

import pdfplumber
import pytest

from exporters.excel import aggregate_xlsx, export_xlsx
from models.storage import save_report

from .excel_helpers import to_pdf

A4_PT = (595.3, 841.9)

pytestmark = pytest.mark.render


def is_a4(page, landscape: bool) -> bool:
    size = (page.width, page.height) if not landscape else (page.height, page.width)
    return abs(size[0] - A4_PT[0]) < 2 and abs(size[1] - A4_PT[1]) < 2


def test_statistics_sheet_prints_a4_one_page_wide(sample_report, tmp_path):
    sample_report.set_value("F02", value=140)  # one finding, so 校验 has a table too
    xlsx = tmp_path / "统计表.xlsx"
    export_xlsx(sample_report, xlsx)
    with pdfplumber.open(to_pdf(xlsx, tmp_path)) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        form_pages = [p for p, t in zip(pdf.pages, texts) if "计量单位" in t and "丁" in t]
        assert len(form_pages) >= 2  # the full street form runs over several pages
        for page in form_pages:
            assert is_a4(page, landscape=False)
            words = page.extract_words()
            # one page wide: every page has the first and the last column (repeated header rows
            # alone would show 指标名称 without 备注 on a page of right-hand columns)
            assert {"指标名称", "备注", "甲", "丁"} <= {w["text"] for w in words}
            assert max(w["x1"] for w in words) <= page.width - 10
        # every indicator row arrives: codes of the first and last rows of the form
        joined = "\n".join(texts)
        assert "A01" in joined and "N03" in joined
        assert "第 1 页" in texts[0]
        check_pages = [p for p, t in zip(pdf.pages, texts) if "校验结果" in t]
        assert check_pages and all(is_a4(p, landscape=True) for p in check_pages)


def test_summary_prints_a4_with_names_on_every_page(sample_report, tmp_path):
    paths = []
    for i in range(8):
        r = copy.deepcopy(sample_report)
        r.meta.organ_name = f"江南市河西区人民政府第{i + 1}街道办事处"
        paths.append(tmp_path / f"{i}.fzbg")
        save_report(r, paths[-1], backup=False)
    xlsx = tmp_path / "汇总.xlsx"
    aggregate_xlsx(paths, xlsx)
    with pdfplumber.open(to_pdf(xlsx, tmp_path)) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        table_pages = [(p, t) for p, t in zip(pdf.pages, texts) if "统计汇总表" in t]
        assert len(table_pages) > 2
        for page, text in table_pages:
            assert is_a4(page, landscape=True)
            assert "指标名称" in text and "计量单位" in text  # name columns repeated on every page
        assert all(f"第{i + 1}街道" in "".join(texts) for i in range(8))
