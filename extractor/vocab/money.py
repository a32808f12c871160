"""Money units as written in plans, and what each multiplies an amount by (to đồng)."""

from __future__ import annotations

# Longest spellings first so that 'triệu đồng' wins over 'triệu'. tỉ and tỷ are both used.
MONEY_UNITS: dict[str, int] = {
    "tỷ đồng": 1_000_000_000,
    "tỉ đồng": 1_000_000_000,
    "tỷ": 1_000_000_000,
    "tỉ": 1_000_000_000,
    "triệu đồng": 1_000_000,
    "triệu VNĐ": 1_000_000,
    "triệu": 1_000_000,
    "tr.đồng": 1_000_000,
    "tr.đ": 1_000_000,
    "trđ": 1_000_000,
    "tr đ": 1_000_000,
    "nghìn đồng": 1_000,
    "ngàn đồng": 1_000,
    "nghìn": 1_000,
    "ngàn": 1_000,
    "đồng": 1,
    "VNĐ": 1,
    "VND": 1,
    "đ": 1,
}

# Each example: (text, amount in đồng). Tests run every one.
MONEY_EXAMPLES: list[tuple[str, int]] = [
    ("1.080 triệu đồng", 1_080_000_000),
    ("700 triệu đồng", 700_000_000),
    ("1.250,5 triệu", 1_250_500_000),
    ("2,5 tỷ đồng", 2_500_000_000),
    ("3 tỉ", 3_000_000_000),
    ("45 trđ", 45_000_000),
    ("12,5 tr.đ", 12_500_000),
    ("500 nghìn đồng", 500_000),
    ("150 ngàn đồng", 150_000),
    ("1.500.000 đồng", 1_500_000),
    ("1.500.000đ", 1_500_000),
    ("2.000.000 VNĐ", 2_000_000),
]
