"""The .docx's XML against GB/T 9704-2012 and the python-docx traps (../shared/spec/gbt9704.md)."""
import pytest

from exporters.word import WordOptions, WordOptionsError, build_docx
from tests.word_helpers import NS, Parts, attr, w


@pytest.fixture(scope="module")
def official():
    from models.storage import load_report
    from tests.conftest import SAMPLE
    data, _ = build_docx(load_report(SAMPLE), version="official")
    return Parts(data)


def test_a4_with_the_standard_margins_in_twips(official):
    sect = official.document.find(f"{w('body')}/{w('sectPr')}")
    size, margins = sect.find(w("pgSz")), sect.find(w("pgMar"))
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    got = {k: margins.get(w(k)) for k in ("top", "bottom", "left", "right", "gutter", "footer")}
    # 37 / 35 / 28 / 26 mm; the page number's dash 7 mm below the block (footer 25.5 mm)
    assert got == {"top": "2098", "bottom": "1984", "left": "1587", "right": "1474", "gutter": "0", "footer": "1446"}


def test_portable_grid_is_22_lines_with_28_characters_by_tracking(official):
    grid = official.document.find(f"{w('body')}/{w('sectPr')}/{w('docGrid')}")
    assert grid.get(w("type")) == "lines" and grid.get(w("linePitch")) == "579"
    assert grid.get(w("charSpace")) is None
    normal = official.style("Normal")
    assert attr(normal, "w:rPr/w:spacing", "val") == "-5"          # 28 × 15.75 pt ≤ 442.25 pt
    assert attr(normal, "w:pPr/w:spacing", "line") == "579"
    assert attr(normal, "w:pPr/w:spacing", "lineRule") == "exact"
    assert attr(normal, "w:pPr/w:spacing", "after") == "0"
    assert attr(normal, "w:pPr/w:widowControl", "val") == "0"
    # no extra space between Chinese and digits, or 「办结1,180件」 lines hold fewer than 28
    assert attr(normal, "w:pPr/w:autoSpaceDE", "val") == "0"
    assert attr(normal, "w:pPr/w:autoSpaceDN", "val") == "0"


def test_character_grid_option():
    from models.storage import load_report
    from tests.conftest import SAMPLE
    data, _ = build_docx(load_report(SAMPLE), options=WordOptions(grid="chargrid"))
    parts = Parts(data)
    grid = parts.document.find(f"{w('body')}/{w('sectPr')}/{w('docGrid')}")
    assert (grid.get(w("type")), grid.get(w("linePitch")), grid.get(w("charSpace"))) == ("linesAndChars", "579", "-842")
    assert parts.style("Normal").find("w:rPr/w:spacing", NS) is None  # the grid compresses, not tracking
    assert attr(parts.style("Normal"), "w:rPr/w:sz", "val") == "32"  # charSpace is relative to Normal's size
    title = parts.style("GWTitle")
    assert attr(title, "w:pPr/w:snapToGrid", "val") == "0"  # 22 pt characters must not take two cells


EXPECTED_FONTS = {
    "Normal": "仿宋_GB2312", "GWBody": "仿宋_GB2312", "GWTitle": "方正小标宋简体", "GWAddressee": "仿宋_GB2312",
    "GWHeading1": "黑体", "GWHeading2": "楷体_GB2312", "GWHeading3": "仿宋_GB2312", "GWHeading4": "仿宋_GB2312",
    "GWHeading1Char": "黑体", "GWHeading2Char": "楷体_GB2312", "GWRunIn1": "仿宋_GB2312", "GWRunIn2": "仿宋_GB2312",
    "GWSignature": "仿宋_GB2312", "GWDate": "仿宋_GB2312", "GWNote": "仿宋_GB2312", "GWOrgMark": "方正小标宋简体",
    "GWDocNumber": "仿宋_GB2312", "GWSignerName": "楷体_GB2312", "GWBanji": "仿宋_GB2312", "GWPageNumber": "宋体",
}
EXPECTED_SIZES = {"Normal": "32", "GWBody": "32", "GWTitle": "44", "GWHeading1": "32", "GWBanji": "28",
                  "GWPageNumber": "28", "GWOrgMark": "72"}


@pytest.mark.parametrize("style_id", sorted(EXPECTED_FONTS))
def test_every_style_sets_all_four_font_slots_with_the_east_asian_hint(official, style_id):
    fonts = official.style(style_id).find("w:rPr/w:rFonts", NS)
    face = EXPECTED_FONTS[style_id]
    assert {k: fonts.get(w(k)) for k in ("ascii", "hAnsi", "eastAsia", "cs", "hint")} == {
        "ascii": face, "hAnsi": face, "eastAsia": face, "cs": face, "hint": "eastAsia"}
    if style_id in EXPECTED_SIZES:
        assert attr(official.style(style_id), "w:rPr/w:sz", "val") == EXPECTED_SIZES[style_id]


def test_no_theme_fonts_anywhere_and_chinese_as_east_asian_language(official):
    styles = official.zip.read("word/styles.xml").decode("utf-8")
    assert "Theme=" not in styles and "theme=" not in styles
    defaults = official.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert attr(defaults, "w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert attr(defaults, "w:lang", "eastAsia") == "zh-CN"
    assert attr(official.styles, "w:docDefaults/w:pPrDefault/w:pPr/w:spacing", "after") == "0"
    assert attr(official.settings, "w:themeFontLang", "eastAsia") == "zh-CN"
    # only our styles and the four defaults: no Heading 1 with theme fonts and blue colour
    ids = {s.get(w("styleId")) for s in official.styles.findall(w("style"))}
    assert "Heading1" not in ids and "Title" not in ids and {"Normal", "GWBody"} <= ids
    assert "word/stylesWithEffects.xml" not in official.names and "docProps/thumbnail.jpeg" not in official.names


def test_style_ids_are_ascii_and_names_chinese(official):
    for style in official.styles.findall(w("style")):
        assert style.get(w("styleId")).isascii()
    assert attr(official.style("GWBody"), "w:name", "val") == "公文正文"


def test_body_and_headings_paragraph_properties(official):
    body = official.style("GWBody")
    assert attr(body, "w:pPr/w:ind", "firstLineChars") == "200" and attr(body, "w:pPr/w:ind", "firstLine") == "640"
    assert attr(body, "w:pPr/w:jc", "val") == "both"
    for level in range(1, 5):
        head = official.style(f"GWHeading{level}")
        assert attr(head, "w:pPr/w:outlineLvl", "val") == str(level - 1)
        assert head.find("w:pPr/w:keepNext", NS) is not None
        assert attr(official.style(f"GWRunIn{level}"), "w:pPr/w:outlineLvl", "val") == str(level - 1)
    title = official.style("GWTitle")
    assert attr(title, "w:pPr/w:jc", "val") == "center" and attr(title, "w:rPr/w:b", "val") == "0"
    assert attr(official.style("GWAddressee"), "w:pPr/w:ind", "firstLineChars") == "0"


def test_bold_headings_option():
    from models.storage import load_report
    from tests.conftest import SAMPLE
    plain = Parts(build_docx(load_report(SAMPLE))[0])
    bold = Parts(build_docx(load_report(SAMPLE), options=WordOptions(bold_heading34=True))[0])
    for sid in ("GWHeading3", "GWHeading4", "GWHeading3Char"):
        assert attr(plain.style(sid), "w:rPr/w:b", "val") == "0"
        assert attr(bold.style(sid), "w:rPr/w:b", "val") == "1"
    assert attr(bold.style("GWHeading1"), "w:rPr/w:b", "val") == "0"


def test_page_numbers_odd_right_even_left_with_a_page_field(official):
    assert official.settings.find(w("evenAndOddHeaders")) is not None
    footers = official.footers()
    assert set(footers) == {"default", "even"}
    for kind, side, indent in (("default", "right", "right"), ("even", "left", "left")):
        p = footers[kind].find(w("p"))
        assert attr(p, "w:pPr/w:pStyle", "val") == "GWPageNumber"
        assert attr(p, "w:pPr/w:jc", "val") == side
        assert attr(p, "w:pPr/w:ind", indent) == "280"  # 空一字 at 4号
        kinds = [f.get(w("fldCharType")) for f in p.iter(w("fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert "".join(t.text for t in p.iter(w("instrText"))).strip() == "PAGE"
        text = "".join(t.text for t in p.iter(w("t")))
        assert text == "— 1 —" and "\u2014" in text
        assert all(attr(r, "w:rPr/w:rFonts", "hint") == "eastAsia" for r in p.iter(w("r")))


def test_red_line_is_a_full_width_bottom_border_of_the_document_number(official):
    style = official.style("GWDocNumber")
    bottom = style.find("w:pPr/w:pBdr/w:bottom", NS)
    assert (bottom.get(w("val")), bottom.get(w("color")), bottom.get(w("sz"))) == ("single", "FF0000", "12")
    number = [p for p in official.document.iter(w("p")) if attr(p, "w:pPr/w:pStyle", "val") == "GWDocNumber"]
    assert len(number) == 1
    ind = number[0].find("w:pPr/w:ind", NS)
    assert ind is None or (ind.get(w("left"), "0"), ind.get(w("right"), "0")) == ("0", "0")


def test_org_mark_is_red_and_narrowed_to_the_block(official):
    mark = next(p for p in official.document.iter(w("p")) if attr(p, "w:pPr/w:pStyle", "val") == "GWOrgMark")
    text = "".join(t.text for t in mark.iter(w("t")))
    assert text == "江南市河西区人民政府青石街道办事处文件"
    run = mark.find("w:r", NS)
    size, scale = int(attr(run, "w:rPr/w:sz", "val")) / 2, int(attr(run, "w:rPr/w:w", "val"))
    assert len(text) * size * scale / 100 <= 442.25
    assert attr(official.style("GWOrgMark"), "w:rPr/w:color", "val") == "FF0000"


def test_banji_table_rules_and_width(official):
    tables = official.document.findall(f"{w('body')}/{w('tbl')}")
    assert len(tables) == 1
    tbl = tables[0]
    assert (attr(tbl, "w:tblPr/w:tblW", "w"), attr(tbl, "w:tblPr/w:tblW", "type")) == ("8845", "dxa")
    borders = tbl.find("w:tblPr/w:tblBorders", NS)
    sizes = {b.tag.split("}")[1]: (b.get(w("val")), b.get(w("sz"))) for b in borders}
    assert sizes["top"] == ("single", "8") and sizes["bottom"] == ("single", "8")  # 0.35 mm
    assert sizes["insideH"] == ("single", "6")                                       # 0.25 mm
    assert sizes["left"][0] == sizes["right"][0] == sizes["insideV"][0] == "nil"
    assert all(m.get(w("w")) == "0" for m in tbl.find("w:tblPr/w:tblCellMar", NS))
    rows = [["".join(t.text for t in tr.iter(w("t")))] for tr in tbl.findall(w("tr"))]
    assert rows[0] == ["抄送：江南市河西区人民政府办公室。"]
    assert rows[1][0].endswith("2024年12月20日印发")
    assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in tbl.findall(w("tr")))


def test_run_in_heading_is_one_paragraph_with_the_heading_in_its_character_style(official):
    p = next(p for p in official.document.iter(w("p"))
             if "".join(t.text for t in p.iter(w("t"))).startswith("（一）深入学习宣传贯彻习近平法治思想。"))
    assert attr(p, "w:pPr/w:pStyle", "val") == "GWRunIn2"
    runs = p.findall(w("r"))
    assert attr(runs[0], "w:rPr/w:rStyle", "val") == "GWHeading2Char"
    assert "".join(t.text for t in runs[0].iter(w("t"))) == "（一）深入学习宣传贯彻习近平法治思想。"
    assert all(r.find("w:rPr/w:rStyle", NS) is None for r in runs[1:])


def test_quotes_and_dashes_keep_the_chinese_face_with_a_latin_font_option():
    from models.storage import load_report
    from tests.conftest import SAMPLE
    parts = Parts(build_docx(load_report(SAMPLE), options=WordOptions(font_latin="Times New Roman"))[0])
    assert attr(parts.style("GWBody"), "w:rPr/w:rFonts", "ascii") == "Times New Roman"
    assert attr(parts.style("GWBody"), "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert attr(parts.style("GWPageNumber"), "w:rPr/w:rFonts", "ascii") == "宋体"  # 半角宋体 digits
    quoted = [r for r in parts.document.iter(w("r")) if "“" in "".join(t.text for t in r.iter(w("t")))]
    assert quoted and all(attr(r, "w:rPr/w:rFonts", "hint") == "eastAsia" for r in quoted)


def test_core_properties_name_the_office_not_python_docx(official):
    core = official.zip.read("docProps/core.xml").decode("utf-8")
    assert "python-docx" not in core and "江南市河西区人民政府青石街道办事处" in core


def test_invalid_options_are_refused_in_chinese():
    with pytest.raises(WordOptionsError, match="版面网格"):
        WordOptions(grid="both").validate()
    with pytest.raises(WordOptionsError, match="颜色"):
        WordOptions(red_color="red").validate()
    with pytest.raises(WordOptionsError, match="字体名称不能为空"):
        WordOptions(font_body="\x0b\u200b ").validate()  # nothing left once cleaned


def test_typed_options_with_pasted_control_characters_are_cleaned_not_fatal():
    """Font names and the 文件 suffix come from the preferences as typed (or from an edited
    settings file); a control character in them used to stop the export with a programming error."""
    from models.storage import load_report
    from tests.conftest import SAMPLE
    options = WordOptions(font_body="仿宋_GB2312\x0b", font_latin="Times New Roman\x00", org_mark_suffix="文件\x1f")
    parts = Parts(build_docx(load_report(SAMPLE), options=options)[0])
    fonts = {value for f in parts.styles.iter(w("rFonts")) for value in f.attrib.values()}
    assert {"仿宋_GB2312", "Times New Roman"} <= fonts
    text = "".join(t.text or "" for t in parts.document.iter(w("t")))
    assert load_report(SAMPLE).meta.organ_name + "文件" in text
