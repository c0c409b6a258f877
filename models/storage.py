"""The report file (``.fzbg``): UTF-8 JSON with a ``schema_version``.

See ``docs/file-format.md``. Loading never modifies the file and never raises
anything but :class:`ReportFileError`; saving is atomic and keeps ``.fzbg.bak``.
"""
from __future__ import annotations

import datetime as _dt
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from .atomic import atomic_write_bytes
from .catalogue import Catalogue, default_catalogue
from .errors import ReportFileError
from .files import read_input_bytes
from .report import (QUALIFIERS, CustomIndicator, DocNumber, IndicatorValue, OrganLevel, Part,
                     Report, ReportMeta, Section)

SCHEMA_VERSION = 2
EXTENSION = ".fzbg"
MAX_FILE_BYTES = 50 * 1024 * 1024  # a 1,000-page report is under 5 MB
APP_VERSION = "0.1.0"
# The program version that introduced each schema version (told to users of older programs).
SCHEMA_PROGRAM_VERSION = {1: "0.0.1", 2: "0.1.0"}


# ---------------------------------------------------------------------------------------
# Report → dict
# ---------------------------------------------------------------------------------------
def _date_out(value: Optional[_dt.date]) -> Optional[str]:
    return value.isoformat() if value else None


def _section_out(s: Section) -> dict:
    return {
        "id": s.id,
        "heading": s.heading,
        "part": s.part.value if s.part else None,
        "run_in": s.run_in,
        "guidance": s.guidance,
        "paragraphs": list(s.paragraphs),
        "children": [_section_out(c) for c in s.children],
    }


def to_dict(report: Report) -> dict:
    """The file's content, keys in a fixed order (stable, diff-friendly)."""
    m = report.meta
    return {
        "schema_version": SCHEMA_VERSION,
        "meta": {
            "organ_name": m.organ_name,
            "signature_name": m.signature_name,
            "organ_level": m.organ_level.value,
            "report_year": m.report_year,
            "signing_date": _date_out(m.signing_date),
            "title": m.title,
            "addressees": list(m.addressees),
            "doc_number": {"agency_code": m.doc_number.agency_code, "year": m.doc_number.year,
                           "serial": m.doc_number.serial},
            "signers": list(m.signers),
            "cc": list(m.cc),
            "printing_organ": m.printing_organ,
            "printing_date": _date_out(m.printing_date),
            "attachments": list(m.attachments),
            "notes": m.notes,
        },
        "preamble": list(report.preamble),
        "sections": [_section_out(s) for s in report.sections],
        "custom_indicators": [
            {"id": c.id, "name": c.name, "unit": c.unit, "category": c.category, "type": c.type}
            for c in report.custom_indicators],
        "values": {
            key: {"value": v.value, "last_year": v.last_year, "qualifier": v.qualifier, "remark": v.remark}
            for key, v in sorted(report.values.items())},
    }


def dumps(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------------
# dict → Report, with key paths in every message
# ---------------------------------------------------------------------------------------
_TYPE_NAMES = {str: "文字", int: "整数", float: "数字", bool: "是/否（true/false）", list: "列表",
               dict: "对象", type(None): "空值（null）"}


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class _Reader:
    """Reads typed values out of parsed JSON, raising ReportFileError with the key path."""

    def __init__(self, path: Path):
        self.path = path
        self.warnings: list[str] = []

    def fail(self, where: str, problem: str):
        raise ReportFileError(self.path, problem, where)

    def get(self, obj: dict, key: str, where: str, kinds: tuple, required: bool = True, default=None):
        here = f"{where}.{key}" if where else key
        if key not in obj:
            if required:
                self.fail(here, f"缺少必需的项目「{key}」")
            return default
        value = obj[key]
        if isinstance(value, bool) and bool not in kinds:
            self.fail(here, f"应为{'或'.join(_TYPE_NAMES[k] for k in kinds)}，实际为{_type_name(value)}")
        if not isinstance(value, kinds):
            self.fail(here, f"应为{'或'.join(_TYPE_NAMES[k] for k in kinds)}，实际为{_type_name(value)}")
        return value

    def text(self, obj, key, where, required=True) -> str:
        return self.get(obj, key, where, (str,), required, "")

    def texts(self, obj, key, where, required=False) -> list[str]:
        items = self.get(obj, key, where, (list,), required, [])
        for i, item in enumerate(items):
            if not isinstance(item, str):
                self.fail(f"{where}.{key}[{i}]", f"应为文字，实际为{_type_name(item)}")
        return list(items)

    def optional_int(self, obj, key, where) -> Optional[int]:
        return self.get(obj, key, where, (int, type(None)), False, None)

    def number(self, obj, key, where) -> Optional[float]:
        value = self.get(obj, key, where, (int, float, type(None)), False, None)
        # json reads NaN and Infinity, which no statistic can be and Excel cannot store.
        if isinstance(value, float) and not math.isfinite(value):
            written = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
            self.fail(f"{where}.{key}", f"数值「{written}」无效，应为数字或空（null）")
        return value

    def date(self, obj, key, where, required=False) -> Optional[_dt.date]:
        raw = self.get(obj, key, where, (str, type(None)), required, None)
        if raw is None or raw == "":
            return None
        try:
            return _dt.date.fromisoformat(raw)
        except ValueError:
            self.fail(f"{where}.{key}", f"日期「{raw}」无效，应写成 2024-01-05 的形式")


def _meta_in(r: _Reader, data: dict) -> ReportMeta:
    where = "meta"
    m = r.get(data, "meta", "", (dict,))
    level_raw = r.text(m, "organ_level", where)
    try:
        level = OrganLevel(level_raw)
    except ValueError:
        r.fail(f"{where}.organ_level", f"机关层级「{level_raw}」无效，应为 street、county 或 department")
    year = r.get(m, "report_year", where, (int,))
    if not 1949 <= year <= 2200:
        r.fail(f"{where}.report_year", f"报告年度 {year} 不合理")
    dn = r.get(m, "doc_number", where, (dict,), False, {})
    return ReportMeta(
        organ_name=r.text(m, "organ_name", where),
        signature_name=r.text(m, "signature_name", where, required=False),
        organ_level=level,
        report_year=year,
        signing_date=r.date(m, "signing_date", where),
        title=r.text(m, "title", where, required=False),
        addressees=r.texts(m, "addressees", where),
        doc_number=DocNumber(agency_code=r.text(dn, "agency_code", f"{where}.doc_number", required=False),
                             year=r.optional_int(dn, "year", f"{where}.doc_number"),
                             serial=r.optional_int(dn, "serial", f"{where}.doc_number")),
        signers=r.texts(m, "signers", where),
        cc=r.texts(m, "cc", where),
        printing_organ=r.text(m, "printing_organ", where, required=False),
        printing_date=r.date(m, "printing_date", where),
        attachments=r.texts(m, "attachments", where),
        notes=r.text(m, "notes", where, required=False),
    )


def _section_in(r: _Reader, d: Any, where: str, level: int, seen: set) -> Section:
    if not isinstance(d, dict):
        r.fail(where, f"应为对象，实际为{_type_name(d)}")
    if level > 4:
        r.fail(where, "标题层级超过四级")
    part_raw = r.get(d, "part", where, (str, type(None)), False, None)
    part = None
    if part_raw:
        try:
            part = Part(part_raw)
        except ValueError:
            r.fail(f"{where}.part", f"未知的报告部分「{part_raw}」")
    sid = r.text(d, "id", where, required=False)
    if not sid or sid in seen:
        section = Section()
        sid = section.id
    seen.add(sid)
    children = r.get(d, "children", where, (list,), False, [])
    return Section(
        id=sid,
        heading=r.text(d, "heading", where),
        part=part,
        run_in=r.get(d, "run_in", where, (bool,), False, False),
        guidance=r.text(d, "guidance", where, required=False),
        paragraphs=r.texts(d, "paragraphs", where),
        children=[_section_in(r, c, f"{where}.children[{i}]", level + 1, seen) for i, c in enumerate(children)],
    )


def from_dict(data: Any, path: Path, catalogue: Optional[Catalogue] = None) -> tuple[Report, list[str]]:
    """Build a Report from parsed JSON of the current schema (after migration)."""
    catalogue = catalogue or default_catalogue()
    r = _Reader(path)
    if not isinstance(data, dict):
        r.fail("", f"文件内容应为 JSON 对象，实际为{_type_name(data)}")
    meta = _meta_in(r, data)
    preamble = r.texts(data, "preamble", "")
    raw_sections = r.get(data, "sections", "", (list,))
    seen: set = set()
    sections = [_section_in(r, s, f"sections[{i}]", 1, seen) for i, s in enumerate(raw_sections)]
    customs = []
    for i, c in enumerate(r.get(data, "custom_indicators", "", (list,), False, [])):
        where = f"custom_indicators[{i}]"
        if not isinstance(c, dict):
            r.fail(where, f"应为对象，实际为{_type_name(c)}")
        customs.append(CustomIndicator(id=r.text(c, "id", where), name=r.text(c, "name", where),
                                       unit=r.text(c, "unit", where, False),
                                       category=r.text(c, "category", where, False),
                                       type=r.text(c, "type", where, False) or "count"))
    values = {}
    raw_values = r.get(data, "values", "", (dict,), False, {})
    known_custom = {c.id for c in customs}
    for key, v in raw_values.items():
        where = f"values.{key}"
        if not isinstance(v, dict):
            r.fail(where, f"应为对象，实际为{_type_name(v)}")
        qualifier = r.text(v, "qualifier", where, False)
        if qualifier not in QUALIFIERS:
            r.fail(f"{where}.qualifier", f"限定词「{qualifier}」无效，可用：{'、'.join(q for q in QUALIFIERS if q)}")
        entry = IndicatorValue(value=r.number(v, "value", where), last_year=r.number(v, "last_year", where),
                               qualifier=qualifier, remark=r.text(v, "remark", where, False))
        if key not in catalogue and key not in known_custom:
            customs.append(CustomIndicator(id=key, name=f"未知指标 {key}", category=""))
            known_custom.add(key)
            r.warnings.append(f"指标「{key}」不在本程序的指标目录中，已作为自定义指标保留。")
        if not entry.is_empty:
            values[key] = entry
    report = Report(meta=meta, preamble=preamble, sections=sections, custom_indicators=customs, values=values)
    return report, r.warnings


# ---------------------------------------------------------------------------------------
# Migrations: each takes the dict of version N and returns version N+1
# ---------------------------------------------------------------------------------------
def _migrate_1_to_2(data: dict) -> dict:
    """Version 1 (0.0.x drafts): ``intro`` instead of ``preamble``, values as bare numbers,
    发文字号 as one string."""
    import re
    data = dict(data)
    if "intro" in data and "preamble" not in data:
        data["preamble"] = data.pop("intro")
    values = {}
    for key, v in (data.get("values") or {}).items():
        values[key] = v if isinstance(v, dict) else {"value": v, "last_year": None, "qualifier": "", "remark": ""}
    data["values"] = values
    meta = dict(data.get("meta") or {})
    dn = meta.get("doc_number")
    if isinstance(dn, str):
        m = re.fullmatch(r"\s*(.*?)[〔\[【(（](\d{4})[〕\]】)）]第?0*(\d+)号\s*", dn)
        meta["doc_number"] = ({"agency_code": m.group(1), "year": int(m.group(2)), "serial": int(m.group(3))}
                              if m else {"agency_code": "", "year": None, "serial": None})
    data["meta"] = meta
    data["schema_version"] = 2
    return data


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _migrate_1_to_2}


def migrate(data: dict, path: Path) -> dict:
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ReportFileError(path, "缺少有效的格式版本号（schema_version），这可能不是本程序的报告文件", "schema_version")
    if version > SCHEMA_VERSION:
        needed = SCHEMA_PROGRAM_VERSION.get(version)
        hint = f"「法治报告」{needed} 或更高版本" if needed else "更新版本的「法治报告」"
        raise ReportFileError(
            path, f"该文件由更新版本的程序保存（文件格式版本 {version}，本程序 {APP_VERSION} 只支持到版本 "
                  f"{SCHEMA_VERSION}）。请升级到{hint}后再打开", "schema_version")
    if version < 1:
        raise ReportFileError(path, f"文件格式版本 {version} 无效", "schema_version")
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


# ---------------------------------------------------------------------------------------
# Reading and writing files
# ---------------------------------------------------------------------------------------
def _read_bytes(path: Path) -> bytes:
    return read_input_bytes(
        path, lambda problem: ReportFileError(path, problem), MAX_FILE_BYTES,
        too_big=f"文件过大（{{mb:.0f}} MB，报告文件不超过 {MAX_FILE_BYTES // 1024 // 1024} MB），可能不是报告文件",
        empty="文件是空的（0 字节），可能在保存时中断；同一文件夹中的 .bak 文件是上一版本",
        folder="这是一个文件夹，不是报告文件")


def _decode(path: Path, raw: bytes) -> str:
    # Zip first: a .docx/.xlsx has zero bytes in its first kilobytes too, and the message
    # that names Word/Excel is the one that helps.
    if raw.startswith(b"PK\x03\x04"):
        raise ReportFileError(path, "这是一个压缩包或 Word/Excel 文件，不是报告文件。Word 文件请用「导入」")
    if b"\x00" in raw[:8192]:
        raise ReportFileError(path, "这是一个二进制文件，不是报告文件（报告文件是 UTF-8 编码的 JSON 文本）")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            # A damaged file: where the damage starts helps (counted from 1, as people count).
            raise ReportFileError(path, "文件不是 UTF-8 编码的文本，可能已损坏或不是报告文件",
                                  f"第 {exc.start + 1} 字节") from None
        # Re-saved in GBK: the whole file is in the other encoding, a position would mislead.
        raise ReportFileError(path, "文件不是 UTF-8 编码（看起来是 GBK/GB18030 编码，可能被其他软件另存过）") from None
    return text[1:] if text.startswith("\ufeff") else text


def parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"第 {exc.lineno} 行第 {exc.colno} 列"
        if _is_truncated(text):
            raise ReportFileError(path, "文件不完整，内容在中途截断（可能保存时被中断）；"
                                        "同一文件夹中的 .bak 文件是上一版本", where) from None
        raise ReportFileError(path, f"文件内容不是有效的 JSON（{_json_reason(exc.msg)}），可能已损坏或不是报告文件",
                              where) from None
    except RecursionError:
        raise ReportFileError(path, "文件嵌套层次过深，不是有效的报告文件") from None


def _is_truncated(text: str) -> bool:
    """True when the JSON stops inside a string or with brackets left open."""
    depth, in_string, escaped = 0, False, False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
    return in_string or depth > 0


def _json_reason(msg: str) -> str:
    reasons = {"Expecting value": "此处缺少值", "Expecting property name enclosed in double quotes": "此处应为带引号的项目名",
               "Expecting ',' delimiter": "此处缺少逗号", "Expecting ':' delimiter": "此处缺少冒号",
               "Extra data": "有多余内容", "Unterminated string starting at": "字符串没有结束",
               "Invalid control character at": "含有无效的控制字符", "Invalid \\escape": "无效的转义符"}
    return reasons.get(msg, msg)


@dataclass
class LoadResult:
    report: Report
    warnings: list[str] = field(default_factory=list)


def load_report_with_warnings(path: str | os.PathLike, catalogue: Optional[Catalogue] = None) -> LoadResult:
    path = Path(path)
    data = parse_json(path, _decode(path, _read_bytes(path)))
    if not isinstance(data, dict):
        raise ReportFileError(path, "文件内容不是报告（应为 JSON 对象）")
    data = migrate(data, path)
    report, warnings = from_dict(data, path, catalogue)
    return LoadResult(report, warnings)


def load_report(path: str | os.PathLike, catalogue: Optional[Catalogue] = None) -> Report:
    """Read a report file. Raises only :class:`ReportFileError`."""
    return load_report_with_warnings(path, catalogue).report


def loads(text: str, path: str | os.PathLike = "<文本>") -> Report:
    """Parse report JSON held in memory (e.g. a recovery copy)."""
    path = Path(path)
    data = parse_json(path, text)
    if not isinstance(data, dict):
        raise ReportFileError(path, "内容不是报告（应为 JSON 对象）")
    return from_dict(migrate(data, path), path)[0]


def save_report(report: Report, path: str | os.PathLike, backup: bool = True) -> None:
    """Write atomically; the previous version is kept as ``<name>.fzbg.bak``.

    Raises :class:`OutputFileError` (the old file is untouched then).
    """
    path = Path(path)
    atomic_write_bytes(path, dumps(report).encode("utf-8"), backup_suffix=".bak" if backup else None)
