"""Numbers as the ranges they stand for, so that qualified numbers compare fairly.

「460余人次」 is at least 460 and less than 470; 「超过95%」 is anything above 95;
「近500」 is at most 500 (report_structure.md §2.1, §2.3 item 6). Two statements
disagree only when their ranges cannot meet; a part can exceed its whole only when
its lowest possible value is above the whole's highest.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Optional

from ..report import Number

LOWER_BOUND = ("超过", "超", "逾", "以上")  # value ≥ n, no upper limit
ROUNDED_DOWN = ("余", "多")  # 460余: 460 ≤ value < 470
UPPER_BOUND = ("近", "不足", "以下")  # value ≤ n
ABOUT = "约"
ABOUT_SPREAD = 0.1  # 约 n: within 10 %

# Money units and their size in 元: a 「120万元」 in the text is 1 200 000 元.
MONEY_SCALE = {"元": 1, "万元": 10_000, "亿元": 100_000_000}


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    def meets(self, other: "Interval") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.lo + other.lo, self.hi + other.hi)


def _rounding_step(value: Number) -> float:
    """460 → 10, 7800 → 100, 95 → 1: the step that 余/多 leaves open."""
    if not float(value).is_integer() or value == 0:
        return 1.0
    n, step = int(abs(value)), 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return float(step)


def interval_of(value: Number, qualifier: str = "", tolerance: float = 0.0) -> Interval:
    """The range a number with its qualifier stands for; ``tolerance`` widens an exact
    number by the precision it was written with (97% for 96.97%). A bound is not
    widened: 「超过97%」 is wrong for 96.9%."""
    v = float(value)
    if qualifier in LOWER_BOUND:
        return Interval(v, math.inf)
    if qualifier in ROUNDED_DOWN:
        return Interval(v, v + _rounding_step(value))
    if qualifier in UPPER_BOUND:
        return Interval(-math.inf, v)
    if qualifier == ABOUT:
        spread = max(abs(v) * ABOUT_SPREAD, tolerance)
        return Interval(v - spread, v + spread)
    return Interval(v - tolerance, v + tolerance)


def written_tolerance(written: str, is_percent: bool) -> float:
    """Half a step of the last digit written, for rates (97% stands for 96.5–97.5) and for
    千/万 multiples (1.5万 stands for 14 500–15 500, 6千 for 5 500–6 500); other counts are exact."""
    digits = "".join(ch for ch in written if ch.isdigit() or ch in ".．")
    decimals = len(digits.replace("．", ".").split(".")[1]) if "." in digits.replace("．", ".") else 0
    half_step = 0.5 * 10 ** -decimals
    if "亿" in written and "亿元" not in written:
        return half_step * 100_000_000
    if "万" in written and "万元" not in written:
        return half_step * 10_000
    if re.search(r"[\d.．]千", written):  # 6千份 (not 六千二百份, which is exact)
        return half_step * 1_000
    return half_step if is_percent else 0.0


def convert_unit(value: float, unit: str, to_unit: str) -> Optional[float]:
    """A money amount in another money unit; the same number for any other pair of units."""
    if unit in MONEY_SCALE and to_unit in MONEY_SCALE:
        return value * MONEY_SCALE[unit] / MONEY_SCALE[to_unit]
    return value
