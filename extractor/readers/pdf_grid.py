"""Ruled tables of a PDF page from its drawn lines, as pdfplumber's default table finder finds them.

Pure geometry: the PDF reader (the only module importing pypdfium2) hands over the page's drawn
subpaths and its text lines in display coordinates (x to the right, ``top`` downwards, the page's
rotation applied), and gets back the page as parts: text bands and tables top to bottom.

The steps and tolerances are pdfplumber's (0.11, ``find_tables()`` with its default settings), so
that pages read as they were when pdfplumber read them, at a fraction of its cost:

- edges: every axis-parallel segment of a painted subpath (lines, rectangle sides, thin filled
  rectangles' sides); shorter than 1 point they are dropped at once, shorter than 3 after merging;
- merging: edges on (almost) one line snapped to their mean position (within 3 points), then edges
  on one line that overlap or lie within 3 points of each other joined;
- intersections: where a vertical and a horizontal edge meet, within 3 points;
- cells: from each intersection, the smallest rectangle whose other three corners are intersections
  with an edge along each side; tables: cells that share corners, two cells at least;
- a table's rows: its cells by top, each row with one slot per distinct cell left edge of the
  table, ``None`` where a cell spanning columns covers the slot (rendered '');
- a cell's text: the characters whose centre lies in it, as words (split at spaces and at gaps over
  3 points) by lines (tops within 3 points), squashed to one line;
- bands: the text above the first table, between tables (with the text beside the table above)
  and below the last one, every character whose centre is inside a table's box being the table's.

Unlike pdfplumber, a slanted line is not taken for a vertical edge, and snapped edges take the mean
position exactly (pdfplumber's ``x + (mean - x)`` may differ from the mean in the last bit, which
can lose a cell).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

SNAP_TOLERANCE = 3.0
JOIN_TOLERANCE = 3.0
INTERSECTION_TOLERANCE = 3.0
EDGE_MIN_LENGTH = 3.0
EDGE_MIN_LENGTH_PREFILTER = 1.0
WORD_GAP = 3.0  # pdfplumber's x_tolerance: a wider gap between two characters ends a word
LINE_TOLERANCE = 3.0  # pdfplumber's y_tolerance: tops closer than this are one line
# A text line is placed by its first character's baseline. A character's centre is above its
# baseline (by 0.28 of the font size, see DESCENT), so a line whose baseline is above a table's top
# has its characters above it, unless some sit lower on the line than the first (a subscript):
# NEAR_ABOVE allows for that. Below a table, a character's centre is NEAR_BELOW above its baseline
# for a 150-point glyph, or a 100-point one raised 20 points. A line farther from every table goes
# to its band whole, without its characters' boxes being asked for.
NEAR_ABOVE = 24.0
NEAR_BELOW = 48.0
DESCENT = 0.22  # of the font size below the baseline (Times New Roman 0.216, DejaVu Serif 0.236)

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Rows = list[list[str]]  # rows of one-line cells


@dataclass(slots=True)
class Edge:
    """A horizontal (``vertical`` False) or vertical edge; x0 == x1 or top == bottom."""

    vertical: bool
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def length(self) -> float:
        return self.bottom - self.top if self.vertical else self.x1 - self.x0


class Char(NamedTuple):
    """One character of the text layer, its box and the box's centre in display coordinates."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    x: float
    y: float

    @classmethod
    def on_baseline(cls, text: str, x0: float, x1: float, baseline: float, size: float) -> Char:
        """A character boxed as pdfminer boxes it: the font size high, from the font's descent below
        the baseline (a typical descent taken: the fonts' own are not asked for)."""
        bottom = baseline + DESCENT * size
        return cls(text, x0, bottom - size, x1, bottom, (x0 + x1) / 2, bottom - size / 2)


class Line(NamedTuple):
    """One line of the text layer: its text, the display position of its first character (the
    baseline as ``top``), and its characters when the reader fetched them (lines near a table)."""

    text: str
    top: float
    x: float
    chars: list[Char] | None


@dataclass
class Table:
    box: Box
    rows: list[list[Box | None]]  # cell boxes, None where a spanning cell covers the slot


# --- edges ------------------------------------------------------------------------------------------


def edges_of_paths(subpaths: Iterable[tuple[Sequence[Point], bool]]) -> list[Edge]:
    """The axis-parallel edges of painted subpaths, given as (points, closed), points in display
    coordinates: the start and the end point of each segment (a curve's control points left out).

    As pdfminer has it, a subpath's edges join consecutive points, a closed one's also its last
    point to its first; a closed single segment ('m l h') is one edge, not two.
    """
    edges: list[Edge] = []
    for points, closed in subpaths:
        points = list(points)
        if len(points) < 2:
            continue
        if closed and points[-1] != points[0]:
            points.append(points[0])
        if len(points) == 3 and points[2] == points[0]:
            points.pop()  # a line drawn there and back is one line
        for (ax, ay), (bx, by) in itertools.pairwise(points):
            if ay == by:
                edge = Edge(False, min(ax, bx), ay, max(ax, bx), ay)
            elif ax == bx:
                edge = Edge(True, ax, min(ay, by), ax, max(ay, by))
            else:
                continue  # slanted: no table rule
            if edge.length >= EDGE_MIN_LENGTH_PREFILTER:
                edges.append(edge)
    return edges


def merge_edges(edges: list[Edge]) -> list[Edge]:
    """Edges snapped to the mean of their neighbours' positions, joined where they overlap or
    nearly touch along one line, and the ones still shorter than 3 points dropped (new edges: the
    given ones are left as they are)."""
    merged: list[Edge] = []
    for vertical in (False, True):
        # [position across, start along, end along] of each edge of this direction
        spans = [[e.x0, e.top, e.bottom] if vertical else [e.top, e.x0, e.x1] for e in edges if e.vertical is vertical]
        for cluster in _clusters(spans, itemgetter(0), SNAP_TOLERANCE):  # snapped to their mean
            mean = sum(span[0] for span in cluster) / len(cluster)
            for span in cluster:
                span[0] = mean
        spans.sort()
        for position, line in itertools.groupby(spans, itemgetter(0)):
            for start, end in _join(line):
                if end - start >= EDGE_MIN_LENGTH:
                    merged.append(Edge(True, position, start, position, end) if vertical else Edge(False, start, position, end, position))
    return merged


def _join(spans: Iterable[list[float]]) -> list[list[float]]:
    """Spans [position, start, end] along one line (sorted by start): those overlapping or within
    the join tolerance made one, as [start, end]."""
    joined: list[list[float]] = []
    for _, start, end in spans:
        if joined and start <= joined[-1][1] + JOIN_TOLERANCE:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    return joined


def _clusters(items: list, key, tolerance: float) -> list[list]:
    """pdfplumber's ``cluster_objects``: distinct key values sorted and chained while each is within
    ``tolerance`` of the one before; items grouped by their value's chain, in their given order."""
    values = sorted({key(item) for item in items})
    if not values:
        return []
    chain_of: dict[float, int] = {}
    chain, last = 0, values[0]
    for value in values:
        if value > last + tolerance:
            chain += 1
        chain_of[value] = chain
        last = value
    groups: list[list] = [[] for _ in range(chain + 1)]
    for item in items:
        groups[chain_of[key(item)]].append(item)
    return groups


# --- cells and tables -----------------------------------------------------------------------------


def find_tables(edges: list[Edge]) -> list[Table]:
    """Tables of two or more cells the merged edges rule, top to bottom (then left to right)."""
    edges = merge_edges(edges)
    vertical = sorted((edge for edge in edges if edge.vertical), key=lambda edge: (edge.x0, edge.top))
    horizontal = sorted((edge for edge in edges if not edge.vertical), key=lambda edge: (edge.top, edge.x0))
    if not vertical or not horizontal:
        return []
    # Each intersection with the ids of the edges through it (merged edges never coincide).
    through: dict[Point, tuple[set[int], set[int]]] = {}
    tolerance = INTERSECTION_TOLERANCE
    for v_id, v in enumerate(vertical):
        for h_id, h in enumerate(horizontal):
            if v.top <= h.top + tolerance and v.bottom >= h.top - tolerance and h.x0 - tolerance <= v.x0 <= h.x1 + tolerance:
                point = (v.x0, h.top)
                if point not in through:
                    through[point] = (set(), set())
                through[point][0].add(v_id)
                through[point][1].add(h_id)
    cells = _cells(through)
    tables = []
    for group in _connected(cells):
        if len(group) > 1:
            tables.append(_table(group))
    tables.sort(key=lambda table: min((cell[1], cell[0]) for row in table.rows for cell in row if cell))
    return tables


def _cells(through: dict[Point, tuple[set[int], set[int]]]) -> list[Box]:
    """From each intersection (by x, then top), the smallest cell it is the top left corner of."""
    points = sorted(through)
    below: dict[float, list[Point]] = {}
    right: dict[float, list[Point]] = {}
    for point in points:  # sorted by x then top: each column's points top to bottom
        below.setdefault(point[0], []).append(point)
    for point in sorted(points, key=lambda point: (point[1], point[0])):
        right.setdefault(point[1], []).append(point)

    def vertical_link(a: Point, b: Point) -> bool:
        return not through[a][0].isdisjoint(through[b][0])

    def horizontal_link(a: Point, b: Point) -> bool:
        return not through[a][1].isdisjoint(through[b][1])

    cells = []
    for point in points:
        x, top = point
        for down in below[x]:
            if down[1] <= top or not vertical_link(point, down):
                continue
            found = None
            for across in right[top]:
                if across[0] <= x or not horizontal_link(point, across):
                    continue
                corner = (across[0], down[1])
                if corner in through and vertical_link(corner, across) and horizontal_link(corner, down):
                    found = (x, top, corner[0], corner[1])
                    break
            if found:
                cells.append(found)
                break
    return cells


def _connected(cells: list[Box]) -> list[list[Box]]:
    """Cells grouped into tables: those sharing a corner with the group, transitively."""
    groups: list[list[Box]] = []
    remaining = list(cells)
    while remaining:
        group = [remaining.pop(0)]
        corners = set(_corners(group[0]))
        grew = True
        while grew:
            grew = False
            for cell in list(remaining):
                if any(corner in corners for corner in _corners(cell)):
                    corners.update(_corners(cell))
                    group.append(cell)
                    remaining.remove(cell)
                    grew = True
        groups.append(group)
    return groups


def _corners(cell: Box) -> tuple[Point, Point, Point, Point]:
    x0, top, x1, bottom = cell
    return (x0, top), (x0, bottom), (x1, top), (x1, bottom)


def _table(cells: list[Box]) -> Table:
    """Rows of a table's cells by top, a slot for each distinct left edge (None where none starts)."""
    box = (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))
    lefts = sorted({cell[0] for cell in cells})
    rows = []
    for _, row_cells in itertools.groupby(sorted(cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
        by_left = {cell[0]: cell for cell in row_cells}
        rows.append([by_left.get(left) for left in lefts])
    return Table(box, rows)


# --- text -------------------------------------------------------------------------------------------


def words(chars: list[Char]) -> list[list[str]]:
    """pdfplumber's words of some characters, by lines top to bottom, each left to right."""
    if not chars:
        return []
    tops = [char.top for char in chars]
    one_line = max(tops) - min(tops) <= LINE_TOLERANCE  # most cells: no clustering needed
    lines = [list(chars)] if one_line else _clusters(chars, lambda char: char.top, LINE_TOLERANCE)
    found: list[tuple[float, str]] = []  # (top, text) of each word, line by line
    for line in lines:
        line.sort(key=lambda char: char.x0)
        current: list[Char] = []
        for char in line:
            if char.text.isspace():
                _close_word(current, found)
                current = []
            elif current and (
                char.x0 < current[-1].x0
                or char.x0 > current[-1].x1 + WORD_GAP
                or abs(char.top - current[-1].top) > LINE_TOLERANCE
            ):
                _close_word(current, found)
                current = [char]
            else:
                current.append(char)
        _close_word(current, found)
    if one_line:
        return [[text for _, text in found]] if found else []
    return [[text for _, text in line] for line in _clusters(found, lambda word: word[0], LINE_TOLERANCE)]


def _close_word(chars: list[Char], found: list[tuple[float, str]]) -> None:
    if chars:
        found.append((min(char.top for char in chars), "".join(char.text for char in chars)))


def cell_text(chars: list[Char]) -> str:
    """A cell's text on one line (its lines joined with spaces)."""
    return " ".join(word for line in words(chars) for word in line)


def near_table(line_top: float, tables: list[Table]) -> bool:
    """Whether a line at this baseline may have characters in, beside or just above a table, so
    that its characters' boxes are needed to place them."""
    return any(table.box[1] - NEAR_ABOVE < line_top < table.box[3] + NEAR_BELOW for table in tables)


def page_parts(tables: list[Table], lines: list[Line]) -> list[str | Rows]:
    """The page as text bands and tables top to bottom; ``tables`` sorted by top.

    Band k holds what is above table k and not in a table box (so text beside table k-1 as well);
    its lines are in reading order: by baseline (within 3 points one line, joined with a space),
    then left to right. A line's characters (when given) decide where it goes: in a table box they
    are the table's, and a line split between a table and a band keeps its band part as words.
    """
    tops = [table.box[1] for table in tables]
    boxes = [table.box for table in tables]
    bands: list[list[tuple[float, float, int, str]]] = [[] for _ in range(len(tables) + 1)]
    in_table: list[list[Char]] = [[] for _ in tables]
    for number, line in enumerate(lines):
        if line.chars is None:
            bands[bisect_right(tops, line.top)].append((line.top, line.x, number, line.text))
            continue
        outside: dict[int, list[Char]] = {}
        for char in line.chars:
            x, y = char.x, char.y
            inside = False
            for index, (x0, top, x1, bottom) in enumerate(boxes):
                if x0 <= x <= x1 and top <= y <= bottom:
                    in_table[index].append(char)
                    inside = True
            if not inside:
                outside.setdefault(bisect_right(tops, y), []).append(char)
        solid = [band for band, chars in outside.items() if any(not char.text.isspace() for char in chars)]
        if not solid:
            continue
        if len(outside) == 1 and len(outside[solid[0]]) == len(line.chars):
            bands[solid[0]].append((line.top, line.x, number, line.text))
            continue
        for band in sorted(solid):
            chars = outside[band]
            piece = "\n".join(" ".join(line_words) for line_words in words(chars))
            first = min(chars, key=lambda char: (char.top, char.x0))
            bands[band].append((line.top, first.x0, number, piece))
    parts: list[str | Rows] = []
    for index, band in enumerate(bands):
        text = "\n".join(reading_order(band))
        if text.strip():
            parts.append(text)
        if index < len(tables):
            parts.append(table_rows(tables[index], in_table[index]))
    return parts


def table_rows(table: Table, chars: list[Char]) -> Rows:
    """A table's rows of one-line cell texts, '' for an empty or covered slot. A character is a
    cell's when its centre is in it (left and top sides in, right and bottom out)."""
    order = sorted(range(len(chars)), key=lambda index: chars[index].y)
    heights = [chars[index].y for index in order]
    rows = []
    for row in table.rows:
        cells = [cell for cell in row if cell]
        left, right = min(cell[0] for cell in cells), max(cell[2] for cell in cells)
        top, bottom = min(cell[1] for cell in cells), max(cell[3] for cell in cells)
        found = sorted(order[bisect_left(heights, top) : bisect_left(heights, bottom)])  # in the page's order
        row_chars = [chars[index] for index in found if left <= chars[index].x < right]
        rows.append([_cell_text(row_chars, cell) if cell else "" for cell in row])
    return rows


def _cell_text(chars: list[Char], cell: Box) -> str:
    x0, top, x1, bottom = cell
    return cell_text([char for char in chars if x0 <= char.x < x1 and top <= char.y < bottom])


def reading_order(placed: list[tuple[float, float, int, str]]) -> list[str]:
    """Lines (top, x, number, text) whose tops are within the tolerance joined left to right with a
    space; rows top to bottom. Already in order (each line lower than the one before) they are
    returned as they are."""
    if all(b[0] - a[0] > LINE_TOLERANCE for a, b in itertools.pairwise(placed)):
        return [line for *_, line in placed]
    rows: list[list[tuple[float, float, int, str]]] = []
    for item in sorted(placed, key=lambda item: (item[0], item[2])):
        if rows and item[0] - rows[-1][-1][0] <= LINE_TOLERANCE:
            rows[-1].append(item)
        else:
            rows.append([item])
    return [" ".join(line.strip() for *_, line in sorted(row, key=lambda item: (item[1], item[2]))) for row in rows]


def has_columns(table: Table) -> bool:
    """A table of two or more columns (a framed paragraph is one cell wide: not a table)."""
    return max((len(row) for row in table.rows), default=0) >= 2


def ruled_tables(edges: list[Edge]) -> list[Table]:
    """The tables of two or more columns the edges rule, top to bottom."""
    return sorted((table for table in find_tables(edges) if has_columns(table)), key=lambda table: table.box[1])
