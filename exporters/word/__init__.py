"""Word export: the report as an official document per GB/T 9704-2012 (see docs/word-export.md)."""
from .export import build_docx, export_docx
from .options import WordOptions, WordOptionsError

__all__ = ["export_docx", "build_docx", "WordOptions", "WordOptionsError"]
