"""Reading exported workbooks back the way a clerk reads them: by code, by label."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def header_row(ws, first_header: str = "指标名称") -> int:
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == first_header:
            return row[0].row
    raise AssertionError(f"no header row starting with {first_header}")


def header_map(ws, row: int) -> dict[str, int]:
    return {cell.value: cell.column for cell in ws[row] if cell.value is not None}


def rows_by_code(ws, first_row: int) -> dict[str, int]:
    """Code (column B) → row number, for the indicator rows."""
    found = {}
    for row in ws.iter_rows(min_row=first_row, min_col=2, max_col=2):
        cell = row[0]
        if cell.value:
            found[cell.value] = cell.row
    return found


def to_pdf(xlsx: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice in a throw-away profile (a shared profile locks)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui")
    profile = out_dir / "lo_profile"
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(out_dir), str(xlsx)],
                            capture_output=True, text=True, timeout=240)
    pdf = out_dir / (xlsx.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice did not convert {xlsx}: {result.stderr}"
    return pdf
