"""Named households in a plan's lists ('+ Đối với hộ bà: Trương Thị Thanh có 1 khẩu, ...') and tables."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from extractor.parsers.numbers import NUMBER, parse_count
from extractor.parsers.tables import parse_tables, table_line_spans
from extractor.text import SourceText, squash
from extractor.vocab.households import (
    CATEGORY_LINE,
    CAUSE_LABEL,
    CATEGORY_VALUES,
    HONORIFIC,
    HONORIFICS,
    HOUSEHOLD_COLUMNS,
    HOUSEHOLD_WORD,
    MEMBERS_WORD,
    OFFICIAL_COLUMN_WORDS,
    OFFICIAL_WORDS,
    VILLAGE_LEVEL,
    WORKERS_WORD,
)
from schemas import Household, Table, TableRow, Value

_I = regex.IGNORECASE
_BULLETS = r"(?:[-+•*–●▪◦]\s*|,\s*)*"
# A name: two to six capitalised words ('Trương Thị Thanh'); a line wrap may fall between them.
_NAME = r"(?-i:\p{Lu}\p{L}*(?:(?:[ \t]+|[ \t]*\n[ \t]*)\p{Lu}\p{L}*){1,5})"

# --- text structure shared with the poverty parser -------------------------------------------------

_SENTENCE_BREAKS = regex.compile(
    r"(?<=[.!?…])[ \t]+(?=[\p{Lu}\d\-+•*–(“\"])"  # '... 8,90%. Số hộ' but not '8,90%. giảm'
    r"|(?<=[.!?…])[ \t]*\n"
    r"|[ \t]*\n[ \t]*\n(?=\s*[^\s\p{Ll}])\s*"  # a blank line, unless a page break cut a sentence
    r"|\n(?=[ \t]*(?:[-+•*–●▪◦]|\d{1,2}(?:\.\d{1,2})*[.)]\s|\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\s"  # a list item
    r"|[IVXLC]{1,5}[.)]\s|[a-zđ]\)\s))"
)
# 'II.', '3.', '4.2', '2.1.': a numbered heading (a line starting '12 hộ' in a PDF is not one).
NUMBERED_HEADING = r"[ \t]*(?:[IVXLC]{1,5}[.)]|\d{1,2}[.)]|\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\.?)[ \t]+\S"
_NUMBERED_HEADING = regex.compile(NUMBERED_HEADING)
_VILLAGE_HEADING = regex.compile(
    rf"[ \t]*(?P<marker>{_BULLETS}(?:(?:\d{{1,2}}(?:\.\d{{1,2}})*|[a-zđ])[.)]\s*)?)(?P<level>{VILLAGE_LEVEL})\s+"
    r"(?P<name>[\p{L}\d]+(?:[ \t]+[\p{L}\d]+){0,4})[ \t]*(?P<colon>:?)[ \t]*",
    _I,
)
_CATEGORY_LINE = regex.compile(rf"[ \t]*{_BULLETS}(?:[a-zđ\d]{{1,2}}[.)]\s*)?{CATEGORY_LINE}", _I)
_NOT_NAME_WORDS = {"có", "và", "của", "là", "với", "tại"}


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


def sentence_spans(source: SourceText) -> list[tuple[int, int]]:
    """(start, end) of each sentence or list item outside tables; '8,90%. giảm 9,44%' stays one sentence."""
    text = source.text
    cuts = table_line_spans(source) + [(m.start(), m.end()) for m in _SENTENCE_BREAKS.finditer(text)]
    cuts.sort()
    spans, position = [], 0
    for start, end in cuts + [(len(text), len(text))]:
        if start >= position:
            _add_trimmed(text, position, start, spans)
        position = max(position, end)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + (len(chunk) - len(chunk.lstrip()))
        spans.append((offset, offset + len(stripped)))


def village_name(level: str, name: str) -> str:
    """'thôn' + 'hạc sơn' -> 'Thôn Hạc Sơn': place names are written in mixed case."""
    level = squash(level).lower()
    words = [_capitalised(word) for word in squash(name).split(" ")]
    return " ".join([level[:1].upper() + level[1:], *words])


def _capitalised(word: str) -> str:
    if regex.fullmatch(r"[IVXLC]+", word):
        return word  # 'Thôn II'
    if word.isupper():
        word = word.lower()  # 'BẢN PHIÊNG LUÔNG' in a capitalised heading
    return word[:1].upper() + word[1:]


def village_heading(line: str) -> str | None:
    """The village a heading line opens ('• Thôn Tô:' -> 'Thôn Tô'), or None for other lines."""
    match = _VILLAGE_HEADING.fullmatch(line)
    if not match or any(word.lower() in _NOT_NAME_WORDS for word in match["name"].split()):
        return None
    marked, colon = bool(match["marker"].strip()), bool(match["colon"])
    capitalised = not match["level"][0].islower() or not match["name"][0].islower()
    # a PDF line can be the end of a sentence ('... của\nthôn xem xét'): a heading needs a bullet or a colon
    if not (marked and colon) and not ((marked or colon) and capitalised):
        return None
    return village_name(match["level"], match["name"])


def list_context(source: SourceText) -> ListContext:
    """Village headings and category lines, each lasting until the next heading of the list."""
    villages: list[tuple[int, str | None]] = [(0, None)]
    categories: list[tuple[int, str | None]] = [(0, None)]
    table_starts = {start for start, _ in table_line_spans(source)}
    start = 0
    for line in source.text.split("\n"):
        if start not in table_starts and line.strip() and not _ENTRY.search(line):
            village = village_heading(line)
            category = category_line(line)
            if village is not None:
                villages.append((start, village))
                categories.append((start, None))
            elif category is not None:
                categories.append((start, category))
            elif _NUMBERED_HEADING.match(line):
                villages.append((start, None))
                categories.append((start, None))
        start += len(line) + 1
    return ListContext(
        tuple(offset for offset, _ in villages),
        tuple(village for _, village in villages),
        tuple(offset for offset, _ in categories),
        tuple(category for _, category in categories),
    )


def category_line(line: str) -> str | None:
    """'poor' / 'near_poor' for a line opening that part of a list ('- Đối với hộ nghèo:'), else None."""
    match = _CATEGORY_LINE.match(line)
    if not match:
        return None
    return "near_poor" if match["near"] else "poor"


# --- households written as list items ----------------------------------------------------------------

_ENTRY = regex.compile(
    rf"(?<!\p{{L}}){HOUSEHOLD_WORD}(?:\s+(?P<cat>cận\s+nghèo|nghèo))?\s*[:,]?\s*"
    rf"(?P<hon>{HONORIFIC})(?!\p{{L}})\s*[:.,]?\s*(?P<name>{_NAME})",
    _I,
)
_ITEM_ENTRY = regex.compile(
    rf"{_BULLETS}(?:\d{{1,3}}[.)]\s*)?(?P<hon>{HONORIFIC})(?!\p{{L}})\s*[:.,]?\s*(?P<name>{_NAME})", _I
)
_MEMBERS = regex.compile(rf"(?P<n>{NUMBER})\s*{MEMBERS_WORD}(?!\p{{L}})|{MEMBERS_WORD}\s*:\s*(?P<n2>{NUMBER})", _I)
_WORKERS = regex.compile(rf"(?P<n>{NUMBER})\s*{WORKERS_WORD}(?!\p{{L}})|{WORKERS_WORD}\s*:\s*(?P<n2>{NUMBER})", _I)
_CAUSE = regex.compile(rf"{CAUSE_LABEL}(?P<cause>[^;]*[^;\s.])", _I)
# 'Hộ ông Lò Văn Pản, bản Nà Cạn, ...': the village written after the name.
_INLINE_VILLAGE = regex.compile(
    rf"\s*[,(–-]\s*(?P<level>{VILLAGE_LEVEL})\s+"
    r"(?P<name>(?-i:[\p{Lu}\d][\p{L}\d]*(?:[ \t]+(?:\p{Lu}\p{L}*|\d+))*))",
    _I,
)
_GLUED_CO = regex.compile(r"(?<=\p{Ll}{2})có$")  # 'Vũ Thị Giaocó 3 khẩu': the space before 'có' is missing


def parse_households(source: SourceText) -> list[Household]:
    """Every named household: list items under village/category headings, and household tables."""
    context = list_context(source)
    found = _listed_households(source, context) + _tabled_households(source, context, parse_tables(source))
    return sorted(found, key=lambda household: household.evidence.start)


def _listed_households(source: SourceText, context: ListContext) -> list[Household]:
    households = []
    for start, end in sentence_spans(source):
        sentence = source.text[start:end]
        entries = list(_ENTRY.finditer(sentence))
        if not entries:
            item = _ITEM_ENTRY.match(sentence)
            entries = [item] if item and _looks_like_household(sentence[item.end() :]) else []
        for number, entry in enumerate(entries):
            stop = entries[number + 1].start() if number + 1 < len(entries) else len(sentence)
            household = _household(source, context, start, entry, stop)
            if household is not None:
                households.append(household)
    return households


def _looks_like_household(rest: str) -> bool:
    """An item that names a person is a household when it gives members or a cause, not an office."""
    head = rest[:40].lower()
    if any(word in head for word in OFFICIAL_WORDS):
        return False
    return bool(_MEMBERS.search(rest) or _CAUSE.search(rest))


def _household(source: SourceText, context: ListContext, base: int, entry: regex.Match, stop: int) -> Household | None:
    name_start, name_end = base + entry.start("name"), base + entry.end("name")
    glued = _GLUED_CO.search(source.text[name_start:name_end])
    if glued:
        name_end = name_start + glued.start()
    name = squash(source.text[name_start:name_end])
    if len(name.split()) < 2:
        return None
    tail_start, tail_end = name_end, base + stop
    tail = source.text[tail_start:tail_end]
    cause_match = _CAUSE.search(tail)
    counted = tail[: cause_match.start()] if cause_match else tail
    village = context.village_at(base + entry.start())
    inline = _INLINE_VILLAGE.match(tail)
    if inline:
        village = village_name(inline["level"], inline["name"])
    end = tail_end - (len(tail) - len(tail.rstrip(" \t\n;,.")))
    return Household(
        village=village,
        category=_entry_category(entry) or context.category_at(base + entry.start()),
        honorific=HONORIFICS[entry["hon"].lower()],
        name=source.value(name, name_start, name_end),
        members=_count_value(source, _MEMBERS.search(counted), tail_start),
        workers=_count_value(source, _WORKERS.search(counted), tail_start),
        cause=_cause_value(source, cause_match, tail_start),
        evidence=source.evidence(base + entry.start(), max(end, name_end)),
    )


def _entry_category(entry: regex.Match) -> str | None:
    """'Hộ cận nghèo ông ...' names its own category."""
    named = entry.groupdict().get("cat")
    if not named:
        return None
    return "near_poor" if named.lower().startswith("cận") else "poor"


def _count_value(source: SourceText, match: regex.Match | None, base: int) -> Value[int] | None:
    if match is None:
        return None
    group = "n" if match["n"] is not None else "n2"
    count = parse_count(match[group])
    if count is None:
        return None
    return source.value(count, base + match.start(), base + match.end())


def _cause_value(source: SourceText, match: regex.Match | None, base: int) -> Value[str] | None:
    if match is None:
        return None
    cause = squash(match["cause"])
    return source.value(cause, base + match.start("cause"), base + match.end("cause")) if cause else None


# --- households in a table -----------------------------------------------------------------------------

_CELL_HONORIFIC = regex.compile(rf"(?P<hon>{HONORIFIC})(?!\p{{L}})\s*[:.]?\s*", _I)


def _tabled_households(source: SourceText, context: ListContext, tables: list[Table]) -> list[Household]:
    households = []
    for table in tables:
        columns = household_columns(table.header)
        if "name" not in columns:
            continue
        category = _title_category(table.title) or context.category_at(table.evidence.start)
        for row in table.rows:
            if not row.is_header and not row.is_total:
                household = _row_household(source, context, table, row, columns, category)
                if household is not None:
                    households.append(household)
    return households


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
        for key, words in HOUSEHOLD_COLUMNS.items():
            if any(regex.search(rf"(?<!\p{{L}}){regex.escape(word)}(?!\p{{L}})", lowered) for word in words):
                if key == "name" and any(word in lowered for word in OFFICIAL_COLUMN_WORDS):
                    break
                columns.setdefault(key, index)
                break
    return columns


def _title_category(title: str | None) -> str | None:
    lowered = (title or "").lower()
    if "cận nghèo" in lowered and "hộ nghèo" not in lowered:
        return "near_poor"
    if "hộ nghèo" in lowered and "cận nghèo" not in lowered:
        return "poor"
    return None


def _row_household(
    source: SourceText, context: ListContext, table: Table, row: TableRow, columns: dict[str, int], category: str | None
) -> Household | None:
    cells = row.cells
    name_cell = cells[columns["name"]] if columns["name"] < len(cells) else None
    if name_cell is None or name_cell.evidence is None or name_cell.number is not None:
        return None
    raw, start = name_cell.evidence.raw, name_cell.evidence.start
    honorific = None
    prefix = _CELL_HONORIFIC.match(raw)
    if prefix and prefix.end() < len(raw):
        honorific = HONORIFICS[prefix["hon"].lower()]
        start += prefix.end()
        raw = raw[prefix.end() :]
    name = squash(raw)
    if len(name.split()) < 2 or not name[:1].isupper():
        return None
    for tick in ("poor", "near_poor"):
        index = columns.get(f"tick:{tick}")
        if index is not None and index < len(cells) and cells[index].text:
            category = tick
    if "category" in columns and columns["category"] < len(cells):
        category = CATEGORY_VALUES.get(cells[columns["category"]].text.lower(), category)
    return Household(
        village=_cell_village(table, cells, columns) or context.village_at(row.evidence.start),
        category=category,
        honorific=honorific,
        name=source.value(name, start, start + len(raw)),
        members=_cell_count(source, cells, columns.get("members")),
        workers=_cell_count(source, cells, columns.get("workers")),
        cause=_cell_text(source, cells, columns.get("cause")),
        evidence=row.evidence,
    )


def _cell_village(table: Table, cells: list, columns: dict[str, int]) -> str | None:
    index = columns.get("village")
    if index is None or index >= len(cells) or not cells[index].text:
        return None
    return cell_village(cells[index].text, table.header[index] if index < len(table.header) else "")


def cell_village(text: str, header: str) -> str:
    """A village cell as a village name: 'Thôn Tô' stays, 'Nà Cạn' under a 'Thôn' column is 'Thôn Nà Cạn'."""
    level = _LEVEL_START.match(text)
    if level:
        return village_name(level.group(), text[level.end() :])
    header = squash(header)
    level = _LEVEL_WORD.search(header) if len(header.split()) <= 3 else None  # 'Thôn', 'Tên bản', 'Thôn/Bản'
    return village_name(level.group(), text) if level else text


_LEVEL_START = regex.compile(rf"{VILLAGE_LEVEL}(?!\p{{L}})", _I)
_LEVEL_WORD = regex.compile(rf"(?<!\p{{L}}){VILLAGE_LEVEL}(?!\p{{L}})", _I)


def _cell_count(source: SourceText, cells: list, index: int | None) -> Value[int] | None:
    if index is None or index >= len(cells) or cells[index].number is None:
        return None
    count = parse_count(cells[index].text)
    evidence = cells[index].evidence
    return source.value(count, evidence.start, evidence.end) if count is not None else None


def _cell_text(source: SourceText, cells: list, index: int | None) -> Value[str] | None:
    if index is None or index >= len(cells) or not cells[index].text:
        return None
    evidence = cells[index].evidence
    return source.value(cells[index].text, evidence.start, evidence.end)
