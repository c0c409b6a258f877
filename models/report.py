"""The annual report: metadata, a section tree up to four levels, indicator values.

Pure Python. Every edit goes through a method of :class:`Report`, which tells the
subscribed listeners what changed (a Qt layer turns that into signals and undo
commands without this module importing Qt).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import enum
import re
import uuid
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional, Union

from .numbering import MAX_LEVEL, format_cn_date, heading_label

Number = Union[int, float]


class OrganLevel(str, enum.Enum):
    """Which kind of organ writes the report (decides template, reporting line, indicators)."""

    STREET = "street"
    COUNTY = "county"
    DEPARTMENT = "department"

    @property
    def label(self) -> str:
        return {"street": "街道办事处/乡镇", "county": "县级以上地方人民政府",
                "department": "政府部门"}[self.value]


class Part(str, enum.Enum):
    """The parts of the annual report that the 督察工作规定 requires."""

    MEASURES = "measures"
    SHORTCOMINGS = "shortcomings"
    FIRST_RESPONSIBLE = "first_responsible"
    NEXT_YEAR = "next_year"
    OTHER = "other"

    @property
    def label(self) -> str:
        return PART_LABELS[self]


PART_LABELS = {
    Part.MEASURES: "主要举措和成效",
    Part.SHORTCOMINGS: "存在的不足和原因",
    Part.FIRST_RESPONSIBLE: "党政主要负责人履行推进法治建设第一责任人职责情况",
    Part.NEXT_YEAR: "下一年度主要安排",
    Part.OTHER: "其他需要报告的情况",
}

# Qualifiers written before the number (超过95%) and after it (460余人次).
PREFIX_QUALIFIERS = ("超过", "超", "逾", "近", "约", "不足")
SUFFIX_QUALIFIERS = ("余", "多", "以上", "以下")
UNIT_FIRST_QUALIFIERS = ("以上", "以下")  # after the unit: 380人次以上 (but 460余人次)
QUALIFIERS = ("",) + SUFFIX_QUALIFIERS + PREFIX_QUALIFIERS


@dataclass
class DocNumber:
    """发文字号 in parts: 机关代字, 年份, 序号 → 海珠昌岗〔2024〕3号."""

    agency_code: str = ""
    year: Optional[int] = None
    serial: Optional[int] = None

    def format(self) -> str:
        if not self.agency_code or self.year is None or self.serial is None:
            return ""
        return f"{self.agency_code}〔{self.year}〕{self.serial}号"

    @property
    def is_empty(self) -> bool:
        return not self.agency_code and self.year is None and self.serial is None


@dataclass
class ReportMeta:
    organ_name: str = ""
    signature_name: str = ""
    organ_level: OrganLevel = OrganLevel.STREET
    report_year: int = 2024
    signing_date: Optional[_dt.date] = None
    title: str = ""  # "" = the default title, which follows organ and year
    addressees: list[str] = field(default_factory=list)
    doc_number: DocNumber = field(default_factory=DocNumber)
    signers: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    printing_organ: str = ""
    printing_date: Optional[_dt.date] = None
    attachments: list[str] = field(default_factory=list)
    notes: str = ""

    @property
    def default_title(self) -> str:
        return f"{self.organ_name}关于{self.report_year}年度法治政府建设情况的报告"

    @property
    def effective_title(self) -> str:
        return self.title or self.default_title

    @property
    def effective_signature(self) -> str:
        return self.signature_name or self.organ_name

    @property
    def signing_date_text(self) -> str:
        return format_cn_date(self.signing_date)


META_FIELDS = tuple(f.name for f in dataclasses.fields(ReportMeta))


def new_id() -> str:
    return uuid.uuid4().hex[:8]


@dataclass
class Section:
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    run_in: bool = False
    part: Optional[Part] = None
    guidance: str = ""
    children: list["Section"] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def depth(self) -> int:
        """Levels in this subtree, this section included."""
        return 1 + max((c.depth() for c in self.children), default=0)

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def heading_sentence(self) -> str:
        """The heading as printed run-in: ends with 。 unless it ends in punctuation already."""
        h = self.heading.rstrip()
        return h if not h or h[-1] in "。！？：；" else h + "。"


SECTION_FIELDS = ("heading", "paragraphs", "run_in", "part", "guidance")


@dataclass
class IndicatorValue:
    value: Optional[Number] = None
    last_year: Optional[Number] = None
    qualifier: str = ""
    remark: str = ""

    @property
    def is_empty(self) -> bool:
        return self.value is None and self.last_year is None and not self.qualifier and not self.remark


VALUE_FIELDS = ("value", "last_year", "qualifier", "remark")


@dataclass
class CustomIndicator:
    """An indicator the office adds itself; ``category`` is a catalogue category id or ""."""

    id: str
    name: str
    unit: str = ""
    category: str = ""
    type: str = "count"


# A number the user typed is written as typed (the form takes up to four decimals: 12.35万元
# stays 12.35); a rate the program computes from its parts is written to one decimal, as
# reports write rates (97.2222… → 97.2).
TYPED_DECIMALS = 4
RATE_DECIMALS = 1


def format_number(value: Optional[Number], decimals: int = TYPED_DECIMALS) -> str:
    """1860 → "1860"; 12.35 → "12.35"; 12.0 → "12"; with ``decimals=1`` 98.2905 → "98.3"."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return str(value)


def format_value(value: Optional[Number], qualifier: str = "", unit: str = "",
                 decimals: int = TYPED_DECIMALS) -> str:
    """The number as a report writes it: 460余人次, 超过95%, 1860人次, 380人次以上."""
    if value is None:
        return ""
    number = format_number(value, decimals)
    if qualifier in PREFIX_QUALIFIERS:
        return f"{qualifier}{number}{unit}"
    if qualifier in UNIT_FIRST_QUALIFIERS:
        return f"{number}{unit}{qualifier}"
    return f"{number}{qualifier}{unit}"


@dataclass(frozen=True)
class ReportChange:
    """What changed: ``kind`` is one of meta, preamble, section_added, section_removed,
    section_moved, section_changed, value_changed, custom_indicators, reset."""

    kind: str
    section_id: Optional[str] = None
    indicator_id: Optional[str] = None
    fields: tuple[str, ...] = ()


Listener = Callable[[ReportChange], None]
_CUSTOM_REF = re.compile(r"\{\{(X\d+)\}\}")  # a live reference to a custom indicator (models.refs)


class StructureError(ValueError):
    """An outline operation that would break the tree (too deep, into itself, unknown id)."""


@dataclass
class Report:
    meta: ReportMeta = field(default_factory=ReportMeta)
    preamble: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    custom_indicators: list[CustomIndicator] = field(default_factory=list)
    values: dict[str, IndicatorValue] = field(default_factory=dict)
    _listeners: list[Listener] = field(default_factory=list, compare=False, repr=False)

    # -- notification -------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, change: ReportChange) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- queries ------------------------------------------------------------------
    def iter_sections(self) -> Iterator[tuple[Section, int, tuple[int, ...]]]:
        """Depth-first: (section, level 1–4, index path)."""
        def walk(items: list[Section], prefix: tuple[int, ...]):
            for i, s in enumerate(items):
                path = prefix + (i,)
                yield s, len(path), path
                yield from walk(s.children, path)
        yield from walk(self.sections, ())

    def find_section(self, section_id: str) -> Section:
        for s, _, _ in self.iter_sections():
            if s.id == section_id:
                return s
        raise StructureError(f"unknown section id {section_id!r}")

    def locate(self, section_id: str) -> tuple[Optional[Section], int]:
        """(parent or None for top level, index in the parent's list)."""
        def search(items: list[Section], parent: Optional[Section]):
            for i, s in enumerate(items):
                if s.id == section_id:
                    return parent, i
                found = search(s.children, s)
                if found:
                    return found
            return None
        found = search(self.sections, None)
        if found is None:
            raise StructureError(f"unknown section id {section_id!r}")
        return found

    def path_of(self, section_id: str) -> tuple[int, ...]:
        for s, _, path in self.iter_sections():
            if s.id == section_id:
                return path
        raise StructureError(f"unknown section id {section_id!r}")

    def level_of(self, section_id: str) -> int:
        return len(self.path_of(section_id))

    def label_of(self, section_id: str) -> str:
        """The computed number of a section: 一、 / （一） / 1. / （1）."""
        path = self.path_of(section_id)
        return heading_label(len(path), path[-1] + 1)

    def children_of(self, parent_id: Optional[str]) -> list[Section]:
        return self.sections if parent_id is None else self.find_section(parent_id).children

    def value_of(self, indicator_id: str) -> IndicatorValue:
        return self.values.get(indicator_id) or IndicatorValue()

    def custom_indicator(self, indicator_id: str) -> Optional[CustomIndicator]:
        return next((c for c in self.custom_indicators if c.id == indicator_id), None)

    def body_text_length(self) -> int:
        """Characters of running text (preamble, headings, paragraphs), for the status bar."""
        n = sum(len(p) for p in self.preamble)
        for s, _, _ in self.iter_sections():
            n += len(s.heading) + sum(len(p) for p in s.paragraphs)
        return n

    # -- metadata -------------------------------------------------------------------
    def set_meta(self, **changes) -> dict:
        """Change metadata fields; returns their old values (for undo)."""
        unknown = set(changes) - set(META_FIELDS)
        if unknown:
            raise AttributeError(f"unknown metadata fields: {sorted(unknown)}")
        old = {k: getattr(self.meta, k) for k in changes}
        for k, v in changes.items():
            setattr(self.meta, k, v)
        self._emit(ReportChange("meta", fields=tuple(changes)))
        return old

    def set_preamble(self, paragraphs: list[str]) -> list[str]:
        old, self.preamble = self.preamble, list(paragraphs)
        self._emit(ReportChange("preamble"))
        return old

    # -- sections -------------------------------------------------------------------
    def _check_fits(self, section: Section, parent_id: Optional[str]) -> None:
        parent_level = 0 if parent_id is None else self.level_of(parent_id)
        if parent_level + section.depth() > MAX_LEVEL:
            raise StructureError(f"标题最多{MAX_LEVEL}级")

    def insert_section(self, parent_id: Optional[str], index: Optional[int], section: Section) -> Section:
        """Insert an existing section (with its subtree) at ``index`` (None = at the end)."""
        self._check_fits(section, parent_id)
        items = self.children_of(parent_id)
        index = len(items) if index is None else max(0, min(index, len(items)))
        items.insert(index, section)
        self._emit(ReportChange("section_added", section_id=section.id))
        return section

    def add_section(self, parent_id: Optional[str] = None, index: Optional[int] = None,
                    heading: str = "", **fields) -> Section:
        return self.insert_section(parent_id, index, Section(heading=heading, **fields))

    def remove_section(self, section_id: str) -> tuple[Optional[str], int, Section]:
        """Remove a section and its subtree; returns (parent id, index, section) for undo."""
        parent, index = self.locate(section_id)
        items = self.sections if parent is None else parent.children
        section = items.pop(index)
        self._emit(ReportChange("section_removed", section_id=section_id))
        return (None if parent is None else parent.id), index, section

    def move_section(self, section_id: str, new_parent_id: Optional[str], new_index: int) -> tuple[Optional[str], int]:
        """Move a section under ``new_parent_id`` at ``new_index`` (index after removal).

        Returns the old (parent id, index) for undo.
        """
        section = self.find_section(section_id)
        if new_parent_id is not None and any(s.id == new_parent_id for s in section.walk()):
            raise StructureError("不能把标题移动到它自己的下级")
        parent, index = self.locate(section_id)
        old = (None if parent is None else parent.id, index)
        parent_level = 0 if new_parent_id is None else self.level_of(new_parent_id)
        if parent_level + section.depth() > MAX_LEVEL:
            raise StructureError(f"标题最多{MAX_LEVEL}级")
        (self.sections if parent is None else parent.children).pop(index)
        items = self.children_of(new_parent_id)
        items.insert(max(0, min(new_index, len(items))), section)
        self._emit(ReportChange("section_moved", section_id=section_id))
        return old

    def _sibling_move(self, section_id: str, delta: int) -> Optional[tuple[Optional[str], int]]:
        parent, index = self.locate(section_id)
        items = self.sections if parent is None else parent.children
        if not 0 <= index + delta < len(items):
            return None
        return self.move_section(section_id, None if parent is None else parent.id, index + delta)

    def can_move_up(self, section_id: str) -> bool:
        return self.locate(section_id)[1] > 0

    def can_move_down(self, section_id: str) -> bool:
        parent, index = self.locate(section_id)
        return index < len(self.sections if parent is None else parent.children) - 1

    def can_indent(self, section_id: str) -> bool:
        parent, index = self.locate(section_id)
        if index == 0:
            return False
        return self.level_of(section_id) + self.find_section(section_id).depth() <= MAX_LEVEL

    def can_outdent(self, section_id: str) -> bool:
        return self.locate(section_id)[0] is not None

    def move_up(self, section_id: str):
        return self._sibling_move(section_id, -1)

    def move_down(self, section_id: str):
        return self._sibling_move(section_id, +1)

    def indent(self, section_id: str):
        """Make the section the last child of its previous sibling."""
        if not self.can_indent(section_id):
            return None
        parent, index = self.locate(section_id)
        siblings = self.sections if parent is None else parent.children
        new_parent = siblings[index - 1]
        return self.move_section(section_id, new_parent.id, len(new_parent.children))

    def outdent(self, section_id: str):
        """Move the section out of its parent, right after it."""
        parent, _ = self.locate(section_id)
        if parent is None:
            return None
        grand, parent_index = self.locate(parent.id)
        return self.move_section(section_id, None if grand is None else grand.id, parent_index + 1)

    def update_section(self, section_id: str, **changes) -> dict:
        """Change heading/paragraphs/run_in/part/guidance; returns the old values."""
        unknown = set(changes) - set(SECTION_FIELDS)
        if unknown:
            raise AttributeError(f"unknown section fields: {sorted(unknown)}")
        section = self.find_section(section_id)
        old = {k: getattr(section, k) for k in changes}
        for k, v in changes.items():
            setattr(section, k, list(v) if k == "paragraphs" else v)
        self._emit(ReportChange("section_changed", section_id=section_id, fields=tuple(changes)))
        return old

    # -- indicator values -------------------------------------------------------------
    def set_value(self, indicator_id: str, **changes) -> IndicatorValue:
        """Change value/last_year/qualifier/remark of one indicator; returns the old entry."""
        unknown = set(changes) - set(VALUE_FIELDS)
        if unknown:
            raise AttributeError(f"unknown value fields: {sorted(unknown)}")
        old = self.values.get(indicator_id) or IndicatorValue()
        new = dataclasses.replace(old, **changes)
        if new.is_empty:
            self.values.pop(indicator_id, None)
        else:
            self.values[indicator_id] = new
        self._emit(ReportChange("value_changed", indicator_id=indicator_id, fields=tuple(changes)))
        return old

    def add_custom_indicator(self, name: str, unit: str = "", category: str = "", type: str = "count",
                             indicator_id: Optional[str] = None) -> CustomIndicator:
        if indicator_id is None:
            # An id the text still refers to (a custom indicator deleted earlier) is not reused:
            # the reference would silently show the new indicator's number.
            taken = {c.id for c in self.custom_indicators} | self._referenced_custom_ids()
            n = 1
            while f"X{n:02d}" in taken:
                n += 1
            indicator_id = f"X{n:02d}"
        custom = CustomIndicator(id=indicator_id, name=name, unit=unit, category=category, type=type)
        self.custom_indicators.append(custom)
        self._emit(ReportChange("custom_indicators", indicator_id=indicator_id))
        return custom

    def _referenced_custom_ids(self) -> set[str]:
        texts = list(self.preamble)
        for s, _, _ in self.iter_sections():
            texts.append(s.heading)
            texts.extend(s.paragraphs)
        return set(_CUSTOM_REF.findall("\n".join(texts)))

    def remove_custom_indicator(self, indicator_id: str) -> tuple[int, CustomIndicator, IndicatorValue]:
        index = next(i for i, c in enumerate(self.custom_indicators) if c.id == indicator_id)
        custom = self.custom_indicators.pop(index)
        value = self.values.pop(indicator_id, IndicatorValue())
        self._emit(ReportChange("custom_indicators", indicator_id=indicator_id))
        return index, custom, value

    def restore_custom_indicator(self, index: int, custom: CustomIndicator, value: IndicatorValue) -> None:
        self.custom_indicators.insert(index, custom)
        if not value.is_empty:
            self.values[custom.id] = value
        self._emit(ReportChange("custom_indicators", indicator_id=custom.id))

    def replace_with(self, other: "Report") -> None:
        """Take over another report's content (e.g. restoring a recovery copy), keeping listeners."""
        self.meta, self.preamble, self.sections = other.meta, other.preamble, other.sections
        self.custom_indicators, self.values = other.custom_indicators, other.values
        self._emit(ReportChange("reset"))
