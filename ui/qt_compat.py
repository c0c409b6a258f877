"""Work-arounds for bugs of the Qt binding, in one place.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference
to it, so every emit from Python code drops one reference to ``True``. On Python
3.10/3.11 (where ``True`` is not immortal) the interpreter aborts after a few hundred
emits with "Fatal Python error: bool_dealloc". All emits in ``ui/`` go through
:func:`emit`, which gives the reference back when (and only when) the running binding
has the bug.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    return sys.getrefcount(True) < before


EMIT_DROPS_TRUE = _emit_drops_a_reference()
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def emit(signal, *args) -> None:
    """``signal.emit(*args)``, safe on every PySide6 version."""
    result = signal.emit(*args)
    if EMIT_DROPS_TRUE and isinstance(result, bool):
        _incref(result)
