"""Word .docx plans: body paragraphs and tables in document order (the only module importing docx).

Runs set in an old Vietnamese font (.VnTime is TCVN3, VNI-Times is VNI) are converted to Unicode run
by run, so a Unicode heading over a TCVN3 body comes out right; a document whose fonts say nothing is
checked as a whole, as a .txt is.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn

from extractor.errors import UnreadableFile
from extractor.limits import DEFAULT_LIMITS, Limits
from extractor.readers import legacy
from extractor.text import SourceText, normalise, squash

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ADVICE = "the file is damaged or not a Word .docx; re-save it from Word"

_P, _TBL = qn("w:p"), qn("w:tbl")
# Block-level wrappers whose children are paragraphs and tables again.
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}
# Runs the reader shows: tracked insertions and hyperlinks yes; deletions, moved-away text and
# text boxes (drawn shapes, usually logos or stamps) no.
_VISIBLE_RUNS = ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent)]"
# The run content python-docx reads as text, plus w:softHyphen, which it drops: Word writes a TCVN3
# 'ư' (code 0xAD, the soft hyphen's) that way, so a soft hyphen is kept as U+00AD until conversion.
_RUN_CONTENT = "w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab | w:softHyphen"
_SOFT_HYPHEN = qn("w:softHyphen")
_RPR, _RFONTS, _RSTYLE, _VAL = qn("w:rPr"), qn("w:rFonts"), qn("w:rStyle"), qn("w:val")
_HANSI, _ASCII = qn("w:hAnsi"), qn("w:ascii")
_STYLE_DEPTH = 20  # basedOn chains are short; a cycle in a broken file must not loop


def read_docx(data: bytes, path: Path, limits: Limits = DEFAULT_LIMITS) -> SourceText:
    """Read a .docx plan: one line per paragraph, one tab-separated line per table row.

    ``limits`` is taken for the readers' common signature; the dispatcher checks sizes.
    """
    document = _open(data, path)
    body = document.element.body
    fonts = LegacyFonts(document, body)
    lines = [line for block in _blocks(body) for line in _block_lines(block, fonts)]
    text, encoding = "\n".join(lines), fonts.encoding()
    if encoding is None:  # no legacy font named: the text may still be legacy under an unknown font name
        text, encoding = legacy.detect_and_convert(text)
    return SourceText(normalise(text), legacy_encoding=encoding)


class LegacyFonts:
    """Which runs are set in a legacy-encoded font, resolved as Word does: run, character style,
    paragraph style, document defaults. Fonts whose runs hold Unicode Vietnamese letters are not trusted."""

    def __init__(self, document, body) -> None:
        styles = document.styles.element
        self._styles = {style.get(qn("w:styleId")): style for style in styles.iterchildren(qn("w:style"))}
        self._default_paragraph_style = next(
            (
                style.get(qn("w:styleId"))
                for style in self._styles.values()
                if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true", "on")
            ),
            None,
        )
        self._defaults = styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")
        self._cache: dict[tuple, tuple[str | None, bool]] = {}
        self._converted: Counter[str] = Counter()
        self._trusted = self._trusted_encodings(body)

    def encoding(self) -> str | None:
        """The legacy encoding most converted text was in, or None when no run was converted."""
        return self._converted.most_common(1)[0][0] if self._converted else None

    def paragraph_text(self, p) -> str:
        """A paragraph's visible text, with runs in a legacy font converted (consecutive ones together)."""
        style = self._paragraph_style(p)
        pieces: list[tuple[tuple[str | None, bool], str]] = []
        for run in p.xpath(_VISIBLE_RUNS):
            key = self.run_font(run, style)
            if key[0] not in self._trusted:
                key = (None, False)
            text = run_text(run)
            if pieces and pieces[-1][0] == key:
                pieces[-1] = (key, pieces[-1][1] + text)
            else:
                pieces.append((key, text))
        return "".join(self._convert(key, text) for key, text in pieces)

    def run_font(self, run, paragraph_style: str | None) -> tuple[str | None, bool]:
        """(legacy encoding of the run's font or None, whether it is a TCVN3 capitals font like .VnTimeH)."""
        rpr = run.find(_RPR)
        direct = [] if rpr is None else rpr.findall(_RFONTS)
        run_style = None if rpr is None else rpr.find(_RSTYLE)
        key = (
            paragraph_style,
            None if run_style is None else run_style.get(_VAL),
            tuple((f.get(_HANSI), f.get(_ASCII)) for f in direct),
        )
        if key not in self._cache:
            chain = direct + self._style_fonts(key[1]) + self._style_fonts(paragraph_style) + self._defaults
            self._cache[key] = _legacy_font(chain)
        return self._cache[key]

    def _paragraph_style(self, p) -> str | None:
        """The styleId of a w:p element, or the document's default paragraph style."""
        style = None if p is None else p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return self._default_paragraph_style if style is None else style.get(_VAL)

    def _convert(self, key: tuple[str | None, bool], text: str) -> str:
        encoding, capitals = key
        if encoding is None or not text:
            return text
        converted = legacy.convert(text, encoding)
        if converted != text:
            self._converted[encoding] += len(text)
        return converted.upper() if capitals else converted

    def _style_fonts(self, style_id: str | None) -> list:
        """The w:rFonts elements of a style and the styles it is based on, nearest first."""
        fonts, seen = [], set()
        while style_id and style_id not in seen and len(seen) < _STYLE_DEPTH:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            fonts += style.xpath("w:rPr/w:rFonts")
            style_id = style.xpath("string(w:basedOn/@w:val)")
        return fonts

    def _trusted_encodings(self, body) -> set[str | None]:
        """The legacy encodings whose runs really hold legacy codes: a .VnTime font over text typed in
        Unicode (it happens, the font is kept when Unicode text is pasted) must not be converted."""
        legacy_marks: Counter[str] = Counter()
        unicode_letters: Counter[str] = Counter()
        for run in body.xpath(_VISIBLE_RUNS):
            encoding = self.run_font(run, self._paragraph_style(next(run.iterancestors(_P), None)))[0]
            if encoding is not None:
                text = run_text(run)
                legacy_marks[encoding] += legacy.legacy_mark_count(text)
                unicode_letters[encoding] += legacy.unicode_letter_count(text)
        return {None} | {encoding for encoding in legacy_marks if legacy_marks[encoding] >= unicode_letters[encoding]}


def _open(data: bytes, path: Path) -> docx.document.Document:
    """The python-docx document, or UnreadableFile with advice."""
    if data.startswith(_OLE_MAGIC):
        raise UnreadableFile(
            path,
            "this is an old Word .doc or a password-protected document, not a .docx",
            "open it in Word, remove any password and save it as .docx",
        )
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # zipfile, lxml and python-docx all raise their own types
        raise UnreadableFile(path, f"cannot open it as .docx ({type(error).__name__}: {error})", _ADVICE) from None


def _blocks(parent) -> Iterator:
    """The w:p and w:tbl elements under ``parent``, in order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _block_lines(block, fonts: LegacyFonts | None = None) -> list[str]:
    """The lines of one paragraph (soft breaks kept) or one table."""
    if block.tag == _P:
        return [paragraph_text(block, fonts)]
    return table_lines(block, fonts)


def paragraph_text(p, fonts: LegacyFonts | None = None) -> str:
    """The visible text of a w:p element: runs, tabs and soft line breaks ('\\n'); legacy runs converted with ``fonts``."""
    if fonts is not None:
        return fonts.paragraph_text(p)
    return "".join(run_text(run) for run in p.xpath(_VISIBLE_RUNS))


def run_text(run) -> str:
    """A w:r element's text as python-docx reads it, with a w:softHyphen as U+00AD."""
    return "".join("\u00ad" if e.tag == _SOFT_HYPHEN else str(e) for e in run.xpath(_RUN_CONTENT))


def _legacy_font(rfonts: list) -> tuple[str | None, bool]:
    """(encoding, capitals) of the nearest hAnsi font (Latin-1 codes) or, failing that, ascii font."""
    for attribute in (_HANSI, _ASCII):
        name = next((f.get(attribute) for f in rfonts if f.get(attribute)), None)
        encoding = legacy.encoding_for_font(name)
        if encoding is not None:
            return encoding, legacy.is_capitals_font(name)
    return None, False


def table_lines(tbl, fonts: LegacyFonts | None = None) -> list[str]:
    """One line per row of a w:tbl, cells joined by tabs; a merged cell appears once."""
    lines = []
    for tr in tbl.iterchildren(qn("w:tr")):
        cells = [_cell_text(tc, fonts) for tc in _row_cells(tr)]
        lines.append("\t".join(cells))
    return lines


def _row_cells(tr) -> Iterator:
    """The w:tc elements of a row, each once however many grid columns it spans."""
    for child in tr.iterchildren():
        if child.tag == qn("w:tc"):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _row_cells(child)


def _cell_text(tc, fonts: LegacyFonts | None = None) -> str:
    """A cell's text on one line; the lower parts of a vertical merge are empty, as in a PDF."""
    if tc.vMerge == "continue":
        return ""
    parts = []
    for block in _blocks(tc):
        if block.tag == _P:
            parts.append(paragraph_text(block, fonts))
        else:  # a table inside the cell: its cells in reading order
            parts.extend(table_lines(block, fonts))
    return squash(" ".join(parts))
