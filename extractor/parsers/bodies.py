"""Local bodies and areas named in a text: 'UBND xã Cao Lâu', 'địa bàn huyện Đức Trọng', 'Tỉnh ủy Thanh Hóa'."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from extractor.places import is_dashed_unit
from extractor.text import squash
from extractor.vocab.admin_units import (
    LEVEL_SPELLINGS,
    NOT_NAME_WORDS,
    PARTY_COMMITTEES,
    level_of,
)
from extractor.vocab.documents import BODY_ABBREVIATIONS, SIGNER_TITLES
from extractor.vocab.place_names import NAME_DASH, OPENING_PHRASES, PERIOD_WORDS

_BODY = "|".join(
    regex.escape(spelling).replace(r"\ ", r"\s+") if spelling.isupper() else
    "(?i:" + regex.escape(spelling).replace(r"\ ", r"\s+") + ")"
    for spelling in sorted(BODY_ABBREVIATIONS, key=len, reverse=True)
)
_LEVEL = r"(?i:thành\s+phố|thị\s+trấn|thị\s+xã|đặc\s+khu|phường|huyện|quận|tỉnh|xã)|TP\.|TP(?=\s)"
# 'Huyện ủy Cẩm Thủy', but not 'CHÂU THÀNH\nỦY BAN NHÂN DÂN': a name's last syllable above 'Ủy ban'.
_COMMITTEE = "(?:" + "|".join(
    "(?i:" + regex.escape(word).replace(r"\ ", r"\s+") + ")" for word in PARTY_COMMITTEES
) + r")(?!\s+(?i:ban)(?!\p{L}))"
_NAME_WORD = r"(?:\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)?|[0-9]{1,2}(?![0-9]))"
# Spaces, or one line break (a PDF wrap, a header cell). Possessive: a word follows, and a long run
# of spaces split every way between two quantifiers took quadratic time.
_NAME_GAP = r"(?:[ \t]++(?:\n[ \t]*+)?|\n[ \t]*+)"
_LOCAL_BODY_RE = regex.compile(
    rf"(?<!\p{{L}})(?:(?P<head>{_BODY}|(?i:địa\s+bàn)|Đảng\s+bộ|ĐẢNG\s+BỘ)\s++(?P<level>{_LEVEL})"
    rf"|(?P<committee>{_COMMITTEE}))"
    rf"(?:{_NAME_GAP}(?P<name>{_NAME_WORD}(?:{_NAME_GAP}{_NAME_WORD}){{0,3}}))?(?![\p{{L}}0-9])"
)
_WORD_RE = regex.compile(_NAME_WORD)
# A dash after a name and the words that may follow it: 'Bà Rịa - Vũng Tàu', 'Phan Rang–Tháp Chàm', a wrap at the
# dash. The words join the name only when the whole is an official unit's name (places.is_dashed_unit): dashes
# also part a name from the motto ('Độc lập - Tự do'), a parent unit ('xã Cao Lâu - huyện Đại Lộc') or a title.
_DASH_RE = regex.compile(
    rf"[ \t]*+(?:\n[ \t]*+)?{NAME_DASH}[ \t]*+(?:\n[ \t]*+)?"
    rf"(?P<words>{_NAME_WORD}(?:{_NAME_GAP}{_NAME_WORD}){{0,3}})(?![\p{{L}}0-9])"
)


def _alternatives(phrases: tuple[str, ...]) -> str:
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


# What ends a name at the word it is found at: the next body or unit ('UBND HUYỆN MƯỜNG LA ỦY BAN NHÂN DÂN
# XÃ ...', 'huyện Cao Lộc tỉnh Lạng Sơn'; a level word naming nothing is a syllable: 'xã Tân Xã'), the
# national motto of a merged header ('CỘNG HÒA XÃ HỘI ...'), a period ('XÃ CAO LÂU NĂM 2024'), a phrase
# that opens a clause ('Về việc') or a signer's title ('TM. UBND XÃ\nCHỦ TỊCH'), an abbreviation ('V/v').
_NAME_END_RE = regex.compile(
    rf"(?:{_BODY}|{_COMMITTEE}|(?i:đảng\s+bộ|cộng\s+h(?:òa|oà)\s+xã\s+hội))(?![\p{{L}}0-9])"
    rf"|(?:{_LEVEL})[ \t]++{_NAME_WORD}"
    rf"|(?i:{_alternatives(PERIOD_WORDS)})\s+(?:19|20)[0-9]{{2}}(?![0-9])"
    rf"|(?i:{_alternatives(OPENING_PHRASES + SIGNER_TITLES)})(?![\p{{L}}0-9])"
    r"|\p{L}+/"
)
# Between two words of one line, a tab or a run of spaces is a column gap, not a space inside a name.
_COLUMN_GAP_RE = regex.compile(r"\t| {3}")
_AFTER_WORD_RE = regex.compile(r"(?P<gap>[ \t]*+)(?P<next>\S*)")


@dataclass(frozen=True)
class LocalBody:
    """One mention of a local body or area: 'UBND xã Cao Lâu', 'địa bàn huyện Đức Trọng', 'Tỉnh ủy Thanh Hóa'."""

    head_kind: str  # 'body' (UBND, HĐND), 'area' (địa bàn), 'party' (Đảng bộ, Tỉnh ủy)
    body: str | None
    level_word: str
    level: str | None
    name: str | None
    start: int
    end: int
    name_start: int
    name_end: int

    @property
    def issuer(self) -> str:
        """'UBND xã Cao Lâu', 'UBND huyện' when the name is not given."""
        return " ".join(part for part in (self.body, self.level_word, self.name) if part)


def find_local_bodies(text: str, start: int = 0, end: int | None = None) -> list[LocalBody]:
    """Every local body named in ``text[start:end]``, in order."""
    return list(iter_local_bodies(text, start, end))


def iter_local_bodies(text: str, start: int = 0, end: int | None = None) -> Iterator[LocalBody]:
    """The local bodies named in ``text[start:end]``, in order, found as they are asked for."""
    end = len(text) if end is None else end
    position = start
    while (match := _LOCAL_BODY_RE.search(text, position, end)) is not None:
        body = _local_body(match)
        # A name cut short ('CẨM THỦY' of 'CẨM THỦY\nỦY BAN ...') leaves the rest to be read again.
        position = body.end if body is not None else match.end()
        if body is not None:
            yield body


def _local_body(match: regex.Match) -> LocalBody | None:
    if match.group("committee"):
        committee = squash(match.group("committee")).capitalize()
        level = PARTY_COMMITTEES.get(committee) or PARTY_COMMITTEES.get(committee.replace("uỷ", "ủy"))
        name, name_start, name_end = _trimmed_name(match, level)
        if name is None:
            return None
        return LocalBody("party", None, committee, level, name, match.start(), name_end, name_start, name_end)
    head = squash(match.group("head"))
    level_word = squash(match.group("level")).lower()
    level_word = LEVEL_SPELLINGS.get(level_word, level_word)
    # The level before the name is known: a central city ('thành phố' as a province) has no dash in its name.
    name, name_start, name_end = _trimmed_name(match, level_of(level_word))
    body = _BODY_NAMES.get(head.lower())
    kind = "body" if body else ("area" if head.lower().startswith("địa") else "party")
    if kind == "party":
        body = "Đảng bộ"
    end = name_end if name else match.end("level")
    return LocalBody(kind, body, level_word, level_of(level_word, name), name, match.start(), end, name_start, name_end)


_BODY_NAMES = {regex.sub(r"\s+", " ", key.lower()): value for key, value in BODY_ABBREVIATIONS.items()}


def _trimmed_name(match: regex.Match, level: str | None) -> tuple[str | None, int, int]:
    """The place name: its words up to what the text's structure says is not part of it.

    On its line a name takes every capitalised syllable ('xã Linh Thông', 'XÃ THÀNH CÔNG'), and ends at
    punctuation, a lowercase word, a column gap, a change between capitals and small letters ('HUYỆN ĐỨC
    TRỌNG Độc lập'), the next body or unit, or a period. A line break may split a name ('xã Cao\\nLâu'),
    but a line opening with a word that opens sentences starts anew ('xã Cao Lâu\\nBan hành ...'). Across a
    dash it goes on only when the whole is the name of an official unit of ``level`` ('tỉnh Bà Rịa - Vũng Tàu').
    """
    text = match.string
    if match.group("name") is None:
        return None, match.end(), match.end()
    words = list(_WORD_RE.finditer(text, match.start("name"), match.end("name")))
    if _NAME_END_RE.match(text, words[0].start()):  # 'UBND tỉnh V/v ...', 'TM. UBND XÃ\\nCHỦ TỊCH': no name
        return None, match.end(), match.end()
    kept = [words[0]]
    style = _case_style(words[0].group())
    for word in words[1:]:
        if not _continues_name(text, kept[-1].end(), word, style):
            break
        style = style or _case_style(word.group())
        kept.append(word)
    name = " ".join(word.group() for word in kept)
    end = kept[-1].end()
    if (dashed := _dashed_end(text, end, match.endpos, name, style, level)) is not None:
        end = dashed
        name = squash(text[kept[0].start():end])
    if name.isupper():
        name = " ".join(_capitalized(word) for word in name.split())
    return name, kept[0].start(), end


def _dashed_end(text: str, end: int, limit: int, name: str, style: str | None, level: str | None) -> int | None:
    """Where the name goes on to across a dash after ``end``: after the most words that make with ``name`` an
    official unit's name ('Bà Rịa' + ' - Vũng Tàu'); None when no words do."""
    if (dash := _DASH_RE.match(text, end, limit)) is None:
        return None
    words = list(_WORD_RE.finditer(text, dash.start("words"), dash.end("words")))
    first_style = _case_style(words[0].group())
    if _NAME_END_RE.match(text, words[0].start()) or (style and first_style and first_style != style):
        return None
    kept = [words[0]]
    style = style or first_style
    for word in words[1:]:
        if not _continues_name(text, kept[-1].end(), word, style):
            break
        style = style or _case_style(word.group())
        kept.append(word)
    for last in reversed(kept):
        if is_dashed_unit(name + " - " + squash(text[words[0].start():last.end()]), level):
            return last.end()
    return None


def _capitalized(word: str) -> str:
    """'Rịa' of 'RỊA', 'Rịa-Vũng' of 'RỊA-VŨNG'."""
    return "-".join(part.capitalize() for part in word.split("-"))


def _continues_name(text: str, previous_end: int, word: regex.Match, style: str | None) -> bool:
    gap = text[previous_end:word.start()]
    if "\n" in gap:  # a wrap: blanks before it are the end of the line, not a column gap
        if word.group().capitalize() in NOT_NAME_WORDS and not _closes_its_line(text, word):
            return False
    elif _COLUMN_GAP_RE.search(gap):
        return False
    if _NAME_END_RE.match(text, word.start()):
        return False
    word_style = _case_style(word.group())
    return not (style and word_style and word_style != style)


def _closes_its_line(text: str, word: regex.Match) -> bool:
    """The word is all that is left of a name on its line: the line ends, or punctuation, a column gap or a
    change of case follows it ('XÃ ĐÔNG Độc lập ...\\nCÁC Đông Các, ngày ...'), not a word of a sentence."""
    after = _AFTER_WORD_RE.match(text, word.end())
    following, gap = after.group("next"), after.group("gap")
    if not following or _COLUMN_GAP_RE.search(gap) or not following[0].isalnum():
        return True
    style, own = _case_style(following), _case_style(word.group())
    return following[0].isupper() and style is not None and own is not None and style != own


def _case_style(word: str) -> str | None:
    """'caps' (CAO), 'title' (Cao), or None for what is both (a letter, a number)."""
    if sum(char.isalpha() for char in word) < 2:
        return None
    return "caps" if word.isupper() else "title"
