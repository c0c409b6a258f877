"""Writing the .docx: atomic, and a clear Chinese message when the target cannot be written."""
import errno
import os
import subprocess
import sys

import docx
import pytest

import models.atomic
from exporters.word import export_docx
from models.errors import OutputFileError, UserFacingError
from tests.conftest import ROOT


def test_export_writes_a_docx_that_python_docx_opens(sample_report, tmp_path):
    target = tmp_path / "报告.docx"
    warnings = export_docx(sample_report, target)
    assert warnings == []
    assert docx.Document(str(target)).paragraphs[0].text == "江南市河西区人民政府青石街道办事处文件"
    assert sorted(os.listdir(tmp_path)) == ["报告.docx"]  # no temporary file left


def _lock(monkeypatch, target):
    """Windows while Word has the file open: opening it for writing fails with a sharing violation."""
    real_open = open

    def locked_open(path, mode="r", *args, **kw):
        if os.path.abspath(path) == os.path.abspath(target) and any(m in mode for m in "wa+"):
            raise PermissionError(errno.EACCES, "The process cannot access the file", str(path))
        return real_open(path, mode, *args, **kw)

    monkeypatch.setattr(models.atomic, "open", locked_open, raising=False)


def test_locked_target_gives_a_chinese_message_and_stays_unchanged(sample_report, tmp_path, monkeypatch):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old version")
    _lock(monkeypatch, target)
    with pytest.raises(OutputFileError) as err:
        export_docx(sample_report, target)
    message = str(err.value)
    assert str(target) in message and "占用" in message and "Word" in message
    assert target.read_bytes() == b"old version"
    assert sorted(os.listdir(tmp_path)) == ["报告.docx"]


def test_target_locked_while_replacing_leaves_no_half_written_file(sample_report, tmp_path, monkeypatch):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old version")

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))

    monkeypatch.setattr(models.atomic.os, "replace", refuse)
    with pytest.raises(OutputFileError, match="原文件保持不变"):
        export_docx(sample_report, target)
    assert target.read_bytes() == b"old version"
    assert sorted(os.listdir(tmp_path)) == ["报告.docx"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_target_is_refused(sample_report, tmp_path):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old version")
    target.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(OutputFileError):
            export_docx(sample_report, target)
    finally:
        tmp_path.chmod(0o755)
    assert target.read_bytes() == b"old version"


def test_missing_folder_and_directory_targets(sample_report, tmp_path):
    with pytest.raises(OutputFileError, match="文件夹不存在"):
        export_docx(sample_report, tmp_path / "没有" / "报告.docx")
    with pytest.raises(OutputFileError, match="文件夹"):
        export_docx(sample_report, tmp_path)


def test_unknown_version_is_a_user_facing_error(sample_report, tmp_path):
    with pytest.raises(UserFacingError, match="official"):
        export_docx(sample_report, tmp_path / "a.docx", version="draft")
    assert not (tmp_path / "a.docx").exists()


def _cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=120)


def test_cli_exports_both_versions_and_prints_warnings(sample_path, tmp_path):
    for version, first in (("official", "江南市河西区人民政府青石街道办事处文件"), ("public", "江南市河西区人民政府青石街道办事处")):
        out = tmp_path / f"{version}.docx"
        run = _cli("export", sample_path, "--docx", out, "--version", version)
        assert run.returncode == 0, run.stderr
        assert str(out) in run.stdout
        assert docx.Document(str(out)).paragraphs[0].text.split("\n")[0] == first


def test_cli_reports_a_locked_file_in_one_line(sample_path, tmp_path):
    # A directory where the file should go stands in for a file Word holds: the message, not a traceback.
    run = _cli("export", sample_path, "--docx", tmp_path)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "无法写入文件" in run.stderr
