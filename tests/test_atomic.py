"""Atomic writes: a kill at any instant leaves the old or the new file, complete."""
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from models.atomic import atomic_write_bytes, check_writable
from models.errors import OutputFileError
from models.storage import load_report

ROOT = Path(__file__).resolve().parent.parent

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from benchmarks.synthetic import make_report
    from models.storage import save_report
    a, b = make_report(40, seed=1), make_report(40, seed=2)
    a.meta.organ_name, b.meta.organ_name = "甲", "乙"
    print("ready", flush=True)
    while True:
        save_report(a, sys.argv[1])
        save_report(b, sys.argv[1])
""")


@pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")
def test_kill_during_saves_never_leaves_a_broken_file(tmp_path):
    target = tmp_path / "r.fzbg"
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT)), encoding="utf-8")
    for delay in (0.05, 0.11, 0.17, 0.23, 0.31):
        proc = subprocess.Popen([sys.executable, str(script), str(target)], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if target.exists():
            assert load_report(target).meta.organ_name in ("甲", "乙")
        backup = target.with_name(target.name + ".bak")
        if backup.exists():
            assert load_report(backup).meta.organ_name in ("甲", "乙")


def test_atomic_write_and_backup(tmp_path):
    p = tmp_path / "out.bin"
    atomic_write_bytes(p, b"one")
    atomic_write_bytes(p, b"two", backup_suffix=".bak")
    assert p.read_bytes() == b"two" and (tmp_path / "out.bin.bak").read_bytes() == b"one"
    assert sorted(f.name for f in tmp_path.iterdir()) == ["out.bin", "out.bin.bak"]


def test_check_writable_refuses_folders_and_missing_parents(tmp_path):
    with pytest.raises(OutputFileError, match="文件夹"):
        check_writable(tmp_path)
    with pytest.raises(OutputFileError, match="不存在"):
        check_writable(tmp_path / "no" / "x.docx")
    check_writable(tmp_path / "new.docx")  # a new file in a writable folder is fine


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputFileError, match="权限"):
            check_writable(folder / "x.docx")
        with pytest.raises(OutputFileError):
            atomic_write_bytes(folder / "x.docx", b"x")
    finally:
        folder.chmod(0o755)
