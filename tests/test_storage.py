"""The report file: round trip, atomic save, and every kind of bad input."""
import datetime as dt
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import OutputFileError, ReportFileError
from models.report import (CustomIndicator, DocNumber, IndicatorValue, OrganLevel, Part, Report, ReportMeta,
                           Section)
from models.storage import SCHEMA_VERSION, dumps, load_report, load_report_with_warnings, save_report


def full_report() -> Report:
    meta = ReportMeta(organ_name="广州市某区人民政府某街道办事处", signature_name="某街道办事处",
                      organ_level=OrganLevel.STREET, report_year=2023, signing_date=dt.date(2023, 11, 30),
                      title="标题第一行\n第二行", addressees=["区委依法治区办", "区政府"],
                      doc_number=DocNumber("某街", 2023, 3), signers=["张三"], cc=["区司法局"],
                      printing_organ="某街道党政综合办", printing_date=dt.date(2023, 12, 1),
                      attachments=["统计表"], notes="联系人：李四")
    child = Section(heading="深入学习", paragraphs=["第一段𠀀😀", "第二段\u3000，"], run_in=True)
    sections = [Section(heading="工作情况", part=Part.MEASURES, guidance="写成效", children=[child]),
                Section(heading="问题", part=Part.SHORTCOMINGS)]
    return Report(meta=meta, preamble=["开头段"], sections=sections,
                  custom_indicators=[CustomIndicator("X01", "网格巡查", "次", "I")],
                  values={"B05": IndicatorValue(1860, 1500), "E05": IndicatorValue(460, None, "余", "约数"),
                          "X01": IndicatorValue(12), "I04": IndicatorValue(95, qualifier="超过")})


def write(tmp_path, content, name="r.fzbg", mode="w"):
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def test_round_trip_is_exact(tmp_path):
    r = full_report()
    p = tmp_path / "a.fzbg"
    save_report(r, p)
    assert load_report(p) == r


def test_file_is_pretty_stable_utf8_json(tmp_path):
    p = tmp_path / "a.fzbg"
    save_report(full_report(), p)
    text = p.read_bytes().decode("utf-8")
    assert "广州市某区" in text  # not \u escapes
    data = json.loads(text)
    assert data["schema_version"] == SCHEMA_VERSION
    assert list(data) == ["schema_version", "meta", "preamble", "sections", "custom_indicators", "values"]
    assert text == dumps(load_report(p))  # saving again gives the same bytes
    assert text.startswith('{\n  "schema_version"')


def test_save_keeps_backup_of_previous_version(tmp_path):
    p = tmp_path / "a.fzbg"
    r = full_report()
    save_report(r, p)
    first = p.read_bytes()
    r.meta.organ_name = "改名后的街道办事处"
    save_report(r, p)
    assert (tmp_path / "a.fzbg.bak").read_bytes() == first
    assert load_report(p).meta.organ_name == "改名后的街道办事处"
    assert [f.name for f in tmp_path.iterdir() if f.name.endswith(".tmp")] == []


def test_failed_save_leaves_old_file_intact(tmp_path, monkeypatch):
    p = tmp_path / "a.fzbg"
    save_report(full_report(), p)
    before = p.read_bytes()

    def broken_replace(src, dst):
        raise PermissionError(13, "locked")
    monkeypatch.setattr(os, "replace", broken_replace)
    r = full_report()
    r.meta.organ_name = "新名字"
    with pytest.raises(OutputFileError) as info:
        save_report(r, p)
    assert "占用" in str(info.value) and str(p) in str(info.value)
    monkeypatch.undo()
    assert p.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir() if f.suffix == ".tmp"] == []


def test_save_into_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(OutputFileError, match="文件夹不存在"):
        save_report(full_report(), tmp_path / "nope" / "a.fzbg")


# -- bad input: each gives ReportFileError naming the file, and the file is unchanged --------
def assert_refused(path, *fragments):
    before = path.read_bytes() if path.exists() and path.is_file() else None
    with pytest.raises(ReportFileError) as info:
        load_report(path)
    message = str(info.value)
    assert str(path) in message
    for f in fragments:
        assert f in message, message
    if before is not None:
        assert path.read_bytes() == before
    return message


def test_not_json(tmp_path):
    assert_refused(write(tmp_path, "这不是 JSON\n第二行"), "不是有效的 JSON", "第 1 行第 1 列")


def test_truncated(tmp_path):
    text = dumps(full_report())
    assert_refused(write(tmp_path, text[: len(text) // 2]), "截断", "行")


def test_wrong_types_name_the_key_path(tmp_path):
    data = json.loads(dumps(full_report()))
    data["sections"][0]["children"][0]["heading"] = 5
    assert_refused(write(tmp_path, json.dumps(data, ensure_ascii=False)), "sections[0].children[0].heading",
                         "应为文字")
    data = json.loads(dumps(full_report()))
    data["meta"]["report_year"] = "2023"
    assert_refused(write(tmp_path, json.dumps(data), "b.fzbg"), "meta.report_year", "整数")
    data = json.loads(dumps(full_report()))
    data["values"]["B05"]["value"] = "1860"
    assert_refused(write(tmp_path, json.dumps(data), "c.fzbg"), "values.B05.value")
    data = json.loads(dumps(full_report()))
    data["meta"]["signing_date"] = "2023-13-45"
    assert_refused(write(tmp_path, json.dumps(data), "d.fzbg"), "meta.signing_date", "日期")


def test_missing_required_keys(tmp_path):
    data = json.loads(dumps(full_report()))
    del data["meta"]["organ_name"]
    assert_refused(write(tmp_path, json.dumps(data)), "meta.organ_name", "缺少")
    data = json.loads(dumps(full_report()))
    del data["sections"]
    assert_refused(write(tmp_path, json.dumps(data), "b.fzbg"), "sections", "缺少")
    assert_refused(write(tmp_path, "{}", "c.fzbg"), "schema_version")
    assert_refused(write(tmp_path, "[1, 2]", "d.fzbg"), "JSON 对象")


def test_unknown_indicator_ids_are_kept_as_custom_with_a_warning(tmp_path):
    data = json.loads(dumps(full_report()))
    data["values"]["ZZ99"] = {"value": 7, "last_year": None, "qualifier": "", "remark": ""}
    p = write(tmp_path, json.dumps(data, ensure_ascii=False))
    result = load_report_with_warnings(p)
    assert result.report.values["ZZ99"].value == 7
    assert any(c.id == "ZZ99" for c in result.report.custom_indicators)
    assert any("ZZ99" in w for w in result.warnings)


def test_newer_schema_names_the_program_version_needed(tmp_path):
    data = json.loads(dumps(full_report()))
    data["schema_version"] = SCHEMA_VERSION + 1
    assert_refused(write(tmp_path, json.dumps(data)), "更新版本", f"版本 {SCHEMA_VERSION + 1}", "升级")


def test_binary_file(tmp_path):
    assert_refused(write(tmp_path, bytes(range(256)) * 10), "二进制")


def test_docx_renamed(tmp_path):
    assert_refused(write(tmp_path, b"PK\x03\x04" + b"x" * 100), "Word")


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    p = tmp_path / "big.fzbg"
    with open(p, "wb") as fh:  # sparse 200 MB file
        fh.truncate(200 * 1024 * 1024)
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    assert_refused_no_read = pytest.raises(ReportFileError)
    with assert_refused_no_read as info:
        load_report(p)
    assert "过大" in str(info.value) and str(p) in str(info.value)
    assert not any(str(p) == str(a[0]) for a in opened)


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(ReportFileError, match="不存在"):
        load_report(tmp_path / "missing.fzbg")
    with pytest.raises(ReportFileError, match="文件夹"):
        load_report(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable(tmp_path):
    p = write(tmp_path, dumps(full_report()))
    p.chmod(0)
    try:
        with pytest.raises(ReportFileError, match="权限"):
            load_report(p)
    finally:
        p.chmod(0o644)


def test_gbk_file(tmp_path):
    p = write(tmp_path, dumps(full_report()).encode("gbk", errors="replace"))
    with pytest.raises(ReportFileError) as e:
        load_report(p)
    assert "UTF-8" in str(e.value) and "GBK" in str(e.value) and str(p) in str(e.value)
    # The whole file is in another encoding: a byte position would send the user looking in vain.
    assert "字节" not in str(e.value)


def test_damaged_utf8_names_the_byte_counted_from_one(tmp_path):
    good = dumps(full_report()).encode("utf-8")
    p = write(tmp_path, good[:40] + b"\xff\xfe\xff" + good[40:])
    with pytest.raises(ReportFileError) as e:
        load_report(p)
    assert "已损坏" in str(e.value) and "第 41 字节" in str(e.value)


def test_empty_file(tmp_path):
    assert_refused(write(tmp_path, b""), "空")


def test_utf8_bom_is_accepted(tmp_path):
    r = full_report()
    p = write(tmp_path, "\ufeff".encode() + dumps(r).encode("utf-8"))
    assert load_report(p) == r


def test_invalid_qualifier_and_part(tmp_path):
    data = json.loads(dumps(full_report()))
    data["values"]["B05"]["qualifier"] = "大约吧"
    assert_refused(write(tmp_path, json.dumps(data, ensure_ascii=False)), "values.B05.qualifier")
    data = json.loads(dumps(full_report()))
    data["sections"][0]["part"] = "unknown"
    assert_refused(write(tmp_path, json.dumps(data), "b.fzbg"), "sections[0].part")


def test_too_deep_outline_is_refused(tmp_path):
    data = json.loads(dumps(full_report()))
    node = {"heading": "x", "paragraphs": []}
    for _ in range(5):
        node = {"heading": "x", "paragraphs": [], "children": [node]}
    data["sections"] = [node]
    assert_refused(write(tmp_path, json.dumps(data)), "四级")


def test_migration_from_schema_1(tmp_path):
    v1 = {"schema_version": 1,
          "meta": {"organ_name": "甲街道办事处", "organ_level": "street", "report_year": 2022,
                   "doc_number": "甲街[2023]第05号"},
          "intro": ["开头"],
          "sections": [{"heading": "工作情况", "paragraphs": ["正文"]}],
          "values": {"B05": 100, "F01": None}}
    p = write(tmp_path, json.dumps(v1, ensure_ascii=False))
    r = load_report(p)
    assert r.preamble == ["开头"]
    assert r.values == {"B05": IndicatorValue(100)}
    assert r.meta.doc_number == DocNumber("甲街", 2023, 5)
    assert json.loads(p.read_text(encoding="utf-8"))["schema_version"] == 1  # file untouched


def test_duplicate_section_ids_are_renewed(tmp_path):
    data = json.loads(dumps(full_report()))
    data["sections"][1]["id"] = data["sections"][0]["id"]
    r = load_report(write(tmp_path, json.dumps(data, ensure_ascii=False)))
    ids = [s.id for s, _, _ in r.iter_sections()]
    assert len(ids) == len(set(ids))


# -- hypothesis: any Unicode survives save + load ---------------------------------------------
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
numbers = st.one_of(st.none(), st.integers(0, 10**9),
                    st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False))


@st.composite
def sections(draw, level=1):
    kids = draw(st.lists(sections(level + 1), max_size=2)) if level < 4 else []
    return Section(heading=draw(text), paragraphs=draw(st.lists(text, max_size=3)), run_in=draw(st.booleans()),
                   part=draw(st.sampled_from([None, *Part])) if level == 1 else None,
                   guidance=draw(text), children=kids)


@st.composite
def reports(draw):
    meta = ReportMeta(organ_name=draw(text), signature_name=draw(text),
                      organ_level=draw(st.sampled_from(list(OrganLevel))), report_year=draw(st.integers(2000, 2100)),
                      signing_date=draw(st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))),
                      title=draw(text), addressees=draw(st.lists(text, max_size=2)),
                      doc_number=DocNumber(draw(text), draw(st.one_of(st.none(), st.integers(2000, 2100))),
                                           draw(st.one_of(st.none(), st.integers(1, 999)))),
                      signers=draw(st.lists(text, max_size=2)), notes=draw(text))
    values = draw(st.dictionaries(st.sampled_from(["B05", "F01", "F02", "I03", "E05"]),
                                  st.builds(IndicatorValue, numbers, numbers, st.sampled_from(["", "余", "超过"]), text),
                                  max_size=4))
    values = {k: v for k, v in values.items() if not v.is_empty}
    return Report(meta=meta, preamble=draw(st.lists(text, max_size=2)),
                  sections=draw(st.lists(sections(), max_size=3)), values=values)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(reports())
def test_round_trip_any_unicode(tmp_path, r):
    p = tmp_path / "h.fzbg"
    save_report(r, p, backup=False)
    assert load_report(p) == r


def test_round_trip_rare_characters(tmp_path):
    r = full_report()
    r.preamble = ["𠀀𪚥😀👨‍👩‍👧，。\u3000「」〔〕"]
    p = tmp_path / "rare.fzbg"
    save_report(r, p)
    assert load_report(p).preamble == r.preamble
