"""Automatic list numbers of a Word document, rebuilt from ``numbering.xml``.

A heading such as 「一、总体情况」 may hold only 「总体情况」 in its text while Word
draws 「一、」 from a numbering definition, attached to the paragraph (``w:numPr``)
or to its style. Counters run per abstract definition and level, as Word does:
several ``w:num`` instances of one ``w:abstractNum`` share the count, and an
instance with a ``w:startOverride`` restarts it where that instance is first used.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from docx.oxml.ns import qn

from models.numbering import chinese_numeral

_W_VAL = qn("w:val")
_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_STOP_DIGITS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _val(el, tag: str) -> Optional[str]:
    child = el.find(qn(tag)) if el is not None else None
    return child.get(_W_VAL) if child is not None else None


def _int(text: Optional[str], default: Optional[int]) -> Optional[int]:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: A … Z, AA … ZZ
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _from_table(table: str, n: int) -> str:
    return table[n - 1] if 1 <= n <= len(table) else str(n)


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word number format (chineseCounting → 一 …)."""
    if n <= 0 and fmt not in ("decimal", "decimalZero"):
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "koreanCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_numeral(n) if n < 10000 else str(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_IDEOGRAPH_DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return "".join(_LEGAL[int(d)] for d in str(n)) if n >= 10 else _LEGAL[n]
    if fmt in ("ideographTraditional",):
        return _from_table(_TRADITIONAL, n)
    if fmt in ("ideographZodiac",):
        return _from_table(_ZODIAC, n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _from_table(_CIRCLED, n)
    if fmt == "decimalEnclosedParen":
        return _from_table(_PAREN_DIGITS, n)
    if fmt == "decimalEnclosedFullstop":
        return _from_table(_STOP_DIGITS, n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULL_WIDTH_DIGITS)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: Optional[int] = None  # None = after any shallower level; 0 = never
    legal: bool = False  # isLgl: every %n in Arabic digits
    style: Optional[str] = None


@dataclass
class _Num:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)  # full w:lvl overrides


def _read_level(lvl) -> _Level:
    return _Level(start=_int(_val(lvl, "w:start"), 0) or 0, fmt=_val(lvl, "w:numFmt") or "decimal",
                  text=_val(lvl, "w:lvlText") or "", restart=_int(_val(lvl, "w:lvlRestart"), None),
                  legal=lvl.find(qn("w:isLgl")) is not None
                  and (lvl.find(qn("w:isLgl")).get(_W_VAL) or "1") not in ("0", "false", "off"),
                  style=_val(lvl, "w:pStyle"))


class Numbering:
    """Counts numbered paragraphs in document order and returns their labels."""

    def __init__(self, numbering_element=None):
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, _Num] = {}
        self._style_links: dict[str, str] = {}  # numbering style id → abstract id
        self._counters: dict[str, list[Optional[int]]] = {}
        self._used: set[tuple[str, int]] = set()
        if numbering_element is not None:
            self._read(numbering_element)

    def _read(self, root) -> None:
        links: dict[str, str] = {}
        for absnum in root.iter(qn("w:abstractNum")):
            aid = absnum.get(qn("w:abstractNumId"))
            self._abstract[aid] = {_int(lvl.get(qn("w:ilvl")), 0): _read_level(lvl)
                                   for lvl in absnum.findall(qn("w:lvl"))}
            if _val(absnum, "w:styleLink"):
                self._style_links[_val(absnum, "w:styleLink")] = aid
            if _val(absnum, "w:numStyleLink"):
                links[aid] = _val(absnum, "w:numStyleLink")
        for aid, style in links.items():  # an abstractNum that only points at a numbering style
            if style in self._style_links:
                self._abstract[aid] = self._abstract[self._style_links[style]]
        for num in root.iter(qn("w:num")):
            entry = _Num(abstract=_val(num, "w:abstractNumId") or "")
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = _int(override.get(qn("w:ilvl")), 0)
                start = _int(_val(override, "w:startOverride"), None)
                if start is not None:
                    entry.start_overrides[ilvl] = start
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    entry.levels[ilvl] = _read_level(lvl)
            self._nums[num.get(qn("w:numId"))] = entry

    def level_for_style(self, num_id: str, style_id: str) -> Optional[int]:
        """The level of a numbering definition that names ``style_id`` (heading styles link this way)."""
        num = self._nums.get(num_id)
        for ilvl, level in sorted(self._abstract.get(num.abstract, {}).items() if num else ()):
            if level.style == style_id:
                return ilvl
        return None

    def _level(self, num: _Num, ilvl: int) -> Optional[_Level]:
        return num.levels.get(ilvl) or self._abstract.get(num.abstract, {}).get(ilvl)

    def next_label(self, num_id: Optional[str], ilvl: int) -> str:
        """Count one paragraph at (num_id, ilvl) and return its label; "" for bullets and no numbering."""
        num = self._nums.get(num_id or "")
        if num is None or num_id == "0":
            return ""
        level = self._level(num, ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(num.abstract, [None] * 9)
        ilvl = max(0, min(ilvl, 8))
        if (num_id, ilvl) not in self._used:
            self._used.add((num_id, ilvl))
            if ilvl in num.start_overrides:
                counters[ilvl] = num.start_overrides[ilvl] - 1
        counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            deeper_level = self._level(num, deeper)
            restart = deeper_level.restart if deeper_level else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt in ("bullet", "none") or not level.text:
            return ""
        return self._render(num, level, counters)

    def _render(self, num: _Num, level: _Level, counters: list[Optional[int]]) -> str:
        text = level.text
        for k in range(9):
            placeholder = f"%{k + 1}"
            if placeholder not in text:
                continue
            ref = self._level(num, k) or _Level()
            value = counters[k] if counters[k] is not None else ref.start
            fmt = "decimal" if level.legal else ref.fmt
            text = text.replace(placeholder, format_number(value, fmt) if fmt != "none" else "")
        return text
