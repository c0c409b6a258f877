"""The common input of the structure recogniser: one "line" per paragraph.

Readers (.docx, plain text, pasted text) turn their source into lines with
whatever hints the format carries; the recogniser in :mod:`importers.structure`
never looks at the format itself, so a Word file and a web-page copy of the
same report are parsed by the same rules.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

ALIGN_CENTER = "center"
ALIGN_RIGHT = "right"
ALIGN_LEFT = "left"


@dataclass
class Line:
    """One paragraph of the source.

    * ``text`` — the paragraph as written, typed numbers included; ``\\n`` marks a
      line break inside the paragraph (Word ``w:br``).
    * ``label`` — a list number the source adds outside the text (Word numbering:
      "一、", "（一）"); "" when none.
    * ``lead`` — the leading bold text of the paragraph ("" when it does not start bold).
    * ``outline_level`` — 1-based outline level from a heading style or outline
      setting (Heading 2 → 2); None for body text. Only the relative order matters.
    * ``style`` — the style name, for title/subtitle hints.
    * ``align`` — center/right/left or "" when unknown.
    * ``number`` — where the line stood in the source (paragraph or line number, 1-based), for messages.
    * ``from_table`` — a table row flattened into one line.
    """

    text: str
    label: str = ""
    lead: str = ""
    outline_level: Optional[int] = None
    style: str = ""
    align: str = ""
    number: int = 0
    from_table: bool = False


def leading_text(pieces: Iterable[tuple[str, bool]]) -> str:
    """The text of the pieces a paragraph starts with that belong together (bold, say) — the
    ``lead`` of a :class:`Line`; spaces between them count either way. "" when the first
    visible piece does not belong."""
    lead, started = [], False
    for text, belongs in pieces:
        if not text.strip():
            lead.append(text)
            continue
        if not belongs:
            break
        started = True
        lead.append(text)
    return "".join(lead).strip() if started else ""
