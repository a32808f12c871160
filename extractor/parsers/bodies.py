"""Local bodies and areas named in a text: 'UBND xã Cao Lâu', 'địa bàn huyện Đức Trọng', 'Tỉnh ủy Thanh Hóa'."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.text import squash
from extractor.vocab.admin_units import LEVEL_SPELLINGS, NOT_NAME_WORDS, PARTY_COMMITTEES, level_of
from extractor.vocab.documents import BODY_ABBREVIATIONS

_BODY = "|".join(
    regex.escape(spelling).replace(r"\ ", r"\s+") if spelling.isupper() else
    "(?i:" + regex.escape(spelling).replace(r"\ ", r"\s+") + ")"
    for spelling in sorted(BODY_ABBREVIATIONS, key=len, reverse=True)
)
_LEVEL = r"(?i:thành\s+phố|thị\s+trấn|thị\s+xã|đặc\s+khu|phường|huyện|quận|tỉnh|xã)|TP\.|TP(?=\s)"
_COMMITTEE = "|".join("(?i:" + regex.escape(word).replace(r"\ ", r"\s+") + ")" for word in PARTY_COMMITTEES)
_NAME_WORD = r"(?:\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)?|[0-9]{1,2}(?![0-9]))"
# Spaces, or one line break (a PDF wrap, a header cell). Possessive: a word follows, and a long run
# of spaces split every way between two quantifiers took quadratic time.
_NAME_GAP = r"(?:[ \t]++(?:\n[ \t]*+)?|\n[ \t]*+)"
_LOCAL_BODY_RE = regex.compile(
    rf"(?<!\p{{L}})(?:(?P<head>{_BODY}|(?i:địa\s+bàn)|Đảng\s+bộ|ĐẢNG\s+BỘ)\s++(?P<level>{_LEVEL})"
    rf"|(?P<committee>{_COMMITTEE}))"
    rf"(?:{_NAME_GAP}(?P<name>{_NAME_WORD}(?:{_NAME_GAP}{_NAME_WORD}){{0,3}}))?(?![\p{{L}}0-9])"
)
_WORD_RE = regex.compile(r"\S+")


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
    found = []
    end = len(text) if end is None else end
    position = start
    while (match := _LOCAL_BODY_RE.search(text, position, end)) is not None:
        body = _local_body(match)
        # A name cut short ('CẨM THỦY' of 'CẨM THỦY\nỦY BAN ...') leaves the rest to be read again.
        position = body.end if body is not None else match.end()
        if body is not None:
            found.append(body)
    return found


def _local_body(match: regex.Match) -> LocalBody | None:
    name, name_start, name_end = _trimmed_name(match)
    if match.group("committee"):
        if name is None:
            return None
        committee = squash(match.group("committee")).capitalize()
        level = PARTY_COMMITTEES.get(committee) or PARTY_COMMITTEES.get(committee.replace("uỷ", "ủy"))
        return LocalBody("party", None, committee, level, name, match.start(), name_end, name_start, name_end)
    head = squash(match.group("head"))
    level_word = squash(match.group("level")).lower()
    level_word = LEVEL_SPELLINGS.get(level_word, level_word)
    body = _BODY_NAMES.get(head.lower())
    kind = "body" if body else ("area" if head.lower().startswith("địa") else "party")
    if kind == "party":
        body = "Đảng bộ"
    end = name_end if name else match.end("level")
    return LocalBody(kind, body, level_word, level_of(level_word, name), name, match.start(), end, name_start, name_end)


_BODY_NAMES = {regex.sub(r"\s+", " ", key.lower()): value for key, value in BODY_ABBREVIATIONS.items()}


def _trimmed_name(match: regex.Match) -> tuple[str | None, int, int]:
    """The place name, cut before a word that opens a new sentence ('Cao Lâu\\nBan hành ...')."""
    if match.group("name") is None:
        return None, match.end(), match.end()
    words = list(_WORD_RE.finditer(match.string, match.start("name"), match.end("name")))
    kept = [words[0]]
    for word in words[1:]:
        if word.group().capitalize() in NOT_NAME_WORDS:
            break
        kept.append(word)
    name = " ".join(word.group() for word in kept)
    if name.isupper():
        name = " ".join(word.capitalize() for word in name.split())
    return name, kept[0].start(), kept[-1].end()
