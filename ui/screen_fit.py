"""Sizes of top-level windows bounded by the screen they appear on.

Office PCs run small screens (1366×768) and large scalings (150 %, 200 %): a dialog sized
for its content must still fit, its buttons on the screen.
"""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9  # leave room for the title bar and the task bar


def room_on_screen(widget: QWidget) -> QSize:
    """The largest size a window of ``widget`` should take on its screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry().size()
    return QSize(int(available.width() * SCREEN_SHARE), int(available.height() * SCREEN_SHARE))


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """``widget.resize(width, height)``, made smaller where the screen has less room."""
    room = room_on_screen(widget)
    widget.resize(min(width, room.width()), min(height, room.height()))
