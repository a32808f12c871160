"""SourceText: the normalised text of one document, with page offsets, and the spans into it."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TypeVar

import regex

from schemas import Evidence, Value

T = TypeVar("T")

_SPACE_RUN = regex.compile(r"\s+")
# The standard library's re: a set of characters over a whole text is scanned several times faster than
# by regex, and its digits (\d, Unicode's Nd) are those of the unicodedata that converts them.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_OTHER_DIGIT = re.compile(r"[^\D0-9]")


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


def _ascii_digit(match: re.Match) -> str:
    return str(unicodedata.decimal(match.group()))


def squash(text: str) -> str:
    """Collapse every run of white space (line wraps included) to one space, and strip."""
    # str.split's white space is the regex module's \s and the information separators U+001C-U+001F;
    # without those, splitting gives the same and is several times faster.
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return _SPACE_RUN.sub(" ", text).strip()
    return " ".join(text.split())


# A hyphen or en dash closed up to the word before it but open after: 'VH- XH', '2022–\n2025'.
_OPEN_HYPHEN = regex.compile(r"(?<=[^\s\-–])([-–])\s+(?=\S)")


def casefolded(text: str) -> str | None:
    """``text`` case-folded ('ſ' is 's', 'Đ' is 'đ') offset for offset, for cheap gates searched in place of a
    case-insensitive pattern; None when some letter folds to two ('ß', 'İ') and the offsets would not line up."""
    folded = text.casefold()
    return folded if len(folded) == len(text) else None


def tidy(text: str) -> str:
    """``squash`` for derived labels, also closing a hyphen open after its word: 'VH- XH' -> 'VH-XH'.

    Typists leave the space ('VH- XH'), and PDFs wrap after an en dash, which the PDF reader does not
    rejoin ('2022–\\n2025'); ' - ' with spaces on both sides stays.
    """
    return _OPEN_HYPHEN.sub(r"\1", squash(text))


class Alternatives:
    """``regex.compile("A|B|C", flags)`` kept as its alternatives, each compiled alone: the same matches, faster.

    The regex module scans quickly for a pattern opening with a literal word ('ngày ...'), but not for an
    alternation of such patterns, which it tries at every offset: over a whole plan 'LONG|SHORT|BLANK' (the
    three date forms) took 20 times as long as the three searched one by one. ``finditer`` gives what the
    alternation's ``finditer`` gives: at each step the leftmost match, and of the alternatives matching there
    the first listed. The patterns must not match the empty string.
    """

    def __init__(self, patterns: list[str], flags: int = 0) -> None:
        self.patterns = [regex.compile(pattern, flags) for pattern in patterns]

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """The non-overlapping matches of the alternation over ``text[pos:endpos]``, left to right."""
        end = len(text) if endpos is None else endpos
        return leftmost_matches(len(self.patterns), lambda index, at: self.patterns[index].search(text, at, end), pos)


def leftmost_matches(count: int, search, pos: int = 0):
    """The matches of an alternation of ``count`` alternatives, left to right, as ``regex`` finds them: at each
    step the leftmost match, of those starting there the first listed, then on from its end.

    ``search(index, at)`` finds alternative ``index``'s first match starting at ``at`` or later (or None).
    """
    never = float("inf")
    found = [search(index, pos) for index in range(count)]
    starts = [never if match is None else match.start() for match in found]
    while True:
        leftmost = min(starts)
        if leftmost == never:
            return
        best = starts.index(leftmost)  # the first listed of those starting there
        match = found[best]
        yield match
        pos = max(match.end(), match.start() + 1)
        for index in range(count):
            if starts[index] < pos:
                found[index] = search(index, pos)
                starts[index] = never if found[index] is None else found[index].start()


class Anchored:
    """A compiled pattern searched only where one of its matches can start: the same matches, faster.

    ``starts`` finds every offset a match may start at (it may find more): '[0-9]++' for a pattern opening
    with a number. A pattern opening with a look-behind ('(?<![0-9.,])[0-9]...') is tried by the regex module
    at every offset of the text; trying it only where ``starts`` matches gives the same left-to-right,
    non-overlapping matches (a number's look-behind reads the text before each start as before).
    """

    def __init__(self, pattern: regex.Pattern, starts: regex.Pattern) -> None:
        self.pattern = pattern
        self.starts = starts

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """The non-overlapping matches of ``pattern`` over ``text[pos:endpos]``, left to right."""
        end = len(text) if endpos is None else endpos
        for start in self.starts.finditer(text, pos, end):
            offset = start.start()
            if offset < pos:
                continue
            match = self.pattern.match(text, offset, end)
            if match is not None:
                yield match
                pos = max(match.end(), match.start() + 1)
