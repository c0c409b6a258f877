"""Bad input → one clear Chinese line naming the file; never a traceback, never a report."""
import io
import shutil
import subprocess
import zipfile

import docx
import pytest

from importers import ImportFailed, import_file, import_text
from tests.ole_fixture import compound_file


def refused(path) -> str:
    with pytest.raises(ImportFailed) as info:
        import_file(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message
    return message


def small_docx(tmp_path, name="ok.docx", text="某某街道办事处关于2024年度法治政府建设情况的报告"):
    doc = docx.Document()
    doc.add_paragraph(text)
    doc.add_paragraph("一、2024年工作情况")
    doc.add_paragraph("全年开展普法宣传讲座12场次。")
    path = tmp_path / name
    doc.save(str(path))
    return path


def test_missing_folder_and_empty(tmp_path):
    assert "不存在" in refused(tmp_path / "none.docx")
    assert "文件夹" in refused(tmp_path)
    for name in ("empty.docx", "empty.txt"):
        (tmp_path / name).write_bytes(b"")
        assert "空的" in refused(tmp_path / name)


def test_renamed_files_are_found_out(tmp_path):
    png = tmp_path / "报告.docx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert "不是有效的 Word 文件" in refused(png)
    lock = tmp_path / "~$报告.docx"
    lock.write_bytes(b"\x08zhang" + bytes(150))
    assert "临时文件" in refused(lock)
    pdf = tmp_path / "报告.txt"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(100))
    assert "PDF" in refused(pdf)
    html = tmp_path / "page.txt"  # a saved web page, renamed: read as the page it is, never as tags
    html.write_text("<!DOCTYPE html><html><body><p>某某镇2024年法治政府建设情况报告</p><p>一、主要工作</p>"
                    "<p>全年开展普法活动12场次，覆盖群众3000人次。</p><p>某某镇人民政府</p><p>2025年1月10日</p>"
                    "</body></html>", encoding="utf-8")
    report = import_file(html).report
    assert report.meta.title == "某某镇2024年法治政府建设情况报告" and report.sections[0].heading == "主要工作"


def test_other_office_files_and_plain_zips(tmp_path):
    xlsx = tmp_path / "统计.docx"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "Excel" in refused(xlsx)
    plain = tmp_path / "资料.docx"
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("readme.txt", "hello")
    assert "压缩包" in refused(plain)


def test_corrupt_docx(tmp_path):
    good = small_docx(tmp_path).read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good[: len(good) // 2])
    assert "损坏" in refused(truncated)
    broken_xml = tmp_path / "broken.docx"
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(broken_xml, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    assert "损坏" in refused(broken_xml)


def test_password_protected_docx(tmp_path):
    locked = tmp_path / "加密.docx"
    locked.write_bytes(compound_file(["EncryptionInfo", "EncryptedPackage"]))
    assert "密码" in refused(locked)


def test_old_binary_doc_and_wps(tmp_path):
    doc = tmp_path / "旧报告.doc"
    soffice = shutil.which("soffice")
    if soffice:  # a real Word 97 file, made by LibreOffice from a .docx
        source = small_docx(tmp_path, "source.docx")
        subprocess.run([soffice, "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
                       capture_output=True, timeout=180)
        (tmp_path / "source.doc").rename(doc)
    else:
        doc.write_bytes(compound_file(["WordDocument", "1Table"]))
    assert "另存为" in refused(doc) and ".docx" in refused(doc)
    wps = tmp_path / "旧报告.wps"
    wps.write_bytes(doc.read_bytes())
    assert "WPS" in refused(wps) and "另存为" in refused(wps)
    as_txt = tmp_path / "旧报告.txt"  # the content decides, not the name
    as_txt.write_bytes(doc.read_bytes())
    assert "另存为" in refused(as_txt)


def test_zip_bomb_is_refused_before_decompressing(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            zeros = bytes(1 << 20)
            for _ in range(300):
                member.write(zeros)
    assert bomb.stat().st_size < 1_000_000
    assert "解压后过大" in refused(bomb)


def test_docx_without_text(tmp_path):
    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    assert "没有正文" in refused(path)


def test_text_that_is_no_report(tmp_path):
    english = tmp_path / "notes.txt"
    english.write_text("Meeting notes\n- buy milk\n- call Bob at 10:30\n" * 5, encoding="utf-8")
    assert "不像是一份报告" in refused(english)
    binary = tmp_path / "data.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    assert "二进制" in refused(binary)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café crème à la carte\n".encode("latin-1") * 20)
    assert "编码" in refused(latin1)
    with pytest.raises(ImportFailed) as info:
        import_text("   \n\n")
    assert "粘贴的文字" in str(info.value)
