"""Benchmark: synthetic plans built from the samples' structure (generate), and the timing of each
stage of extraction on them (measure). Run with ``python -m extractor.benchmark``; see the README."""
