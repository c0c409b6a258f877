"""A minimal, valid OLE compound file (CFB v3) holding the named streams.

Word and WPS save a password-protected .docx as such a container with the streams
EncryptionInfo and EncryptedPackage; old .doc/.wps files are containers too.
Streams are padded to 4096 bytes so that they live in ordinary sectors (no mini stream).
"""
from __future__ import annotations

import struct

_SECTOR = 512
_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, left, right, child)
            + b"\0" * 16 + struct.pack("<I", 0) + b"\0" * 16 + struct.pack("<IQ", start, size))


def compound_file(streams: list[str]) -> bytes:
    sectors_per_stream = 4096 // _SECTOR
    fat = [_FAT, _END]
    entries = [_entry("Root Entry", 5, _FREE, _FREE, 1, _END, 0)]
    data = b""
    for i, name in enumerate(streams):
        first = len(fat)
        fat += [first + k + 1 for k in range(sectors_per_stream - 1)] + [_END]
        right = i + 2 if i + 1 < len(streams) else _FREE
        entries.append(_entry(name, 2, _FREE, right, _FREE, first, 4096))
        data += bytes(4096)
    directory = b"".join(entries).ljust(_SECTOR * ((len(entries) * 128 + _SECTOR - 1) // _SECTOR), b"\0")
    assert len(directory) == _SECTOR, "one directory sector is enough for three streams"
    fat_sector = struct.pack(f"<{_SECTOR // 4}I", *(fat + [_FREE] * (_SECTOR // 4 - len(fat))))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<109I", 0, *([_FREE] * 108)))
    return header + fat_sector + directory + data
