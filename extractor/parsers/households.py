"""Named households in a plan's lists ('+ Đối với hộ bà: Trương Thị Thanh có 1 khẩu, ...') and tables."""

from __future__ import annotations

import regex

from extractor.parsers.lists import (
    HOUSEHOLD_ENTRY,
    ITEM_MARKERS,
    PERSON_NAME,
    ListContext,
    cell_village,
    household_columns,
    list_context,
    village_name,
)
from extractor.parsers.numbers import NUMBER, parse_count
from extractor.structure import sentence_spans
from extractor.text import SourceText, squash
from extractor.vocab.households import (
    CATEGORY_VALUES,
    CAUSE_LABEL,
    HONORIFIC,
    HONORIFICS,
    MEMBERS_WORD,
    OFFICIAL_WORDS,
    VILLAGE_LEVEL,
    WORKERS_WORD,
)
from schemas import Household, Table, TableRow, Value

_I = regex.IGNORECASE

# --- households written as list items ----------------------------------------------------------------

_ITEM_ENTRY = regex.compile(
    rf"{ITEM_MARKERS}(?P<hon>{HONORIFIC})(?!\p{{L}})\s*[:.,]?\s*(?P<name>{PERSON_NAME})", _I
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


def parse_households(source: SourceText, tables: list[Table]) -> list[Household]:
    """Every named household: list items under village/category headings, and rows of household ``tables``."""
    context = list_context(source, tables)
    found = _listed_households(source, tables, context) + _tabled_households(source, context, tables)
    return sorted(found, key=lambda household: household.evidence.start)


def _listed_households(source: SourceText, tables: list[Table], context: ListContext) -> list[Household]:
    households = []
    for start, end in sentence_spans(source, tables):
        sentence = source.text[start:end]
        entries = list(HOUSEHOLD_ENTRY.finditer(sentence))
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
