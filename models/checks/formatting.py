"""Group 6: format points a reviewer marks in a 公文 (GB/T 9704-2012, report_structure.md §2.4).

Half-width punctuation copied from web pages, (一) typed with half-width brackets,
numbers typed into headings that the program numbers itself, [] or 【】 in a 发文字号,
zero-padded dates, over-long title lines, empty or repeated sections, a stray 。 at
the end of a heading, a live reference to an empty indicator.
"""
from __future__ import annotations

import re

from ..refs import REF_RE
from ..text import display_width, half_width_punctuation
from .context import CheckContext
from .outline import Block, meta_path, text_path
from .problem import MetaLocation, Severity
from .registry import Rule, rule

_HALF_MARKS = re.compile(r"[,:;?!()]")
_HALF_PAREN_NUMBER = re.compile(r"\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)")
_HEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]"
                             r"|\d{1,2}(?:[、．]|\.(?!\d))|[（(]\d{1,2}[）)])")
_BRACKET_DOC_NUMBER = re.compile(r"[\[【]\s*(?:19|20)\d{2}\s*[\]】]\s*\d+\s*号")
_ZERO_PADDED_DATE = re.compile(r"(?<!\d)(?:(?:19|20)\d{2}年)?(?:0[1-9]月(?:[0-3]?\d日)?|[1-9]\d?月0[1-9]日)")
_DOC_CODE_JUNK = re.compile(r"[\[\]【】〔〕()（）]|(?:19|20)\d{2}|号")
TITLE_LINE_MAX = 20  # characters per title line at 2号 (GB/T 9704 7.3.1; gbt9704.md)

_RUNNING_TEXT = ("title", "heading", "paragraph")


def _texts(block: Block, fields=None):
    return [t for t in block.texts if t.text and (fields is None or t.field in fields)]


@rule("F6-HALF-PUNCT", Severity.WARNING, "中文中使用了半角标点", group=6, scope="block")
def half_width_marks(ctx: CheckContext, r: Rule, block: Block):
    """One finding per text, pointing at the first mark and counting them all."""
    for ref in _texts(block):
        if not _HALF_MARKS.search(ref.text):
            continue
        in_numbers = {i for m in _HALF_PAREN_NUMBER.finditer(ref.text) for i in range(m.start(), m.end())}
        found = [(i, ch) for i, ch in half_width_punctuation(ref.text) if i not in in_numbers]
        if found:
            marks = "".join(dict.fromkeys(ch for _, ch in found))
            first = found[0][0]
            yield r.problem(f"有 {len(found)} 处半角标点（{' '.join(marks)}），中文行文应使用全角标点，"
                            f"如「，」「：」「（）」", block.location(ref, (first, first + 1)))


@rule("F6-HALF-PAREN-NUMBER", Severity.WARNING, "序号用了半角括号", group=6, scope="block")
def half_width_number_brackets(ctx: CheckContext, r: Rule, block: Block):
    for ref in _texts(block, _RUNNING_TEXT):
        for m in _HALF_PAREN_NUMBER.finditer(ref.text):
            full = m.group(0).replace("(", "（").replace(")", "）")
            yield r.problem(f"「{m.group(0)}」用了半角括号，应为「{full}」", block.location(ref, m.span()))


@rule("F6-HEADING-NUMBER", Severity.WARNING, "标题中自带序号", group=6, scope="block")
def heading_typed_number(ctx: CheckContext, r: Rule, block: Block):
    """The program numbers headings (一、（一）1.（1））; a typed number would print twice."""
    for ref in _texts(block, ("heading",)):
        m = _HEADING_NUMBER.match(ref.text)
        if m:
            yield r.problem(f"标题开头自带序号「{m.group(0).strip()}」，程序会自动编号，导出后序号会重复；请删去",
                            block.location(ref, m.span()))


@rule("F6-TEXT-DOCNO-BRACKETS", Severity.WARNING, "文中文号用了方括号", group=6, scope="block")
def text_doc_number_brackets(ctx: CheckContext, r: Rule, block: Block):
    for ref in _texts(block):
        for m in _BRACKET_DOC_NUMBER.finditer(ref.text):
            yield r.problem(f"文号「{m.group(0)}」中的年份应使用六角括号〔〕", block.location(ref, m.span()))


@rule("F6-ZERO-PADDED-DATE", Severity.WARNING, "日期中月、日补了0", group=6, scope="block")
def zero_padded_date(ctx: CheckContext, r: Rule, block: Block):
    for ref in _texts(block):
        for m in _ZERO_PADDED_DATE.finditer(ref.text):
            fixed = re.sub(r"(?<!\d)0(\d)(?=[月日])", r"\1", m.group(0))
            yield r.problem(f"日期「{m.group(0)}」不应补0，应写作「{fixed}」", block.location(ref, m.span()))


@rule("F6-HEADING-PERIOD", Severity.WARNING, "单独成行的标题末尾有句号", group=6, scope="block")
def heading_full_stop(ctx: CheckContext, r: Rule, block: Block):
    """Only a heading run into its paragraph ends with 。 (the program adds it)."""
    if block.kind != "section" or block.section.run_in:
        return
    for ref in _texts(block, ("heading",)):
        text = ref.text.rstrip()
        if text.endswith("。"):
            yield r.problem("标题单独成行，末尾不加句号", block.location(ref, (len(text) - 1, len(text))))


@rule("F6-EMPTY-HEADING", Severity.WARNING, "标题为空", group=6, scope="block")
def empty_heading(ctx: CheckContext, r: Rule, block: Block):
    if block.kind == "section" and not block.section.heading.strip():
        yield r.problem("这一节的标题为空", block.location(block.texts[0]))


@rule("F6-EMPTY-REF", Severity.ERROR, "引用的指标没有数值", group=6, scope="block", reads_values=True)
def empty_reference(ctx: CheckContext, r: Rule, block: Block):
    """The export would print 〔未填：…〕 in place of the number."""
    for ref in _texts(block, ("heading", "paragraph")):
        if "{{" not in ref.text:
            continue
        for m in REF_RE.finditer(ref.text):
            ind_id = m.group(1)
            ctx.depend(block, (ind_id,))
            if ctx.indicator(ind_id) is None:
                yield r.problem(f"引用了不存在的指标 {ind_id}", block.location(ref, m.span()))
            elif ctx.effective(ind_id) is None:
                yield r.problem(f"引用的指标{ctx.name(ind_id)}还没有填数值，导出时会显示为〔未填〕",
                                block.location(ref, m.span()), (ctx.indicator_location(ind_id),))


@rule("F6-DOCNO-BRACKETS", Severity.ERROR, "机关代字中含括号或年份", group=6)
def doc_number_code(ctx: CheckContext, r: Rule):
    """The 发文字号 is assembled as 代字〔年份〕序号号; brackets or a year typed into the
    代字 (海珠昌岗[2024]) would print twice and with the wrong brackets."""
    code = ctx.report.meta.doc_number.agency_code
    m = _DOC_CODE_JUNK.search(code)
    if m:
        yield r.problem(f"机关代字「{code}」中含有「{m.group(0)}」；机关代字只填代字（如「海珠昌岗」），"
                        f"年份和序号分别填写，程序会加六角括号〔〕",
                        MetaLocation("doc_number", None, m.span(), meta_path("doc_number")))


@rule("F6-TITLE-LINE-LONG", Severity.WARNING, "标题一行超过20字", group=6)
def title_line_too_long(ctx: CheckContext, r: Rule):
    """Only lines the user broke by hand: a title without breaks is balanced into lines of
    at most 20 characters by the Word export."""
    title = ctx.report.meta.effective_title
    if "\n" not in title:
        return
    lines = title.split("\n")
    start = 0
    for n, line in enumerate(lines, 1):
        width = display_width(line)
        if width > TITLE_LINE_MAX:
            yield r.problem(f"标题第{n}行约 {width:g} 字，每行不宜超过{TITLE_LINE_MAX}字；请在词意完整处换行，"
                            f"排成梯形或菱形", MetaLocation("title", None, (start, start + len(line)), meta_path("title")))
        start += len(line) + 1


@rule("F6-TITLE-ENDING", Severity.WARNING, "标题不以“报告”结尾", group=6)
def title_not_a_report(ctx: CheckContext, r: Rule):
    title = ctx.report.meta.effective_title.strip()
    if not title.endswith("报告"):
        yield r.problem("标题应以「报告」结尾（文种为报告），如「……法治政府建设情况的报告」",
                        MetaLocation("title", None, None, meta_path("title")))


@rule("F6-EMPTY-SECTION", Severity.WARNING, "空的一节", group=6)
def empty_section(ctx: CheckContext, r: Rule):
    for block in ctx.outline.section_blocks:
        section = block.section
        if section.children or any(p.strip() for p in section.paragraphs):
            continue
        name = f"「{section.heading.strip()}」" if section.heading.strip() else "这一节"
        yield r.problem(f"{name}下还没有正文", block.location(block.texts[0]))


def _heading_key(text: str) -> str:
    return text.strip().rstrip("。．.；;：: ").strip()


@rule("F6-DUPLICATE-HEADING", Severity.WARNING, "标题重复", group=6)
def duplicate_heading(ctx: CheckContext, r: Rule):
    """Repeated within one top-level part (a plan may echo the headings of the work part)."""
    first: dict[tuple, Block] = {}
    for block in ctx.outline.section_blocks:
        key = _heading_key(block.section.heading)
        if not key:
            continue
        scope = None if block.level == 1 else ctx.outline.top_of(block.key)
        earlier = first.setdefault((scope, key), block)
        if earlier is not block:
            yield r.problem(f"标题「{key}」与{text_path(earlier.label, None)}重复", block.location(block.texts[0]),
                            (earlier.location(earlier.texts[0]),))

