"""The header of a plan: type, number, place and date, title, plan year, issuer and its units, signer."""

from __future__ import annotations

import itertools

import regex

from extractor import places
from extractor.parsers.bodies import LocalBody, find_local_bodies, iter_local_bodies
from extractor.parsers.dates import DATE, LONG_DATE, date_from_match
from extractor.parsers.signature import parse_signature
from extractor.parsers.so_hieu import SO_HIEU, SO_HIEU_BLANKABLE, so_hieu_from_match
from extractor.structure import BULLET, NUMBERED_HEADING
from extractor.text import SourceText, squash
from extractor.vocab.documents import (
    BASIS_OPENERS,
    DOC_TYPE_ALIASES,
    DOC_TYPES,
    MAKING_VERBS,
)
from extractor.vocab.place_names import NAME_DASH
from schemas import Header, Value

_HEAD_LIMIT = 3000  # without a type heading, the header block is in the first few thousand characters

# 'KẾ HOẠCH' alone on its line (bullets, '#' or spaces around it allowed).
_HEADING_RE = regex.compile(
    r"(?m)^[ \t#*>]*(?P<type>"
    + "|".join(
        regex.escape(name.upper()).replace(r"\ ", r"[ \t]+") for name in DOC_TYPES if name not in DOC_TYPE_ALIASES
    )
    + r")[ \t*]*$"
)
# 'Số: 4159/KH-UBND', 'Số: /KH-UBND', 'Số 45-KH/HU' at a line start or after a table cell break.
# Only spaces may follow the break ('\t\tSố' starts after the last tab), and the white space is
# possessive: a long run of tabs or spaces is then crossed once, not once per starting point.
_NUMBER_LINE_RE = regex.compile(r"(?m)(?:^|(?<=[\t|]))[ ]*+Số[ \t]*+[:.]?[ \t]*+" + SO_HIEU_BLANKABLE)
# A place, then the long date: 'Thành phố Lai Châu, ngày 29 tháng 12 năm 2023'.
_PLACE_WORD = r"\p{Lu}[\p{Ll}'’]*(?:-\p{Lu}[\p{Ll}'’]*)?"
_PLACE_PREFIX = r"(?:Thành[ \t]+phố|Thị[ \t]+xã|Thị[ \t]+trấn|TP\.?)[ \t]+"
_PLACE_DATE_RE = regex.compile(
    rf"(?<![\p{{L}}])(?P<place>(?:{_PLACE_PREFIX})?{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,4}})[ \t]*,\s*"
    rf"(?P<date>(?i:{LONG_DATE}))"
)
# The words before a dash that may begin a place: 'Bà Rịa - ' of 'Bà Rịa - Vũng Tàu, ngày ...'.
_DASH_BEFORE_RE = regex.compile(rf"(?<!\p{{L}}){_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}}(?P<dash>[ \t]*{NAME_DASH}[ \t]*)$")
_WORD_BEFORE_DASH_RE = regex.compile(_PLACE_WORD)
_PLACE_PREFIX_BEFORE_RE = regex.compile(rf"(?<!\p{{L}}){_PLACE_PREFIX}$")
_TYPE_WORDS = "|".join(regex.escape(name).replace(r"\ ", r"\s+") for name in DOC_TYPES)
# 'ban hành Kế hoạch số 47/KH- UBND': a statement, before the heading, that this plan was issued.
_ISSUED_RE = regex.compile(rf"ban\s+hành\s+(?P<type>(?i:{_TYPE_WORDS}))\s+số\s*(?P<so_hieu>{SO_HIEU})")
_DATE_AFTER_RE = regex.compile(rf"\s*+(?:,\s*+)?(?:(?i:ngày)\s*+)?(?P<date>(?i:{DATE}))")
_DATE_RE = regex.compile(rf"(?i:{DATE})")
# 'năm 2024' in a title, but not 'định hướng đến năm 2030'.
_TITLE_YEAR_RE = regex.compile(r"(?i)(?<!(?:đến|tới|nhìn)\s+)năm\s+(?P<year>(?:19|20)[0-9]{2})(?![0-9])")
_BODY_YEAR_RE = regex.compile(
    r"(?i)thời\s+gian(?:\s+thực\s+hiện)?\s*:?\s*(?:trong\s+|cả\s+)?năm\s+(?P<year>(?:19|20)[0-9]{2})(?![0-9])"
)
_SECTION_RE = regex.compile(rf"(?m)^{NUMBERED_HEADING}")
_LINE_RE = regex.compile(r"(?m)^.*$")
_TITLE_STOP_RE = regex.compile(
    r"^(?:"
    + "|".join(regex.escape(word).replace(r"\ ", r"\s+") for word in BASIS_OPENERS)
    + rf")(?!\p{{L}})|^{NUMBERED_HEADING}|^(?:{BULLET}|[_=])"
)
_MAKING_RE = regex.compile(
    r"(?:" + "|".join(verb.replace(" ", r"\s+") for verb in MAKING_VERBS) + r")\s+(?:bản\s+)?(?i:kế\s+hoạch)"
)
_SO_HIEU_RE = regex.compile(SO_HIEU)
_ALREADY_RE = regex.compile(r"\s+(?:đã\s+)?")
_CLOSING_RE = regex.compile(r"Trên\s+đây\s+là\s+[^.;]{0,300}?\bcủa\s+")
_TITLE_MAX = 400


def parse_header(source: SourceText) -> Header:
    """Everything the header block, the title and the signature state about this plan."""
    heading = _HEADING_RE.search(source.text)
    header = own_number(source)
    if heading:
        _read_title(source, header, heading.end())
    header.plan_year = _plan_year(source, header)
    _read_issuer(source, header, heading, _head_end(source.text, heading))
    header.signer, header.signer_capacity = parse_signature(source)
    return header


def own_number(source: SourceText) -> Header:
    """Only the type, number and date of the plan: what citations of the plan itself are matched against."""
    header = Header()
    heading = _HEADING_RE.search(source.text)
    if heading:
        header.doc_type = source.value(_doc_type_name(heading.group("type")), *heading.span("type"))
    _read_number_and_date(source, header, _head_end(source.text, heading))
    return header


def _head_end(text: str, heading: regex.Match | None) -> int:
    """Where the header block ends: at the type heading, else after the first few thousand characters."""
    return heading.start() if heading else min(len(text), _HEAD_LIMIT)


def _doc_type_name(heading: str) -> str:
    squashed = squash(heading).lower()
    return next(name for name in DOC_TYPES if name.lower() == squashed)


def _read_number_and_date(source: SourceText, header: Header, head_end: int) -> None:
    text = source.text
    number_line = _NUMBER_LINE_RE.search(text, 0, head_end)
    if number_line:
        so_hieu = so_hieu_from_match(number_line)
        symbol_group = "psymbol" if so_hieu.party else "symbol"
        header.symbol = source.value(so_hieu.symbol, *number_line.span(symbol_group))
        if so_hieu.number is None:
            header.number_blank = True
        else:
            header.number = source.value(so_hieu.number, *number_line.span("number"))
            header.so_hieu = source.value(so_hieu.so_hieu, number_line.start("number"), number_line.end())
    place_date = _PLACE_DATE_RE.search(text, 0, head_end)
    if place_date:
        date = date_from_match(place_date)
        if date is not None:
            place_start = _dashed_place_start(text, place_date.start("place"), place_date.group("place"))
            place_end = place_date.end("place")
            header.issue_place = source.value(squash(text[place_start:place_end]), place_start, place_end)
            header.issue_date = source.value(date, *place_date.span("date"))
    if number_line is None and header.doc_type is not None:
        _read_issuing_statement(source, header, head_end)


def _dashed_place_start(text: str, start: int, place: str) -> int:
    """Where a place before the date begins when it is an official name with a dash ('Bà Rịa - Vũng Tàu, ngày
    ...', of which the place pattern takes 'Vũng Tàu'): before the words ahead of the dash that make it one
    (and a 'Thành phố' before them); else ``start``."""
    line_start = text.rfind("\n", 0, start) + 1
    before = _DASH_BEFORE_RE.search(text, line_start, start)
    if before is None:
        return start
    words = list(_WORD_BEFORE_DASH_RE.finditer(text, before.start(), before.start("dash")))
    for first in words:  # the most words first
        if places.is_dashed_unit(f"{squash(text[first.start():before.start('dash')])} - {squash(place)}", None):
            prefix = _PLACE_PREFIX_BEFORE_RE.search(text, line_start, first.start())
            return prefix.start() if prefix else first.start()
    return start


def _read_issuing_statement(source: SourceText, header: Header, head_end: int) -> None:
    """'Ngày 27/3/2023, UBND huyện đã ban hành Kế hoạch số 47/KH-UBND': a plan copied without its header."""
    text = source.text
    for statement in _ISSUED_RE.finditer(text, 0, head_end):
        stated_type = squash(statement.group("type")).lower()
        if header.doc_type is not None and stated_type != header.doc_type.value.lower():
            continue
        so_hieu = so_hieu_from_match(statement)
        symbol_group = "psymbol" if so_hieu.party else "symbol"
        start = statement.start("so_hieu")
        header.number = source.value(so_hieu.number, *statement.span("number"))
        header.symbol = source.value(so_hieu.symbol, *statement.span(symbol_group))
        header.so_hieu = source.value(so_hieu.so_hieu, start, statement.end("so_hieu"))
        if header.issue_date is None:
            header.issue_date = _statement_date(source, statement)
        return


def _statement_date(source: SourceText, statement: regex.Match) -> Value | None:
    text = source.text
    after = _DATE_AFTER_RE.match(text, statement.end())
    if after and (date := date_from_match(after)) is not None:
        return source.value(date, *after.span("date"))
    # Otherwise the date that opens the sentence: 'Ngày 27/3/2023, UBND huyện đã ban hành ...'.
    sentence_start = max(text.rfind(".", 0, statement.start()), text.rfind(";", 0, statement.start())) + 1
    found = [match for match in _DATE_RE.finditer(text, sentence_start, statement.start())]
    for match in found[-1:]:
        date = date_from_match(match)
        if date is not None:
            return source.value(date, *match.span())
    return None


def _read_title(source: SourceText, header: Header, heading_end: int) -> None:
    """The lines after the type heading, up to the legal basis or the body."""
    lines = (line for line in _LINE_RE.finditer(source.text, heading_end + 1) if line.group().strip())
    first = next(lines, None)
    if first is None:
        return
    # A title may itself open with 'Thực hiện ...'; only 'Căn cứ' or a section says there is none.
    content = first.group().strip()
    if content.startswith("Căn cứ") or _SECTION_RE.match(content) or len(squash(content)) > _TITLE_MAX:
        return
    if not any(char.isalpha() for char in content):  # a page number or a rule under the heading names nothing
        return
    chosen = [first]
    capitals = first.group().isupper()
    # Bounded by its length, not its lines: a PDF may wrap a title after every word.
    for line in lines:
        content = line.group().strip()
        if not _continues_title(content, capitals) or sum(len(c.group()) for c in chosen) + len(content) > _TITLE_MAX:
            break
        chosen.append(line)
    start = chosen[0].start() + len(chosen[0].group()) - len(chosen[0].group().lstrip())
    end = chosen[-1].start() + len(chosen[-1].group().rstrip())
    header.title = source.value(squash(source.text[start:end]), start, end)


def _continues_title(line: str, capitals: bool) -> bool:
    """A wrapped or second title line, not the legal basis or the body that follow the title."""
    if _TITLE_STOP_RE.match(line) or _SO_HIEU_RE.search(line) or _MAKING_RE.search(line):
        return False
    if line[0].islower() or (capitals and line.isupper()):
        return True
    return len(line) <= 80 and not regex.search(r"[.;:]", line)


def _plan_year(source: SourceText, header: Header) -> Value[int] | None:
    """The year the plan is for: 'năm 2024' in the title, else 'Thời gian thực hiện: Năm 2024'."""
    if header.title is not None:
        match = _TITLE_YEAR_RE.search(source.text, header.title.evidence.start, header.title.evidence.end)
        if match:
            return source.value(int(match.group("year")), *match.span("year"))
    match = _BODY_YEAR_RE.search(source.text)
    return source.value(int(match.group("year")), *match.span("year")) if match else None


def _read_issuer(source: SourceText, header: Header, heading: regex.Match | None, head_end: int) -> None:
    """The issuing body from the header block, else from the sentences that say who made the plan."""
    block = header_block_bodies(source.text, head_end)
    issuer = block[-1] if block else _issuer_from_statements(source, heading)
    if issuer is None:
        return
    header.issuer = source.value(issuer.issuer, issuer.start, issuer.end)
    header.issuer_level = issuer.level
    _read_units(source, header, issuer, parents=block[:-1])


def _issuer_from_statements(source: SourceText, heading: regex.Match | None) -> LocalBody | None:
    """'UBND xã Cao Lâu xây dựng Kế hoạch' in the preamble, 'Trên đây là Kế hoạch ... của UBND ...' at the end."""
    text = source.text
    preamble_start = heading.end() if heading else 0
    section = _SECTION_RE.search(text, preamble_start)
    preamble_end = section.start() if section else min(len(text), preamble_start + _HEAD_LIMIT)
    candidates = []
    for body in find_local_bodies(text, 0, preamble_end):
        if body.head_kind == "body" and _MAKING_RE.match(text, _skip_already(text, body.end)):
            candidates.append(body)
    for closing in _CLOSING_RE.finditer(text):
        candidates += [
            body for body in find_local_bodies(text, closing.end(), closing.end() + 120)
            if body.start == closing.end() and body.head_kind == "body"
        ]
    if not candidates:
        return None
    named = [body for body in candidates if body.name and body.level == candidates[0].level]
    return named[0] if named else candidates[0]


def _skip_already(text: str, position: int) -> int:
    match = _ALREADY_RE.match(text, position)
    return match.end() if match else position


def _read_units(source: SourceText, header: Header, issuer: LocalBody, parents: list[LocalBody]) -> None:
    """The commune, district and province the plan names: the issuer's own, and the bodies above it."""
    ranks = {"xa": 0, "huyen": 1, "tinh": 2}
    fields = {"xa": "commune", "huyen": "district", "tinh": "province"}
    if issuer.level is None:
        return
    if issuer.name:
        setattr(header, fields[issuer.level], source.value(issuer.name, issuer.name_start, issuer.name_end))
    wanted = {level for level in ("huyen", "tinh") if ranks[level] > ranks[issuer.level]}
    # The first named mention of each level above the issuer's: the text is read only as far as they are.
    for body in itertools.chain(parents, iter_local_bodies(source.text)):
        if not wanted:
            break
        if body.level in wanted and body.name:
            wanted.discard(body.level)
            setattr(header, fields[body.level], source.value(body.name, body.name_start, body.name_end))


# --- The header block's left column: 'ỦY BAN NHÂN DÂN / XÃ CẨM BÌNH'.

_RIGHT_COLUMN_RE = regex.compile(r"[\t|]|(?i:cộng\s+h(?:òa|oà)|độc\s+lập)|(?<!\p{L})Số(?!\p{L})")


def header_block_bodies(text: str, head_end: int) -> list[LocalBody]:
    """The bodies of the header block's left column, top (parent) to bottom (issuer)."""
    masked = list(text[:head_end])
    for line in _LINE_RE.finditer(text, 0, head_end):
        cut = _RIGHT_COLUMN_RE.search(text, line.start(), line.end())
        place_date = _PLACE_DATE_RE.search(text, line.start(), line.end())
        cut_at = min(m.start() for m in (cut, place_date) if m) if (cut or place_date) else line.end()
        masked[cut_at:line.end()] = " " * (line.end() - cut_at)
    masked_text = "".join(masked)
    bodies = []
    for body in find_local_bodies(masked_text):
        line_start = masked_text.rfind("\n", 0, body.start) + 1
        line_end = masked_text.find("\n", body.end)
        line_end = len(masked_text) if line_end < 0 else line_end
        alone = not masked_text[line_start:body.start].strip() and not masked_text[body.end:line_end].strip()
        if alone and body.head_kind in ("body", "party"):
            bodies.append(body)
    return bodies
