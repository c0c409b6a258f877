"""The report as blocks of text in document order, with the part each top section plays.

A block is what a check session caches: the title, the 开头段, one section (its
heading and paragraphs, not its children) or the other text fields of the basic
information. The part of the report a section stands for comes from its tag or,
for untagged reports (imported ones, other offices' templates), from the meaning of
its heading (report_structure.md §1.5: classify by keywords, never by ordinal).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Iterator, Optional

from ..numbering import heading_label
from ..report import Part, Report, Section

# Heading keywords per part (report_structure.md §1.5).
PART_KEYWORDS = {
    Part.MEASURES: ("举措", "成效", "工作情况", "完成情况", "开展情况", "亮点", "主要做法", "工作成果"),
    Part.SHORTCOMINGS: ("问题", "不足", "短板", "原因", "差距", "薄弱"),
    Part.FIRST_RESPONSIBLE: ("第一责任人", "主要负责人", "主要负责同志"),
    Part.NEXT_YEAR: ("计划", "安排", "打算", "下一步", "思路", "下一年", "明年"),
    Part.OTHER: ("其他需要报告", "其他情况"),
}

META_LABELS = {
    "organ_name": "发文机关", "signature_name": "署名机关", "organ_level": "机关层级", "report_year": "报告年度",
    "signing_date": "成文日期", "title": "标题", "addressees": "主送机关", "doc_number": "发文字号",
    "signers": "签发人", "cc": "抄送机关", "printing_organ": "印发机关", "printing_date": "印发日期",
    "attachments": "附件", "notes": "附注",
}
_META_LISTS = ("addressees", "signers", "cc", "attachments")


def heading_parts(heading: str) -> set[Part]:
    """The parts a heading names by its wording (a heading may name two: 存在问题及下一步打算)."""
    return {part for part, words in PART_KEYWORDS.items() if any(w in heading for w in words)}


@dataclass(frozen=True)
class TextRef:
    """One piece of text in a block: ``field`` is title, heading, paragraph or a meta field name;
    ``font_role`` selects the font from the options (title, heading1, heading2, body, signer)."""

    field: str
    index: Optional[int]
    text: str
    font_role: str


@dataclass
class Block:
    key: str  # "title", "preamble", "meta" or a section id
    kind: str  # title | preamble | section | meta
    order: int
    report: Report = field(repr=False, compare=False)
    section: Optional[Section] = None
    level: int = 0
    label: str = ""  # 一、（三） for a section
    in_plan: bool = False  # inside the 下一年度主要安排 part: numbers there are plans

    @functools.cached_property
    def texts(self) -> list[TextRef]:
        """The block's pieces of text (built on first use: most blocks of a re-check are not read)."""
        if self.kind == "section":
            return _section_texts(self.section, self.level)
        if self.kind == "preamble":
            return [TextRef("paragraph", i, p, "body") for i, p in enumerate(self.report.preamble)]
        if self.kind == "title":
            return [TextRef("title", None, self.report.meta.effective_title, "title")]
        return _meta_texts(self.report)

    @property
    def signature(self) -> tuple:
        """What, besides its own text, a block's findings depend on (a cache must re-run on change)."""
        return self.kind, self.level, self.in_plan

    def location(self, ref: TextRef, span: Optional[tuple[int, int]] = None):
        from .problem import MetaLocation, TextLocation
        if self.kind == "section":
            return TextLocation(self.key, ref.index, span, text_path(self.label, ref.index))
        if self.kind == "preamble":
            return TextLocation(None, ref.index, span, f"开头第{ref.index + 1}段")
        return MetaLocation(ref.field, ref.index, span, meta_path(ref.field, ref.index))


def text_path(label: str, paragraph: Optional[int]) -> str:
    return f"{label}{'标题' if paragraph is None else f'第{paragraph + 1}段'}"


def meta_path(field_name: str, index: Optional[int] = None) -> str:
    name = META_LABELS.get(field_name, field_name)
    return name if index is None else f"{name}第{index + 1}项"


def _section_texts(section: Section, level: int) -> list[TextRef]:
    heading_role = {1: "heading1", 2: "heading2"}.get(level, "body")
    refs = [TextRef("heading", None, section.heading, heading_role)]
    refs.extend(TextRef("paragraph", i, p, "body") for i, p in enumerate(section.paragraphs))
    return refs


def _meta_texts(report: Report) -> list[TextRef]:
    meta = report.meta
    refs = []
    signature_field = "signature_name" if meta.signature_name else "organ_name"
    refs.append(TextRef(signature_field, None, meta.effective_signature, "body"))
    for name in _META_LISTS:
        role = "signer" if name == "signers" else "body"
        refs.extend(TextRef(name, i, t, role) for i, t in enumerate(getattr(meta, name)))
    refs.append(TextRef("printing_organ", None, meta.printing_organ, "body"))
    refs.append(TextRef("notes", None, meta.notes, "body"))
    return [r for r in refs if r.text]


@dataclass
class Outline:
    blocks: list[Block]
    by_key: dict[str, Block]
    parent: dict[str, Optional[str]]  # section id → parent section id
    top_parts: dict[str, set[Part]]  # top-level section id → parts it stands for
    parts: dict[Part, list[Block]]  # part → the sections standing for it

    @property
    def section_blocks(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.kind == "section")

    def top_of(self, key: str) -> str:
        while self.parent.get(key) is not None:
            key = self.parent[key]
        return key

    def subtree(self, key: str) -> list[Block]:
        """The section and everything below it, in document order."""
        section = self.by_key[key].section
        return [self.by_key[s.id] for s in section.walk()]


def build_outline(report: Report) -> Outline:
    blocks = [Block("title", "title", 0, report), Block("preamble", "preamble", 1, report)]
    parent: dict[str, Optional[str]] = {}
    labels: dict[str, str] = {}

    def walk(items: list[Section], parent_id: Optional[str], level: int):
        for i, s in enumerate(items):
            label = labels.get(parent_id, "") + heading_label(level, i + 1)
            labels[s.id] = label
            parent[s.id] = parent_id
            blocks.append(Block(s.id, "section", len(blocks), report, s, level, label))
            walk(s.children, s.id, level + 1)
    walk(report.sections, None, 1)
    blocks.append(Block("meta", "meta", len(blocks), report))
    by_key = {b.key: b for b in blocks}
    outline = Outline(blocks, by_key, parent, {}, {p: [] for p in Part})
    _classify(outline, report)
    return outline


def _classify(outline: Outline, report: Report) -> None:
    for s in report.sections:
        outline.top_parts[s.id] = {s.part} if s.part else heading_parts(s.heading)
    _measures_by_position(outline, report)
    for s in report.sections:
        for part in outline.top_parts[s.id]:
            outline.parts[part].append(outline.by_key[s.id])
    plan_only = {k for k, parts in outline.top_parts.items() if parts == {Part.NEXT_YEAR}}
    elsewhere = {k for k, parts in outline.top_parts.items() if parts & {Part.NEXT_YEAR, Part.SHORTCOMINGS}}
    for block in outline.section_blocks:
        top = outline.top_of(block.key)
        block.in_plan = top in plan_only
        if block.level == 1 or top in elsewhere:
            continue
        # Below the top level: the 第一责任人 part is often a （二） inside part 1 (the seed),
        # and an office may tag subsections.
        section = block.section
        if section.part and section.part is not Part.OTHER:
            outline.parts[section.part].append(block)
        elif Part.FIRST_RESPONSIBLE in heading_parts(section.heading):
            outline.parts[Part.FIRST_RESPONSIBLE].append(block)


def _measures_by_position(outline: Outline, report: Report) -> None:
    """Reports that use 一、二、三 for themes of their work name no 成效 heading: the top
    sections before the first 问题/计划/其他 section are then the 主要举措和成效."""
    tops = outline.top_parts
    if any(Part.MEASURES in parts for parts in tops.values()):
        return
    for s in report.sections:
        parts = tops[s.id]
        if parts & {Part.SHORTCOMINGS, Part.NEXT_YEAR, Part.OTHER}:
            return
        if not s.part and (s.paragraphs or s.children):
            parts.add(Part.MEASURES)
