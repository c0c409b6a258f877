"""Atomic file replacement shared by the report file and every exporter.

The new content goes to a temporary file in the target's folder, is flushed and
fsynced, and then replaces the target with ``os.replace``: a crash or kill at any
instant leaves either the old file or the new one, complete.
"""
from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from .errors import OutputFileError


def _describe_os_error(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "磁盘空间不足，文件未写入，原文件保持不变。"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return ("文件被其他程序占用（例如正在 Word、WPS 或 Excel 中打开）或没有写入权限。"
                "请关闭该文件或换一个位置后重试，原文件保持不变。")
    if isinstance(exc, FileNotFoundError):
        return "所在文件夹不存在。"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹，不是文件。"
    return f"写入失败（{exc.strerror or exc}），原文件保持不变。"


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _target_and_folder(path: str | Path) -> tuple[Path, Path]:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputFileError(target, "这是一个文件夹，不是文件。")
    if not folder.is_dir():
        raise OutputFileError(target, "所在文件夹不存在。")
    return target, folder


def atomic_write_bytes(path: str | Path, data: bytes, backup_suffix: str | None = None) -> None:
    """Replace ``path`` with ``data`` atomically.

    With ``backup_suffix`` (e.g. ``".bak"``) the previous version is kept as
    ``<path><suffix>``; the backup is itself written atomically so that the
    target always exists while this runs.
    Raises :class:`OutputFileError` with a Chinese message; the target is unchanged then.
    """
    target, folder = _target_and_folder(path)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup_suffix and target.exists():
            _backup(target, backup_suffix)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(folder)
    except OSError as exc:
        raise OutputFileError(target, _describe_os_error(exc)) from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _backup(target: Path, suffix: str) -> None:
    backup = target.with_name(target.name + suffix)
    fd, tmp_backup = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(target, tmp_backup)
        os.replace(tmp_backup, backup)
    except OSError:
        try:
            os.unlink(tmp_backup)
        except OSError:
            pass
        raise


def check_writable(path: str | Path) -> None:
    """Fail early, before building a large output, when ``path`` cannot be replaced.

    Opening an existing file for appending fails on Windows while Word or Excel holds it.
    """
    target, folder = _target_and_folder(path)
    if not os.access(folder, os.W_OK):
        raise OutputFileError(target, "没有在该文件夹中写入的权限。")
    if target.exists():
        try:
            with open(target, "ab"):
                pass
        except OSError as exc:
            raise OutputFileError(target, _describe_os_error(exc)) from exc
