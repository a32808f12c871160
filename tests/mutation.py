"""Mutation testing of the checker: change one number of a sample plan, see which findings appear.

Run ``python tests/mutation.py`` for a report over every number of every sample.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.parsers.numbers import NUMBER  # noqa: E402
from extractor.pipeline import extract_text  # noqa: E402
from extractor.readers.txt import text_source  # noqa: E402
from schemas import Finding  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@dataclass(frozen=True)
class Outcome:
    """What one mutation did: new findings on the mutated number, and new findings elsewhere."""

    start: int
    original: str
    mutated: str
    on_site: tuple[Finding, ...]
    elsewhere: tuple[Finding, ...]

    @property
    def caught(self) -> bool:
        return bool(self.on_site)


def mutate_digit(number: str) -> str:
    """The same number with its last digit moved by 3: same length, so every offset stays."""
    last = max(i for i, char in enumerate(number) if char.isdigit())
    return number[:last] + str((int(number[last]) + 3) % 10) + number[last + 1 :]


def finding_key(finding: Finding) -> tuple:
    """What makes a finding the same one before and after a mutation."""
    # A contradiction is known by its rule and its stated value's span: the same one quoting another
    # copy of an input (a number stated twice in the plan) is not a new finding.
    first = finding.evidence[0] if finding.evidence else None
    return (finding.rule, finding.severity, (first.start, first.end) if first else None)


def run(text: str, start: int, end: int, baseline: set[tuple] | None = None) -> Outcome:
    """Mutate the number at text[start:end] and compare the findings with the unmutated text's."""
    if baseline is None:
        baseline = {finding_key(found) for found in extract_text(text).findings}
    original = text[start:end]
    mutated_number = mutate_digit(original)
    mutated = extract_text(text[:start] + mutated_number + text[end:])
    new = [found for found in mutated.findings if finding_key(found) not in baseline]
    on_site = tuple(f for f in new if any(span.start <= start < span.end for span in f.evidence))
    elsewhere = tuple(f for f in new if f not in on_site)
    return Outcome(start, original, mutated_number, on_site, elsewhere)


def number_sites(text: str) -> list[tuple[int, int]]:
    """Every number in the text that is not part of a date, a document number or a heading marker."""
    sites = []
    for match in regex.finditer(NUMBER, text):
        before, after = text[max(0, match.start() - 1) : match.start()], text[match.end() : match.end() + 1]
        if before in "/-" and before or after in "/-" and after:
            continue  # dates, so_hieu, ranges
        if len(match.group()) == 4 and match.group().startswith(("19", "20")):
            continue  # years
        sites.append((match.start(), match.end()))
    return sites


def sample_text(path: Path) -> str:
    """A sample's text as the pipeline sees it (emphasis markers gone), so offsets mean the same."""
    return text_source(path.read_text(encoding="utf-8")).text


def report() -> None:
    total = caught = noisy = 0
    for path in sorted(CORPUS.glob("0*.txt")):
        text = sample_text(path)
        baseline_doc = extract_text(text)
        baseline = {finding_key(found) for found in baseline_doc.findings}
        involved = {span.start for found in baseline_doc.findings for span in found.evidence}
        sites = number_sites(text)
        file_caught = 0
        for start, end in sites:
            outcome = run(text, start, end, baseline)
            total += 1
            file_caught += outcome.caught
            noisy += bool(outcome.elsewhere)
        caught += file_caught
        print(f"{path.name}: {len(sites)} numbers mutated, {file_caught} caught on the number; baseline findings {len(baseline)} ({len(involved)} spans)")
    print(f"all: {total} mutations, {caught} caught ({caught / max(total, 1):.0%}), {noisy} with new findings elsewhere")


if __name__ == "__main__":
    report()
