"""Exporters: the report as an official Word document (``exporters.word``) and the Excel statistics
(``exporters.excel``)."""
