"""Section tree: numbered headings, the programme component (Dự án / Tiểu dự án) and period in force."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from extractor.structure import CLAUSE_END_RE, COMPONENT_LINE_RE, HEADING_MARKER_RE, paragraph_ends, paragraphs
from extractor.text import SourceText, tidy
from extractor.vocab import headings as vocab

Tense = Literal["past", "plan"]

_COMPONENT_RE = regex.compile(vocab.COMPONENT, regex.IGNORECASE)
_PARENT_RE = regex.compile(vocab.PARENT_AFTER_SUBPROJECT, regex.IGNORECASE)
_PARENT_LATER_RE = regex.compile(r"(?:\(|thuộc)\s*dự\s+án\s+(?P<parent>[0-9]{1,2})(?![0-9])", regex.IGNORECASE)
_BARE_COMPONENT_RE = regex.compile(r"\s*" + vocab.COMPONENT + r"\s*", regex.IGNORECASE)
_COMPONENT_GOES_ON_RE = regex.compile(vocab.COMPONENT_HEAD_END + r"|\s+\p{Ll}", regex.IGNORECASE)
# 'năm 2024', but not the year of a date ('ngày 14 tháng 9 năm 2023').
YEAR_RE = regex.compile(
    r"(?<!tháng\s*[0-9]{1,2}\s*)(?<![0-9/.-])năm\s+(?P<year>(?:19|20)[0-9]{2})(?![0-9])", regex.IGNORECASE
)
_TITLE_END_RE = regex.compile(r":|(?<![0-9\s])\.(?=\s|$)")
_KE_HOACH_LINE_RE = regex.compile(r"^[ \t]*K[ẾÊ]\s*HO[ẠA]CH[ \t]*$", regex.MULTILINE)

_TITLE_MAX_WORDS = 24
_LEVEL = {"part": 0, "roman": 1, "letter": 5}


@dataclass(frozen=True)
class Heading:
    """One heading: its paragraph span, marker, nesting level, squashed title and component."""

    start: int
    end: int
    kind: str  # 'part', 'roman', 'arabic', 'letter' or 'component' (a bare 'Tiểu dự án 2: ...' line)
    marker: str
    level: float
    title: str
    project: int | None = None  # Dự án N
    subproject: int | None = None  # Tiểu dự án N

    @property
    def component(self) -> str | None:
        """'Dự án 3 / Tiểu dự án 2', 'Dự án 1', 'Tiểu dự án 1' or None."""
        return component_name(self.project, self.subproject)


def component_name(project: int | None, subproject: int | None) -> str | None:
    """The component label for a Dự án / Tiểu dự án pair."""
    parts = []
    if project is not None:
        parts.append(f"Dự án {project}")
    if subproject is not None:
        parts.append(f"Tiểu dự án {subproject}")
    return " / ".join(parts) or None


def find_component(text: str) -> tuple[int | None, int | None] | None:
    """The last component named in ``text``: (project, subproject), or None when there is none."""
    found = None
    for match in _COMPONENT_RE.finditer(text):
        number = int(match["number"])
        if match["kind"].lower().startswith("tiểu"):
            parent = _PARENT_RE.match(text, match.end())
            found = (int(parent["parent"]) if parent else None, number)
        elif found is not None and found[1] is not None and found[0] == number:
            continue  # the 'dự án 3' of 'Tiểu dự án 1, dự án 3' is already counted
        else:
            found = (number, None)
    return found


class Sections:
    """Headings of one text, with lookups by offset."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.paragraphs = paragraphs(source)
        self.headings = _find_headings(source, self.paragraphs.ends)
        self._starts = [heading.start for heading in self.headings]
        self._chains = _chains(self.headings)
        self._components = _components(self.headings)
        self.plan_year = plan_year(source, self.paragraphs.ends)

    def chain_at(self, offset: int) -> list[Heading]:
        """The headings enclosing ``offset``, outermost first."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return list(self._chains[index]) if index >= 0 else []

    def heading_at(self, offset: int) -> str | None:
        """The squashed title of the innermost heading at ``offset``."""
        chain = self.chain_at(offset)
        return chain[-1].title if chain else None

    def component_at(self, offset: int) -> str | None:
        """The programme component in force at ``offset``: 'Dự án 3 / Tiểu dự án 2', or None."""
        return component_name(*self.component_pair_at(offset))

    def component_pair_at(self, offset: int) -> tuple[int | None, int | None]:
        """(Dự án, Tiểu dự án) numbers in force at ``offset``; (None, None) outside any component."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self._components[index] if index >= 0 else (None, None)

    def tense_at(self, offset: int) -> Tense | None:
        """'past' inside an evaluation of past results, 'plan' inside the plan proper, else None."""
        for heading in reversed(self.chain_at(offset)):
            title = heading.title.lower()
            if any(word in title for word in vocab.EVALUATION_TITLE_WORDS):
                return "past"
        for heading in reversed(self.chain_at(offset)):
            if _starts_with_any(heading.title.lower(), vocab.PLAN_TITLE_STARTS):
                return "plan"
        return None

    def year_at(self, offset: int) -> int | None:
        """The year the section at ``offset`` is about: a 'năm 2023' in its headings, else the plan year."""
        for heading in reversed(self.chain_at(offset)):
            years = [int(m["year"]) for m in YEAR_RE.finditer(heading.title)]
            if years:
                return years[-1]
        return None if self.tense_at(offset) == "past" else self.plan_year

    def in_target_section(self, offset: int) -> bool:
        """True inside a 'Mục tiêu' / 'Chỉ tiêu' / 'Kết quả đầu ra' section outside past results."""
        if self.tense_at(offset) == "past":
            return False
        for heading in reversed(self.chain_at(offset)):
            title = heading.title.lower()
            if _starts_with_any(title, vocab.TARGET_TITLE_STARTS):
                return True
            if _starts_with_any(title, vocab.OTHER_TITLE_STARTS):
                return False
        return False


def _starts_with_any(title: str, starts: list[str]) -> bool:
    title = title.lstrip(" -–*•+(")
    return any(title.startswith(start) for start in starts)


@lru_cache(maxsize=16)
def segment(source: SourceText) -> Sections:
    """The section tree of ``source`` (cached: several parsers ask for it)."""
    return Sections(source)


def find_headings(source: SourceText) -> list[Heading]:
    """Every heading of ``source`` in document order, each with its paragraph span."""
    return list(segment(source).headings)


def plan_year(source: SourceText, ends: list[int] | None = None) -> int | None:
    """The year in the plan's title (the paragraph after the 'KẾ HOẠCH' line), or None."""
    text = source.text
    ends = paragraph_ends(source) if ends is None else ends
    match = _KE_HOACH_LINE_RE.search(text)
    if not match:
        return None
    start = match.end()
    while start < len(text) and text[start].isspace():
        start += 1
    end = next((end for end in ends if end >= start), len(text))
    year = YEAR_RE.search(text, start, end)
    return int(year["year"]) if year else None


# --- headings -----------------------------------------------------------------------------


def _find_headings(source: SourceText, ends: list[int]) -> list[Heading]:
    """Headings open paragraphs: a marker ('II.', '2.3.', 'đ)') or a bare 'Tiểu dự án 2: ...' line."""
    text = source.text
    headings: list[Heading] = []
    last_numbered_level = 0.0
    for line_start, para_end in zip([0] + [end + 1 for end in ends], ends + [len(text)]):
        line_end = text.find("\n", line_start)
        if line_start >= para_end or "\t" in text[line_start : line_end if line_end >= 0 else len(text)]:
            continue  # blank, or a table row
        marker = HEADING_MARKER_RE.match(text, line_start)
        if marker:
            kind = next(name for name in ("part", "roman", "arabic", "letter") if marker[name])
            raw = marker[kind].strip()
            level = _LEVEL[kind] if kind in _LEVEL else 2 + raw.rstrip(".").count(".")
            body_start = marker.end()
            last_numbered_level = level
        else:
            bare = COMPONENT_LINE_RE.match(text, line_start)
            if not bare:
                continue
            kind, raw, level, body_start = "component", "", last_numbered_level + 0.5, bare.start("kind")
        title_text = text[body_start:para_end]
        title = _title(title_text)
        project, subproject = _heading_component(title_text)
        headings.append(
            Heading(
                start=line_start,
                end=para_end,
                kind=kind,
                marker=raw.rstrip(".").rstrip(")").strip(),
                level=level,
                title=title,
                project=project,
                subproject=subproject,
            )
        )
    return headings


def _title(text: str) -> str:
    """The heading's title: its paragraph up to the first ':' or full stop, at most a few words.

    A title that is only a component name ('Dự án 2: Đa dạng hóa sinh kế') runs on past its colon.
    """
    end = _TITLE_END_RE.search(text)
    if end and _BARE_COMPONENT_RE.fullmatch(text[: end.start()]):
        end = _TITLE_END_RE.search(text, end.end())
    title = tidy(text[: end.start()] if end else text)
    words = title.split(" ")
    if len(words) > _TITLE_MAX_WORDS:
        title = " ".join(words[:_TITLE_MAX_WORDS]) + " …"
    return title.strip(" -–,;*")


def _heading_component(text: str) -> tuple[int | None, int | None]:
    """The component a heading names at its start ('Dự án 1 ...', 'Tiểu dự án 3: ... (Dự án 4: ...)')."""
    match = _COMPONENT_RE.match(text)
    if not match or not _COMPONENT_GOES_ON_RE.match(text, match.end()):
        return None, None
    number = int(match["number"])
    if not match["kind"].lower().startswith("tiểu"):
        return number, None
    sentence_end = CLAUSE_END_RE.search(text, match.end())
    limit = sentence_end.start() if sentence_end else len(text)
    parent = _PARENT_RE.match(text, match.end()) or _PARENT_LATER_RE.search(text, match.end(), limit)
    return (int(parent["parent"]) if parent else None), number


def _chains(headings: list[Heading]) -> list[tuple[Heading, ...]]:
    """For each heading, the chain of open headings (outermost first) once it has started."""
    chains = []
    stack: list[Heading] = []
    for heading in headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
        chains.append(tuple(stack))
    return chains


def _components(headings: list[Heading]) -> list[tuple[int | None, int | None]]:
    """For each heading, the (project, subproject) in force once it has started.

    A new Dự án resets the Tiểu dự án; a heading without a component at the level of a component
    heading or above ends it ('IV. KINH PHÍ ...' ends 'Dự án 7').
    """
    states = []
    project = subproject = None
    project_level = subproject_level = None
    for heading in headings:
        if subproject_level is not None and heading.level <= subproject_level:
            subproject = subproject_level = None
        if project_level is not None and heading.level <= project_level:
            project = project_level = None
        if heading.subproject is not None:
            subproject, subproject_level = heading.subproject, heading.level
            if heading.project is not None and heading.project != project:
                project, project_level = heading.project, heading.level
        elif heading.project is not None:
            project, project_level = heading.project, heading.level
            subproject = subproject_level = None
        states.append((project, subproject))
    return states
