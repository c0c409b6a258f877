"""Group 1: numbers in the text against the statistics form.

The text is read as exported (live references rendered) with the one number
recognition of :mod:`models.numbers`. A statistic that names an indicator must fit
that indicator's value: qualifiers are ranges (460余 fits a stored 460余 and a stored
465), rates agree at the precision written (97% fits 96.97%). Numbers in the
下一年度主要安排 are plans and are not compared.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..numbers import NumberMention
from ..refs import REF_RE, render_refs
from .context import CheckContext
from .outline import Block, TextRef
from .problem import Severity
from .quantities import convert_unit, interval_of, written_tolerance
from .registry import Rule, rule

# A phrase this close before the number, in the same clause, names it for sure.
_NEAR = 8
_CLAUSE_MARKS = set("，,、；;。：:！？!?")
_SENTENCE_MARKS = "。；;！？!?\n"
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_PAST_WORDS = ("上年", "去年", "上一年", "前年")


class _Rendered:
    """A paragraph as exported, with the places where live references were replaced."""

    def __init__(self, ctx: CheckContext, raw: str):
        self.raw = raw
        self.refs: list[tuple[int, int, int, int]] = []  # (rendered start, end, raw start, end)
        self.ref_ids: list[str] = []
        if "{{" not in raw:
            self.text = raw
            return
        parts, pos, out_len = [], 0, 0
        for m in REF_RE.finditer(raw):
            parts.append(raw[pos:m.start()])
            out_len += m.start() - pos
            shown = render_refs(m.group(0), ctx.report, ctx.catalogue)
            self.refs.append((out_len, out_len + len(shown), m.start(), m.end()))
            self.ref_ids.append(m.group(1))
            parts.append(shown)
            out_len += len(shown)
            pos = m.end()
        parts.append(raw[pos:])
        self.text = "".join(parts)

    def raw_span(self, start: int, end: int) -> tuple[tuple[int, int], Optional[str]]:
        """The span in the typed text, and the live reference it overlaps (if any): a
        reference shows its own indicator's value, so the number then is that value."""
        shift = 0
        for (r_start, r_end, raw_start, raw_end), ref_id in zip(self.refs, self.ref_ids):
            if start < r_end and end > r_start:
                return (raw_start, raw_end), ref_id
            if r_end <= start:
                shift += (raw_end - raw_start) - (r_end - r_start)
        return (start + shift, end + shift), None


def _is_near(text: str, m: NumberMention) -> bool:
    if not m.matched:
        return False
    pos = text.rfind(m.matched, 0, m.start)
    if pos < 0:
        return False
    gap = text[pos + len(m.matched):m.start]
    return len(gap) <= _NEAR and not (_CLAUSE_MARKS & set(gap))


def _about_another_year(text: str, start: int, report_year: int) -> bool:
    """「2023年办结105宗，2024年办结128宗」: the sentence says which year the number is of."""
    sentence_start = max(text.rfind(ch, 0, start) for ch in _SENTENCE_MARKS) + 1
    before = text[sentence_start:start]
    years = _YEAR.findall(before)
    if years:
        return int(years[-1]) != report_year
    clause_start = max(before.rfind(ch) for ch in _CLAUSE_MARKS) + 1
    return any(w in before[clause_start:] for w in _PAST_WORDS)


def _year_statistics(ctx: CheckContext, text: str) -> list[NumberMention]:
    """The statistics of the report year in a text that name an indicator; memoised with the
    mentions, so a changed value re-checks its paragraphs without reading them again."""
    key = ("statistics", text, ctx.report.meta.report_year)
    found = ctx.mention_memo.get(key)
    if found is None:
        found = ctx.mention_memo[key] = [
            m for m in ctx.mentions(text) if m.is_statistic and m.indicator_id
            and not _about_another_year(text, m.start, ctx.report.meta.report_year)]
    return found


def _statistics(ctx: CheckContext, block: Block) -> Iterator[tuple[TextRef, _Rendered, NumberMention, tuple]]:
    """Every statistic in the block's paragraphs that names an indicator."""
    if block.kind not in ("preamble", "section") or block.in_plan:
        return
    for ref in block.texts:
        if ref.field != "paragraph":
            continue
        rendered = _Rendered(ctx, ref.text)
        ctx.depend(block, rendered.ref_ids)
        for m in _year_statistics(ctx, rendered.text):
            span, ref_id = rendered.raw_span(m.start, m.end)
            if ref_id != m.indicator_id:
                ctx.depend(block, (m.indicator_id,))
                yield ref, rendered, m, span


def _text_interval(ctx: CheckContext, rendered: _Rendered, m: NumberMention):
    ind = ctx.indicator(m.indicator_id)
    value = convert_unit(m.value, m.unit, ind.unit)
    tolerance = written_tolerance(rendered.text[m.start:m.end], ind.is_percent or m.unit == "%")
    return interval_of(value, m.qualifier, tolerance)


@rule("T1-MISMATCH", Severity.ERROR, "正文数字与统计表不一致", group=1, scope="block", reads_values=True)
def text_number_mismatch(ctx: CheckContext, r: Rule, block: Block):
    """错误 when the indicator's phrase stands right before the number; 警告 when the
    recognition had to look further (the number may belong to something else)."""
    for ref, rendered, m, span in _statistics(ctx, block):
        stored = ctx.effective(m.indicator_id)
        if stored is None:
            continue
        stored_range = interval_of(stored, ctx.qualifier(m.indicator_id))
        if _text_interval(ctx, rendered, m).meets(stored_range):
            continue
        computed = "（由分子、分母计算）" if ctx.catalogue.computed(ctx.report, m.indicator_id) is not None else ""
        near = _is_near(rendered.text, m)
        message = (f"正文写「{m.phrase}」，统计表{ctx.name(m.indicator_id)}为 {ctx.shown(m.indicator_id)}{computed}，"
                   f"两处不一致" + ("" if near else "（请确认这个数字说的是该指标）"))
        yield r.problem(message, block.location(ref, span), (ctx.indicator_location(m.indicator_id),),
                        severity=None if near else Severity.WARNING)


@rule("T1-UNFILLED", Severity.HINT, "正文有数字而统计表未填", group=1, scope="block", reads_values=True)
def text_number_unfilled(ctx: CheckContext, r: Rule, block: Block):
    seen = set()
    for ref, rendered, m, span in _statistics(ctx, block):
        if ctx.effective(m.indicator_id) is not None or m.indicator_id in seen or not _is_near(rendered.text, m):
            continue
        seen.add(m.indicator_id)
        yield r.problem(f"正文写「{m.phrase}」，统计表{ctx.name(m.indicator_id)}尚未填写，可照正文填入",
                        block.location(ref, span), (ctx.indicator_location(m.indicator_id),))
