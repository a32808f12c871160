"""Text structure below the section tree: list markers, paragraphs, clauses and sentences."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import regex

from extractor.text import SourceText, leftmost_matches
from extractor.vocab import headings as vocab
from schemas import Table

# --- markers ----------------------------------------------------------------------------------

BULLET = r"[-+•*–●▪◦]"
# 'II.', '3.', '4.2', '2.1.', '1)': a numbered heading (a line starting '12 hộ' in a PDF is not one).
# Unlike HEADING_MARKER_RE (the section tree's) it leaves out letter items ('a)') and 'PHẦN I':
# it ends a village's part of a list, and a letter item may sit inside one.
NUMBERED_HEADING = r"[ \t]*+(?:[IVXLC]{1,5}[.)]|[0-9]{1,2}[.)]|[0-9]{1,2}\.[0-9]{1,2}(?:\.[0-9]{1,2})*\.?)[ \t]++\S"
# What opens a list item: a bullet, a letter item 'đ) ' or a numbered heading.
LIST_ITEM = rf"{BULLET}|[a-zđ]\)\s|{NUMBERED_HEADING}"
# Every heading marker of the section tree at a line start: 'PHẦN II', 'II.', '2.3.', 'đ)'.
HEADING_MARKER_RE = regex.compile(
    rf"^[ \t]*(?:(?P<part>{vocab.PART})|(?P<roman>{vocab.ROMAN})|(?P<arabic>{vocab.ARABIC})|(?P<letter>{vocab.LETTER}))"
    r"(?:[ \t]+|(?=\p{Lu}))(?=\S)",
    regex.MULTILINE,
)
# A bare 'Tiểu dự án 2: ...' line: a heading without a marker.
COMPONENT_LINE_RE = regex.compile(
    r"^[ \t]*(?=(?-i:Tiểu|TIỂU|Dự|DỰ)\s)" + vocab.COMPONENT + vocab.COMPONENT_HEAD_END,
    regex.MULTILINE | regex.IGNORECASE,
)
_BULLET_LINE_RE = regex.compile(rf"^[ \t]*(?:{BULLET}|[0-9]{{1,2}}\)|[-+]\s*[-+])\s", regex.MULTILINE)
# Markers and bullets opening a paragraph, to strip from a label: '- ', '+ ', 'II. ', '2.3. ', 'đ) '.
LIST_MARKER_RE = regex.compile(rf"^(?:{BULLET}\s*|[IVXL]{{1,6}}\.\s*|[0-9]{{1,2}}(?:\.[0-9]{{1,2}})*\.?\s+|[a-zđ]\)\s*)+")
# '.', '!', '?' or ';' before a space; after a digit only before a non-digit ('1.080' goes on).
CLAUSE_END_RE = regex.compile(r"(?<![0-9])[.!?;](?=\s)|(?<=[0-9])[.;](?=\s+[^0-9])|[.!?;]$")

# --- paragraphs -------------------------------------------------------------------------------

_TAB_LINE_RE = regex.compile(r"(?m)^[^\n\t]*+\t[^\n]*+")


class TabLines:
    """The lines of a text that hold a tab (table rows), found once.

    Asking for each number whether its line holds a tab re-read a long line every time (quadratic).
    """

    def __init__(self, text: str) -> None:
        # The spans _TAB_LINE_RE finds, found from each tab outwards (the possessive pattern scanned slowly).
        self._spans: list[tuple[int, int]] = []
        tab = text.find("\t")
        while tab >= 0:
            end = text.find("\n", tab)
            end = len(text) if end < 0 else end
            self._spans.append((text.rfind("\n", 0, tab) + 1, end))
            tab = text.find("\t", end)
        self._starts = [start for start, _ in self._spans]

    def touch(self, start: int, end: int) -> bool:
        """True when a line holding ``text[start:end]`` (or any part of it) holds a tab."""
        index = bisect.bisect_right(self._starts, end) - 1
        return index >= 0 and self._spans[index][1] >= start



def paragraph_ends(source: SourceText) -> list[int]:
    """Offsets of the newlines that end a paragraph.

    In .txt and .docx text each line is a paragraph. PDF text (it has pages) is wrapped, so a
    newline ends a paragraph only before a blank line, a heading or bullet, a table row, or after
    a line clearly shorter than the page width. In every format a line without final punctuation
    followed by one starting in lower case goes on (a paragraph cut by a page break).
    """
    text = source.text
    lines = text.split("\n")
    widths = sorted(len(line.strip()) for line in lines if line.strip() and "\t" not in line)
    width = widths[int(len(widths) * 0.9)] if widths else 0
    # following[i]: the first non-blank line after line i, found in one backward pass (looking
    # ahead from every line instead took quadratic time on a run of blank lines).
    following, after = [""] * len(lines), ""
    for index in range(len(lines) - 1, -1, -1):
        following[index] = after
        after = lines[index].strip() or after
    ends = []
    offset = -1
    last = ""  # the last non-blank line so far
    for index, line in enumerate(lines[:-1]):
        offset += len(line) + 1
        if line.strip():
            last = line.strip()
        if _continues(last, following[index]):
            continue
        if not source.page_starts or _paragraph_breaks(line.strip(), lines[index + 1].strip(), width):
            ends.append(offset)
    return ends


def _continues(line: str, following: str) -> bool:
    """A line without final punctuation and a next line opening in lower case make one paragraph."""
    if not line or not following or "\t" in line or "\t" in following or line[-1] in ".;:!?":
        return False
    if not following[0].islower() or HEADING_MARKER_RE.match(following) or _BULLET_LINE_RE.match(following):
        return False
    return True


def _paragraph_breaks(line: str, following: str, width: int) -> bool:
    """Whether a PDF line ends its paragraph (thresholds measured on wrapped A4 plans)."""
    if not line or not following or "\t" in line or "\t" in following:
        return True
    if HEADING_MARKER_RE.match(following) or COMPONENT_LINE_RE.match(following):
        return True
    ratio = len(line) / width if width else 0.0
    ends_clause = line[-1] in ".;:!?"
    if _BULLET_LINE_RE.match(following):
        # A dash opens a wrapped line only when the line before had no room left for it.
        return ends_clause or ratio < 0.9
    if mostly_upper(line) and mostly_upper(following):
        return False  # a capitalised heading wrapped over two lines
    if following[0].isupper():
        return ends_clause or ratio < 0.84
    return ends_clause and ratio < 0.6


def mostly_upper(line: str) -> bool:
    """True for a line in capitals ('CHỈ TIÊU GIẢM NGHÈO CỦA TỪNG THÔN'), a few lower-case letters allowed."""
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= 3 and sum(char.isupper() for char in letters) >= 0.8 * len(letters)


@lru_cache(maxsize=16)
def paragraphs(source: SourceText) -> Paragraphs:
    """The ``Paragraphs`` of ``source``, built once per text (the parsers and several checks ask for them)."""
    return Paragraphs(source)


class Paragraphs:
    """The paragraphs of one text, and the clauses inside them, by offset."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.ends = paragraph_ends(source)
        self._ends_cache: dict[int, list[int]] = {}

    def at(self, offset: int) -> tuple[int, int]:
        """The span of the paragraph holding ``offset``."""
        index = bisect.bisect_left(self.ends, offset)
        start = self.ends[index - 1] + 1 if index > 0 else 0
        end = self.ends[index] if index < len(self.ends) else len(self.source.text)
        return start, end

    def clause_at(self, offset: int) -> tuple[int, int]:
        """The clause holding ``offset``: bounded by '.', ';', '!', '?', its paragraph and a heading marker.

        Unlike ``sentence_spans`` a ';' ends it: each clause of a ';' list is one amount or target.
        """
        text = self.source.text
        para_start, para_end = self.at(offset)
        start = para_start
        marker = HEADING_MARKER_RE.match(text, para_start)
        if marker and marker.end() <= offset:
            start = marker.end()
        ends = self._clause_ends(para_start, para_end)
        index = bisect.bisect_right(ends, offset)  # ends[:index] are at or before the offset
        if index and ends[index - 1] > start:
            start = ends[index - 1]
        return _strip_span(text, start, ends[index] if index < len(ends) else para_end)

    def _clause_ends(self, para_start: int, para_end: int) -> list[int]:
        """Where the clauses of a paragraph end (each mark is one character), read once per paragraph.

        Reading them again for every offset took quadratic time on a long paragraph of amounts.
        """
        if para_start not in self._ends_cache:
            found = CLAUSE_END_RE.finditer(self.source.text, para_start, para_end)
            self._ends_cache[para_start] = [match.end() for match in found]
        return self._ends_cache[para_start]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- sentences --------------------------------------------------------------------------------

# After a full stop (\K: the break starts after it; a pattern opening with a look-behind is tried at every
# offset, one opening with the stop is found fast): '... 8,90%. Số hộ' but not '8,90%. giảm'.
_STOP = r"[.!?…]"
_AFTER_STOP = r"(?:[ \t]++(?=[\p{Lu}0-9\-+•*–(“\"])|[ \t]*+\n)"
_BREAK_AFTER_STOP = rf"{_STOP}\K{_AFTER_STOP}"
# A blank line, unless a page break cut a sentence. It starts where its run of blanks does:
# started at every space or newline of a long run, it scanned the rest of the run each time.
_BREAK_BLANK = r"(?<![ \t\n])[ \t]*+\n[ \t]*+\n(?=\s*+[^\s\p{Ll}])\s*+"
_BREAK_ITEM = rf"\n(?=[ \t]*+(?:{LIST_ITEM}))"
_SENTENCE_BREAKS = regex.compile(f"{_BREAK_AFTER_STOP}|{_BREAK_BLANK}|{_BREAK_ITEM}")
_STOP_BREAK_RE = regex.compile(_STOP + _AFTER_STOP)  # with its stop: the break is the rest of the match
_BLANK_BREAK_RE = regex.compile(_BREAK_BLANK)
_ITEM_BREAK_RE = regex.compile(_BREAK_ITEM)
# A newline, blanks and a newline: a blank line can only start at the run of blanks before such a first
# newline (the standard library's re finds them many times faster than the blank-line pattern is searched).
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _blank_line_starts(text: str) -> list[int]:
    """Every offset a ``_BREAK_BLANK`` match may start at: before a blank line, after a character not blank."""
    starts = []
    for found in _BLANK_LINE.finditer(text):
        start = found.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        if start == 0 or text[start - 1] != "\n":
            starts.append(start)
    return starts


def sentence_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of ``_SENTENCE_BREAKS.finditer(text)``, its blank-line alternative tried only where it can start.

    Searched whole, the alternation tries its look-behind at every offset of the text. Here each alternative
    is searched alone and the alternation's match taken: the leftmost, the first listed on a tie. The full-stop
    alternative is searched with its stop, where its attempt starts; its break starts one character on.
    """
    blank_starts = _blank_line_starts(text)
    next_blank = 0

    def blank_search(pos: int) -> regex.Match | None:
        nonlocal next_blank
        while next_blank < len(blank_starts):
            start = blank_starts[next_blank]
            next_blank += 1
            if start >= pos:
                match = _BLANK_BREAK_RE.match(text, start)
                if match is not None:
                    return match
        return None

    def search(index: int, pos: int) -> regex.Match | None:  # the alternatives in _SENTENCE_BREAKS's order
        if index == 0:
            return _STOP_BREAK_RE.search(text, pos)
        return blank_search(pos) if index == 1 else _ITEM_BREAK_RE.search(text, pos)

    found = leftmost_matches(3, search)
    return [(match.start() + 1 if match.re is _STOP_BREAK_RE else match.start(), match.end()) for match in found]


def sentence_spans(source: SourceText, tables: list[Table]) -> list[tuple[int, int]]:
    """(start, end) of each sentence or list item outside the rows of ``tables``.

    Unlike ``Paragraphs.clause_at`` a ';' does not end one ('thôn Tô: 3 hộ nghèo; 06 hộ cận' is one
    statement), nor does a full stop before a lower-case word ('8,90%. giảm 9,44%').
    """
    rows = tuple((row.evidence.start, row.evidence.end) for table in tables for row in table.rows)
    return list(_sentence_spans(source, rows))


@lru_cache(maxsize=16)
def _sentence_spans(source: SourceText, rows: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """``sentence_spans`` by the spans of the table rows, read once per text (poverty and households ask)."""
    text = source.text
    cuts = sorted([*rows, *sentence_breaks(text)])
    spans: list[tuple[int, int]] = []
    position = 0
    for start, end in cuts + [(len(text), len(text))]:
        if start >= position:
            _add_trimmed(text, position, start, spans)
        position = max(position, end)
    return tuple(spans)


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + (len(chunk) - len(chunk.lstrip()))
        spans.append((offset, offset + len(stripped)))
