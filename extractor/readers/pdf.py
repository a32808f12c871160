"""PDF plans: text per page, tables as tab-separated rows in place (the only module importing pdfplumber)."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pdfplumber
import regex
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.utils.exceptions import PdfminerException

from extractor.errors import KehoachError, NeedsOcr, UnreadableFile
from extractor.limits import DEFAULT_LIMITS, Limits
from extractor.readers.legacy import detect_and_convert
from extractor.text import SourceText, normalise, squash

_ADVICE_DAMAGED = "the file is damaged or not a PDF; export it again to PDF, or give the .docx"
_ADVICE_PASSWORD = "remove the password (print or export to a new PDF) and extract that PDF"

# A page-number line at the top or bottom of a page: '2', '- 2 -', 'Trang 2', '2/7'.
_PAGE_NUMBER = regex.compile(r"[-–—]?\s*(?:trang\s*)?(\d{1,4})(?:\s*/\s*\d{1,4})?\s*[-–—]?", regex.IGNORECASE)
# LibreOffice and Word wrap lines after a hyphen: '2022-\n2025' was '2022-2025', 'KH-\nUBND' was 'KH-UBND'.
_WRAP_AFTER_HYPHEN = regex.compile(r"(?<=[\p{L}\p{N}]-)\n(?=[\p{L}\p{N}])")


def read_pdf(data: bytes, path: Path, limits: Limits = DEFAULT_LIMITS) -> SourceText:
    """Read a PDF plan; pages joined by '\\n', ``page_starts`` marking where each begins.

    The page count is checked against ``limits`` before any page is read.
    """
    pages, encoding = _page_texts(data, path, limits)
    starts, offset = [], 0
    for text in pages:
        starts.append(offset)
        offset += len(text) + 1
    return SourceText("\n".join(pages), tuple(starts), legacy_encoding=encoding)


def _page_texts(data: bytes, path: Path, limits: Limits) -> tuple[list[str], str | None]:
    """The normalised text of each page and the legacy encoding it was converted from, if any;
    NeedsOcr for a scan, UnreadableFile for a bad file."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            limits.check_pages(path, len(pdf.pages))
            if not pdf.pages:
                raise UnreadableFile(path, "the PDF has no pages", _ADVICE_DAMAGED)
            if not any(page.chars for page in pdf.pages):
                _raise_without_text(pdf.pages, path)
            raw = [page_text(page) for page in pdf.pages]
            fonts = {char.get("fontname") or "" for page in pdf.pages for char in page.chars}
    except KehoachError:
        raise
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFEncryptionError):
            raise UnreadableFile(path, "the PDF is encrypted with a password", _ADVICE_PASSWORD) from None
        raise UnreadableFile(path, f"cannot open it as PDF ({type(cause).__name__})", _ADVICE_DAMAGED) from None
    except Exception as error:  # pdfminer raises many types on a damaged page
        raise UnreadableFile(path, f"cannot read the PDF ({type(error).__name__}: {error})", _ADVICE_DAMAGED) from None
    raw, encoding = convert_legacy_pages(raw, fonts)
    texts = [normalise(text) for text in raw]
    return [drop_page_number(text, number) for number, text in enumerate(texts, 1)], encoding


def convert_legacy_pages(pages: list[str], fonts: set[str]) -> tuple[list[str], str | None]:
    """Pages typed in an old font encoding (a .VnTime PDF) made Unicode, decided over the whole document.

    Runs before ``normalise``, which would delete TCVN3's 'ư'. Pages are joined with form feeds,
    which no page text holds and no conversion touches, so they split back one for one.
    """
    converted, encoding = detect_and_convert("\f".join(page.replace("\f", "\n") for page in pages), fonts)
    if encoding is None:
        return pages, None
    return converted.split("\f"), encoding


def _raise_without_text(pages, path: Path) -> None:
    """NeedsOcr when the text-less pages hold images or drawn shapes (a scan); else UnreadableFile."""
    if any(page.images or page.curves for page in pages):
        raise NeedsOcr(
            path,
            "the PDF has no text layer (a scan)",
            "run OCR on it first (e.g. ocrmypdf) and extract the OCR'd PDF",
        )
    raise UnreadableFile(path, "the PDF's pages are empty (no text, no images)", "check that the right file was given")


def page_text(page) -> str:
    """Text of one pdfplumber page; each table's rows as tab-separated lines where the table stands."""
    if _has_doubled_chars(page.chars):  # bold faked by drawing each glyph twice doubles every letter
        page = page.dedupe_chars()
    tables = _tables(page)
    if not tables:
        return unwrap_hyphens(page.extract_text())
    boxes = [bbox for bbox, _ in tables]
    # Text above table k (and beside table k-1) goes between table k-1 and table k.
    bounds = [-math.inf] + [top for _, top, _, _ in boxes] + [math.inf]
    parts: list[str] = []
    for k in range(len(tables) + 1):
        band = page.filter(lambda obj, lo=bounds[k], hi=bounds[k + 1]: _in_band(obj, lo, hi, boxes))
        text = band.extract_text()
        if text.strip():
            parts.append(unwrap_hyphens(text))
        if k < len(tables):
            parts.extend("\t".join(row) for row in tables[k][1])
    return "\n".join(parts)


def _has_doubled_chars(chars: list[dict]) -> bool:
    """Whether some glyph is drawn twice at (almost) the same place; checked cheaply before deduping."""
    return any(
        a["text"] == b["text"] and abs(a["x0"] - b["x0"]) < 1 and abs(a["top"] - b["top"]) < 1
        for a, b in zip(chars, chars[1:])
    )


def _tables(page) -> list[tuple[tuple[float, float, float, float], list[list[str]]]]:
    """Ruled tables of the page, top to bottom, as (bbox, rows of one-line cells)."""
    if not page.edges:  # no ruling lines: nothing a table finder could use
        return []
    found = []
    for table in page.find_tables():
        rows = [[squash(cell or "") for cell in row] for row in table.extract()]
        if max((len(row) for row in rows), default=0) >= 2:  # a framed paragraph is not a table
            found.append((table.bbox, rows))
    return sorted(found, key=lambda item: item[0][1])


def _in_band(obj: dict, lo: float, hi: float, boxes: list) -> bool:
    """Whether an object's centre is between ``lo`` and ``hi`` and outside every table box."""
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    if not lo <= y < hi:
        return False
    return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def unwrap_hyphens(text: str) -> str:
    """Undo a line wrap that fell right after a hyphen inside a token."""
    return _WRAP_AFTER_HYPHEN.sub("", text)


def drop_page_number(text: str, number: int) -> str:
    """Remove a first or last line that is only this page's number."""
    lines = text.split("\n")
    for index in (0, -1):
        match = _PAGE_NUMBER.fullmatch(lines[index].strip()) if lines else None
        if match and int(match.group(1)) == number:
            del lines[index]
    return "\n".join(lines)
