"""Tables: runs of tab-separated or pipe-delimited lines, with header rows, total rows, unit and title."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from extractor.parsers.numbers import NUMBER, parse_count, parse_number, to_vnd, unit_multiplier
from extractor.structure import mostly_upper
from extractor.text import SourceText, squash
from extractor.vocab.tables import (
    NON_MONEY_HEADER_WORDS,
    ROW_NUMBER_HEADERS,
    TITLE_STARTS,
    TOTAL_LABELS,
    UNIT_LABEL,
)
from schemas import Table, TableCell, TableRow

_MAX_HEADER_ROWS = 3
_MAX_TITLE_LINES = 6
_MAX_TITLE_LENGTH = 250

_SEPARATOR_RE = regex.compile(r"\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*")
_TOTAL_RE = regex.compile(
    r"(?:" + "|".join(TOTAL_LABELS) + r")(?!\p{L})",
    regex.IGNORECASE,
)
_UNIT_RE = regex.compile(UNIT_LABEL + r"\s*(?P<unit>[^\n\t)|]+)", regex.IGNORECASE)
_ROW_NUMBER_RE = regex.compile(r"(?:[0-9]+|[IVXLC]+|[a-zđ])[.)]?", regex.IGNORECASE)
_COLUMN_NUMBER_RE = regex.compile(r"\(?([0-9]+)\)?")
_PAREN_UNIT_RE = regex.compile(r"\(\s*(?:đvt\s*:\s*)?(?P<unit>[^()]+?)\s*\)", regex.IGNORECASE)
_PER_UNIT_MONEY_RE = regex.compile(rf"(?P<n>{NUMBER})\s*(?:đồng|đ|vnđ|vnd)", regex.IGNORECASE)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Row:
    line: _Line
    cells: tuple[tuple[int, int], ...]  # raw cell spans, separators excluded

    def texts(self, source: SourceText) -> list[str]:
        return [squash(source.text[a:b]) for a, b in self.cells]


def parse_tables(source: SourceText) -> list[Table]:
    """Every table in the text: two or more consecutive tab-separated or '| a | b |' rows."""
    lines = _lines(source.text)
    tables: list[Table] = []
    for first, rows in _row_blocks(lines):
        if len(rows) >= 2:
            tables.append(_table(source, lines, first, rows, index=len(tables)))
    return tables


def is_numeric_cell(text: str) -> bool:
    """True when a cell holds one number ('1.080', '18,34%')."""
    return cell_number(text) is not None


def cell_number(text: str) -> Decimal | None:
    """The number a cell holds, a trailing '%' allowed; None for text."""
    text = squash(text)
    if text.endswith("%"):
        text = text[:-1].rstrip()
    return parse_number(text) if text else None


def money_multiplier(unit: str) -> int | None:
    """đồng per unit for a money unit ('triệu đồng', '1.000 đồng'); None for 'hộ', '%', ..."""
    unit = squash(unit).rstrip(" .;:")
    multiplier = unit_multiplier(unit)
    if multiplier is not None:
        return multiplier
    match = _PER_UNIT_MONEY_RE.fullmatch(unit)
    return parse_count(match["n"]) if match else None


def _lines(text: str) -> list[_Line]:
    lines, start = [], 0
    for piece in text.split("\n"):
        lines.append(_Line(start, start + len(piece), piece))
        start += len(piece) + 1
    return lines


def _row_of(line: _Line) -> _Row | None:
    """The cells of a table line, or None for prose."""
    if "\t" in line.text:
        return _split(line, "\t", line.start, line.end)
    stripped = line.text.strip()
    if stripped.count("|") >= 2 or (stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1):
        start = line.start + line.text.index("|") + 1 if stripped.startswith("|") else line.start
        end = line.start + line.text.rindex("|") if stripped.endswith("|") else line.end
        return _split(line, "|", start, end)
    return None


def _split(line: _Line, separator: str, start: int, end: int) -> _Row | None:
    cells, position = [], start
    while True:
        found = line.text.find(separator, position - line.start, end - line.start)
        if found < 0:
            cells.append((position, end))
            break
        cells.append((position, line.start + found))
        position = line.start + found + 1
    return _Row(line, tuple(cells)) if len(cells) >= 2 else None


def _non_empty(row: _Row) -> int:
    return sum(1 for a, b in row.cells if row.line.text[a - row.line.start : b - row.line.start].strip())


def _row_blocks(lines: list[_Line]) -> list[tuple[int, list[_Row]]]:
    """Runs of table rows (blank and '|---|' lines may sit between rows); returns (first line index, rows)."""
    blocks: list[tuple[int, list[_Row]]] = []
    current: list[_Row] = []
    first = 0
    for number, line in enumerate(lines):
        if current and (not line.text.strip() or _SEPARATOR_RE.fullmatch(line.text)):
            continue
        row = _row_of(line) if line.text.strip() else None
        if row is not None and _non_empty(row) >= 1:
            if not current:
                first = number
            current.append(row)
            continue
        if current:
            blocks.append((first, _trim(current)))
            current = []
    if current:
        blocks.append((first, _trim(current)))
    return blocks


def _trim(rows: list[_Row]) -> list[_Row]:
    """Drop edge rows with a single filled cell (a tab-indented paragraph next to a table)."""
    while rows and _non_empty(rows[0]) < 2:
        rows = rows[1:]
    while rows and _non_empty(rows[-1]) < 2:
        rows = rows[:-1]
    return rows


def _table(source: SourceText, lines: list[_Line], first: int, rows: list[_Row], index: int) -> Table:
    texts = [row.texts(source) for row in rows]
    header_count = _header_count(texts)
    header = _header_texts(texts[:header_count])
    title, unit_above = _title_and_unit(lines, _line_index(lines, rows[0].line.start))
    unit = unit_above or _unit_in(texts[:header_count])
    table_multiplier = money_multiplier(unit) if unit else None
    column_multipliers = [_column_multiplier(text, table_multiplier) for text in header]
    table_rows = []
    for number, (row, cells_text) in enumerate(zip(rows, texts)):
        is_header = number < header_count
        cells = []
        for column, ((a, b), text) in enumerate(zip(row.cells, cells_text)):
            multiplier = None
            if not is_header:
                multiplier = column_multipliers[column] if column < len(column_multipliers) else table_multiplier
            cells.append(_cell(source, a, b, text, multiplier, numeric=not is_header))
        table_rows.append(
            TableRow(
                index=number,
                is_header=is_header,
                is_total=not is_header and is_total_row(cells_text),
                cells=cells,
                evidence=source.evidence(row.line.start, row.line.end),
            )
        )
    return Table(
        index=index,
        title=title,
        unit=unit,
        header=header,
        rows=table_rows,
        evidence=source.evidence(rows[0].line.start, rows[-1].line.end),
    )


def _cell(source: SourceText, a: int, b: int, text: str, multiplier: int | None, numeric: bool) -> TableCell:
    if not text:
        return TableCell(text="", evidence=None)
    raw = source.text[a:b]
    start = a + (len(raw) - len(raw.lstrip()))
    end = b - (len(raw) - len(raw.rstrip()))
    number = cell_number(text) if numeric else None
    amount = None
    if number is not None and multiplier is not None and not text.endswith("%"):
        amount = to_vnd(number, multiplier)
    return TableCell(text=text, number=number, amount_vnd=amount, evidence=source.evidence(start, end))


def _is_data_row(cells: list[str]) -> bool:
    filled = [text for text in cells if text]
    if not filled:
        return False
    numeric = sum(1 for text in filled if is_numeric_cell(text))
    return numeric * 2 >= len(filled) or bool(_ROW_NUMBER_RE.fullmatch(filled[0]) and len(filled) > 1)


def _is_column_numbering(cells: list[str]) -> bool:
    """'1 2 3 4 5' or '(1) (2) (3)': the column numbers printed under a header."""
    filled = [text for text in cells if text]
    matches = [_COLUMN_NUMBER_RE.fullmatch(text) for text in filled]
    if len(filled) < 3 or not all(matches):
        return False
    numbers = [int(match.group(1)) for match in matches]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _header_count(texts: list[list[str]]) -> int:
    """How many leading rows are header: rows before the first data row, at most three."""
    count = 0
    for cells in texts[: min(_MAX_HEADER_ROWS, len(texts) - 1)]:
        if _is_data_row(cells) and not _is_column_numbering(cells):
            break
        count += 1
    if count and not any(_is_data_row(cells) for cells in texts[count:]):
        return 1  # a table of words only: its first row names the columns
    return count


def _header_texts(header_rows: list[list[str]]) -> list[str]:
    """One label per column, the header rows joined top to bottom (column numbers left out)."""
    width = max((len(cells) for cells in header_rows), default=0)
    labels = []
    for column in range(width):
        parts: list[str] = []
        for cells in header_rows:
            if _is_column_numbering(cells):
                continue
            text = cells[column] if column < len(cells) else ""
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        labels.append(" ".join(parts))
    return labels


def is_total_row(cells: list[str]) -> bool:
    """A total row: its first filled cells start with 'Tổng', 'Cộng', 'Toàn xã', ..."""
    filled = [text for text in cells if text][:2]
    return any(_TOTAL_RE.match(text) and not is_numeric_cell(text) for text in filled)


def unit_of(text: str) -> str | None:
    """The unit a unit line names ('ĐVT: triệu đồng' -> 'triệu đồng'), or None."""
    match = _UNIT_RE.search(text)
    return _clean_unit(match["unit"]) if match else None


def _unit_in(header_rows: list[list[str]]) -> str | None:
    return next((unit for cells in header_rows for text in cells if (unit := unit_of(text))), None)


def _clean_unit(text: str) -> str | None:
    unit = squash(text).strip(" .;:,()")
    return unit or None


def _column_multiplier(header: str, table_multiplier: int | None) -> int | None:
    """The money multiplier of one column: its own '(triệu đồng)', else the table's unless it counts."""
    for match in _PAREN_UNIT_RE.finditer(header):
        multiplier = money_multiplier(match["unit"])
        if multiplier is not None:
            return multiplier
    lowered = header.lower()
    if lowered in ROW_NUMBER_HEADERS or any(word in lowered for word in NON_MONEY_HEADER_WORDS):
        return None
    return table_multiplier


def _line_index(lines: list[_Line], start: int) -> int:
    for number, line in enumerate(lines):
        if line.start == start:
            return number
    raise ValueError(f"no line starts at offset {start}")


def _title_and_unit(lines: list[_Line], first_row: int) -> tuple[str | None, str | None]:
    """The heading lines just above a table and the unit line among them."""
    title: list[str] = []
    unit: str | None = None
    above = [line.text.strip() for line in reversed(lines[:first_row])]
    position = 0
    while position < len(above):
        text = above[position]
        position += 1
        if not text:
            if title:
                break
            continue
        unit_match = _UNIT_RE.search(text)
        if unit_match and unit_match.start() <= 1:
            unit = unit or _clean_unit(unit_match["unit"])
            continue
        if text.endswith(")") and not title:
            # '(kèm theo Kế hoạch số ...)', possibly wrapped over lines: skipped
            first = position
            while not above[position - 1].startswith("(") and position < min(len(above), first + 3) and above[position]:
                position += 1
            continue
        if is_title_line(text) and len(title) < _MAX_TITLE_LINES and sum(map(len, title)) < _MAX_TITLE_LENGTH:
            title.append(text)
            continue
        # 'Biểu 01: Chỉ tiêu giảm nghèo' wrapped before 'của từng thôn': the continuation is not title-like
        opening = next((i for i in range(position, min(position + 2, len(above))) if is_title_line(above[i])), None)
        if opening is not None and all(above[position - 1 : opening + 1]) and _starts_title(above[opening]):
            title += above[position - 1 : opening + 1]
        break
    return (squash(" ".join(reversed(title))) or None), unit


def is_title_line(text: str) -> bool:
    """A line that can title a table: mostly capitals, or starting 'Biểu', 'Phụ lục', 'Danh sách', ..."""
    if len(text) > _MAX_TITLE_LENGTH or "\t" in text:
        return False
    return mostly_upper(text) or _starts_title(text)


def _starts_title(text: str) -> bool:
    lowered = text.lower().lstrip("-+•* ")
    return any(lowered.startswith(word) for word in TITLE_STARTS)
