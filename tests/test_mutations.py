"""Change one number of a sample plan: the right rule fires on that number, and nothing else appears."""

from functools import lru_cache

import pytest
import regex

from conftest import CORPUS
from mutation import finding_key, run, sample_text
from extractor.pipeline import extract_text

# (sample, a pattern whose group 'n' is a number that the plan's arithmetic ties to others)
SITES = [
    # 000: rates and differences of poor / near-poor households
    *[("000", p) for p in [
        r"năm 2022 là (?P<n>163) hộ", r"163 hộ/ (?P<n>889) hộ", r"chiếm tỷ lệ (?P<n>18,34)%",
        r"giảm (?P<n>82) hộ", r"còn (?P<n>81) hộ", r"còn 81 hộ/(?P<n>910) hộ", r"tỷ lệ (?P<n>8,90)%",
        r"8,90%\. giảm (?P<n>9,44)%", r"năm 2022 là (?P<n>209) hộ", r"tỷ lệ (?P<n>23,51)%",
        r"giảm (?P<n>87) hộ", r"còn (?P<n>122) hộ", r"tỷ lệ (?P<n>13,41)%",
    ]],
    # 000: a budget total 'cho 2 dự án' and its parts; counts broken into parts
    *[("000", p) for p in [
        r"phân bổ là (?P<n>1\.080) triệu", r"phân bổ là (?P<n>700) triệu", r"Trung ương (?P<n>380) triệu",
        r"(?P<n>40) hộ hỗ trợ chuyển đổi nghề", r"có (?P<n>27) hộ mua", r"(?P<n>06) hộ mua", r"(?P<n>04) hộ mua",
        r"(?P<n>100) hộ thuộc đối tượng", r"nước (?P<n>46) hộ", r"nước (?P<n>54) hộ",
    ]],
    # 001: seven amounts and their stated total
    *[("001", rf"Dự kiến (?P<n>{amount}) triệu") for amount in ["530", "342", "685", "81", "17", "51", "22"]],
    ("001", r"Dự kiến\s+(?P<n>1\.728) triệu"),
    # 004: rates of one base, the multidimensional sum, the annex total row
    *[("004", p) for p in [
        r"còn (?P<n>67) hộ nghèo tương ứng", r"tỷ lệ (?P<n>2,66)%, 57", r"(?P<n>57) hộ cận nghèo tương ứng",
        r"tỷ lệ (?P<n>2,27)%\.", r"đa chiều là (?P<n>4,93)%",
        r"Thôn Hạc Sơn\t(?P<n>9)\t", r"Thôn Chợ\t(?P<n>14)\t", r"Tổng\t(?P<n>67)\t", r"Tổng\t67\t(?P<n>23)\t",
        r"Tổng\t67\t23\t(?P<n>57)\t", r"Tổng\t67\t23\t57\t(?P<n>35)",
    ]],
]


@lru_cache(maxsize=None)
def _sample(stem):
    text = sample_text(next(CORPUS.glob(f"{stem}_*.txt")))
    return text, frozenset(finding_key(found) for found in extract_text(text).findings)


@pytest.mark.parametrize(("stem", "pattern"), SITES)
def test_a_changed_number_is_caught_on_its_span(stem, pattern):
    text, baseline = _sample(stem)
    match = regex.search(pattern, text)
    assert match, f"pattern not found in {stem}: {pattern}"
    outcome = run(text, match.start("n"), match.end("n"), set(baseline))
    assert outcome.caught, f"{stem}: {outcome.original} -> {outcome.mutated} raised nothing on it"
    assert all(found.severity == "error" for found in outcome.on_site) or outcome.on_site[0].severity == "error"
    assert not outcome.elsewhere, [found.message for found in outcome.elsewhere]
