"""A count of all households broken down in the list items after it: 'toàn xã có 2.878 hộ, trong đó:\\n- 167 hộ nghèo'."""

from __future__ import annotations

import pytest

from extractor.pipeline import extract_text


def _stats(body: str) -> list[tuple]:
    text = f"KẾ HOẠCH\nThực hiện giảm nghèo năm 2024\n1. Thực trạng\n{body}\n"
    plan = extract_text(text)
    found = []
    for stat in plan.poverty_stats:
        for value in (stat.households, stat.total_households, stat.rate_percent):
            if value is not None:
                assert text[value.evidence.start : value.evidence.end] == value.evidence.raw
        found.append((
            stat.category, stat.year, stat.households and stat.households.value,
            stat.total_households and stat.total_households.value, stat.rate_percent and float(stat.rate_percent.value),
        ))
    return found


@pytest.mark.parametrize("opening", [
    "Năm 2023, toàn xã có 2.878 hộ, trong đó:",
    "Năm 2023, toàn xã có 2.878 hộ. Trong đó:",
    "Năm 2023, toàn xã có 2.878 hộ.\nBao gồm:",
    "Năm 2023 toàn xã có 2.878 hộ gia đình, bao gồm:",
    "Tổng số hộ toàn xã năm 2023 là 2.878 hộ, gồm:",
    "Năm 2023, toàn xã có 2.878\nhộ, trong đó:",
])
@pytest.mark.parametrize("marker", ["-", "+", "•", "–", "a)"])
def test_the_items_of_a_breakdown_are_figures_of_its_base(opening, marker):
    second = "b)" if marker == "a)" else marker
    found = _stats(f"{opening}\n{marker} 167 hộ nghèo, chiếm 5,8%;\n{second} 120 hộ cận nghèo, chiếm 4,17%.")
    assert ("poor", 2023, 167, 2878, 5.8) in found
    assert ("near_poor", 2023, 120, 2878, 4.17) in found


def test_items_naming_the_category_first_get_the_base_too():
    found = _stats("Năm 2023, toàn xã có 910 hộ, trong đó:\n- Hộ nghèo: 81 hộ, chiếm 8,9%;\n- Hộ cận nghèo: 60 hộ.")
    assert ("poor", 2023, 81, 910, 8.9) in found
    assert ("near_poor", 2023, 60, 910, None) in found


def test_the_base_ends_with_the_list():
    found = _stats(
        "Năm 2023, toàn xã có 910 hộ, trong đó:\n- Hộ nghèo: 81 hộ.\n"
        "Năm 2024, số hộ nghèo còn 70 hộ.\n- Hộ cận nghèo: 60 hộ."
    )
    assert ("poor", 2023, 81, 910, None) in found
    assert all(total is None for category, year, households, total, rate in found if households in (70, 60))


@pytest.mark.parametrize("opening", ["Năm 2023 hỗ trợ 30 hộ, gồm:", "Năm 2023 hỗ trợ 30 hộ. Trong đó:"])
def test_a_count_that_is_not_of_all_households_opens_no_breakdown(opening):
    # 'hỗ trợ 30 hộ, gồm:' counts the households helped, not every household of the commune.
    found = _stats(f"{opening}\n- Hộ nghèo: 10 hộ;\n- Hộ cận nghèo: 20 hộ.")
    assert found and all(total is None for *_, total, _rate in found)


def test_a_breakdown_alone_after_a_sentence_without_a_count_opens_nothing():
    found = _stats("Năm 2023, công tác giảm nghèo đạt kết quả tốt. Trong đó:\n- 167 hộ nghèo, chiếm 5,8%.")
    assert all(total is None for *_, total, _rate in found)


def test_a_breakdown_in_one_sentence_is_read_as_before():
    found = _stats("Năm 2023, toàn xã có 2.878 hộ, trong đó 167 hộ nghèo, chiếm 5,8%.")
    assert found == [("poor", 2023, 167, 2878, 5.8)]
