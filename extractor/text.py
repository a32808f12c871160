"""SourceText: the normalised text of one document, with page offsets, and the spans into it."""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field
from typing import TypeVar

import regex

from schemas import Evidence, Value

T = TypeVar("T")

_SPACE_RUN = regex.compile(r"\s+")
_INVISIBLE = regex.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_OTHER_DIGIT = regex.compile(r"[\p{Nd}--[0-9]]", regex.V1)


@dataclass(frozen=True)
class SourceText:
    """Normalised (NFC, '\\n' line ends) text; ``page_starts[i]`` is where page i+1 begins."""

    text: str
    page_starts: tuple[int, ...] = field(default=())
    legacy_encoding: str | None = None  # 'tcvn3', 'vni', ... when the text was converted from an old font encoding

    def page_at(self, offset: int) -> int | None:
        """1-based page holding ``offset``, or None for a text without pages."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset) or 1

    def evidence(self, start: int, end: int) -> Evidence:
        """The evidence for ``text[start:end]``."""
        return Evidence(start=start, end=end, page=self.page_at(start), raw=self.text[start:end])

    def value(self, value: T, start: int, end: int) -> Value[T]:
        """A value located at ``text[start:end]``."""
        return Value(value=value, evidence=self.evidence(start, end))

    def span_of(self, match: regex.Match, group: int | str = 0) -> Evidence:
        """The evidence of one group of a match over this text."""
        return self.evidence(match.start(group), match.end(group))


def normalise(text: str) -> str:
    """NFC, with Windows and old Mac line ends made '\\n', NUL-free, and every decimal digit an ASCII one.

    Legacy font encodings (TCVN3 puts 'ư' on U+00AD, which is dropped here) must be converted before.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # Word and PDFs carry soft hyphens and zero-width characters that would split words apart.
    return ascii_digits(_INVISIBLE.sub("", text.replace("\u00a0", " ")))


def ascii_digits(text: str) -> str:
    """Digits of other scripts ('٢', fullwidth '２', Devanagari '२') as ASCII '0'-'9', one character for one."""
    if text.isascii():
        return text
    return _OTHER_DIGIT.sub(_ascii_digit, text)


def _ascii_digit(match: regex.Match) -> str:
    digit = unicodedata.decimal(match.group(), None)  # regex and unicodedata may know different Unicode versions
    return match.group() if digit is None else str(digit)


def squash(text: str) -> str:
    """Collapse every run of white space (line wraps included) to one space, and strip."""
    return _SPACE_RUN.sub(" ", text).strip()


# A hyphen or en dash closed up to the word before it but open after: 'VH- XH', '2022–\n2025'.
_OPEN_HYPHEN = regex.compile(r"(?<=[^\s\-–])([-–])\s+(?=\S)")


def tidy(text: str) -> str:
    """``squash`` for derived labels, also closing a hyphen open after its word: 'VH- XH' -> 'VH-XH'.

    Typists leave the space ('VH- XH'), and PDFs wrap after an en dash, which the PDF reader does not
    rejoin ('2022–\\n2025'); ' - ' with spaces on both sides stays.
    """
    return _OPEN_HYPHEN.sub(r"\1", squash(text))
