"""A small report with nothing to object to, for the checks tests to spoil one way at a time."""
from __future__ import annotations

import datetime as dt

from models.checks import CheckOptions
from models.report import DocNumber, IndicatorValue, OrganLevel, Part, Report, ReportMeta, Section

TODAY = dt.date(2025, 1, 10)
OPTIONS = CheckOptions(today=TODAY)


def clean_report() -> Report:
    meta = ReportMeta(organ_name="江南市河西区人民政府示例街道办事处", organ_level=OrganLevel.STREET, report_year=2024,
                      signing_date=dt.date(2024, 12, 20),
                      title="江南市河西区人民政府示例街道办事处\n关于2024年度法治政府建设情况的报告",
                      addressees=["中共江南市河西区委全面依法治区委员会办公室"],
                      doc_number=DocNumber("河西示例", 2024, 3), signers=["王某"],
                      printing_organ="示例街道党政综合办公室", printing_date=dt.date(2024, 12, 20))
    work = Section(heading="2024年法治政府建设工作情况", part=Part.MEASURES, id="work", children=[
        Section(heading="切实履行推进法治建设第一责任人职责", run_in=True, id="duty",
                paragraphs=["街道党工委全年召开会议专题研究法治建设4次。"]),
        Section(heading="多元化解矛盾纠纷", run_in=True, id="mediation",
                paragraphs=["全年受理调解纠纷130件，累计成功调解各类纠纷126件，调解成功率96.9%。"]),
    ])
    gaps = Section(heading="存在的问题与不足", part=Part.SHORTCOMINGS, id="gaps",
                   paragraphs=["一是执法力量不足。究其原因，主要是法律专业人员偏少。"])
    plan = Section(heading="2025年法治政府建设工作计划", part=Part.NEXT_YEAR, id="plan",
                   paragraphs=["持续深化普法宣传，力争开展普法讲座50场次。"])
    values = {"A01": IndicatorValue(4, last_year=3), "I02": IndicatorValue(130, last_year=121),
              "I03": IndicatorValue(126, last_year=116)}
    return Report(meta=meta, preamble=["2024年，街道深入学习贯彻习近平法治思想。现将有关情况报告如下："],
                  sections=[work, gaps, plan], values=values)
