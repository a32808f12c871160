"""Rounding tolerances: what a printed number can hide."""

from decimal import Decimal as D

import pytest

from extractor.checks.precision import half_unit, ratio_tolerance, within


@pytest.mark.parametrize(
    ("value", "expected"),
    [(D("18.34"), D("0.005")), (D("12"), D("0.5")), (D("10.1"), D("0.05")), (D("0.91"), D("0.005"))],
)
def test_half_unit_follows_the_printed_precision(value, expected):
    assert half_unit(value) == expected


def test_rate_of_exact_counts_has_no_input_error():
    assert ratio_tolerance(D(163), D(0), D(889), D(0)) == 0


def test_rate_from_a_rounded_base_widens_the_tolerance():
    # 67 households at 2,66 % implies a base of about 2519; a base known to ±10 moves the rate by ~0.01 point
    assert D("0.009") < ratio_tolerance(D(67), D(0), D(2519), D(10)) < D("0.012")


@pytest.mark.parametrize(
    ("stated", "expected", "tolerance", "result"),
    [
        (D("18.34"), D("18.335208"), D("0.005"), True),  # 163/889 printed with two decimals
        (D("18.35"), D("18.335208"), D("0.005"), False),
        (D("10.1"), D("10.10"), D("0.05"), True),
    ],
)
def test_within(stated, expected, tolerance, result):
    assert within(stated, expected, tolerance) is result
