"""Data files of the program: the indicator catalogue, report templates, samples, translations.

Kept as a package so the files travel with an installed or frozen program;
code finds them through :func:`resource_path` and never by the working directory.
"""
from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Absolute path of a file shipped in ``resources/``."""
    return RESOURCE_DIR.joinpath(*parts)
