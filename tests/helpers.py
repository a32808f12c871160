"""Helpers shared by the test modules: texts as each format gives them, corpus files read once."""

import textwrap
from functools import lru_cache

from conftest import CORPUS
from extractor.readers import read
from extractor.text import SourceText, normalise

# The header of the 004 annex table ('CHỈ TIÊU GIẢM NGHÈO CỤ THỂ CỦA TỪNG THÔN ...'), as every format gives it.
ANNEX_004_HEADER = [
    "TT",
    "Đơn vị",
    "Số hộ nghèo năm 2023 (hộ)",
    "Chỉ tiêu giao giảm nghèo năm 2024 (hộ)",
    "Số hộ cận nghèo năm 2023 (hộ)",
    "Số hộ cận nghèo giảm năm 2024 (hộ)",
    "Cán bộ phân công phụ trách",
]


def source(text: str) -> SourceText:
    """A text as the .txt reader gives it."""
    return SourceText(normalise(text))


def as_pdf(text: str, width: int = 90) -> SourceText:
    """The text as a PDF gives it: paragraphs wrapped over lines, no blank lines, table rows intact, pages known."""
    lines = []
    for line in normalise(text).split("\n"):
        if "\t" in line:
            lines.append(line)
        elif line.strip():
            lines.extend(textwrap.wrap(line, width=width, break_long_words=False))
    return SourceText("\n".join(lines), page_starts=(0,))


@lru_cache(maxsize=None)
def corpus(stem: str, fmt: str = "txt") -> SourceText:
    """The corpus file whose name starts with ``stem`` ('004' or the whole stem), read once."""
    return read(next(CORPUS.glob(f"{stem}*.{fmt}")))
