"""Heading numbers of a 公文 (一、 （一） 1. （1）) and the split of a run-in heading.

Variants met in real text: half- and full-width parentheses, 1． and 1、 for 1.,
stray spaces after the number. A heading may stand alone on its line or run into
its paragraph: 「（一）深入学习……思想。深入学习……」 → heading + run-in text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from models.numbers import parse_chinese_number

_CN = "一二三四五六七八九十百零〇"
_SPACE = " \u3000\u00a0\t"
# After 「1.」: a digit or a dot makes 1.5万人次 and 2023.1 numbers, but a year may start the text: 「1.2024年度统计表」
AFTER_ITEM_MARK = r"(?![.．]|\d(?!\d{3}\s*年))"
def _parenthesized_digit(ch: str) -> int:
    return ord(ch) - 0x2473  # ⑴ is U+2474


_PATTERNS = (
    # 「第一部分 2024年度主要工作」: some offices number the top level by parts
    (1, re.compile(rf"^第([{_CN}]{{1,3}})部分[{_SPACE}]*[、．.：:]?[{_SPACE}]*"), parse_chinese_number),
    (1, re.compile(rf"^([{_CN}]{{1,6}})[{_SPACE}]*[、．.][{_SPACE}]*"), parse_chinese_number),
    # 「（一）、」 and 「（1）.」: a mark after the bracket is a common slip
    (2, re.compile(rf"^[（(][{_SPACE}]*([{_CN}]{{1,6}})[{_SPACE}]*[）)][{_SPACE}]*(?:[、．.][{_SPACE}]*)?"),
     parse_chinese_number),
    # 1.5万人次 and 2023.1 are numbers, not headings
    (3, re.compile(rf"^(\d{{1,3}})[{_SPACE}]*[.．、]{AFTER_ITEM_MARK}[{_SPACE}]*"), int),
    (4, re.compile(rf"^[（(][{_SPACE}]*(\d{{1,3}})[{_SPACE}]*[）)][{_SPACE}]*(?:[、．.](?![\d.．])[{_SPACE}]*)?"), int),
    # 「⑴」 (one character, as Word's symbol or an input method types it) for 「（1）」
    (4, re.compile(rf"^([\u2474-\u2487])[{_SPACE}]*"), _parenthesized_digit),
)
_OPENERS = "“‘《（(〔【「『"
_CLOSERS = "”’》）)〕】」』"
_LEAD_ENDS = "。：；！？"
_MAX_COLON_LEAD = 30  # 「推进严格规范公正文明执法：」 is about as long as a topic phrase gets


@dataclass(frozen=True)
class HeadingMark:
    """A heading number found at the start of a line: level 1–4, its ordinal, the label as written."""

    level: int
    ordinal: int
    label: str
    rest: str

    @property
    def is_part(self) -> bool:
        """「第一部分」 rather than 「一、」: a level above 一、 when a report uses both."""
        return self.label.startswith("第")


def match_label(text: str) -> Optional[HeadingMark]:
    """The heading number at the start of ``text`` (None when there is none or nothing follows it)."""
    for level, pattern, ordinal_of in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        rest = text[m.end():]
        if not rest.strip(_SPACE) or rest[0] in "、，。：；）)":
            return None
        ordinal = ordinal_of(m.group(1))
        if not ordinal:
            return None
        return HeadingMark(level, ordinal, m.group(0).strip(_SPACE), rest)
    return None


def first_sentence_end(text: str) -> int:
    """Index of the first 。 outside quotes and brackets, or -1."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif ch == "。" and depth == 0:
            return i
    return -1


def split_run_in(rest: str, lead: str = "") -> tuple[str, str]:
    """(heading, run-in text) of a heading line without its number.

    The heading is the bold lead when it ends at a sentence or clause mark (kept
    when it is ：；！？, dropped when it is 。), otherwise the text up to the first 。.
    The run-in text is "" when the heading stands alone; a heading that stands
    alone keeps its own final 。 so that it prints exactly as it was written.
    """
    lead = lead.strip(_SPACE)
    if lead and rest.startswith(lead) and len(lead) < len(rest):
        after = rest[len(lead):]
        if lead[-1] in _LEAD_ENDS:
            return _cut(rest, len(lead) - 1, keep=lead[-1] != "。")
        if after[0] in _LEAD_ENDS:
            return _cut(rest, len(lead), keep=after[0] != "。")
    end = first_sentence_end(rest)
    colon = _lead_colon(rest, end)
    if colon >= 0:
        return _cut(rest, colon, keep=True)  # 「推进依法决策：重大决策……。」 written without bold
    if end < 0 or end == len(rest.rstrip(_SPACE)) - 1:
        return rest.strip(_SPACE), ""
    return _cut(rest, end, keep=False)


def _lead_colon(rest: str, sentence_end: int) -> int:
    """Index of a ： closing a short topic phrase before the first sentence ends, or -1."""
    colon = rest.find("：")
    if colon < 0 or colon > _MAX_COLON_LEAD or (0 <= sentence_end < colon):
        return -1
    if any(mark in rest[:colon] for mark in "，；“”"):
        return -1  # a clause or a quotation, not a topic phrase
    return colon


def _cut(text: str, mark_at: int, keep: bool) -> tuple[str, str]:
    heading = text[:mark_at + 1] if keep else text[:mark_at]
    body = text[mark_at + 1:].strip(_SPACE)
    if not body:
        return text.strip(_SPACE), ""
    return heading.strip(_SPACE), body
