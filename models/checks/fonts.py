"""Group 7: characters the chosen fonts cannot print.

The 公文 fonts 仿宋_GB2312 and 楷体_GB2312 hold only the GB2312 set: a name written
with 堃 or 喆 prints as an empty box or in a different typeface. Which font each
text uses comes from the options (title, headings by level, body, 签发人).
"""
from __future__ import annotations

from ..text import outside_gb2312
from .context import CheckContext
from .outline import Block
from .problem import Severity
from .registry import Rule, rule


def is_gb2312_font(font: str) -> bool:
    return "GB2312" in font.upper()


def _font(ctx: CheckContext, role: str) -> str:
    return getattr(ctx.options, f"{role}_font")


@rule("G7-OUTSIDE-GB2312", Severity.WARNING, "字体中没有的字", group=7, scope="block")
def outside_font(ctx: CheckContext, r: Rule, block: Block):
    """One finding per character and text, at its first place, with the count."""
    for ref in block.texts:
        font = _font(ctx, ref.font_role)
        if not ref.text or not is_gb2312_font(font):
            continue
        places: dict[str, list[int]] = {}
        for pos, ch in outside_gb2312(ref.text):
            places.setdefault(ch, []).append(pos)
        for ch, positions in places.items():
            times = f"（共 {len(positions)} 处）" if len(positions) > 1 else ""
            yield r.problem(f"「{ch}」（U+{ord(ch):04X}）不在 GB2312 字符集内，{font}中没有这个字，打印时会缺字或变成其他字体"
                            f"{times}；可改用包含该字的字体（如仿宋）或请印制部门造字",
                            block.location(ref, (positions[0], positions[0] + len(ch))))
