"""Readers: file bytes to a SourceText. Readers know nothing of schemas beyond SourceText."""

from __future__ import annotations

from pathlib import Path

from extractor.errors import UnsupportedFormat
from extractor.text import SourceText

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")


def read(path: Path, data: bytes | None = None) -> SourceText:
    """Read one file into normalised text; raises UnreadableFile with advice when it cannot."""
    path = Path(path)
    if data is None:
        data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from extractor.readers.txt import read_txt

        return read_txt(data, path)
    if suffix == ".docx":
        from extractor.readers.docx import read_docx

        return read_docx(data, path)
    if suffix == ".pdf":
        from extractor.readers.pdf import read_pdf

        return read_pdf(data, path)
    if suffix == ".doc":
        raise UnsupportedFormat(path, ".doc (old Word) is not supported", "open it in Word and save it as .docx")
    raise UnsupportedFormat(path, f"'{suffix}' files are not read", "give .txt, .docx or .pdf files")
