"""Counts broken into parts in the text: '40 hộ ...: có 27 hộ ..., 06 hộ ... và 01 hộ ...'.

The structure, not the words, makes a breakdown: a count with its unit (the whole), a few words without
numbers or punctuation, a connector (':', '(', 'gồm', 'trong đó', 'cụ thể'), then counts of the SAME unit
joined by ',', ';' or 'và', closed by ')', a full stop or the end of the paragraph.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

import regex

from extractor.parsers.numbers import (
    MONEY,
    NUMBER,
    NUMBER_START_RE,
    money_of,
    parse_number,
    unit_multiplier,
)
from extractor.structure import paragraphs as cached_paragraphs
from extractor.text import Anchored, SourceText, squash
from extractor.vocab import checks_totals as vocab
from extractor.vocab.budgets import BARE_MULTIPLIERS

_I = regex.IGNORECASE
_NUMBER_RE = regex.compile(NUMBER)
_NUMBERS = Anchored(_NUMBER_RE, NUMBER_START_RE)  # _NUMBER_RE's matches, tried only where a number starts
_MONEY_RE = regex.compile(MONEY, _I)
_UNIT_RE = regex.compile(r"[ \t\n]*(?P<unit>\p{L}+)(?:[ \t\n]+(?P<noun>\p{L}+))?")
# Read backwards from where it is matched: the run of letters ending there (one anchored match, where
# '(\p{L}+)[ \t\n]*$' searched over the words before a number tried every offset).
_LETTERS_BEFORE_RE = regex.compile(r"\p{L}+", regex.REVERSE)
_CONNECTOR_RE = regex.compile(
    r"\(|:|(?<!\p{L})(?P<word>" + "|".join(vocab.CONNECTOR_WORDS) + r")(?!\p{L})(?:\s*:)?", _I
)
_LEADING_CONNECTOR_RE = regex.compile(r"\s*(?P<word>" + "|".join(vocab.CONNECTOR_WORDS) + r")(?!\p{L})\s*:?", _I)
_GAP_FORBIDDEN_RE = regex.compile(r"[0-9,.;:!?()\[\]/%\t]")
_COMPOUND_GAP_RE = regex.compile(r"[\p{L} \t\n]*?(?:,|(?<!\p{L})và)[ \t\n]*")
_AND_RE = regex.compile(r"(?<!\p{L})và(?!\p{L})", _I)
_ATTRIBUTE_RE = regex.compile(vocab.ATTRIBUTE_PART, _I | regex.DOTALL)
_DIGIT_RUN_RE = regex.compile(r"[0-9]+")
_WORD_NEXT_RE = regex.compile(r"\s+\p{L}")
_YEAR_RE = regex.compile(r"(?<![0-9.,])(?:19|20)[0-9]{2}(?![0-9.,][0-9])")
_MAX_GAP_WORDS = 20
_MAX_COMPOUND_WORDS = 5


@dataclass(frozen=True)
class Count:
    """A number with its unit: '27 hộ' (unit 'hộ'), '27 bộ máy' (unit 'bộ', noun 'máy'), money in đồng."""

    value: Decimal
    unit: str
    noun: str | None
    start: int
    end: int
    precision: Decimal  # one unit in the last printed place, in the value's own unit (đồng for money)

    def same_unit(self, other: Count) -> bool:
        """True when both count the same things ('27 bộ máy cày' and '06 máy cắt cỏ' both count 'máy')."""
        if self.unit == other.unit:
            return True
        mine = self.noun if self.unit in vocab.CLASSIFIERS else None
        theirs = other.noun if other.unit in vocab.CLASSIFIERS else None
        return other.unit in (mine,) or self.unit in (theirs,) or (mine is not None and mine == theirs)


@dataclass(frozen=True)
class Breakdown:
    """A whole and the counts the text breaks it into."""

    whole: tuple[Count, ...]  # several when the text joins them: '14 hộ nghèo và 5 hộ cận nghèo; trong đó'
    parts: tuple[Count, ...]
    connector: str  # ':', '(', or the connector words squashed and in lower case
    subset: bool  # 'trong đó': parts may be partial or overlap
    attribute: bool  # parts written 'số hộ ... là 9 hộ': overlapping attributes, never a sum
    complete: bool  # every item of the list has its count, and the list is closed
    start: int
    end: int

    @property
    def whole_value(self) -> Decimal:
        """The whole: the joined counts added up."""
        return sum((count.value for count in self.whole), Decimal(0))

    @property
    def parts_value(self) -> Decimal:
        """The parts added up."""
        return sum((count.value for count in self.parts), Decimal(0))


@lru_cache(maxsize=8)
def find_breakdowns(source: SourceText) -> tuple[Breakdown, ...]:
    """Every count the text breaks into parts, in reading order (cached: two rule families ask)."""
    text = source.text
    paragraphs = cached_paragraphs(source)
    # Each number starts a run of digits: a paragraph with fewer than two runs has no whole and part.
    runs = [match.start() for match in _DIGIT_RUN_RE.finditer(text)]
    found = []
    for start, end in zip([0] + [e + 1 for e in paragraphs.ends], paragraphs.ends + [len(text)]):
        first = bisect.bisect_left(runs, start)
        if first + 1 >= len(runs) or runs[first + 1] >= end or "\t" in text[start:end]:
            continue  # fewer than two numbers, or a table row: tables have their own total rows
        connectors = list(_CONNECTOR_RE.finditer(text, start, end))
        counts = find_counts(text, start, end) if connectors else []
        if len(counts) < 2:
            continue
        for connector in connectors:
            breakdown = _breakdown(text, counts, connector, end)
            if breakdown is not None:
                found.append(breakdown)
    return tuple(found)


def find_counts(text: str, start: int, end: int) -> list[Count]:
    """Every count with a unit in text[start:end]: not dates, years, ages, rates or names ('Dự án 1')."""
    counts = []
    for match in _NUMBERS.finditer(text, start, end):
        count = _count_at(text, match, end)
        if count is not None:
            counts.append(count)
    return counts


def _count_at(text: str, match: regex.Match, limit: int) -> Count | None:
    after = text[match.end() : match.end() + 2].lstrip(" ")
    before = text[max(0, match.start() - 2) : match.start()].rstrip(" ")
    if after[:1] in ("%", "/") or before[-1:] in ("/", "-", "–"):
        return None  # a rate, a ratio '163 hộ/ 889 hộ', a date or a range
    word_before = _word_before(text, match.start())
    if word_before and word_before.lower() in vocab.NUMBER_NAME_WORDS:
        return None  # 'năm 2023', 'Dự án 1', 'thôn 3'
    number = parse_number(match.group())
    if number is None:
        return None
    money = _MONEY_RE.match(text, match.start(), limit)
    if money and money.start("amount") == match.start():
        unit = squash(money["unit"]).lower()
        multiplier = unit_multiplier(money["unit"])
        if unit in BARE_MULTIPLIERS and _WORD_NEXT_RE.match(text[money.end() : money.end() + 2]):
            return None  # '2 triệu người': a count of people in millions, not money
        value = money_of(money)
        if value is None or multiplier is None:
            return None
        return Count(Decimal(value), "money", None, match.start(), money.end(), _place(number) * multiplier)
    unit = _UNIT_RE.match(text, match.end(), limit)
    if not unit:
        return None
    word = unit["unit"].lower()
    if word in vocab.NON_COUNT_UNITS or word in vocab.NON_UNIT_WORDS:
        return None
    noun = unit["noun"].lower() if unit["noun"] else None
    return Count(number, word, noun, match.start(), unit.end("unit"), _place(number))


def _word_before(text: str, offset: int) -> str | None:
    """The word right before ``offset`` (spaces, tabs and line ends between), within its 20 characters."""
    start = max(0, offset - 20)
    end = offset
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    letters = _LETTERS_BEFORE_RE.match(text, start, end)
    return letters.group() if letters else None


def _place(number: Decimal) -> Decimal:
    exponent = number.as_tuple().exponent
    return Decimal(1).scaleb(exponent) if isinstance(exponent, int) else Decimal(0)


# --- one connector ----------------------------------------------------------------------------


def _breakdown(text: str, counts: list[Count], connector: regex.Match, para_end: int) -> Breakdown | None:
    """The breakdown a connector opens, when a whole stands right before it and counts follow it."""
    gap_end = connector.start()
    if connector["word"]:
        while gap_end > 0 and text[gap_end - 1] in " \t\n,;":
            gap_end -= 1
    wholes = [count for count in counts if count.end <= gap_end]
    if not wholes:
        return None
    whole = wholes[-1]
    gap = text[whole.end : gap_end]
    if _GAP_FORBIDDEN_RE.search(gap) or len(gap.split()) > _MAX_GAP_WORDS:
        return None
    joined = _joined_whole(text, wholes)
    name = squash(connector["word"]).lower() if connector["word"] else connector.group()
    list_start = connector.end()
    if name == "(":
        list_end = _closing_paren(text, list_start, para_end)
        if list_end is None:
            return None
        inner = _LEADING_CONNECTOR_RE.match(text, list_start, list_end)
        if inner:
            name, list_start = squash(inner["word"]).lower(), inner.end()
    else:
        list_end = _sentence_end(text, list_start, para_end)
    subset = name in vocab.SUBSET_CONNECTORS
    items = _items(text, list_start, list_end, whole)
    if items is None:
        return None
    parts, attribute, complete = items
    if len(parts) < (1 if subset else 2):
        return None
    return Breakdown(
        whole=tuple(joined),
        parts=tuple(parts),
        connector=name,
        subset=subset,
        attribute=attribute,
        complete=complete,
        start=joined[0].start,
        end=list_end,
    )


def _joined_whole(text: str, wholes: list[Count]) -> list[Count]:
    """The whole and the counts of its unit joined to it: '14 hộ nghèo và 5 hộ cận nghèo'."""
    joined = [wholes[-1]]
    for previous in reversed(wholes[:-1]):
        gap = text[previous.end : joined[0].start]
        if (
            not previous.same_unit(joined[0])
            or not _COMPOUND_GAP_RE.fullmatch(gap)
            or len(gap.replace(",", " ").split()) > _MAX_COMPOUND_WORDS
        ):
            break
        joined.insert(0, previous)
    return joined


def _closing_paren(text: str, start: int, limit: int) -> int | None:
    depth = 0
    for index in range(start, limit):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            if depth == 0:
                return index
            depth -= 1
    return None


def _outside_parentheses(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """(offset, character) of text[start:end] outside parentheses, the parentheses themselves left out."""
    depth = 0
    for index in range(start, end):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            yield index, char


def _sentence_end(text: str, start: int, limit: int) -> int:
    """Where the sentence holding text[start] ends: a full stop outside parentheses, or the paragraph end."""
    for index, char in _outside_parentheses(text, start, limit):
        if char in ".!?":
            following = text[index + 1 : index + 2]
            if char == "." and index > 0 and text[index - 1].isdigit() and following.isdigit():
                continue  # '1.728'
            if not following or following.isspace() or following in "\"”)*":
                return index
    return limit


def _items(text: str, start: int, end: int, whole: Count) -> tuple[list[Count], bool, bool] | None:
    """The counts of the list text[start:end], whether they are attributes, and whether none is missing.

    None when an item holds two counts of the whole's unit not joined by 'và' (not a list of parts).
    """
    chunks, end = _chunks(text, start, end)
    parts: list[Count] = []
    attributes = []
    complete = True
    for chunk_start, chunk_end in chunks:
        flat = _blank_parentheses(text, chunk_start, chunk_end) if "(" in text[chunk_start:chunk_end] else text
        own = [count for count in find_counts(flat, chunk_start, chunk_end) if count.same_unit(whole)]
        if not own:
            complete = False
            continue
        label_start = chunk_start
        for first, second in pairwise(own):
            if not _AND_RE.search(flat, first.end, second.start):
                return None
        for count in own:
            label = flat[label_start : count.start]
            label = _AND_RE.split(label)[-1] if label_start != chunk_start else label
            attributes.append(bool(_ATTRIBUTE_RE.match(label)))
            if _YEAR_RE.search(label):
                complete = False  # 'năm 2021: 100 hộ; 2022: 100 hộ': years so far, not every part
            parts.append(count)
            label_start = count.end
    return parts, bool(attributes) and all(attributes), complete


def _chunks(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """Items of a list split at ',' and ';' outside parentheses; a ';' after ',' items ends the list."""
    chunks = []
    separator = None
    chunk_start = start
    for index, char in _outside_parentheses(text, start, end):
        if char in ",;":
            if char == "," and 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit():
                continue  # '18,34'
            if separator is None:
                separator = char
            elif separator == "," and char == ";":
                end = index
                break
            elif separator == ";" and char == ",":
                continue  # items separated by ';' may hold commas
            chunks.append((chunk_start, index))
            chunk_start = index + 1
    chunks.append((chunk_start, end))
    return [(a, b) for a, b in chunks if text[a:b].strip()], end


def _blank_parentheses(text: str, start: int, end: int) -> str:
    """``text`` with the contents of parentheses inside text[start:end] replaced by spaces (offsets kept)."""
    chars = list(text[start:end])
    depth = 0
    for index, char in enumerate(chars):
        if char == "(":
            depth += 1
            chars[index] = " "
        elif char == ")":
            depth = max(0, depth - 1)
            chars[index] = " "
        elif depth > 0:
            chars[index] = " "
    return text[:start] + "".join(chars) + text[end:]
