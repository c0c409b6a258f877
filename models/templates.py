"""Report templates (``resources/templates/*.json``): the outline a new report starts from."""
from __future__ import annotations

import datetime as _dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from resources import resource_path

from .report import OrganLevel, Part, Report, ReportMeta, Section


class TemplateError(ValueError):
    """A template name that does not exist (shown to the user) or a malformed template file."""


@dataclass(frozen=True)
class Template:
    template_id: str
    name: str
    description: str
    organ_levels: tuple[str, ...]
    preamble_guidance: str
    sections: tuple[dict, ...]


def _template_dir() -> Path:
    return resource_path("templates")


@functools.lru_cache(maxsize=None)
def list_templates() -> tuple[Template, ...]:
    result = []
    for path in sorted(_template_dir().glob("*.json")):
        with open(path, encoding="utf-8") as fh:
            d = json.load(fh)
        result.append(Template(template_id=d["template_id"], name=d["name"], description=d.get("description", ""),
                               organ_levels=tuple(d.get("organ_levels", ())),
                               preamble_guidance=d.get("preamble_guidance", ""),
                               sections=tuple(d["sections"])))
    return tuple(result)


def get_template(template_id: str) -> Template:
    for t in list_templates():
        if t.template_id == template_id:
            return t
    names = "、".join(t.template_id for t in list_templates())
    raise TemplateError(f"没有名为「{template_id}」的模板，可用的模板：{names}")


def default_template_for(level: OrganLevel) -> Template:
    for t in list_templates():
        if level.value in t.organ_levels:
            return t
    return list_templates()[0]


def _fill(text: str, year: int) -> str:
    return text.replace("{year}", str(year)).replace("{next_year}", str(year + 1))


def _build(d: dict, year: int) -> Section:
    return Section(heading=_fill(d["heading"], year), part=Part(d["part"]) if d.get("part") else None,
                   run_in=bool(d.get("run_in", False)), guidance=d.get("guidance", ""),
                   children=[_build(c, year) for c in d.get("children", [])])


def new_report(template_id: str, organ_name: str, year: int,
               organ_level: Optional[OrganLevel] = None, signing_date: Optional[_dt.date] = None) -> Report:
    """A new, empty report with the template's outline and guidance."""
    template = get_template(template_id)
    if organ_level is None:
        organ_level = OrganLevel(template.organ_levels[0]) if template.organ_levels else OrganLevel.STREET
    meta = ReportMeta(organ_name=organ_name, signature_name=organ_name, organ_level=organ_level,
                      report_year=year, signing_date=signing_date)
    return Report(meta=meta, sections=[_build(d, year) for d in template.sections])


def preamble_guidance(template_id: str) -> str:
    return get_template(template_id).preamble_guidance


@functools.lru_cache(maxsize=None)
def organ_examples(level: OrganLevel) -> dict[str, str]:
    """Examples for the 基本信息 fields of an organ of ``level`` (organ_name, agency_code,
    printing_organ), from ``resources/organ_examples.json``; {} when the file is unreadable."""
    try:
        with open(resource_path("organ_examples.json"), encoding="utf-8") as fh:
            examples = json.load(fh).get(level.value, {})
    except (OSError, ValueError, AttributeError):
        return {}  # only hints: the form works without them
    return {k: v for k, v in examples.items() if isinstance(v, str)} if isinstance(examples, dict) else {}
