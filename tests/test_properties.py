"""Properties of the whole pipeline: offsets always hold; a line wrap before a word changes no value."""

from functools import cache

import pytest
import regex
from conftest import CORPUS, SAMPLES, values_only
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.pipeline import extract_text

SAMPLE = (CORPUS / "000_2753d8804e160cef.txt").read_text(encoding="utf-8")
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
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


_LIST_HEADING = regex.compile(
    r"[ \t]*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ]\))[^\n]{0,80}?(?<!\p{L})(?:hộ|thôn|bản|xóm|ấp|tổ dân phố)(?!\p{L})",
    regex.IGNORECASE,
)


@pytest.mark.parametrize("stem", SAMPLES)
def test_every_wrap_inside_a_list_heading_changes_no_value(stem):
    """Each wrappable space of every short list heading ('- Đối với hộ cận nghèo: ...', '• Thôn Tô:') is wrapped
    once: the k-th space of every heading at the same time, for each k (one extraction per k, not per space)."""
    text, wrappable, baseline = _sample(stem)
    by_line: dict[int, list[int]] = {}
    for position in wrappable:
        line_start = text.rfind("\n", 0, position) + 1
        line_end = text.find("\n", position)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if len(line) <= 80 and _LIST_HEADING.match(line):
            by_line.setdefault(line_start, []).append(position)
    for k in range(max((len(spaces) for spaces in by_line.values()), default=0)):
        wrapped = list(text)
        for spaces in by_line.values():
            if k < len(spaces):
                wrapped[spaces[k]] = "\n"
        document = extract_text("".join(wrapped))
        assert values_only(document.model_dump(mode="json")) == baseline, f"{stem}: wrap number {k} of a list heading"
