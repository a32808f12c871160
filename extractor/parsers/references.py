"""Documents a plan cites: 'Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ', one record each."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.parsers.dates import DATE, date_from_match
from extractor.parsers.bodies import find_local_bodies
from extractor.parsers.header import own_number
from extractor.parsers.so_hieu import SoHieu, find_so_hieu
from extractor.text import SourceText, squash
from extractor.vocab.documents import (
    BASIS_OPENERS,
    BODY_ABBREVIATIONS,
    DOC_TYPE_ALIASES,
    DOC_TYPES,
    ISSUER_STOP_WORDS,
    NOT_DOCUMENT_WORDS,
    PARAGRAPH_OPENERS,
    SYMBOL_TYPES,
)
from schemas import Header, Reference, Value

_TYPE_WORDS = "|".join(
    regex.escape(name).replace(r"\ ", r"\s+") for name in sorted(DOC_TYPES, key=len, reverse=True)
)
# The type word, up to three lowercase words ('Chương trình hành động'), an optional 'số', then the number.
_TYPE_BEFORE_RE = regex.compile(
    rf"(?<!\p{{L}})(?P<type>(?i:{_TYPE_WORDS}))(?:\s+\p{{Ll}}+){{0,3}}?\s*(?:(?i:số)\s*:?\s*)?$"
)
_SO_BEFORE_RE = regex.compile(r"(?<!\p{L})(?i:số)\s*:?\s*$")
# 'Kế hoạch số 599/KH-UBND ngày 16/3/2022, số 989/KH-UBND ...': the same type continues.
_CONTINUES_RE = regex.compile(r"(?<!\s)\s*+(?:[,;]\s*+|(?<=\s))(?:và\s++|cùng\s++)?(?P<so>(?i:số))\s*+:?\s*+$")
# Between two citations that share the issuer named after the last one: ',' or 'và', not ';'.
# White space possessive throughout here: a long blank gap is crossed once, never split every way.
_SHARES_ISSUER_RE = regex.compile(
    rf"\s*+(?:,|(?<=\s)và|(?<=\s)cùng)\s*+(?:(?i:{_TYPE_WORDS})\s++)?(?i:số)?\s*+:?\s*+$"
)
_KEM_THEO_RE = regex.compile(rf"(?i:kèm\s+theo)\s+(?P<type>(?i:{_TYPE_WORDS}))\s+(?i:số)\s*:?\s*$")
_DATE_AFTER_RE = regex.compile(rf"\s*+(?:,\s*+)?(?:(?i:ngày)\s*+)?(?P<date>(?i:{DATE}))")
_OF_RE = regex.compile(r"\s*+(?:,\s*+)?của\s++(?=\p{Lu})")
_STOPS = "|".join(regex.escape(word).replace(r"\ ", r"\s+") for word in sorted(ISSUER_STOP_WORDS, key=len, reverse=True))
_ISSUER_CHAR = r"[^\s,;:.()\"“”]"
_OPENERS = "|".join(
    regex.escape(word).replace(r"\ ", r"\s+")
    for word in sorted(set(BASIS_OPENERS + DOC_TYPES + PARAGRAPH_OPENERS), key=len, reverse=True)
)
# Between two words of an issuer: spaces, or a line break (a PDF wrap) unless the next line opens
# a list item ('- ', '2.') or a new sentence ('Quyết định ...', 'Căn cứ ...').
# A word follows the gap, so the gap is the whole run of white space: matched possessively.
_ISSUER_GAP = rf"(?:[ \t]++|(?=[^\S\n]*+\n)\s++(?![-+•*]|(?:[0-9]+|[IVX]+)[.)]|(?:{_OPENERS})(?!\p{{L}})))"
# An issuer runs word by word until punctuation, a word that starts what the document is about,
# another citation ('Quyết định số'), or 'và' before another document or body ('của Quốc hội và Nghị quyết').
_ISSUER_RE = regex.compile(
    rf"(?P<issuer>\p{{Lu}}{_ISSUER_CHAR}*"
    rf"(?:{_ISSUER_GAP}(?!(?:{_STOPS})(?!\p{{L}}))(?!(?i:{_TYPE_WORDS})\s+(?i:số))"
    rf"(?!và\s+(?:\p{{Ll}}|(?i:{_TYPE_WORDS})|UBND|HĐND|Ủy|Uỷ)){_ISSUER_CHAR}+){{0,11}})"
)
_WINDOW = 80
_BODY_PATTERNS = [
    (spelling, regex.compile(rf"(?i:{regex.escape(spelling)})(?!\p{{L}})"))
    for spelling in sorted(BODY_ABBREVIATIONS, key=len, reverse=True)
]
_NOT_A_DOCUMENT_RE = regex.compile(rf"(?<!\p{{L}})(?i:{'|'.join(NOT_DOCUMENT_WORDS)})\s*(?:(?i:số)\s*:?\s*)?$")


@dataclass
class _Citation:
    reference: Reference
    end: int  # where the citation's number and date end: a shared issuer may follow
    link: _Citation | None  # the citation before, in a list that shares the issuer named last


def parse_references(source: SourceText) -> list[Reference]:
    """One record per distinct cited document, first mention's evidence; the plan's own number is skipped."""
    text = source.text
    own = own_number(source)
    own_span = (own.so_hieu or own.symbol).evidence if (own.so_hieu or own.symbol) else None
    citations: list[_Citation] = []
    for match, so_hieu in find_so_hieu(text):
        if own_span is not None and match.start() < own_span.end and own_span.start < match.end():
            continue
        before = text[max(0, match.start() - _WINDOW):match.start()]
        if _is_own_annex(before, so_hieu, own) or _NOT_A_DOCUMENT_RE.search(before):
            continue
        previous = citations[-1] if citations else None
        citation = _citation(source, match, so_hieu, before, previous)
        if citation is not None:
            citations.append(citation)
    return _merged([citation.reference for citation in citations])


def _is_own_annex(before: str, so_hieu: SoHieu, own: Header) -> bool:
    """'(kèm theo Kế hoạch số 12/KH-UBND ...)' under an annex names the plan itself."""
    annex = _KEM_THEO_RE.search(before)
    if annex is None or own.doc_type is None:
        return False
    same_type = squash(annex.group("type")).lower() == own.doc_type.value.lower()
    return same_type and (own.symbol is None or own.symbol.value == so_hieu.symbol)


def _citation(source, match, so_hieu, before, previous: _Citation | None) -> _Citation | None:
    text = source.text
    offset = match.start() - len(before)
    doc_type = None
    start = match.start()
    continues = _CONTINUES_RE.search(before)
    typed = _TYPE_BEFORE_RE.search(before)
    if previous is not None and continues and not text[previous.end:offset + continues.start()].strip():
        doc_type = previous.reference.doc_type
        start = offset + continues.start("so")
    elif typed:
        name = _doc_type_name(typed.group("type"))
        doc_type = source.value(name, offset + typed.start("type"), offset + typed.end("type"))
        start = offset + typed.start()
    elif (number_word := _SO_BEFORE_RE.search(before)) is not None:
        start = offset + number_word.start()
    elif not (so_hieu.year or so_hieu.party or so_hieu.type_code in SYMBOL_TYPES):
        return None  # '12/UBND' with neither a type word nor 'số' before it is not read as a citation
    if doc_type is None and so_hieu.doc_type is not None:
        symbol_group = "psymbol" if so_hieu.party else "symbol"
        doc_type = source.value(so_hieu.doc_type, *match.span(symbol_group))
    end = match.end()
    issue_date = None
    date_match = _DATE_AFTER_RE.match(text, end)
    if date_match and (date := date_from_match(date_match)) is not None:
        issue_date = source.value(date, *date_match.span("date"))
        end = date_match.end()
    issuer = _issuer_after(source, end)
    reference = Reference(
        doc_type=doc_type,
        so_hieu=source.value(so_hieu.so_hieu, *match.span()),
        number=so_hieu.number,
        symbol=so_hieu.symbol,
        issue_date=issue_date,
        issuer=issuer,
        evidence=source.evidence(start, issuer.evidence.end if issuer else end),
    )
    shares = (
        previous is not None
        and previous.reference.issuer is None
        and _SHARES_ISSUER_RE.fullmatch(text, previous.end, start) is not None
    )
    citation = _Citation(reference, end, previous if shares else None)
    node = citation.link
    while issuer is not None and node is not None and node.reference.issuer is None:
        node.reference.issuer = issuer  # 'số 599/..., số 989/... của UBND thành phố': shared
        node = node.link
    return citation


def _doc_type_name(written: str) -> str:
    squashed = squash(written).lower()
    name = next(name for name in DOC_TYPES if name.lower() == squashed)
    return DOC_TYPE_ALIASES.get(name, name)


def _issuer_after(source: SourceText, position: int) -> Value[str] | None:
    """The body after 'của', up to what the cited document is about."""
    of = _OF_RE.match(source.text, position)
    if of is None:
        return None
    # 'UBND xã Cao Lâu' is read with the place-name grammar, which knows where a name ends.
    bodies = find_local_bodies(source.text, of.end(), of.end() + 200)
    if bodies and bodies[0].start == of.end() and bodies[0].head_kind == "body":
        return source.value(bodies[0].issuer, bodies[0].start, bodies[0].end)
    match = _ISSUER_RE.match(source.text, of.end())
    if match is None:
        return None
    return source.value(normalise_issuer(match.group("issuer")), *match.span("issuer"))


def normalise_issuer(written: str) -> str:
    """'Ủy ban nhân dân Huyện Cao Lộc' is 'UBND huyện Cao Lộc'; other bodies are kept as written, squashed."""
    issuer = squash(written)
    bodies = find_local_bodies(issuer)
    if bodies and bodies[0].start == 0 and bodies[0].head_kind == "body":
        return bodies[0].issuer + issuer[bodies[0].end:]
    for spelling, pattern in _BODY_PATTERNS:
        found = pattern.match(issuer)
        if found is not None:
            return BODY_ABBREVIATIONS[spelling] + issuer[found.end():]
    return issuer


def _merged(references: list[Reference]) -> list[Reference]:
    """One record per so_hieu; a later mention fills what the first left out. Two dates: two documents."""
    merged: list[Reference] = []
    for reference in references:
        same = next((kept for kept in merged if _same_document(kept, reference)), None)
        if same is None:
            merged.append(reference)
            continue
        for field in ("doc_type", "issue_date", "issuer"):
            if getattr(same, field) is None:
                setattr(same, field, getattr(reference, field))
    return merged


def _same_document(kept: Reference, other: Reference) -> bool:
    if kept.so_hieu.value != other.so_hieu.value:
        return False
    if kept.issue_date is None or other.issue_date is None:
        return True
    return kept.issue_date.value == other.issue_date.value
