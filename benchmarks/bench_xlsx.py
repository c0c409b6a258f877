"""Excel export times: the sample's statistics workbook, and the 汇总 of 50/200/500 unit files.

    python benchmarks/bench_xlsx.py [--sizes 50 200 500]

Target on the 2-core reference machine: 500 files < 5 s (reading included), time linear in
the number of files. Prints the time of each size (median of repeated runs for the small
ones), the time per file, and the peak Python memory of one run (tracemalloc, measured in a
separate run because tracing slows the code down).
"""
from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.timing import median_seconds  # noqa: E402
from exporters.excel import aggregate_xlsx, export_xlsx  # noqa: E402
from models.catalogue import default_catalogue  # noqa: E402
from models.report import IndicatorValue, OrganLevel, Report  # noqa: E402
from models.storage import load_report, save_report  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "demo_street_2024.fzbg"
TARGET_500_S = 5.0
_PLACES = "青石白沙东湖西岭南门北关金沙银河龙山凤岗桃源柳溪梅林竹园松岗石门新城古镇"


def make_unit(base: Report, i: int, rng: random.Random) -> Report:
    """A plausible other unit: its own name and level, numbers around the sample's, some
    without last year's figures, some with more indicators filled or a custom indicator."""
    r = copy.deepcopy(base)
    place = _PLACES[i % len(_PLACES)] + _PLACES[(i * 7 + 3) % len(_PLACES)]
    if i % 5 == 4:
        r.meta.organ_level = OrganLevel.DEPARTMENT
        r.meta.organ_name = f"江南市河西区{place}局{i}"
    else:
        r.meta.organ_name = f"江南市河西区人民政府{place}街道办事处{i}"
    for entry in r.values.values():
        scale = rng.uniform(0.5, 1.6)
        if entry.value is not None:
            entry.value = round(entry.value * scale)
        if entry.last_year is not None:
            entry.last_year = None if rng.random() < 0.1 else round(entry.last_year * scale)
    catalogue = default_catalogue()
    for ind in rng.sample([x for x in catalogue.indicators if x.type == "count"], 25):
        r.values.setdefault(ind.id, IndicatorValue(rng.randint(0, 300), last_year=rng.randint(0, 300)))
    if i % 3 == 0:
        custom = r.add_custom_indicator("社区矫正对象数", unit="人")
        r.set_value(custom.id, value=rng.randint(0, 40))
    return r


def write_units(folder: Path, count: int) -> None:
    base = load_report(SAMPLE)
    rng = random.Random(count)
    for i in range(count):
        save_report(make_unit(base, i, rng), folder / f"unit_{i:04d}.fzbg", backup=False)




def peak_mb(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 500])
    args = parser.parse_args()
    default_catalogue()  # loaded once per process; not part of one export's cost
    report = load_report(SAMPLE)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out = tmp / "统计表.xlsx"
        single = median_seconds(lambda: export_xlsx(report, out), 7)
        print(f"single export (sample, {out.stat().st_size / 1024:.0f} KB): {single * 1000:.0f} ms, "
              f"peak {peak_mb(lambda: export_xlsx(report, out)):.1f} MB")
        print(f"{'files':>6}{'time s':>9}{'ms/file':>9}{'peak MB':>9}{'xlsx KB':>9}")
        per_file = []
        for size in args.sizes:
            folder = tmp / f"units_{size}"
            folder.mkdir()
            write_units(folder, size)
            out = tmp / f"汇总_{size}.xlsx"
            run = lambda: aggregate_xlsx([folder], out)  # noqa: E731
            seconds = median_seconds(run, 3 if size <= 200 else 1)
            per_file.append(seconds / size)
            ok = "" if size != 500 else ("  ok" if seconds < TARGET_500_S else f"  SLOW (target < {TARGET_500_S:.0f} s)")
            print(f"{size:>6}{seconds:>9.2f}{seconds / size * 1000:>9.2f}{peak_mb(run):>9.1f}"
                  f"{out.stat().st_size / 1024:>9.0f}{ok}")
        if len(per_file) > 1:
            print(f"linearity: time per file at the largest size is {per_file[-1] / per_file[0]:.2f}× "
                  f"that at the smallest (1.0 = linear)")


if __name__ == "__main__":
    main()
