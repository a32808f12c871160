"""Fuzzing: no input makes a parser or the pipeline raise, and every span points at its own text.

Hypothesis draws numbers, money, dates and document numbers in the forms plans write them (their
values must read back exactly), Vietnamese-like text, mutated excerpts of the sample plans and long
runs of what regular expressions choke on. Every PlanDocument must satisfy, for every Value and
Evidence: 0 <= start <= end <= len(text) and text[start:end] == raw.

KEHOACH_FUZZ_SCALE multiplies the number of examples (default 1: about 100-200 per property, a
minute or two in all); a long local run is `KEHOACH_FUZZ_SCALE=25 pytest tests/test_fuzz.py`.
The default run draws the same examples every time, so that the test suite does not fail at random;
a run with KEHOACH_FUZZ_SCALE set draws new ones (tests/conftest.py; that is how to look for new failures). A failure
prints the falsifying example and a blob to reproduce it; add the example to a test of its own.
"""

import os
from decimal import Decimal

from conftest import CORPUS, SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import _evidence

from extractor.parsers.dates import find_dates, parse_date
from extractor.parsers.numbers import parse_money, parse_number
from extractor.parsers.references import parse_references
from extractor.parsers.so_hieu import find_so_hieu, parse_so_hieu
from extractor.pipeline import extract_source, extract_text
from extractor.readers.txt import text_source
from extractor.text import SourceText
from extractor.vocab.money import MONEY_UNITS
from schemas import PartialDate

SCALE = float(os.environ.get("KEHOACH_FUZZ_SCALE", "1"))


def fuzz(examples: int):
    """Settings for one property: ``examples`` times the scale, no deadline, slow data allowed."""
    return settings(
        max_examples=max(1, round(examples * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        print_blob=True,
    )


def assert_spans_hold(document) -> None:
    """Every Value and Evidence of ``document`` lies inside its text and quotes it exactly."""
    text = document.text
    spans = list(_evidence(document.model_dump(mode="json")))
    for span in spans:
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"] : span["end"]] == span["raw"], span


# --- values in the forms plans write them --------------------------------------------------------------


def _grouped(number: int) -> str:
    """1234567 as '1.234.567'."""
    return f"{number:,}".replace(",", ".")


@fuzz(200)
@given(st.integers(0, 10**15))
def test_grouped_numbers_read_back(number):
    assert parse_number(_grouped(number)) == number


@fuzz(200)
@given(st.integers(0, 10**9), st.integers(0, 10**6), st.integers(0, 3))
def test_decimal_comma_numbers_read_back(whole, fraction, zeros):
    written = f"{_grouped(whole)},{'0' * zeros}{fraction}"
    assert parse_number(written) == Decimal(f"{whole}.{'0' * zeros}{fraction}")


@fuzz(200)
@given(st.text(alphabet="0123456789.,  \n", max_size=30))
def test_any_digits_and_marks_read_as_a_number_or_none(written):
    number = parse_number(written)
    assert number is None or (number.is_finite() and number >= 0)


@fuzz(200)
@given(st.integers(1, 10**6), st.sampled_from(sorted(MONEY_UNITS)), st.sampled_from(["", " ", "  "]))
def test_money_reads_back_in_dong(amount, unit, space):
    assert parse_money(f"{_grouped(amount)}{space or ' '}{unit}") == amount * MONEY_UNITS[unit]


@fuzz(200)
@given(st.integers(0, 10**4), st.integers(1, 9), st.sampled_from(["tỷ đồng", "triệu đồng", "tỉ", "triệu"]))
def test_money_with_a_decimal_comma_reads_back(whole, tenth, unit):
    expected = (Decimal(whole) + Decimal(tenth) / 10) * MONEY_UNITS[unit]
    assert parse_money(f"{whole},{tenth} {unit}") == int(expected)


_DAYS = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
_BLANKS = ["", " ", "...", "…", "….", "___", " … ", "  "]


@st.composite
def dates(draw):
    """(text, PartialDate) in every form plans use, parts sometimes left blank as templates do."""
    year = draw(st.integers(1990, 2099))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, _DAYS[month]))
    pad = draw(st.booleans())
    d, m = (f"{day:02d}", f"{month:02d}") if pad else (str(day), str(month))
    form = draw(st.sampled_from(["long", "long_blank_day", "long_blank_both", "short", "short_blank"]))
    if form == "long":
        return f"ngày {d} tháng {m} năm {year}", PartialDate(year=year, month=month, day=day)
    if form == "long_blank_day":
        return f"ngày{draw(st.sampled_from(_BLANKS))}tháng {m} năm {year}", PartialDate(year=year, month=month)
    if form == "long_blank_both":
        blank, other = draw(st.sampled_from(_BLANKS)), draw(st.sampled_from(_BLANKS))
        return f"ngày{blank}tháng{other}năm {year}", PartialDate(year=year)
    if form == "short":
        separator = draw(st.sampled_from(["/", "-", "."]))
        space = draw(st.sampled_from(["", " "]))
        return f"{d}{space}{separator}{m}{separator}{year}", PartialDate(year=year, month=month, day=day)
    blank = draw(st.sampled_from(["…", "...", "", "  ", "…."]))
    month_part = draw(st.sampled_from([blank, m]))
    expected = PartialDate(year=year, month=month if month_part == m else None)
    return f"ngày {blank}/{month_part}/{year}", expected


@fuzz(200)
@given(dates())
def test_dates_read_back(written):
    text, expected = written
    assert parse_date(text) == expected


@fuzz(150)
@given(dates(), st.sampled_from(["Hà Nội, ", "ban hành ", "Căn cứ Quyết định số 12/QĐ-UBND ", "("]),
       st.sampled_from(["", " của UBND xã", ", ", ";\n", ")"]))
def test_dates_are_found_in_a_sentence(written, before, after):
    text, expected = written
    found = find_dates(before + text + after)
    assert [(match.group(), date) for match, date in found] == [(text, expected)]


_TYPES = ["KH", "QĐ", "NQ", "CT", "TB", "BC", "TTr", "HD", "CTr"]
_ISSUERS = ["UBND", "HĐND", "TTg", "BTC", "LĐTBXH", "UBND-VX", "BCĐ", "SLĐTBXH", "VPQGGN"]


@st.composite
def document_numbers(draw):
    """(as written with stray spaces and dashes, canonical so_hieu)."""
    number = str(draw(st.integers(1, 999999)))
    dash = draw(st.sampled_from(["-", "–", " - ", "- ", " – "]))
    slash = draw(st.sampled_from(["/", " /", "/ ", " / "]))
    shape = draw(st.sampled_from(["administrative", "normative", "party"]))
    kind, issuer = draw(st.sampled_from(_TYPES)), draw(st.sampled_from(_ISSUERS))
    if shape == "administrative":
        return f"{number}{slash}{kind}{dash}{issuer}", f"{number}/{kind}-{issuer}"
    if shape == "normative":
        year = draw(st.integers(1990, 2099))
        return f"{number}{slash}{year}{slash}{kind}{dash}{issuer}", f"{number}/{year}/{kind}-{issuer}"
    committee = draw(st.sampled_from(["TU", "TW", "HU", "ĐU"]))
    return f"{number}{dash}{kind}{slash}{committee}", f"{number}-{kind}/{committee}"


@fuzz(200)
@given(document_numbers())
def test_document_numbers_read_back(written):
    text, canonical = written
    assert parse_so_hieu(text).so_hieu == canonical
    assert [so_hieu.so_hieu for _, so_hieu in find_so_hieu(f"theo số {text} của")] == [canonical]


@fuzz(150)
@given(
    st.sampled_from(["Quyết định", "Nghị quyết", "Kế hoạch", "Công văn", "Thông tư", "Nghị định"]),
    document_numbers(),
    dates(),
    st.sampled_from(["UBND xã Cao Lâu", "UBND huyện Đức Trọng", "Thủ tướng Chính phủ", "Bộ Tài chính"]),
)
def test_citations_read_back(doc_type, number, date, issuer):
    written, canonical = number
    date_text, date_value = date
    text = f"Căn cứ {doc_type} số {written} {date_text} của {issuer};\n"
    references = parse_references(text_source(text))
    assert [(r.so_hieu.value, r.issue_date.value if r.issue_date else None) for r in references] == [
        (canonical, date_value)
    ]
    assert references[0].issuer is not None and references[0].issuer.value == issuer
    document = extract_text(text)
    assert_spans_hold(document)


# --- the whole pipeline on text it was never meant to read ---------------------------------------------

_WORDS = [
    "KẾ HOẠCH", "Số:", "Số: …/KH-UBND", "ngày", "tháng", "năm", "2024", "2023", "ngày …/…/2024", "UBND", "xã",
    "huyện", "Cao Lâu", "thôn", "Tô", "hộ nghèo", "hộ cận nghèo", "hộ", "tỷ lệ", "%", "triệu đồng", "tỷ đồng",
    "đ)", "phấn đấu", "giảm", "xuống dưới", "trở lên", "Căn cứ", "Quyết định số", "Nghị quyết số 24/2021/QH15",
    "Kế hoạch", "số", "của", "I.", "II.", "1.", "1.1.", "2.3.", "a)", "-", "+", "•", "*", "**", "Dự án 1:",
    "Tiểu dự án 2", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An", "Trong đó", "trong đó", "Tổng", "Tổng cộng",
    "ĐVT: triệu đồng", "Mục tiêu", "Chỉ tiêu", "Kinh phí", "Nguồn vốn", "giai đoạn 2021-2025", "so với",
    "1.080", "18,34", "06", "163 hộ/ 889 hộ", "8/10", "12/QĐ-UBND", "47-NQ/TU", "…", "...", "(", ")", ":", ";",
    ",", ".", "/", "|", "\t", "\n", "\n\n", " ", "  ",
]
# Digits of other scripts, combining marks, unusual spaces and separators that real files carry.
_ODD = "٠١٢٣٤٥٦٧٨٩۳०१२३০১０１２³²¹\u0301\u0300\u0303\u0309\u0323\u00a0\u2028\u2029\u3000\u200b\u00ad\ufeff\x0b\x0c\x1c\u0085–—‐"


def _vietnamese_like() -> st.SearchStrategy[str]:
    token = st.one_of(
        st.sampled_from(_WORDS),
        st.integers(0, 10**7).map(str),
        st.integers(0, 10**9).map(_grouped),
        dates().map(lambda written: written[0]),
        document_numbers().map(lambda written: written[0]),
        st.text(alphabet=_ODD, min_size=1, max_size=3),
        st.text(min_size=1, max_size=4),
    )
    separator = st.sampled_from([" ", " ", "\n", "", "\t", ", "])
    return st.lists(st.tuples(token, separator), max_size=120).map(
        lambda pairs: "".join(word + gap for word, gap in pairs)
    )


@fuzz(150)
@given(_vietnamese_like())
def test_pipeline_on_vietnamese_like_text(text):
    assert_spans_hold(extract_text(text))


@fuzz(100)
@given(st.text(max_size=400))
def test_pipeline_on_any_unicode(text):
    assert_spans_hold(extract_text(text))


_EXCERPT = 3000
_TEXTS = {stem: (CORPUS / f"{stem}.txt").read_text(encoding="utf-8") for stem in SAMPLES}


@st.composite
def mutated_excerpts(draw):
    """A few thousand characters of a sample plan, then 1-8 edits of the kinds real files suffer."""
    text = _TEXTS[draw(st.sampled_from(SAMPLES))]
    start = draw(st.integers(0, max(0, len(text) - _EXCERPT)))
    text = text[start : start + _EXCERPT]
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["delete", "insert", "duplicate", "digit", "wrap", "mark", "odd"]))
        if edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 60)) :]
        elif edit == "insert":
            text = text[:at] + draw(_vietnamese_like().map(lambda s: s[:80])) + text[at:]
        elif edit == "duplicate":
            text = text[:at] + text[at : at + draw(st.integers(1, 300))] + text[at:]
        elif edit == "digit":
            digits = [index for index, char in enumerate(text) if char.isdigit()]
            if digits:
                index = draw(st.sampled_from(digits))
                text = text[:index] + draw(st.sampled_from("0123456789٣३３")) + text[index + 1 :]
        elif edit == "wrap":
            spaces = [index for index, char in enumerate(text) if char == " "]
            if spaces:
                index = draw(st.sampled_from(spaces))
                text = text[:index] + draw(st.sampled_from(["\n", "\n\n", " \n", "\r\n"])) + text[index + 1 :]
        elif edit == "mark":
            text = text[:at] + draw(st.sampled_from("\u0301\u0300\u0303\u0309\u0323")) + text[at:]
        else:
            text = text[:at] + draw(st.text(alphabet=_ODD, min_size=1, max_size=5)) + text[at:]
    return text


@fuzz(120)
@given(mutated_excerpts())
def test_pipeline_on_mutated_plans(text):
    assert_spans_hold(extract_text(text))


_HEADINGS = ["I. MỤC TIÊU", "II. NHIỆM VỤ", "1. Mục tiêu", "2. Chỉ tiêu cụ thể", "III. KINH PHÍ THỰC HIỆN",
             "1.1. Dự án 1: Hỗ trợ đầu tư", "a) Tiểu dự án 2:", "PHẦN I", "Kết quả thực hiện năm 2023",
             "IV. TỔ CHỨC THỰC HIỆN", "2.3. Dự án 4: Phát triển giáo dục nghề nghiệp"]


@st.composite
def plans(draw):
    """A plan's skeleton: header block, heading, title, sections of token sentences, a table, a signature."""
    words = _vietnamese_like().map(lambda text: text[:300])
    lines = [
        draw(st.sampled_from(["ỦY BAN NHÂN DÂN\nXÃ CẨM BÌNH", "UBND HUYỆN ĐỨC TRỌNG", "", "ĐẢNG BỘ XÃ A"])),
        "Số: " + draw(st.one_of(document_numbers().map(lambda written: written[0]), st.just("…/KH-UBND"))),
        draw(st.sampled_from(["Cẩm Bình", "Thành phố Lai Châu", "Hà Nội"])) + ", " + draw(dates())[0],
        draw(st.sampled_from(["KẾ HOẠCH", "KẾ  HOẠCH", "Kế hoạch", ""])),
        "Thực hiện giảm nghèo năm " + str(draw(st.integers(2020, 2026))) + draw(words),
    ]
    for _ in range(draw(st.integers(0, 6))):
        lines.append(draw(st.sampled_from(_HEADINGS)))
        lines += draw(st.lists(st.one_of(words, st.sampled_from(_WORDS)).map(lambda w: "- " + w), max_size=5))
    if draw(st.booleans()):
        width = draw(st.integers(2, 6))
        cell = st.one_of(st.integers(0, 10**6).map(_grouped), st.sampled_from(["Tổng", "Thôn Tô", "", "hộ", "%"]))
        lines.append(draw(st.sampled_from(["ĐVT: triệu đồng", "Biểu 01: CHỈ TIÊU GIẢM NGHÈO", ""])))
        for _ in range(draw(st.integers(2, 8))):
            lines.append("\t".join(draw(st.lists(cell, min_size=width, max_size=width))))
    lines += ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", draw(st.sampled_from(["Nguyễn Văn An", "", "Lê Thị Bình"]))]
    return "\n".join(lines)


@fuzz(120)
@given(plans())
def test_pipeline_on_generated_plans(text):
    assert_spans_hold(extract_text(text))


def _read_values(data):
    """The (value, raw) of every Value whose value is a number or a date."""
    if isinstance(data, dict):
        if set(data) == {"value", "evidence"} and data["evidence"] is not None:
            value = data["value"]
            if isinstance(value, (int, float)) or (isinstance(value, str) and value.replace(".", "").isdigit()) or (
                isinstance(value, dict) and {"year", "month", "day"} <= set(value)
            ):
                yield value, data["evidence"]["raw"]
        for item in data.values():
            yield from _read_values(item)
    elif isinstance(data, list):
        for item in data:
            yield from _read_values(item)


@fuzz(100)
@given(plans(), st.sampled_from("٠١٢٣٤٥٦٧٨٩۳०१२३০১０１２"))
def test_numbers_are_read_from_ascii_digits_only(text, odd):
    """Given straight to the parsers (not normalised), digits of other scripts are never read as numbers."""
    spaced = text.replace("1", odd).replace("2", odd)
    document = extract_source(SourceText(spaced), document_id="fuzz", path="<fuzz>", fmt="txt")
    assert_spans_hold(document)
    for value, raw in _read_values(document.model_dump(mode="json")):
        assert odd not in raw, (value, raw)


# --- what regular expressions choke on -----------------------------------------------------------------

# Long runs of one piece, as the scanner of quadratic patterns found them (the worst ones took seconds
# at 8,000 characters before their fix; each is also a unit test in its module's test file).
_RUNS = [
    " ", "\n", "\t", " \n", "\n ", ".", "…", "-", "–", "1", "1.", "1,", "123.", "1/", "/", "ngày ", "ngày …/",
    "ngày tháng ", "năm ", "a", "A", "Ab ", "AB ", "hộ nghèo ", "số ", "Số: ", "|", "*", "1% ", "(", ":", "; ",
    "- ", ". ", "UBND xã ", "xã Ab ", "1 ", ".\n", ")", "\n- ", "A\n", " \t\n", "_", "1 hộ ", "\t1", "\n1.",
    "\n\n", "1 triệu ", "1.1", "ngày ….", "Số:\t", "Căn cứ Quyết định số 1/QĐ-UBND, ",
]
_OPENERS = ["", "KẾ HOẠCH\n", "Số: ", "ngày ", "1", "số ", "của ", "UBND xã Cao Lâu", "- Tỷ lệ hộ nghèo giảm "]


@fuzz(60)
@given(st.sampled_from(_OPENERS), st.sampled_from(_RUNS), st.integers(200, 6000), st.sampled_from(_OPENERS))
def test_pipeline_on_long_runs(opener, run, length, closer):
    text = opener + run * (length // len(run)) + closer
    assert_spans_hold(extract_text(text))
