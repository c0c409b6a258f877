"""Load and save times of the report file: the sample and a generated 300-page report.

    python benchmarks/bench_file.py

Targets on the 2-core reference machine: sample load+save < 20 ms; 300-page < 300 ms.
Prints the median of repeated runs and the peak memory of one load+save (tracemalloc).
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import make_report  # noqa: E402
from models.catalogue import default_catalogue  # noqa: E402
from models.pages import estimate_pages  # noqa: E402
from models.storage import load_report, save_report  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "demo_street_2024.fzbg"


def measure(report, folder: Path, repeats: int) -> tuple[float, float, float, int]:
    path = folder / "bench.fzbg"
    saves, loads = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        save_report(report, path)
        t1 = time.perf_counter()
        load_report(path)
        t2 = time.perf_counter()
        saves.append(t1 - t0)
        loads.append(t2 - t1)
    tracemalloc.start()
    save_report(report, path)
    load_report(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(loads) * 1000, statistics.median(saves) * 1000, peak / 1024 / 1024, path.stat().st_size


def main() -> None:
    default_catalogue()  # loaded once per process; not part of a file's cost
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [("sample", load_report(SAMPLE), 20, 20.0), ("300 pages", make_report(300), 5, 300.0)]
        print(f"{'report':<12}{'pages':>6}{'size KB':>9}{'load ms':>9}{'save ms':>9}{'sum ms':>9}{'target':>8}"
              f"{'peak MB':>9}")
        for name, report, repeats, target in cases:
            load_ms, save_ms, peak, size = measure(report, folder, repeats)
            total = load_ms + save_ms
            ok = "ok" if total < target else "SLOW"
            print(f"{name:<12}{estimate_pages(report):>6}{size / 1024:>9.0f}{load_ms:>9.1f}{save_ms:>9.1f}"
                  f"{total:>9.1f}{'<' + str(int(target)):>8}{peak:>9.1f}  {ok}")


if __name__ == "__main__":
    main()
