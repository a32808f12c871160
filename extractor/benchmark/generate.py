"""Synthetic plans (KẾ HOẠCH) built from the structure of the sample plans, for the benchmark and as labelled
test data: every value the generator writes is listed in ``manifest.json`` beside the files.

    python -m extractor.benchmark.generate --n 1000 --seed 1 --out DIR [--mix txt=1,docx=1,pdf=1] [--length mixed]

Plan ``i`` of a seed is the same whatever ``n`` and the mix: its content comes from a generator seeded
with ``(seed, i)``; the mix only decides its format. Same seed and ``n`` give byte-identical .txt and
.docx files (the zip entries and the document properties carry fixed dates) and identical PDFs (fixed
creation date and file id). Places are real units (the vietnamadminunits tables, through
``extractor.places``); people are made from a few syllables; numbers agree with each other except
where a plan is meant to contradict itself (``expected_findings`` in the manifest).

The PDF is written with fpdf2 (the optional extra ``bench``) and a DejaVu TrueType font (Debian's
fonts-dejavu-core), the only modules here that need them.
"""


from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from extractor.benchmark.plan import LENGTHS, make_plan
from extractor.benchmark.render import RENDERERS

FORMATS = ("txt", "docx", "pdf")

# --- many plans ----------------------------------------------------------------------------------


def parse_mix(text: str) -> dict[str, float]:
    """'txt=1,docx=1,pdf=1' -> weights; ValueError naming the bad part."""
    mix: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, weight = part.partition("=")
        name = name.strip().lower().lstrip(".")
        if name not in FORMATS:
            raise ValueError(f"--mix: '{name}' is not a format; use txt, docx and pdf, e.g. txt=2,docx=1,pdf=1")
        try:
            mix[name] = float(weight) if weight else 1.0
        except ValueError:
            raise ValueError(f"--mix: '{part}' needs a number after '=', e.g. pdf=1") from None
        if mix[name] < 0:
            raise ValueError(f"--mix: '{part}' is negative; weights are 0 or more")
    if not any(mix.values()):
        raise ValueError("--mix: give at least one format with a weight above 0, e.g. txt=1")
    return {name: weight for name, weight in mix.items() if weight > 0}


def assign_formats(n: int, mix: dict[str, float]) -> list[str]:
    """The format of each of ``n`` plans: counts in proportion to the weights, interleaved."""
    total = sum(mix.values())
    exact = {name: n * weight / total for name, weight in mix.items()}
    counts = {name: int(value) for name, value in exact.items()}
    for name in sorted(exact, key=lambda k: (counts[k] - exact[k], FORMATS.index(k)))[: n - sum(counts.values())]:
        counts[name] += 1
    order, given = [], dict.fromkeys(counts, 0)
    for _ in range(n):
        name = min((k for k in counts if given[k] < counts[k]), key=lambda k: (given[k] / counts[k], FORMATS.index(k)))
        given[name] += 1
        order.append(name)
    return order


@dataclass
class Generated:
    path: Path
    format: str
    size_bytes: int
    manifest: dict


def generate(out: Path | str, n: int, seed: int, mix: dict[str, float] | None = None, length: str = "mixed",
             first: int = 0) -> list[Generated]:
    """Write ``n`` plans (indexes ``first`` ..) into ``out`` and their values into ``out/manifest.json``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if length not in (*LENGTHS, "mixed"):
        raise ValueError(f"length '{length}': use one of small, typical, large, mixed")
    made = []
    for offset, fmt in enumerate(assign_formats(n, mix or {"txt": 1.0})):
        plan = make_plan(seed, first + offset, length)
        data = RENDERERS[fmt](plan)
        path = out / f"plan_{plan.index:05d}.{fmt}"
        path.write_bytes(data)
        entry = {"file": path.name, "format": fmt, "size_bytes": len(data), **plan.manifest}
        # The header block is a table too where the format lays it out as one (Word; a text copy with tabs).
        entry["tables"] += 1 if fmt == "docx" or (fmt == "txt" and plan.style["header"] == "tabs") else 0
        made.append(Generated(path, fmt, len(data), entry))
    manifest = {"seed": seed, "n": n, "length": length, "plans": [item.manifest for item in made]}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.benchmark.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100, help="number of plans (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="folder to write the plans and manifest.json into")
    parser.add_argument("--mix", default="txt=1", help="format weights, e.g. txt=2,docx=1,pdf=1 (default txt=1)")
    parser.add_argument("--length", default="mixed", choices=(*LENGTHS, "mixed"),
                        help="plan length: small ~5 KB, typical ~20 KB, large ~80 KB of text, or mixed (default)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be 1 or more")
    try:
        made = generate(args.out, args.n, args.seed, parse_mix(args.mix), args.length)
    except (ValueError, ImportError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    by_format: dict[str, int] = {}
    for item in made:
        by_format[item.format] = by_format.get(item.format, 0) + 1
    summary = ", ".join(f"{count} .{fmt}" for fmt, count in by_format.items())
    print(f"wrote {len(made)} plans ({summary}) and manifest.json to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
