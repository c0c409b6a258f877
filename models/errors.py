"""Exceptions whose text is shown to the user as it is (Simplified Chinese).

The UI and the CLI catch :class:`UserFacingError` and show ``str(error)``;
anything else is a programming error.
"""
from __future__ import annotations

from pathlib import Path


class UserFacingError(Exception):
    """An error with a complete Chinese message for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ReportFileError(UserFacingError):
    """A report file (.fzbg) cannot be read or written.

    ``path`` names the file, ``problem`` says what is wrong, ``where`` (optional)
    says where in the file: a JSON line/column or a key path.
    """

    def __init__(self, path: str | Path, problem: str, where: str = ""):
        self.path = str(path)
        self.problem = problem
        self.where = where
        text = f"无法读取报告文件「{self.path}」：{problem}"
        if where:
            text += f"（位置：{where}）"
        super().__init__(text)


class OutputFileError(UserFacingError):
    """An output file (report, .docx, .xlsx) cannot be written; nothing was changed."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"无法写入文件「{self.path}」：{problem}")
