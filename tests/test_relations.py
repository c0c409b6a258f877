"""models.relations: the catalogue's rules on one report, as the 校验 sheet and the checks use them."""
import pytest

from models.catalogue import default_catalogue
from models.relations import (LOWER_BOUND_QUALIFIERS, RATE_TOLERANCE_PP, UPPER_BOUND_QUALIFIERS, bounds_of,
                              check_report, rate_findings, relation_findings, value_findings)
from models.report import PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, IndicatorValue, Report


def report_with(**values) -> Report:
    r = Report()
    for key, v in values.items():
        r.values[key] = v if isinstance(v, IndicatorValue) else IndicatorValue(value=v)
    return r


def kinds(findings):
    return [(f.kind, f.indicator_ids[0]) for f in findings]


def relation(kind):
    return next(r for r in default_catalogue().relations if r.kind == kind)


def test_every_qualifier_has_a_bound_meaning():
    assert set(LOWER_BOUND_QUALIFIERS + UPPER_BOUND_QUALIFIERS + ("约",)) == set(PREFIX_QUALIFIERS + SUFFIX_QUALIFIERS)


def test_sample_has_no_findings(sample_report):
    assert check_report(sample_report) == []


def test_part_greater_than_whole_names_both_and_the_rule():
    rel = relation("part_le_whole")
    part, whole = rel.parts[0], rel.whole
    found = relation_findings(report_with(**{part: 7, whole: 5}))
    assert kinds(found) == [("part_gt_whole", whole)]
    f = found[0]
    assert f.indicator_ids == (whole, part) and f.values == (5, 7)
    assert f.rule == rel.rule and f.severity == rel.severity and f.relation_id == rel.id
    assert part in f.message and whole in f.message and "7" in f.message and "5" in f.message
    assert relation_findings(report_with(**{part: 5, whole: 5})) == []
    assert relation_findings(report_with(**{part: 7})) == []  # an empty whole is not zero


def test_sum_equals_and_sum_le_whole():
    rel = relation("sum_equals")
    values = {p: 1 for p in rel.parts}
    ok = report_with(**values, **{rel.whole: len(rel.parts)})
    bad = report_with(**values, **{rel.whole: len(rel.parts) + 1})
    assert relation_findings(ok) == []
    found = relation_findings(bad)
    assert kinds(found) == [("sum_mismatch", rel.whole)]
    assert found[0].expected == len(rel.parts) and found[0].values[0] == len(rel.parts) + 1
    # one part missing: the sum is unknown, nothing to say
    missing = dict(values)
    missing.pop(rel.parts[0])
    assert relation_findings(report_with(**missing, **{rel.whole: 99})) == []

    rel = relation("sum_le_whole")
    parts = {p: 3 for p in rel.parts}
    assert relation_findings(report_with(**parts, **{rel.whole: 3 * len(rel.parts)})) == []
    found = relation_findings(report_with(**parts, **{rel.whole: 3 * len(rel.parts) - 1}))
    assert kinds(found) == [("sum_gt_whole", rel.whole)]


def test_qualifiers_are_bounds_not_points():
    rel = relation("part_le_whole")
    part, whole = rel.parts[0], rel.whole
    # whole 「100余」 may be 105: a part of 103 is possible
    assert relation_findings(report_with(**{part: 103, whole: IndicatorValue(100, qualifier="余")})) == []
    # part 「103余」 is at least 103 > 100: certainly wrong
    found = relation_findings(report_with(**{part: IndicatorValue(103, qualifier="余"), whole: 100}))
    assert kinds(found) == [("part_gt_whole", whole)]
    # 「近103」 may be 99; 「约103」 may be anything near
    for q in ("近", "约"):
        assert relation_findings(report_with(**{part: IndicatorValue(103, qualifier=q), whole: 100})) == []
    b = bounds_of(report_with(X=IndicatorValue(5, last_year=4, qualifier="余")), "X", "last_year")
    assert b.exact and b.value == 4  # the qualifier describes this year's figure only


def test_last_year_is_checked_separately():
    rel = relation("part_le_whole")
    r = report_with(**{rel.parts[0]: IndicatorValue(1, last_year=9), rel.whole: IndicatorValue(2, last_year=3)})
    found = check_report(r)
    assert [(f.kind, f.year, f.year_label) for f in found] == [("part_gt_whole", "last_year", "上年")]
    assert "上年" in found[0].message


def test_typed_rate_against_its_parts():
    cat = default_catalogue()
    rate = next(i for i in cat.indicators if i.formula and len(i.formula.parts) == 2)
    num, den = rate.formula.numerator[0], rate.formula.denominator[0]
    exact = 127 / 132 * 100  # 96.21 %: 96.2 agrees, 96 does not
    for typed, expect in ((round(exact, 1), []), (round(exact, 0), ["rate_mismatch"]),
                          (exact + RATE_TOLERANCE_PP * 0.9, []), (exact + RATE_TOLERANCE_PP * 1.5, ["rate_mismatch"])):
        r = report_with(**{rate.id: typed, num: 127, den: 132})
        found = [f for f in rate_findings(r) if f.indicator_ids[0] == rate.id]
        assert [f.kind for f in found] == expect, typed
    found = rate_findings(report_with(**{rate.id: 90, num: 127, den: 132}))
    assert found[0].expected == pytest.approx(exact) and found[0].values == (90, 127, 132)
    assert found[0].indicator_ids == (rate.id, num, den) and found[0].severity == "warning"
    # 「超过95%」 agrees with 96.97 %
    r = report_with(**{rate.id: IndicatorValue(95, qualifier="超过"), num: 128, den: 132})
    assert rate_findings(r) == []


def test_rate_above_100_but_not_change_or_weight():
    cat = default_catalogue()
    plain = next(i for i in cat.indicators if i.type == "rate" and not i.formula)
    others = [i for i in cat.indicators if i.type in ("change", "weight")]
    assert others
    found = rate_findings(report_with(**{plain.id: 104}))
    assert kinds(found) == [("rate_out_of_range", plain.id)] and found[0].severity == "error"
    assert rate_findings(report_with(**{plain.id: 100})) == []
    assert rate_findings(report_with(**{i.id: 130 for i in others})) == []


def test_computed_rate_above_100_reported_once():
    cat = default_catalogue()
    rate = next(i for i in cat.indicators if i.formula and len(i.formula.parts) == 2)
    num, den = rate.formula.numerator[0], rate.formula.denominator[0]
    found = check_report(report_with(**{num: 12, den: 10}))
    covered = [f for f in found if f.kind == "part_gt_whole" and set(f.indicator_ids) == {num, den}]
    ranges = [f for f in found if f.kind == "rate_out_of_range" and f.indicator_ids[0] == rate.id]
    assert len(covered) + len(ranges) == 1
    # G11 = (G06 + G07) ÷ G03 has no relation of its own: the range finding says it
    g11 = check_report(report_with(G06=6, G07=6, G03=10))
    assert ("rate_out_of_range", "G11") in kinds(g11)


def test_negative_and_fractional_values():
    r = report_with(F01=IndicatorValue(-3, last_year=2.5), H08=-12.5, F05=10.25)
    found = value_findings(r)
    assert sorted((f.kind, f.indicator_ids[0], f.year) for f in found) == [
        ("fractional", "F01", "last_year"), ("negative", "F01", "value")]
    assert all(f.severity == "error" for f in found)
