"""Small horizontal bar charts as inline SVG, written by hand: no scripts, no network."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

LABEL_WIDTH = 300
BAR_WIDTH = 420
VALUE_WIDTH = 190
ROW_HEIGHT = 22
GROUP_HEIGHT = 26
BAR_THICKNESS = 14


@dataclass(frozen=True)
class Bar:
    """One bar: its label, length (same unit as the others in its chart), text shown, link and colour class."""

    label: str
    value: float
    text: str
    href: str | None = None
    tip: str = ""
    cls: str = "bar"


def bar_chart(groups: list[tuple[str, list[Bar]]], title: str) -> str:
    """An SVG chart: for each (group heading, bars), one row per bar, lengths scaled to the largest value."""
    largest = max((bar.value for _, bars in groups for bar in bars), default=0) or 1
    rows, y = [], 0
    for heading, bars in groups:
        if heading:
            rows.append(f'<text class="group" x="0" y="{y + 18}">{escape(heading)}</text>')
            y += GROUP_HEIGHT
        for bar in bars:
            rows.append(_row(bar, y, largest))
            y += ROW_HEIGHT
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    return (
        f'<svg class="chart" width="{width}" height="{y + 4}" '
        f'viewBox="0 0 {width} {y + 4}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        + "".join(rows) + "</svg>"
    )


def _row(bar: Bar, y: int, largest: float) -> str:
    length = max(bar.value, 0) / largest * BAR_WIDTH
    # A zero still shows as a hairline so that the row visibly has a bar to click.
    length = max(length, 1.5)
    top = y + (ROW_HEIGHT - BAR_THICKNESS) / 2
    tip = f"<title>{escape(bar.tip or bar.label + ': ' + bar.text)}</title>"
    body = (
        f'<text class="label" x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{escape(_clip(bar.label))}</text>'
        f'<rect class="{escape(bar.cls)}" x="{LABEL_WIDTH}" y="{top:.1f}" width="{length:.1f}" height="{BAR_THICKNESS}"/>'
        f'<text class="value" x="{LABEL_WIDTH + length + 6:.1f}" y="{y + 15}">{escape(bar.text)}</text>'
    )
    if bar.href:
        return f'<a class="bar-link" href="{escape(bar.href)}">{tip}{body}</a>'
    return f"<g>{tip}{body}</g>"


def _clip(label: str, limit: int = 42) -> str:
    # Long component or place names are cut in the axis; the tooltip keeps the whole label.
    return label if len(label) <= limit else label[: limit - 1] + "…"
