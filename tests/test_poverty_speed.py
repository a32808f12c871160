"""The poverty parser's shortcuts read what the plain ways read: each against the slower way it replaces.

The sentence breaks are found by searching the blank-line alternative only before blank lines
(``structure.sentence_breaks``), not by the whole alternation (``_SENTENCE_BREAKS``). The sentence reader searches each token only from where the case-folded sentence shows the token can start
(``poverty_sentence.tokens``) instead of searching every token from every offset (``_TOKEN_RE.finditer``);
and keeps the tails of the gaps between tokens, which repeat, once read. The list context reads an item only
with the patterns whose words it holds (``lists._list_context``); the table statistics group a row's
columns by a key made once per column (``poverty_tables._group_of``). Any difference in the breaks,
tokens or tails would change the statistics read.
"""

import dataclasses
import random
import re
import sys
from functools import cache

import pytest
import regex
from plan_texts import corpus_and_generated

from extractor import structure
from extractor.parsers import lists, poverty, poverty_sentence, poverty_tables
from extractor.parsers.poverty_sentence import _GATE_RES, _START_RES, _TOKEN_RE, _TOKENS, tokens
from extractor.parsers.poverty_tables import table_stats
from extractor.parsers.poverty_words import unfilled_tail
from extractor.parsers.tables import parse_tables
from extractor.readers.txt import text_source
from extractor.text import squash
from extractor.vocab.comparators import COMPARATOR_EXAMPLES
from extractor.vocab.poverty import (
    CATEGORY_EXAMPLES,
    FILLER_EXAMPLES,
    MEASURE_EXAMPLES,
    NOT_STATISTICS_EXAMPLES,
    PLANNED_EXAMPLES,
)
from extractor.vocab.poverty_breakdowns import BREAKDOWN_EXAMPLES

EDGE_CASES = [
    "",
    "x",
    "HỘ NGHÈO 12 HỘ; Tỷ Lệ Hộ Cận Nghèo 3,5 %",
    "İstanbul 12 hộ nghèo",  # 'İ' case-folds to two characters
    "12\x1chộ nghèo; 5\x1d% hộ nghèo; năm\x1e2023",  # separators: white space for re, not for regex
    "không  \n dưới 12 hộ nghèo, TRÊN 5% / tổng số 900 hộ; 81/910 hộ; thôn Tô: 3 hộ nghèo; Bình Yên: 2 hộ",
    "ǅ 3 hộ Ǆ:  K 4 ſố hộ nghèo 31/12/2023 31-12-2023 giảm từ 2,66% năm 2023 xuống còn 1,74%",
]
# Words the random texts are made of: the vocabulary's examples, odd letters and marks.
_ODD = ["İ", "K", "ſ", "ǅ", "Ǆ", "ß", "\x1c", "\u00a0", "\u2028", "%", "/", ":", "-", ".", ",", "(", ")", "\n"]


def _texts() -> tuple[str, ...]:
    """The corpus plans, a few generated plans (as .txt is read), and the edge cases."""
    return corpus_and_generated(13, 6) + tuple(EDGE_CASES)


@cache
def _random_texts() -> tuple[str, ...]:
    # Every example of the vocabulary the tokens are built from: a word added there with its example, that a
    # token's start or gate does not cover, makes the comparisons below fail.
    examples = [s for table in (BREAKDOWN_EXAMPLES, PLANNED_EXAMPLES, CATEGORY_EXAMPLES, MEASURE_EXAMPLES,
                                FILLER_EXAMPLES, COMPARATOR_EXAMPLES) for s, _ in table] + NOT_STATISTICS_EXAMPLES
    words = [w for s in examples + list(EDGE_CASES) for w in s.split()] + _ODD
    phrases = [s for s in examples for _ in range(3)]
    pick = random.Random(6)
    texts = []
    for _ in range(800):
        chosen = [pick.choice(words) for _ in range(pick.randint(1, 30))]
        chosen.insert(pick.randint(0, len(chosen)), pick.choice(phrases))  # a whole example, words in order
        chosen = [w.upper() if pick.random() < 0.1 else w.title() if pick.random() < 0.1 else w for w in chosen]
        texts.append("".join(w + pick.choice([" ", "", "  ", "\n", " \t"]) for w in chosen))
    return tuple(texts)


def _lines() -> list[str]:
    return [line for text in _texts() for line in text.split("\n") if line.strip()] + list(_random_texts())


def _seen(matches) -> list[tuple]:
    return [(m.span(), m.re.pattern, m.groupdict()) for m in matches]


def test_tokens_are_the_alternations_matches():
    for text in _texts() + _random_texts():
        assert _seen(tokens(text)) == _seen(_TOKEN_RE.finditer(text)), text[:80]


def test_tokens_are_the_alternations_matches_in_every_sentence():
    found = 0
    for line in _lines():
        expected = _seen(_TOKEN_RE.finditer(line))
        assert _seen(tokens(line)) == expected, line[:80]
        found += len(expected)
    assert found > 1000  # the texts hold many tokens


@pytest.mark.parametrize("index", range(len(_TOKENS)), ids=[name for name, _ in _TOKENS])
def test_every_match_starts_where_its_start_finds_and_holds_its_gate(index):
    """At every offset a token matches, its start pattern matches there and its gate inside the match."""
    pattern, starts, gate = _TOKEN_RE.patterns[index], _START_RES[index], _GATE_RES[index]
    matched = 0
    for line in _lines():
        lower = line.casefold()
        if len(lower) != len(line):
            continue  # tokens() reads such a text the plain way
        for offset in range(len(line)):
            match = pattern.match(line, offset)
            if match is None:
                continue
            matched += 1
            assert starts is None or starts.match(lower, offset), (line[:80], offset)
            assert gate is None or gate.search(lower, offset, match.end()), (line[:80], offset)
    assert matched > 0


_LIST_GATES = [lists._HOUSEHOLD_ENTRY_GATE, lists._VILLAGE_HEADING_GATE, lists._CATEGORY_LINE_GATE]


def _literal_characters() -> set[str]:
    """Every character the start and gate patterns name literally (outside escapes and classes)."""
    chars = set()
    for compiled in _START_RES + _GATE_RES + _LIST_GATES:
        if compiled is not None:
            chars |= set(re.sub(r"\\.|\[[^\]]*\]|[()?:|*+]", "", compiled.pattern))
    return chars


def test_case_folding_gives_the_letter_every_case_insensitive_match_stands_for():
    chars = _literal_characters()
    assert {"h", "ộ", "ậ", "%", "/", "ô", "ị", "ó"} <= chars
    everything = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    for char in sorted(chars):
        matched = regex.compile(regex.escape(char), regex.IGNORECASE).findall(everything)
        assert char in matched
        for other in matched:
            folded = other.casefold()
            # a character case-folded to two lengthens the text, which tokens() then reads the plain way
            assert folded == char or len(folded) != 1, (char, other)


def test_re_white_space_takes_every_white_space_of_regex():
    space, re_space = regex.compile(r"\s"), re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        if not 0xD800 <= code <= 0xDFFF and space.match(chr(code)):
            assert re_space.match(chr(code).casefold()), hex(code)


def test_poverty_statistics_are_those_read_the_plain_way(monkeypatch):
    sources = [text_source(text) for text in _texts()]
    fast = [poverty.parse_poverty(source, parse_tables(source)) for source in sources]
    monkeypatch.setattr(poverty_sentence, "tokens", _TOKEN_RE.finditer)
    plain = [poverty.parse_poverty(source, parse_tables(source)) for source in sources]
    assert fast == plain
    assert sum(len(stats) for stats in plain) > 20


def _gap_samples() -> list[str]:
    gaps = []
    for line in _lines():
        found = list(_TOKEN_RE.finditer(line))
        ends = [0] + [m.end() for m in found]
        gaps += [line[end : m.start()] for end, m in zip(ends, found, strict=False)]
    return gaps


def test_cached_unfilled_tails_are_those_read_afresh():
    gaps = _gap_samples()
    assert len(set(gaps)) > 100
    for gap in gaps + gaps:  # the second time from the cache
        assert unfilled_tail(gap) == unfilled_tail.__wrapped__(gap), gap


# Pieces the random texts for the sentence breaks are made of: stops, blanks, list markers, cases.
_BREAK_PIECES = [
    ".", "!", "?", "…", ";", " ", "  ", "\t", "\n", "\n\n", " \n", "\n \n", "\n\t\n", "a", "ư", "Đ", "B", "1", "2,5",
    "- ", "+ ", "• ", "* ", "– ", "a) ", "đ) ", "II. ", "3. ", "4.2 ", "1) ", "(", "“", '"', "12 hộ", "\x1c", "\u00a0",
]


def _break_texts() -> list[str]:
    pick = random.Random(7)
    texts = [text for text in _texts()]
    texts += ["".join(pick.choice(_BREAK_PIECES) for _ in range(pick.randint(0, 40))) for _ in range(3000)]
    return texts


def test_sentence_breaks_are_the_alternations_matches():
    breaks = 0
    for text in _break_texts():
        expected = [m.span() for m in structure._SENTENCE_BREAKS.finditer(text)]
        assert structure.sentence_breaks(text) == expected, repr(text[:120])
        breaks += len(expected)
    assert breaks > 1000


def test_blank_line_starts_are_every_offset_a_blank_line_break_matches_at():
    for text in _break_texts():
        matched = [offset for offset in range(len(text)) if structure._BLANK_BREAK_RE.match(text, offset)]
        starts = structure._blank_line_starts(text)
        assert set(matched) <= set(starts), repr(text[:120])
        assert starts == sorted(set(starts))


def _plain_list_context(source, row_starts):
    """``lists._list_context`` without its gates: every item squashed and read by every pattern."""
    villages, categories = [(0, None)], [(0, None)]
    for start, item in lists.list_items(source.text, row_starts):
        if start in row_starts or lists.HOUSEHOLD_ENTRY.search(item):
            continue
        line = squash(item)
        village, category = lists.village_heading(line), lists.category_line(line)
        if village is not None:
            villages.append((start, village))
            categories.append((start, None))
        elif category is not None:
            categories.append((start, category))
        elif lists._NUMBERED_HEADING.match(line):
            villages.append((start, None))
            categories.append((start, None))
    return villages, categories


# Lines the random list texts are made of: village headings, category lines, household entries, headings.
_LIST_LINES = [
    "- Thôn Tô:", "• THÔN NÀ CẠN:", "+ Bản Phiêng Luông", "thôn có 6 hộ", "Tổ dân phố 3:", "- Khu\x1cphố 2:",
    "- Đối với hộ nghèo: Kế hoạch giảm 3 hộ; cụ thể:", "- Đối với HỘ CẬN NGHÈO:", "Danh sách hộ\ncận nghèo",
    "Hộ bà: Trương Thị Thanh", "hộ cận nghèo ông Lò Văn Pản", "HỘ GIA ĐÌNH CHỊ Lò Thị Ơn", "hộ\x1dông Lò Văn A",
    "II. GIẢI PHÁP", "3. Kinh phí", "4.2 Nội dung", " 1) x", "IV) Y", "ẞ thôn Tô:", "İ hộ nghèo", "ſ", "",
    "  ", "\t", "cho từng", "xóm Đồng:", "ấp 3:", "a) Làng Mới:", "Sóc Trăng", "- ", "K hộ ông An Bình",
]


def _list_texts() -> list[str]:
    pick = random.Random(8)
    texts = list(_texts())
    texts += ["\n".join(pick.choice(_LIST_LINES) for _ in range(pick.randint(1, 12))) for _ in range(1500)]
    return texts


def test_list_context_is_the_one_read_without_gates():
    villages = categories = 0
    for text in _list_texts():
        source = text_source(text)
        rows = frozenset(row.evidence.start for table in parse_tables(source) for row in table.rows)
        context = lists._list_context.__wrapped__(source, rows)
        plain_villages, plain_categories = _plain_list_context(source, rows)
        assert list(zip(context.village_starts, context.villages, strict=True)) == plain_villages, text[:120]
        assert list(zip(context.category_starts, context.categories, strict=True)) == plain_categories, text[:120]
        villages += len(plain_villages) - 1
        categories += sum(category is not None for _, category in plain_categories)
    assert villages > 500 and categories > 300


def test_table_statistics_are_those_grouped_the_plain_way(monkeypatch):
    sources = [text_source(text) for text in _texts()]
    readings = [(source, parse_tables(source)) for source in sources]
    fast = [table_stats(s, t, lists.list_context(s, t)) for s, t in readings]
    monkeypatch.setattr(poverty_tables, "_group_of", lambda column: dataclasses.replace(column, field=""))
    plain = [table_stats(s, t, lists.list_context(s, t)) for s, t in readings]
    assert fast == plain
    assert sum(len(stats) for stats in plain) > 20
