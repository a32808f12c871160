"""Plain-text plans: decode, normalise, and drop the emphasis markers of text exports."""

from __future__ import annotations

from pathlib import Path

import regex

from extractor.text import SourceText, normalise

# '**bold**' and '*italic*' survive in text exports; in Word they are run formatting, so they go.
# A '* ' bullet (star then space) is kept.
_BOLD = regex.compile(r"\*\*")
_ITALIC = regex.compile(r"(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\p{L}\p{N}*])")


def strip_emphasis(text: str) -> str:
    """Remove markdown emphasis markers, keeping bullets."""
    return _ITALIC.sub(r"\1", _BOLD.sub("", text))


def read_txt(data: bytes, path: Path) -> SourceText:
    """Decode a .txt plan (UTF-8 for now) into normalised text."""
    text = data.decode("utf-8-sig")
    return SourceText(strip_emphasis(normalise(text)))
