"""Text: normalise (digits of every script made ASCII); squash collapses white space; tidy closes open hyphens."""

import unicodedata

import pytest

from extractor.pipeline import extract_text
from extractor.text import SourceText, ascii_digits, normalise, squash, tidy


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


# --- digits of other scripts ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Số: ٤٧/KH-UBND", "Số: 47/KH-UBND"),  # Arabic-Indic
        ("năm ２０２３", "năm 2023"),  # fullwidth
        ("giảm ۱۲ hộ", "giảm 12 hộ"),  # Extended Arabic-Indic (Persian)
        ("२०२४", "2024"),  # Devanagari
        ("১২৩", "123"),  # Bengali
        ("๑๐", "10"),  # Thai
        ("25 m² và x³", "25 m² và x³"),  # superscripts are not decimal digits: kept
        ("Ⅻ ① ½", "Ⅻ ① ½"),  # numerals that are not decimal digits: kept
        ("0123456789", "0123456789"),
    ],
)
def test_normalise_makes_decimal_digits_ascii(text, expected):
    assert normalise(text) == expected


def test_every_decimal_digit_maps_one_for_one():
    digits = [chr(code) for code in range(0x110000) if unicodedata.decimal(chr(code), None) is not None]
    assert len(digits) > 600  # every script's 0-9, not just a few
    text = "".join(digits)
    mapped = ascii_digits(text)
    assert len(mapped) == len(text)  # one character for one: spans stay valid
    assert mapped == "".join(str(unicodedata.decimal(char)) for char in digits)


def test_foreign_digits_parse_like_ascii_ones():
    plan = "Số: 12/KH-UBND\nHòa Bình, ngày 05 tháng 01 năm 2025\nKẾ HOẠCH\n- Tỷ lệ hộ nghèo giảm xuống dưới 3% vào cuối năm 2025.\n"
    foreign = plan.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert foreign != plan
    ascii_doc, foreign_doc = extract_text(plan), extract_text(foreign)  # int() on a '\d' match must not crash
    assert foreign_doc.header.so_hieu.value == ascii_doc.header.so_hieu.value == "12/KH-UBND"
    assert foreign_doc.header.issue_date.value == ascii_doc.header.issue_date.value
    assert [t.value.value for t in foreign_doc.targets] == [t.value.value for t in ascii_doc.targets]


def test_source_text_legacy_encoding_defaults_to_none():
    assert SourceText("x").legacy_encoding is None
    assert SourceText("x", (0,), "tcvn3").legacy_encoding == "tcvn3"
