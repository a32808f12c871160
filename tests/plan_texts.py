"""Texts that speed tests compare a shortcut with the slow way on: the corpus plans and generated plans."""

from __future__ import annotations

from functools import cache

from conftest import CORPUS

from extractor.benchmark.plan import make_plan
from extractor.benchmark.render import render_txt
from extractor.readers.txt import text_source


@cache
def corpus_and_generated(seed: int, count: int) -> tuple[str, ...]:
    """The corpus .txt plans and ``count`` generated plans of ``seed``, each as the .txt reader gives it."""
    plans = [text_source(path.read_text(encoding="utf-8")).text for path in sorted(CORPUS.glob("*.txt"))]
    generated = [text_source(render_txt(make_plan(seed, index)).decode("utf-8")).text for index in range(count)]
    return tuple(plans + generated)
