"""Document numbers (số hiệu): '51/KH-UBND', '24/2021/QH15', '47-NQ/TU', with stray spaces and dashes made canonical."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.text import Anchored
from extractor.vocab.documents import SYMBOL_TYPES

_DASH = r"[-–—‐‑]"
# One part of a symbol: capitals and digits ('UBND', 'QH15', 'TB&XH'), or two capitals then
# anything ('TTg', 'CTr', 'TTr'), or 'QyĐ'. A capitalised word ('Về', 'Ban') is never a part,
# so 'số 12/QĐ-UBND - Về việc' stops before the dash.
_PART = r"(?:\p{Lu}{2,}[\p{L}0-9&]*|\p{Lu}\p{Ll}\p{Lu}[\p{L}0-9&]*|\p{Lu}[\p{Lu}0-9&]*)"
_SYMBOL = rf"{_PART}(?:\s*+{_DASH}\s*+{_PART})*"
_END = r"(?![\p{L}0-9&])"
_START = r"(?<![\p{L}0-9/.,&-])"
_YEAR = r"(?:19|20)[0-9]{2}"
_NUMBER = r"[0-9]{1,6}[a-z]?"
# What a template puts where the number will go: nothing, dots, an ellipsis, underscores.
# The white space in these patterns is possessive: what follows it is never white space, and giving
# it back would retry a long run of spaces in every split (quadratic time).
_BLANK = r"[.…_]*+"


def _slashed(number: str) -> str:
    """Administrative '51/KH-UBND' and normative '14/2012/QĐ-TTg'."""
    return rf"(?P<number>{number})\s*+/\s*+(?:(?P<year>{_YEAR})\s*+/\s*+)?(?P<symbol>{_SYMBOL}){_END}"


def _party(number: str) -> str:
    """Party '47-NQ/TU', '56- CTr/TU': number, dash, type, slash, issuing committee."""
    return rf"(?P<number>{number})\s*+{_DASH}\s*+(?P<psymbol>{_PART}\s*+/\s*+{_SYMBOL}){_END}"


# A document number with its number written.
SO_HIEU = rf"{_START}(?:{_party(_NUMBER)}|{_slashed(_NUMBER)})"
# The same, where the number may be left blank as templates do: 'Số: /KH-UBND', 'Số: .../KH-UBND'.
SO_HIEU_BLANKABLE = rf"(?:{_party(_NUMBER + '|' + _BLANK)}|{_slashed(_NUMBER + '|' + _BLANK)})"

_SO_HIEU_RE = regex.compile(SO_HIEU)
# Over a whole text SO_HIEU is tried only where its number can start: ten times faster, the same matches.
_SO_HIEUS = Anchored(_SO_HIEU_RE, regex.compile(rf"{_START}[0-9]"))
_SPACES = regex.compile(r"\s+")
_DASHES = regex.compile(_DASH)
_UPPER_TYPES = {code.upper(): name for code, name in SYMBOL_TYPES.items()}


@dataclass(frozen=True)
class SoHieu:
    """One document number, canonical: no spaces, '-' for every dash."""

    number: str | None
    symbol: str
    year: str | None = None
    party: bool = False

    @property
    def so_hieu(self) -> str | None:
        """'4159/KH-UBND', '24/2021/QH15', '47-NQ/TU'; None when the number is blank."""
        if self.number is None:
            return None
        if self.party:
            return f"{self.number}-{self.symbol}"
        year = f"{self.year}/" if self.year else ""
        return f"{self.number}/{year}{self.symbol}"

    @property
    def type_code(self) -> str:
        """The first part of the symbol: 'KH' of 'KH-UBND', 'NQ' of 'NQ/TU', 'UBND' of 'UBND-TH'."""
        return regex.split(r"[-/]", self.symbol, maxsplit=1)[0]

    @property
    def doc_type(self) -> str | None:
        """The type the symbol names; a symbol without a type part is a công văn ('5114/UBND-TH')."""
        code = self.type_code
        name = SYMBOL_TYPES.get(code) or _UPPER_TYPES.get(code.upper())
        if name is not None:
            return name
        # Normative ('24/2021/QH15') and party numbers always carry a type part when they have one.
        return None if self.year or self.party else "Công văn"


def canonical(text: str) -> str:
    """``text`` without white space and with every dash '-': '16/KH – UBND' is '16/KH-UBND'."""
    return _DASHES.sub("-", _SPACES.sub("", text))


def so_hieu_from_match(match: regex.Match) -> SoHieu:
    """The SoHieu a SO_HIEU or SO_HIEU_BLANKABLE match states."""
    number = match.group("number")
    number = number if number and number[0].isdigit() else None
    if match.group("psymbol") is not None:
        return SoHieu(number=number, symbol=canonical(match.group("psymbol")), party=True)
    return SoHieu(number=number, symbol=canonical(match.group("symbol")), year=match.group("year"))


def parse_so_hieu(text: str) -> SoHieu | None:
    """The document number ``text`` is, or None: parse_so_hieu('4159 /KH-UBND').so_hieu == '4159/KH-UBND'."""
    match = _SO_HIEU_RE.fullmatch(text.strip())
    return so_hieu_from_match(match) if match else None


def find_so_hieu(text: str) -> list[tuple[regex.Match, SoHieu]]:
    """Every document number written in ``text``, with its match."""
    return [(match, so_hieu_from_match(match)) for match in _SO_HIEUS.finditer(text)]
