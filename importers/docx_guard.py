"""Checks before a Word file is parsed: what the bytes really are, and whether the zip is safe.

A renamed file, an old binary .doc/.wps, a password-protected document (an
encrypted OOXML package is an OLE container, not a zip), a truncated download
and a zip bomb each get their own message; none of them reaches python-docx.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .errors import ImportFailed

MAX_DOCX_BYTES = 100 * 1024 * 1024  # the file itself
MAX_UNCOMPRESSED = 256 * 1024 * 1024  # everything in the zip, decompressed (checked before any is read)
MAX_MEMBERS = 5000

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS = "请在 Word/WPS 中打开，「另存为」Word 文档（.docx）后再导入"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def refuse_non_docx(path: Path, raw: bytes, text_expected: bool = False) -> None:
    """Raise :class:`ImportFailed` for bytes that are no .docx (or, for a text file, no text)."""
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if raw.startswith(_OLE):
        raise ImportFailed(path, _ole_problem(raw))
    if raw.startswith(b"%PDF"):
        raise ImportFailed(path, "这是 PDF 文件，本程序不能从 PDF 导入。请打开原 Word 文件，或复制报告全文后用「粘贴导入」")
    if head.startswith(b"{\\rtf"):
        raise ImportFailed(path, f"这是 RTF 格式的文件，{_SAVE_AS}")
    is_zip = raw.startswith(b"PK\x03\x04")  # its first member's name and text may say word.document too
    if not is_zip and (b"w:worddocument" in head or b"word.document" in head):
        raise ImportFailed(path, f"这是 Word 2003 XML 格式的文件，{_SAVE_AS}")
    if text_expected:
        return
    if not raw.startswith(b"PK\x03\x04"):
        hint = "（以 ~$ 开头的是 Word 打开文件时生成的临时文件）" if path.name.startswith("~$") else ""
        raise ImportFailed(path, f"不是有效的 Word 文件（.docx）{hint}，可能是改了扩展名的其他文件")
    check_zip(path, raw)


def _ole_problem(raw: bytes) -> str:
    if _utf16("EncryptedPackage") in raw or _utf16("EncryptionInfo") in raw:
        return "文件设置了打开密码（已加密）。请在 Word/WPS 中打开，取消密码并保存后再导入"
    if _utf16("Workbook") in raw and _utf16("WordDocument") not in raw:
        return "这是旧版 Excel 文件（.xls），不是报告"
    return f"这是旧版 Word（.doc）或 WPS（.wps）格式的文件，本程序只能读取 .docx。{_SAVE_AS}"


def check_zip(path: Path, raw: bytes) -> None:
    """A complete zip holding a Word document, small enough once decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ImportFailed(path, "文件已损坏（不是完整的 .docx 压缩包），可能下载或复制时不完整") from None
    if len(infos) > MAX_MEMBERS:
        raise ImportFailed(path, f"压缩包内文件过多（{len(infos)} 个），不像是 Word 文件，已拒绝读取")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise ImportFailed(path, f"文件解压后过大（约 {total / 1024 / 1024:.0f} MB，上限 "
                                 f"{MAX_UNCOMPRESSED // 1024 // 1024} MB），可能已损坏或是恶意构造的压缩包，已拒绝读取")
    if any(i.flag_bits & 0x1 for i in infos):
        raise ImportFailed(path, "文件设置了密码（已加密），请取消密码并保存后再导入")
    names = {i.filename for i in infos}
    if "word/document.xml" in names or any(n.startswith("word/") and n.endswith(".xml") for n in names):
        return
    if "xl/workbook.xml" in names:
        raise ImportFailed(path, "这是 Excel 文件，不是 Word 文件")
    if "ppt/presentation.xml" in names:
        raise ImportFailed(path, "这是 PowerPoint 文件，不是 Word 文件")
    if "content.xml" in names and "mimetype" in names:
        raise ImportFailed(path, "这是 OpenDocument 格式的文件（.odt 等，WPS/LibreOffice 可存为此格式），"
                                 "请在 WPS 或 Word 中打开，「另存为」Word 文档（.docx）后再导入")
    if "[Content_Types].xml" in names:
        raise ImportFailed(path, "这是 Office 文件，但不是 Word 文档")
    raise ImportFailed(path, "这是一个压缩包，不是 Word 文件（.docx）")
