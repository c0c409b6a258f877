"""python main.py check: grouped human output, JSON for programs, exit 1 on 错误."""
import json

from models.report import IndicatorValue
from models.storage import save_report
from tests.checks_fixtures import clean_report
from tests.test_cli import run


def test_check_sample_passes(sample_path):
    out = run("check", sample_path)
    assert out.returncode == 0, out.stderr
    assert "发现" in out.stdout or "未发现问题" in out.stdout
    assert "错误（" not in out.stdout


def test_check_lists_problems_grouped_by_severity_and_fails_on_errors(tmp_path):
    report = clean_report()
    report.values["I03"] = IndicatorValue(141)
    report.meta.signing_date = None
    report.meta.printing_date = None
    f = tmp_path / "bad.fzbg"
    save_report(report, f, backup=False)
    out = run("check", f)
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert lines[1].startswith("错误（") and any(line.startswith("警告（") for line in lines)
    assert lines.index(next(line for line in lines if line.startswith("警告（"))) > 1
    mismatch = next(line for line in lines if "T1-MISMATCH" in line)
    assert mismatch.strip().startswith("一、（二）第1段：") and "141件" in mismatch


def test_check_json_is_utf8_and_complete(tmp_path):
    report = clean_report()
    report.values["I03"] = IndicatorValue(141)
    f = tmp_path / "bad.fzbg"
    save_report(report, f, backup=False)
    out = run("check", f, "--json")
    assert out.returncode == 1
    assert "\\u" not in out.stdout  # ensure_ascii off: Chinese as it is
    data = json.loads(out.stdout)
    assert data["errors"] is True and data["counts"]["error"] >= 1
    first = data["problems"][0]
    assert first["rule"] == "T1-MISMATCH" and first["location"]["section_id"] == "mediation"


def test_check_with_last_years_report(tmp_path):
    this, last = clean_report(), clean_report()
    last.meta.report_year = this.meta.report_year - 1
    last.values["J01"] = IndicatorValue(40)
    save_report(this, tmp_path / "this.fzbg", backup=False)
    save_report(last, tmp_path / "last.fzbg", backup=False)
    out = run("check", tmp_path / "this.fzbg", "--last-year", tmp_path / "last.fzbg", "--json")
    rules = {p["rule"] for p in json.loads(out.stdout)["problems"]}
    assert "Y3-DROPPED" in rules
    without = run("check", tmp_path / "this.fzbg", "--json")
    assert "Y3-DROPPED" not in {p["rule"] for p in json.loads(without.stdout)["problems"]}


def test_check_unreadable_file_is_one_chinese_line(tmp_path):
    f = tmp_path / "broken.fzbg"
    f.write_text("{not json", encoding="utf-8")
    out = run("check", f)
    assert out.returncode == 1 and "Traceback" not in out.stderr and "broken.fzbg" in out.stderr


def test_output_cut_short_by_the_reader_is_not_a_crash(tmp_path):
    """``python main.py check big.fzbg | head``: the reader stops, no traceback follows."""
    import subprocess
    import sys

    from benchmarks.synthetic import make_report
    from tests.test_cli import ROOT

    report = make_report(300)
    report.values.clear()  # every number in the text now lacks its statistic: hundreds of lines
    f = tmp_path / "big.fzbg"
    save_report(report, f, backup=False)
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "check", str(f)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline().decode("utf-8")
    proc.stdout.close()  # as `head -1` does
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.wait(timeout=60)
    assert "发现" in first
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert proc.returncode == 141
