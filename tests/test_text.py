"""Derived text: squash collapses white space; tidy also closes a hyphen left open after its word."""

import pytest

from extractor.text import squash, tidy


@pytest.mark.parametrize(("text", "squashed"), [("  a \n b ", "a b"), ("Dự án\n2", "Dự án 2"), ("\t\n", "")])
def test_squash(text, squashed):
    assert squash(text) == squashed


@pytest.mark.parametrize(
    ("text", "tidied"),
    [
        ("giai đoạn 2022-\n2025", "giai đoạn 2022-2025"),
        ("giai đoạn 2022–\n2025", "giai đoạn 2022–2025"),  # the PDF reader rejoins '-' wraps, not en dashes
        ("Công chức VH- XH xã", "Công chức VH-XH xã"),  # typed so in samples 003 and 004
        ("kinh tế -\nxã hội", "kinh tế - xã hội"),
        ("Lao động - TB&XH", "Lao động - TB&XH"),
        ("  a \n b ", "a b"),
    ],
)
def test_tidy_closes_a_hyphen_open_after_its_word(text, tidied):
    assert tidy(text) == tidied
