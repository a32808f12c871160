"""Properties of the whole pipeline: offsets always hold; a line wrap before a word changes no value."""

from functools import lru_cache

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, SAMPLES, values_only
from extractor.pipeline import extract_text

SAMPLE = (CORPUS / "000_2753d8804e160cef.txt").read_text(encoding="utf-8")
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=None)
def _sample(stem: str) -> tuple[str, list[int], dict]:
    """The sample's text, the spaces a PDF could turn into a wrap (before a lower-case word), its values."""
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    wrappable = [
        m.start()
        for m in regex.finditer(r"(?<=\p{Ll},?) (?=\p{Ll}\p{L}* \p{Ll})", text)
        if "\t" not in text[text.rfind("\n", 0, m.start()) + 1 : text.find("\n", m.start())]  # not in a table row
    ]
    return text, wrappable, values_only(extract_text(text).model_dump(mode="json"))


def _evidence(data):
    if isinstance(data, dict):
        if {"start", "end", "raw"} <= set(data):
            yield data
        for value in data.values():
            yield from _evidence(value)
    elif isinstance(data, list):
        for item in data:
            yield from _evidence(item)


@pytest.mark.parametrize("stem", SAMPLES)
@SLOW
@given(data=st.data())
def test_line_wraps_inside_sentences_change_no_value(stem, data):
    text, wrappable, baseline = _sample(stem)
    positions = data.draw(st.lists(st.sampled_from(wrappable), min_size=1, max_size=60, unique=True))
    wrapped = list(text)
    for position in positions:
        wrapped[position] = "\n"
    document = extract_text("".join(wrapped))
    assert values_only(document.model_dump(mode="json")) == baseline


@SLOW
@given(st.integers(0, len(SAMPLE)), st.integers(0, 200), st.text(max_size=40))
def test_spans_hold_on_mutated_plans(start, length, insert):
    mutated = SAMPLE[:start] + insert + SAMPLE[start + length:]
    document = extract_text(mutated)
    data = document.model_dump(mode="json")
    for evidence in _evidence(data):
        assert document.text[evidence["start"]:evidence["end"]] == evidence["raw"]
