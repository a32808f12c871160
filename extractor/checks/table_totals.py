"""Table total rows: each summable cell of a 'Tổng' row against the rows it adds up."""

from __future__ import annotations

from decimal import Decimal

import regex

from extractor.checks.finding import finding, vn
from extractor.checks.precision import rounding_tolerance, within
from extractor.text import squash
from extractor.vocab import checks_totals as vocab
from extractor.vocab.tables import ROW_NUMBER_HEADERS
from schemas import Finding, PlanDocument, Table, TableCell, TableRow

_GROUP_ROW_RE = regex.compile(vocab.GROUP_ROW_NUMBER)
_BULLET_CELL_RE = regex.compile(r"^\s*[-+•*–]")
_ROW_NUMBER_RE = regex.compile(r"^[0-9]+$")


def table_findings(document: PlanDocument) -> list[Finding]:
    """Every summable cell of a table's total rows against the rows it adds up."""
    findings = []
    for table in document.tables:
        rows = [row for row in table.rows if not row.is_header]
        totals = [index for index, row in enumerate(rows) if row.is_total]
        if not totals:
            continue
        nested = _nested(rows)
        simple = not nested and len(totals) == 1 and totals[0] in (0, len(rows) - 1)
        for column in range(max(len(row.cells) for row in rows)):
            if not _summable(table, rows, column):
                continue
            for index in totals:
                found = _check_total_cell(table, rows, index, column, nested, simple)
                if found is not None:
                    findings.append(found)
    return findings


def _cell(row: TableRow, column: int) -> TableCell | None:
    return row.cells[column] if column < len(row.cells) else None


def _value(row: TableRow, column: int) -> Decimal:
    cell = _cell(row, column)
    return cell.number if cell is not None and cell.number is not None else Decimal(0)


def _nested(rows: list[TableRow]) -> bool:
    """True when some rows are groups of the rows below them ('I', 'A', '1.1', bulleted sub-rows)."""
    for row in rows:
        first = squash(row.cells[0].text) if row.cells else ""
        label = next((squash(cell.text) for cell in row.cells if cell.number is None and cell.text.strip()), "")
        if _GROUP_ROW_RE.match(first) or _BULLET_CELL_RE.match(label) or _BULLET_CELL_RE.match(first):
            return True
    return False


def _summable(table: Table, rows: list[TableRow], column: int) -> bool:
    """A column of counts or amounts: not row numbers, rates or years; every data cell a number or blank."""
    header = squash(table.header[column]).lower() if column < len(table.header) else ""
    if header in ROW_NUMBER_HEADERS or any(word in header for word in vocab.NON_SUM_HEADER_WORDS):
        return False
    data = [_cell(row, column) for row in rows if not row.is_total]
    numbers = [cell.number for cell in data if cell is not None and cell.number is not None]
    if len(numbers) < 2:
        return False
    for cell in data:
        if cell is None or cell.number is not None:
            if cell is not None and "%" in cell.text:
                return False
            continue
        if squash(cell.text) not in vocab.ZERO_CELLS:
            return False
    # a column numbering the rows 1, 2, 3 ... without a header
    return not (column == 0 and not header and numbers == [Decimal(n) for n in range(1, len(numbers) + 1)])


def _check_total_cell(
    table: Table, rows: list[TableRow], index: int, column: int, nested: bool, simple: bool
) -> Finding | None:
    cell = _cell(rows[index], column)
    if cell is None or cell.number is None:
        return None
    previous_totals = [i for i, row in enumerate(rows[:index]) if row.is_total]
    segment_start = previous_totals[-1] + 1 if previous_totals else 0
    above = [row for row in rows[:index] if not row.is_total]
    segment_rows = [row for row in rows[segment_start:index] if not row.is_total]
    below = []
    for row in rows[index + 1 :]:
        if row.is_total:
            break
        below.append(row)
    if above:
        parts = segment_rows or above
        candidates = [_total(parts, column), _total(above, column)]
        if previous_totals:  # a grand total under subtotals: the subtotals and the rows after the last one
            subtotals = [rows[i] for i in previous_totals] + segment_rows
            candidates.append(_total(subtotals, column))
    else:  # a total row on top of the rows it adds up
        parts = below
        candidates = [_total(below, column)]
    if nested:
        numbered = [row for row in parts if row.cells and _ROW_NUMBER_RE.match(squash(row.cells[0].text))]
        grouped = [row for row in parts if row not in numbered]
        candidates += [_total(numbered, column), _total(grouped, column)]
    precisions = [_cell_precision(c) for c in [cell, *(_cell(row, column) for row in parts)] if c is not None]
    tolerance = rounding_tolerance([p for p in precisions if p is not None])
    if not parts or any(within(cell.number, value, tolerance) for value in candidates):
        return None
    expected = candidates[0]
    header = squash(table.header[column]) if column < len(table.header) else f"cột {column + 1}"
    label = next((squash(c.text) for c in rows[index].cells if c.number is None and c.text.strip()), "Tổng")
    return finding(
        "table_total_mismatch",
        "error" if simple else "warning",
        f"Dòng «{label}» của cột «{header}» ghi {vn(cell.number)} nhưng các dòng cộng lại là {vn(expected)}",
        stated=cell.number,
        expected=expected,
        tolerance=tolerance,
        evidence=[cell.evidence, *(c.evidence for row in parts if (c := _cell(row, column)) is not None)],
    )


def _total(rows: list[TableRow], column: int) -> Decimal:
    return sum((_value(row, column) for row in rows), Decimal(0))


def _cell_precision(cell: TableCell) -> Decimal | None:
    if cell.number is None:
        return None
    exponent = cell.number.as_tuple().exponent
    return Decimal(1).scaleb(exponent) if isinstance(exponent, int) else None
