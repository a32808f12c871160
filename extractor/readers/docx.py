"""Word .docx plans: body paragraphs and tables in document order (the only module importing docx)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn

from extractor.errors import UnreadableFile
from extractor.text import SourceText, normalise, squash

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ADVICE = "the file is damaged or not a Word .docx; re-save it from Word"

_P, _TBL = qn("w:p"), qn("w:tbl")
# Block-level wrappers whose children are paragraphs and tables again.
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}
# Runs the reader shows: tracked insertions and hyperlinks yes; deletions, moved-away text and
# text boxes (drawn shapes, usually logos or stamps) no.
_VISIBLE_RUNS = ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent)]"


def read_docx(data: bytes, path: Path) -> SourceText:
    """Read a .docx plan: one line per paragraph, one tab-separated line per table row."""
    document = _open(data, path)
    lines = [line for block in _blocks(document.element.body) for line in _block_lines(block)]
    return SourceText(normalise("\n".join(lines)))


def _open(data: bytes, path: Path) -> docx.document.Document:
    """The python-docx document, or UnreadableFile with advice."""
    if data.startswith(_OLE_MAGIC):
        raise UnreadableFile(
            path,
            "this is an old Word .doc or a password-protected document, not a .docx",
            "open it in Word, remove any password and save it as .docx",
        )
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # zipfile, lxml and python-docx all raise their own types
        raise UnreadableFile(path, f"cannot open it as .docx ({type(error).__name__}: {error})", _ADVICE) from None


def _blocks(parent) -> Iterator:
    """The w:p and w:tbl elements under ``parent``, in order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _block_lines(block) -> list[str]:
    """The lines of one paragraph (soft breaks kept) or one table."""
    if block.tag == _P:
        return [paragraph_text(block)]
    return table_lines(block)


def paragraph_text(p) -> str:
    """The visible text of a w:p element: runs, tabs and soft line breaks ('\\n')."""
    return "".join(run.text for run in p.xpath(_VISIBLE_RUNS))


def table_lines(tbl) -> list[str]:
    """One line per row of a w:tbl, cells joined by tabs; a merged cell appears once."""
    lines = []
    for tr in tbl.iterchildren(qn("w:tr")):
        cells = [_cell_text(tc) for tc in _row_cells(tr)]
        lines.append("\t".join(cells))
    return lines


def _row_cells(tr) -> Iterator:
    """The w:tc elements of a row, each once however many grid columns it spans."""
    for child in tr.iterchildren():
        if child.tag == qn("w:tc"):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _row_cells(child)


def _cell_text(tc) -> str:
    """A cell's text on one line; the lower parts of a vertical merge are empty, as in a PDF."""
    if tc.vMerge == "continue":
        return ""
    parts = []
    for block in _blocks(tc):
        if block.tag == _P:
            parts.append(paragraph_text(block))
        else:  # a table inside the cell: its cells in reading order
            parts.extend(table_lines(block))
    return squash(" ".join(parts))
