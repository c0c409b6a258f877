"""The command line: what a clerk or a script sees, never a traceback."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd or ROOT, timeout=120)


def test_version():
    out = run("--version")
    assert out.returncode == 0 and "法治报告" in out.stdout


def test_new_show_validate(tmp_path):
    f = tmp_path / "new.fzbg"
    out = run("new", "--template", "street_three_parts", "--organ", "某某街道办事处", "--year", "2025", "-o", f)
    assert out.returncode == 0, out.stderr
    data = json.loads(f.read_text(encoding="utf-8"))
    assert data["meta"]["organ_name"] == "某某街道办事处" and data["meta"]["report_year"] == 2025
    shown = run("show", f)
    assert shown.returncode == 0
    assert "一、2025年法治政府建设工作情况" in shown.stdout
    assert "（一）" in shown.stdout and "三、2026年法治政府建设工作计划" in shown.stdout
    assert run("validate", f).returncode == 0
    again = run("new", "--organ", "x", "--year", "2025", "-o", f)
    assert again.returncode != 0 and "已存在" in again.stderr


def test_show_sample_lists_values(sample_path):
    out = run("show", sample_path)
    assert out.returncode == 0
    assert "统计指标" in out.stdout and "办结率" in out.stdout and "（计算）" in out.stdout


def test_bad_file_gives_one_clear_line(tmp_path):
    bad = tmp_path / "bad.fzbg"
    bad.write_text("{ 不是报告", encoding="utf-8")
    for cmd in ("show", "validate"):
        out = run(cmd, bad)
        assert out.returncode == 1
        assert "Traceback" not in out.stderr
        assert str(bad) in out.stderr and len(out.stderr.strip().splitlines()) == 1
    out = run("show", tmp_path / "missing.fzbg")
    assert out.returncode == 1 and "不存在" in out.stderr


def test_validate_reports_value_problems(tmp_path, sample_path):
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    data["values"]["F01"]["value"] = -3
    data["values"]["F02"]["value"] = 1.5
    data["values"]["QQ1"] = {"value": 1, "last_year": None, "qualifier": "", "remark": ""}
    f = tmp_path / "v.fzbg"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = run("validate", f)
    assert out.returncode == 1
    assert "负数" in out.stdout and "不是整数" in out.stdout and "QQ1" in out.stdout


def test_usage_errors_are_chinese_and_short():
    out = run("new", "--year", "abc", "-o", "x.fzbg")
    assert out.returncode == 2 and "不是年份" in out.stderr and "Traceback" not in out.stderr
    out = run("new", "--template", "nope", "--organ", "甲", "--year", "2024", "-o", "/tmp/_never.fzbg")
    assert out.returncode == 1 and "没有名为" in out.stderr


ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "optional arguments", "show this help",
                    "show program", "required:", "argument ", "invalid choice", "unrecognized", "expected one")


@pytest.mark.parametrize("args", [("--help",), ("new", "--help"), ("check", "--help")])
def test_help_is_in_chinese(args):
    out = run(*args)
    assert out.returncode == 0 and "用法：" in out.stdout and "显示本帮助并退出" in out.stdout
    assert not [w for w in ARGPARSE_ENGLISH if w in out.stdout]


@pytest.mark.parametrize("args, said", [
    (("show",), "缺少必需的参数：报告文件"),
    (("new", "--level", "city", "-o", "x.fzbg"), "参数 --level：不能是 'city'"),
    (("new", "-o"), "参数 -o/--output：后面需要一个值"),
    (("export", "a.fzbg", "--bogus"), "无法识别的参数：--bogus"),
])
def test_usage_errors_say_what_is_wrong_in_chinese(args, said):
    out = run(*args)
    assert out.returncode == 2 and said in out.stderr, out.stderr
    assert not [w for w in ARGPARSE_ENGLISH if w in out.stderr]


def test_no_display_gives_a_message_not_an_abort():
    import os
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if not sys.platform.startswith("linux"):
        import pytest
        pytest.skip("the check is for Linux without a display")
    out = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True, text=True,
                         encoding="utf-8", cwd=ROOT, timeout=60, env=env)
    assert out.returncode == 1 and "显示器" in out.stderr and "Traceback" not in out.stderr
