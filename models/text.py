"""Text clean-up shared by the forms, the importers and the exporters.

Pasted text arrives with control characters (``\\x0b`` from Word line breaks),
Windows line ends and half-width punctuation copied from web pages; Word's XML
cannot hold the first, and a 公文 must not show the last.
"""
from __future__ import annotations

import re

# Characters XML 1.0 cannot hold, plus C1 controls and invisible junk from web pages.
_LINE_BREAKS = re.compile("\r\n|\r|\n|\x0b|\x0c|\u2028|\u2029|\x85")
_JUNK = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ufeff\u200b\ud800-\udfff]")
# Typographic spaces (a web page's &emsp; indent, &ensp;, thin spaces): plain spaces, so that
# 「\u2003\u2003一、」 is a heading like 「  一、」 and no invisible width reaches Word.
_ODD_SPACES = str.maketrans({ch: " " for ch in "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"})

_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, as Qt positions and Excel's cell limit count: a character
    outside the BMP (𠀀, 😀) counts two."""
    return len(text.encode("utf-16-le")) // 2


def utf16_slice(text: str, start: int, end: int | None = None) -> str:
    """``text[start:end]`` with ``start`` and ``end`` in UTF-16 code units (Qt positions)."""
    data = text.encode("utf-16-le")
    return data[2 * start:None if end is None else 2 * end].decode("utf-16-le", errors="ignore")


def utf16_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span of characters of ``text`` as UTF-16 positions (where Qt puts a cursor)."""
    return utf16_len(text[:span[0]]), utf16_len(text[:span[1]])


def is_cjk(ch: str) -> bool:
    """A Han character (BMP or supplementary planes)."""
    if not ch:
        return False
    o = ord(ch)
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3134F)


def is_cjk_context(ch: str) -> bool:
    """A Han character or Chinese (full-width) punctuation, i.e. Chinese running text."""
    if not ch:
        return False
    if is_cjk(ch):
        return True
    o = ord(ch)
    return (0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFF60 or ch in "“”‘’—…·")


def clean_text(text: str, keep_newlines: bool = True) -> str:
    """Make text safe for the report file, Word and Excel.

    Line breaks of every kind become ``\\n`` (or a space when ``keep_newlines`` is
    false); control characters, lone surrogates, BOMs and zero-width spaces are
    dropped; typographic spaces (em, en, thin) become plain spaces. Tabs are kept.
    """
    text = _LINE_BREAKS.sub("\n" if keep_newlines else " ", text)
    return _JUNK.sub("", text).translate(_ODD_SPACES)


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in " \u00a0":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _paren_pairs(text: str) -> dict[int, int]:
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            pairs[i] = j
            pairs[j] = i
    return pairs


def normalize_punctuation(text: str) -> str:
    """Half-width ``, : ; ? ! ( )`` in Chinese running text → full-width.

    A mark is converted when the nearest character before or after it (spaces
    skipped) is Chinese. Parentheses convert as a pair, and also when they
    enclose Chinese, so ``(1)加强`` becomes ``（1）加强`` and never ``(1）``.
    Numbers, times (17:16), decimals, thousands separators and Latin text are left alone.
    """
    if not any(ch in _HALF_TO_FULL for ch in text):
        return text
    pairs = _paren_pairs(text)
    out = list(text)
    for i, ch in enumerate(text):
        if ch not in _HALF_TO_FULL:
            continue
        if ch in "()" and i in pairs:
            a, b = sorted((i, pairs[i]))
            convert = (is_cjk_context(_neighbour(text, a, -1)) or is_cjk_context(_neighbour(text, b, 1))
                       or any(is_cjk(c) for c in text[a + 1:b]))
        else:
            before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
            convert = is_cjk_context(before) or is_cjk_context(after)
            if ch in ",:" and before.isdigit() and after.isdigit():
                convert = False
        if convert:
            out[i] = _HALF_TO_FULL[ch]
    return "".join(out)


_NAME_SPACES = re.compile(r"[\s\u3000]+")


def name_key(name: str) -> str:
    """An organ's name for telling whether two files are the same office's: spaces and
    control characters dropped, (…) and （…） alike."""
    return _NAME_SPACES.sub("", normalize_punctuation(clean_text(name, keep_newlines=False)))


def half_width_punctuation(text: str) -> list[tuple[int, str]]:
    """Positions of half-width marks that :func:`normalize_punctuation` would change."""
    fixed = normalize_punctuation(text)
    return [(i, ch) for i, (ch, new) in enumerate(zip(text, fixed)) if ch != new]


def split_paragraphs(text: str) -> list[str]:
    """Split pasted text into paragraphs: one per non-empty line, indents removed."""
    text = clean_text(text)
    return [line.strip(" \t\u3000\u00a0") for line in text.split("\n") if line.strip(" \t\u3000\u00a0")]


def clean_paragraph(text: str) -> str:
    """Clean a single paragraph as pasted into a form or read from a file."""
    return normalize_punctuation(clean_text(text, keep_newlines=False)).strip(" \t\u3000\u00a0")


def outside_gb2312(text: str) -> list[tuple[int, str]]:
    """Characters a GB2312 font (仿宋_GB2312, 楷体_GB2312) has no glyph for: (position, char).

    ASCII and whitespace are fine; rare name characters like 堃 and 喆 are not.
    """
    try:
        text.encode("gb2312")
        return []  # the common case, at C speed
    except UnicodeEncodeError:
        pass
    return [(i, ch) for i, ch in enumerate(text) if ord(ch) >= 0x80 and not _in_gb2312(ch)]


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    # Windows reads GB2312 fonts through code page 936, which maps a few symbols differently from
    # Python's codec (A1AA is — U+2014 there, ― U+2015 here; A1A4 is · U+00B7, not ・): a character
    # is covered when its CP936 code is a GB2312 code.
    try:
        ch.encode("gbk").decode("gb2312")
        return True
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False


def display_width(text: str) -> float:
    """Width in 汉字 units: wide characters 1, others 0.5 (for line and column estimates)."""
    return sum(1.0 if _is_wide(ch) else 0.5 for ch in text)


def _is_wide(ch: str) -> bool:
    o = ord(ch)
    return is_cjk_context(ch) or 0x1100 <= o <= 0x115F or 0xAC00 <= o <= 0xD7A3 or o >= 0x1F300
