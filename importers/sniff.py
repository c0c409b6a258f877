"""Which reader a file needs, decided by its first bytes, not by its name."""
from __future__ import annotations

from pathlib import Path

from .docx_guard import MAX_DOCX_BYTES, refuse_non_docx
from .errors import ImportFailed
from .html_reader import HTML_SUFFIXES, is_web_archive, looks_like_html, read_html
from .lines import Line
from .text_reader import MAX_TEXT_BYTES, broken_places, read_bytes, read_text_file

_ZIP = b"PK\x03\x04"
_DOCX_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".wps", ".doc", ".wpt", ".dot")


def read_source_lines(path: Path) -> tuple[list[Line], list[str]]:
    """Lines of a .docx, web page or text file and the reader's warnings; :class:`ImportFailed` for anything else."""
    raw = read_bytes(path, max(MAX_DOCX_BYTES, MAX_TEXT_BYTES))
    named_html = path.suffix.lower() in HTML_SUFFIXES and b"<" in raw[:65536]  # not a text file misnamed
    if not raw.startswith(_ZIP) and (looks_like_html(raw) or named_html):
        # before the Word suffixes: many 「….doc」 downloads from websites are web pages
        _refuse_oversized(path, raw, MAX_DOCX_BYTES if is_web_archive(raw) else MAX_TEXT_BYTES)  # .mht holds pictures
        return read_html(path, raw), []
    if raw.startswith(_ZIP) or path.suffix.lower() in _DOCX_SUFFIXES:
        from .docx_reader import read_docx  # python-docx is only needed for Word files
        return read_docx(path, raw)
    refuse_non_docx(path, raw, text_expected=True)
    _refuse_oversized(path, raw, MAX_TEXT_BYTES)
    lines = read_text_file(path, raw)
    return lines, broken_places(lines)


def _refuse_oversized(path: Path, raw: bytes, limit: int) -> None:
    if len(raw) > limit:
        raise ImportFailed(path, f"文件过大（{len(raw) / 1024 / 1024:.0f} MB），不像是一份报告")
