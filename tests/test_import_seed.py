"""The seed (a real report copied from its website) imports to exactly its structure and numbers."""
import re

import pytest

from importers import apply_numbers, import_file, import_text
from models.catalogue import default_catalogue
from models.report import Part
from models.text import normalize_punctuation
from tests.import_helpers import body_blocks, outline
from tests.test_catalogue import SEED_NUMBERS

ORGAN = "广州市海珠区人民政府昌岗街道办事处"


@pytest.fixture
def seed_result(seed_text):
    return import_text(seed_text)


def _seed_body_lines(seed_text: str) -> list[str]:
    """The report's own paragraphs in the web copy: from the opening paragraph to the signature."""
    lines = [line.strip() for line in seed_text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("2023年,昌岗街道"))
    end = lines.index(ORGAN)
    return [normalize_punctuation(line) for line in lines[start:end]]


def test_title_year_signature_and_date(seed_result):
    meta = seed_result.report.meta
    assert meta.effective_title == f"{ORGAN}关于2023年度法治政府建设情况的报告"
    assert meta.title == ""  # the default title: it follows organ and year by itself
    assert meta.report_year == 2023
    assert meta.organ_name == ORGAN and meta.signature_name == ORGAN
    assert meta.signing_date.isoformat() == "2023-11-30"
    assert meta.addressees == []


def test_outline_levels_parts_and_run_in(seed_result):
    report = seed_result.report
    assert [s.heading for s in report.sections] == [
        "2023年法治政府建设工作情况", "存在的问题与不足", "2024年法治政府建设工作计划"]
    assert [s.part for s in report.sections] == [Part.MEASURES, Part.SHORTCOMINGS, Part.NEXT_YEAR]
    one, two, three = report.sections
    assert [c.heading for c in one.children] == [
        "深入学习宣传贯彻习近平法治思想", "切实履行推进法治建设第一责任人职责", "持续深化依法行政", "持续深化综合行政执法工作"]
    assert [c.heading for c in three.children] == ["坚决履行主体责任", "有效提升法治水平", "务实推进制度建设", "积极增强宣传力度"]
    assert [label for _, label, _ in outline(report)] == [
        "一、", "（一）", "（二）", "（三）", "（四）", "二、", "三、", "（一）", "（二）", "（三）", "（四）"]
    subsections = one.children + three.children
    assert all(s.run_in and len(s.paragraphs) == 1 and not s.children for s in subsections)
    assert not two.children and len(two.paragraphs) == 1 and not two.run_in
    assert one.paragraphs == [] and three.paragraphs == []


def test_every_paragraph_is_kept_in_order(seed_result, seed_text):
    # 「一是……二是……」 stays inside its paragraph; each source line is one block, word for word
    printed = []
    report = seed_result.report
    printed += report.preamble
    for section, _, _ in report.iter_sections():
        label = report.label_of(section.id)
        if section.run_in:
            printed.append(label + section.heading_sentence() + section.paragraphs[0])
            printed += section.paragraphs[1:]
        else:
            printed.append(label + section.heading)
            printed += section.paragraphs
    assert printed == _seed_body_lines(seed_text)


def test_web_clutter_is_gone_and_punctuation_is_full_width(seed_result):
    everything = "".join(body_blocks(seed_result.report))
    for clutter in ("您当前所在的位置", "发布日期", "分享到", "浏览量", "相关文章", "访问总数", "联系我们", "ICP备", "公网安备",
                    "网站标识码", "主办"):
        assert clutter not in everything
    assert "," not in everything and "(" not in everything
    assert "2023年，昌岗街道" in everything and "（2021-2025年）" in everything
    assert seed_result.warnings == []


def test_every_seed_number_is_proposed_for_its_indicator(seed_result, seed_text):
    proposed = {(p.indicator_id, p.mention.value) for p in seed_result.proposals}
    for pattern, ind_id in SEED_NUMBERS:
        value = int(re.search(pattern, seed_text).group(1))
        assert (ind_id, value) in proposed, (ind_id, value)
        mention = next(p.mention for p in seed_result.proposals if p.indicator_id == ind_id)
        assert str(value) in mention.phrase  # the phrase the user sees holds the number
    # and no seed number is proposed for an indicator it does not belong to
    assert {p.indicator_id for p in seed_result.proposals} == {ind for _, ind in SEED_NUMBERS}


def test_apply_numbers_fills_values_with_qualifiers(seed_result):
    assert seed_result.report.values == {}  # proposals only, until applied
    apply_numbers(seed_result)
    values = seed_result.report.values
    assert values["I03"].value == 141 and values["E05"].value == 460 and values["E05"].qualifier == "余"
    assert values["J03"].qualifier == "多" and values["I04"].qualifier == "超过"
    assert values["F01"].value == 117 and values["F02"].value == 115
    assert "F03" not in values  # the rate follows from 立案 and 办结
    assert default_catalogue().effective(seed_result.report, "F03") == pytest.approx(115 / 117 * 100)


def test_seed_as_a_file_in_each_encoding(seed_text, tmp_path):
    seed_text = seed_text.replace("\xa0", " ")  # GBK has no no-break space; a GBK copy holds spaces
    expected = import_text(seed_text).report
    for encoding in ("utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"):
        f = tmp_path / f"seed-{encoding}.txt"
        f.write_bytes(seed_text.replace("\n", "\r\n").encode(encoding))
        got = import_file(f).report
        assert got.meta.effective_title == expected.meta.effective_title, encoding
        assert body_blocks(got) == body_blocks(expected), encoding
        assert got.meta.signing_date == expected.meta.signing_date


def test_plan_numbers_are_targets_not_proposals(seed_text):
    plan_line = "(四)积极增强宣传力度。"
    text = seed_text.replace(plan_line, plan_line + "全年开展普法宣传讲座80场次，力争调解成功率达到98%。")
    result = import_text(text)
    plan = result.report.sections[2]
    assert "普法宣传讲座80场次" in plan.children[3].paragraphs[0]
    values = [(p.indicator_id, p.mention.value) for p in result.proposals]
    assert ("J01", 80) not in values and ("J01", 66) in values
    assert all(m.value != 98 for m in result.unmatched)

