"""Village and household lists: headings, category lines, village names, household entries, household columns."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from extractor.structure import BULLET, NUMBERED_HEADING
from extractor.text import SourceText, casefolded, squash
from extractor.vocab.households import (
    CATEGORY_LINE,
    CATEGORY_VALUES,
    HONORIFIC,
    HOUSEHOLD_COLUMNS,
    HOUSEHOLD_WORD,
    NOT_VILLAGE_NAME_WORDS,
    OFFICIAL_COLUMN_WORDS,
    VILLAGE_LEVEL,
    VILLAGE_LEVELS,
)
from schemas import Table

_I = regex.IGNORECASE
# What opens a list item: a bullet ('-', '–', '+', '•', '*'), a number ('1.', '2)', '4.2.'), a letter
# ('a)', 'đ.') or a Roman numeral ('II.'); a number or letter needs a space or a capital after it.
ITEM_MARKER = rf"(?:{BULLET}|(?:\d{{1,3}}(?:\.\d{{1,2}})*|[a-zđ]|[IVXLC]{{1,5}})[.)](?=\s|(?-i:\p{{Lu}})|$))"
# The markers before an item's words: '- ', '+ , ', '- + ', '2. ', 'b) ' (possessive: one way to read them).
ITEM_MARKERS = rf"(?:(?:{ITEM_MARKER}|,)\s*+)*+"
# A name: two to six capitalised words ('Trương Thị Thanh'); a line wrap may fall between them.
PERSON_NAME = r"(?-i:\p{Lu}\p{L}*(?:(?:[ \t]+|[ \t]*\n[ \t]*)\p{Lu}\p{L}*){1,5})"
# 'Hộ bà: Trương Thị Thanh', 'hộ cận nghèo ông Lò Văn Pản': a household named in a list.
HOUSEHOLD_ENTRY = regex.compile(
    rf"(?<!\p{{L}}){HOUSEHOLD_WORD}(?:\s+(?P<cat>cận\s+nghèo|nghèo))?\s*[:,]?\s*"
    rf"(?P<hon>{HONORIFIC})(?!\p{{L}})\s*[:.,]?\s*(?P<name>{PERSON_NAME})",
    _I,
)

_NUMBERED_HEADING = regex.compile(NUMBERED_HEADING)
_VILLAGE_HEADING = regex.compile(
    rf"[ \t]*(?P<marker>{ITEM_MARKERS})(?P<level>{VILLAGE_LEVEL})\s+"
    r"(?P<name>[\p{L}\d]+(?:[ \t]+[\p{L}\d]+){0,4})[ \t]*(?P<colon>:?)[ \t]*",
    _I,
)
_CATEGORY_LINE = regex.compile(rf"[ \t]*{ITEM_MARKERS}{CATEGORY_LINE}", _I)
_MARKED = regex.compile(rf"[ \t]*{ITEM_MARKER}")
_MARKERS_ONLY = regex.compile(rf"{ITEM_MARKER}\s*+{ITEM_MARKERS}")
_FINAL_PUNCTUATION = ".;:!?"
_LEVEL_START = regex.compile(rf"{VILLAGE_LEVEL}(?!\p{{L}})", _I)
_LEVEL_WORD = regex.compile(rf"(?<!\p{{L}}){VILLAGE_LEVEL}(?!\p{{L}})", _I)
# What a list item must hold, case-folded, for each reading of it to find anything: found in the case-folded
# item by the standard library's re, many times faster than the patterns are tried (and the item squashed).
# Each may find more (\s here also takes U+001C-U+001F); tests/test_poverty_speed.py checks them.
_HOUSEHOLD_ENTRY_GATE = re.compile(rf"{HOUSEHOLD_WORD}(?:\s+(?:cận\s+nghèo|nghèo))?\s*[:,]?\s*{HONORIFIC}")
_VILLAGE_HEADING_GATE = re.compile("|".join(re.escape(level.split()[0]) for level in VILLAGE_LEVELS))
_CATEGORY_LINE_GATE = re.compile(r"hộ\s")  # CATEGORY_LINE names 'hộ nghèo' or 'hộ cận nghèo'
_NUMBERED_FIRST = frozenset("IVXLC0123456789")  # NUMBERED_HEADING opens with a Roman numeral or a number


@dataclass(frozen=True)
class ListContext:
    """Where each village's and each category's part of a list begins and ends."""

    village_starts: tuple[int, ...]
    villages: tuple[str | None, ...]
    category_starts: tuple[int, ...]
    categories: tuple[str | None, ...]

    def village_at(self, offset: int) -> str | None:
        """The village whose heading encloses ``offset``."""
        index = bisect.bisect_right(self.village_starts, offset) - 1
        return self.villages[index] if index >= 0 else None

    def category_at(self, offset: int) -> str | None:
        """'poor' / 'near_poor' from the enclosing '- Đối với hộ nghèo:' line."""
        index = bisect.bisect_right(self.category_starts, offset) - 1
        return self.categories[index] if index >= 0 else None


def list_context(source: SourceText, tables: list[Table]) -> ListContext:
    """Village headings and category lines outside ``tables``, each lasting until the next heading of the list.

    Headings are read from whole list items (``list_items``), not lines: a PDF wrap inside
    '- Đối với hộ\\ncận nghèo:' still opens the near-poor part, and a wrapped line that begins
    '... cho từng\\nhộ nghèo, ...' opens nothing.
    """
    return _list_context(source, frozenset(row.evidence.start for table in tables for row in table.rows))


@lru_cache(maxsize=16)
def _list_context(source: SourceText, row_starts: frozenset[int]) -> ListContext:
    """``list_context`` by the starts of the table rows, read once per text (poverty, households, checks ask)."""
    villages: list[tuple[int, str | None]] = [(0, None)]
    categories: list[tuple[int, str | None]] = [(0, None)]
    for start, item in list_items(source.text, row_starts):
        if start in row_starts:
            continue
        folded = casefolded(item)  # None: read the plain way
        if (folded is None or _HOUSEHOLD_ENTRY_GATE.search(folded)) and HOUSEHOLD_ENTRY.search(item):
            continue
        may_village = folded is None or _VILLAGE_HEADING_GATE.search(folded) is not None
        may_category = folded is None or _CATEGORY_LINE_GATE.search(folded) is not None
        may_number = item.lstrip()[:1] in _NUMBERED_FIRST  # the first character of the squashed item
        if not (may_village or may_category or may_number):
            continue
        line = squash(item)
        village = village_heading(line) if may_village else None
        category = category_line(line) if may_category else None
        if village is not None:
            villages.append((start, village))
            categories.append((start, None))
        elif category is not None:
            categories.append((start, category))
        elif may_number and _NUMBERED_HEADING.match(line):
            villages.append((start, None))
            categories.append((start, None))
    return ListContext(
        tuple(offset for offset, _ in villages),
        tuple(village for _, village in villages),
        tuple(offset for offset, _ in categories),
        tuple(category for _, category in categories),
    )


def list_items(text: str, row_starts: set[int] | frozenset[int] = frozenset()) -> list[tuple[int, str]]:
    """(offset, text) of each list item or paragraph, its wrapped lines joined (newlines kept).

    A line opens an item when it starts with a marker (``ITEM_MARKER``) or a capital, or follows a
    blank line or a line with final punctuation; table rows and lines with tabs are items of their
    own. Any other line goes on the item before it (a line wrap), whatever its first word; so does
    the line after a bare marker ('-' alone, its words wrapped to the next line).
    """
    items: list[tuple[int, list[str]]] = []
    start, previous = 0, ""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and items and _goes_on(previous, stripped) and start not in row_starts:
            items[-1][1].append(line)
        elif stripped:
            items.append((start, [line]))
        previous = stripped
        start += len(line) + 1
    return [(offset, "\n".join(lines)) for offset, lines in items]


def _goes_on(previous: str, line: str) -> bool:
    """True when ``line`` (stripped) is the wrapped rest of ``previous`` (stripped; '' for a blank line)."""
    if not previous or "\t" in previous or "\t" in line:
        return False
    if _MARKERS_ONLY.fullmatch(previous):
        return True  # '-' alone on a line, its words wrapped to the next
    if previous[-1] in _FINAL_PUNCTUATION:
        return False
    return line[0].islower() and not _MARKED.match(line)


def village_heading(line: str) -> str | None:
    """The village a heading line opens ('• Thôn Tô:' -> 'Thôn Tô'), or None for other lines."""
    match = _VILLAGE_HEADING.fullmatch(line)
    if not match or not is_village_name(match["name"]):
        return None
    marked, colon = bool(match["marker"].strip()), bool(match["colon"])
    capitalised = not match["level"][0].islower() or not match["name"][0].islower()
    # a PDF line can be the end of a sentence ('... của\nthôn xem xét'): a heading needs a bullet or a colon
    if not (marked and colon) and not ((marked or colon) and capitalised):
        return None
    return village_name(match["level"], match["name"])


def category_line(line: str) -> str | None:
    """'poor' / 'near_poor' for a line opening that part of a list ('- Đối với hộ nghèo:'), else None."""
    match = _CATEGORY_LINE.match(line)
    if not match:
        return None
    return "near_poor" if match["near"] else "poor"


def is_village_name(name: str) -> bool:
    """False for words after a village level that are a sentence, not a name ('thôn có 6 hộ')."""
    return not any(word.lower() in NOT_VILLAGE_NAME_WORDS for word in name.split())


def village_name(level: str, name: str) -> str:
    """'thôn' + 'hạc sơn' -> 'Thôn Hạc Sơn': place names are written in mixed case."""
    level = squash(level).lower()
    words = [_capitalised(word) for word in squash(name).split(" ")]
    return " ".join([level[:1].upper() + level[1:], *words])


_ROMAN_RE = regex.compile(r"[IVXLC]+")


def _capitalised(word: str) -> str:
    if _ROMAN_RE.fullmatch(word):
        return word  # 'Thôn II'
    if word.isupper():
        word = word.lower()  # 'BẢN PHIÊNG LUÔNG' in a capitalised heading
    return word[:1].upper() + word[1:]


def cell_village(text: str, header: str) -> str:
    """A village cell as a village name: 'Thôn Tô' stays, 'Nà Cạn' under a 'Thôn' column is 'Thôn Nà Cạn'."""
    level = _LEVEL_START.match(text)
    if level:
        return village_name(level.group(), text[level.end() :])
    header = squash(header)
    level = _LEVEL_WORD.search(header) if len(header.split()) <= 3 else None  # 'Thôn', 'Tên bản', 'Thôn/Bản'
    return village_name(level.group(), text) if level else text


# Each column's header words as whole words, compiled once (compiled per header cell, they cost more than the rest).
_COLUMN_WORD_RES = {
    key: [regex.compile(rf"(?<!\p{{L}}){regex.escape(word)}(?!\p{{L}})") for word in words]
    for key, words in HOUSEHOLD_COLUMNS.items()
}


def household_columns(header: list[str]) -> dict[str, int]:
    """Which column holds what ('name', 'village', 'members', ...) by header words; officials excluded."""
    columns: dict[str, int] = {}
    for index, label in enumerate(header):
        lowered = squash(label).lower()
        if not lowered:
            continue
        tick = CATEGORY_VALUES.get(lowered)
        if tick is not None:
            columns.setdefault(f"tick:{tick}", index)
            continue
        for key, patterns in _COLUMN_WORD_RES.items():
            if any(pattern.search(lowered) for pattern in patterns):
                if key == "name" and any(word in lowered for word in OFFICIAL_COLUMN_WORDS):
                    break
                columns.setdefault(key, index)
                break
    return columns
