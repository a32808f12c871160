"""Ruled tables of PDF pages, with the text around them (the only module importing pdfplumber).

pdfplumber finds tables from a page's ruling lines; it is slow, so the PDF reader asks only for the
pages whose drawn shapes could rule a table, and reads every other page with pdfium.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Iterable

import pdfplumber

from extractor.text import squash

Table = list[list[str]]  # rows of one-line cells


def ruled_pages(data: bytes, indexes: Iterable[int]) -> dict[int, list[str | Table]]:
    """For each page (0-based index) on which pdfplumber finds a table of two or more columns: its
    text bands and tables top to bottom. Pages without one, or that pdfplumber fails on, are left out
    (the reader keeps pdfium's text for them)."""
    indexes = list(indexes)
    if not indexes:
        return {}
    found: dict[int, list[str | Table]] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index in indexes:
                parts = _page_parts_or_none(pdf, index)
                if parts is not None:
                    found[index] = parts
    except Exception:  # noqa: BLE001 -- pdfplumber cannot open what pdfium could: keep pdfium's text
        return found
    return found


def _page_parts_or_none(pdf, index: int) -> list[str | Table] | None:
    """``page_parts`` of one page; None also when pdfminer fails on it (pdfium read it, its text stands)."""
    try:
        return page_parts(pdf.pages[index])
    except Exception:  # noqa: BLE001 -- pdfminer raises many types on a damaged page
        return None


def page_parts(page) -> list[str | Table] | None:
    """Text above, between and below the page's tables, and the tables; None when it has no table."""
    if _has_doubled_chars(page.chars):  # bold faked by drawing each glyph twice doubles every letter
        page = page.dedupe_chars()
    tables = _tables(page)
    if not tables:
        return None
    boxes = [bbox for bbox, _ in tables]
    # Text above table k (and beside table k-1) goes between table k-1 and table k.
    bounds = [-math.inf] + [top for _, top, _, _ in boxes] + [math.inf]
    parts: list[str | Table] = []
    for k in range(len(tables) + 1):
        band = page.filter(lambda obj, lo=bounds[k], hi=bounds[k + 1]: _in_band(obj, lo, hi, boxes))
        text = band.extract_text()
        if text.strip():
            parts.append(text)
        if k < len(tables):
            parts.append(tables[k][1])
    return parts


def _has_doubled_chars(chars: list[dict]) -> bool:
    """Whether some glyph is drawn twice at (almost) the same place; checked cheaply before deduping."""
    return any(
        a["text"] == b["text"] and abs(a["x0"] - b["x0"]) < 1 and abs(a["top"] - b["top"]) < 1
        for a, b in itertools.pairwise(chars)
    )


def _tables(page) -> list[tuple[tuple[float, float, float, float], Table]]:
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
