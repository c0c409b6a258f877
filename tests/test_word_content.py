"""What a clerk reads in the exported document: every heading and paragraph in order, clean text,
the signature block, the two versions, and warnings for characters the GB2312 faces lack."""
import datetime as dt
import io

import docx
import pytest

from benchmarks.synthetic import make_report
from exporters.word import WordOptions, build_docx
from models.report import DocNumber, Report, ReportMeta, Section
from tests.word_helpers import expected_body


def read_back(report, **kw) -> list[str]:
    data, _ = build_docx(report, **kw)
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def body_of(texts: list[str], report) -> list[str]:
    """The paragraphs between the title and the 署名."""
    start = next(i for i, t in enumerate(texts) if t.replace("\n", "") == title_of(report))
    stop = max(i for i, t in enumerate(texts) if t == report.meta.effective_signature)
    return texts[start + 1:stop]


def title_of(report) -> str:
    return report.meta.effective_title.replace("\n", "")


def small_report(**meta) -> Report:
    fields = dict(organ_name="某某街道办事处", report_year=2024, signing_date=dt.date(2024, 1, 5),
                  doc_number=DocNumber("某街", 2024, 3), addressees=["区委依法治区办"], cc=["区司法局"])
    fields.update(meta)
    return Report(meta=ReportMeta(**fields), preamble=["导语。现将有关情况报告如下："],
                  sections=[Section(heading="工作情况", children=[
                      Section(heading="加强学习", run_in=True, paragraphs=["全年学法12次。", "第二段。"]),
                      Section(heading="规范执法", children=[Section(heading="细化标准", paragraphs=["正文。"],
                                                                   children=[Section(heading="第四级",
                                                                                     paragraphs=["四级正文。"])])])]),
                            Section(heading="存在的不足", paragraphs=["不足。"])])


@pytest.mark.parametrize("version", ["official", "public"])
def test_sample_every_heading_and_paragraph_in_order(sample_report, version):
    texts = read_back(sample_report, version=version)
    assert body_of(texts, sample_report) == expected_body(sample_report)


def test_generated_report_every_paragraph_in_order():
    report = make_report(12)
    texts = read_back(report)
    assert body_of(texts, report) == expected_body(report)
    assert texts.count("一、2024年法治政府建设工作情况") == 1


def test_seed_every_paragraph_in_order(seed_text):
    from tests.seed_report import seed_report
    report = seed_report(seed_text)
    texts = read_back(report, version="public")
    body = body_of(texts, report)
    assert body == expected_body(report)
    assert body[0].startswith("2023年，昌岗街道深入学习宣传贯彻习近平法治思想")
    assert "（一）深入学习宣传贯彻习近平法治思想。深入学习贯彻" in body[2]
    assert body[-1].startswith("（四）积极增强宣传力度。")
    assert texts[-1] == "2023年11月30日"


def test_four_levels_numbered_and_run_in_heading_joined():
    report = small_report()
    body = body_of(read_back(report), report)
    assert body == ["区委依法治区办：", "导语。现将有关情况报告如下：", "一、工作情况", "（一）加强学习。全年学法12次。",
                    "第二段。", "（二）规范执法", "1.细化标准", "正文。", "（1）第四级", "四级正文。", "二、存在的不足", "不足。"]


def test_control_characters_are_cleaned_and_word_line_breaks_split_paragraphs():
    report = small_report(title="关于\x0c某某\x00情况的报告", notes="联系人：张三\x07")
    report.preamble = ["第一行\x0b第二行\u2028第三行\x1f。", "\ufeff\u200b 　缩进的\ud800段落。"]
    texts = read_back(report)
    assert "第一行" in texts and "第二行" in texts and "第三行。" in texts
    assert "缩进的段落。" in texts
    assert "（联系人：张三）" in texts
    assert not any(ch in t for t in texts for ch in "\x00\x07\x0b\x0c\x1f\ufeff\u200b")


def test_half_width_punctuation_in_chinese_becomes_full_width():
    report = small_report()
    report.sections[1].paragraphs = ["加强(一)学习,提高:水平;效果好!但时间17:30和3,000元不变。"]
    texts = read_back(report)
    assert "加强（一）学习，提高：水平；效果好！但时间17:30和3,000元不变。" in texts


def test_live_references_become_numbers(sample_report):
    sample_report.sections[1].paragraphs = ["全年调解纠纷{{I03}}件，未填的是{{ZZ9}}。"]
    sample_report.set_value("I03", value=141, qualifier="余")
    texts = read_back(sample_report)
    hit = [t for t in texts if t.startswith("全年调解纠纷")]
    assert hit == ["全年调解纠纷141余件，未填的是〔未填：ZZ9〕。"]


def test_references_write_typed_decimals_as_typed_and_computed_rates_to_one_decimal(sample_report):
    """The statistics say 12.35万元: the document must not say 12.3 (or 0.1 for 0.05)."""
    from models.catalogue import default_catalogue
    rate = next(i for i in default_catalogue().indicators if i.formula and len(i.formula.numerator) == 1
                and len(i.formula.denominator) == 1)
    sample_report.sections[1].paragraphs = [
        "经费{{E09}}万元，另有{{E09}}。", "比率为{{%s}}%%。" % rate.id]
    sample_report.set_value("E09", value=12.35)
    sample_report.set_value(rate.formula.numerator[0], value=35)
    sample_report.set_value(rate.formula.denominator[0], value=36)  # 97.2222…%
    texts = read_back(sample_report)
    assert "经费12.35万元，另有12.35。" in texts
    assert "比率为97.2%。" in texts
    sample_report.set_value("E09", value=0.05)
    assert "经费0.05万元，另有0.05。" in read_back(sample_report)


def test_official_version_has_masthead_and_banji_public_version_neither(sample_report):
    official = read_back(sample_report, version="official")
    public = read_back(sample_report, version="public")
    assert official[0] == "江南市河西区人民政府青石街道办事处文件"
    assert official[1] == "\u3000河西青石〔2024〕12号\t签发人：某某某"
    assert public[0].replace("\n", "") == title_of(sample_report)
    for text in ("河西青石〔2024〕12号", "签发人", "办事处文件", "日印发"):
        assert not any(text in t for t in public)
    data, _ = build_docx(sample_report, version="official")
    rows = [c.text for t in docx.Document(io.BytesIO(data)).tables for r in t.rows for c in r.cells]
    assert rows == ["抄送：江南市河西区人民政府办公室。", "江南市河西区人民政府青石街道办事处党政综合办公室\t2024年12月20日印发"]
    data, _ = build_docx(sample_report, version="public")
    assert docx.Document(io.BytesIO(data)).tables == []


def _signature_block(report, **options):
    doc = docx.Document(io.BytesIO(build_docx(report, options=WordOptions(**options))[0]))
    sig = next(p for p in doc.paragraphs if p.text == report.meta.effective_signature)
    date = next(p for p in doc.paragraphs if p.text == report.meta.signing_date_text)
    right = lambda p: int(p._p.pPr.find(docx.oxml.ns.qn("w:ind")).get(docx.oxml.ns.qn("w:right"))) / 316  # noqa: E731
    return sig, date, right(sig), right(date)


def test_signature_unsealed_long_name():
    # 署名 右空二字; the date starts two characters right of the 署名's first character
    report = small_report(organ_name="江南市河西区人民政府青石街道办事处", signing_date=dt.date(2024, 12, 20))
    sig, date, sig_right, date_right = _signature_block(report)
    assert date.text == "2024年12月20日"
    assert abs(sig_right - 2) < 0.01
    sig_start, date_start = 28 - sig_right - 17, 28 - date_right - 7  # 17 字 name, 7 字 date
    assert abs(date_start - sig_start - 2) < 0.01
    assert sig.paragraph_format.space_before.pt == pytest.approx(28.95)  # one blank line


def test_signature_unsealed_date_as_long_as_the_name_keeps_its_two_character_space():
    report = small_report()  # 某某街道办事处 (7 字), 2024年1月5日 (6 字, not zero padded)
    sig, date, sig_right, date_right = _signature_block(report)
    assert date.text == "2024年1月5日"
    assert abs(date_right - 2) < 0.01  # 右空二字; the 署名 moves left to keep the two-character shift
    assert abs((28 - date_right - 6) - (28 - sig_right - 7) - 2) < 0.01


def test_signature_sealed_centres_the_name_over_the_date_with_room_for_the_seal():
    report = small_report(organ_name="江南市河西区青石街道办事处", signing_date=dt.date(2024, 12, 20))
    sig, date, sig_right, date_right = _signature_block(report, signature="sealed")
    assert abs(date_right - 4) < 0.01  # 右空四字
    assert abs((sig_right + 13 / 2) - (date_right + 7 / 2)) < 0.01  # centres aligned
    assert sig.paragraph_format.space_before.pt >= 3 * 28.95


def _attachment_paragraphs(report):
    doc = docx.Document(io.BytesIO(build_docx(report)[0]))
    start = next(i for i, p in enumerate(doc.paragraphs) if p.text.startswith("附件："))
    return doc.paragraphs[start:start + len(report.meta.attachments)]


def test_attachments_numbered_when_several_and_aligned():
    short = _attachment_paragraphs(small_report(attachments=["2024年法治建设台账", "执法统计表。"]))
    assert [p.text for p in short] == ["附件：1.2024年法治建设台账", "\u3000\u3000\u30002.执法统计表"]
    assert short[0].paragraph_format.space_before.pt == pytest.approx(28.95)  # one blank line below the body
    single = _attachment_paragraphs(small_report(attachments=["台账"]))
    assert [p.text for p in single] == ["附件：台账"]


def test_a_wrapping_attachment_name_continues_under_its_first_character():
    long_name = "2024年度法治政府建设工作台账（含行政执法、行政复议、行政应诉、普法宣传等各项统计）"
    paragraphs = _attachment_paragraphs(small_report(attachments=[long_name, "执法统计表"]))
    assert [p.text for p in paragraphs] == ["附件：1." + long_name, "2.执法统计表"]
    first, second = (p.paragraph_format for p in paragraphs)
    # the names start 2 + 3 (附件：) + 1 (1.) characters in; the numbers hang before them
    assert first.left_indent.twips == second.left_indent.twips == round(6 * 8845 / 28)
    assert first.first_line_indent.twips == -round(4 * 8845 / 28)
    assert second.first_line_indent.twips == -round(1 * 8845 / 28)


def test_missing_metadata_is_reported_not_crashed():
    report = small_report(doc_number=DocNumber(), signing_date=None)
    _, warnings = build_docx(report)
    assert any("发文字号" in m for m in warnings)
    assert any("成文日期" in m for m in warnings)


def test_characters_outside_gb2312_are_warned_with_the_place():
    report = small_report(signature_name="某某街道办事处", signers=["张堃"])
    report.sections[1].paragraphs = ["负责人王喆带队检查。"]
    _, warnings = build_docx(report)
    kun = [m for m in warnings if "「堃」" in m]
    zhe = [m for m in warnings if "「喆」" in m]
    assert len(kun) == 1 and "见发文字号、签发人" in kun[0] and "楷体_GB2312" in kun[0]
    assert len(zhe) == 1 and "“二、存在的不足”第1段" in zhe[0] and "仿宋_GB2312" in zhe[0]
    # the public version has no 签发人; a non-GB2312 face needs no warning
    _, warnings = build_docx(report, version="public")
    assert not any("堃" in m for m in warnings)
    _, warnings = build_docx(report, options=WordOptions(font_body="仿宋", font_signer_name="楷体"))
    assert warnings == []


def test_em_dash_and_middle_dot_are_not_outside_gb2312(sample_report):
    sample_report.preamble = ["《纲要（2021—2025年）》·要点"]
    assert build_docx(sample_report)[1] == []
