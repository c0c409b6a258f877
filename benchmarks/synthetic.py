"""Generated reports of a chosen length, for benchmarks and scale tests.

Deterministic (seeded) text in the shape of a real report, with numbers that
agree with the statistics, so every stage (export, import, checks) sees realistic input.
"""
from __future__ import annotations

import datetime as dt
import random

from models.pages import estimate_pages
from models.report import DocNumber, IndicatorValue, OrganLevel, Part, Report, ReportMeta, Section

_PHRASES = [
    "坚持以习近平新时代中国特色社会主义思想为指导", "深入学习贯彻习近平法治思想", "严格落实法治建设第一责任人职责",
    "健全依法决策机制", "推进严格规范公正文明执法", "完善矛盾纠纷多元化解机制", "加强行政规范性文件合法性审核",
    "持续开展普法宣传教育", "深化政务公开", "强化行政权力制约和监督", "提升基层治理法治化水平",
    "落实行政执法三项制度", "发挥法律顾问作用", "推进公共法律服务体系建设", "压实各级领导干部责任",
]
_NUMBERED = [("累计成功调解各类纠纷", "I03", "件"), ("全年综合行政执法立案", "F01", "宗"),
             ("累计轮训党员干部", "B05", "人次"), ("开展普法宣传讲座", "J01", "场次")]


def _paragraph(rng: random.Random, n_sentences: int) -> str:
    sentences = []
    for _ in range(n_sentences):
        parts = rng.sample(_PHRASES, 3)
        sentences.append("，".join(parts) + "。")
    return "".join(sentences)


def make_report(pages: int = 30, seed: int = 1) -> Report:
    """A report of about ``pages`` pages at 22×28 (three parts, four heading levels)."""
    rng = random.Random(seed)
    values = {"I03": IndicatorValue(141), "I02": IndicatorValue(146), "F01": IndicatorValue(117),
              "F02": IndicatorValue(115), "B05": IndicatorValue(1860), "J01": IndicatorValue(66)}
    meta = ReportMeta(organ_name="江南市河西区人民政府示例街道办事处", organ_level=OrganLevel.STREET,
                      report_year=2024, signing_date=dt.date(2024, 12, 20),
                      addressees=["中共江南市河西区委全面依法治区委员会办公室"],
                      doc_number=DocNumber("河西示例", 2024, 5), cc=["江南市河西区司法局"],
                      printing_organ="江南市河西区人民政府示例街道办事处", printing_date=dt.date(2024, 12, 20))
    report = Report(meta=meta, preamble=[_paragraph(rng, 3) + "现将有关情况报告如下："], values=values)
    work = Section(heading="2024年法治政府建设工作情况", part=Part.MEASURES)
    report.sections = [work,
                       Section(heading="存在的问题与不足", part=Part.SHORTCOMINGS),
                       Section(heading="2025年法治政府建设工作计划", part=Part.NEXT_YEAR)]
    topic = 0
    while estimate_pages(report) < pages:
        topic += 1
        sub = Section(heading=f"{rng.choice(_PHRASES)}（专题{topic}）", run_in=topic % 2 == 1)
        for k in range(3):
            phrase, ind_id, unit = _NUMBERED[(topic + k) % len(_NUMBERED)]
            sub.paragraphs.append(_paragraph(rng, 4) + f"{phrase}{values[ind_id].value}{unit}。")
        if topic % 3 == 0:
            item = Section(heading=f"{rng.choice(_PHRASES)}", paragraphs=[_paragraph(rng, 3)])
            item.children.append(Section(heading=rng.choice(_PHRASES), paragraphs=[_paragraph(rng, 2)]))
            sub.children.append(item)
        target = work if topic % 5 else report.sections[2]
        target.children.append(sub)
    report.sections[1].paragraphs = [_paragraph(rng, 4), _paragraph(rng, 3) + "究其原因，主要是学习培训不够系统。"]
    return report
