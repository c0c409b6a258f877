"""The one error the importers raise: a file or text that cannot be imported."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from models.errors import UserFacingError

PASTED = "粘贴的文字"


class ImportFailed(UserFacingError):
    """Import refused; nothing was read into a report and nothing was written.

    ``source`` names the file (or 粘贴的文字), ``problem`` says what is wrong in Chinese.
    """

    def __init__(self, source: Optional[Union[str, Path]], problem: str):
        self.source = str(source) if source is not None else PASTED
        self.problem = problem
        where = f"「{self.source}」" if source is not None else PASTED
        super().__init__(f"无法导入{where}：{problem}")
