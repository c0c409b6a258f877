"""A .docx re-written the way Word and WPS save a document someone opened and edited: runs split at
every edit, w:proofErr, bookmarks, rsid attributes, w:lastRenderedPageBreak, smart tags, styles turned
into direct formatting, simple fields turned into complex ones, and line breaks turned into paragraphs."""
from __future__ import annotations

import copy
import io
import random
import zipfile
from pathlib import Path

from lxml import etree

from tests.word_helpers import w

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def resave_like_word(src: Path, dst: Path, *, direct_formatting: bool = False, breaks_to_paragraphs: bool = False,
                     seed: int = 1) -> Path:
    rng = random.Random(seed)
    with zipfile.ZipFile(src) as zin:
        styles = etree.fromstring(zin.read("word/styles.xml"))
        style_props = {st.get(w("styleId")): (st.find(w("pPr")), st.find(w("rPr"))) for st in styles.iter(w("style"))}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "word/document.xml" or info.filename.startswith("word/footer"):
                    root = etree.fromstring(data)
                    for k, p in enumerate(list(root.iter(w("p")))):
                        if direct_formatting:
                            _inline_styles(p, style_props)
                        _edit_marks(p, k, rng)
                    _complex_fields(root)
                    if breaks_to_paragraphs:
                        for p in list(root.iter(w("p"))):
                            _split_at_breaks(p)
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                zout.writestr(info, data)
    dst.write_bytes(out.getvalue())
    return dst


def _inline_styles(p, style_props) -> None:
    """The paragraph and character styles replaced by the formatting they carried (as WPS does when a
    document is pasted into another one)."""
    ppr = p.find(w("pPr"))
    pstyle = ppr.find(w("pStyle")) if ppr is not None else None
    if pstyle is None:
        return
    ppr.remove(pstyle)
    style_ppr, style_rpr = style_props.get(pstyle.get(w("val")), (None, None))
    for child in (style_ppr if style_ppr is not None else []):
        if child.tag in (w("jc"), w("ind"), w("spacing")) and ppr.find(child.tag) is None:
            ppr.append(copy.deepcopy(child))
    for run in p.iter(w("r")):
        rpr = run.find(w("rPr"))
        if rpr is None:
            rpr = etree.Element(w("rPr"))
            run.insert(0, rpr)
        rstyle = rpr.find(w("rStyle"))
        inherited = []
        if rstyle is not None:
            rpr.remove(rstyle)
            inherited.append(style_props.get(rstyle.get(w("val")), (None, None))[1])
        inherited.append(style_rpr)
        for props in inherited:
            for child in (props if props is not None else []):
                if rpr.find(child.tag) is None:
                    rpr.append(copy.deepcopy(child))


def _edit_marks(p, k: int, rng: random.Random) -> None:
    p.set(w("rsidR"), "00A1B2C3")
    p.set(w("rsidRDefault"), "00D4E5F6")
    for run in [r for r in p if r.tag == w("r")]:
        t = run.find(w("t"))
        if t is None or not t.text or len(t.text) < 4 or any(c.tag not in (w("rPr"), w("t")) for c in run):
            continue
        text, pos, at = t.text, 0, p.index(run)
        while pos < len(text):
            n = rng.randint(1, 5)
            piece = copy.deepcopy(run)
            piece.set(w("rsidR"), f"00C0{rng.randint(0, 0xFFFF):04X}")
            piece.find(w("t")).text = text[pos:pos + n]
            piece.find(w("t")).set(_XML_SPACE, "preserve")
            p.insert(at, piece)
            at, pos = at + 1, pos + n
        p.remove(run)
    runs = [r for r in p if r.tag == w("r")]
    if len(runs) > 3:
        i = rng.randint(1, len(runs) - 2)
        runs[i].addprevious(etree.Element(w("proofErr"), {w("type"): "spellStart"}))
        runs[i].addnext(etree.Element(w("proofErr"), {w("type"): "spellEnd"}))
    if len(runs) > 4:  # a smart tag around a run (Word's dates and names)
        tag = etree.Element(w("smartTag"), {w("uri"): "urn:schemas-microsoft-com:office:smarttags",
                                            w("element"): "chsdate"})
        runs[2].addprevious(tag)
        tag.append(runs[2])
    if k % 3 == 0:
        first = 1 if p.find(w("pPr")) is not None else 0
        p.insert(first, etree.Element(w("bookmarkStart"), {w("id"): str(k), w("name"): f"_Hlk{k}"}))
        p.append(etree.Element(w("bookmarkEnd"), {w("id"): str(k)}))
    if k % 5 == 2 and runs:
        run = runs[len(runs) // 2]
        run.insert(1 if run.find(w("rPr")) is not None else 0, etree.Element(w("lastRenderedPageBreak")))


def _complex_fields(root) -> None:
    """w:fldSimple → begin / instrText / separate / result / end runs."""
    for simple in list(root.iter(w("fldSimple"))):
        parent, at = simple.getparent(), simple.getparent().index(simple)
        result = [c for c in simple if c.tag == w("r")]
        rpr = result[0].find(w("rPr")) if result else None

        def run(kind=None, instr=None):
            r = etree.Element(w("r"))
            if rpr is not None:
                r.append(copy.deepcopy(rpr))
            if kind:
                etree.SubElement(r, w("fldChar"), {w("fldCharType"): kind})
            if instr:
                etree.SubElement(r, w("instrText")).text = instr
            return r

        parent.remove(simple)
        for i, r in enumerate([run("begin"), run(instr=simple.get(w("instr"))), run("separate"), *result, run("end")]):
            parent.insert(at + i, r)


def _split_at_breaks(p) -> None:
    """Each line break becomes a paragraph break with the same paragraph properties (Enter for Shift+Enter)."""
    if p.find(f".//{w('br')}") is None:
        return
    ppr = p.find(w("pPr"))

    def new_paragraph():
        q = etree.Element(w("p"))
        if ppr is not None:
            q.append(copy.deepcopy(ppr))
        return q

    paragraphs = [new_paragraph()]
    for run in [c for c in p.iter(w("r"))]:
        rpr = run.find(w("rPr"))
        current = etree.SubElement(paragraphs[-1], w("r"))
        for child in run:
            if child.tag == w("rPr"):
                current.append(copy.deepcopy(child))
            elif child.tag == w("br") and child.get(w("type")) in (None, "textWrapping"):
                paragraphs.append(new_paragraph())
                current = etree.SubElement(paragraphs[-1], w("r"))
                if rpr is not None:
                    current.append(copy.deepcopy(rpr))
            else:
                current.append(copy.deepcopy(child))
    parent, at = p.getparent(), p.getparent().index(p)
    parent.remove(p)
    for i, q in enumerate(paragraphs):
        parent.insert(at + i, q)


def type_paragraph_after(src: Path, dst: Path, starts_with: str, text: str) -> Path:
    """Word's Enter at the end of the paragraph that starts with ``starts_with``, then ``text`` typed: the new
    paragraph takes the paragraph properties (style included) of the one before, or the style's 「next」."""
    import docx
    document = docx.Document(str(src))
    styles = {s.style_id: s for s in document.styles}
    before = next(p for p in document.paragraphs if p.text.startswith(starts_with))
    new = copy.deepcopy(before._p)
    for child in list(new):
        if child.tag != w("pPr"):
            new.remove(child)
    ppr = new.find(w("pPr"))
    pstyle = ppr.find(w("pStyle")) if ppr is not None else None
    if pstyle is not None:
        follow = styles[pstyle.get(w("val"))].element.find(w("next"))
        if follow is not None:
            pstyle.set(w("val"), follow.get(w("val")))
    run = etree.SubElement(new, w("r"))
    etree.SubElement(run, w("t")).text = text
    before._p.addnext(new)
    document.save(str(dst))
    return dst
