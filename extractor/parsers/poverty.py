"""Poverty statistics: counts and rates of poor, near-poor and multidimensionally poor households."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

import regex

from extractor.parsers.dates import SHORT_DATE
from extractor.parsers.households import (
    NUMBERED_HEADING,
    ListContext,
    cell_village,
    household_columns,
    list_context,
    sentence_spans,
    village_name,
)
from extractor.parsers.numbers import NUMBER, parse_count, parse_number
from extractor.parsers.tables import parse_tables
from extractor.text import SourceText, squash
from extractor.vocab.households import VILLAGE_LEVEL
from extractor.vocab.poverty import (
    ACTUAL_WORDS,
    BREAKDOWN_WORDS,
    CATEGORY_MENTIONS,
    COMPARATORS_AFTER,
    COMPARATORS_BEFORE,
    COUNTED_CATEGORIES,
    FILLERS,
    LINK_WORDS,
    MEASURE_VERBS,
    PLANNED_WORDS,
    RATE_BASE,
    RATED_CATEGORY,
    SHARE_GROUPS,
    SHARE_OF_COUNT,
    STOP_WORDS,
    TABLE_CATEGORY_COLUMN,
    TABLE_INCREASE_COLUMN,
    TABLE_LABEL_COLUMN,
    TABLE_OFFICIAL_COLUMN,
    TABLE_RATE_COLUMN,
    TABLE_REDUCTION_COLUMN,
    TABLE_TOTAL_COLUMN,
    TOTAL_LEAD,
    VILLAGE_LIST_LEAD,
    YEAR_BASE,
    YEAR_LEAD,
)
from schemas import PovertyStat, Table, TableCell, TableRow, Value

_I = regex.IGNORECASE
_CMP_BEFORE = "|".join(pattern for pattern, _ in COMPARATORS_BEFORE)
_CMP_AFTER = "|".join(pattern for pattern, _ in COMPARATORS_AFTER)
_HO = r"hộ(?!\p{L})"

# Every token of a statement, in the order the alternatives are tried at one position.
_TOKENS: list[tuple[str, str]] = [
    ("stop", rf"(?:{STOP_WORDS})(?!\p{{L}})"),
    ("breakdown", rf"(?:{BREAKDOWN_WORDS})(?!\p{{L}})"),
    ("share", rf"{NUMBER}\s*%\s*(?:{SHARE_OF_COUNT}|(?:các\s+)?(?:{SHARE_GROUPS})(?!\p{{L}}))"),
    # 'giảm 1,5% hộ nghèo': a rate written before its category.
    ("ratecat", rf"(?P<rc_val>(?P<rc_n>{NUMBER})\s*%)\s*(?:các\s+)?(?P<rc_cat>{RATED_CATEGORY})(?!\p{{L}})"),
    ("rate", rf"(?:(?P<r_cmp>{_CMP_BEFORE})\s+)?(?P<r_val>(?P<r_n>{NUMBER})\s*%)(?:\s*%)?(?:\s*/\s*năm)?"
     rf"(?:\s*/\s*{RATE_BASE})?(?:\s+(?P<r_up>{_CMP_AFTER}))?"),
    ("countcat", rf"(?:(?P<cc_cmp>{_CMP_BEFORE})\s+)?(?P<cc_val>(?P<cc_n>{NUMBER})\s+(?:"
     + "|".join(f"(?P<cc{i}>{pattern})" for i, (pattern, _, _) in enumerate(COUNTED_CATEGORIES))
     + rf"))(?:\s+(?P<cc_up>{_CMP_AFTER}))?"),
    # '163 hộ/ 889 hộ', '81/910 hộ': a count and its base.
    ("counttotal", rf"(?P<ct_val>(?P<ct_n>{NUMBER})(?:\s*{_HO})?)\s*/\s*(?:tổng\s+số\s+)?"
     rf"(?P<ct_tval>(?P<ct_t>{NUMBER})\s*{_HO})"),
    ("count", rf"(?:(?P<c_cmp>{_CMP_BEFORE})\s+)?(?P<c_val>(?P<c_n>{NUMBER})\s*{_HO})(?:\s+(?P<c_up>{_CMP_AFTER}))?"),
    ("total", rf"{TOTAL_LEAD}(?P<t_val>(?P<t_n>{NUMBER})\s*{_HO})"),
    ("mention", "|".join(f"(?P<m{i}>{pattern})" for i, (pattern, _, _) in enumerate(CATEGORY_MENTIONS))),
    # 'năm 2023', 'cuối năm 2024', '31/12/2023'; 'so với năm 2022' is the year compared with.
    ("when", rf"(?P<y_base>{YEAR_BASE})?{YEAR_LEAD}năm\s+(?P<y>(?:19|20)\d{{2}})(?!\d|\s*[-–]\s*(?:19|20)\d{{2}})"
     rf"|{SHORT_DATE}"),
    ("verb", "|".join(f"(?P<v{i}>(?:{pattern})(?!\\p{{L}}))" for i, (pattern, _) in enumerate(MEASURE_VERBS))),
    ("lead", VILLAGE_LIST_LEAD.format(level=VILLAGE_LEVEL).replace("(?P<level>", "(?P<lead_level>")),
    # 'thôn Tô:' opens an item of a village list; 'thôn Tô có 08 hộ nghèo' names the village of a figure.
    ("village", rf"(?P<vl>{VILLAGE_LEVEL})\s+(?P<vn>[\p{{L}}\d]+(?:\s+[\p{{L}}\d]+){{0,3}}?)(?P<vcolon>\s*:)"
     rf"|(?P<vl2>{VILLAGE_LEVEL})\s+(?P<vn2>(?-i:\p{{Lu}})[\p{{L}}\d]*(?:\s+[\p{{L}}\d]+){{0,3}}?)"
     r"(?=\s+có(?!\p{L}))"),
    # 'Bình Yên:' after 'tại các thôn:': a village named without its level word.
    ("label", r"(?P<lb>(?-i:\p{Lu}\p{L}*(?:\s+(?:\p{Lu}\p{L}*|\d+)){0,3}))\s*:(?!\s*\d{1,2}[/.])"),
]
_TOKEN_RE = regex.compile(
    "|".join(f"(?P<{name}>(?<![\\p{{L}}\\d])(?:{pattern}))" for name, pattern in _TOKENS), _I
)
_FILLER_RE = regex.compile(r"(?<!\p{L})(?:" + "|".join(FILLERS) + r")(?!\p{L})", _I)
_LINK_RE = regex.compile(rf"(?<!\p{{L}}){LINK_WORDS}(?!\p{{L}})", _I)
_PLANNED_RE = regex.compile(rf"(?<!\p{{L}})(?:{PLANNED_WORDS})(?!\p{{L}})", _I)
_ACTUAL_RE = regex.compile(rf"(?<!\p{{L}})(?:{ACTUAL_WORDS})(?!\p{{L}})", _I)
_PLAIN_PARENS = regex.compile(r"\([^()\d]*\)")  # '(sau điều tra)': asides without numbers are skipped
_HAS_CATEGORY = regex.compile(r"nghèo|hộ\s+cận", _I)
# A sentence without '12 hộ' or '5%' states nothing.
_HAS_VALUE = regex.compile(r"\d\s*(?:%|hộ(?!\p{L})|/|cận)", _I)
_STARTS_ITEM = regex.compile(rf"[-+•*–●▪◦]|[a-zđ]\)\s|{NUMBERED_HEADING}")
_HEADING = regex.compile(rf"(?m)^{NUMBERED_HEADING}[^\n]*")
_NOT_VILLAGE_WORDS = {"có", "và", "của", "là", "với", "tại", "các", "từng"}


@dataclass
class _Mention:
    family: str
    kind: str
    start: int
    has_rate_word: bool
    year: int | None = None


@dataclass
class _Record:
    mention: _Mention
    measure: str
    is_from: bool
    village: str | None
    start: int
    end: int
    households: Value[int] | None = None
    total: Value[int] | None = None
    rate: Value[Decimal] | None = None
    year: int | None = None
    comparators: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PovertyStatement:
    """A PovertyStat with what the schema cannot hold yet: planned or actual, and comparators."""

    stat: PovertyStat
    planned: bool
    comparators: dict[str, str]  # field name -> 'below' / 'above' / 'at_least' / 'at_most'
    origin: Literal["text", "table"]


def parse_poverty(source: SourceText) -> list[PovertyStat]:
    """Every statement of poor / near-poor / multidimensional poverty, one record per statement."""
    return [statement.stat for statement in parse_poverty_statements(source)]


def parse_poverty_statements(source: SourceText) -> list[PovertyStatement]:
    """The statements with their planned/actual flag and comparators, from prose and tables."""
    context = list_context(source)
    headings = [(m.start(), is_planned(m.group())) for m in _HEADING.finditer(source.text)]
    found = _prose_statements(source, context, headings) + table_statements(source, parse_tables(source), context)
    return sorted(found, key=lambda statement: statement.stat.evidence.start)


def _prose_statements(
    source: SourceText, context: ListContext, headings: list[tuple[int, bool]]
) -> list[PovertyStatement]:
    statements: list[PovertyStatement] = []
    heading_starts = [start for start, _ in headings]
    previous_year: int | None = None
    for start, end in sentence_spans(source):
        sentence = source.text[start:end]
        if not _HAS_CATEGORY.search(sentence) or not _HAS_VALUE.search(sentence):
            previous_year = None
            continue
        reader = _SentenceReader(source, start, sentence)
        records, year = reader.read()
        if year is None and not _STARTS_ITEM.match(sentence):
            year = previous_year
        previous_year = year if records else None
        default_village = context.village_at(start)
        heading = bisect.bisect_right(heading_starts, start) - 1
        heading_planned = headings[heading][1] if heading >= 0 else False
        for record in records:
            statements.append(_statement(source, record, sentence, start, year, default_village, heading_planned))
    return statements


def _statement(
    source: SourceText, record: _Record, sentence: str, base: int, year: int | None, village: str | None, heading: bool
) -> PovertyStatement:
    category, measure = record.mention.family, record.measure
    if record.mention.kind == "escaped":
        category, measure = "escaped", "level"
    elif record.mention.kind == "left_near":
        category, measure = "near_poor", "reduction"
    if record.year is None and not record.is_from:
        record.year = record.mention.year or year
    stat = PovertyStat(
        category=category,
        measure=measure,
        year=record.year,
        village=record.village or village,
        households=record.households,
        total_households=record.total,
        rate_percent=record.rate,
        evidence=source.evidence(record.start, record.end),
    )
    first_value = min(v.evidence.start for v in (record.households, record.rate, record.total) if v is not None)
    planned = False if record.is_from else is_planned(sentence[: first_value - base], heading)
    return PovertyStatement(stat=stat, planned=planned, comparators=dict(record.comparators), origin="text")


def is_planned(before: str, default: bool = False) -> bool:
    """True when the nearest planned/actual marker in ``before`` plans ('phấn đấu', 'kế hoạch')."""
    planned = [m.end() for m in _PLANNED_RE.finditer(before)]
    actual = [m.end() for m in _ACTUAL_RE.finditer(before)]
    if planned or actual:
        return max(planned, default=-1) > max(actual, default=-1)
    return default


def mention_category(phrase: str) -> str | None:
    """The category a phrase names ('hộ thoát nghèo' -> 'escaped'), or None."""
    for pattern, family, kind in CATEGORY_MENTIONS:
        if regex.fullmatch(pattern, squash(phrase), _I):
            return _KIND_CATEGORY.get(kind, family)
    return None


def comparator_of(word: str) -> str | None:
    """'dưới' -> 'below', 'trở lên' -> 'at_least'; None for words that do not bound a figure."""
    return _comparator(word, COMPARATORS_BEFORE) or _comparator(word, COMPARATORS_AFTER)


def is_filler(gap: str) -> bool:
    """True when the words between a category and a number leave the number describing the category."""
    return _unfilled_tail(gap) == gap


def verb_measure(phrase: str) -> str | None:
    """What a verb makes the next number measure ('giảm' -> 'reduction', 'còn' -> 'level')."""
    for pattern, measure in MEASURE_VERBS:
        if regex.fullmatch(pattern, squash(phrase), _I):
            return measure
    return None


class _SentenceReader:
    """Reads one sentence token by token; numbers attach to the category mentioned before them."""

    def __init__(self, source: SourceText, base: int, sentence: str):
        self.source, self.base = source, base
        self.work = _PLAIN_PARENS.sub(lambda m: " " * len(m.group()), sentence)
        self.records: list[_Record] = []
        self.year: int | None = None
        self.mention: _Mention | None = None
        self.first_family: str | None = None
        self.measure: str | None = None
        self.verb_since_value: str | None = None
        self.linked = False
        self.continuation: str | None = None
        self.last: _Record | None = None
        self.previous = ""
        self.village: str | None = None
        self.lead: tuple[str, str | None] | None = None
        self.verb_start: int | None = None
        self.candidate_total: Value[int] | None = None
        self.total: Value[int] | None = None  # the base a 'trong đó' breakdown gives its figures

    def read(self) -> tuple[list[_Record], int | None]:
        position = 0
        for token in _TOKEN_RE.finditer(self.work):
            gap = self.work[position : token.start()]
            tail = _unfilled_tail(gap)
            if tail != gap:
                self._break()
            if _LINK_RE.search(tail):
                self.linked = True  # 'Hiện tại thôn có 6 hộ nghèo': 'có' still links what follows
            position = token.end()
            kind = next(name for name, _ in _TOKENS if token.group(name) is not None)
            if kind == "stop" or (kind == "breakdown" and self.records):
                break
            getattr(self, f"_on_{kind}")(token)
            self.previous = kind
        found = [r for r in self.records if any(v is not None for v in (r.households, r.rate, r.total))]
        return found, self.year

    def _break(self) -> None:
        self.mention, self.measure, self.verb_since_value = None, None, None
        self.linked, self.continuation, self.previous = False, None, ""

    # --- tokens ------------------------------------------------------------------------------------

    def _on_breakdown(self, token: regex.Match) -> None:
        self.total, self.candidate_total = self.candidate_total, None
        self._break()

    def _on_share(self, token: regex.Match) -> None:
        pass  # a share of some group: neither a value nor a break

    def _on_ratecat(self, token: regex.Match) -> None:
        # 'giảm 1,5% hộ nghèo' is a reduction of the poor rate; '80% hộ nghèo được ...' is a share.
        if self.verb_since_value not in ("reduction", "increase"):
            self._break()
            return
        named = token["rc_cat"].lower()
        family = "near_poor" if "cận" in named else "poor"
        if family == "near_poor" and "hộ nghèo" in named:
            family = "multidimensional"  # 'hộ nghèo, hộ cận nghèo' together
        self._new_mention(family, "stat", self.base + token.start(), has_rate_word=True)
        self.measure = self.verb_since_value
        self._put("rate", token, "rc_n", None, None, value_group="rc_val")

    def _on_rate(self, token: regex.Match) -> None:
        if self.mention is None:
            return
        if self.mention.kind != "stat":
            # 'có 23 hộ thoát nghèo, giảm từ 2,66% ...': the rate is the poverty rate of the subject.
            start = self.verb_start if self.verb_start is not None else self.mention.start
            self._new_mention(self.first_family or self.mention.family, "stat", start, False)
        if not (self.linked or self.mention.has_rate_word or self.verb_since_value):
            return
        self._put("rate", token, "r_n", token["r_cmp"], token["r_up"], value_group="r_val")

    def _on_countcat(self, token: regex.Match) -> None:
        index = next(i for i in range(len(COUNTED_CATEGORIES)) if token.group(f"cc{i}") is not None)
        _, family, kind = COUNTED_CATEGORIES[index]
        linked = self.linked or self.verb_since_value or self.continuation or self.previous in ("village", "label")
        if not linked:
            self._break()  # 'hỗ trợ 50 hộ nghèo': households served, not a statistic
            return
        measure = self.verb_since_value or self.continuation or "level"
        self._new_mention(family, kind, self.base + token.start(), has_rate_word=False)
        self.measure = measure
        self._put("households", token, "cc_n", token["cc_cmp"], token["cc_up"], value_group="cc_val")

    def _on_counttotal(self, token: regex.Match) -> None:
        if self.mention is None:
            return
        record = self._put("households", token, "ct_n", None, None, value_group="ct_val")
        if record is not None:
            record.total = self._count(token, "ct_t", "ct_tval")
            record.end = max(record.end, self.base + token.end())

    def _on_count(self, token: regex.Match) -> None:
        if self.mention is not None:
            self._put("households", token, "c_n", token["c_cmp"], token["c_up"], value_group="c_val")
        elif not token["c_cmp"] and not token["c_up"]:
            self.candidate_total = self._count(token, "c_n", "c_val")  # 'Toàn xã có 2.520 hộ, trong đó ...'


    def _on_total(self, token: regex.Match) -> None:
        if self.last is not None and self.last.total is None and self.previous in ("rate", "count", "countcat"):
            self.last.total = self._count(token, "t_n", "t_val")
            self.last.end = self.base + token.end()

    def _on_mention(self, token: regex.Match) -> None:
        index = next(i for i in range(len(CATEGORY_MENTIONS)) if token.group(f"m{i}") is not None)
        _, family, kind = CATEGORY_MENTIONS[index]
        has_rate_word = bool(regex.match(r"(?:tỷ|tỉ)\s+lệ", token.group(), _I))
        self._new_mention(family, kind, self.base + token.start(), has_rate_word)
        self.measure = self.verb_since_value
        self.linked = has_rate_word

    def _on_when(self, token: regex.Match) -> None:
        if token["y_base"]:
            return  # 'so với năm 2022' names the year compared with
        year = int(token["y"] or token["year"])
        if self.previous in ("rate", "count", "countcat", "counttotal", "ratecat") and self.last is not None:
            if self.last.year is None:
                self.last.year = year
        elif self.previous == "mention" and self.mention is not None:
            self.mention.year = year
        if self.year is None:
            self.year = year

    def _on_verb(self, token: regex.Match) -> None:
        index = next(i for i in range(len(MEASURE_VERBS)) if token.group(f"v{i}") is not None)
        measure = MEASURE_VERBS[index][1]
        if measure == "from_after_verb":
            # 'giảm tỷ lệ hộ nghèo từ 3,5%', 'Tỷ lệ hộ nghèo từ 15,2% ... giảm xuống còn 10,5%'
            if self.measure not in ("reduction", "increase") and self.previous != "mention":
                self._break()
                return
            measure = "from"
        self.measure = self.verb_since_value = measure
        self.verb_start = self.base + token.start()
        self.linked = True

    def _on_lead(self, token: regex.Match) -> None:
        self.lead = (token["lead_level"], self.verb_since_value or self.measure)

    def _on_village(self, token: regex.Match) -> None:
        level, name = (token["vl"], token["vn"]) if token["vl"] else (token["vl2"], token["vn2"])
        if any(word.lower() in _NOT_VILLAGE_WORDS for word in name.split()) or (name[0].islower() and not self.lead):
            self._break()
            return
        self.village = village_name(level, name)
        if token["vcolon"]:
            self._open_list_item()

    def _on_label(self, token: regex.Match) -> None:
        if self.lead is None:
            self._break()
            return
        self.village = village_name(self.lead[0], token["lb"])
        self._open_list_item()

    # --- helpers -----------------------------------------------------------------------------------

    def _open_list_item(self) -> None:
        """'thôn Tô: 3 hộ nghèo; 06 hộ cận': each item starts afresh with the list's verb."""
        self.mention, self.continuation = None, None
        lead_measure = self.lead[1] if self.lead else None
        self.measure = self.verb_since_value = lead_measure
        self.linked = True

    def _new_mention(self, family: str, kind: str, start: int, has_rate_word: bool) -> None:
        self.mention = _Mention(family, kind, start, has_rate_word)
        if self.first_family is None:
            self.first_family = family

    def _put(
        self, field_name: str, token: regex.Match, number_group: str, before: str | None, after: str | None,
        value_group: str,
    ) -> _Record | None:
        """Put one number into the open record of the current mention and measure, or a new record."""
        mention = self.mention
        measure = self.measure or "level"
        is_from = measure == "from"
        measure = "level" if is_from else measure
        if field_name == "rate":
            number = parse_number(token[number_group])
            value = None if number is None else self._value(number, token, value_group)
        else:
            value = self._count(token, number_group, value_group)
        if value is None:
            return None
        open_records = (
            r for r in reversed(self.records)
            if r.mention is mention and (r.measure, r.is_from) == (measure, is_from) and getattr(r, field_name) is None
        )
        record = next(open_records, None)
        if record is None:
            record = _Record(mention, measure, is_from, self.village, mention.start, self.base + token.end())
            if measure == "level" and mention.kind == "stat" and self.total is not None:
                record.total = self.total
                record.start = min(record.start, self.total.evidence.start)
            self.records.append(record)
        setattr(record, field_name, value)
        record.start = min(record.start, value.evidence.start)
        record.end = max(record.end, self.base + token.end())
        comparator = _comparator(before, COMPARATORS_BEFORE) or _comparator(after, COMPARATORS_AFTER)
        if comparator:
            record.comparators[_STAT_FIELD[field_name]] = comparator
        self.last, self.continuation, self.verb_since_value = record, None if is_from else measure, None
        self.linked = True  # '120 hộ (5,2%)': a figure links the rate after it
        return record

    def _value(self, number: Decimal, token: regex.Match, group: str) -> Value[Decimal]:
        return self.source.value(number, self.base + token.start(group), self.base + token.end(group))

    def _count(self, token: regex.Match, number_group: str, value_group: str) -> Value[int] | None:
        count = parse_count(token[number_group])
        if count is None:
            return None
        return self.source.value(count, self.base + token.start(value_group), self.base + token.end(value_group))


_STAT_FIELD = {"households": "households", "rate": "rate_percent", "total": "total_households"}


def _comparator(text: str | None, table: list[tuple[str, str]]) -> str | None:
    if not text:
        return None
    for pattern, name in table:
        if regex.fullmatch(pattern, text.strip(), _I):
            return name
    return None


def _unfilled_tail(gap: str) -> str:
    """The end of ``gap`` after its last word that is not a filler; all of it when it is all fillers."""
    rest = _FILLER_RE.sub(lambda m: " " * len(m.group()), gap)
    last = regex.search(r"[\p{L}\d][^\p{L}\d]*$", rest)
    return gap if last is None else gap[last.start() + 1 :]


# --- statistics in a table: one column per category, one row per village ---------------------------

_COLUMN_RES = {
    name: regex.compile(pattern, _I)
    for name, pattern in (
        ("category", TABLE_CATEGORY_COLUMN),
        ("official", TABLE_OFFICIAL_COLUMN),
        ("rate", TABLE_RATE_COLUMN),
        ("reduction", TABLE_REDUCTION_COLUMN),
        ("increase", TABLE_INCREASE_COLUMN),
        ("total", TABLE_TOTAL_COLUMN),
        ("label", rf"(?<!\p{{L}})(?:{VILLAGE_LEVEL}|{TABLE_LABEL_COLUMN})(?!\p{{L}})"),
    )
}
_YEAR_IN = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_ROW_NUMBER = regex.compile(r"[\d.,%\s]+|[IVXLC]+")


@dataclass(frozen=True)
class TableColumn:
    """What one column of a statistics table holds."""

    category: str
    measure: str
    field: str  # 'households' or 'rate'
    year: int | None
    planned: bool = False


def table_column(header: str, title: str | None = None) -> TableColumn | None:
    """The statistic a column header names ('Số hộ nghèo năm 2023 (hộ)'), or None for other columns."""
    if not _COLUMN_RES["category"].search(header) or _COLUMN_RES["official"].search(header):
        return None
    named = (
        _KIND_CATEGORY.get(kind, family)
        for pattern, family, kind in CATEGORY_MENTIONS
        if regex.search(pattern, header, _I)
    )
    category = next(named, "poor")  # 'Chỉ tiêu giao giảm nghèo' names no household category: the poor
    measure = "level"
    if category != "escaped" and _COLUMN_RES["reduction"].search(header):
        measure = "reduction"
    elif category != "escaped" and _COLUMN_RES["increase"].search(header):
        measure = "increase"
    year = _YEAR_IN.search(header) or _YEAR_IN.search(title or "")
    planned = bool(_PLANNED_RE.search(header) or (title and _PLANNED_RE.search(title) and measure != "level"))
    field_name = "rate" if _COLUMN_RES["rate"].search(header) else "households"
    return TableColumn(category, measure, field_name, int(year.group(1)) if year else None, planned)


_KIND_CATEGORY = {"escaped": "escaped", "left_near": "near_poor"}


def table_statements(source: SourceText, tables: list[Table], context: ListContext) -> list[PovertyStatement]:
    """Per-row statistics of tables whose columns name a category ('Số hộ nghèo năm 2023 (hộ)')."""
    statements = []
    for table in tables:
        columns = {i: c for i, h in enumerate(table.header) if (c := table_column(h, table.title))}
        if not columns or "name" in household_columns(table.header):
            continue  # a list of named households is not a table of statistics
        label = next((i for i, h in enumerate(table.header) if _COLUMN_RES["label"].search(h)), None)
        total = next((i for i, h in enumerate(table.header) if _COLUMN_RES["total"].search(h)), None)
        for row in table.rows:
            if not row.is_header and len(row.cells) == len(table.header):
                village = None if row.is_total else _row_village(row, label, table.header)
                village = village or (None if row.is_total else context.village_at(row.evidence.start))
                statements += _row_statements(source, row, columns, village, total)
    return statements


def _row_village(row: TableRow, label: int | None, header: list[str]) -> str | None:
    cells = [cell.text for cell in row.cells]
    if label is None:
        label = next((i for i, text in enumerate(cells) if text and not _ROW_NUMBER.fullmatch(text)), None)
    if label is None or not cells[label]:
        return None
    return cell_village(cells[label], header[label] if label < len(header) else "")


def _row_statements(
    source: SourceText, row: TableRow, columns: dict[int, TableColumn], village: str | None, total: int | None
) -> list[PovertyStatement]:
    """One statement per (category, measure, year) of a row: its count and rate columns together."""
    grouped: dict[TableColumn, dict[str, Value]] = {}
    for index, column in columns.items():
        value = _cell_value(source, row.cells[index], column.field)
        if value is not None:
            grouped.setdefault(replace(column, field=""), {})[column.field] = value
    total_value = _cell_value(source, row.cells[total], "households") if total is not None else None
    statements = []
    for column, values in grouped.items():
        stat = PovertyStat(
            category=column.category,
            measure=column.measure,
            year=column.year,
            village=village,
            households=values.get("households"),
            total_households=total_value if column.measure == "level" else None,
            rate_percent=values.get("rate"),
            evidence=row.evidence,
        )
        statements.append(PovertyStatement(stat=stat, planned=column.planned, comparators={}, origin="table"))
    return statements


def _cell_value(source: SourceText, cell: TableCell, field_name: str) -> Value | None:
    if cell.number is None or cell.evidence is None:
        return None
    number = parse_count(cell.text) if field_name == "households" else cell.number
    return None if number is None else source.value(number, cell.evidence.start, cell.evidence.end)
