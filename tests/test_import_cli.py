"""python main.py import: the summary a clerk reads, the file it writes, and nothing written on error."""
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, stdin=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          input=stdin, cwd=ROOT, timeout=120)


def out(done) -> str:
    return done.stdout.decode("utf-8")


def test_import_seed_prints_structure_and_proposals(tmp_path):
    seed = shared_path("seed", "changgang_2023.txt")
    target = tmp_path / "2023.fzbg"
    done = run("import", seed, "-o", target)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    text = out(done)
    assert "报告年度：2023" in text and "成文日期：2023年11月30日" in text
    assert "  一、2023年法治政府建设工作情况" in text and "    （四）积极增强宣传力度" in text
    assert "调解成功件数 = 141件  ←「累计成功调解各项纠纷141件」" in text
    assert "--apply-numbers" in text
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["values"] == {} and len(data["sections"]) == 3
    assert data["sections"][0]["children"][0]["run_in"] is True


def test_apply_numbers_and_force(tmp_path):
    seed = shared_path("seed", "changgang_2023.txt")
    target = tmp_path / "2023.fzbg"
    target.write_text("旧内容", encoding="utf-8")
    refused = run("import", seed, "-o", target, "--apply-numbers")
    assert refused.returncode == 1 and "已存在" in refused.stderr.decode("utf-8")
    assert target.read_text(encoding="utf-8") == "旧内容"
    done = run("import", seed, "-o", target, "--apply-numbers", "--force")
    assert done.returncode == 0
    values = json.loads(target.read_text(encoding="utf-8"))["values"]
    assert values["I03"]["value"] == 141 and values["E05"]["qualifier"] == "余"
    assert "已填入统计指标：" in out(done)


def test_pasted_text_from_stdin(tmp_path):
    target = tmp_path / "pasted.fzbg"
    text = "某某镇人民政府关于2024年度法治政府建设情况的报告\n一、工作情况\n全年综合行政执法立案20宗。\n"
    done = run("import", "-", "-o", target, stdin=text.encode("gb18030"))
    assert done.returncode == 0, done.stderr.decode("utf-8")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["meta"]["organ_name"] == "某某镇人民政府" and data["sections"][0]["heading"] == "工作情况"


def test_bad_input_one_line_and_nothing_written(tmp_path):
    bad = tmp_path / "报告.docx"
    bad.write_bytes(b"not a zip at all")
    target = tmp_path / "out.fzbg"
    done = run("import", bad, "-o", target)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and str(bad) in err and "Word" in err
    assert not target.exists() and list(tmp_path.iterdir()) == [bad]
