"""Plain-text plans: pick the encoding, normalise, and drop the emphasis markers of text exports."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import regex

from extractor.errors import UnreadableFile
from extractor.text import SourceText, normalise

# '**bold**' and '*italic*' survive in text exports; in Word they are run formatting, so they go.
# A '* ' bullet (star then space) is kept. As in Markdown, emphasis may run over a line wrap,
# never over a blank line.
_BOLD = regex.compile(r"\*\*")
_ITALIC = regex.compile(
    r"(?<![\p{L}\p{N}*])\*(?=[^\s*])((?:[^*\n]|\n(?![ \t]*\n))*?[^\s*])\*(?![\p{L}\p{N}*])"
)

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 4096
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.01
_ADVICE_ENCODING = "save it as UTF-8 text (Notepad: Save As, Encoding UTF-8) or give the .docx/.pdf"


def strip_emphasis(text: str) -> str:
    """Remove markdown emphasis markers, keeping bullets."""
    return _ITALIC.sub(r"\1", _BOLD.sub("", text))


def sniff_encoding(data: bytes) -> str:
    """The codec name for ``data``: BOM, then UTF-16 by its NUL bytes, then strict UTF-8, else cp1258."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    utf16 = _utf16_by_nul_pattern(data[:_SNIFF_BYTES])
    if utf16:
        return utf16
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1258"
    return "utf-8"


def _utf16_by_nul_pattern(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one side of the byte pairs (ASCII letters, spaces, digits)."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    nul_even = sum(1 for b in sample[0 : 2 * pairs : 2] if b == 0)
    nul_odd = sum(1 for b in sample[1 : 2 * pairs : 2] if b == 0)
    # Even Vietnamese text is mostly ASCII letters and spaces, whose high byte is 0.
    if nul_odd >= 0.2 * pairs and nul_even <= 0.02 * pairs:
        return "utf-16-le"
    if nul_even >= 0.2 * pairs and nul_odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def decode_text(data: bytes, path: Path | str) -> str:
    """Decode ``data`` to NFC text, or raise UnreadableFile for binary or undecodable bytes."""
    codec = sniff_encoding(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            path, f"the bytes are not text in UTF-8, UTF-16 or Windows-1258 ({error.reason})", _ADVICE_ENCODING
        ) from None
    # cp1258 writes tones as combining marks after the letter: NFC puts them back on it.
    text = unicodedata.normalize("NFC", text).rstrip("\x1a")  # \x1a: the DOS end-of-file mark
    _reject_binary(text, path)
    return text


def _reject_binary(text: str, path: Path | str) -> None:
    """Raise UnreadableFile when ``text`` is empty or holds many control characters (binary data)."""
    if not text.strip():
        raise UnreadableFile(path, "the file is empty", "check that the right file was given")
    controls = sum(1 for c in text if c not in _ALLOWED_CONTROLS and unicodedata.category(c) == "Cc")
    if controls > 1 and controls > _MAX_CONTROL_SHARE * len(text):
        raise UnreadableFile(
            path,
            f"this is not a text file ({controls} control characters in {len(text)})",
            "give the plan as .txt, .docx or .pdf",
        )


def read_txt(data: bytes, path: Path) -> SourceText:
    """Read a .txt plan (UTF-8 with or without BOM, UTF-16, Windows-1258) into normalised text."""
    return text_source(decode_text(data, path))


def text_source(text: str) -> SourceText:
    """A plan given as a string, normalised exactly as a .txt file's text is."""
    return SourceText(strip_emphasis(normalise(text)))
