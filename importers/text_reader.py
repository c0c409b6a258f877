"""Plain text: a .txt file (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030/GBK) or pasted text.

The encoding is detected from the bytes, never taken from the system locale: a
Chinese Windows PC saves GBK, a web page copy is UTF-8, and both must read the same.
"""
from __future__ import annotations

import codecs
from pathlib import Path
from typing import Optional

from models.files import read_input_bytes

from .errors import ImportFailed
from .lines import ALIGN_RIGHT, Line

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a report is well under 1 MB of text
REPLACEMENT = "\ufffd"
_MAX_BROKEN = 5
_RIGHT_PUSH = 20  # a line indented this far is pushed right (a signature typed with spaces)


def decode_text(raw: bytes, source: Optional[str] = None) -> str:
    """Text from bytes in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK."""
    if raw.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    elif _utf16_without_bom(raw):
        encodings = (_utf16_without_bom(raw),)
    else:
        if b"\x00" in raw[:8192]:
            raise ImportFailed(source, "这是二进制文件，不是文字文件（可导入 Word .docx 文件或 UTF-8、GBK 编码的文字文件）")
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    if encodings[0].startswith("utf-8"):
        # A UTF-8 file with a few broken bytes (cut off mid-character, one stray byte pasted in):
        # the rest is good text, and each broken place shows as U+FFFD (see :func:`broken_places`).
        text = raw.decode(encodings[0], errors="replace")
        if text.count(REPLACEMENT) <= max(_MAX_BROKEN, len(text) // 1000):
            return text
    raise ImportFailed(source, "无法识别文字编码（不是 UTF-8，也不是 GBK/GB18030），请用记事本另存为 UTF-8 后再导入")


def _utf16_without_bom(raw: bytes) -> str:
    """The UTF-16 byte order of a text saved without BOM ("" when it is none).

    In Chinese text only line breaks, digits and ASCII have a zero byte in each pair, so the
    test is a line break with its zero byte and a share of zero bytes on the same side."""
    head = raw[:8192]
    if len(head) < 4 or len(head) % 2:
        return ""
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        pairs = head[0::2] if encoding == "utf-16-le" else head[1::2]
        newlines = sum(1 for a, b in zip(pairs, zeros) if a in (0x0A, 0x0D) and b == 0)
        if newlines >= 1 and zeros.count(0) >= len(zeros) // 10:
            try:
                raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
    return ""


def text_lines(text: str) -> list[Line]:
    """One :class:`Line` per line of text; far-indented lines count as pushed right."""
    lines = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        stripped = raw.lstrip(" \u3000\u00a0\t")
        indent = len(raw) - len(stripped)
        lines.append(Line(text=raw, number=number, align=ALIGN_RIGHT if indent >= _RIGHT_PUSH else ""))
    return lines


def broken_places(lines: list[Line]) -> list[str]:
    """A warning for the places a text file's bytes could not be read (none when all were)."""
    broken = [line.number for line in lines if REPLACEMENT in line.text]
    if not broken:
        return []
    where = "、".join(f"第{n}行" for n in broken[:5]) + ("等" if len(broken) > 5 else "")
    return [f"文件中有无法识别的字节（文件可能不完整或混有其他编码），{where}显示为「{REPLACEMENT}」，请核对并改正。"]


def read_text_file(path: Path, raw: Optional[bytes] = None) -> list[Line]:
    """Lines of a text file; ``raw`` when the caller has read the bytes already."""
    if raw is None:
        raw = read_bytes(path, MAX_TEXT_BYTES)
    return text_lines(decode_text(raw, str(path)))


def read_bytes(path: Path, limit: int) -> bytes:
    """The whole file, or :class:`ImportFailed` for a missing, unreadable, empty or oversized file."""
    return read_input_bytes(path, lambda problem: ImportFailed(path, problem), limit,
                            too_big="文件过大（{mb:.0f} MB），不像是一份报告", empty="文件是空的（0 字节）")
