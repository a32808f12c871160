"""The parts of a plan's household lists: each category line, the count it states, and the households under it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from extractor.checks.list_keys import Keys
from extractor.parsers.lists import ListContext, list_context
from extractor.structure import BULLET
from extractor.text import SourceText
from extractor.vocab.households import HONORIFIC, OFFICIAL_WORDS, VILLAGE_LEVEL
from schemas import Household, PlanDocument, PovertyStat, Table

# A list item naming a person near its start ('+ Đối với hộ Ông: Bàn Văn Tuấn', '- Bà Lò Thị Xoan, 3 khẩu'):
# when no household was read from it, the list was not read in full.
_PERSON_ITEM = regex.compile(
    rf"^[ \t]*(?:{BULLET}[ \t,]*)+(?P<before>[^\n]{{0,60}}?)(?<!\p{{L}}){HONORIFIC}(?!\p{{L}})[ \t]*[:.,]?[ \t]*(?-i:\p{{Lu}})",
    regex.MULTILINE | regex.IGNORECASE,
)

# A line that opens with a village's name, marked or not ('Thôn Xanh', '- **Thôn Bình Sơn:**', '3. Bản Mé').
_HEADING_LIKE = regex.compile(
    rf"^[ \t]*(?:(?:{BULLET}|[0-9]{{1,2}}[.)]|[a-zđ]\))[ \t]*)*(?P<name>{VILLAGE_LEVEL}[ \t]+[^\n:;,.]{{1,40}}?)[ \t]*(?::|$)",
    regex.MULTILINE | regex.IGNORECASE,
)


@dataclass(frozen=True)
class Segment:
    """One category's part of a list: '- Đối với hộ nghèo: Kế hoạch giảm 3 hộ; cụ thể:' and what follows."""

    index: int
    start: int
    end: int
    category: str
    village: str | None
    households: tuple[Household, ...]
    headings: tuple[PovertyStat, ...]
    unread: int  # list items naming a person from which no household was read


@dataclass(frozen=True)
class Lists:
    """The segments of one document, and where each household was listed."""

    context: ListContext
    segments: tuple[Segment, ...]
    tables: tuple[Table, ...]
    text: str
    villages: frozenset[str]  # keys of every village the plan names in its statistics and lists
    keys: Keys = field(default_factory=Keys, compare=False, repr=False)  # the document's village and person keys

    def list_of(self, household: Household) -> tuple[str, int]:
        """Which list a household is in: ('table', index) or ('text', category segment index)."""
        start = household.evidence.start
        for table in self.tables:
            if table.evidence.start <= start < table.evidence.end:
                return ("table", table.index)
        return ("text", bisect.bisect_right(self.context.category_starts, start) - 1)

    def stale(self, offset: int, village: str | None) -> bool:
        """True when ``village`` at ``offset`` came from a heading followed by another village's heading that
        the parser did not take for one ('Thôn Xanh' without bullet or colon): the village is not known."""
        if village is None or village != self.context.village_at(offset):
            return False  # the statement names its village itself
        index = bisect.bisect_right(self.context.village_starts, offset) - 1
        start = self.context.village_starts[index] if index >= 0 else 0
        start = self.text.find("\n", start) + 1  # skip the heading itself
        own = self.keys.village(village)
        for line in _HEADING_LIKE.finditer(self.text, start, offset):
            name = self.keys.village(line["name"])
            if name != own and name in self.villages:
                return True
        return False


def read_lists(document: PlanDocument) -> Lists:
    """Every category segment of the document that lists at least one household of its category."""
    source = SourceText(document.text, tuple(document.page_starts))
    context = list_context(source, document.tables)
    starts = context.category_starts
    segments = []
    for index, category in enumerate(context.categories):
        if category is None:
            continue
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(document.text)
        listed = tuple(h for h in document.households if start <= h.evidence.start < end and h.category == category)
        if not listed:
            continue
        first = min(h.evidence.start for h in listed)
        headings = tuple(
            stat
            for stat in document.poverty_stats
            if stat.origin == "text"
            and stat.category == category
            and stat.households is not None
            and start <= stat.evidence.start
            and stat.households.evidence.end <= first
        )
        village = context.village_at(start)
        unread = _unread_items(document.text, first, end, listed)
        segments.append(Segment(index, start, end, category, village, listed, headings, unread))
    keys = Keys()
    villages = frozenset(
        keys.village(item.village) for item in [*document.poverty_stats, *document.households] if item.village
    )
    return Lists(context, tuple(segments), tuple(document.tables), document.text, villages, keys)


def _unread_items(text: str, start: int, end: int, listed: tuple[Household, ...]) -> int:
    """List items between ``start`` and ``end`` that name a person but gave no household."""
    read_starts = sorted(h.evidence.start for h in listed)
    unread = 0
    for item in _PERSON_ITEM.finditer(text, start, end):
        before = item["before"].lower()
        if any(word in before for word in OFFICIAL_WORDS):
            continue  # 'Giải pháp: ... trưởng thôn là ông Trương Công Định'
        line_end = text.find("\n", item.start())
        line_end = end if line_end < 0 else line_end
        index = bisect.bisect_left(read_starts, item.start())
        if index == len(read_starts) or read_starts[index] >= line_end:
            unread += 1
    return unread
