"""Sizes that follow the screen and the text: windows bounded by the screen they appear
on, fields wide enough for what is typed in them.

Office PCs run small screens (1366×768) and large scalings (150 %, 200 %): a dialog sized
for its content must still fit, its buttons on the screen; a field for an organ's full
name must show all of it.
"""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QStyle, QWidget

SCREEN_SHARE = 0.9  # leave room for the title bar and the task bar
LINE_EDIT_PADDING = 2 * 2 + 2  # QLineEdit's own side margins and the cursor


def room_on_screen(widget: QWidget) -> QSize:
    """The largest size a window of ``widget`` should take on its screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry().size()
    return QSize(int(available.width() * SCREEN_SHARE), int(available.height() * SCREEN_SHARE))


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """``widget.resize(width, height)``, made smaller where the screen has less room."""
    room = room_on_screen(widget)
    widget.resize(min(width, room.width()), min(height, room.height()))


ORGAN_NAME_CHARS = 32  # 「某某自治区某某自治州某某县人民政府某某镇人民政府」 and longer ones


def fit_chars(edit: QLineEdit, chars: int = ORGAN_NAME_CHARS) -> None:
    """Make a line edit at least wide enough to show ``chars`` 汉字 without scrolling."""
    frame = edit.style().pixelMetric(QStyle.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    room = edit.fontMetrics().horizontalAdvance("中" * chars)
    edit.setMinimumWidth(room + margins.left() + margins.right() + 2 * frame + LINE_EDIT_PADDING)


def size_to_content(dialog: QWidget) -> None:
    """Give a dialog the height its wrapped texts need at its width, within the screen.

    Left to itself Qt makes a new window at most two thirds of the screen high and then
    no smaller than a minimum that ignores wrapped labels: on a small or scaled screen
    the lines of a wrapped text are drawn over each other.
    """
    layout = dialog.layout()
    width = max(dialog.sizeHint().width(), dialog.minimumSizeHint().width())
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else dialog.sizeHint().height()
    resize_within_screen(dialog, width, max(height, dialog.minimumSizeHint().height()))
