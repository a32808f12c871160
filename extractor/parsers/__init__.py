"""Parsers: each reads one kind of value from a SourceText and returns models with evidence."""
