"""Words that open the parts of a figure: 'trong đó' (of which), 'gồm', 'bao gồm', 'gồm có' (made up of).

After a count of all households ('Toàn xã có 2.878 hộ, trong đó 167 hộ nghèo ...') they open the poverty
figures, and that count is their base. After a poverty figure ('có 08 hộ nghèo, trong đó 3 hộ BTXH') they
open a breakdown of the poor, and reading stops.
"""

from __future__ import annotations

BREAKDOWN_WORDS = r"trong\s+đó|bao\s+gồm|gồm(?:\s+có)?"

# Each example: (sentence, (poor households, its base) read from it, or None when no figure is read).
BREAKDOWN_EXAMPLES: list[tuple[str, tuple[int, int | None] | None]] = [
    ("Toàn xã có 2.878 hộ, trong đó 167 hộ nghèo, chiếm tỷ lệ 5,80%.", (167, 2878)),
    ("Toàn xã có 2.878 hộ, trong đó có 167 hộ nghèo, chiếm tỷ lệ 5,80%.", (167, 2878)),
    ("Toàn xã có 2.878 hộ, gồm 167 hộ nghèo, chiếm tỷ lệ 5,80%.", (167, 2878)),
    ("Toàn xã có 2.878 hộ, bao gồm: 167 hộ nghèo, chiếm tỷ lệ 5,80%.", (167, 2878)),
    ("Hiện tại thôn Tô có 08 hộ nghèo, trong đó 3 hộ thuộc đối tượng BTXH.", (8, None)),
    ("Toàn xã có 120 hộ nghèo, bao gồm: 20 hộ nghèo thuộc đối tượng BTXH.", (120, None)),
    ("Hỗ trợ 30 hộ, gồm 10 hộ nghèo và 20 hộ cận nghèo.", None),  # households served, not a statistic
]
