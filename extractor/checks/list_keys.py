"""Keys that match the same village or person however a plan spells it: case, spacing, level word, tone placement."""

from __future__ import annotations

import functools
import unicodedata

import regex

from extractor.text import squash
from extractor.vocab.households import VILLAGE_LEVEL

# Combining tone marks (huyền, sắc, ngã, hỏi, nặng) and the sign each leaves at the end of its word's key;
# the other marks (ô, ơ, ư, ă, â, đ) are letters and stay.
_TONE_MARKS = {"\u0300": "`", "\u0301": "'", "\u0303": "~", "\u0309": "?", "\u0323": "."}
_DROP_TONES = str.maketrans(dict.fromkeys(_TONE_MARKS))
_LEVEL_PREFIX = regex.compile(rf"^{VILLAGE_LEVEL}\s+(?:số\s+)?(?=\S)", regex.IGNORECASE)
_LEADING_ZEROS = regex.compile(r"(?<![0-9])0+(?=[0-9])")
_EDGE_PUNCTUATION = regex.compile(r"^[\s,.;:()\-–]+|[\s,.;:()\-–]+$")

# (two spellings, same key?): tests run every one.
KEY_EXAMPLES: list[tuple[str, str, bool]] = [
    ("Thôn Bình Hòa 1", "thôn bình hoà 1", True),  # old and new tone placement
    ("Thôn Tô", "Tô", True),  # with or without the level word
    ("Thôn Sẻ", "thôn sẻ", True),
    ("Bản Nà Cạn", "bản  Nà\nCạn", True),  # spacing and a PDF line wrap
    ("Tổ dân phố số 03", "Tổ dân phố 3", True),
    ("Thôn Hạ", "Thôn Hà", False),  # a different tone is a different name
    ("Thôn Tô", "Thôn Tô 2", False),
]


def text_key(text: str) -> str:
    """Case-, spacing- and tone-placement-blind form of a name: 'Hòa' and 'Hoà' give the same key."""
    words = []
    for word in squash(unicodedata.normalize("NFC", text)).casefold().split(" "):
        letters = unicodedata.normalize("NFD", word)
        base = letters.translate(_DROP_TONES)
        tones = "".join(_TONE_MARKS[char] for char in letters if char in _TONE_MARKS) if base != letters else ""
        words.append(unicodedata.normalize("NFC", base) + tones)
    return " ".join(words)


def village_key(village: str | None) -> str:
    """The key of a village name, without its level word ('Thôn', 'Bản') and leading zeros."""
    if not village:
        return ""
    name = _EDGE_PUNCTUATION.sub("", squash(village))
    name = _LEVEL_PREFIX.sub("", name)
    return text_key(_LEADING_ZEROS.sub("", name))


def person_key(name: str) -> str:
    """The key of a household head's name."""
    return text_key(_EDGE_PUNCTUATION.sub("", name))


class Keys:
    """``village_key`` and ``person_key`` of one document, each spelling worked out once.

    A plan names each village many times (statistics, headings, every listed household); make one per
    document, so that nothing is kept from one document to the next.
    """

    def __init__(self) -> None:
        self.village = functools.cache(village_key)
        self.person = functools.cache(person_key)
