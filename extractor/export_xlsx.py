"""The spreadsheet export: one sheet per table and view; the only module that imports openpyxl."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from extractor import store
from extractor.vocab.columns import COLUMN_LABELS, SHEET_NAMES, is_vnd

VND_FORMAT = "#,##0"
SKIPPED_COLUMNS = {("documents", "text")}  # whole documents do not fit in a cell (32,767 characters)
MAX_CELL_CHARS = 32_767
MAX_ROWS = 1_048_575  # Excel's limit, less the header row
_WIDTH_SAMPLE, _MIN_WIDTH, _MAX_WIDTH = 200, 6, 60


def export_xlsx(db, out: Path | str) -> dict[str, int]:
    """Write every table and view of ``db`` to the workbook ``out``; rows written per table or view.

    A table longer than an Excel sheet goes on in sheets named '<name> (2)', '<name> (3)'...
    """
    workbook = Workbook(write_only=True)
    written = {}
    for name in store.table_names(db):
        columns = [c for c in store.column_names(db, name) if (name, c) not in SKIPPED_COLUMNS]
        written[name] = _write_sheet(workbook, db, name, columns)
    workbook.save(str(out))
    return written


def _write_sheet(workbook: Workbook, db, name: str, columns: list[str]) -> int:
    rows = iter(store.iter_rows(db, name, columns))
    sample = list(islice(rows, _WIDTH_SAMPLE))
    headers = [COLUMN_LABELS.get(column, column) for column in columns]
    widths = [
        min(_MAX_WIDTH, max(_MIN_WIDTH, max([len(header)] + [len(_shown(column, row[i])) for row in sample]) + 2))
        for i, (column, header) in enumerate(zip(columns, headers))
    ]
    vnd = [is_vnd(column) for column in columns]
    title = SHEET_NAMES.get(name, name)
    count, sheet = 0, None
    for row in (*sample, *rows):
        if count % MAX_ROWS == 0:
            part = count // MAX_ROWS + 1
            sheet = _new_sheet(workbook, title if part == 1 else f"{title[:25]} ({part})", headers, widths)
        sheet.append([_cell(sheet, value, VND_FORMAT if money else None) for value, money in zip(row, vnd)])
        count += 1
    if sheet is None:
        _new_sheet(workbook, title, headers, widths)
    return count


def _new_sheet(workbook: Workbook, title: str, headers: list[str], widths: list[int]):
    sheet = workbook.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append([_cell(sheet, header, font=Font(bold=True)) for header in headers])
    return sheet


def _cell(sheet, value, number_format: str | None = None, font: Font | None = None) -> WriteOnlyCell:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL_CHARS]
    cell = WriteOnlyCell(sheet, value=value)
    if number_format is not None and isinstance(value, (int, float)):
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    return cell


def _shown(column: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and is_vnd(column):
        return f"{value:,}"
    return str(value)
