"""Limits that keep one hostile or broken file from exhausting memory or time; safe defaults, each configurable."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractor.errors import UnreadableFile

_MB = 1024 * 1024


class LimitExceeded(UnreadableFile):
    """A file larger, longer or slower than a limit allows; the message names the option that raises it."""


def _size(n: int) -> str:
    """A byte count for people: '12 KB', '3.4 MB'."""
    if n >= _MB:
        return f"{n / _MB:.1f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


@dataclass(frozen=True)
class Limits:
    """Per-file limits. The defaults pass any real plan (a long plan is a few MB, 50 pages)."""

    max_file_mb: float = 50
    max_unpacked_mb: float = 200
    max_ratio: float = 200  # unpacked / packed size of a .docx: Word's own are about 20, zip bombs reach thousands
    max_docx_parts: int = 5000  # files in a .docx's zip: Word writes a few dozen, a few hundred with many images
    max_pdf_pages: int = 500
    max_text_chars: int = 5_000_000
    timeout_s: float = 120  # wall time for one document, read to findings

    def check_file_size(self, path: Path | str, size: int) -> None:
        if size > self.max_file_mb * _MB:
            raise LimitExceeded(
                path, f"{_size(size)} is over the {self.max_file_mb:g} MB file size limit",
                "split the file, or raise the limit with --max-file-mb",
            )

    def check_unpacked(self, path: Path | str, packed: int, unpacked: int) -> None:
        """``packed``/``unpacked``: the summed compressed and declared sizes of the .docx's zip entries."""
        if unpacked > self.max_unpacked_mb * _MB:
            raise LimitExceeded(
                path, f"the .docx unpacks to {_size(unpacked)}, over the {self.max_unpacked_mb:g} MB limit "
                f"(a zip bomb, or a document with huge embedded files)",
                "open it in Word and save a copy without embedded objects, or raise the limit with --max-unpacked-mb",
            )
        if packed and unpacked / packed > self.max_ratio:
            raise LimitExceeded(
                path, f"the .docx unpacks to {_size(unpacked)} from {_size(packed)} ({unpacked / packed:,.0f} times; "
                f"over {self.max_ratio:g} times is how a zip bomb looks, a Word document is rarely over 50)",
                "do not open it; if it is a genuine plan, open it in Word, save a copy as .docx and extract that",
            )

    def check_parts(self, path: Path | str, parts: int) -> None:
        """Checked before the zip's directory is read: a million empty entries take seconds and GBs to list."""
        if parts > self.max_docx_parts:
            raise LimitExceeded(
                path, f"the .docx holds {parts:,} files (a Word document holds a few dozen; over "
                f"{self.max_docx_parts:,} is a zip bomb or not a Word document)",
                "do not open it; if it is a genuine plan, open it in Word, save a copy as .docx and extract that",
            )

    def check_pages(self, path: Path | str, pages: int) -> None:
        if pages > self.max_pdf_pages:
            raise LimitExceeded(
                path, f"{pages} pages is over the {self.max_pdf_pages} page limit",
                "split the PDF, or raise the limit with --max-pdf-pages",
            )

    def check_text(self, path: Path | str, chars: int) -> None:
        if chars > self.max_text_chars:
            raise LimitExceeded(
                path, f"{chars:,} characters of text is over the {self.max_text_chars:,} character limit",
                "split the file, or raise the limit with --max-text-chars",
            )


DEFAULT_LIMITS = Limits()
