"""Time of the checks: a full run on the sample and on a generated 300-page report, and
the panel's re-check after one paragraph edit.

    python benchmarks/bench_checks.py

Targets on the 2-core reference machine: full check of 300 pages < 200 ms; re-check
after one edit (CheckSession.problems() after Report.update_section) < 16 ms.
Prints medians of repeated runs.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import make_report  # noqa: E402
from models.catalogue import default_catalogue  # noqa: E402
from models.checks import CheckSession, run_checks  # noqa: E402
from models.pages import estimate_pages  # noqa: E402
from models.storage import load_report  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "demo_street_2024.fzbg"
FULL_TARGET_MS = 200.0
EDIT_TARGET_MS = 16.0


def full_check_ms(report, repeats: int) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        found = len(run_checks(report))
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, found


def edit_recheck_ms(report, edits: int) -> float:
    """Append a sentence with a statistic to a paragraph of a different section each time."""
    session = CheckSession(report).attach()
    session.problems()
    sections = [s for s, _, _ in report.iter_sections() if s.paragraphs]
    times = []
    for i in range(edits):
        section = sections[(i * 37) % len(sections)]
        paragraphs = list(section.paragraphs)
        paragraphs[-1] += f"累计成功调解各类纠纷{100 + i}件。"
        t0 = time.perf_counter()
        report.update_section(section.id, paragraphs=paragraphs)
        session.problems()
        times.append(time.perf_counter() - t0)
    session.detach()
    return statistics.median(times) * 1000


def verdict(ms: float, target: float) -> str:
    return "ok" if ms < target else "SLOW"


def main() -> None:
    default_catalogue()  # loaded once per process; not part of a check's cost
    cases = [("sample", load_report(SAMPLE), 20), ("300 pages", make_report(300), 7)]
    print(f"{'report':<12}{'pages':>6}{'found':>7}{'full ms':>9}{'target':>8}{'edit ms':>9}{'target':>8}")
    for name, report, repeats in cases:
        full_ms, found = full_check_ms(report, repeats)
        edit_ms = edit_recheck_ms(report, 30)
        print(f"{name:<12}{estimate_pages(report):>6}{found:>7}{full_ms:>9.1f}{'<' + str(int(FULL_TARGET_MS)):>8}"
              f"{edit_ms:>9.2f}{'<' + str(int(EDIT_TARGET_MS)):>8}  "
              f"{verdict(full_ms, FULL_TARGET_MS)}/{verdict(edit_ms, EDIT_TARGET_MS)}")


if __name__ == "__main__":
    main()
