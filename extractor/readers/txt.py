"""Plain-text plans: pick the encoding, convert old font encodings, normalise, drop text-export emphasis."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import regex

from extractor.errors import UnreadableFile
from extractor.limits import DEFAULT_LIMITS, Limits
from extractor.readers.legacy import detect_and_convert, syllable_count
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
# The control characters (category Cc: U+0000-U+001F, U+007F-U+009F, fixed by Unicode) but the allowed ones.
_CONTROL_RE = regex.compile(
    "[" + "".join(regex.escape(chr(code)) for code in [*range(0x20), *range(0x7F, 0xA0)]
                  if chr(code) not in _ALLOWED_CONTROLS) + "]"
)
_MAX_CONTROL_SHARE = 0.01
_ADVICE_ENCODING = "save it as UTF-8 text (Notepad: Save As, Encoding UTF-8) or give the .docx/.pdf"
# Bytes 0x80-0x9F as Windows-1252 reads them (quotes, dashes); a legacy Vietnamese font keeps them there.
_CP1252_C1 = {
    byte: bytes([byte]).decode("cp1252") for byte in range(0x80, 0xA0) if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


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
    nul_even = sample[0 : 2 * pairs : 2].count(0)
    nul_odd = sample[1 : 2 * pairs : 2].count(0)
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
    # An interrupted save or copy leaves NUL bytes where the file's end should be: the text before them is whole.
    text = text.rstrip("\x00")
    if not text and data and not data.strip(b"\x00"):
        raise UnreadableFile(path, "the file holds only zero bytes (a save or copy was interrupted)",
                             "copy it again from the original")
    _reject_binary(text, path)
    return text


def _reject_binary(text: str, path: Path | str) -> None:
    """Raise UnreadableFile when ``text`` is empty or holds many control characters (binary data)."""
    if not text.strip():
        raise UnreadableFile(path, "the file is empty", "check that the right file was given")
    controls = len(_CONTROL_RE.findall(text))
    if controls > 1 and controls > _MAX_CONTROL_SHARE * len(text):
        raise UnreadableFile(
            path,
            f"this is not a text file ({controls} control characters in {len(text)})",
            "give the plan as .txt, .docx or .pdf",
        )


def read_txt(data: bytes, path: Path, limits: Limits = DEFAULT_LIMITS) -> SourceText:
    """Read a .txt plan (UTF-8 with or without BOM, UTF-16, Windows-1258, TCVN3/VNI bytes) into normalised text.

    ``limits`` is taken for the readers' common signature; the dispatcher checks sizes.
    """
    if sniff_encoding(data) == "cp1258":
        legacy = _legacy_bytes(data, path)
        if legacy is not None:
            return legacy
    return text_source(decode_text(data, path))


def text_source(text: str) -> SourceText:
    """A plan given as a string, converted from a legacy font encoding if it is in one, and normalised as .txt is."""
    text, encoding = detect_and_convert(text)
    return SourceText(strip_emphasis(normalise(text)), legacy_encoding=encoding)


def _legacy_bytes(data: bytes, path: Path) -> SourceText | None:
    """The plan when its non-UTF-8 bytes are TCVN3/VNI codes and read better so than as Windows-1258, else None.

    Decoding as Windows-1258 would already lose such text: its bytes 0xCC, 0xD2, 0xDE, 0xEC, 0xF2 are
    combining tones there, which NFC then merges into the letter before.
    """
    glyphs = data.decode("latin-1").rstrip("\x1a")
    # TCVN3 and VNI fonts leave Windows quotes and dashes on 0x80-0x9F; VISCII keeps letters there.
    windows = glyphs.translate(_CP1252_C1)
    converted, encoding = detect_and_convert(windows)
    if encoding in (None, "viscii") and windows != glyphs:
        converted, encoding = detect_and_convert(glyphs)
    if encoding is None:
        return None
    try:
        as_cp1258 = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        as_cp1258 = ""
    if syllable_count(converted) <= syllable_count(as_cp1258):
        return None
    _reject_binary(converted, path)
    return SourceText(strip_emphasis(normalise(converted)), legacy_encoding=encoding)
