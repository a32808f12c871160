"""One sentence of poverty statistics, read token by token: each number attaches to the category before it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple
from decimal import Decimal

import regex

from extractor.parsers.dates import SHORT_DATE
from extractor.parsers.lists import is_village_name, village_name
from extractor.parsers.numbers import NUMBER, parse_count, parse_number
from extractor.parsers.poverty_words import bound, unfilled_tail
from extractor.text import Alternatives, SourceText, casefolded, leftmost_matches
from extractor.vocab.comparators import AFTER_PATTERN, BEFORE_PATTERN, COMPARATORS_BEFORE
from extractor.vocab.households import VILLAGE_LEVEL, VILLAGE_LEVELS
from extractor.vocab.poverty import (
    CATEGORY_MENTIONS,
    COUNTED_CATEGORIES,
    LINK_WORDS,
    MEASURE_VERBS,
    RATE_BASE,
    RATED_CATEGORY,
    SHARE_GROUPS,
    SHARE_OF_COUNT,
    STOP_WORDS,
    TOTAL_LEAD,
    VILLAGE_LIST_LEAD,
    YEAR_BASE,
    YEAR_LEAD,
)
from extractor.vocab.poverty_breakdowns import BREAKDOWN_WORDS
from schemas import Value

_I = regex.IGNORECASE
_CMP_BEFORE = BEFORE_PATTERN
_CMP_AFTER = AFTER_PATTERN
_HO = r"hộ(?!\p{L})"
# A token opening a clause: 'Năm 2022 ...' (capitalised), ', năm 2024 ...', or at the sentence start.
_CLAUSE_START_RE = regex.compile(r"(?:^|[,;:])[\s\-+•*–]*$")

# Every token of a statement, in the order the alternatives are tried at one position.
_TOKENS: list[tuple[str, str]] = [
    # Before 'stop': 'bao gồm' after a count of all households opens its figures, and after a figure it
    # ends reading either way.
    ("breakdown", rf"(?:{BREAKDOWN_WORDS})(?!\p{{L}})"),
    ("stop", rf"(?:{STOP_WORDS})(?!\p{{L}})"),
    ("share", rf"{NUMBER}\s*%\s*(?:{SHARE_OF_COUNT}|(?:các\s+)?(?:{SHARE_GROUPS})(?!\p{{L}}))"),
    # 'giảm 1,5% hộ nghèo': a rate written before its category.
    ("ratecat", rf"(?P<rc_val>(?P<rc_n>{NUMBER})\s*%)\s*(?:các\s+)?(?P<rc_cat>{RATED_CATEGORY})(?!\p{{L}})"),
    ("rate", (rf"(?:(?P<r_cmp>{_CMP_BEFORE})\s+)?(?P<r_val>(?P<r_n>{NUMBER})\s*%)(?:\s*%)?(?:\s*/\s*năm)?"
     rf"(?:\s*/\s*{RATE_BASE})?(?:\s+(?P<r_up>{_CMP_AFTER}))?")),
    ("countcat", rf"(?:(?P<cc_cmp>{_CMP_BEFORE})\s+)?(?P<cc_val>(?P<cc_n>{NUMBER})\s+(?:"
     + "|".join(f"(?P<cc{i}>{pattern})" for i, (pattern, _, _) in enumerate(COUNTED_CATEGORIES))
     + rf"))(?:\s+(?P<cc_up>{_CMP_AFTER}))?"),
    # '163 hộ/ 889 hộ', '81/910 hộ': a count and its base.
    ("counttotal", (rf"(?P<ct_val>(?P<ct_n>{NUMBER})(?:\s*{_HO})?)\s*/\s*(?:tổng\s+số\s+)?"
     rf"(?P<ct_tval>(?P<ct_t>{NUMBER})\s*{_HO})")),
    ("count", rf"(?:(?P<c_cmp>{_CMP_BEFORE})\s+)?(?P<c_val>(?P<c_n>{NUMBER})\s*{_HO})(?:\s+(?P<c_up>{_CMP_AFTER}))?"),
    ("total", rf"{TOTAL_LEAD}(?P<t_val>(?P<t_n>{NUMBER})\s*{_HO})"),
    ("mention", "|".join(f"(?P<m{i}>{pattern})" for i, (pattern, _, _) in enumerate(CATEGORY_MENTIONS))),
    # 'năm 2023', 'cuối năm 2024', '31/12/2023'; 'so với năm 2022' is the year compared with.
    ("when", (rf"(?P<y_base>{YEAR_BASE})?{YEAR_LEAD}năm\s+(?P<y>(?:19|20)[0-9]{{2}})(?![0-9]|\s*[-–]\s*(?:19|20)[0-9]{{2}})"
     rf"|{SHORT_DATE}")),
    ("verb", "|".join(f"(?P<v{i}>(?:{pattern})(?!\\p{{L}}))" for i, (pattern, _) in enumerate(MEASURE_VERBS))),
    ("lead", VILLAGE_LIST_LEAD.format(level=VILLAGE_LEVEL).replace("(?P<level>", "(?P<lead_level>")),
    # 'thôn Tô:' opens an item of a village list; 'thôn Tô có 08 hộ nghèo' names the village of a figure.
    ("village", (rf"(?P<vl>{VILLAGE_LEVEL})\s+(?P<vn>[\p{{L}}0-9]+(?:\s+[\p{{L}}0-9]+){{0,3}}?)(?P<vcolon>\s*:)"
     rf"|(?P<vl2>{VILLAGE_LEVEL})\s+(?P<vn2>(?-i:\p{{Lu}})[\p{{L}}0-9]*(?:\s+[\p{{L}}0-9]+){{0,3}}?)"
     r"(?=\s+có(?!\p{L}))")),
    # 'Bình Yên:' after 'tại các thôn:': a village named without its level word.
    ("label", r"(?P<lb>(?-i:\p{Lu}\p{L}*(?:\s+(?:\p{Lu}\p{L}*|[0-9]+)){0,3}))\s*:(?!\s*[0-9]{1,2}[/.])"),
]
# The alternation of the tokens, each alternative searched alone (much faster, the same tokens).
_TOKEN_RE = Alternatives([f"(?<![\\p{{L}}0-9])(?:{pattern})" for _, pattern in _TOKENS], _I)
_KIND_OF = {pattern: name for pattern, (name, _) in zip(_TOKEN_RE.patterns, _TOKENS, strict=True)}
# Where each token's matches can start and what they hold, case-folded ('ſ' is 's'), found in the case-folded
# sentence by the standard library's re (many times faster than searching the big case-insensitive tokens,
# which the regex module tries at every offset): a token is searched from the first offset its start finds, and not
# at all when its start or its gate finds nothing from the offset on. Either may find more than its token
# (\s here also takes U+001C-U+001F). tests/test_poverty_speed.py checks, at every offset of many texts, that
# each match is found both ways, and that case-folding maps every letter a token matches case-insensitively
# to the letter here.
_CMP_WORDS = "|".join(sorted({re.escape(word.split()[0]) for word, _ in COMPARATORS_BEFORE}))
_NUMBER_OR_CMP = rf"[0-9]|{_CMP_WORDS}"  # an optional comparator word, then a number (a digit first)
_STARTS: dict[str, tuple[str | None, str | None]] = {  # token -> (start, gate)
    "breakdown": (r"trong|bao|gồm", None),
    "stop": (r"thiếu|cụ", None),
    "share": (r"[0-9]", r"%"),
    "ratecat": (r"[0-9]", r"%\s*(?:các\s+)?(?:hộ|cận)"),
    "rate": (_NUMBER_OR_CMP, r"%"),
    "countcat": (_NUMBER_OR_CMP, r"[0-9]\s+(?:hộ|cận)"),  # every counted category opens with hộ or cận
    "counttotal": (r"[0-9]", r"[0-9]\s*(?:hộ\s*)?/"),
    "count": (_NUMBER_OR_CMP, r"[0-9]\s*hộ"),
    "total": (r"trên|/", r"tổng"),
    "mention": (r"tỷ|tỉ|tổng|số|các|hộ", r"(?:hộ|lệ)\s+(?:mới\s+)?(?:nghèo|cận|thoát)"),
    "when": (r"so|vào|đến|tính|thời|cuối|đầu|hết|giữa|năm|[0-9]", None),
    "verb": (r"giảm|tăng|xuống|lên|còn|phát|từ", None),
    "lead": (r"tại|của|ở|cho|trong", r":"),
    "village": ("|".join(re.escape(level.split()[0]) for level in VILLAGE_LEVELS), None),
    "label": (None, r":"),  # opens with a capital letter, which the case-folded text no longer shows
}
_START_RES = [None if _STARTS[name][0] is None else re.compile(_STARTS[name][0]) for name, _ in _TOKENS]
_GATE_RES = [None if _STARTS[name][1] is None else re.compile(_STARTS[name][1]) for name, _ in _TOKENS]
_PATTERNS = _TOKEN_RE.patterns


def tokens(work: str):
    """``_TOKEN_RE.finditer(work)``: the same matches, each token searched from where its matches can start."""
    folded = casefolded(work)
    if folded is None:
        yield from _TOKEN_RE.finditer(work)
        return
    end = len(work)

    def search(index: int, pos: int) -> regex.Match | None:
        gate = _GATE_RES[index]
        if gate is not None and gate.search(folded, pos) is None:
            return None
        starts = _START_RES[index]
        if starts is not None:
            start = starts.search(folded, pos)
            if start is None:
                return None
            pos = start.start()
        return _PATTERNS[index].search(work, pos, end)

    yield from leftmost_matches(len(_PATTERNS), search)


_ITEM_MARKER_RE = regex.compile(r"[ \t]*+(?:[a-zđ]\)|[0-9]{1,2}[.)]|[IVXLC]{1,5}[.)])(?=[ \t])")
_RATE_WORD_RE = regex.compile(r"(?:tỷ|tỉ)\s+lệ", _I)
_LINK_RE = regex.compile(rf"(?<!\p{{L}}){LINK_WORDS}(?!\p{{L}})", _I)
_PLAIN_PARENS = regex.compile(r"\([^()0-9]*\)")  # '(sau điều tra)': asides without numbers are skipped


@dataclass
class Mention:
    """A category named in a sentence, which the numbers after it describe."""

    family: str
    kind: str
    start: int
    has_rate_word: bool
    year: int | None = None


@dataclass
class Record:
    """One statement being read: the values of one mention and measure."""

    mention: Mention
    measure: str
    is_from: bool
    village: str | None
    start: int
    end: int
    households: Value[int] | None = None
    total: Value[int] | None = None
    rate: Value[Decimal] | None = None
    year: int | None = None
    comparators: dict[str, str] = field(default_factory=dict)  # 'households' / 'rate' -> its bound


class Reading(NamedTuple):
    """What one sentence states: its statements that hold a value, the first year it names, and the count of all
    households it ends by breaking down ('Toàn xã có 2.878 hộ, trong đó:'), for the list items that follow."""

    records: list[Record]
    year: int | None
    breakdown_total: Value[int] | None
    # A count of all households the sentence states and nothing breaks down: 'Toàn xã có 2.878 hộ.', which a
    # 'Trong đó:' after it may break down.
    open_count: Value[int] | None = None


def read_sentence(source: SourceText, base: int, sentence: str, total: Value[int] | None = None) -> Reading:
    """The statements of the sentence at ``base``; ``total`` is the base of a breakdown the sentence is an item of
    ('- 167 hộ nghèo' after 'Toàn xã có 2.878 hộ, trong đó:')."""
    return _SentenceReader(source, base, sentence, total).read()


class _SentenceReader:
    """Reads one sentence token by token; numbers attach to the category mentioned before them."""

    def __init__(self, source: SourceText, base: int, sentence: str, total: Value[int] | None = None):
        self.source, self.base = source, base
        self.work = _PLAIN_PARENS.sub(lambda m: " " * len(m.group()), sentence)
        self.records: list[Record] = []
        self.year: int | None = None
        self.pending_year: int | None = None
        self.mention: Mention | None = None
        self.first_family: str | None = None
        self.measure: str | None = None
        self.verb_since_value: str | None = None
        self.linked = False
        self.continuation: str | None = None
        self.last: Record | None = None
        self.previous = ""
        self.village: str | None = None
        self.lead: tuple[str, str | None] | None = None
        self.verb_start: int | None = None
        self.candidate_total: Value[int] | None = None
        self.total: Value[int] | None = total  # the base a 'trong đó' breakdown gives its figures
        self.carried = total is not None  # a base from the sentence before, outside this one's evidence
        self.linked = total is not None  # an item of a breakdown: its figures are the base's parts
        self.plain_gap = True  # only fillers between the last token and this one

    def read(self) -> Reading:
        # An item's marker is not a word between its figures and what links them ('a) 167 hộ nghèo').
        marker = _ITEM_MARKER_RE.match(self.work)
        position = marker.end() if marker else 0
        for token in tokens(self.work):
            gap = self.work[position : token.start()]
            tail = unfilled_tail(gap)
            self.plain_gap = tail == gap
            if not self.plain_gap:
                self._break()
            if _LINK_RE.search(tail):
                self.linked = True  # 'Hiện tại thôn có 6 hộ nghèo': 'có' still links what follows
            position = token.end()
            kind = _KIND_OF[token.re]
            if kind == "stop" or (kind == "breakdown" and self.records):
                break
            getattr(self, f"_on_{kind}")(token)
            self.previous = kind
        found = [r for r in self.records if any(v is not None for v in (r.households, r.rate, r.total))]
        opened = self.total if self.total is not None and not self.carried and not self.records else None
        unbroken = self.candidate_total if not self.records and self.total is None else None
        return Reading(found, self.year, opened, unbroken)

    def _break(self) -> None:
        self.mention, self.measure, self.verb_since_value = None, None, None
        self.linked, self.continuation, self.previous = False, None, ""

    # --- tokens ------------------------------------------------------------------------------------

    def _on_breakdown(self, token: regex.Match) -> None:
        self.total, self.candidate_total = self.candidate_total, None
        self.carried = False
        self._break()
        # 'Toàn xã có 2.878 hộ, trong đó 167 hộ nghèo': the parts of a count of all households are its figures.
        self.linked = self.total is not None

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
        elif not token["c_cmp"] and not token["c_up"] and (self.linked or self.plain_gap):
            # 'Toàn xã có 2.520 hộ, trong đó ...', 'Tổng số hộ: 2.520 hộ, gồm ...'; not 'hỗ trợ 30 hộ, gồm ...'.
            self.candidate_total = self._count(token, "c_n", "c_val")


    def _on_total(self, token: regex.Match) -> None:
        if self.last is not None and self.last.total is None and self.previous in ("rate", "count", "countcat"):
            self.last.total = self._count(token, "t_n", "t_val")
            self.last.end = self.base + token.end()

    def _on_mention(self, token: regex.Match) -> None:
        index = next(i for i in range(len(CATEGORY_MENTIONS)) if token.group(f"m{i}") is not None)
        _, family, kind = CATEGORY_MENTIONS[index]
        has_rate_word = bool(_RATE_WORD_RE.match(token.group()))
        self._new_mention(family, kind, self.base + token.start(), has_rate_word)
        self.measure = self.verb_since_value
        self.linked = has_rate_word

    def _on_when(self, token: regex.Match) -> None:
        if token["y_base"]:
            return  # 'so với năm 2022' names the year compared with
        year = int(token["y"] or token["year"])
        after_value = self.previous in ("rate", "count", "countcat", "counttotal", "ratecat") and self.last is not None
        if after_value and self.last.year is None:
            self.last.year = year  # '2,66% năm 2023'
        elif self.previous == "mention" and self.mention is not None:
            self.mention.year = year
        elif token.group()[0].isupper() or _CLAUSE_START_RE.search(self.work[: token.start()]):
            # 'Năm 2022 xã có 60 hộ nghèo, năm 2024 còn 30 hộ': a year opening a clause governs its figures.
            self.pending_year = year
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
        if not is_village_name(name) or (name[0].islower() and not self.lead):
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
        self.mention = Mention(family, kind, start, has_rate_word)
        if self.first_family is None:
            self.first_family = family

    def _put(
        self, field_name: str, token: regex.Match, number_group: str, before: str | None, after: str | None,
        value_group: str,
    ) -> Record | None:
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
            record = Record(mention, measure, is_from, self.village, mention.start, self.base + token.end())
            record.year = self.pending_year
            if measure == "level" and mention.kind == "stat" and self.total is not None:
                record.total = self.total
                if not self.carried:
                    record.start = min(record.start, self.total.evidence.start)
            self.records.append(record)
        setattr(record, field_name, value)
        record.start = min(record.start, value.evidence.start)
        record.end = max(record.end, self.base + token.end())
        comparator = bound(before, after)
        if comparator:
            record.comparators[field_name] = comparator
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
