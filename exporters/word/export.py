"""``export_docx``: the report as a GB/T 9704-2012 official document (.docx)."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Optional

from docx import Document

from models.atomic import atomic_write_bytes, check_writable
from models.catalogue import Catalogue
from models.errors import UserFacingError
from models.report import Report

from .banji import write_banji
from .body import write_addressee, write_preamble, write_sections, write_title
from .closing import write_attachments, write_notes, write_signature
from .layout import Flow
from .masthead import write_masthead
from .options import WordOptions
from .page import add_page_number_footers, setup_page, setup_properties, setup_settings
from .styles import StyleSheet
from .text_prep import FontWarnings, TextPrep
from .writer import DocWriter

VERSIONS = {"official": "正式版", "public": "公开版"}


class ExportVersionError(UserFacingError):
    pass


def export_docx(report: Report, path, *, version: str = "official", options: Optional[WordOptions] = None,
                catalogue: Optional[Catalogue] = None) -> list[str]:
    """Write ``report`` to ``path`` as .docx; returns warnings (Chinese) for the user.

    ``version`` "official" has the 版头 and 版记; "public" (for the website) has neither.
    The target is checked before anything is built and replaced atomically: a file that Word holds
    open gives an :class:`~models.errors.OutputFileError` and stays as it was.
    """
    if version not in VERSIONS:
        raise ExportVersionError(f"导出版本「{version}」无效，应为 official（正式版）或 public（公开版）")
    options = (options or WordOptions()).validate()
    check_writable(path)
    data, warnings = build_docx(report, version=version, options=options, catalogue=catalogue)
    atomic_write_bytes(Path(path), data)
    return warnings


def build_docx(report: Report, *, version: str = "official", options: Optional[WordOptions] = None,
               catalogue: Optional[Catalogue] = None) -> tuple[bytes, list[str]]:
    """The .docx file's bytes and the warnings, without writing anything."""
    options = (options or WordOptions()).validate()
    document = Document()
    sheet = StyleSheet(options)
    sheet.install(document)
    setup_page(document, sheet)
    setup_settings(document)
    add_page_number_footers(document, sheet)
    fonts = FontWarnings()
    w = DocWriter(document, sheet, TextPrep(report, catalogue), fonts, Flow(sheet))

    problems: list[str] = []
    official = version == "official"
    title_space = 0
    if official:
        found, title_space = write_masthead(w, report)
        problems += found
    write_title(w, report, space_before=title_space)
    write_addressee(w, report)
    write_preamble(w, report)
    write_sections(w, report)
    write_attachments(w, report)
    problems += write_signature(w, report)
    write_notes(w, report)
    if official:
        problems += write_banji(w, report)

    title = w.prep.inline(report.meta.effective_title)
    setup_properties(document, title=title, author=w.prep.inline(report.meta.organ_name))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), problems + w.prep.messages() + fonts.messages()
