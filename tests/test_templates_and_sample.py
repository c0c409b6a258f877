import re

import pytest

from models.catalogue import default_catalogue
from models.report import OrganLevel, Part
from models.templates import TemplateError, default_template_for, get_template, list_templates, new_report

NUMBERING = re.compile(r"^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、]|[（(]\d+[)）])")


def test_templates_for_every_level_and_the_seed_shape():
    ids = {t.template_id for t in list_templates()}
    assert {"street", "county", "department", "street_three_parts"} <= ids
    for level in OrganLevel:
        assert level.value in default_template_for(level).organ_levels


@pytest.mark.parametrize("template_id", ["street", "county", "department", "street_three_parts"])
def test_template_builds_a_report_with_the_required_parts(template_id):
    r = new_report(template_id, "某某街道办事处", 2025)
    parts = {s.part for s in r.sections if s.part}
    assert {Part.MEASURES, Part.SHORTCOMINGS, Part.NEXT_YEAR} <= parts
    headings = [s.heading for s, _, _ in r.iter_sections()]
    assert all(not NUMBERING.match(h) for h in headings), "numbering must be computed, not typed"
    assert all("{" not in h for h in headings)
    nxt = next(s for s in r.sections if s.part == Part.NEXT_YEAR)
    assert "2026" in nxt.heading or "下一" in nxt.heading or "明年" in nxt.heading
    assert all(s.guidance for s, _, _ in r.iter_sections()), "every section carries guidance"
    shortcomings = next(s for s in r.sections if s.part == Part.SHORTCOMINGS)
    assert "原因" in shortcomings.guidance
    assert all(not s.paragraphs for s, _, _ in r.iter_sections())


def test_three_part_template_matches_the_seed_shape():
    r = new_report("street_three_parts", "某街道办事处", 2023)
    assert [len(s.children) for s in r.sections] == [4, 0, 4]
    assert r.sections[0].heading == "2023年法治政府建设工作情况"
    assert r.sections[2].heading == "2024年法治政府建设工作计划"
    assert all(c.run_in for c in r.sections[0].children)


def test_unknown_template_is_a_clear_error():
    with pytest.raises(TemplateError, match="没有名为"):
        get_template("nope")


def test_sample_is_complete(sample_report):
    r = sample_report
    cat = default_catalogue()
    assert r.meta.organ_name and r.meta.signing_date and r.meta.report_year == 2024
    assert len([k for k in r.values if k in cat]) >= 30
    levels = {level for _, level, _ in r.iter_sections()}
    assert {1, 2, 3} <= levels
    assert sum(len(p) for s, _, _ in r.iter_sections() for p in s.paragraphs) > 2000
    # the numbers the text states agree with the statistics
    text = "".join(p for s, _, _ in r.iter_sections() for p in s.paragraphs)
    for ind_id, entry in r.values.items():
        ind = cat.get(ind_id)
        if entry.value is not None and ind:
            assert str(entry.value) in text, ind_id


def test_sample_values_respect_the_catalogue_relations(sample_report):
    cat = default_catalogue()
    r = sample_report
    for rel in cat.relations:
        whole = r.value_of(rel.whole).value
        parts = [r.value_of(p).value for p in rel.parts]
        if whole is None or any(p is None for p in parts):
            continue
        if rel.kind == "sum_equals":
            assert sum(parts) == whole, rel.id
        else:
            assert sum(parts) <= whole, rel.id
