"""Shared fixtures. Qt runs offscreen; ../shared is optional (skipped with a reason)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "resources" / "samples" / "demo_street_2024.fzbg"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is absent (a fresh clone has no ../shared)")
    return path


@pytest.fixture
def seed_text() -> str:
    return shared_path("seed", "changgang_2023.txt").read_text(encoding="utf-8")


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample_report():
    from models.storage import load_report
    return load_report(SAMPLE)
