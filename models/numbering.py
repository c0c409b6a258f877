"""Heading numbers (一、（一）1.（1）), Chinese numerals and dates in 公文 style."""
from __future__ import annotations

import datetime as _dt

_DIGITS = "零一二三四五六七八九"
_UNITS = ["", "十", "百", "千"]


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (for n in 1..9999)."""
    if not 0 < n < 10000:
        raise ValueError(f"out of range: {n}")
    digits = [int(d) for d in str(n)]
    out = []
    zero_pending = False
    for pos, d in enumerate(digits):
        unit = _UNITS[len(digits) - pos - 1]
        if d == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_DIGITS[d] + unit)
    text = "".join(out)
    if 10 <= n < 20:
        text = text[1:]  # 十二, not 一十二
    return text


MAX_LEVEL = 4


def heading_label(level: int, index: int) -> str:
    """The number of the ``index``-th (1-based) heading at ``level`` (1–4)."""
    if level == 1:
        return f"{chinese_numeral(index)}、"
    if level == 2:
        return f"（{chinese_numeral(index)}）"
    if level == 3:
        return f"{index}."
    if level == 4:
        return f"（{index}）"
    raise ValueError(f"heading level must be 1..{MAX_LEVEL}: {level}")


def format_cn_date(value: _dt.date | None) -> str:
    """2024年1月5日: Arabic numerals, no zero padding (GB/T 9704 7.3.5)."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"
