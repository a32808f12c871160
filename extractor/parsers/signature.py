"""The signature block: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', then the signer's name."""

from __future__ import annotations

import regex

from extractor.text import SourceText, squash
from extractor.vocab.admin_units import NOT_NAME_WORDS
from extractor.vocab.documents import SIGNATURE_MARKS, SIGNATURE_SKIP_PREFIXES, SIGNER_TITLES
from schemas import Value

_LINE_RE = regex.compile(r"(?m)^.*$")
_MARK = "|".join(regex.escape(mark) for mark in sorted(SIGNATURE_MARKS, key=len, reverse=True))
_TITLE = "|".join(regex.escape(title).replace(r"\ ", r"[ \t]+") for title in SIGNER_TITLES)
_CAPACITY_RE = regex.compile(
    rf"(?<![\p{{L}}/])(?:(?P<mark>{_MARK})\.?[ \t]*(?P<role>\p{{Lu}}[\p{{Lu}}&.-]*(?:[ \t]+[\p{{Lu}}&.-]+)*)"
    rf"|(?P<title>{_TITLE}))[ \t]*$",
    regex.MULTILINE,
)
_SIGNER_RE = regex.compile(r"\p{Lu}[\p{Ll}'’]*(?:[ \t]+\p{Lu}[\p{Ll}'’]*){1,4}")
_TRAILING_SIGNER_RE = regex.compile(r"[.;][ \t]+(?P<name>\p{Lu}[\p{Ll}'’]*(?:[ \t]+\p{Lu}[\p{Ll}'’]*){2,4})[ \t]*$")
_NAME_SEARCH_LINES = 20


def parse_signature(source: SourceText) -> tuple[Value[str] | None, Value[str] | None]:
    """(signer, capacity) from the signature block; capacity pieces joined with ' - '."""
    lines = list(_LINE_RE.finditer(source.text))
    groups: list[list[tuple[int, regex.Match]]] = []
    for index, line in enumerate(lines):
        piece = _capacity_piece(line)
        if piece is None:
            continue
        if groups and index - groups[-1][-1][0] <= 2:
            groups[-1].append((index, piece))
        else:
            groups.append([(index, piece)])
    for group in groups:
        signer = _signer_after(source, lines, group[-1][0] + 1)
        if signer is not None:
            pieces = [piece for _, piece in group]
            capacity = " - ".join(_capacity_text(piece) for piece in pieces)
            return signer, source.value(capacity, pieces[0].start(), pieces[-1].end())
    return None, None


def _capacity_piece(line: regex.Match) -> regex.Match | None:
    """The capacity at the end of a line: alone, after a cell break, or after a 'Nơi nhận' item in a PDF."""
    match = _CAPACITY_RE.search(line.string, line.start(), line.end())
    if match is None:
        return None
    before = line.string[line.start():match.start()].strip()
    if before and not regex.search(r"[\t|]\s*$", line.string[line.start():match.start()]):
        if not (before.startswith(("-", "+", "•")) or before.startswith(SIGNATURE_SKIP_PREFIXES)):
            return None
    return match


def _capacity_text(piece: regex.Match) -> str:
    if piece.group("title"):
        return squash(piece.group("title"))
    return f"{SIGNATURE_MARKS[piece.group('mark')]} {squash(piece.group('role'))}"


def _signer_after(source: SourceText, lines: list[regex.Match], first: int) -> Value[str] | None:
    """The first line (or cell) after the capacity that is a person's name, skipping the 'Nơi nhận' list."""
    filled = [line for line in lines[first:] if line.group().strip()]
    for line in filled[:_NAME_SEARCH_LINES]:
        cells = list(regex.finditer(r"[^\t|]+", line.group()))
        if len(cells) > 2:
            return None  # a table: the annex has begun
        for cell in cells:
            content = cell.group().strip()
            if not content:
                continue
            offset = line.start() + cell.start() + len(cell.group()) - len(cell.group().lstrip())
            if content.startswith(("-", "+", "•")) or content.startswith(SIGNATURE_SKIP_PREFIXES):
                trailing = _TRAILING_SIGNER_RE.search(content)
                if trailing:
                    return source.value(squash(trailing.group("name")), offset + trailing.start("name"),
                                        offset + trailing.end("name"))
                continue
            if _SIGNER_RE.fullmatch(content) and content.split()[0] not in NOT_NAME_WORDS:
                return source.value(squash(content), offset, offset + len(content))
    return None
