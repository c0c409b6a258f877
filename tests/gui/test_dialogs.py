"""The dialogs behind the seams: what they return for what the user chose."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from models.report import OrganLevel
from ui import dialogs
from ui.indicator_picker import IndicatorPicker
from ui.new_report_dialog import NewReportDialog, default_report_year
from ui.preferences_dialog import PreferencesDialog
from ui.recovery import RecoveryEntry
from ui.recovery_dialog import RecoveryDialog
from ui.settings import AppSettings

from .helpers import commit_text


def test_new_report_dialog(qtbot):
    settings = AppSettings()
    settings.set_preferences({"default_organ": ""})
    dialog = NewReportDialog(settings)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()  # an organ is required
    commit_text(dialog.organ, "某某县人民政府")
    dialog.template.setCurrentIndex(dialog.template.findData("county"))
    assert dialog.ok_button.isEnabled() and dialog.level.currentData() == "county"
    dialog.year.setValue(2025)
    choice = dialog.choice()
    assert (choice.template_id, choice.organ_name, choice.organ_level, choice.year) == \
        ("county", "某某县人民政府", OrganLevel.COUNTY, 2025)
    assert default_report_year(dt.date(2025, 2, 1)) == 2024 and default_report_year(dt.date(2025, 11, 1)) == 2025


def test_preferences_dialog_round_trip(qtbot, monkeypatch, tmp_path):
    settings = AppSettings()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialogs, "get_folder", lambda *a: str(tmp_path))
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "浏览…").click()
    dialog.bold_headings.setChecked(True)
    dialog.fonts["body_font"].setText("仿宋")
    values = dialog.values()
    assert values["export_folder"] == str(tmp_path) and values["bold_headings"] is True
    settings.set_preferences(values)
    assert AppSettings().preference("body_font") == "仿宋"


def test_preferences_hold_the_table_number_block(qtbot):
    dialog = PreferencesDialog(AppSettings())
    qtbot.addWidget(dialog)
    commit_text(dialog.block["form_number"], "法治统01表")
    commit_text(dialog.block["valid_until"], "2026年12月")
    values = dialog.values()
    assert (values["form_number"], values["valid_until"], values["issuing_organ"]) == ("法治统01表", "2026年12月", "")
    dialog.table_number_block.setChecked(False)
    assert not dialog.block["form_number"].isEnabled()  # no block printed: nothing to fill in
    AppSettings().set_preferences(dialog.values())
    again = PreferencesDialog(AppSettings())
    qtbot.addWidget(again)
    assert again.block["form_number"].text() == "法治统01表" and not again.block["form_number"].isEnabled()


def test_indicator_picker_filters_and_returns_the_id(qtbot, sample_report):
    picker = IndicatorPicker(sample_report)
    qtbot.addWidget(picker)
    picker.filter.setText("培训（轮训）")
    visible = [picker.tree.topLevelItem(i).child(j) for i in range(picker.tree.topLevelItemCount())
               for j in range(picker.tree.topLevelItem(i).childCount())
               if not picker.tree.topLevelItem(i).child(j).isHidden()]
    assert [item.data(0, Qt.UserRole) for item in visible] == ["B05"]
    assert visible[0].text(1) == "1520人次"
    picker.select("B05")
    assert picker.selected_id() == "B05" and picker.ok_button.isEnabled()


def test_recovery_dialog_decisions(qtbot, tmp_path):
    entries = [RecoveryEntry("k1", tmp_path, "/x/甲.fzbg", "2025-01-02 09:00", "甲"),
               RecoveryEntry("k2", tmp_path, "", "2025-01-01 08:00", "乙街道")]
    dialog = RecoveryDialog(entries)
    qtbot.addWidget(dialog)
    assert dialog.list.item(1).text().startswith("未保存的新报告（乙街道）")
    dialog.list.setCurrentRow(1)
    dialog._restore()
    assert dialog.decision() == ("restore", entries[1])
    other = RecoveryDialog(entries)
    qtbot.addWidget(other)
    other._discard()
    assert other.decision() == ("discard", None)
