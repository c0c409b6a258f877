"""The report model: pure Python, no Qt, no Word or Excel.

Everything else (forms, exporters, importers, checks) stands on these types.
"""
from .catalogue import Catalogue, Indicator, Relation, default_catalogue
from .errors import OutputFileError, ReportFileError, UserFacingError
from .report import (CustomIndicator, DocNumber, IndicatorValue, OrganLevel, Part, Report, ReportChange,
                     ReportMeta, Section, StructureError, format_value)
from .storage import SCHEMA_VERSION, load_report, load_report_with_warnings, save_report
from .templates import list_templates, new_report

__all__ = [
    "Catalogue", "Indicator", "Relation", "default_catalogue",
    "OutputFileError", "ReportFileError", "UserFacingError",
    "CustomIndicator", "DocNumber", "IndicatorValue", "OrganLevel", "Part", "Report", "ReportChange",
    "ReportMeta", "Section", "StructureError", "format_value",
    "SCHEMA_VERSION", "load_report", "load_report_with_warnings", "save_report",
    "list_templates", "new_report",
]
