"""Numbers with units in report text, and the indicator each one stands for.

One implementation serves the importer (proposing indicator values from last
year's text) and the checks (a number in the text that disagrees with the
statistics). See ``../shared/spec/report_structure.md`` §2.1 and §2.4 for the
traps: hotline names, programme names in quotes, document numbers, plan periods,
dates, targets and year-on-year changes are not statistics.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .catalogue import Catalogue, Indicator, default_catalogue
from .report import PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS

# Counting units beyond the catalogue's, longest first so 场次 wins over 场 and 万元 over 元.
_EXTRA_UNITS = ("人次", "场次", "个百分点", "万元", "亿元", "家次", "批次", "件", "宗", "起", "次", "场", "期",
                "人", "名", "个", "项", "条", "份", "篇", "家", "处", "元", "卷", "支", "块", "幅", "张", "册",
                "本", "部", "天", "单", "班", "轮", "%", "％")
_SENTENCE_END = "。；;！？!?\n"
_CLAUSE_END = _SENTENCE_END + "，,、：:"
_CHANGE_WORDS = ("同比", "环比", "比上年", "较上年", "比去年", "较去年", "较2", "比2", "增幅", "降幅")
_CHANGE_VERBS = ("增长", "下降", "上升", "提高", "减少", "增加", "降低", "提升")
_TARGET_WORDS = ("目标", "有望", "力争", "预计", "确保", "考核指标", "争取", "计划", "拟")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
# After Arabic digits: 6千份, 1.2万人次, 3亿元 (万元 and 亿元 are units of their own).
_MULTIPLIERS = {"千": 1000, "万": 10000, "亿": 100000000}

# 1,235 and 12,345.6 (thousands separators, as statistics offices write them) or plain digits.
_ARABIC = r"\d{1,3}(?:,\d{3})+(?![\d,])(?:[.．]\d+)?|\d+(?:[.．]\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千]+"


@dataclass(frozen=True)
class NumberMention:
    """A number with its unit found in text.

    ``kind`` is ``value`` (a statistic of the report year), ``change`` (同比上升 3%,
    3个百分点) or ``target`` (目标, 有望, 力争 …). ``indicator_id`` is the proposed
    home in the catalogue, or None. ``phrase`` is the clause it came from, for the user.
    """

    start: int
    end: int
    value: float | int
    unit: str
    qualifier: str
    kind: str
    phrase: str
    indicator_id: Optional[str] = None
    matched: str = ""  # the catalogue phrase that decided the indicator

    @property
    def is_statistic(self) -> bool:
        return self.kind == "value"


def parse_chinese_number(text: str) -> Optional[int]:
    """两 → 2, 十 → 10, 二十三 → 23, 一百零五 → 105; None when it is not a number."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            if digit:
                return None  # 二三 is not a number
            digit = _CN_DIGITS[ch]
        else:
            total += (digit if digit is not None else 1) * _CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


def _units(catalogue: Catalogue) -> tuple[str, ...]:
    units = set(_EXTRA_UNITS)
    for ind in catalogue.indicators:
        units.update(u for u in ind.units if not u.startswith((":", "：")))
    return tuple(sorted(units, key=len, reverse=True))


def _pattern(units: tuple[str, ...]) -> re.Pattern:
    unit_alt = "|".join(re.escape(u) for u in units)
    prefix = "|".join(sorted(PREFIX_QUALIFIERS, key=len, reverse=True))
    # A suffix qualifier stands before the unit (380余人次, and 380以上人次 as a {{E05}}人次 reference prints)
    # or 以上/以下 after it (380人次以上).
    suffix = "|".join(sorted(SUFFIX_QUALIFIERS, key=len, reverse=True))
    return re.compile(
        rf"(?P<prefix>{prefix})?(?P<num>{_ARABIC}|{_CHINESE})(?P<mult>千|[万亿](?!元))?"
        rf"(?P<approx>{suffix})?(?P<unit>{unit_alt})(?P<after>以上|以下)?")


class NumberFinder:
    """Finds number mentions; build once per catalogue (the regex is compiled here)."""

    def __init__(self, catalogue: Optional[Catalogue] = None):
        self.catalogue = catalogue or default_catalogue()
        self.regex = _pattern(_units(self.catalogue))
        self._phrases = [(p, ind) for ind in self.catalogue.indicators for p in ind.phrases]
        self._by_unit: dict[str, list] = {}  # unit → the catalogue phrases that fit it

    # -- public ---------------------------------------------------------------------------
    def find(self, text: str, extra: Iterable[Indicator] = ()) -> list[NumberMention]:
        extra_phrases = [(ind.name, ind) for ind in extra]
        mentions: list[NumberMention] = []
        last_end = 0
        # Names of documents (《…议事规则》《…决策程序实施办法》) say nothing about the number after them.
        masked = _mask_titles(text)
        for m in self.regex.finditer(text):
            if masked[m.start("num")] == _MASK:
                continue  # 《关于…的3项措施》: a number inside a name
            parsed = self._parse(text, m)
            if parsed is None:
                continue
            value, unit, qualifier = parsed
            sentence_start = _last_boundary(text, m.start(), _SENTENCE_END)
            own_start = max(sentence_start, last_end)
            own = masked[own_start:m.start("num") if not m.group("prefix") else m.start()]
            kind = _kind(masked[sentence_start:m.start()], own, unit)
            ind, matched = self._match(masked, own, own_start, sentence_start, m, unit, extra_phrases)
            phrase = _phrase(text, masked, own_start, m, matched)
            mentions.append(NumberMention(m.start(), m.end(), value, unit, qualifier, kind, phrase,
                                          ind.id if ind else None, matched))
            last_end = m.end()
        return mentions

    # -- steps ----------------------------------------------------------------------------
    def _parse(self, text: str, m: re.Match) -> Optional[tuple]:
        num = m.group("num")
        before = text[max(0, m.start() - 1):m.start()]
        after = text[m.end():m.end() + 1]
        if _is_excluded(text, m, before, after):
            return None
        if num[0].isdigit():
            value = float(num.replace(",", "").replace("．", "."))
        else:
            if num == "一" or m.group("mult"):  # 统一部署, 一部分: a lone 一 is rarely a count
                return None
            value = parse_chinese_number(num)
            if value is None:
                return None
        if m.group("mult"):
            value *= _MULTIPLIERS[m.group("mult")]
        value = int(value) if float(value).is_integer() else round(value, 6)
        unit = "%" if m.group("unit") == "％" else m.group("unit")
        qualifier = m.group("prefix") or m.group("approx") or m.group("after") or ""
        return value, unit, qualifier

    def _candidates(self, unit: str, extra_phrases: list) -> list:
        found = self._by_unit.get(unit)
        if found is None:
            found = self._by_unit[unit] = [pi for pi in self._phrases if unit_fits(unit, pi[1])]
        return found + [pi for pi in extra_phrases if unit_fits(unit, pi[1])] if extra_phrases else found

    def _match(self, text, own, own_start, sentence_start, m, unit, extra_phrases):
        candidates = self._candidates(unit, extra_phrases)
        # The number's own clause first (「经审核后制发行政规范性文件2件」 is about 制发, not the
        # 合法性审核 of the clause before), then the rest of the sentence since the previous number.
        clause_start = max(own_start, _last_boundary(text, m.start(), _CLAUSE_END))
        best = (_best_contiguous(text[clause_start:own_start + len(own)], candidates)
                or _best_contiguous(own, candidates))
        if best is None:
            clause_end = _next_boundary(text, m.end(), _CLAUSE_END)
            best = _best_contiguous(text[m.end():clause_end], candidates, prefer_end=False)
        if best is None:
            return None, ""
        phrase, ind = best
        # "二审案件7宗，胜诉7宗": a phrase that ends with the one found and whose head stands
        # earlier in the sentence is more specific (二审胜诉 beats 胜诉).
        earlier = text[sentence_start:own_start]
        for p, cand in candidates:
            if len(p) > len(phrase) and p.endswith(phrase) and _is_subsequence(p[:-len(phrase)], earlier):
                if len(p) > len(best[0]):
                    best = (p, cand)
        return best[1], best[0]

    def proposals(self, text: str) -> dict[str, NumberMention]:
        """The first statistic found for each indicator."""
        result: dict[str, NumberMention] = {}
        for mention in self.find(text):
            if mention.is_statistic and mention.indicator_id and mention.indicator_id not in result:
                result[mention.indicator_id] = mention
        return result


def unit_fits(unit: str, ind: Indicator) -> bool:
    """Whether a number written with ``unit`` can be a value of ``ind``."""
    return unit in ind.units or (unit == "%" and ind.is_percent)



_MASK = "\ufffc"


def _mask_titles(text: str) -> str:
    """``text`` with everything inside 《》 replaced by a mark no phrase contains (same length)."""
    if "《" not in text:
        return text
    out, depth = [], 0
    for ch in text:
        if ch == "《":
            depth += 1
            out.append(ch)
        elif ch == "》" and depth:
            depth -= 1
            out.append(ch)
        else:
            out.append(_MASK if depth else ch)
    return "".join(out)


def _phrase(text: str, masked: str, own_start: int, m: re.Match, matched: str) -> str:
    """The clause that holds the number, widened to include the phrase that matched."""
    start = max(own_start, _last_boundary(text, m.start(), _CLAUSE_END))
    if matched:
        pos = masked.rfind(matched, own_start, m.start())
        if 0 <= pos < start:
            start = pos
    return text[start:m.end()].strip(" \u3000")


def _is_excluded(text: str, m: re.Match, before: str, after: str) -> bool:
    num_start = m.start("num")
    prev = text[num_start - 1:num_start] if num_start else ""
    if prev and (prev.isascii() and (prev.isalnum() or prev in "+-.–/")):
        return True  # 1+4+8, part of a code or a range
    if prev in ("第", "〔", "[", "【") or after in ("+", "号"):
        return True  # ordinals and document numbers
    if prev in "“\"「『‘" and _closing_quote_follows(text, m.end("num")):
        return True  # programme names such as “1310”
    if prev in "-—～~至到" and num_start >= 2 and text[num_start - 2].isdigit():
        return True  # the second half of a range: 30000-40000分
    return False


def _closing_quote_follows(text: str, i: int) -> bool:
    return text[i:i + 1] in ("”", "\"", "」", "』", "’")


def _kind(sentence_before: str, own: str, unit: str) -> str:
    if unit == "个百分点" or any(w in own for w in _CHANGE_WORDS):
        return "change"
    stripped = own.rstrip("了达到至为 ")
    if any(stripped.endswith(v) for v in _CHANGE_VERBS) and "同" in sentence_before + own:
        return "change"
    if any(stripped.endswith(v) for v in ("增长", "下降", "上升", "减少", "降低")):
        return "change"
    if any(w in sentence_before for w in _TARGET_WORDS):
        return "target"
    return "value"


def _best_contiguous(context: str, candidates, prefer_end: bool = True):
    """The phrase that names the number: the one nearest to it, widened to its modifier.

    Nearness beats length: in 「《…重大行政决策程序实施办法》等内部制度9个」 the number
    belongs to 内部制度, not to the longer 重大行政决策 further back. Among the phrases that
    overlap the nearest one, the one reaching furthest from the number wins, because
    Chinese puts the distinguishing modifier first (专题法治宣传活动 → 专题法治宣传, not
    法治宣传活动; 负责人出庭应诉率 → the longer phrase).
    """
    found = []
    for phrase, ind in candidates:
        pos = context.rfind(phrase) if prefer_end else context.find(phrase)
        if pos >= 0:
            found.append((pos, pos + len(phrase), phrase, ind))
    if not found:
        return None
    if prefer_end:
        nearest = max(found, key=lambda f: (f[1], f[1] - f[0]))
        cluster = [f for f in found if f[0] < nearest[1] and f[1] > nearest[0]]
        best = min(cluster, key=lambda f: (f[0], f[0] - f[1]))
    else:
        nearest = min(found, key=lambda f: (f[0], f[0] - f[1]))
        cluster = [f for f in found if f[0] < nearest[1] and f[1] > nearest[0]]
        best = max(cluster, key=lambda f: (f[1] - f[0], -f[0]))
    return best[2], best[3]


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def _last_boundary(text: str, i: int, chars: str) -> int:
    j = i - 1
    while j >= 0 and text[j] not in chars:
        j -= 1
    return j + 1


def _next_boundary(text: str, i: int, chars: str) -> int:
    while i < len(text) and text[i] not in chars:
        i += 1
    return i


_FINDERS: dict[int, NumberFinder] = {}


def find_numbers(text: str, catalogue: Optional[Catalogue] = None) -> list[NumberMention]:
    """Every number with a unit in ``text``, classified and matched to an indicator."""
    catalogue = catalogue or default_catalogue()
    finder = _FINDERS.get(id(catalogue))
    if finder is None or finder.catalogue is not catalogue:
        finder = _FINDERS[id(catalogue)] = NumberFinder(catalogue)
    return finder.find(text)
