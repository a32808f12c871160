"""The checker's shortcuts read what the plain ways read: each against the slower way it replaces.

Each shortcut skips work that cannot find anything (a paragraph with fewer than two numbers, a text
without household totals) or does once per document what was done per statement; any difference in what
it returns would change the findings.
"""

from functools import cache

import pytest
import regex
from plan_texts import corpus_and_generated

from extractor.checks import breakdowns, words
from extractor.checks.facts import Key, poverty_facts
from extractor.checks.list_keys import KEY_EXAMPLES, Keys, person_key, village_key
from extractor.checks.list_segments import read_lists
from extractor.checks.sanity_counts import count_findings
from extractor.checks.totals import source_of
from extractor.pipeline import extract_text
from extractor.readers.txt import text_source
from extractor.structure import paragraphs
from extractor.vocab import checks_poverty

EDGE_CASES = [
    "",
    "x",
    "Tổng số hộ toàn xã năm 2023 là 2.515 hộ. Năm 2024, toàn xã có 910 hộ, 3.640 khẩu",
    "tính đến cuối năm 2023 tổng số hộ là 1.250 hộ gia đình; tính đến năm 2022, toàn xã có 889 hộ",
    "Tổng số hộ là 910 hộ. Toàn xã có 67 hộ nghèo",  # the last form only: no year before the words
    "năm 2023 có 40 hộ: 27 hộ nghèo và 13 hộ cận nghèo\n12 hộ\n\n1 2\t3 hộ: 1 hộ, 2 hộ",
    "năm  \n2023 thôn\t4 hộ, Dự án 1 (2 hộ) x12 hộ ſố 3 bộ; -5 hộ",
]


def _texts() -> tuple[str, ...]:
    """The corpus plans, a few generated plans (as .txt is read), and the edge cases."""
    return corpus_and_generated(11, 8) + tuple(EDGE_CASES)


@cache
def _documents():
    return [extract_text(text) for text in _texts()]


def test_every_household_total_form_ends_with_the_last():
    last = checks_poverty.HOUSEHOLD_TOTAL_FORMS[-1]
    assert all(form.endswith(last) for form in checks_poverty.HOUSEHOLD_TOTAL_FORMS)


def test_household_totals_are_the_matches_of_every_form():
    found_any = without = False
    for text in _texts():
        expected = [(m.span(), m.groupdict()) for m in words.TOTALS.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in words.totals(text)] == expected, text[:80]
        found_any = found_any or bool(expected)
        without = without or not expected
    assert found_any and without, "the texts must hold plans with and without household totals"


_WORD_BEFORE_RE = regex.compile(r"(\p{L}+)[ \t\n]*$")


def test_the_word_before_a_number_is_the_one_the_pattern_finds():
    for text in _texts():
        for offset in range(len(text) + 1):
            found = _WORD_BEFORE_RE.search(text, max(0, offset - 20), offset)
            assert breakdowns._word_before(text, offset) == (found[1] if found else None), (text[:40], offset)


def _breakdowns_of_every_paragraph(source):
    """``find_breakdowns`` without skipping paragraphs: the counts and connectors of each one looked for."""
    text = source.text
    ends = paragraphs(source).ends
    found = []
    for start, end in zip([0] + [e + 1 for e in ends], ends + [len(text)]):
        if start >= end or "\t" in text[start:end]:
            continue
        counts = breakdowns.find_counts(text, start, end)
        if len(counts) < 2:
            continue
        for connector in breakdowns._CONNECTOR_RE.finditer(text, start, end):
            breakdown = breakdowns._breakdown(text, counts, connector, end)
            if breakdown is not None:
                found.append(breakdown)
    return tuple(found)


def test_breakdowns_skip_only_paragraphs_that_cannot_hold_one():
    total = 0
    for text in _texts():
        source = text_source(text)
        found = breakdowns.find_breakdowns.__wrapped__(source)
        assert found == _breakdowns_of_every_paragraph(source), text[:80]
        total += len(found)
    assert total > 0, "no text has a breakdown, so the comparison proves nothing"


@pytest.mark.parametrize(("first", "second", "same"), KEY_EXAMPLES)
def test_a_documents_keys_are_the_keys(first, second, same):
    keys = Keys()
    for _ in range(2):  # worked out, then remembered
        assert keys.village(first) == village_key(first)
        assert keys.person(second) == person_key(second)
        assert (keys.village(first) == keys.village(second)) is same
    assert keys.village(None) == village_key(None) == ""


def test_each_documents_lists_have_their_own_keys():
    documents = [document for document in _documents() if document.households][:2]
    first, second = (read_lists(document) for document in documents)
    assert first.keys is not second.keys
    for document, lists in zip(documents, (first, second)):
        named = [item.village for item in [*document.poverty_stats, *document.households] if item.village]
        assert lists.villages == {village_key(name) for name in named} != set()


def test_a_key_with_a_field_changed_is_that_key():
    key = Key("poor", "level", 2023, "Thôn Tô", False)
    changed = key.but(measure="reduction", year=2024)
    assert changed == Key("poor", "reduction", 2024, "Thôn Tô", False)
    assert hash(changed) == hash(Key("poor", "reduction", 2024, "Thôn Tô", False))
    assert key == Key("poor", "level", 2023, "Thôn Tô", False)  # the key itself is left as it was
    with pytest.raises(TypeError, match="facts.py"):
        key.but(measures="reduction")


def test_poverty_facts_are_read_the_same_twice():
    # the reader remembers what it read for one document only: a second reading of the same document,
    # after another, gives the same facts
    documents = _documents()
    first = [repr(poverty_facts(document)) for document in documents]
    assert [repr(poverty_facts(document)) for document in reversed(documents)] == first[::-1]
    assert any(facts.count("Figure(") for facts in first)


def _reduction_over_level_by_scanning(document):
    """The falls above a level, found by comparing every pair of statements (what the grouping replaces)."""
    stats = [s for s in document.poverty_stats if s.households is not None and s.category in ("poor", "near_poor")]
    found = []
    for fall in stats:
        if fall.measure != "reduction" or fall.comparator not in (None, "exactly", "at_least", "above"):
            continue
        levels = [
            s for s in stats
            if s.measure == "level" and not s.planned and s.comparator is None
            and (s.category, s.village) == (fall.category, fall.village)
            and (s.year < fall.year if s.year is not None and fall.year is not None
                 else s.households.evidence.end <= fall.households.evidence.start)
        ]
        earlier = [
            s for s in stats
            if s.measure == "level" and not s.planned and s.category == fall.category
            and s.households.evidence.end <= fall.households.evidence.start
        ]
        if not levels or (earlier and max(earlier, key=lambda s: s.households.evidence.end).village != fall.village):
            continue
        if fall.households.value > max(s.households.value for s in levels):
            found.append(fall.households.evidence.start)
    return found


def test_falls_are_checked_against_the_same_levels_as_by_scanning():
    texts = [
        "Thôn Tô có 8 hộ nghèo. Kế hoạch năm 2025 thôn Tô giảm 10 hộ nghèo.",
        "Thôn Tô có 8 hộ nghèo, thôn Sẻ có 20 hộ nghèo. Thôn Tô giảm 10 hộ nghèo.",
    ]
    documents = [*_documents(), *(extract_text(text) for text in texts)]
    for document in documents:
        found = [f.evidence[0].start for f in count_findings(document, source_of(document))
                 if f.rule == "reduction_exceeds_level"]
        assert found == _reduction_over_level_by_scanning(document)
