"""After the body: 附件说明, 署名 and 成文日期 (unsealed or sealed layout), 附注 (GB/T 9704 7.3.4–7.3.6)."""
from __future__ import annotations

from models.report import Report
from models.text import display_width
from models.title_breaks import break_title

from .layout import SLACK
from .styles import BLOCK_H, CHAR, LINE
from .writer import DocWriter, Indent

BODY_INDENT = 2  # 空二字
LINE_CHARS = 28
SIGNATURE_MAX = LINE_CHARS - 2         # unsealed: 署名 右空二字
SIGNATURE_MAX_SEALED = LINE_CHARS      # sealed: the 署名 may move to the right edge (see below)
FULL_SPACE = "\u3000"


def write_attachments(w: DocWriter, report: Report) -> None:
    """附件：1.名称 … one blank line below the body, 空二字; the names of several attachments numbered
    and aligned; no closing punctuation.

    A name that wraps continues under its own first character (7.3.4), which takes a hanging
    indent. When every name fits on its line the paragraphs are plain body paragraphs instead
    (2 characters in, later numbers aligned with full-width spaces): the same picture, and
    conformance checkers that expect every paragraph above the 署名 to be indented like the body
    accept it.
    """
    names = [w.prep.inline(n).rstrip("。；;，,") for n in report.meta.attachments]
    names = [n for n in names if n]
    lead = "附件："
    items = []
    for i, name in enumerate(names, 1):
        number = f"{i}." if len(names) > 1 else ""
        start = BODY_INDENT + display_width(lead) + display_width(number)   # where the name starts, in 字
        prefix = (lead if i == 1 else FULL_SPACE * int(display_width(lead))) + number
        items.append((prefix, name, Indent(hanging=_tw(start - BODY_INDENT if i == 1 else display_width(number)),
                                           left=_tw(start))))
    body = Indent(first_chars=BODY_INDENT)
    one_line = all(w.flow.measure("GWAttachment", prefix + name, body.geometry(320)) == 1
                   for prefix, name, _ in items)
    for i, (prefix, name, hanging) in enumerate(items):
        if one_line:
            text, indent = prefix + name, body
        else:
            text, indent = prefix.lstrip(FULL_SPACE) + name, hanging
        w.paragraph("GWAttachment", text, where="附件说明", indent=indent, space_before=LINE if i == 0 else 0)


def write_signature(w: DocWriter, report: Report) -> list[str]:
    """署名 and 成文日期. Unsealed (7.3.5.2): one blank line, 署名 右空二字, the date on the next line
    starting two characters further right (if the date is longer: date 右空二字, 署名 moved left).
    Sealed (7.3.5.1): room for the seal, date 右空四字, 署名 centred over the date."""
    meta = report.meta
    problems = []
    signature = w.prep.inline(meta.effective_signature)
    date = meta.signing_date_text
    if not signature:
        problems.append("未填写发文机关署名（机关名称），Word 文件中没有署名。")
    if not date:
        problems.append("未填写成文日期，Word 文件中没有成文日期。")
    sealed = w.sheet.options.signature == "sealed"
    # A name longer than the line (a joint office's full name) is broken into balanced lines that keep
    # words whole, right-aligned one above the other; the layout rules apply to the longest line.
    lines = break_title(signature, SIGNATURE_MAX_SEALED if sealed else SIGNATURE_MAX) if signature else []
    w_sig, w_date = max((display_width(line) for line in lines), default=0.0), display_width(date)
    if sealed:
        date_right = 4.0
        sig_right = date_right + (w_date - w_sig) / 2
        if sig_right < 0:  # a name much longer than the date: both move left
            date_right, sig_right = date_right - sig_right, 0.0
        room = max(1, w.sheet.options.seal_room_lines) * LINE
    else:
        date_right = max(2.0, w_sig - w_date)
        sig_right = date_right + w_date + 2 - w_sig
        room = LINE
    if signature or date:
        room = _room_on_the_page(w, room, len(lines) + (1 if date else 0))
    if signature:
        w.paragraph("GWSignature", "\n".join(lines), where="署名", indent=Indent(right=_tw(sig_right)), space_before=room)
    if date:
        w.paragraph("GWDate", date, where="成文日期", indent=Indent(right=_tw(date_right)),
                    space_before=0 if signature else room)
    return problems


def _room_on_the_page(w: DocWriter, room: int, lines: int) -> int:
    """The space above the 署名, which must not stand on a page without body text: GB/T 9704 7.3.5.5
    adjusts the spacing when the 署名 and 成文日期 do not fit below the body. Less blank room when that
    suffices; otherwise the last paragraph before them moves to the next page with them."""
    _, used = w.flow.end()
    left, text = BLOCK_H - used, lines * LINE
    if left >= room + text:
        return room
    if left >= text:
        return max(0, left - text - SLACK)
    w.keep_last_with_next()
    return room


def write_notes(w: DocWriter, report: Report) -> None:
    """附注: the line after the date, 空二字, in parentheses."""
    for text in w.prep.lines(report.meta.notes):
        if not (text.startswith("（") and text.endswith("）")):
            text = f"（{text.strip('()（）')}）"
        w.paragraph("GWNote", text, where="附注")


def _tw(chars: float) -> int:
    return int(round(chars * CHAR))
