"""Document numbers: spaces and dashes made canonical, the three shapes, the type a symbol names."""

import pytest
import regex

from extractor.parsers.so_hieu import SO_HIEU_BLANKABLE, find_so_hieu, parse_so_hieu, so_hieu_from_match
from extractor.vocab.documents import SYMBOL_TYPE_EXAMPLES


@pytest.mark.parametrize(
    ("written", "so_hieu", "number", "symbol", "year"),
    [
        ("4159/KH-UBND", "4159/KH-UBND", "4159", "KH-UBND", None),
        ("4159 /KH-UBND", "4159/KH-UBND", "4159", "KH-UBND", None),
        ("47/KH- UBND", "47/KH-UBND", "47", "KH-UBND", None),
        ("16/KH – UBND", "16/KH-UBND", "16", "KH-UBND", None),
        ("65 /QĐ-UBND", "65/QĐ-UBND", "65", "QĐ-UBND", None),
        ("7 / TTr - LĐTBXH", "7/TTr-LĐTBXH", "7", "TTr-LĐTBXH", None),
        ("5114/UBND-TH", "5114/UBND-TH", "5114", "UBND-TH", None),
        ("87/LĐTBXH-VPQGGN", "87/LĐTBXH-VPQGGN", "87", "LĐTBXH-VPQGGN", None),
        ("123/UBND", "123/UBND", "123", "UBND", None),
        ("24/2021/QH15", "24/2021/QH15", "24", "QH15", "2021"),
        ("14/2012/QĐ-TTg", "14/2012/QĐ-TTg", "14", "QĐ-TTg", "2012"),
        ("97/2022/NQ-HĐND", "97/2022/NQ-HĐND", "97", "NQ-HĐND", "2022"),
        ("46 / 2022 / TT-BTC", "46/2022/TT-BTC", "46", "TT-BTC", "2022"),
        ("47-NQ/TU", "47-NQ/TU", "47", "NQ/TU", None),
        ("56- CTr/TU", "56-CTr/TU", "56", "CTr/TU", None),
        ("05 – CT/TW", "05-CT/TW", "05", "CT/TW", None),
        ("12/QĐ-\nUBND", "12/QĐ-UBND", "12", "QĐ-UBND", None),  # a PDF line wrap
    ],
)
def test_parse_so_hieu(written, so_hieu, number, symbol, year):
    parsed = parse_so_hieu(written)
    assert (parsed.so_hieu, parsed.number, parsed.symbol, parsed.year) == (so_hieu, number, symbol, year)


@pytest.mark.parametrize("text", ["8/10", "16/3/2022", "2021-2025", "163 hộ/ 889 hộ", "B/c", "P.LĐ-TBXH", "12/Về"])
def test_not_a_document_number(text):
    assert parse_so_hieu(text) is None


@pytest.mark.parametrize(("symbol", "doc_type"), SYMBOL_TYPE_EXAMPLES)
def test_symbol_names_its_type(symbol, doc_type):
    number = "1-" if "/" in symbol else ("1/2021/" if symbol.startswith("QH") else "1/")
    assert parse_so_hieu(number + symbol).doc_type == doc_type


def test_a_capitalised_word_after_a_spaced_dash_is_not_part_of_the_symbol():
    [(match, so_hieu)] = find_so_hieu("theo Quyết định số 12/QĐ-UBND - Về việc kiện toàn")
    assert (match.group(), so_hieu.so_hieu) == ("12/QĐ-UBND", "12/QĐ-UBND")


def test_find_every_number_in_a_sentence_and_nothing_else():
    text = "Kế hoạch số 599/KH-UBND ngày 16/3/2022, số 989/KH-UBND; đạt 8/10 thôn; Nghị quyết 42-NQ/TW"
    assert [so_hieu.so_hieu for _, so_hieu in find_so_hieu(text)] == ["599/KH-UBND", "989/KH-UBND", "42-NQ/TW"]


@pytest.mark.parametrize(
    ("line", "number", "symbol", "so_hieu"),
    [
        ("Số: 4159 /KH-UBND", "4159", "KH-UBND", "4159/KH-UBND"),
        ("Số: /KH-UBND", None, "KH-UBND", None),
        ("Số: .../KH-UBND", None, "KH-UBND", None),
        ("Số:      /KH-UBND", None, "KH-UBND", None),
        ("Số: …/KH-UBND", None, "KH-UBND", None),
        ("Số: ____/QĐ-UBND", None, "QĐ-UBND", None),
        ("Số    -KH/HU", None, "KH/HU", None),
        ("Số 45-KH/HU", "45", "KH/HU", "45-KH/HU"),
    ],
)
def test_template_numbers_may_be_blank(line, number, symbol, so_hieu):
    parsed = so_hieu_from_match(regex.match(r"Số\s*:?\s*" + SO_HIEU_BLANKABLE, line))
    assert (parsed.number, parsed.symbol, parsed.so_hieu) == (number, symbol, so_hieu)


# --- found by tests/test_fuzz.py -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["١٢/QĐ-UBND", "٢٤/٢٠٢١/QH15", "٤٧-NQ/TU"])
def test_digits_of_other_scripts_are_not_a_document_number(text):
    """The parsers read ASCII digits only; normalise() maps other scripts' digits before them."""
    assert parse_so_hieu(text) is None
    assert find_so_hieu(f"theo số {text} của") == []


def test_long_runs_around_the_slash():
    # The spaces around '/' and '-' are matched possessively: a long run is crossed once.
    assert [so_hieu.so_hieu for _, so_hieu in find_so_hieu("số 12" + " " * 8000 + "/ KH-UBND")] == ["12/KH-UBND"]
    assert find_so_hieu("1/" * 4000 + "KH") == []
