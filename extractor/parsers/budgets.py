"""Money amounts in the running text: amount in đồng, what it is for, component, kind, year."""

from __future__ import annotations

import regex

from extractor.parsers.numbers import MONEY, NUMBER_START_RE, money_of
from extractor.sections import YEAR_RE, Sections, component_name, find_component, segment
from extractor.structure import LIST_MARKER_RE, TabLines
from extractor.text import Anchored, SourceText, squash, tidy
from extractor.vocab import budgets as vocab
from schemas import BudgetItem

_MONEY_RE = regex.compile(MONEY, regex.IGNORECASE)
_AMOUNTS = Anchored(_MONEY_RE, NUMBER_START_RE)  # _MONEY_RE's matches over the whole text, found faster
_PERIOD_RE = regex.compile(
    r"giai\s+đoạn\s+(?P<first>(?:19|20)[0-9]{2})\s*[-–]\s*(?P<last>(?:19|20)[0-9]{2})", regex.IGNORECASE
)
_TOTAL_AFTER_RE = regex.compile(vocab.TOTAL_AFTER, regex.IGNORECASE)
_LEADING_YEAR_RE = regex.compile(
    r"^(?:trong\s+)?(?:năm|giai\s+đoạn)\s+[0-9]{4}(?:\s*[-–]\s*[0-9]{4})?\s*,?\s*", regex.IGNORECASE
)
_SPACE_RE = regex.compile(r"\s+")


def parse_budgets(source: SourceText) -> list[BudgetItem]:
    """Every money amount of the running text (tables are the tables parser's), in whole đồng."""
    sections = segment(source)
    tab_lines = TabLines(source.text)
    items = []
    for match in _AMOUNTS.finditer(source.text):
        amount = _amount(source.text, match, tab_lines)
        if amount is None:
            continue
        items.append(_item(source, sections, match, amount))
    return items


def _amount(text: str, match: regex.Match, tab_lines: TabLines) -> int | None:
    """Whole đồng for a MONEY match, or None when the match is not money in running text."""
    if tab_lines.touch(match.start(), match.end()):
        return None  # a table row: the tables parser reads it with its unit line
    unit = _SPACE_RE.sub(" ", match["unit"]).lower()
    between = text[match.end("amount") : match.start("unit")]
    if unit == "đ" and ("\n" in between or text[match.end() : match.end() + 1] == ")"):
        return None  # '2024\nđ) Nguồn vốn': a list letter, not đồng
    if unit in vocab.BARE_MULTIPLIERS and not _bare_unit_is_money(text, match):
        return None
    return money_of(match)


def _bare_unit_is_money(text: str, match: regex.Match) -> bool:
    """'150 triệu' is money at a clause end or near a money word; '2 triệu người' is not."""
    following = text[match.end() : match.end() + 2]
    if not following or following[0] in ".,;:)/\n" or following.strip() == "":
        return True
    next_word = regex.match(r"\s*(\p{L}+(?:\s+\p{L}+)?)", text[match.end() : match.end() + 40])
    if next_word and any(
        squash(next_word[1]).lower() == noun or squash(next_word[1]).lower().startswith(noun + " ")
        for noun in vocab.COUNT_NOUNS
    ):
        return False
    window = text[max(0, match.start() - 80) : match.start()].lower()
    return any(word in window for word in vocab.MONEY_CONTEXT_WORDS)


def _item(source: SourceText, sections: Sections, match: regex.Match, amount: int) -> BudgetItem:
    """The amount with what its sentence says about it."""
    text = source.text
    start, end = sections.paragraphs.clause_at(match.start())
    before_start = _previous_money_end(text, start, match.start())
    before = text[before_start : match.start()]
    context_start = before_start
    if not _meaningful(before) and _continues_previous(sections, start):
        # 'Dự kiến\n\n1.728 triệu đồng': the amount was wrapped away from its sentence.
        prev_start, _ = sections.paragraphs.clause_at(_previous_nonspace(text, start))
        context_start = prev_start
        before = text[prev_start:start] + " " + before
    sentence = text[context_start:end]
    after = text[match.end() : end]
    label = _label(before) or sections.heading_at(match.start()) or "Kinh phí"
    tense = sections.tense_at(match.start())
    period = _period(sentence)
    year = _year(before, after) or (None if period else sections.year_at(match.start()))
    if tense is None and sections.plan_year is not None and year is not None and year >= sections.plan_year:
        tense = "plan"  # an amount for the plan's own year outside any evaluation
    is_rate = text[match.end() : match.end() + 1] == "/"  # '5 triệu đồng/hộ' is a rate, not a budget
    return BudgetItem(
        label=label,
        component=_component(sections, text, context_start, match.start(), sentence),
        kind="other" if is_rate and tense != "past" else _kind(before, after, tense),
        is_total=_is_total(label, before, after) and not is_rate,
        year=year,
        period=period,
        amount_vnd=source.value(amount, match.start(), match.end()),
        evidence=source.evidence(context_start, end),
    )


def _previous_money_end(text: str, start: int, offset: int) -> int:
    """Where the text about this amount begins: after an earlier amount of the same sentence."""
    begin = start
    for match in _MONEY_RE.finditer(text, start, offset):
        begin = match.end()
    while begin < offset and text[begin] in " ,;\n\t":
        begin += 1
    return begin


def _meaningful(before: str) -> bool:
    return bool(_label(before))


def _continues_previous(sections: Sections, start: int) -> bool:
    """True when the sentence starts a paragraph whose previous one ends without a full stop."""
    text = sections.source.text
    previous = _previous_nonspace(text, start)
    if previous < 0 or text[previous] in ".;!?":
        return False
    para_start, _ = sections.paragraphs.at(start)
    return para_start >= previous  # the sentence opens its paragraph


def _previous_nonspace(text: str, offset: int) -> int:
    index = offset - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    return index


def _label(before: str) -> str:
    """A short label from the words before an amount ('Nguồn vốn thực hiện: Dự kiến' gives its first part)."""
    clauses = [squash(part) for part in tidy(before).split(":")]
    for clause in reversed(clauses):
        label = _clean_label(clause)
        if label:
            return label
    return ""


def _clean_label(clause: str) -> str:
    clause = LIST_MARKER_RE.sub("", clause).strip(" -–,;.()")
    clause = _LEADING_YEAR_RE.sub("", clause)
    changed = True
    while changed and clause:
        changed = False
        lowered = clause.lower()
        for filler in vocab.LABEL_LEADING_FILLERS:
            if lowered == filler or lowered.startswith(filler + " "):
                clause, changed = clause[len(filler) :].strip(" ,"), True
                break
        lowered = clause.lower()
        for filler in vocab.LABEL_TRAILING_FILLERS:
            if lowered == filler or lowered.endswith(" " + filler):
                clause, changed = clause[: len(clause) - len(filler)].strip(" ,"), True
                break
        new = _LEADING_YEAR_RE.sub("", clause)
        if new != clause:
            clause, changed = new, True
    if not clause:
        return ""
    return _shorten(clause[0].upper() + clause[1:])


def _shorten(label: str) -> str:
    words = label.split(" ")
    if len(words) <= vocab.LABEL_MAX_WORDS:
        return label
    head = " ".join(words[:3])
    cuts = [label.find(cut, len(head)) for cut in vocab.LABEL_CUT_BEFORE]
    cuts = [cut for cut in cuts if cut > 0 and len(label[:cut].split(" ")) <= vocab.LABEL_MAX_WORDS]
    if cuts:
        return label[: min(cuts)].rstrip(" ,")
    return " ".join(words[: vocab.LABEL_MAX_WORDS]) + " …"


def _component(sections: Sections, text: str, context_start: int, offset: int, sentence: str) -> str | None:
    """The component the sentence names, else the heading's, else one named just before in the section."""
    heading = sections.component_pair_at(offset)
    named = find_component(sentence)
    if named is None and heading == (None, None) and not LIST_MARKER_RE.match(sentence):
        # 'Trong năm 2023 thực hiện tiểu dự án 1: ...' then 'Nguồn vốn: ... 380 triệu đồng'.
        para_start, _ = sections.paragraphs.at(context_start)
        previous_para, _ = sections.paragraphs.at(max(0, para_start - 2))
        chain = sections.chain_at(offset)
        section_start = chain[-1].end if chain else 0
        named = find_component(text[max(previous_para, section_start) : context_start])
    if named is None:
        return component_name(*heading)
    project, subproject = named
    if project is None:
        project = heading[0]  # 'Tiểu dự án 2' in a sentence under a 'Dự án 3' heading
    return component_name(project, subproject)


def _kind(before: str, after: str, tense: str | None) -> str:
    """prior_result in an evaluation; else the kind keyword nearest the amount, before it first."""
    if tense == "past":
        return "prior_result"
    before, after = squash(before).lower(), squash(after).lower()
    nearest_before = max(
        ((before.rfind(word), kind) for kind, words in vocab.KIND_KEYWORDS for word in words if word in before),
        default=None,
    )
    if nearest_before:
        return nearest_before[1]
    nearest_after = min(
        ((after.find(word), kind) for kind, words in vocab.KIND_KEYWORDS for word in words if word in after),
        default=None,
    )
    if nearest_after:
        return nearest_after[1]
    return "planned" if tense == "plan" else "other"


def _is_total(label: str, before: str, after: str) -> bool:
    text = squash(before).lower()
    if any(word in text for word in vocab.TOTAL_WORDS) or label.lower().startswith("tổng"):
        return True
    return bool(_TOTAL_AFTER_RE.match(after))


def _year(before: str, after: str) -> int | None:
    """The year the sentence gives: the last 'năm YYYY' before the amount, else the first after."""
    years = [int(m["year"]) for m in YEAR_RE.finditer(before)]
    if years:
        return years[-1]
    following = YEAR_RE.search(after)
    return int(following["year"]) if following else None


def _period(sentence: str) -> str | None:
    match = _PERIOD_RE.search(sentence)
    return f"{match['first']}-{match['last']}" if match else None
