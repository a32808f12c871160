"""pdf_grid: ruled tables from drawn segments, cell and band text from characters (no PDF needed)."""

from extractor.readers.pdf_grid import (
    Char,
    Line,
    cell_text,
    edges_of_paths,
    find_tables,
    page_parts,
    ruled_tables,
)


def _grid(xs: list[float], tops: list[float]) -> list[tuple[list[tuple[float, float]], bool]]:
    """Ruling lines as subpaths: horizontal at ``tops`` across the xs, vertical at ``xs`` down the tops."""
    lines = [([(min(xs), top), (max(xs), top)], False) for top in tops]
    lines += [([(x, min(tops)), (x, max(tops))], False) for x in xs]
    return lines


def _word(text: str, x: float, baseline: float, size: float = 10, advance: float = 5) -> list[Char]:
    """A word's characters, ``advance`` points each, on a baseline (display ``top`` downwards)."""
    return [Char.on_baseline(c, x + i * advance, x + (i + 1) * advance, baseline, size) for i, c in enumerate(text)]


def _line(text: str, x: float, baseline: float) -> Line:
    """A text line whose characters the reader fetched, words one space apart."""
    chars, at = [], x
    for index, word in enumerate(text.split(" ")):
        if index:
            chars += _word(" ", at, baseline)
            at += 5
        chars += _word(word, at, baseline)
        at += 5 * len(word)
    return Line(text, baseline, x, chars)


def test_grid_of_lines_gives_cells_row_by_row():
    (table,) = find_tables(edges_of_paths(_grid([10, 50, 120, 200], [100, 120, 140])))
    assert table.box == (10, 100, 200, 140)
    assert table.rows == [
        [(10, 100, 50, 120), (50, 100, 120, 120), (120, 100, 200, 120)],
        [(10, 120, 50, 140), (50, 120, 120, 140), (120, 120, 200, 140)],
    ]


def test_rectangles_per_cell_and_slightly_offset_rules_make_one_grid():
    # Each cell its own closed rectangle, neighbours' sides 1-2 points apart (snapped to one rule).
    cells = []
    for top, bottom in ((100, 120), (121, 140)):
        for x0, x1 in ((10, 60), (61.5, 120)):
            cells.append(([(x0, top), (x1, top), (x1, bottom), (x0, bottom)], True))
    (table,) = find_tables(edges_of_paths(cells))
    assert len(table.rows) == 2 and all(len(row) == 2 and all(row) for row in table.rows)
    assert table.rows[0][1][0] == table.rows[1][1][0] == (60 + 61.5) / 2  # snapped to the mean


def test_gap_in_a_rule_within_tolerance_is_joined_and_wider_gap_is_not():
    def rows_with_split_top(gap: float):
        paths = _grid([10, 60, 110], [120, 140])
        paths += [([(10, 100), (60 - gap / 2, 100)], False), ([(60 + gap / 2, 100), (110, 100)], False)]
        paths += [([(x, 100), (x, 120)], False) for x in (10, 60, 110)]
        (table,) = find_tables(edges_of_paths(paths))
        return table.rows

    assert len(rows_with_split_top(2)) == 2
    # A 10-point gap in the top rule around x=60: no corner there, and no rule from the top left
    # corner to the top right one: the top row has no cell.
    assert rows_with_split_top(10) == [[(10, 120, 60, 140), (60, 120, 110, 140)]]


def test_cell_spanning_two_columns_leaves_the_covered_slot_empty():
    paths = [
        ([(10, 100), (210, 100)], False),
        ([(10, 120), (210, 120)], False),
        ([(10, 140), (210, 140)], False),
        ([(10, 100), (10, 140)], False),
        ([(210, 100), (210, 140)], False),
        ([(110, 120), (110, 140)], False),  # only in the second row
    ]
    (table,) = ruled_tables(edges_of_paths(paths))
    assert table.rows == [[(10, 100, 210, 120), None], [(10, 120, 110, 140), (110, 120, 210, 140)]]
    lines = [_line("Ket qua", 15, 115), Line("Thon A 14", 135, 15, _word("Thon", 15, 135) + _word("14", 115, 135))]
    assert page_parts([table], lines) == [[["Ket qua", ""], ["Thon", "14"]]]


def test_two_tables_on_a_page_with_text_above_between_beside_and_below():
    paths = _grid([10, 60, 110], [100, 120, 140]) + _grid([10, 80, 150], [200, 220])
    tables = ruled_tables(edges_of_paths(paths))
    assert [table.box for table in tables] == [(10, 100, 110, 140), (10, 200, 150, 220)]
    lines = [
        Line("Title", 80, 10, None),  # far from both tables: its characters are not needed
        _line("a b", 15, 115),
        _line("c", 65, 115),
        _line("Beside", 130, 135),
        _line("Between", 10, 180),
        _line("d", 15, 215),
        _line("e", 85, 215),
        Line("After", 400, 10, None),
    ]
    assert page_parts(tables, lines) == [
        "Title",
        [["a b", "c"], ["", ""]],
        "Beside\nBetween",
        [["d", "e"]],
        "After",
    ]


def test_framed_paragraph_or_single_column_is_not_a_table():
    box = [([(10, 100), (200, 100), (200, 160), (10, 160)], True)]
    assert find_tables(edges_of_paths(box)) == []  # one cell
    stacked = box + [([(10, 130), (200, 130)], False)]  # two rows, one column
    assert len(find_tables(edges_of_paths(stacked))) == 1
    assert ruled_tables(edges_of_paths(stacked)) == []


def test_underlines_and_short_or_slanted_marks_rule_nothing():
    paths = [
        ([(10, 100), (120, 100)], False),  # an underline
        ([(10, 100), (10, 101.5)], False),  # shorter than 3 points
        ([(10, 100), (120, 140)], False),  # slanted
        ([(30, 90), (30, 90.5)], False),  # under a point: dropped before merging
    ]
    edges = edges_of_paths(paths)
    assert [(edge.vertical, edge.length) for edge in edges] == [(False, 110), (True, 1.5)]
    assert find_tables(edges) == []


def test_closed_single_segment_is_one_edge_and_closed_shape_gets_its_last_side():
    assert len(edges_of_paths([([(10, 100), (90, 100), (10, 100)], True)])) == 1
    assert len(edges_of_paths([([(10, 100), (90, 100), (90, 140), (10, 140)], True)])) == 4
    assert len(edges_of_paths([([(10, 100), (90, 100), (90, 140), (10, 140)], False)])) == 3


def test_cell_text_is_words_by_line_whatever_order_the_characters_come_in():
    second = _word("Lap", 10, 132)
    first = _word("Thon", 10, 120) + _word("Tan", 35, 120)  # 'Tan' 5 points after 'Thon': a new word
    assert cell_text(second + first) == "Thon Tan Lap"


def test_word_split_at_gaps_over_three_points_and_at_spaces():
    assert cell_text(_word("So", 10, 100) + _word("ho", 22, 100)) == "Soho"  # 2 points apart
    assert cell_text(_word("Ty", 10, 100) + _word("le", 24, 100)) == "Ty le"  # 4 points apart
    assert cell_text(_word("a b", 10, 100)) == "a b"


def test_tall_letters_do_not_split_a_word():
    # pdfium boxes glyphs by their outline: an 'Ô' would be taller than the 'ng' after it. Characters
    # are boxed by the font size from the baseline instead, so they stay one word.
    chars = _word("Ông", 10, 100)
    assert len({char.top for char in chars}) == 1
    assert cell_text(chars) == "Ông"


def test_line_split_between_table_and_band_keeps_its_band_part():
    (table,) = ruled_tables(edges_of_paths(_grid([10, 60, 110], [100, 120])))
    # One text line runs from inside the table's last cell out beyond it.
    inside, outside = _word("12", 65, 115), _word("ghi", 130, 115)
    lines = [Line("12 ghi", 115, 65, inside + outside)]
    assert page_parts([table], lines) == [[["", "12"]], "ghi"]
