"""Exporters: the report as Word (公文) and Excel (统计报表) files."""
