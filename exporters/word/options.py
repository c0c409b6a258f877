"""Settings of the Word export that offices vary (fonts, grid, heading weight, signature layout).

Defaults follow GB/T 9704-2012 and common practice; every number is in the unit Word uses for it.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from models.errors import UserFacingError
from models.text import clean_text

GRID_MODES = ("portable", "chargrid")
SIGNATURE_LAYOUTS = ("unsealed", "sealed")
BANJI_PLACEMENTS = ("bottom", "flow")
FONT_FIELDS = ("font_body", "font_title", "font_heading1", "font_heading2", "font_heading34",
               "font_signer_name", "font_page_number")
# Typed in the preferences (or an edited settings file): cleaned like report text before use.
TEXT_FIELDS = FONT_FIELDS + ("font_latin", "org_mark_suffix")


class WordOptionsError(UserFacingError):
    """An invalid export setting (shown to the user as it is)."""


@dataclass
class WordOptions:
    # 22 lines × 28 characters: "portable" = line grid + exact 28.95 pt lines + −0.25 pt tracking
    # (renders 28×22 in Word and LibreOffice); "chargrid" = Word's character grid (Word/WPS only).
    grid: str = "portable"
    # Faces. The standard names 仿宋/楷体/黑体/小标宋; offices usually ask for the GB2312 faces.
    font_body: str = "仿宋_GB2312"
    font_title: str = "方正小标宋简体"
    font_heading1: str = "黑体"
    font_heading2: str = "楷体_GB2312"
    font_heading34: str = "仿宋_GB2312"
    font_signer_name: str = "楷体_GB2312"
    font_page_number: str = "宋体"
    # Digits and Latin letters: None = the Chinese face of the run; some offices want "Times New Roman".
    font_latin: str | None = None
    bold_heading34: bool = False
    # Title line pitch in twips; 579 keeps every line on the 28.95 pt grid (practice: 579–700).
    title_line_twips: int = 579
    # 版头
    org_mark_suffix: str = "文件"         # 发文机关标志 = 机关名称 + 文件 (or just the name: "")
    org_mark_size_pt: float = 36.0        # 小初; narrowed horizontally (w:w) to fit 156 mm
    org_mark_min_scale: int = 50          # below this scale the size is reduced instead
    red_color: str = "FF0000"
    red_line_eighths: int = 12            # red separator thickness in 1/8 pt (12 = 1.5 pt)
    # 署名/成文日期
    signature: str = "unsealed"
    seal_room_lines: int = 3              # blank lines above a sealed 署名 (room for the seal)
    # 版记: "bottom" pushes it to the bottom of the last page (see docs/word-export.md), "flow" leaves it
    # right after the last element.
    banji_placement: str = "bottom"
    footer_distance_twips: int = 1446     # 25.5 mm: the page number's dash 7 mm below the text block

    def validate(self) -> "WordOptions":
        """The options with their texts cleaned (control characters cannot go into a .docx);
        raises :class:`WordOptionsError` for a setting that cannot be used."""
        texts = {name: clean_text(value, keep_newlines=False).strip()
                 for name in TEXT_FIELDS if isinstance(value := getattr(self, name), str)}
        return dataclasses.replace(self, **texts)._check()

    def _check(self) -> "WordOptions":
        if self.grid not in GRID_MODES:
            raise WordOptionsError(f"版面网格设置「{self.grid}」无效，应为 {' 或 '.join(GRID_MODES)}")
        if self.signature not in SIGNATURE_LAYOUTS:
            raise WordOptionsError(f"署名方式「{self.signature}」无效，应为 {' 或 '.join(SIGNATURE_LAYOUTS)}")
        if self.banji_placement not in BANJI_PLACEMENTS:
            raise WordOptionsError(f"版记位置「{self.banji_placement}」无效，应为 {' 或 '.join(BANJI_PLACEMENTS)}")
        for name in FONT_FIELDS:
            if not str(getattr(self, name) or "").strip():
                raise WordOptionsError("字体名称不能为空")
        if not 1 <= self.red_line_eighths <= 96:
            raise WordOptionsError("红色分隔线粗细应在 0.125～12 磅之间")
        if not 400 <= self.title_line_twips <= 1200:
            raise WordOptionsError("标题行距应在 20～60 磅之间")
        if len(self.red_color) != 6 or any(c not in "0123456789abcdefABCDEF" for c in self.red_color):
            raise WordOptionsError(f"颜色「{self.red_color}」应写成 6 位十六进制，如 FF0000")
        return self
