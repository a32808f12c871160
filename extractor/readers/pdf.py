"""PDF plans: text per page from pypdfium2 (the only module importing it), ruled tables from pdf_grid.

pdfium reads a page's text in about a millisecond. A page whose drawn shapes could rule a table (two
horizontal and three vertical edges at least) also has its shapes' segments and, near the tables
they rule, its characters' boxes read from pdfium; pdf_grid finds the tables as pdfplumber's table
finder did (at a few per cent of its cost), and the page is rendered as its text bands with each
table's rows as tab-separated lines in place.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium
import regex

from extractor.errors import KehoachError, NeedsOcr, UnreadableFile
from extractor.limits import DEFAULT_LIMITS, Limits
from extractor.readers import pdf_grid
from extractor.readers.legacy import detect_and_convert
from extractor.text import SourceText, normalise

_ADVICE_DAMAGED = "the file is damaged or not a PDF; export it again to PDF, or give the .docx"
_ADVICE_PASSWORD = "remove the password (print or export to a new PDF) and extract that PDF"

# A page-number line at the top or bottom of a page: '2', '- 2 -', 'Trang 2', '2/7'.
_PAGE_NUMBER = regex.compile(r"[-–—]?\s*(?:trang\s*)?(\d{1,4})(?:\s*/\s*\d{1,4})?\s*[-–—]?", regex.IGNORECASE)
# LibreOffice and Word wrap lines after a hyphen: '2022-\n2025' was '2022-2025', 'KH-\nUBND' was 'KH-UBND'.
_WRAP_AFTER_HYPHEN = regex.compile(r"(?<=[\p{L}\p{N}]-)\n(?=[\p{L}\p{N}])")
# pdfium joins a word it sees hyphenated over a line end itself and marks the hyphen U+FFFE.
_PDFIUM_HYPHEN = "\ufffe"
# A drawn shape thinner than this (points) is a rule (a line), not an area.
_RULE_WIDTH = 2.0
_MIN_RULE_LENGTH = 3.0  # pdfplumber's edge_min_length: shorter marks are not table edges
_DEPTH = 8  # form XObjects nested deeper than this are not looked into

Matrix = tuple[float, float, float, float, float, float]  # a, b, c, d, e, f: x' = ax + cy + e, y' = bx + dy + f
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


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


@dataclass
class PageScan:
    """What one page holds: its text (lines in reading order), its fonts, and its drawn shapes."""

    text: str  # empty when the page is read as ``parts``
    chars: int
    fonts: set[str] = field(default_factory=set)
    images: int = 0
    curves: int = 0  # paths with a Bézier segment (glyphs drawn as outlines), counted on text-less pages only
    parts: list[str | pdf_grid.Rows] | None = None  # text bands and ruled tables, when the page has a table


def _page_texts(data: bytes, path: Path, limits: Limits) -> tuple[list[str], str | None]:
    """The normalised text of each page and the legacy encoding it was converted from, if any;
    NeedsOcr for a scan, UnreadableFile for a bad file."""
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium.FPDF_ERR_PASSWORD:
            raise UnreadableFile(path, "the PDF is encrypted with a password", _ADVICE_PASSWORD) from None
        raise UnreadableFile(path, f"cannot open it as PDF ({_reason(error)})", _ADVICE_DAMAGED) from None
    try:
        limits.check_pages(path, len(pdf))
        if not len(pdf):
            raise UnreadableFile(path, "cannot open it as PDF (it has no pages)", _ADVICE_DAMAGED)
        scans = [scan_page(pdf, index) for index in range(len(pdf))]
    except KehoachError:
        raise
    except Exception as error:  # noqa: BLE001 -- pdfium fails a damaged page with PdfiumError, ctypes otherwise
        raise UnreadableFile(path, f"cannot read the PDF ({type(error).__name__}: {error})", _ADVICE_DAMAGED) from None
    finally:
        pdf.close()
    if not any(scan.chars for scan in scans):
        _raise_without_text(scans, path)
    raw = [scan.text if scan.parts is None else render_parts(scan.parts) for scan in scans]
    fonts = set().union(*(scan.fonts for scan in scans))
    raw, encoding = convert_legacy_pages(raw, fonts)
    texts = [normalise(text) for text in raw]
    return [drop_page_number(text, number) for number, text in enumerate(texts, 1)], encoding


def _reason(error: Exception) -> str:
    """pdfium's own words for a load failure: 'Data format error' from '... (PDFium: Data format error).'."""
    found = regex.search(r"PDFium: ([^)]+)", str(error))
    return f"PDFium: {found.group(1)}" if found else type(error).__name__


def scan_page(pdf: pypdfium2.PdfDocument, index: int) -> PageScan:
    """One page read by pdfium: text with hyphen wraps undone, fonts, images, and ruled tables."""
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            chars = textpage.count_chars()
            scan = PageScan("", chars)
            rules = _Rules()
            _scan_objects(page.raw, scan, rules, _FontNames(), 0, None, _IDENTITY)
            if rules.could_be_table():
                scan.parts = ruled_parts(page, textpage, rules.paths)
            if chars and scan.parts is None:  # a page with tables is read as its parts instead
                scan.text = page_text(textpage)
        finally:
            textpage.close()
    finally:
        page.close()
    return scan


def page_text(textpage: pypdfium2.PdfTextPage) -> str:
    """A page's text: pdfium's lines put in reading order (top to bottom, then left to right), as
    pdfplumber lays them out, so that a header's two columns side by side become one line each."""
    text = textpage.get_text_range().replace(_PDFIUM_HYPHEN, "-")
    if "\r\n" not in text:
        return unwrap_hyphens(text)
    placed = [
        (top, left, number, line)
        for number, (_, line, left, top) in enumerate(_placed_lines(textpage, text, _DISPLAY[0]))
    ]
    return unwrap_hyphens("\n".join(pdf_grid.reading_order(placed)))


def _placed_lines(textpage: pypdfium2.PdfTextPage, text: str, display: Matrix) -> list[tuple[int, str, float, float]]:
    """The lines of ``text`` (the text page's, split at pdfium's line breaks) that are not blank, as (start,
    line, left, top): each placed by its first character's origin in ``display`` coordinates, or, when
    pdfium cannot place it, where the line before it was."""
    a, b, c, d, _, _ = display
    placed: list[tuple[int, str, float, float]] = []
    start = 0
    x, y = ctypes.c_double(), ctypes.c_double()
    for line in text.split("\r\n"):
        first = start + len(line) - len(line.lstrip())
        if first < start + len(line):  # a blank line has no place (pdfplumber has none either)
            if pdfium.FPDFText_GetCharOrigin(textpage.raw, first, x, y):
                left, top = a * x.value + c * y.value, b * x.value + d * y.value
            else:
                left, top = placed[-1][2:] if placed else (0.0, -float("inf"))
            placed.append((start, line, left, top))
        start += len(line) + 2
    return placed


class _FontNames:
    """Base font names by font handle, asked of pdfium once per font and page."""

    def __init__(self) -> None:
        self.names: dict[int, str] = {}

    def name(self, font) -> str:
        key = ctypes.addressof(font.contents)  # the handle's address (ten times faster than a cast)
        if key not in self.names:
            size = pdfium.FPDFFont_GetBaseFontName(font, None, 0)
            buffer = ctypes.create_string_buffer(max(size, 1))
            if size:
                pdfium.FPDFFont_GetBaseFontName(font, buffer, size)
            self.names[key] = buffer.value.decode("utf-8", "replace")
        return self.names[key]


class _Rules:
    """Horizontal and vertical edges counted from drawn shapes, to tell a page that may hold a ruled
    table; the paths kept (with the matrix of the form they are drawn in) to read their segments then."""

    def __init__(self) -> None:
        self.horizontal = self.vertical = 0
        self.paths: list[tuple[object, Matrix]] = []
        self.bounds = tuple(ctypes.c_float() for _ in range(4))

    def add(self, path, matrix: Matrix) -> None:
        self.paths.append((path, matrix))
        left, bottom, right, top = self.bounds
        if not pdfium.FPDFPageObj_GetBounds(path, left, bottom, right, top):
            return
        width, height = right.value - left.value, top.value - bottom.value
        if width <= _RULE_WIDTH and height >= _MIN_RULE_LENGTH:
            self.vertical += 1
        elif height <= _RULE_WIDTH and width >= _MIN_RULE_LENGTH:
            self.horizontal += 1
        elif width >= _MIN_RULE_LENGTH and height >= _MIN_RULE_LENGTH:
            # A rectangle gives two edges each way; a path of more segments may be a whole grid.
            edges = 2 if pdfium.FPDFPath_CountSegments(path) <= 5 else 3
            self.horizontal += edges
            self.vertical += edges

    def could_be_table(self) -> bool:
        """Two rows' rules and three columns' (a table of at least two columns, as pdf_grid keeps)."""
        return self.horizontal >= 2 and self.vertical >= 3


def _scan_objects(parent, scan: PageScan, rules: _Rules, fonts: _FontNames, depth: int, form, matrix: Matrix) -> None:
    """Fonts of text objects, images and rules of a page (``form`` None) or of a form XObject in it
    (``matrix`` maps the form's space to the page's)."""
    count = pdfium.FPDFPage_CountObjects(parent) if form is None else pdfium.FPDFFormObj_CountObjects(form)
    for index in range(count):
        obj = pdfium.FPDFPage_GetObject(parent, index) if form is None else pdfium.FPDFFormObj_GetObject(form, index)
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind == pdfium.FPDF_PAGEOBJ_TEXT:
            font = pdfium.FPDFTextObj_GetFont(obj)
            if font:
                scan.fonts.add(fonts.name(font))
        elif kind == pdfium.FPDF_PAGEOBJ_PATH:
            rules.add(obj, matrix)
            if not scan.chars and _is_curve(obj):
                scan.curves += 1
        elif kind == pdfium.FPDF_PAGEOBJ_IMAGE:
            scan.images += 1
        elif kind == pdfium.FPDF_PAGEOBJ_FORM and depth < _DEPTH:
            _scan_objects(parent, scan, rules, fonts, depth + 1, obj, _combine(_matrix(obj), matrix))


def _is_curve(path) -> bool:
    """Whether a path has a Bézier segment, as pdfplumber's ``curves`` (ruled lines and boxes are not curves)."""
    return any(
        pdfium.FPDFPathSegment_GetType(pdfium.FPDFPath_GetPathSegment(path, index)) == pdfium.FPDF_SEGMENT_BEZIERTO
        for index in range(pdfium.FPDFPath_CountSegments(path))
    )


# --- ruled tables ---------------------------------------------------------------------------------


def ruled_parts(page: pypdfium2.PdfPage, textpage: pypdfium2.PdfTextPage, paths) -> list[str | pdf_grid.Rows] | None:
    """A page's text bands and ruled tables of two or more columns, top to bottom; None when it has none.

    Coordinates are turned into the page as displayed (its /Rotate applied, ``top`` downwards), as
    pdfplumber has them, so that top to bottom and left to right are the reader's.
    """
    display = _DISPLAY[page.get_rotation() % 360]
    subpaths = [subpath for path, matrix in paths for subpath in _subpaths(path, _combine(matrix, display))]
    tables = pdf_grid.ruled_tables(pdf_grid.edges_of_paths(subpaths))
    if not tables:
        return None
    return pdf_grid.page_parts(tables, _text_lines(textpage, tables, display))


# Page space to the page as displayed, (x, top), by the page's rotation; no translation: nothing here
# depends on where the origin is.
_DISPLAY: dict[int, Matrix] = {
    0: (1.0, 0.0, 0.0, -1.0, 0.0, 0.0),
    90: (0.0, 1.0, 1.0, 0.0, 0.0, 0.0),
    180: (-1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
    270: (0.0, -1.0, -1.0, 0.0, 0.0, 0.0),
}


def _matrix(obj) -> Matrix:
    found = pdfium.FS_MATRIX()
    if not pdfium.FPDFPageObj_GetMatrix(obj, found):
        return _IDENTITY
    return (found.a, found.b, found.c, found.d, found.e, found.f)


def _combine(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` and then ``outer``."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer  # the outer matrix, by PDF's names for its entries
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _subpaths(path, outer: Matrix) -> list[tuple[list[tuple[float, float]], bool]]:
    """A path's subpaths as (points, closed), each segment's end point (a Bézier curve's control
    points left out) mapped by the path's matrix and then ``outer``. pdfium closes a subpath with
    a segment back to its start point, which stands for the closing: 'closed' is never needed."""
    a, b, c, d, e, f = _combine(_matrix(path), outer)
    get_segment, get_type, get_point = pdfium.FPDFPath_GetPathSegment, pdfium.FPDFPathSegment_GetType, pdfium.FPDFPathSegment_GetPoint
    found: list[tuple[list[tuple[float, float]], bool]] = []
    points: list[tuple[float, float]] = []
    curve_points = 0
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(pdfium.FPDFPath_CountSegments(path)):
        segment = get_segment(path, index)
        kind = get_type(segment)
        if kind == pdfium.FPDF_SEGMENT_BEZIERTO:
            curve_points += 1
            if curve_points % 3:
                continue  # a control point
        else:
            curve_points = 0
        if not get_point(segment, x, y):
            continue
        px, py = x.value, y.value
        point = (a * px + c * py + e, b * px + d * py + f)
        if kind == pdfium.FPDF_SEGMENT_MOVETO and points:
            found.append((points, False))
            points = []
        points.append(point)
    if points:
        found.append((points, False))
    return found


def _text_lines(textpage: pypdfium2.PdfTextPage, tables: list[pdf_grid.Table], display: Matrix) -> list[pdf_grid.Line]:
    """The page's text lines as ``page_text`` splits them, each placed by its first character's
    origin; the characters (with their boxes) of the lines near a table."""
    if not textpage.count_chars():
        return []
    text = textpage.get_text_range().replace(_PDFIUM_HYPHEN, "-")
    lines = []
    for start, line, left, top in _placed_lines(textpage, text, display):
        chars = _chars(textpage, start, line, display) if pdf_grid.near_table(top, tables) else None
        lines.append(pdf_grid.Line(line, top, left, chars))
    return lines


def _chars(textpage: pypdfium2.PdfTextPage, start: int, line: str, display: Matrix) -> list[pdf_grid.Char]:
    """A line's characters with their boxes, displayed: from the glyph's origin to its advance
    across, and the font size's height over the baseline, as pdfminer boxes them (pdfium's own boxes
    follow the glyph's outline: an 'Ô' would stand 3 points taller than the 'ng' after it). Spaces
    pdfium inserted between words itself are left out (pdfplumber sees only drawn characters)."""
    raw = textpage.raw
    a, b, c, d, _, _ = display  # x across depends on one page coordinate only, top on the other
    is_generated, get_box = pdfium.FPDFText_IsGenerated, pdfium.FPDFText_GetLooseCharBox
    get_origin, get_size = pdfium.FPDFText_GetCharOrigin, pdfium.FPDFText_GetFontSize
    on_baseline = pdf_grid.Char.on_baseline
    box = pdfium.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    chars = []
    for index, char in enumerate(line, start):
        if char.isspace() and is_generated(raw, index) == 1:
            continue
        if not get_box(raw, index, box) or not get_origin(raw, index, x, y):
            continue
        x0, x1 = a * box.left + c * box.bottom, a * box.right + c * box.top
        if x1 < x0:
            x0, x1 = x1, x0
        chars.append(on_baseline(char, x0, x1, b * x.value + d * y.value, get_size(raw, index)))
    return chars


def render_parts(parts: list[str | pdf_grid.Rows]) -> str:
    """A ruled page from pdf_grid: its text bands with hyphen wraps undone, each table's rows as tab lines."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(unwrap_hyphens(part))
        else:
            out.extend("\t".join(row) for row in part)
    return "\n".join(out)


def convert_legacy_pages(pages: list[str], fonts: set[str]) -> tuple[list[str], str | None]:
    """Pages typed in an old font encoding (a .VnTime PDF) made Unicode, decided over the whole document.

    Runs before ``normalise``, which would delete TCVN3's 'ư'. Pages are joined with form feeds,
    which no page text holds and no conversion touches, so they split back one for one.
    """
    converted, encoding = detect_and_convert("\f".join(page.replace("\f", "\n") for page in pages), fonts)
    if encoding is None:
        return pages, None
    return converted.split("\f"), encoding


def _raise_without_text(scans: list[PageScan], path: Path) -> None:
    """NeedsOcr when the text-less pages hold images or curves (a scan, or text drawn as outlines); else UnreadableFile."""
    if any(scan.images or scan.curves for scan in scans):
        raise NeedsOcr(
            path,
            "the PDF has no text layer (a scan)",
            "run OCR on it first (e.g. ocrmypdf) and extract the OCR'd PDF",
        )
    raise UnreadableFile(path, "the PDF's pages are empty (no text, no images)", "check that the right file was given")


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
