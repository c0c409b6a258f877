"""Line breaks of the 公文 title: at most 20 characters a line (2号 in the 156 mm block), words kept
whole, lines balanced in a trapezoid (shorter line on top) or diamond (longest in the middle),
never an hourglass (GB/T 9704 7.3.1). Breaks the user placed win.

Words are found without a dictionary library: a short lexicon of the words these titles are made
of, place names closed by their administrative suffix (广州市, 昌岗街道), and numbers, book-title
marks and brackets kept as one piece.
"""
from __future__ import annotations

import itertools
import re

from models.text import display_width

MAX_UNITS = 20
MAX_SEARCHED_LINES = 4  # longer titles (over 80 characters) are filled line by line

# Longest first at each position (forward maximum matching).
LEXICON = sorted("""
关于 人民政府 政府 办事处 街道办事处 委员会 办公室 党工委 党委 管委会 管理委员会 领导小组 司法局 局 厅 委 办
中共 全面依法治 依法治 依法治区 依法治市 依法治县 依法治省
全面依法治区 全面依法治市 全面依法治县 全面依法治省 委员会办公室 法治政府 法治 政府 建设 工作 情况 报告 年度 上半年 下半年 的 和 及 与 推进 实施 落实
依法行政 行政执法 行政 执法 考核 纲要 规划 意见 通知 请示 总结 专题 党政 主要 负责人 履行 推进法治建设
第一责任人 职责 述法 法律 法规 普法 宣传 教育 示范 创建 开展 加强 深化 全面 年 人大 政协 常委会 代表大会
""".split(), key=len, reverse=True)
# A place name ends in one of these; the unknown characters before it belong to it.
PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "街道", "社区", "省委", "市委", "州委", "区委", "县委",
                  "旗委", "镇委", "乡委", "省", "市", "州", "盟", "区", "县", "旗", "镇", "乡", "村")
_SINGLE_PLACE = set(s for s in PLACE_SUFFIXES if len(s) == 1)
# A break after these (the end of an organ's name) or before 关于 reads naturally.
ORGAN_ENDS = ("人民政府", "政府", "办事处", "委员会", "办公室", "党工委", "党委", "管委会", "领导小组", "局", "厅",
              "委", "办", "街道", "镇", "乡", "常委会")
NO_LINE_START = set("，。、；：？！）》」』”’〕】…—·%,.;:?!)]")
NO_LINE_END = set("（《「『“‘〔【([")
_ATOM = re.compile(r"《[^》]*》|“[^”]*”|（[^）]*）|\([^)]*\)|〔[^〕]*〕|[0-9A-Za-z][0-9A-Za-z.%\-]*")


def break_title(title: str, max_units: float = MAX_UNITS) -> list[str]:
    """The title's lines. ``\\n`` in the title are the user's breaks and are kept as they are."""
    if "\n" in title:
        return [line.strip() for line in title.split("\n") if line.strip()]
    title = title.strip()
    if display_width(title) <= max_units:
        return [title] if title else []
    tokens = tokenize(title)
    widths = [display_width(t) for t in tokens]
    total = sum(widths)
    for n in range(max(2, int(-(-total // max_units))), min(len(tokens), MAX_SEARCHED_LINES) + 1):
        best = _best_split(tokens, widths, n, max_units)
        if best:
            return best
    return _hard_wrap(title, max_units)


def tokenize(text: str) -> list[str]:
    """Pieces that a line break must not split."""
    out: list[str] = []
    pos = 0
    for m in _ATOM.finditer(text):
        out += _words(text[pos:m.start()])
        if out and re.fullmatch(r"[0-9]+", m.group(0)) is None and m.group(0)[0] in "（(" and out:
            out[-1] += m.group(0)  # a bracket belongs to the word before it
        else:
            out.append(m.group(0))
        pos = m.end()
    out += _words(text[pos:])
    return _attach(out)


def _words(text: str) -> list[str]:
    out, unknown, i = [], "", 0
    while i < len(text):
        place = next((s for s in PLACE_SUFFIXES if text.startswith(s, i)), None)
        if place in _SINGLE_PLACE and text[i + 1:i + 2] in _SINGLE_PLACE:
            place = None  # 广州市: 州 is part of the name
        word = next((w for w in LEXICON if text.startswith(w, i) and (len(w) > 1 or not unknown)), None)
        if place and unknown and (word is None or len(place) >= len(word)):
            out.append(unknown + place)  # 广州 + 市, 昌岗 + 街道
            unknown, i = "", i + len(place)
        elif word:
            if unknown:
                out.append(unknown)
                unknown = ""
            out.append(word)
            i += len(word)
        else:
            unknown += text[i]
            i += 1
    return out + ([unknown] if unknown else [])


def _attach(tokens: list[str]) -> list[str]:
    """Numbers keep their unit (2024年度); punctuation that may not start a line joins the word before."""
    out: list[str] = []
    for tok in tokens:
        if out and (tok[0] in NO_LINE_START or out[-1][-1] in NO_LINE_END or
                    (out[-1][-1].isdigit() and tok.startswith(("年", "月", "日", "号", "个", "项", "%")))):
            out[-1] += tok
        else:
            out.append(tok)
    return out


def _boundary_cost(left: str, right: str) -> float:
    if right.startswith("关于"):
        return -10.0
    if left.endswith(ORGAN_ENDS):
        return -4.0
    if left.endswith(("的", "和", "与", "及")) or right.startswith(("的", "和", "与", "及")):
        return 2.0
    return 0.0


def _shape_cost(lengths: list[float]) -> float:
    if len(lengths) == 2:
        top, bottom = lengths
        return 0.0 if top <= bottom else top - bottom  # trapezoid: the shorter line on top
    middle = lengths[1:-1]
    if min(middle) < min(lengths[0], lengths[-1]):
        return 20.0  # hourglass
    return 0.0


def _best_split(tokens: list[str], widths: list[float], n: int, max_units: float):
    best, best_cost = None, None
    mean = sum(widths) / n
    for cuts in itertools.combinations(range(1, len(tokens)), n - 1):
        bounds = (0,) + cuts + (len(tokens),)
        lengths = [sum(widths[a:b]) for a, b in zip(bounds, bounds[1:])]
        if max(lengths) > max_units:
            continue
        cost = sum((x - mean) ** 2 for x in lengths) / 8 + _shape_cost(lengths)
        cost += sum(_boundary_cost(tokens[c - 1], tokens[c]) for c in cuts)
        if best_cost is None or cost < best_cost:
            best, best_cost = bounds, cost
    if best is None:
        return None
    return ["".join(tokens[a:b]) for a, b in zip(best, best[1:])]


def _hard_wrap(text: str, max_units: float) -> list[str]:
    """Last resort (a single word longer than a line): fill lines character by character."""
    lines, cur = [], ""
    for ch in text:
        if display_width(cur + ch) > max_units and cur and ch not in NO_LINE_START:
            lines.append(cur)
            cur = ""
        cur += ch
    return lines + ([cur] if cur else [])
