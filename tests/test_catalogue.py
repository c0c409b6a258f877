"""The indicator catalogue: consistent data, and a home for every number in the seed report."""
import re

import pytest

from models.catalogue import Catalogue, CatalogueError, default_catalogue
from models.report import IndicatorValue, Report

CAT = default_catalogue()


def test_catalogue_size_and_groups():
    assert len(CAT.indicators) >= 60
    names = [c.name for c in CAT.categories]
    for group in ("学法", "规范性文件", "重大行政决策", "法律顾问", "行政执法", "行政复议", "行政诉讼", "调解",
                  "普法", "政务公开", "公共法律服务"):
        assert any(group in n for n in names), group
    assert all(CAT.get(i.id) is i for i in CAT.indicators)
    assert len(CAT.relations) >= 20


def test_every_indicator_has_name_unit_type_and_phrases():
    for ind in CAT.indicators:
        assert ind.name and ind.unit and ind.unit in ind.units, ind.id
        assert ind.phrases, ind.id
        if ind.type == "rate":
            assert ind.unit == "%", ind.id


def test_rates_with_formula_are_computed_not_stored():
    r = Report(values={"F01": IndicatorValue(117), "F02": IndicatorValue(115)})
    assert CAT.computed(r, "F03") == pytest.approx(98.2906, abs=1e-3)
    assert CAT.effective(r, "F03") == pytest.approx(98.29, abs=0.01)
    # without the denominator the entered rate is used (the seed gives 调解成功率 alone)
    r2 = Report(values={"I03": IndicatorValue(141), "I04": IndicatorValue(95, qualifier="超过")})
    assert CAT.computed(r2, "I04") is None and CAT.effective(r2, "I04") == 95
    # a zero base gives no rate rather than a division error
    r3 = Report(values={"F01": IndicatorValue(0), "F02": IndicatorValue(0)})
    assert CAT.computed(r3, "F03") is None


def test_broken_catalogue_is_rejected():
    good = {"categories": [{"id": "A", "name": "甲"}],
            "indicators": [{"id": "A01", "category": "A", "name": "x", "unit": "次"}], "relations": []}
    Catalogue.from_dict(good)
    bad = dict(good, relations=[{"id": "R", "kind": "part_le_whole", "part": "A01", "whole": "A99"}])
    with pytest.raises(CatalogueError):
        Catalogue.from_dict(bad)
    bad = dict(good, indicators=good["indicators"] * 2)
    with pytest.raises(CatalogueError):
        Catalogue.from_dict(bad)


def test_grouped_by_level_and_custom_last():
    r = Report()
    r.add_custom_indicator("网格巡查", "次")
    groups = CAT.grouped(r, level="street")
    assert groups[-1][1] == "自定义指标" and groups[-1][2][0].name == "网格巡查"
    street_ids = {i.id for _, _, inds in groups for i in inds}
    assert all("street" in CAT.get(i).levels for i in street_ids if CAT.get(i))


# Every number of the 昌岗 2023 seed report, the phrase it stands in, and its indicator.
SEED_NUMBERS = [
    (r"累计轮训党员干部(1860)(人次)", "B05"),
    (r"为干部群众举办法治讲座(6)(场次)", "B02"),
    (r"庭审旁听活动共计(31)(场)", "B08"),
    (r"组织国家工作人员学法考试(1)(场次)", "B12"),
    (r"增派(1)(名)具有较强法律实务经验", "B13"),
    (r"咨询解答共计(460)余(人次)", "E05"),
    (r"执法立案(117)(宗)", "F01"),
    (r"办结(115)(宗)", "F02"),
    (r"行政复议案件(1)(宗)", "G15"),
    (r"维持(1)(宗)", "G04"),
    (r"新收一审案件(3)(宗)", "H01"),
    (r"一审案件3宗,胜诉(3)(宗)", "H03"),
    (r"出庭应诉率达到(100)(%)", "H10"),
    (r"新收二审案件(7)(宗)", "H14"),
    (r"二审案件7宗,胜诉(7)(宗)", "H15"),
    (r"办理行政监督案件(1)(宗)", "H16"),
    (r"监督案件1宗,胜诉(1)(宗)", "H16a"),
    (r"成功调解各项纠纷(141)(件)", "I03"),
    (r"调解成功率超过(95)(%)", "I04"),
    (r"普法宣传讲座(66)(场次)", "J01"),
    (r"专题宣传(8)(场次)", "J12"),
    (r"印发宣传单张(5400)(份)", "J02"),
    (r"受教育面达(7800)多(人次)", "J03"),
    (r"法律六进活动(21)(场次)", "J08"),
    (r"法治教育宣传片(1)(场次)", "J11"),
    (r"主动公开信息(50)(条)", "K01"),
    (r"受理依申请公开信息(18)(宗)", "K04"),
    (r"发布信息(500)余(条)", "K07"),
]


def test_every_number_in_the_seed_has_a_home(seed_text):
    homes = set()
    for pattern, ind_id in SEED_NUMBERS:
        m = re.search(pattern, seed_text)
        assert m, f"seed phrase not found: {pattern}"
        ind = CAT.get(ind_id)
        assert ind is not None, ind_id
        assert m.group(2) in ind.units, (ind_id, m.group(2), ind.units)
        homes.add(ind_id)
    assert len(homes) == len(SEED_NUMBERS)  # one indicator per number
    # and the list is complete: every number with a unit in the report body is covered
    body = seed_text[seed_text.index("2023年,昌岗"):seed_text.index("三、2024年")]
    units = "人次|场次|宗|件|份|条|名|场|%"
    found = {m.group(0) for m in re.finditer(rf"\d+(?:余|多)?(?:{units})", body)}
    covered = set()
    for pattern, _ in SEED_NUMBERS:
        m = re.search(pattern, seed_text)
        covered.add(m.group(1) + seed_text[m.end(1):m.end(2)])
    assert found <= covered, found - covered
