"""Where the text ends on its last page, estimated from the styles' metrics.

python-docx cannot paginate, yet the 版记 belongs at the bottom of the last page. Every line of
this document has an exact height and every character a known advance (grid, tracking), so the flow
can be replayed: lines per paragraph (greedy filling with the Chinese line-breaking rules:
closing marks do not start a line, opening marks do not end one, nothing hangs in the margin),
paragraphs split across pages without widow control, keep-with-next chains moved
whole. The estimate follows LibreOffice's layout (checked against its renders); Word agrees when
the fonts are the GB faces, whose Latin characters are exactly half as wide as Chinese ones.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Optional

from models.text import display_width

from .styles import BLOCK_H, BLOCK_W, StyleSheet

NO_LINE_START = frozenset("，。、；：？！）》」』”’〕】…·%,.;:?!)]}")
NO_LINE_END = frozenset("（《「『“‘〔【([{")
# Advance of half-width characters in em: the GB faces give every one 0.5; LibreOffice's stand-in
# (Noto Serif CJK) is wider for digits, % and letters. The estimate takes the wider of the two, so
# that an error leaves the 版记 a line higher rather than pushing it to a new page.
_NARROW = {**{c: 0.56 for c in "0123456789"}, "%": 0.93, "@": 0.93, "&": 0.8, "—": 1.0,
           **{c: 0.74 for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, **{c: 0.6 for c in "abcdefghijklmnopqrstuvwxyz"},
           "m": 0.85, "w": 0.75, "M": 0.9, "W": 0.95}
NARROW_DEFAULT = 0.5
# em between a Chinese character and a digit or Latin letter. The Normal style turns autoSpaceDE/
# autoSpaceDN off, which Word honours (0 em) but LibreOffice 7.4 ignores (≈ 0.22 em); the estimate
# keeps the wider LibreOffice text, so an error leaves the 版记 a line high, never on a new page.
AUTOSPACE = 0.25
# Twips kept free where the estimate fills a page to its bottom, so that rounding in a renderer cannot
# push the last line over.
SLACK = 40


@dataclass
class Block:
    lines: list[int]          # the height of each line, twips
    space_before: int = 0
    keep_next: bool = False
    page_break_before: bool = False


class Flow:
    """Blocks in document order; :meth:`end` replays them onto pages."""

    def __init__(self, sheet: StyleSheet):
        self.sheet = sheet
        self.blocks: list[Block] = []

    def paragraph(self, sid: str, text: str, *, geometry: tuple[int, int, int], space_before: int,
                  line: Optional[int], page_break_before: bool = False, lines: Optional[int] = None) -> None:
        spec = self.sheet.para[sid]
        height = line or spec.line or int(spec.size * 20 * 1.3)
        if lines is None:
            lines = self.measure(sid, text, geometry)
        self.blocks.append(Block([height] * lines, space_before, spec.keep_next, page_break_before))

    def measure(self, sid: str, text: str, geometry: tuple[int, int, int]) -> int:
        """Lines of ``text`` in style ``sid`` with indents ``geometry`` (first-line offset, left, right)."""
        spec = self.sheet.para[sid]
        first, left, right = geometry
        width = BLOCK_W - left - right
        pitch = self.sheet.pitch_pt(sid)
        return sum(count_lines(part, spec.size * 20, (pitch - spec.size) * 20, width - first, width)
                   for part in text.split("\n"))

    def fixed(self, height: int, keep_next: bool = False) -> None:
        """A block that does not split (the 版记 table)."""
        self.blocks.append(Block([height], 0, keep_next))

    def end(self) -> tuple[int, int]:
        """(page number, twips used on it) after the last block."""
        page, y = 1, 0
        for page, y, _ in self.places():
            pass
        return page, y

    def places(self):
        """(page, twips used on it, block) after each block, in order."""
        page, y = 1, 0
        blocks = self.blocks
        for i, b in enumerate(blocks):
            if b.page_break_before and i > 0:
                page, y = page + 1, 0
            if b.keep_next and i + 1 < len(blocks):
                # A keep-with-next chain goes to the next page when it and the next block's first line
                # do not fit here (and would fit on an empty page).
                j, need = i, 0
                while j < len(blocks) and blocks[j].keep_next:
                    need += blocks[j].space_before + sum(blocks[j].lines)
                    j += 1
                if j < len(blocks):
                    need += blocks[j].space_before + blocks[j].lines[0]
                if y > 0 and y + need > BLOCK_H >= need:
                    page, y = page + 1, 0
            if y > 0 or page == 1:  # space before is dropped at the top of a page after a natural break
                y += b.space_before
            if y > BLOCK_H:
                page, y = page + 1, 0
            for h in b.lines:
                if y + h > BLOCK_H and y > 0:
                    page, y = page + 1, 0
                y += h
            yield page, y, b


def count_lines(text: str, em: float, tracking: float, first_width: float, width: float) -> int:
    """Lines of ``text`` (type size ``em`` twips, ``tracking`` twips added to every character) on a
    first line of ``first_width`` and further lines of ``width`` twips."""
    if not text:
        return 1
    pitch = em + tracking
    n, pos, lines, avail = len(text), 0, 0, first_width
    fits = int((avail + 0.5) // pitch)  # characters a line holds when all are full-width
    while pos < n:
        lines += 1
        end = pos + fits
        if _NARROW_RE.search(text, pos, min(end + 1, n)):
            stop = pos + int((avail + 0.5) // (em * NARROW_DEFAULT + tracking)) + 1
            ends = list(accumulate(advances(text[pos:stop], em, tracking)))
            end = pos + bisect_right(ends, avail + 0.5)
        if end >= n:
            break
        end = max(end, pos + 1)
        # Chinese line breaking: a closing mark does not start a line, an opening mark does not end
        # one, a number or Latin word is not split: the break moves back.
        while end > pos + 1 and (text[end] in NO_LINE_START or text[end - 1] in NO_LINE_END
                                 or (text[end].isascii() and _in_word(text, end))):
            end -= 1
        if pos == 0:
            avail, fits = width, int((width + 0.5) // pitch)
        pos = end
    return lines


def advances(text: str, em: float, tracking: float = 0.0) -> list[float]:
    """Each character's advance in twips, with the space Word and LibreOffice add between Chinese
    characters and Latin letters or digits (autoSpaceDE/autoSpaceDN, on by default) counted on the
    second of the two."""
    shares = _SHARES
    out = [em * (shares.get(ch) or _share(ch)) + tracking for ch in text]
    for m in _AUTOSPACED.finditer(text):
        out[m.start()] += em * AUTOSPACE
    return out


_SHARES: dict[str, float] = {}


def _share(ch: str) -> float:
    """A character's advance in em (cached: this runs for every character of long reports)."""
    share = 1.0 if display_width(ch) == 1.0 else _NARROW.get(ch, NARROW_DEFAULT)
    _SHARES[ch] = share
    return share


# Characters that display_width counts as half-width (the complement of its full-width ranges).
_NARROW_RE = re.compile("[^\u1100-\u115f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff"
                        "\uff00-\uff60“”‘’—…·\U00020000-\U0003134f\U0001f300-\U0010ffff]")


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # models.text.is_cjk
# The second character of each Han–Latin/digit pair.
_AUTOSPACED = re.compile(f"(?<=[0-9A-Za-z])[{_HAN}]|(?<=[{_HAN}])[0-9A-Za-z]")


def _in_word(text: str, i: int) -> bool:
    """A break between text[i-1] and text[i] would split a number or a Latin word."""
    a, b = text[i - 1], text[i]
    return a.isascii() and b.isascii() and (a.isalnum() or a in ".%-") and b.isalnum()
