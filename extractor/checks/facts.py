"""Poverty facts: a plan's poverty statements grouped by what they state, each number as an interval.

One fact is one category, measure, year, area, planned or actual; the same figure repeated (in the text
and the annex table, in two sections) is one fact with several figures, so one contradiction is found once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from extractor.checks import words
from extractor.checks.intervals import INF, Figure, Interval, interval
from extractor.parsers.numbers import parse_count, parse_number
from extractor.parsers.poverty_words import bound
from extractor.structure import paragraphs
from extractor.text import SourceText, squash
from schemas import PlanDocument, PovertyStat, Value

T = TypeVar("T")


@dataclass(frozen=True)
class Key:
    """What a figure states. measure: 'level', 'reduction' (households, or percentage points), 'increase',
    or 'reduction_share' (a reduction over all households: '0,91%/tổng số hộ').

    ``paragraph`` scopes a figure without a year to its paragraph; only sums use such figures.
    ``standard`` is the poverty standard the figure names, kept only in a plan that names several.
    """

    category: str
    measure: str
    year: int | None
    village: str | None
    planned: bool
    paragraph: int | None = None
    standard: str | None = None

    def but(self, **changes) -> Key:
        """This key with some fields changed (the checks ask for many: built without the frozen __init__'s
        one object.__setattr__ per field)."""
        if not changes.keys() <= self.__dict__.keys():
            unknown = sorted(changes.keys() - self.__dict__.keys())
            raise TypeError(f"Key.but({unknown}): extractor/checks/facts.py's Key has no such field; use {list(self.__dict__)}")
        key = object.__new__(Key)
        key.__dict__.update(self.__dict__, **changes)
        return key

    def describe(self) -> str:
        return words.describe(self.year, self.planned, self.village, self.standard)

    def rate_label(self) -> str:
        """'Tỷ lệ hộ nghèo (năm 2024, kế hoạch)'."""
        return f"{words.rate_words(self.category, self.measure)} ({self.describe()})"

    def count_label(self) -> str:
        """'Số hộ nghèo giảm (năm 2024, kế hoạch)'."""
        return f"{words.count_words(self.category, self.measure)} ({self.describe()})"


@dataclass
class Fact:
    """Every figure stating one Key."""

    key: Key
    counts: list[Figure] = field(default_factory=list)
    rates: list[Figure] = field(default_factory=list)
    compared_with: set[int] = field(default_factory=set)  # 'so với năm 2022', for changes
    maybe_poor_only: bool = False  # 'tỷ lệ hộ nghèo đa chiều' may be the poor rate alone

    def figures(self, kind: str) -> list[Figure]:
        return self.counts if kind == "counts" else self.rates


@dataclass(frozen=True)
class Pair:
    """A count and its rate in one statement ('67 hộ nghèo tương ứng với tỷ lệ 2,66%'), with its base if stated."""

    key: Key
    count: Figure
    rate: Figure
    total: Figure | None

    def bases(self) -> Interval:
        """The numbers of households over which the count rounds to the stated rate."""
        lo = 100 * self.count.value / self.rate.interval.hi
        hi = 100 * self.count.value / self.rate.interval.lo if self.rate.interval.lo > 0 else INF
        return Interval(max(lo, self.count.value), hi)


@dataclass(frozen=True)
class Share:
    """A reduction as a share of the category's count: 'giảm 23 hộ ..., tương ứng giảm 34,3% số hộ nghèo'."""

    key: Key
    count: Figure
    share: Figure


@dataclass
class PovertyFacts:
    """The poverty figures of one plan."""

    facts: dict[Key, Fact]
    pairs: list[Pair]
    totals: dict[tuple[int, str | None], list[Figure]]  # (year, village) -> all households of the area
    shares: list[Share]

    def get(self, key: Key) -> Fact | None:
        return self.facts.get(key)

    def level_before(self, key: Key, year: int) -> Fact | None:
        """The level a change of ``key`` starts from: the actual one, else (for a planned change) a planned one."""
        actual = self.facts.get(key.but(measure="level", year=year, planned=False))
        if actual is not None or not key.planned:
            return actual
        return self.facts.get(key.but(measure="level", year=year, planned=True))


def poverty_facts(document: PlanDocument) -> PovertyFacts:
    """The document's poverty figures grouped by Key; figures of subgroups, other areas or misread years left out."""
    reader = _Reader(document)
    for stat in document.poverty_stats:
        if stat.category != "escaped" and reader.usable(stat):
            reader.add(stat)
    for match in words.totals(document.text):
        count, year = parse_count(match["count"]), words.total_year(match)
        if year is not None and count is not None:
            evidence = reader.source.span_of(match, "count")
            figure = Figure(Decimal(count), interval(Decimal(count), None, exact=True), evidence)
            _add(reader.totals[(year, None)], figure)
    return PovertyFacts(reader.facts, list(reader.pairs.values()), dict(reader.totals), list(reader.shares.values()))


class _Reader:
    """Reads the figures of each statement, with the words around them in the text.

    A table row gives several statements (poor and near-poor, level and reduction) over one span: the clause
    around an offset, and what the words of a statement's span say, are read once (``_once``), for this
    document only.
    """

    def __init__(self, document: PlanDocument) -> None:
        self.source = SourceText(document.text, tuple(document.page_starts))
        self.text = document.text
        self.level = document.header.issuer_level
        self.paragraphs = paragraphs(self.source)
        self.facts: dict[Key, Fact] = {}
        self.pairs: dict[tuple, Pair] = {}
        self.totals: dict[tuple[int, str | None], list[Figure]] = defaultdict(list)
        self.shares: dict[tuple, Share] = {}
        named = {words.standard_of(m) for m in words.STANDARD_RE.finditer(self.text)}
        self.several_standards = len(named) > 1
        self._read: dict[tuple, Any] = {}

    def _once(self, key: tuple, read: Callable[[], T]) -> T:
        """``read()``, worked out the first time ``key`` is asked for."""
        if key not in self._read:
            self._read[key] = read()
        return self._read[key]

    def _clause_at(self, offset: int) -> tuple[int, int]:
        return self._once(("clause", offset), lambda: self.paragraphs.clause_at(offset))

    def usable(self, stat: PovertyStat) -> bool:
        """False for a subgroup's or another area's figure, and for a figure written with another year."""
        start, end = stat.evidence.start, stat.evidence.end
        clause_start = min(self._clause_at(start)[0], start)
        phrase = self.text[clause_start:end]
        if self._once(("subgroup", clause_start, end), lambda: words.is_subgroup(phrase)):
            return False
        if stat.origin == "text" and words.is_other_area(phrase, self.level):
            return False
        if stat.measure != "level" and self._once(("period", clause_start, end), lambda: words.names_period(phrase)):
            return False  # a change over several years
        if stat.origin == "text":
            for value in _values(stat):
                written = self._year_written(value)
                if written is not None and stat.year is not None and written[0] != stat.year:
                    return False
        return True

    def add(self, stat: PovertyStat) -> None:
        key = self._key(stat)
        count_bound, rate_bound = self._bound(stat.households), self._bound(stat.rate_percent)
        if stat.comparator not in (None, "exactly") and not (count_bound or rate_bound):
            count_bound = rate_bound = stat.comparator  # which number it bounds is unknown: bound both
        count = self._figure(stat.households, count_bound, exact=True)
        rate = self._figure(stat.rate_percent, rate_bound, exact=False)
        total = self._figure(stat.total_households, None, exact=True)
        rate_key = key
        if rate is not None and stat.measure == "reduction" and words.is_over_all_households(self._after(rate)):
            rate_key = key.but(measure="reduction_share")
        fact, rate_fact = self._fact(key), self._fact(rate_key)
        _add(fact.counts, count)
        _add(rate_fact.rates, rate)
        if stat.category == "multidimensional" and words.POOR_ONLY_RE.search(stat.evidence.raw):
            fact.maybe_poor_only = rate_fact.maybe_poor_only = True
        if stat.measure in ("reduction", "increase"):
            fact.compared_with |= self._compared_with(stat)
        if total is not None and key.measure == "level" and key.year is not None:
            _add(self.totals[(key.year, key.village)], total)
        # '23 hộ nghèo trở lên, ... bằng 0,91%': the rate is that of the count as written.
        paired = count is not None and rate is not None and rate.comparator is None
        if paired and key.year is not None and rate_key.measure in ("level", "reduction_share"):
            pair_key = (rate_key, count.value, rate.value, total and total.value)
            if pair_key not in self.pairs:
                self.pairs[pair_key] = Pair(rate_key, count.as_written(), rate, total)
        if count is not None and stat.measure == "reduction":
            for share in self._shares(stat, key, count):
                self.shares.setdefault((key, count.value, share.share.value), share)

    def _fact(self, key: Key) -> Fact:
        """The fact of ``key``, made the first time it is asked for."""
        fact = self.facts.get(key)
        if fact is None:
            fact = self.facts[key] = Fact(key)
        return fact

    def _key(self, stat: PovertyStat) -> Key:
        year = stat.year
        # 'đầu năm 2024' is the state at the end of 2023
        if stat.measure == "level" and stat.origin == "text" and year is not None and self._at_start_of_year(stat):
            year -= 1
        village = squash(stat.village) if stat.village else None  # the parsers write it one way: "Thôn Tô"
        paragraph = self.paragraphs.at(stat.evidence.start)[0] if year is None else None
        return Key(stat.category, stat.measure, year, village, stat.planned, paragraph, self._standard(stat))

    def _standard(self, stat: PovertyStat) -> str | None:
        if not self.several_standards:
            return None
        clause_start, clause_end = self._clause_at(stat.evidence.start)
        named = words.STANDARD_RE.search(self.text, min(clause_start, stat.evidence.start), max(clause_end, stat.evidence.end))
        return words.standard_of(named) if named else None

    def _at_start_of_year(self, stat: PovertyStat) -> bool:
        return any(self._year_written(value) == (stat.year, True) for value in _values(stat))

    def _year_written(self, value: Value) -> tuple[int, bool] | None:
        clause_start, _ = self._clause_at(value.evidence.start)
        return words.year_written(self.text[clause_start : value.evidence.start], self._after(value))

    def _bound(self, value: Value | None) -> str | None:
        if value is None:
            return None
        return words.own_bound(self.text[max(0, value.evidence.start - 24) : value.evidence.start], self._after(value))

    def _figure(self, value: Value | None, comparator: str | None, *, exact: bool) -> Figure | None:
        if value is None or words.is_approximate(self.text[max(0, value.evidence.start - 20) : value.evidence.start]):
            return None
        number = Decimal(value.value)
        return Figure(number, interval(number, comparator, exact=exact), value.evidence, comparator)

    def _after(self, value: Value | Figure) -> str:
        return self.text[value.evidence.end : value.evidence.end + 48]

    def _clause_end(self, stat: PovertyStat) -> int:
        _, end = self._clause_at(max(stat.evidence.start, stat.evidence.end - 1))
        return max(end, stat.evidence.end)

    def _compared_with(self, stat: PovertyStat) -> set[int]:
        found = words.COMPARED_RE.finditer(self.text, stat.evidence.start, self._clause_end(stat))
        return {words.compared_year(match) for match in found}

    def _shares(self, stat: PovertyStat, key: Key, count: Figure) -> list[Share]:
        found = []
        for match in words.SHARE_RE.finditer(self.text, count.evidence.end, self._clause_end(stat)):
            value = parse_number(match["share"])
            if value is None or words.share_category(match["category"]) != stat.category:
                continue
            comparator = bound(match["before"], match["after"])
            share = Figure(value, interval(value, comparator, exact=False), self.source.span_of(match, "share"), comparator)
            found.append(Share(key, count.as_written(), share))  # the share is of the count as written
        return found


def _values(stat: PovertyStat) -> list[Value]:
    return [v for v in (stat.households, stat.rate_percent) if v is not None]


def _add(figures: list[Figure], figure: Figure | None) -> None:
    if figure is not None and all(f.evidence.start != figure.evidence.start for f in figures):
        figures.append(figure)
