"""Text typed in old Vietnamese font encodings (TCVN3/ABC, VNI, VISCII) made Unicode (the only module importing viparse).

Before Unicode, plans were typed in fonts whose glyphs sat on Latin-1 codes: in TCVN3 (.VnTime)
'Cộng hoà' is stored as 'Céng hoµ', in VNI (VNI-Times) as 'Coäng hoaø'. Extracted faithfully, such a
plan reads as noise. viparse knows the tables and guesses the encoding from the characters; this
module adds the guard that matters here, never to corrupt Unicode text: a line is converted only
when that gives it more well-formed Vietnamese syllables, and a whole text only when the gain is
clear. Conversion must run before ``normalise``, which deletes U+00AD: in TCVN3 that code is 'ư'.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import regex
import viparse
from viparse.normalize.encodings import get_charmap
from viparse.normalize.tables import convert as _viparse_convert

from extractor.vocab.syllables import ONSETS, RHYMES, TONE_MARKS

TCVN3, VNI = "tcvn3", "vni"

# Latin-1 characters that Unicode Vietnamese never uses but every legacy-encoded text is full of
# (TCVN3 'µ ¸ ¹ « ®', VNI 'ö ø ñ ä'). Fewer than a few of them: not legacy text, and viparse is not asked.
_LEGACY_MARKS = frozenset(
    "\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae"
    "\u00b5\u00b6\u00b7\u00b8\u00b9\u00bb\u00bc\u00bd\u00be"
    "ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþ"
)
# The standard library's re scans a text for a set of characters about six times as fast as regex does.
_LEGACY_MARK_RE = re.compile("[" + "".join(re.escape(char) for char in sorted(_LEGACY_MARKS)) + "]")
_MIN_LEGACY_MARKS = 3
# PDF text layers give TCVN3's 'ư' (0xAD) as U+2212 MINUS SIGN; viparse's tables undo that.
_PDF_SUBSTITUTES = "\u2212\u2219"
# A text converted by content alone must gain at least this many syllables, and this share of its words.
_MIN_GAIN = 3
_MIN_GAIN_SHARE = 0.05

# Letters of Unicode Vietnamese outside Latin-1 (ă đ ĩ ũ ơ ư and the precomposed toned vowels):
# a run holding them is Unicode whatever font it is set in.
_UNICODE_VIETNAMESE = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")

_SUBSET_TAG = regex.compile(r"^[A-Z]{6}\+")
_TOKEN = regex.compile(r"\S+")
_LINE_BREAK = regex.compile(r"(\r?\n|\r|\f)")  # \f: the PDF reader's page break
_EDGE_PUNCTUATION = ".,;:!?()[]{}\"'/-–—…“”‘’*<>"
_SYLLABLE = regex.compile(
    "(?:" + "|".join(ONSETS) + ")?(?:" + "|".join(sorted(RHYMES, key=len, reverse=True)) + ")"
)
_ASCII_UPPER = regex.compile("[A-Z]")
_ASCII_LOWER = regex.compile("[a-z]")


def encoding_for_font(font: str | None) -> str | None:
    """'tcvn3' for a .Vn* font (.VnTime, .VnArialH), 'vni' for a VNI-* font, else None; PDF subset tags ignored."""
    if not font:
        return None
    name = _SUBSET_TAG.sub("", font.strip()).upper()
    if name.startswith(".VN"):
        return TCVN3
    if name.startswith("VNI"):
        return VNI
    return None


def is_capitals_font(font: str | None) -> bool:
    """Whether a TCVN3 font draws every letter as a capital (.VnTimeH, .VnArialH): its codes are the lower-case ones."""
    if encoding_for_font(font) != TCVN3:
        return False
    name = _SUBSET_TAG.sub("", font.strip()).split(",")[0].strip()  # PDFs add ',Bold'
    return name.endswith("H")


def convert(text: str, encoding: str) -> str:
    """``text`` converted with one legacy table, unconditionally (for text a font says is legacy); NFC."""
    charmap = get_charmap(encoding)
    if charmap is None:
        raise ValueError(f"no conversion table for encoding {encoding!r}")
    return _viparse_convert(text, charmap)


def looks_unicode(text: str) -> bool:
    """Whether ``text`` holds Vietnamese letters that no legacy encoding produces (it is Unicode already)."""
    return bool(_UNICODE_VIETNAMESE.search(unicodedata.normalize("NFC", text)))


def unicode_letter_count(text: str) -> int:
    """How many Vietnamese letters of ``text`` no legacy encoding produces (ư, ơ, đ, ộ, ...)."""
    return len(_UNICODE_VIETNAMESE.findall(unicodedata.normalize("NFC", text)))


def legacy_mark_count(text: str) -> int:
    """How many characters of ``text`` are the Latin-1 glyph codes legacy encodings use."""
    return len(_LEGACY_MARK_RE.findall(text))


def detect_and_convert(text: str, fonts: Iterable[str] = ()) -> tuple[str, str | None]:
    """``(text in Unicode, encoding)`` for legacy-encoded text; ``(text, None)`` unchanged for anything else.

    ``fonts`` (font names of the source, e.g. a PDF's) can name the encoding; otherwise viparse
    guesses it from the characters. Either way each line is converted only when that gives it more
    Vietnamese syllables, so Unicode headings in a legacy document stay as they are.
    """
    encoding = _font_encoding(fonts)
    by_content = encoding is None
    if by_content:
        if legacy_mark_count(text) < _MIN_LEGACY_MARKS and not any(c in text for c in _PDF_SUBSTITUTES):
            return text, None
        encoding = viparse.detect_text_encoding(text)
    if encoding is None or get_charmap(encoding) is None:
        return text, None
    converted, gain, words = _convert_lines(text, encoding)
    if gain < 1 or (by_content and (gain < _MIN_GAIN or gain < _MIN_GAIN_SHARE * words)):
        return text, None
    return converted, encoding


def syllable_count(text: str) -> int:
    """How many whitespace-separated words of ``text`` are well-formed Vietnamese syllables."""
    return sum(1 for token in _TOKEN.findall(text) if is_syllable(token.strip(_EDGE_PUNCTUATION)))


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """Whether ``word`` is one Vietnamese syllable: onset + rhyme, at most one tone mark, no foreign letter."""
    if not word:
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for char in decomposed if char in TONE_MARKS)
    if tones > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return bool(_SYLLABLE.fullmatch(toneless))


def _font_encoding(fonts: Iterable[str]) -> str | None:
    """The one legacy encoding the font names point to; None for none or for two different ones."""
    encodings = {encoding_for_font(font) for font in fonts} - {None}
    return encodings.pop() if len(encodings) == 1 else None


def _convert_lines(text: str, encoding: str) -> tuple[str, int, int]:
    """(text with each line converted unless that costs syllables or the line is Unicode, syllables gained, words)."""
    lines, gain, words = [], 0, 0
    for index, line in enumerate(_LINE_BREAK.split(text)):
        if index % 2:  # a line break (the split keeps them)
            lines.append(line)
            continue
        before = syllable_count(line)
        words += len(_TOKEN.findall(line))
        converted = convert(line, encoding)
        if converted == unicodedata.normalize("NFC", line):
            lines.append(line)  # nothing the table changes
            continue
        if encoding == TCVN3:
            converted = restore_capitals(line, converted)
        after = syllable_count(converted)
        if after > before or (after == before and not looks_unicode(line)):
            lines.append(converted)  # a tie ('Sè' / 'Số' are both syllables) goes to the document's encoding
            gain += after - before
        else:
            lines.append(line)
    return "".join(lines), gain, words


def restore_capitals(original: str, converted: str) -> str:
    """Capitalise a TCVN3 heading: 'KÕ HO¹CH' converts to 'Kế HOạCH', and is 'KẾ HOẠCH'.

    TCVN3 has no accented capitals: headings were typed as ASCII capitals plus lower-case codes
    in a capitals font (.VnTimeH), which plain text loses. When every converted word of a line has
    only capital ASCII letters, and one has at least two, the line was such a heading. TCVN3 maps
    one character to one, so the words of both texts line up.
    """
    if len(original) != len(converted):
        return converted
    changed = [m for m in _TOKEN.finditer(original) if m.group() != converted[m.start() : m.end()]]
    if not changed or any(_ASCII_LOWER.search(m.group()) for m in changed):
        return converted
    if not any(len(_ASCII_UPPER.findall(m.group())) >= 2 for m in changed):
        return converted
    out = list(converted)
    for m in changed:
        out[m.start() : m.end()] = converted[m.start() : m.end()].upper()
    result = "".join(out)
    return result if len(result) == len(converted) else converted
