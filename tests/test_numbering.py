import datetime as dt

import pytest

from models.numbering import chinese_numeral, format_cn_date, heading_label


@pytest.mark.parametrize("n,text", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"),
                                    (21, "二十一"), (100, "一百"), (105, "一百零五"), (110, "一百一十")])
def test_chinese_numeral(n, text):
    assert chinese_numeral(n) == text


def test_heading_labels_per_level():
    assert [heading_label(1, 3), heading_label(2, 12), heading_label(3, 4), heading_label(4, 2)] == \
        ["三、", "（十二）", "4.", "（2）"]
    with pytest.raises(ValueError):
        heading_label(5, 1)


def test_date_without_zero_padding():
    assert format_cn_date(dt.date(2024, 1, 5)) == "2024年1月5日"
    assert format_cn_date(None) == ""
