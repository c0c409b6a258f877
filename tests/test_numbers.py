"""Number recognition shared by the importer and the checks."""
import pytest

from models.numbers import find_numbers, parse_chinese_number
from models.text import normalize_punctuation
from tests.test_catalogue import SEED_NUMBERS


def stats(text):
    return [(m.indicator_id, m.value, m.qualifier) for m in find_numbers(text) if m.is_statistic]


def test_every_seed_number_is_proposed_for_its_indicator(seed_text):
    mentions = [m for m in find_numbers(normalize_punctuation(seed_text)) if m.is_statistic and m.indicator_id]
    proposed = {(m.indicator_id, m.value) for m in mentions}
    for pattern, ind_id in SEED_NUMBERS:
        import re
        value = int(re.search(pattern, seed_text).group(1))
        assert (ind_id, value) in proposed, (ind_id, value)
    # and nothing in the seed is proposed for a wrong indicator
    expected = {ind for _, ind in SEED_NUMBERS}
    assert {m.indicator_id for m in mentions} == expected


@pytest.mark.parametrize("text,expected", [
    ("累计成功调解各项纠纷141件", [("I03", 141, "")]),
    ("新收一审案件3宗，胜诉3宗", [("H01", 3, ""), ("H03", 3, "")]),
    ("新收二审案件7宗，胜诉7宗", [("H14", 7, ""), ("H15", 7, "")]),
    ("咨询解答共计460余人次", [("E05", 460, "余")]),
    ("出庭应诉率达到100%", [("H10", 100, "")]),
    ("全年立案117宗，办结115宗", [("F01", 117, ""), ("F02", 115, "")]),
    ("调解成功率超过95%", [("I04", 95, "超过")]),
    ("增派两名法制员", [("B13", 2, "")]),
    ("受教育群众1.5万人次", [("J03", 15000, "")]),
    ("开展普法讲座十余场", [("J01", 10, "余")]),
    # thousands separators
    ("全县行政执法立案1,235件，办结1,180件", [("F01", 1235, ""), ("F02", 1180, "")]),
    ("受教育群众12,345.5人次", [("J03", 12345.5, "")]),
    # the nearest phrase names the number, not a longer one further back
    ("制定修订《重大行政决策程序实施办法》等内部制度9个", [("C01", 9, "")]),
    ("经审核后制发行政规范性文件2件", [("C02", 2, "")]),
    # among overlapping phrases the one carrying the modifier wins
    ("其中开展专题法治宣传活动10场次", [("J12", 10, "")]),
    ("负责人出庭应诉率100%", [("H10", 100, "")]),
    # a document's name before the number is not its context
    ("制定修订《青石街道重大行政决策程序实施办法》等内部制度9个", [("C01", 9, "")]),
    # the number's own clause decides before the clause ahead of it
    ("对3件行政规范性文件草案开展合法性审核，经审核后制发行政规范性文件2件", [("C05", 3, ""), ("C02", 2, "")]),
    # equally long phrases that overlap: the one with the modifier
    ("全年开展“法律六进”活动26场次，其中开展专题法治宣传活动10场次", [("J08", 26, ""), ("J12", 10, "")]),
])
def test_values_and_indicators(text, expected):
    assert stats(text) == expected


@pytest.mark.parametrize("text", [
    "紧密围绕省委“1310”具体部署和市委“1312”思路举措",
    "落实“1+4+8”工作机制",
    "根据厅字〔2019〕28号文件",
    "《法治广州建设规划（2021-2025年）》",
    "2023年11月30日",
    "拨打12345热线",
    "落实“八五”普法",
    "第一责任人",
    "统一部署",
    "印发《关于加强调解工作的3项措施》",
])
def test_not_statistics(text):
    assert [m for m in find_numbers(text) if m.is_statistic] == []


def test_targets_and_changes_are_not_values():
    kinds = [(m.value, m.kind) for m in find_numbers("收案同比上升12%，力争调解成功率达到98%，下降3个百分点")]
    assert kinds == [(12, "change"), (98, "target"), (3, "change")]


def test_unmatched_numbers_are_listed_without_indicator():
    found = find_numbers("新建口袋公园3个")
    assert [(m.value, m.unit, m.indicator_id) for m in found] == [(3, "个", None)]


def test_phrase_shows_where_the_number_came_from():
    m = find_numbers("截至目前，累计成功调解各项纠纷141件，调解成功率超过95%")[0]
    assert m.phrase == "累计成功调解各项纠纷141件"
    assert m.matched == "成功调解"


@pytest.mark.parametrize("text,value", [("两", 2), ("十", 10), ("十二", 12), ("二十三", 23), ("一百零五", 105),
                                        ("三百", 300), ("二三", None), ("", None)])
def test_parse_chinese_number(text, value):
    assert parse_chinese_number(text) == value
