"""Recognisers for the elements of a 公文 around the body: 版头 items, title words,
主送机关, 附件说明, 署名, 成文日期, 附注, 抄送, 印发. Each takes one stripped line.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

from models.numbers import parse_chinese_number
from models.report import DocNumber

from .headings import AFTER_ITEM_MARK

_YEAR_CN = "〇○零一二三四五六七八九"
_DAY_CN = "一二三四五六七八九十"
_DATE = re.compile(
    rf"^(\d{{4}}|[{_YEAR_CN}]{{4}}|20[X×xＸ]{{2}}|202[X×xＸ])\s*年\s*(\d{{1,2}}|[{_DAY_CN}]{{1,3}}|[X×xＸ]{{1,2}})"
    rf"\s*月\s*(\d{{1,2}}|[{_DAY_CN}]{{1,3}}|[X×xＸ]{{1,2}})\s*日$")
_PRINTING_DATE = r"((?:\d{4}|20[X×xＸ]{2}|202[X×xＸ])年[^年月]{1,3}月[^月日]{1,3}日)"
# 「中共云岭市委办公室  2026年7月16日印发」; without 印发 the two must be apart (a tab, spaces).
_PRINTING = (re.compile(rf"^(.*?)[\s\t\u3000]*{_PRINTING_DATE}\s*印发$"),
             re.compile(rf"^(.*?\S)[\s\t\u3000]+{_PRINTING_DATE}$"))
_DOC_NUMBER = re.compile(r"^(.{1,20}?)[〔\[【(（]\s*(\d{4}|20[X×xＸ]{2}|202[X×xＸ])\s*[〕\]】)）]\s*第?\s*(\d+|[X×xＸ]{1,3})\s*号$")
_DOC_NUMBER_LABEL = re.compile(r"^(?:发文字号|发文号|文号)[:：]")
# the number, then a tab or a run of spaces, then the rest of the line (the 签发人 of a 上行文)
_NUMBER_THEN_MORE = re.compile(r"^(.{1,30}?[〕\]】)）]\s*第?\s*(?:\d+|[X×xＸ]{1,3})\s*号)"
                               r"(?:\t|[ \u3000]{2,}|\s*(?=签\s*发\s*人))\s*(\S.*)$")
_NAME_SEPARATORS = re.compile(r"[\s\u3000、，,]+")
_PERSON_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,12})$")
_SEAL = re.compile(r"^[〔\[【（(]?[^〔\[【（(]{0,12}(?:印章|盖章|公章|签章)[^〕\]】）)]{0,6}[〕\]】）)]?$")
_SECRECY = re.compile(r"^(?:\d{6}|(?:绝密|机密|秘密)(?:★.*)?|特急|加急|平急|特提)$")
_ANNEX_START = re.compile(r"^附\s*件\s*(\d{1,2}|[一二三四五六七八九十]{1,3})?(?:[\s\u3000]+(\S.{0,30}))?$")
_ANNEX_NOTE = re.compile(r"^附\s*件\s*[：:]\s*(\S.*)$")
_NUMBERED_ITEM = re.compile(rf"^\d{{1,2}}\s*[.．、]{AFTER_ITEM_MARK}\s*(\S.*)$")  # 「2.名称」, 「1.2024年度统计表」
_SENTENCE_MARKS = "。；！？"
TITLE_ENDINGS = ("报告", "通知", "意见", "方案", "总结", "请示", "决定", "函", "纪要", "要点", "计划", "情况",
                 "规定", "办法", "通报", "公告", "批复", "说明", "汇报")
_TITLE_WORDS = TITLE_ENDINGS + ("关于",)
_ORGAN_ENDINGS = ("办事处", "人民政府", "政府", "委员会", "办公室", "街道", "镇", "乡", "局", "委", "厅", "部",
                  "院", "所", "中心", "党工委", "工委", "管委会", "公司", "队", "站", "处", "司", "署", "会")


def _cn_or_int(text: str) -> Optional[int]:
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(ch in _YEAR_CN for ch in text):  # 二〇二三: digit by digit
        return int("".join(str(max(0, _YEAR_CN.index(ch) - 2)) for ch in text))
    return parse_chinese_number(text)


def parse_date_line(text: str) -> tuple[bool, Optional[_dt.date]]:
    """(is a date line, the date or None for a placeholder like 20XX年XX月XX日)."""
    m = _DATE.match(text.replace(" ", ""))
    if not m:
        return False, None
    parts = []
    for g in m.groups():
        if any(ch in "X×xＸ" for ch in g):
            return True, None
        parts.append(_cn_or_int(g))
    if any(p is None for p in parts):
        return True, None
    year, month, day = parts
    try:
        return True, _dt.date(year, month, day)
    except ValueError:
        return True, None


def parse_doc_number(text: str) -> Optional[DocNumber]:
    """发文字号 海珠昌岗〔2024〕3号 → DocNumber; placeholders (XX发〔20XX〕XX号) → an empty DocNumber."""
    # 「文号：青府〔2025〕3号」 in a web page's disclosure table carries a label and a tab
    m = _DOC_NUMBER.match(_DOC_NUMBER_LABEL.sub("", re.sub(r"\s", "", text)))
    if not m:
        return None
    code, year, serial = m.groups()
    if not year.isdigit() or not serial.isdigit():
        return DocNumber()
    return DocNumber(agency_code=code, year=int(year), serial=int(serial))


def parse_printing(text: str) -> Optional[tuple[str, Optional[_dt.date]]]:
    """印发机关 and 印发日期 of the 版记's last line."""
    m = _PRINTING[0].match(text) or _PRINTING[1].match(text)
    if not m or not m.group(1).strip(" \t\u3000"):
        return None
    return m.group(1).strip(" \t\u3000"), parse_date_line(m.group(2))[1]


def is_secrecy_or_copy_number(text: str) -> bool:
    """份号 (000001), 密级 (秘密★1年), 紧急程度 (特急): 版头 items the report model does not hold."""
    return bool(_SECRECY.match(text.replace(" ", "")))


def is_seal_placeholder(text: str) -> bool:
    return len(text) <= 20 and bool(_SEAL.match(text))


def signer_names(text: str) -> Optional[list[str]]:
    m = re.match(r"^签\s*发\s*人\s*[：:]\s*(.+)$", text.strip())
    return re.split(r"[\s\u3000、，,]+", m.group(1).strip()) if m else None


def person_names(text: str) -> Optional[list[str]]:
    """A line of people's names only (「张三　李四」: the 签发人 continued on a line of their own)."""
    names = [n for n in _NAME_SEPARATORS.split(text.strip()) if n]
    return names if names and all(_PERSON_NAME.match(n) for n in names) else None


def doc_number_line(text: str) -> Optional[tuple[DocNumber, str]]:
    """The 发文字号 and what stands beside it on its line.

    A 上行文 sets the 签发人 on the number's line, apart by a tab or spaces: 「河西青石〔2024〕12号\t签发人：某某」,
    or, with several signers, the number beside the last names: 「河西青石〔2025〕3号\t王五　赵六」.
    (the number, "") for a line holding the number alone; None when the line does not start with one.
    """
    number = parse_doc_number(text)
    if number is not None:
        return number, ""
    m = _NUMBER_THEN_MORE.match(text.strip())
    if m is None:
        return None
    number = parse_doc_number(m.group(1))
    return (number, m.group(2).strip()) if number is not None else None


def is_organ_mark(text: str) -> bool:
    """发文机关标志: 中共云岭市委办公室文件, or an organ name standing alone above the title."""
    t = text.replace(" ", "").replace("\u3000", "")
    return len(t) <= 40 and (t.endswith("文件") or is_organ_like(t))


def is_organ_like(text: str) -> bool:
    """A short line naming an organ: no sentence punctuation, ends like an organ name."""
    t = text.strip()
    return (2 <= len(t) <= 40 and not any(ch in t for ch in "。，；：！？“”")
            and t.endswith(_ORGAN_ENDINGS))


def is_signature_like(text: str) -> bool:
    """The 署名 line: short, no punctuation of running text (template placeholders allowed)."""
    t = text.strip()
    return 2 <= len(t) <= 40 and not any(ch in t for ch in "。，；：！？“”、") and not t.startswith("——")


def is_party_organ(text: str) -> bool:
    """中共某某镇委员会, 某某街道党工委, 局党组: the party half of a joint signature."""
    return bool(re.search(r"^中共|中国共产党|党工委|党委|党组", text.strip()))


def joint_signature(text: str) -> list[str]:
    """「中共某某镇委员会　　某某镇人民政府」 (two organs on one line, set apart by spaces) → both names."""
    pieces = [p for p in re.split(r"[ \u3000\u00a0\t]{2,}|\t", text.strip()) if p]
    if len(pieces) > 1 and all(is_organ_like(p) for p in pieces):
        return pieces
    return [text.strip()]


def has_title_word(text: str) -> bool:
    return any(w in text for w in _TITLE_WORDS)


def ends_like_title(text: str) -> bool:
    return text.rstrip().endswith(TITLE_ENDINGS)


def is_addressee_line(text: str) -> bool:
    """主送机关: 「各县（市、区）委，市直各单位：」; not a sentence ending in 如下：."""
    t = text.strip()
    if not t.endswith("：") or len(t) > 80 or any(ch in t for ch in _SENTENCE_MARKS) or "如下" in t:
        return False
    return all(len(piece) <= 30 for piece in re.split("[，、]", t[:-1]))


def split_addressees(text: str) -> list[str]:
    """Addressees separated by ， (of different kinds); by 、 (of one kind, as the export joins them) only
    when the line has no ， and every piece names an organ: 「各县、市、区人民政府」 is one addressee."""
    body = text.strip().rstrip("：:")
    parts = [p.strip() for p in _split_outside_brackets(body, "，；") if p.strip()]
    if len(parts) == 1:
        pieces = [p.strip() for p in _split_outside_brackets(body, "、")]
        if len(pieces) > 1 and all(is_organ_like(p) for p in pieces):
            return pieces
    return parts


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    """``text`` split at the separators that stand outside brackets (县（市、区） stays whole)."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch in "（("
        depth -= ch in "）)" and depth > 0
        if ch in separators and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def annex_start(text: str) -> bool:
    """「附件1」, 「附件2 名词解释」 or 「附件」 alone: the start of an attachment's own pages."""
    return bool(_ANNEX_START.match(text.strip()))


def annex_note(text: str) -> Optional[str]:
    """附件说明 「附件：1.XXX」 → the first attachment's name (without its number)."""
    m = _ANNEX_NOTE.match(text.strip())
    if not m:
        return None
    name = m.group(1).strip()
    numbered = _NUMBERED_ITEM.match(name)
    return numbered.group(1).strip() if numbered else name


def numbered_item(text: str) -> Optional[str]:
    """A continuation of the 附件说明: 「2. 公文格式标准对照表」 → its name."""
    m = _NUMBERED_ITEM.match(text.strip())
    return m.group(1).strip() if m else None


def cc_names(text: str) -> Optional[list[str]]:
    """抄送：A，B。 → [A, B]."""
    m = re.match(r"^抄\s*送\s*[：:]\s*(.+)$", text.strip())
    if not m:
        return None
    return [p.strip() for p in re.split("[，、,；;]", m.group(1).strip().rstrip("。.")) if p.strip()]


def note_text(text: str) -> Optional[str]:
    """附注 「（此件公开发布）」 → 此件公开发布."""
    t = text.strip()
    if len(t) >= 3 and t[0] in "（(" and t[-1] in "）)" and "（" not in t[1:-1] and "(" not in t[1:-1]:
        return t[1:-1].strip()
    return None


def year_in(text: str) -> Optional[int]:
    """The first year written as 2023年 / 2023年度 / 二〇二三年 in ``text``."""
    m = re.search(r"(?<!\d)(\d{4})\s*年", text)
    if m and 1949 <= int(m.group(1)) <= 2200:
        return int(m.group(1))
    m = re.search(rf"([{_YEAR_CN}]{{4}})年", text)
    if m:
        year = _cn_or_int(m.group(1))
        if year and 1949 <= year <= 2200:
            return year
    return None
