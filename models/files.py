"""Reading a whole input file with a size limit, every OS error turned into the caller's message.

Shared by the report file and the importers; ``fail(problem)`` builds the
caller's :class:`UserFacingError` so that each names its file its own way.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable


def read_input_bytes(path: Path, fail: Callable[[str], Exception], max_bytes: int, too_big: str, empty: str,
                     folder: str = "这是一个文件夹，不是文件") -> bytes:
    """The file's bytes. ``too_big`` may use ``{mb}`` (the file's size in MB)."""
    try:
        if path.is_dir():
            raise fail(folder)
        size = path.stat().st_size
    except FileNotFoundError:
        raise fail("文件不存在") from None
    except PermissionError:
        raise fail("没有读取该文件的权限") from None
    except OSError as exc:
        raise fail(f"无法访问文件（{exc.strerror or exc}）") from None
    if size > max_bytes:
        raise fail(too_big.format(mb=size / 1024 / 1024))
    if size == 0:
        raise fail(empty)
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except PermissionError:
        raise fail("没有读取该文件的权限，或文件正被其他程序占用") from None
    except OSError as exc:
        raise fail(f"读取失败（{exc.strerror or exc}）") from None
