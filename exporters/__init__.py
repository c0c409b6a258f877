"""Exporters: the report as an official Word document (``exporters.word``) and other formats."""
