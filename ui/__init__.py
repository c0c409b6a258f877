"""The Qt application (PySide6): main window, editors, document behaviour, export.

Widgets never touch files or business rules: ``ui.document`` wraps the pure
``models.report.Report`` (undo stack, path, lock, recovery copy), every edit is a
``QUndoCommand`` from ``ui.commands``, and ``ui.main_window`` only wires signals.
"""
