"""Ruled PDF pages read with pdfium and pdf_grid give what pdfplumber's table finder gave.

pdfplumber read these pages before (its ``find_tables`` with default settings, bands of text
between the tables); the reference below is that reading, kept here to compare against.
"""

import io
import itertools
import math

import pypdfium2
import pytest

from extractor.readers import pdf as pdf_reader
from extractor.text import squash
from pdf_files import pdf_file

pdfplumber = pytest.importorskip("pdfplumber")


# --- a minimal PDF writer ---------------------------------------------------------------------------


def _pdf(pages: list[dict], forms: list[bytes] = ()) -> bytes:
    """Pages given as {'content', 'mediabox', 'rotate'}; Helvetica as /F1, Courier as /F2; ``forms`` as /X1, /X2..."""
    count = len(pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count)), count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    courier = 4 + 2 * count + len(forms)
    first_form = 4 + 2 * count
    xobjects = b" ".join(b"/X%d %d 0 R" % (n + 1, first_form + n) for n in range(len(forms)))
    for index, page in enumerate(pages):
        box = b" ".join(b"%d" % v for v in page.get("mediabox", (0, 0, 300, 300)))
        rotate = b" /Rotate %d" % page["rotate"] if page.get("rotate") else b""
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [%s]%s /Resources << /Font << /F1 3 0 R /F2 %d 0 R >>"
            b" /XObject << %s >> >> /Contents %d 0 R >>" % (box, rotate, courier, xobjects, 5 + 2 * index)
        )
        content = page["content"]
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    for form in forms:
        objects.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Length %d >>\nstream\n%s\nendstream" % (len(form), form)
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
    return pdf_file(objects)


def _text(x: float, y: float, words: str, size: int = 10) -> bytes:
    return b"BT /F1 %d Tf %g %g Td (%s) Tj ET\n" % (size, x, y, words.encode("latin-1"))


def _doubled(x: float, y: float, words: str) -> bytes:
    """Bold faked by drawing each glyph twice, 0.3 points apart (Courier: 6 points a glyph at 10 points)."""
    return b"".join(
        b"BT /F2 10 Tf %g %g Td (%s) Tj ET\nBT /F2 10 Tf %g %g Td (%s) Tj ET\n"
        % (x + 6 * i, y, c.encode(), x + 6 * i + 0.3, y, c.encode())
        for i, c in enumerate(words)
    )


def _lines(xs: list[float], ys: list[float]) -> bytes:
    """A grid of stroked lines: horizontal at ``ys`` across the xs, vertical at ``xs`` down the ys."""
    out = [b"%g %g m %g %g l S" % (min(xs), y, max(xs), y) for y in ys]
    out += [b"%g %g m %g %g l S" % (x, min(ys), x, max(ys)) for x in xs]
    return b"0.5 w\n" + b"\n".join(out) + b"\n"


def _boxes(xs: list[float], ys: list[float]) -> bytes:
    """A grid drawn cell by cell as stroked rectangles (as fpdf2 draws its tables)."""
    ys = sorted(ys)
    out = [b"%g %g %g %g re S" % (x0, y0, x1 - x0, y1 - y0) for y0, y1 in itertools.pairwise(ys) for x0, x1 in itertools.pairwise(xs)]
    return b"0.5 w\n" + b"\n".join(out) + b"\n"


def _bars(xs: list[float], ys: list[float]) -> bytes:
    """A grid of thin filled rectangles (as Word and LibreOffice draw cell borders)."""
    out = [b"%g %g %g 0.6 re f" % (min(xs), y, max(xs) - min(xs)) for y in ys]
    out += [b"%g %g 0.6 %g re f" % (x, min(ys), max(ys) - min(ys)) for x in xs]
    return b"\n".join(out) + b"\n"


# --- the reference: pdfplumber's reading, as the reader had it ---------------------------------------


def _plumber_parts(page) -> list | None:
    chars = page.chars
    if any(a["text"] == b["text"] and abs(a["x0"] - b["x0"]) < 1 and abs(a["top"] - b["top"]) < 1 for a, b in itertools.pairwise(chars)):
        page = page.dedupe_chars()
    if not page.edges:
        return None
    tables = []
    for table in page.find_tables():
        rows = [[squash(cell or "") for cell in row] for row in table.extract()]
        if max((len(row) for row in rows), default=0) >= 2:
            tables.append((table.bbox, rows))
    tables.sort(key=lambda item: item[0][1])
    if not tables:
        return None
    boxes = [bbox for bbox, _ in tables]
    bounds = [-math.inf] + [top for _, top, _, _ in boxes] + [math.inf]

    def in_band(obj, lo, hi):
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return lo <= y < hi and not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    parts = []
    for k in range(len(tables) + 1):
        text = page.filter(lambda obj, lo=bounds[k], hi=bounds[k + 1]: in_band(obj, lo, hi)).extract_text()
        if text.strip():
            parts.append(text)
        if k < len(tables):
            parts.append(tables[k][1])
    return parts


def _both(data: bytes) -> list[tuple[list | None, list | None]]:
    """(pdfium + pdf_grid, pdfplumber) parts of every page."""
    document = pypdfium2.PdfDocument(data)
    try:
        ours = [pdf_reader.scan_page(document, index).parts for index in range(len(document))]
    finally:
        document.close()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        theirs = [_plumber_parts(page) for page in pdf.pages]
    return list(zip(ours, theirs, strict=True))


# --- pages ------------------------------------------------------------------------------------------

_TWO_TABLES = (
    _text(20, 280, "Above the first table")
    + _lines([20, 100, 180], [260, 240, 220])
    + _text(25, 245, "Village")
    + _text(105, 245, "Poor households")
    + _text(25, 225, "Thon To")
    + _text(105, 225, "8")
    + _text(200, 230, "Beside it")
    + _text(20, 190, "Between the tables")
    + _boxes([20, 60, 140, 180], [160, 140, 120])
    + _text(25, 145, "1")
    + _text(65, 145, "Total of")
    + _text(65, 135, "all")  # just under the rule at 140: the second row's
    + _text(145, 145, "67")
    + _text(20, 100, "Below both tables")
)

# A header cell spanning two columns, the grid of thin filled bars, a cell of two lines.
_SPANNING = (
    _text(20, 285, "KE HOACH")
    + _bars([20, 80, 150, 220], [270, 250, 230, 190])
    + b"1 1 1 rg 80.2 250.6 69.6 19.2 re f 0 0 0 rg\n"  # white over the bar under the span: no edge is erased
    + _text(25, 255, "TT")
    + _text(85, 255, "Ho ngheo")
    + _text(25, 235, "1")
    + _text(85, 235, "12")
    + _text(155, 235, "3,5%")
    + _text(85, 215, "Thon")
    + _text(85, 203, "Tan Lap")
    + _text(155, 210, "ghi chu")
)

_SPAN_CELL = (
    _lines([20, 100, 180], [260, 240, 220])
    + b"0.5 w 100 260 m 100 240 l S\n"  # a real spanning header: no rule between the two top cells
)


def _span_header_page() -> bytes:
    # top row: one cell from 20 to 180 (no vertical rule at 100 in it); second row: two cells.
    content = (
        b"0.5 w 20 260 m 180 260 l S 20 240 m 180 240 l S 20 220 m 180 220 l S\n"
        b"20 260 m 20 220 l S 180 260 m 180 220 l S 100 240 m 100 220 l S\n"
        + _text(25, 245, "Ket qua giam ngheo")
        + _text(25, 225, "Thon A")
        + _text(105, 225, "14")
    )
    return _pdf([{"content": content}])


_FRAMED = _text(25, 250, "Ghi chu: a framed note, one cell") + b"0.5 w 20 240 200 25 re S\n" + _text(20, 200, "after")

_BOLD = (
    _lines([20, 100, 180], [260, 240, 220])
    + _doubled(25, 245, "Thon")
    + _doubled(105, 245, "So ho")
    + _text(25, 225, "A")
    + _text(105, 225, "5")
    + _doubled(20, 270, "KE HOACH")
)
# The same drawn a text object at a time: pdfplumber's check (a glyph twice in a row) missed it.
_BOLD_BY_OBJECT = (
    _lines([20, 100, 180], [260, 240, 220])
    + _text(25, 245, "Thon")
    + b"BT /F1 10 Tf 25.3 245 Td (Thon) Tj ET\n"
    + _text(25, 225, "A")
    + _text(20, 270, "KE HOACH")
    + b"BT /F1 10 Tf 20.3 270 Td (KE HOACH) Tj ET\n"
)

_GAPS = (
    _lines([20, 100, 180], [260, 240])
    + b"BT /F1 10 Tf 25 245 Td [(So) -200 (ho)] TJ ET\n"  # 2 points apart: one word to pdfplumber
    + b"BT /F1 10 Tf 105 245 Td [(Ty) -600 (le)] TJ ET\n"  # 6 points apart: two words
)


def _upright_on_rotated(rotate: int) -> bytes:
    """A table reading upright on a page displayed rotated (a landscape annex)."""
    # Drawn in a portrait space of 200 x 300 (u across, v up) mapped onto the page so that it reads
    # upright once the page is turned by /Rotate.
    matrix = {90: b"0 1 -1 0 300 0", 180: b"-1 0 0 -1 200 300", 270: b"0 -1 1 0 0 200"}[rotate]
    box = (0, 0, 300, 200) if rotate in (90, 270) else (0, 0, 200, 300)
    body = (
        _text(20, 280, "PHU LUC")
        + _lines([20, 60, 180], [270, 250, 230])
        + _text(25, 255, "TT")
        + _text(65, 255, "Don vi")
        + _text(25, 235, "1")
        + _text(65, 235, "Thon Moi")
        + _text(20, 200, "Nguoi lap bieu")
    )
    return _pdf([{"content": b"q " + matrix + b" cm\n" + body + b"Q\n", "mediabox": box, "rotate": rotate}])


_OFFSET = {
    "content": _text(120, 380, "Shifted page") + _boxes([120, 200, 280], [360, 340, 320]) + _text(125, 345, "a")
    + _text(205, 345, "b") + _text(125, 325, "c") + _text(205, 325, "d"),
    "mediabox": (100, 100, 400, 400),
}

_IN_FORM = b"q 0.8 0 0 0.8 20 10 cm /X1 Do Q\n" + _text(20, 20, "under the form")
_FORM = _text(10, 280, "In a form") + _lines([10, 90, 170], [260, 240, 220]) + _text(15, 245, "x") + _text(95, 245, "y") + _text(15, 225, "z")


@pytest.mark.parametrize(
    "data",
    [
        _pdf([{"content": _TWO_TABLES}]),
        _pdf([{"content": _SPANNING}]),
        _span_header_page(),
        _pdf([{"content": _FRAMED}]),
        _pdf([{"content": _BOLD}]),
        _pdf([{"content": _GAPS}]),
        _upright_on_rotated(90),
        _upright_on_rotated(180),
        _upright_on_rotated(270),
        _pdf([_OFFSET]),
        _pdf([{"content": _IN_FORM}], forms=[_FORM]),
        _pdf([{"content": _lines([20, 100, 180], [260, 240])}, {"content": _text(20, 250, "text")}]),
    ],
    ids=[
        "two tables, text beside",
        "thin bars, span",
        "spanning header",
        "framed note",
        "doubled glyphs",
        "word gaps",
        "rotate 90",
        "rotate 180",
        "rotate 270",
        "mediabox offset",
        "form xobject",
        "empty table",
    ],
)
def test_ruled_pages_read_as_pdfplumber_read_them(data):
    for ours, theirs in _both(data):
        assert ours == theirs


def test_the_reference_pages_have_tables_where_expected():
    # The comparison above is only worth something if the pages do hold what they are meant to.
    (two_tables, _), = _both(_pdf([{"content": _TWO_TABLES}]))
    assert two_tables[0] == "Above the first table"
    assert two_tables[1] == [["Village", "Poor households"], ["Thon To", "8"]]
    assert two_tables[2] == "Beside it\nBetween the tables"
    assert two_tables[3] == [["1", "Total of", "67"], ["", "all", ""]]
    assert two_tables[4] == "Below both tables"
    (spanning, _), = _both(_pdf([{"content": _SPANNING}]))
    assert spanning[1][-1] == ["", "Thon Tan Lap", "ghi chu"]
    (header, _), = _both(_span_header_page())
    assert header == [[["Ket qua giam ngheo", ""], ["Thon A", "14"]]]
    (framed, _), = _both(_pdf([{"content": _FRAMED}]))
    assert framed is None
    (bold, _), = _both(_pdf([{"content": _BOLD}]))
    assert bold == ["KE HOACH", [["Thon", "So ho"], ["A", "5"]]]
    (by_object, plumber), = _both(_pdf([{"content": _BOLD_BY_OBJECT}]))
    assert by_object == ["KE HOACH", [["Thon", ""], ["A", ""]]]
    assert plumber == ["KKEE HHOOAACCHH", [["TThhoonn", ""], ["A", ""]]]  # what pdfplumber read
    (gaps, _), = _both(_pdf([{"content": _GAPS}]))
    assert gaps == [[["Soho", "Ty le"]]]
    (rotated, _), = _both(_upright_on_rotated(90))
    assert rotated == ["PHU LUC", [["TT", "Don vi"], ["1", "Thon Moi"]], "Nguoi lap bieu"]
    (form, _), = _both(_pdf([{"content": _IN_FORM}], forms=[_FORM]))
    assert form == ["In a form", [["x", "y"], ["z", ""]], "under the form"]
