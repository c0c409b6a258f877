"""Title line breaks: ≤ 20 characters a line, words whole, trapezoid/diamond, the user's breaks win."""
import pytest

from models.title_breaks import break_title, tokenize
from models.text import display_width

TITLES = [
    "江南市河西区人民政府青石街道办事处关于2024年度法治政府建设情况的报告",
    "广州市海珠区人民政府昌岗街道办事处关于2023年度法治政府建设情况的报告",
    "某某县人民政府关于2024年法治政府建设情况的报告",
    "内蒙古自治区呼和浩特市赛罕区人民政府关于2024年度法治政府建设情况的报告",
    "某某市司法局关于2024年度法治政府建设工作情况的报告",
]


@pytest.mark.parametrize("title", TITLES)
def test_lines_fit_and_nothing_is_lost(title):
    lines = break_title(title)
    assert "".join(lines) == title
    assert len(lines) >= 2
    assert all(display_width(line) <= 20 for line in lines)


@pytest.mark.parametrize("title", TITLES)
def test_breaks_keep_numbers_and_place_names_whole(title):
    lines = break_title(title)
    for a, b in zip(lines, lines[1:]):
        assert not (a[-1].isdigit() and b[0].isdigit()), lines
        assert not (a[-1].isdigit() and b[0] == "年"), lines
    joined = "|".join(lines)
    for word in ("人民政府", "办事处", "法治政府", "呼和浩特市", "海珠区", "广州市"):
        if word in title:
            assert word in joined, lines


def test_an_organ_title_breaks_before_guanyu_with_the_shorter_line_on_top():
    assert break_title(TITLES[2]) == ["某某县人民政府", "关于2024年法治政府建设情况的报告"]
    assert break_title(TITLES[1]) == ["广州市海珠区人民政府昌岗街道办事处", "关于2023年度法治政府建设情况的报告"]


def test_three_lines_are_never_an_hourglass():
    title = "中共江南市河西区委全面依法治区委员会办公室关于2024年度各街道法治政府建设情况的通报"
    lines = break_title(title)
    assert len(lines) == 3 and "".join(lines) == title
    widths = [display_width(x) for x in lines]
    assert widths[1] >= min(widths[0], widths[2])


def test_user_breaks_win_and_short_titles_stay_on_one_line():
    assert break_title("关于法治政府\n建设情况的报告") == ["关于法治政府", "建设情况的报告"]
    assert break_title("关于2024年度法治政府建设情况的报告") == ["关于2024年度法治政府建设情况的报告"]


def test_book_titles_and_brackets_are_one_piece():
    tokens = tokenize("关于印发《某某区2024年法治政府建设工作要点》的通知")
    assert "《某某区2024年法治政府建设工作要点》" in tokens


def test_a_title_without_any_word_boundary_still_fits():
    lines = break_title("某" * 45)
    assert "".join(lines) == "某" * 45 and all(len(x) <= 20 for x in lines)
