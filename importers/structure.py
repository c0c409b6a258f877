"""Report structure from lines, whatever the source format.

The source is read as a sequence: [web clutter, 版头] title [subtitles] [主送]
preamble, 一、… sections down to four levels, [附件说明] [署名 日期] [附注,
附件 pages, 版记, web clutter]. Every step only narrows the range of lines the
next one looks at, and any line no step claims becomes a paragraph where it
stood: nothing is lost.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Optional

from models.report import OrganLevel, Report, ReportMeta, Section
from models.text import clean_text, display_width, is_cjk, normalize_punctuation

from . import elements as el
from .clutter import is_clutter
from .errors import ImportFailed
from .headings import HeadingMark, match_label, split_run_in
from .lines import ALIGN_CENTER, ALIGN_RIGHT, Line
from .parts import assign_parts

_SPACES = " \u3000\u00a0\t"
_TITLE_STYLES = ("title", "标题")
_HEAD_SCAN = 40  # the title is among the first lines or there is none
_MAX_EXAMPLES = 5
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_PARENTHESIZED_DIGITS = {0x2473 + n: f"({n})" for n in range(1, 21)}  # ⑴ … ⒇
_MIN_WRAP_WIDTH = 15  # 汉字: a PDF line is 20–30 wide; shorter lines say nothing about wrapping
_MIN_WRAPPED_LINES = 6
_DASH = "—–\\-－―"
_PAGE_NUMBER = re.compile(rf"^(?:[{_DASH}]{{1,2}}\s*\d{{1,3}}\s*[{_DASH}]{{1,2}}|第\s*\d{{1,3}}\s*页(?:\s*[，,/]?\s*共\s*\d{{1,3}}\s*页)?"
                          r"|\d{1,3}\s*/\s*\d{1,3})$")
_TITLE_ORGAN = re.compile(r"^(.*?)(?:关于|\d{4}\s*年|[〇○零一二三四五六七八九]{4}\s*年)")
# Spaces between Chinese and digits: 「学法 12 次」, 「2024 年」 — text copied from a PDF (or a page spaced
# for the web) has them, Chinese text never does, and the numbers are not recognised with them. A space
# before an item number stays: 「1.制定方案 2.组织培训」.
_CJK_DIGIT_SPACE = re.compile(r"(?<=\d)[ \u00a0]+(?=[\u4e00-\u9fff%％])"
                              r"|(?<=[\u4e00-\u9fff，。；：、（“])[ \u00a0]+(?=\d)(?!\d{1,3}[.．、](?!\d))")


@dataclass
class _P:
    """A prepared line: cleaned text plus what the recogniser needs to know about it."""

    text: str
    src: Line
    soft: bool = False  # continues the previous line after a line break in the same paragraph
    indent: int = 0  # leading spaces in the source (a signature pushed right with spaces)
    lead: str = ""
    mark: Optional[HeadingMark] = None
    plain: bool = False  # body text, whatever outline level its style gives it

    @property
    def number(self) -> int:
        return self.src.number

    @property
    def pushed_right(self) -> bool:
        return self.src.align == ALIGN_RIGHT or self.indent >= 8


@dataclass
class Parsed:
    """The report recognised from the lines, and what the user should check."""

    report: Report
    warnings: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------------
# preparation
# ------------------------------------------------------------------------------------------
def _tidy(text: str) -> str:
    return _CJK_DIGIT_SPACE.sub("", normalize_punctuation(text))


def prepare(lines: list[Line]) -> list[_P]:
    """Clean, normalise and split lines at in-paragraph breaks; drop empty ones."""
    out: list[_P] = []
    for line in lines:
        pieces = clean_text(line.text).split("\n")
        for k, piece in enumerate(pieces):
            stripped = piece.lstrip(_SPACES)
            text = _tidy(stripped.rstrip(_SPACES))
            if not text:
                continue
            p = _P(text=text, src=line, soft=k > 0 and bool(out) and out[-1].src is line,
                   indent=len(piece) - len(stripped))
            if k == 0:
                _attach_label(p, line)
            elif not line.from_table:
                # a web page pasted into Word: one paragraph, its lines (headings too) split by line breaks
                p.mark = match_label(text)
            out.append(p)
    return out


def _attach_label(p: _P, line: Line) -> None:
    lead = _tidy(clean_text(line.lead, keep_newlines=False).strip(_SPACES)) if line.lead else ""
    label = clean_text(line.label, keep_newlines=False).strip(_SPACES)
    if label:
        mark = match_label(normalize_punctuation(label) + p.text)
        if mark is None:
            p.text = label + p.text  # a list number that is no heading number stays in the text
        else:
            p.mark = mark
            p.lead = lead
            return
    if line.from_table:
        return
    p.mark = match_label(p.text)
    if p.mark and lead:
        prefix = p.text[:len(p.text) - len(p.mark.rest)]
        # the lead counts from the heading's text on: 「（一）经济运行持续向好」 → 「经济运行持续向好」
        lead = lead[len(prefix):].lstrip(_SPACES) if lead.startswith(prefix.strip(_SPACES)) else ""
    p.lead = lead


def _body_text_not_headings(ps: list[_P]) -> None:
    """In a document that marks its headings both ways — a typed number and an outline level (Word's
    heading styles, the export's 一～四级标题) — a paragraph of sentences with only one of the two is body text:

    * 「1.加强学习，……。」 typed in a body paragraph: a numbered item of the text. A heading line typed into a
      body paragraph (「（六）加强队伍建设」, or set apart in bold or 楷体) stays a heading;
    * a paragraph without a number in a heading's style: Word gives the paragraph added after a heading
      (Enter at its end, or a run-in heading's paragraph split in two) the heading's style.

    Documents that mark their headings one way only keep every typed number and every heading style."""
    numbered_levels = {p.mark.level for p in ps if p.mark is not None and p.src.outline_level is not None}
    numbered_outlines = {p.src.outline_level for p in ps if p.mark is not None and p.src.outline_level is not None}
    for p in ps:
        if not _is_body_like(p) or p.lead or p.src.label:
            continue
        if p.mark is not None and p.mark.level in numbered_levels and p.src.outline_level is None and not p.soft:
            p.mark = None
        elif p.mark is None and p.src.outline_level in numbered_outlines:
            p.plain = True


def _is_body_like(p: _P) -> bool:
    t = p.text
    return "。" in t or "；" in t or len(t) > 90 or t.count("，") >= 2


def _is_title_in_heading_style(p: _P) -> bool:
    """A heading style without a heading number, worded like a report's title (关于…的报告)."""
    t = p.text
    return (p.mark is None and p.src.outline_level is not None and len(t) <= 80 and not _is_body_like(p)
            and ("关于" in t or t.endswith("报告")) and el.ends_like_title(t))


def _is_heading(p: _P) -> bool:
    return p.mark is not None or (p.src.outline_level is not None and not p.src.from_table and not p.plain)


# ------------------------------------------------------------------------------------------
# the parser
# ------------------------------------------------------------------------------------------
class _Parser:
    def __init__(self, ps: list[_P]):
        self.ps = ps
        self.meta = ReportMeta(organ_name="", report_year=0)
        self.preamble: list[str] = []
        self.sections: list[Section] = []
        self.warnings: list[str] = []
        self.title = ""
        self.organ_hint = ""
        self._renumbered: list[tuple[int, str, Section]] = []

    def warn(self, text: str) -> None:
        self.warnings.append(text)

    # -- head ---------------------------------------------------------------------------
    def head_end(self) -> int:
        """Index of the first line of the body: a heading, the 主送 or running text."""
        title_seen = False
        for i, p in enumerate(self.ps[:_HEAD_SCAN]):
            if is_clutter(p.text) or p.src.style.lower() in _TITLE_STYLES:
                continue  # 「分享到：」 ends with a colon but is no 主送
            if not title_seen and _is_title_in_heading_style(p):
                title_seen = True  # a web page's <h1> saved as Word: 「Heading 1」 holding the title
                continue
            if _is_heading(p) or el.is_addressee_line(p.text) or _is_body_like(p):
                return i
            title_seen = title_seen or el.has_title_word(p.text)
        return min(len(self.ps), _HEAD_SCAN)

    def _is_masthead(self, p: _P) -> bool:
        return (el.is_secrecy_or_copy_number(p.text) or el.doc_number_line(p.text) is not None
                or el.signer_names(p.text) is not None)

    def find_title(self, end: int) -> Optional[int]:
        candidates = [i for i in range(end) if not is_clutter(self.ps[i].text) and not self._is_masthead(self.ps[i])]
        rules = (
            lambda p: p.src.style.lower() in _TITLE_STYLES,
            # the report's own subject first: a site's menu (通知公告) also holds 公文 words
            lambda p: "法治" in p.text and el.has_title_word(p.text) and len(p.text) <= 80 and not p.text.startswith("——"),
            lambda p: el.has_title_word(p.text) and len(p.text) <= 80 and not p.text.startswith("——"),
            lambda p: p.src.align == ALIGN_CENTER and not el.is_organ_mark(p.text),
            lambda p: len(p.text) <= 60 and not el.is_organ_mark(p.text),
        )
        for rule in rules:
            for i in candidates:
                if rule(self.ps[i]):
                    return i
        return None

    def read_head(self) -> int:
        """Title, 版头 items and 主送; returns the index where the body starts."""
        end = self.head_end()
        t = self.find_title(end)
        if t is None:
            self.warn("未识别出标题，已使用默认标题（机关名称＋年度），请在「基本信息」中核对。")
            before, after_title = [], 0
        else:
            t = self._organ_line_above(self._title_start(t))
            before = self.ps[:t]
            after_title = self._read_title(t, end)
        for p in before:
            self._read_masthead_line(p)
        for p in self.ps[after_title:end]:
            if not is_clutter(p.text) and not self._repeats_title(p):
                self.preamble.append(p.text)  # subtitles, speaker lines: kept as opening paragraphs
        if end < len(self.ps) and el.is_addressee_line(self.ps[end].text):
            self.meta.addressees = el.split_addressees(self.ps[end].text)
            return end + 1
        return end

    def _repeats_title(self, p: _P) -> bool:
        """A web page shows the title twice: in its header and above the article."""
        flat = re.sub(r"\s", "", p.text)
        return bool(self.title) and flat in (re.sub(r"\s", "", self.title), *self.title.split("\n"))

    def _title_start(self, t: int) -> int:
        """The first line of a title broken into lines — by line breaks (as the export balances a long one)
        or into centred paragraphs of one style — found by the line that says 关于 or 报告."""
        while t > 0:
            above, p = self.ps[t - 1], self.ps[t]
            same_paragraph = p.soft and above.src is p.src
            # above 「关于……」 stands the organ (_organ_line_above) or a 版头 item such as a 签发人's name
            centred_above = (not p.text.startswith("关于") and not el.ends_like_title(above.text)
                             and not el.is_organ_mark(above.text) and self._continues_title(above, p))
            if not (same_paragraph or centred_above):
                break
            if is_clutter(above.text) or self._is_masthead(above):
                break
            t -= 1
        return t

    def _continues_title(self, p: _P, nxt: _P) -> bool:
        """``p`` and ``nxt`` may be lines of one title: centred paragraphs of one style, neither a 版头 item,
        a heading or a sentence."""
        return (p.src.align == nxt.src.align == ALIGN_CENTER and p.src.style == nxt.src.style
                and not any(self._is_masthead(x) or is_clutter(x.text) or _is_heading(x) or _is_body_like(x)
                            for x in (p, nxt)))

    def _organ_line_above(self, t: int) -> int:
        """「某某县人民政府」 above 「关于2023年度……的报告」 is the title's first line."""
        if t == 0 or not self.ps[t].text.startswith("关于"):
            return t
        above = self.ps[t - 1]
        if (el.is_organ_like(above.text) and not self._is_masthead(above) and not is_clutter(above.text)
                and not above.text.endswith("文件")):
            return t - 1
        return t

    def _read_title(self, t: int, end: int) -> int:
        parts = [self.ps[t].text]
        i = t + 1
        while i < end:
            p = self.ps[i]
            if is_clutter(p.text) or self._is_masthead(p):
                break
            continuation = p.mark is None and (p.soft and p.src is self.ps[i - 1].src or (
                not el.ends_like_title(parts[-1]) and self._continues_title(self.ps[i - 1], p)))
            second_line = (len(parts) < 3 and not el.ends_like_title(parts[-1]) and el.ends_like_title(p.text)
                           and len(p.text) <= 40 and "，" not in p.text and not p.text.startswith("——"))
            if not (continuation or second_line):
                break
            parts.append(p.text)
            i += 1
        self.title = "\n".join(parts)
        return i

    def _read_masthead_line(self, p: _P) -> None:
        if is_clutter(p.text) or el.is_secrecy_or_copy_number(p.text) or self._repeats_title(p):
            return
        text = p.text
        number_line = el.doc_number_line(text)
        if number_line is not None:
            self.meta.doc_number, text = number_line
            if not text:
                return
        signers = el.signer_names(text)
        if signers is not None:
            self.meta.signers = signers
            return
        names = el.person_names(text) if self.meta.signers else None
        if names is not None:
            self.meta.signers += names  # more than two signers: two names a line, the last beside the number
            return
        if el.is_organ_mark(p.text) and not self.organ_hint:
            self.organ_hint = re.sub(r"文件$", "", p.text.replace(" ", "").replace("\u3000", ""))
            return
        self.preamble.append(p.text)
        self.warn(f"第{p.number}段「{_short(p.text)}」在标题之前，不属于版头或网页信息，已作为开头段落保留，请核对。")

    # -- end of the document ----------------------------------------------------------------
    def read_end(self, start: int) -> tuple[int, int]:
        """Signature, date, 附注, 版记 and the web page's footer.

        Returns (end of the body, index of the first tail line that is an annex or
        unknown text to keep) — lines from that index on were already placed.
        """
        date_at = self._date_line(start)
        if date_at is None:
            end = len(self.ps)
            while end > start and is_clutter(self.ps[end - 1].text):
                end -= 1
            return self._attachments_note(start, end), end
        self.meta.signing_date = el.parse_date_line(self.ps[date_at].text)[1]
        sig_start = self._signature(start, date_at)
        return self._attachments_note(start, sig_start), date_at + 1

    def _date_line(self, start: int) -> Optional[int]:
        """The 成文日期: the first date line under a 署名, else the last date line standing alone."""
        dates = [i for i in range(start, len(self.ps))
                 if not _is_heading(self.ps[i]) and el.parse_date_line(self.ps[i].text)[0]]
        for i in dates:
            k = self._above_seal(i, start)
            if k is not None and (el.is_organ_like(self.ps[k].text) or self.ps[k].pushed_right):
                return i
        return dates[-1] if dates else None

    def _above_seal(self, date_at: int, start: int) -> Optional[int]:
        """The line above the date, skipping a seal's placeholder (〔此处加盖印章〕); None for a heading."""
        k = date_at - 1
        while k >= start and el.is_seal_placeholder(self.ps[k].text):
            k -= 1
        return k if k >= start and not _is_heading(self.ps[k]) else None

    def _signature(self, start: int, date_at: int) -> int:
        k = self._above_seal(date_at, start)
        if k is None or not el.is_signature_like(self.ps[k].text):
            self.warn("成文日期前没有识别出署名机关，请在「基本信息」中核对署名。")
            return date_at
        names = el.joint_signature(self.ps[k].text)
        first = k
        prev = self.ps[k - 1] if k - 1 >= start else None
        if (len(names) == 1 and prev is not None and el.is_organ_like(prev.text) and not _is_heading(prev)
                and ((prev.pushed_right or prev.src.align == ALIGN_CENTER) and self.ps[k].pushed_right
                     or el.is_party_organ(prev.text) and el.is_organ_like(names[0]))):
            names.insert(0, prev.text)  # joint signature: 党工委 above 办事处 (alignment lost in pasted text)
            first = k - 1
        if len(names) > 1:
            self.warn(f"署名有两行（{'、'.join(names)}），已按两行保存，请核对。")
        self.meta.signature_name = "\n".join(names)
        self.organ_hint = names[-1]
        return first

    def _attachments_note(self, start: int, end: int) -> int:
        """附件说明 just above the signature: 「附件：1.XXX」 and its numbered continuation lines."""
        k = end - 1
        while k >= start:
            text = self.ps[k].text
            if el.annex_note(text) is not None:
                names = [el.annex_note(text)] + [el.numbered_item(p.text) for p in self.ps[k + 1:end]]
                self.meta.attachments = [n for n in names if n]
                return k
            if el.numbered_item(text) is None:
                break
            k -= 1
        return end

    def read_tail(self, tail_start: int) -> None:
        """附注, 附件 pages, 抄送, 印发 and footers after the date."""
        in_annex = False
        unplaced: list[_P] = []
        notes: list[str] = []  # 附注 lines, one after the other (the export sets each line in its own （）)
        after_note = False
        for p in _banji_lines_joined(self.ps[tail_start:]):
            text = p.text
            continues_notes, after_note = after_note, False
            cc = el.cc_names(text)
            printing = el.parse_printing(text)
            if cc is not None:
                self.meta.cc = cc
                in_annex = False
            elif printing is not None:
                self.meta.printing_organ, self.meta.printing_date = printing
                in_annex = False
            elif not in_annex and el.annex_start(text):
                in_annex = True  # before the clutter test: 「附件」 alone is also a web page's link list
                self._keep(p, _annex_warning(p))
            elif is_clutter(text):
                continue
            elif in_annex:
                self._keep(p, "")
            elif el.note_text(text) is not None and (continues_notes or not notes):
                notes.append(el.note_text(text))
                after_note = True
            elif el.annex_note(text) is not None:
                self.meta.attachments.append(el.annex_note(text))
            else:
                self._keep(p, "")
                unplaced.append(p)
        self.meta.notes = "\n".join(notes)
        if unplaced:
            shown = "".join(f"「{_short(p.text)}」" for p in unplaced[:_MAX_EXAMPLES])
            more = "等" if len(unplaced) > _MAX_EXAMPLES else ""
            self.warn(f"成文日期之后有{len(unplaced)}段未能识别（第{unplaced[0].number}段起），"
                      f"已作为最后一节的段落保留，请核对：{shown}{more}")

    def _keep(self, p: _P, warning: str) -> None:
        target = _last_section(self.sections)
        (target.paragraphs if target else self.preamble).append(p.text)
        if warning:
            self.warn(warning)

    # -- body -----------------------------------------------------------------------------
    def read_body(self, start: int, end: int) -> None:
        body = self.ps[start:end]
        annex_at = self._annex_in_body(body)
        headings = [p for p in body[:annex_at] if _is_heading(p)]
        ranks = _style_ranks(headings)
        below_parts = self._parts_above_top_level(headings)
        levels = [_level(p, ranks, below_parts) for p in headings]
        has_top = 1 in levels
        shift = (min(levels) - 1) if levels and not has_top else 0
        if levels and not has_top:
            self.warn("原文没有一级标题（一、二、三……），已把最高一级标题作为一级标题，导出时序号会随之改变。")
        if not levels:
            self.warn("未识别出任何标题（一、（一）1.（1）），全部正文已作为开头段落导入，请在提纲中调整。")
        # Open headings with the level their number says; a new heading goes under the nearest
        # one of a higher level, so a skipped level (一、 → 1.) nests one step down, not two.
        stack: list[tuple[int, Section]] = []
        table_warned = False
        for i, p in enumerate(body):
            if i >= annex_at:
                self._keep(p, _annex_warning(p) if i == annex_at else "")
                continue
            if p.src.from_table and not table_warned:
                table_warned = True
                self.warn(f"第{p.number}段处的表格已按行转为段落（报告正文不含表格，统计数字请在「统计指标」中填写）。")
            level = _level(p, ranks, below_parts) - shift if _is_heading(p) else None
            if level is None or (not stack and level > 1 and has_top):
                (stack[-1][1].paragraphs if stack else self.preamble).append(p.text)
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            section = self._section(p)
            (stack[-1][1].children if stack else self.sections).append(section)
            stack.append((level, section))

    def _parts_above_top_level(self, headings: list[_P]) -> bool:
        """Whether 「第一部分」 headings hold 「一、」 headings (then every other level moves one down)."""
        parts = [p for p in headings if p.mark is not None and p.mark.is_part]
        if not parts:
            return False
        self.warn(f"原文用「{parts[0].mark.label}」等作一级标题，导出时按公文格式写作「一、」「二、」……，请核对。")
        return any(p.mark is not None and p.mark.level == 1 and not p.mark.is_part for p in headings)

    def _annex_in_body(self, body: list[_P]) -> int:
        """Index of 「附件1」 when attachment pages follow the body (no date line), else len(body)."""
        seen_top = False
        for i, p in enumerate(body):
            if p.mark is not None and p.mark.level == 1:
                seen_top = True
            elif seen_top and not p.soft and el.annex_start(p.text) and not _is_heading(p):
                return i
        return len(body)

    def _section(self, p: _P) -> Section:
        if p.mark is None:
            return Section(heading=p.text)
        heading, run_in_text = split_run_in(p.mark.rest, p.lead)
        section = Section(heading=heading, run_in=bool(run_in_text), paragraphs=[run_in_text] if run_in_text else [])
        self._renumbered.append((p.number, p.mark.label, section))
        return section

    def renumber_warnings(self, report: Report) -> None:
        """Headings whose printed number will differ from the source (skipped levels, gaps)."""
        changed = []
        for number, label, section in self._renumbered:
            new = report.label_of(section.id)
            if _label_key(label) != _label_key(new):
                changed.append(f"第{number}段「{label}」→「{new}」")
        if changed:
            examples = "；".join(changed[:_MAX_EXAMPLES]) + ("……" if len(changed) > _MAX_EXAMPLES else "")
            self.warn(f"有{len(changed)}个标题的序号与原文不同（原文跳级或序号不连续），导出时按位置编号：{examples}")

    # -- metadata -----------------------------------------------------------------------------
    def finish_meta(self) -> None:
        meta = self.meta
        organ = self.organ_hint or _organ_from_title(self.title)
        meta.organ_name = organ.split("\n")[-1] if organ else ""
        if not meta.signature_name:
            meta.signature_name = meta.organ_name
        if not meta.organ_name:
            self.warn("未识别出发文机关名称，请在「基本信息」中填写。")
        meta.organ_level = _organ_level(meta.organ_name)
        year = el.year_in(self.title.replace("\n", ""))
        if year is None:
            year = _year_from_date(meta.signing_date) or next(
                (el.year_in(s.heading) for s in self.sections if el.year_in(s.heading)), None)
            if year is None:
                year = _dt.date.today().year - 1
            self.warn(f"标题中没有年份，报告年度暂定为 {year} 年，请在「基本信息」中核对。")
        meta.report_year = year
        meta.title = self.title
        if self.title.replace("\n", "") == meta.default_title:
            meta.title = ""  # the default title follows organ and year by itself


def _banji_lines_joined(ps: list[_P]) -> list[_P]:
    """A 版记 line broken into lines of one paragraph (an 印发机关 too long for the line, as the export
    breaks it, the date on its last line) is one line again."""
    out: list[_P] = []
    i = 0
    while i < len(ps):
        j = i + 1
        while j < len(ps) and ps[j].soft and ps[j].src is ps[i].src:
            j += 1
        joined = "".join(p.text for p in ps[i:j])
        if j - i > 1 and (el.parse_printing(joined) is not None or el.cc_names(joined) is not None):
            out.append(_P(text=joined, src=ps[i].src, indent=ps[i].indent))
        else:
            out += ps[i:j]
        i = j
    return out


def _label_key(label: str) -> str:
    part = re.match(r"^第([^部]+)部分", label)
    if part:
        return part.group(1)  # 第一部分 prints as 一、 (said once in a warning of its own)
    # 「１．」 and 「1.」, 「一 、」 and 「一、」, 「⑴」 and 「（1）」 print the same number
    label = re.sub(r"\s", "", label.translate(_FULL_WIDTH_DIGITS).translate(_PARENTHESIZED_DIGITS))
    return label.replace("(", "（").replace(")", "）").replace("．", ".").replace("、", ".").rstrip(".")


def _style_ranks(headings: list[_P]) -> dict[int, int]:
    levels = sorted({p.src.outline_level for p in headings if p.src.outline_level is not None})
    return {lvl: i + 1 for i, lvl in enumerate(levels[:4])}


def _level(p: _P, ranks: dict[int, int], below_parts: bool = False) -> int:
    if p.mark is not None:
        return p.mark.level if p.mark.is_part or not below_parts else min(4, p.mark.level + 1)
    return ranks.get(p.src.outline_level, 4)


def _last_section(sections: list[Section]) -> Optional[Section]:
    if not sections:
        return None
    last = sections[-1]
    while last.children:
        last = last.children[-1]
    return last


def _annex_warning(p: _P) -> str:
    return (f"第{p.number}段「{_short(p.text)}」起是附件正文；报告中没有附件正文的位置，"
            "已作为最后一节的段落保留，请核对后删除或另行处理。")


def _short(text: str, n: int = 20) -> str:
    return text if len(text) <= n else text[:n] + "…"


def _organ_from_title(title: str) -> str:
    """「某某局关于……」, 「某某局2024年……报告」; of a joint 「中共某镇委员会 某镇人民政府关于……」 the government."""
    m = _TITLE_ORGAN.match(title.replace("\n", ""))
    pieces = m.group(1).split() if m else []
    if pieces and all(el.is_organ_like(p) for p in pieces):
        return pieces[-1]
    return ""


def _organ_level(name: str) -> OrganLevel:
    if re.search(r"街道|乡|镇", name):
        return OrganLevel.STREET
    if name.endswith("人民政府") or name.endswith("政府"):
        return OrganLevel.COUNTY
    if name:
        return OrganLevel.DEPARTMENT
    return OrganLevel.STREET


def _year_from_date(date: Optional[_dt.date]) -> Optional[int]:
    # Reports are signed late in their year (广州: November) or early in the next one (by 3月1日).
    if date is None:
        return None
    return date.year if date.month >= 7 else date.year - 1


# ------------------------------------------------------------------------------------------
def _check_is_text_of_a_report(ps: list[_P], source: Optional[str]) -> None:
    text = "".join(p.text for p in ps)
    cjk = sum(1 for ch in text if is_cjk(ch))
    visible = sum(1 for ch in text if not ch.isspace())
    if cjk < 10 or cjk < 0.2 * visible:
        what = "没有文字" if not visible else "几乎没有中文文字"
        raise ImportFailed(source, f"内容{what}，不像是一份报告（应为 Word 文件或报告全文的文字）")


def _without_page_numbers(ps: list[_P]) -> tuple[list[_P], int]:
    """Text copied from a PDF carries the page numbers (— 3 —, 第3页 共10页) between its paragraphs."""
    kept = [p for p in ps if not _PAGE_NUMBER.match(p.text)]
    return kept, len(ps) - len(kept)


def _page_width(ps: list[_P]) -> Optional[float]:
    """The width of a full line when the text is hard-wrapped (copied from a PDF), else None.

    A PDF's lines all run to the same width, so many lines share it; real paragraphs vary."""
    widths = [display_width(p.text) for p in ps if not p.src.from_table and display_width(p.text) >= _MIN_WRAP_WIDTH]
    if not widths:
        return None
    best, count = max(((w, sum(1 for v in widths if abs(v - w) <= 1)) for w in set(widths)), key=lambda x: x[1])
    return best if count >= max(_MIN_WRAPPED_LINES, 0.3 * len(ps)) else None


def _join_wrapped(ps: list[_P]) -> list[_P]:
    """Lines broken only because the page was full are joined again into their paragraph."""
    width = _page_width(ps)
    if width is None:
        return ps
    out: list[_P] = []
    last_line = ""  # the previous physical line (out[-1] may hold several already)
    for p in ps:
        prev = out[-1] if out else None
        if (prev is not None and p.mark is None and not p.src.from_table and not prev.src.from_table
                and _plain_like(prev.src, p.src)
                and last_line[-1] not in "。！？：；" and width - 2 <= display_width(last_line) <= width + 1
                and not el.parse_date_line(p.text)[0]):
            prev.text += p.text
            if prev.mark is not None:  # the heading's text runs on: its run-in part grows
                prev.mark = match_label(prev.text) or prev.mark
        else:
            out.append(p)
        last_line = p.text
    return out


def _plain_like(a: Line, b: Line) -> bool:
    """Two lines that may be pieces of one paragraph a page broke: of one style, neither a heading by its
    style nor centred or pushed right (a Word file's title, 标志, headings and 主送 are paragraphs of their own)."""
    return (a.style == b.style and a.outline_level is None and b.outline_level is None
            and ALIGN_CENTER not in (a.align, b.align) and ALIGN_RIGHT not in (a.align, b.align))


def build_report(lines: list[Line], source: Optional[str] = None) -> Parsed:
    """Recognise a report in ``lines``. Raises :class:`ImportFailed` when they hold no report."""
    ps, page_numbers = _without_page_numbers(prepare(lines))
    ps = _join_wrapped(ps)
    _body_text_not_headings(ps)
    _check_is_text_of_a_report(ps, source)
    parser = _Parser(ps)
    if page_numbers:
        parser.warn(f"已去掉{page_numbers}行页码（如「— 2 —」，从 PDF 复制的文字和另存的网页常带有页码）。")
    body_start = parser.read_head()
    body_end, tail_start = parser.read_end(body_start)
    parser.read_body(body_start, body_end)
    parser.read_tail(tail_start)
    parser.finish_meta()
    report = Report(meta=parser.meta, preamble=parser.preamble, sections=parser.sections)
    assign_parts(report.sections, report.meta.report_year)
    parser.renumber_warnings(report)
    return Parsed(report, parser.warnings)
