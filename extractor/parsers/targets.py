"""Quantitative targets: '... giảm xuống dưới 12%', 'ít nhất 06 lớp', '0,5% trở lên', 'đạt 100%'."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.parsers.numbers import NUMBER, NUMBER_START_RE, parse_number
from extractor.sections import YEAR_RE, Sections, segment
from extractor.structure import LIST_MARKER_RE, TabLines
from extractor.text import Anchored, SourceText, squash, tidy
from extractor.vocab import targets as vocab
from schemas import Target

_UNIT_WORDS = sorted((unit for unit in vocab.UNITS if unit != "%"), key=len, reverse=True)
_UNIT = r"(?P<unit>%|(?:" + "|".join(regex.escape(unit).replace(r"\ ", r"\s+") for unit in _UNIT_WORDS) + r")(?!\p{L}))"
# A number with its unit; '8/10 thôn' and '2021-2025' are not targets. The look-behind is tried at
# digits only: tried everywhere, it scanned back over every run of white space once per character.
_QUANTITY_RE = regex.compile(
    rf"(?=[0-9])(?<![/0-9]\s*)(?P<number>{NUMBER})(?!\s*/\s*[0-9])(?:\s*(?=%)|\s+){_UNIT}", regex.IGNORECASE
)
# Over a whole text _QUANTITY_RE is tried only where a number starts: the same matches, six times faster.
_QUANTITIES = Anchored(_QUANTITY_RE, NUMBER_START_RE)
_BEFORE_RE = regex.compile(
    r"(?:^|(?<=\s))(?P<word>"
    + "|".join(regex.escape(word).replace(r"\ ", r"\s+") for word, _ in vocab.COMPARATORS_BEFORE)
    + r")\s*$",
    regex.IGNORECASE,
)
_AFTER_RE = regex.compile(
    r"^(?P<gap>(?:\s+\p{L}+){0,%d}?)\s+(?P<word>" % vocab.COMPARATOR_AFTER_MAX_WORDS
    + "|".join(regex.escape(word).replace(r"\ ", r"\s+") for word, _ in vocab.COMPARATORS_AFTER)
    + r")(?!\p{L})",
    regex.IGNORECASE,
)
_BASELINE_RE = regex.compile(r"(?:so\s+với|từ)\s+(?:\S+\s+){0,3}?(?:cuối\s+|đầu\s+)?năm\s+[0-9]{4}", regex.IGNORECASE)
# What ends an indicator but says nothing of its subject: 'vào cuối năm 2024', 'so với ...', 'trở lên'.
_TIME_TAIL_RE = regex.compile(
    r"(?<!\s)\s*+(?:(?:vào|đến|trong)\s++)?(?:cuối\s++|đầu\s++)?năm\s++[0-9]{4}\s*+$"
    r"|(?<!\s)\s*+so\s+với\s+.*$"
    r"|(?<!\s)\s*+(?:trở\s+lên|trở\s+xuống)\s*+$",
    regex.IGNORECASE,
)
_LEADING_YEAR_RE = regex.compile(r"^(?:(?:trong|đến|vào)\s+)?(?:cuối\s+)?năm\s+[0-9]{4}\s*,?\s*", regex.IGNORECASE)
_PARENTHESES_RE = regex.compile(r"\([^()]*\)")
# The first number of a range just before a number: '1-1,5%', 'từ 20 đến 25 hộ', '5 – 7 lớp'.
_RANGE_START_RE = regex.compile(rf"(?:(?<!\p{{L}})từ\s+)?(?P<low>{NUMBER})\s*(?:[-–]|đến)\s*$", regex.IGNORECASE)
_RANGE_NUMBER_RE = regex.compile(rf"(?P<number>{NUMBER})")
_VERB_WORDS_RE = regex.compile(
    r"(?<!\p{L})(?:"
    + "|".join(regex.escape(word) for word in sorted(vocab.VERB_WORDS, key=len, reverse=True))
    + r")(?!\p{L})",
    regex.IGNORECASE,
)
_PER_TIME_RE = regex.compile(r"^/\s*(?:năm|tháng|quý)(?!\p{L})", regex.IGNORECASE)  # '1,5%/năm'
_CLAUSE_STOP = ":;()"
_TARGET_OPENINGS = ("mục tiêu", "chỉ tiêu", "kết quả đầu ra")


@dataclass(frozen=True)
class _Quantity:
    """A number with its unit, its comparator and the words around it in its clause."""

    match: regex.Match
    unit: str
    comparator: str
    before: str
    after: str
    lead: str  # the words before a ':' opening the clause ('Số hộ thoát nghèo: 50 hộ')


def parse_targets(source: SourceText) -> list[Target]:
    """Every quantitative target stated in a target section or a 'phấn đấu' sentence."""
    sections = segment(source)
    text = source.text
    targets = []
    seen_sentences = set()
    facts = _SentenceFacts(sections)
    for match in _QUANTITIES.finditer(text):
        sentence = sections.paragraphs.clause_at(match.start())
        if sentence in seen_sentences or not _is_target_sentence(sections, facts, sentence, match.start()):
            continue
        seen_sentences.add(sentence)
        targets.extend(_sentence_targets(source, sections, sentence))
    return targets


_TARGET_VERB_RE = regex.compile(
    "|".join(regex.escape(verb).replace(r"\ ", r"\s+") for verb in vocab.TARGET_VERBS), regex.IGNORECASE
)
_OPENING_CHARS = 300  # list markers and the opening word fit in this many characters of a paragraph


class _SentenceFacts:
    """What the words of a sentence say, read once per sentence and paragraph.

    Every number of a long paragraph asks about its sentence; reading the paragraph again for each
    took quadratic time (8,000 characters of '1% 1% ...' took 9 s).
    """

    def __init__(self, sections: Sections) -> None:
        self.sections = sections
        self.text = sections.source.text
        self.tab_lines = TabLines(self.text)
        self._pledges: dict[int, list[int]] = {}
        self._sentences: dict[tuple[int, int], tuple[bool, int | None]] = {}
        self._openings: dict[tuple[int, int], bool] = {}

    def pledged(self, para_start: int, end: int) -> bool:
        """True when 'phấn đấu' is said in the paragraph before ``end``."""
        if para_start not in self._pledges:
            _, para_end = self.sections.paragraphs.at(para_start)
            self._pledges[para_start] = [
                match.end() for match in _TARGET_VERB_RE.finditer(self.text, para_start, para_end, overlapped=True)
            ]
        return any(verb_end <= end for verb_end in self._pledges[para_start])

    def reported_and_year(self, sentence: tuple[int, int]) -> tuple[bool, int | None]:
        """(whether the sentence reports a result, the year it is for)."""
        if sentence not in self._sentences:
            words = self.text[sentence[0] : sentence[1]]
            lowered = squash(words).lower()
            self._sentences[sentence] = (any(word in lowered for word in vocab.REPORTED_WORDS), _year(words))
        return self._sentences[sentence]

    def opens_with_target_word(self, para_start: int, end: int) -> bool:
        """'- Mục tiêu: hỗ trợ 20 hộ ...': a list item opening with 'Mục tiêu:' rather than a heading."""
        key = (para_start, min(end, para_start + _OPENING_CHARS))
        if key not in self._openings:
            opening = LIST_MARKER_RE.sub("", squash(self.text[key[0] : key[1]])).lower()
            self._openings[key] = any(
                opening.startswith(word) and ":" in opening[: len(word) + 12] for word in _TARGET_OPENINGS
            )
        return self._openings[key]


def _is_target_sentence(sections: Sections, facts: _SentenceFacts, sentence: tuple[int, int], offset: int) -> bool:
    """A forward-looking sentence: in a target section or saying 'phấn đấu', not a report of the past."""
    _, end = sentence
    if facts.tab_lines.touch(offset, offset):
        return False  # table rows are the tables parser's
    if sections.tense_at(offset) == "past":
        return False
    reported, year = facts.reported_and_year(sentence)
    if reported:
        return False
    para_start, _ = sections.paragraphs.at(offset)
    pledged = facts.pledged(para_start, end)
    if year is not None and sections.plan_year is not None and year < sections.plan_year and not pledged:
        return False  # 'Năm 2023, tỷ lệ hộ nghèo là 5,2%' in a plan for 2024 reports a result
    if sections.in_target_section(offset) or pledged:
        return True
    return facts.opens_with_target_word(para_start, end)


def _sentence_targets(source: SourceText, sections: Sections, sentence: tuple[int, int]) -> list[Target]:
    """The targets of one sentence; one without a subject of its own borrows the previous one's."""
    start, end = sentence
    year = _year(source.text[start:end]) or sections.year_at(start)
    targets = []
    subject = ""
    for quantity in _quantities(source.text, start, end):
        own = _indicator(quantity.before, quantity.unit, quantity.after) or _indicator(quantity.lead, "%", "")
        weak = _weak(own, quantity.after)
        indicator = (subject if weak and subject else own or subject) or sections.heading_at(start) or ""
        if not weak:
            subject = own
        value = parse_number(quantity.match["number"])
        if value is None or not indicator:
            continue
        targets.append(
            Target(
                indicator=indicator,
                comparator=quantity.comparator,
                value=source.value(value, quantity.match.start("number"), quantity.match.end("number")),
                unit=quantity.unit,
                year=year,
                evidence=source.evidence(start, end),
            )
        )
    return targets


def _quantities(text: str, start: int, end: int) -> list[_Quantity]:
    """Every number with a unit in ``text[start:end]``, with its comparator ('exactly' if none).

    A range ('1-1,5%', 'từ 20 đến 25 hộ') gives two: at_least its first number, at_most its last.
    """
    matches = list(_QUANTITY_RE.finditer(text, start, end))
    quantities = []
    for index, match in enumerate(matches):
        unit = _unit(match["unit"])
        previous_end = matches[index - 1].end() if index else None
        clause_start = _clause_start(text, start, match.start(), previous_end)
        lead_start = start if previous_end is None else previous_end
        opens_with_colon = clause_start > lead_start and text[clause_start - 1] == ":"
        lead = text[lead_start : clause_start - 1] if opens_with_colon else ""
        before = _PARENTHESES_RE.sub(" ", text[clause_start : match.start()])
        next_start = matches[index + 1].start() if index + 1 < len(matches) else end
        after = _after(text, match.end(), next_start, end, unit)
        low = _RANGE_START_RE.search(before)
        if low:
            before = before[: low.start()]
            first = _RANGE_NUMBER_RE.match(text, clause_start + low.start("low"))
            quantities.append(_Quantity(first, unit, "at_least", before, after, lead))
            quantities.append(_Quantity(match, unit, "at_most", before, after, lead))
            continue
        comparator = None
        word_before = _BEFORE_RE.search(before)
        if word_before:
            comparator = dict(vocab.COMPARATORS_BEFORE)[_norm(word_before["word"])]
            before = before[: word_before.start()]
        word_after = _AFTER_RE.match(after)
        if word_after and comparator is None:
            comparator = dict(vocab.COMPARATORS_AFTER)[_norm(word_after["word"])]
        quantities.append(_Quantity(match, unit, comparator or "exactly", before, after, lead))
    return quantities


def _norm(word: str) -> str:
    return squash(word).lower()


def _clause_start(text: str, sentence_start: int, offset: int, previous_end: int | None) -> int:
    """Where the words about the number at ``offset`` begin: after ':', ';', an open '(' or the previous target.

    A closed parenthesis on the way is stepped over ('tỷ lệ nghèo đa chiều (bao gồm ...) trên 0,2%').
    """
    begin = sentence_start if previous_end is None else previous_end
    depth = 0
    for index in range(offset - 1, begin - 1, -1):
        char = text[index]
        if char == ")":
            depth += 1
        elif char == "(" and depth:
            depth -= 1
        elif char in ":;(" and not depth:
            return index + 1
    if previous_end is not None:
        comma = text.find(",", previous_end, offset)
        if comma >= 0:
            return comma + 1
    return begin


def _after(text: str, unit_end: int, next_start: int, sentence_end: int, unit: str) -> str:
    """The words after the unit up to ':', ';', a parenthesis or the clause of the next target.

    After a percentage a comma starts another clause ('bằng 0,87%, thu nhập ...'); after a count
    it goes on with the list the unit heads ('10 mô hình, dự án giảm nghèo').
    """
    stop = next_start
    if next_start < sentence_end:
        comma = text.rfind(",", unit_end, next_start)
        if comma >= 0:
            stop = comma
    if unit == "%" and text[unit_end:stop].lstrip().startswith(","):
        return ""
    for index in range(unit_end, stop):
        if text[index] in _CLAUSE_STOP:
            return text[unit_end:index]
    return text[unit_end:stop]


def _unit(raw: str) -> str:
    key = _norm(raw)
    return next(unit for spelling, unit in vocab.UNITS.items() if spelling.lower() == key)


def _indicator(before: str, unit: str, after: str) -> str:
    """The subject of the target: the words before the number, and the noun phrase after it."""
    head = _clean(before, leading=True)
    tail = _PER_TIME_RE.sub("", _clean(after, leading=False)).strip()
    if tail.startswith("/"):
        tail = ""  # '0,91%/tổng số hộ': a share of a base, said by the previous target
    if tail and unit != "%":
        parts = [head, unit + tail if tail.startswith(",") else f"{unit} {tail}"]  # '10 mô hình, dự án ...'
    elif tail:
        parts = [head, tail]
    elif unit != "%" and head.lower().rsplit(" ", 1)[-1] in vocab.PREPOSITIONS:
        parts = [head, unit]  # 'tạo việc làm cho 150 lao động': the unit names whom
    else:
        parts = [head]
    indicator = squash(" ".join(part for part in parts if part)).strip(" ,;:.-–")
    if " là " in head:
        # '... đạt chỉ tiêu huyện giao là giảm 23 hộ nghèo': what follows 'là' is the target.
        rest = indicator.rsplit(" là ", 1)[1]
        if not _weak(rest, ""):
            indicator = rest
    words = indicator.split(" ")
    if len(words) > vocab.INDICATOR_MAX_WORDS:
        indicator = " ".join(words[: vocab.INDICATOR_MAX_WORDS]).rstrip(" ,;") + " …"
    return indicator[:1].upper() + indicator[1:]


def _clean(text: str, *, leading: bool) -> str:
    """Drop introducing words (before a number) and time or comparison tails (on both sides)."""
    text = tidy(text).rstrip(" ,;:.-–")
    if leading:
        text = LIST_MARKER_RE.sub("", text.strip(" ,;-–"))
    changed = True
    while changed and text:
        changed = False
        new = text
        if leading:
            new = _LEADING_YEAR_RE.sub("", new).strip(" ,")
            lowered = new.lower()
            for filler in vocab.INDICATOR_LEADING_FILLERS:
                if lowered == filler or lowered.startswith(filler + " "):
                    new = new[len(filler) :].strip(" ,")
                    break
        new = _TIME_TAIL_RE.sub("", new).rstrip(" ,")
        lowered = new.lower()
        for filler in vocab.INDICATOR_TRAILING_FILLERS:
            if lowered == filler or lowered.endswith(" " + filler):
                new = new[: len(new) - len(filler)].rstrip(" ,")
                break
        if new != text:
            text, changed = new, True
    return text


def _weak(indicator: str, after: str) -> bool:
    """True when the indicator names no subject ('giảm', 'tỷ lệ giảm') or is a share ('%/tổng số hộ')."""
    if squash(after).startswith("/") and not _PER_TIME_RE.match(squash(after)):
        return True
    return len(_VERB_WORDS_RE.sub(" ", indicator).split()) < 2


def _year(sentence: str) -> int | None:
    """The year a target sentence is for: its first 'năm YYYY' that is not a baseline ('so với năm 2023')."""
    baselines = [match.span() for match in _BASELINE_RE.finditer(sentence)]
    for match in YEAR_RE.finditer(sentence):
        if not any(start <= match.start() < end for start, end in baselines):
            return int(match["year"])
    return None
