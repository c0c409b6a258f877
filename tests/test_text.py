from models.text import (clean_text, display_width, half_width_punctuation, normalize_punctuation,
                         outside_gb2312, split_paragraphs)


def test_clean_text_maps_line_breaks_and_drops_controls():
    assert clean_text("甲\r\n乙\x0b丙\u2028丁\r戊") == "甲\n乙\n丙\n丁\n戊"
    assert clean_text("甲\x00\x01乙\x1f\ufeff丙\u200b") == "甲乙丙"
    assert clean_text("甲\n乙", keep_newlines=False) == "甲 乙"
    assert clean_text("a\tb") == "a\tb"
    assert clean_text("坏\ud800字") == "坏字"


def test_clean_text_keeps_rare_characters_and_emoji():
    text = "𠀀堃喆😀\u3000，"
    assert clean_text(text) == text


def test_punctuation_between_chinese_becomes_full_width():
    assert normalize_punctuation("2023年,昌岗街道深入学习") == "2023年，昌岗街道深入学习"
    assert normalize_punctuation("报告如下:") == "报告如下："
    assert normalize_punctuation("(一)深入学习") == "（一）深入学习"
    assert normalize_punctuation("(1)加强") == "（1）加强"
    assert normalize_punctuation("《法治广州建设规划(2021-2025年)》") == "《法治广州建设规划（2021-2025年）》"
    assert normalize_punctuation("是吗?好!") == "是吗？好！"
    assert normalize_punctuation("甲;乙") == "甲；乙"


def test_numbers_times_and_latin_stay_half_width():
    for text in ("17:16:00", "1,000", "95.5%", "Python (3.11), ok", "f(x)=1", "2021-2025"):
        assert normalize_punctuation(text) == text


def test_half_width_punctuation_positions():
    assert half_width_punctuation("甲,乙") == [(1, ",")]
    assert half_width_punctuation("甲，乙") == []


def test_split_paragraphs_removes_indents_and_blank_lines():
    assert split_paragraphs("\u3000\u3000第一段\r\n\r\n  第二段\x0b第三段") == ["第一段", "第二段", "第三段"]


def test_outside_gb2312_finds_rare_name_characters():
    assert outside_gb2312("张堃和李喆") == [(1, "堃"), (4, "喆")]
    assert outside_gb2312("普通文字abc，。") == []


def test_outside_gb2312_follows_the_windows_mapping_of_gb2312():
    # 破折号 and 间隔号 are GB2312 characters (A1AA, A1A4) that Python's gb2312 codec maps elsewhere
    assert outside_gb2312("《纲要（2021—2025年）》，尼克·胡") == []
    assert outside_gb2312("GBK才有的字：–") == [(8, "–")]


def test_display_width():
    assert display_width("法治ab") == 3.0
