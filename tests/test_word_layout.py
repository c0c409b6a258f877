"""The page-flow estimate that places the 版记 (render tests compare it with LibreOffice)."""
from exporters.word.layout import Flow, count_lines
from exporters.word.options import WordOptions
from exporters.word.styles import BLOCK_H, BLOCK_W, LINE, StyleSheet

EM, TRACK = 320, -5   # 3号 with −0.25 pt tracking: 28 full-width characters a line
FIRST, REST = BLOCK_W - 640, BLOCK_W


def lines(text):
    return count_lines(text, EM, TRACK, FIRST, REST)


def test_full_width_lines_hold_26_after_the_indent_then_28():
    assert lines("") == 1
    assert lines("永" * 26) == 1
    assert lines("永" * 27) == 2
    assert lines("永" * (26 + 28)) == 2
    assert lines("永" * (26 + 28 + 1)) == 3


def test_a_closing_mark_never_starts_a_line():
    # Without the rule: 26 + 28 characters, two lines. With it, the comma takes a character along.
    assert lines("永" * 26 + "，" + "永" * 27) == 3
    assert lines("永" * 25 + "“" + "永" * 28) == 3  # an opening quote does not end a line either


def test_numbers_are_not_split_and_digits_are_narrow():
    assert lines("永" * 20 + "1234567890") == 1  # 20 + 10 × ~0.55 ≤ 26
    assert lines("永" * 20 + "12345678901") == 2
    assert lines("永" * 24 + "2024年") == 2        # 2024 does not fit whole: it moves down whole


def test_line_breaks_count_each_part():
    assert Flow(StyleSheet(WordOptions())).measure("GWBody", "永\n永\n永", (640, 0, 0)) == 3


def _flow(*blocks):
    flow = Flow(StyleSheet(WordOptions()))
    for sid, text in blocks:
        flow.paragraph(sid, text, geometry=(640, 0, 0), space_before=0, line=None)
    return flow


def test_pages_hold_22_lines_and_paragraphs_split_across_pages():
    flow = _flow(*[("GWBody", "永" * 26)] * 22)
    assert flow.end() == (1, 22 * LINE)
    flow = _flow(*[("GWBody", "永" * 26)] * 21 + [("GWBody", "永" * (26 + 28 * 2))])
    assert flow.end() == (2, 2 * LINE)  # no widow control: two lines go over


def test_a_heading_at_the_foot_of_a_page_moves_over_with_its_paragraph():
    flow = _flow(*[("GWBody", "永" * 26)] * 21 + [("GWHeading1", "一、标题"), ("GWBody", "永" * 26)])
    places = list(flow.places())
    assert places[-2][0] == 2 and places[-2][1] == LINE  # the heading opens page 2
    assert flow.end() == (2, 2 * LINE)
    assert BLOCK_H - 21 * LINE < 2 * LINE


def test_space_before_is_dropped_at_the_top_of_a_page_but_not_on_page_one():
    flow = Flow(StyleSheet(WordOptions()))
    flow.paragraph("GWBody", "永", geometry=(640, 0, 0), space_before=2 * LINE, line=None)
    assert flow.end() == (1, 3 * LINE)
    for _ in range(19):
        flow.paragraph("GWBody", "永", geometry=(640, 0, 0), space_before=0, line=None)
    flow.paragraph("GWSignature", "某某", geometry=(0, 0, 0), space_before=LINE, line=None)  # lands on page 2
    flow.paragraph("GWDate", "2024年1月5日", geometry=(0, 0, 0), space_before=0, line=None)
    assert flow.end() == (2, 2 * LINE)
