"""Helpers shared by the test modules: texts as each format gives them, corpus files read once."""

import textwrap
from contextlib import nullcontext
from functools import cache, lru_cache
from unittest.mock import patch

import regex
from conftest import CORPUS

from extractor import pipeline
from extractor.checks.sanity import check_sanity
from extractor.checks.totals import check_totals
from extractor.readers import read
from extractor.text import SourceText, normalise

# The header of the 004 annex table ('CHỈ TIÊU GIẢM NGHÈO CỤ THỂ CỦA TỪNG THÔN ...'), as every format gives it.
ANNEX_004_HEADER = [
    "TT",
    "Đơn vị",
    "Số hộ nghèo năm 2023 (hộ)",
    "Chỉ tiêu giao giảm nghèo năm 2024 (hộ)",
    "Số hộ cận nghèo năm 2023 (hộ)",
    "Số hộ cận nghèo giảm năm 2024 (hộ)",
    "Cán bộ phân công phụ trách",
]


def source(text: str) -> SourceText:
    """A text as the .txt reader gives it."""
    return SourceText(normalise(text))


def as_pdf(text: str, width: int = 90) -> SourceText:
    """The text as a PDF gives it: paragraphs wrapped over lines, no blank lines, table rows intact, pages known."""
    lines = []
    for line in normalise(text).split("\n"):
        if "\t" in line:
            lines.append(line)
        elif line.strip():
            lines.extend(textwrap.wrap(line, width=width, break_long_words=False))
    return SourceText("\n".join(lines), page_starts=(0,))


@lru_cache(maxsize=None)
def corpus(stem: str, fmt: str = "txt") -> SourceText:
    """The corpus file whose name starts with ``stem`` ('004' or the whole stem), read once."""
    return read(next(CORPUS.glob(f"{stem}*.{fmt}")))


def without_checks():
    """A context in which extraction runs no rule family: each family's own tests run it (and stay fast)."""
    return patch.object(pipeline, "check", lambda document: [])


def extract_unchecked(text: str):
    """The extraction of a text without the rule families."""
    with without_checks():
        return pipeline.extract_text(text)


@cache
def sample(stem: str, fmt: str = "txt", checked: bool = True):
    """The corpus file extracted once, with every rule family's findings unless ``checked`` is False."""
    with nullcontext() if checked else without_checks():
        return pipeline.extract_source(corpus(stem, fmt), document_id=stem, path=f"{stem}.{fmt}", fmt=fmt)


def unchecked_sample(stem: str, fmt: str = "txt"):
    """The corpus file extracted once without the rule families."""
    return sample(stem, fmt, checked=False)


def replace_in(stem: str, context: str, old: str, new: str) -> tuple[str, int]:
    """The sample's text with ``old`` (inside the first ``context``) replaced by ``new`` of the same length."""
    assert len(old) == len(new)
    text = corpus(stem).text
    at = text.index(context) + context.index(old)
    return text[:at] + new + text[at + len(old) :], at


def replace_group(stem: str, pattern: str, new: str, flags: int = 0) -> tuple[str, int]:
    """The sample's text with group 'n' of the first match of ``pattern`` replaced by ``new`` of the same length."""
    text = corpus(stem).text
    match = regex.search(pattern, text, flags)
    assert match and len(new) == len(match["n"])
    return text[: match.start("n")] + new + text[match.end("n") :], match.start("n")


def on_span(findings, at: int) -> list:
    """The findings with an evidence span over offset ``at``."""
    return [f for f in findings if any(e.start <= at < e.end for e in f.evidence)]


def _starts_key(found) -> tuple:
    return (found.rule, tuple(e.start for e in found.evidence))


def assert_caught_only_on_site(stem: str, context: str, old: str, new: str, rule: str) -> None:
    """Changing ``old`` in a sample raises ``rule`` on it, and every new finding of the pipeline is about it."""
    mutated, at = replace_in(stem, context, old, new)
    baseline = {_starts_key(f) for f in sample(stem).findings}
    found = [f for f in pipeline.extract_text(mutated).findings if _starts_key(f) not in baseline]
    assert any(f.rule == rule for f in on_span(found, at))
    # every new finding is about the changed number
    assert found == on_span(found, at)


def totals_and_sanity(document) -> list:
    """The findings of the totals and sanity families, which share the numbers they read."""
    return check_totals(document) + check_sanity(document)


def _spans_key(found) -> tuple:
    return (found.rule, found.severity, tuple((e.start, e.end) for e in found.evidence))


def totals_and_sanity_mutation(stem: str, pattern: str, new: str, flags: int = 0) -> tuple[list, list]:
    """(new totals and sanity findings, those of them on the number) when group 'n' of ``pattern`` becomes ``new``."""
    mutated, at = replace_group(stem, pattern, new, flags)
    before = {_spans_key(f) for f in totals_and_sanity(unchecked_sample(stem))}
    found = [f for f in totals_and_sanity(extract_unchecked(mutated)) if _spans_key(f) not in before]
    return found, on_span(found, at)
