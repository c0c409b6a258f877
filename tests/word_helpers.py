"""Shared helpers of the Word export tests: the parts of a .docx as XML, style lookups, and what
the report says the document must contain."""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from models.numbering import heading_label
from models.refs import render_refs
from models.text import clean_text, normalize_punctuation

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class Parts:
    """The XML parts of a .docx given as bytes."""

    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = set(self.zip.namelist())

    def xml(self, name: str):
        return etree.fromstring(self.zip.read(name))

    @property
    def document(self):
        return self.xml("word/document.xml")

    @property
    def styles(self):
        return self.xml("word/styles.xml")

    @property
    def settings(self):
        return self.xml("word/settings.xml")

    def style(self, style_id: str):
        found = self.styles.xpath(f"w:style[@w:styleId='{style_id}']", namespaces=NS)
        assert found, f"style {style_id} missing"
        return found[0]

    def footers(self) -> dict[str, etree._Element]:
        """footer type (default/even) → its XML, via the section's references."""
        rels = etree.fromstring(self.zip.read("word/_rels/document.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        sect = self.document.find(f"{w('body')}/{w('sectPr')}")
        return {ref.get(w("type")): self.xml("word/" + target[ref.get("{http://schemas.openxmlformats.org/"
                                                                        "officeDocument/2006/relationships}id")])
                for ref in sect.findall(w("footerReference"))}


def attr(el, path: str, name: str):
    found = el.find(path, NS) if path else el
    return None if found is None else found.get(w(name))


def expected_text(report, text: str) -> list[str]:
    """A model text as the document must show it: references as numbers, clean, full-width
    punctuation, one paragraph per line."""
    text = normalize_punctuation(clean_text(render_refs(text, report)))
    return [line.strip(" \t\u3000") for line in text.split("\n") if line.strip(" \t\u3000")]


def expected_body(report) -> list[str]:
    """Every paragraph of the 主体 in order, from the model (not from the exporter's code)."""
    meta = report.meta
    out = []
    if meta.addressees:
        out.append("、".join(meta.addressees) + "：")
    for text in report.preamble:
        out += expected_text(report, text)
    for section, level, path in report.iter_sections():
        label = heading_label(level, path[-1] + 1)
        assert label == report.label_of(section.id)
        paragraphs = [p for text in section.paragraphs for p in expected_text(report, text)]
        if section.run_in and paragraphs:
            head = expected_text(report, section.heading_sentence())[0]
            out.append(label + head + paragraphs.pop(0))
        elif section.run_in:
            out.append(label + expected_text(report, section.heading_sentence())[0])
        else:
            out.append(label + expected_text(report, section.heading)[0])
        out += paragraphs
    return out
