"""Settings of a check run: the fonts chosen for each kind of text, and "today"."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Optional

# GB/T 9704-2012: 标题 2号小标宋, 一级标题 黑体, 二级标题 楷体, 正文 仿宋, 签发人姓名 楷体.
DEFAULT_FONTS = {"title": "方正小标宋简体", "heading1": "黑体", "heading2": "楷体_GB2312",
                 "body": "仿宋_GB2312", "signer": "楷体_GB2312"}


@dataclass(frozen=True)
class CheckOptions:
    """``today`` None = the computer's date (tests inject a fixed one).

    ``rate_tolerance`` (percentage points): a typed rate agrees with numerator/denominator
    when it differs by no more than this (0.05 = equal at 0.1 pp).
    """

    title_font: str = DEFAULT_FONTS["title"]
    heading1_font: str = DEFAULT_FONTS["heading1"]
    heading2_font: str = DEFAULT_FONTS["heading2"]
    body_font: str = DEFAULT_FONTS["body"]
    signer_font: str = DEFAULT_FONTS["signer"]
    today: Optional[_dt.date] = None
    rate_tolerance: float = 0.05

    def effective_today(self) -> _dt.date:
        return self.today or _dt.date.today()
