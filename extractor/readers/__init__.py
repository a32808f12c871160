"""Readers: file bytes to a SourceText. Readers know nothing of schemas beyond SourceText."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from extractor.errors import UnsupportedFormat
from extractor.limits import DEFAULT_LIMITS, Limits
from extractor.text import SourceText

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")
# The zip's end-of-central-directory record: signature, then the entry count at offset 10.
_ZIP_END = b"PK\x05\x06"
_ZIP_END_SIZE, _ZIP_COMMENT_MAX = 22, 65535


def read(path: Path, data: bytes | None = None, *, limits: Limits = DEFAULT_LIMITS) -> SourceText:
    """Read one file into normalised text; raises UnreadableFile with advice when it cannot.

    Every limit is checked before the work it bounds: the file's size before its bytes are read,
    a .docx's unpacked size before it is unzipped, the PDF's page count (by read_pdf) before its
    pages are read, and the text's length before any parser runs over it.
    """
    path = Path(path)
    if data is None:
        data = read_bytes(path, limits)
    limits.check_file_size(path, len(data))
    source = _read(path, data, limits)
    limits.check_text(path, len(source.text))
    return source


def read_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, its size checked against ``limits`` before any is read."""
    limits.check_file_size(path, path.stat().st_size)
    return path.read_bytes()


def _read(path: Path, data: bytes, limits: Limits) -> SourceText:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from extractor.readers.txt import read_txt

        return read_txt(data, path, limits=limits)
    if suffix == ".docx":
        from extractor.readers.docx import read_docx

        check_docx_unpacked(path, data, limits)
        return read_docx(data, path, limits=limits)
    if suffix == ".pdf":
        from extractor.readers.pdf import read_pdf

        return read_pdf(data, path, limits=limits)
    if suffix == ".doc":
        raise UnsupportedFormat(path, ".doc (old Word) is not supported", "open it in Word and save it as .docx")
    raise UnsupportedFormat(path, f"'{suffix}' files are not read", "give .txt, .docx or .pdf files")


def check_docx_unpacked(path: Path, data: bytes, limits: Limits) -> None:
    """LimitExceeded when the zip's central directory declares more than the limits allow.

    The declared sizes can be trusted: zipfile stops each entry at its declared size and fails its
    CRC check if the data runs on. A zip that cannot be opened is left to read_docx to report.
    """
    parts = _declared_entries(data)
    if parts is not None:
        limits.check_parts(path, parts)
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        return
    packed = sum(entry.compress_size for entry in entries)
    unpacked = sum(entry.file_size for entry in entries)
    limits.check_unpacked(path, packed, unpacked)


def _declared_entries(data: bytes) -> int | None:
    """The entry count a zip's end record declares; None without an end record, or for ZIP64 (count elsewhere)."""
    at = data.rfind(_ZIP_END, max(0, len(data) - _ZIP_END_SIZE - _ZIP_COMMENT_MAX))
    if at < 0 or at + _ZIP_END_SIZE > len(data):
        return None
    (count,) = struct.unpack_from("<H", data, at + 10)
    return None if count == 0xFFFF else count
