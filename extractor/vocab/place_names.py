"""What may follow a place name written after its level word ('xã Linh Thông', 'HUYỆN BẠCH THÔNG').

A name is 1-4 capitalised syllables, and any syllable may be one ('Thông', 'Công', 'Hội', 'Năm'): it ends
where the text's structure says so (a line end, punctuation, a lowercase word, the next unit). These are
the phrases that follow a name with nothing structural between them: a capitalised title or clause
('của UBND tỉnh Lâm Đồng Về việc ...'), a period in a title written in capitals ('XÃ CAO LÂU NĂM 2024').
No official unit name holds one of them, nor a signer's title, which also ends a name (tests/test_header.py
checks both against the vietnamadminunits tables): a name is never cut by one.
"""

from __future__ import annotations

# The dashes that join the two parts of an official name ('Bà Rịa - Vũng Tàu', 'Phan Rang–Tháp Chàm'): hyphen,
# Unicode hyphen, non-breaking hyphen, figure dash, en dash, em dash.
NAME_DASH = "[-‐‑‒–—]"

# Phrases that open a clause, a cited title or a list item, matched whatever the case. A one-syllable
# phrase is one no unit name has as a later syllable; a syllable some names have ('Thông': 'Linh Thông';
# 'Ban': 'Nam Ban') is listed only with the word that follows it in the phrase.
OPENING_PHRASES: tuple[str, ...] = (
    "Về việc", "Về", "Việc", "Để", "Theo", "Trên", "Trong", "Tại", "Nay", "Ngày", "Số",
    "Ban hành", "Ban chỉ đạo", "Căn cứ", "Thực hiện", "Triển khai", "Xây dựng", "Quyết định", "Kế hoạch",
    "Thông báo", "Thông tư", "Công văn", "Hướng dẫn", "Báo cáo", "Nghị quyết", "Nghị định", "Chỉ thị",
    "Tờ trình", "Hội nghị", "Phê duyệt", "Quy định", "Sửa đổi", "Bổ sung", "Hỗ trợ", "Phân bổ", "Giao chỉ tiêu",
)

# A period after a name: 'XÃ CAO LÂU NĂM 2024', 'HUYỆN CẨM THỦY GIAI ĐOẠN 2021-2025'. The year makes it
# one: 'THỊ XÃ NGÃ NĂM' is a name.
PERIOD_WORDS: tuple[str, ...] = ("giai đoạn", "đến năm", "từ năm", "trong năm", "năm")

# Each example: (text, the name read). Tests run every one.
NAME_END_EXAMPLES: list[tuple[str, str]] = [
    ("UBND xã Thành Công tổ chức", "Thành Công"),
    ("ỦY BAN NHÂN DÂN XÃ VŨ HỘI", "Vũ Hội"),
    ("của UBND tỉnh Lâm Đồng Về việc ban hành", "Lâm Đồng"),
    ("UBND xã Linh Thông Thực hiện Kế hoạch", "Linh Thông"),
    ("TRÊN ĐỊA BÀN XÃ CAO LÂU NĂM 2024", "Cao Lâu"),
    ("TRÊN ĐỊA BÀN THỊ XÃ NGÃ NĂM NĂM 2024", "Ngã Năm"),
    ("TRÊN ĐỊA BÀN HUYỆN CẨM THỦY GIAI ĐOẠN 2021 - 2025", "Cẩm Thủy"),
    ("địa bàn xã Đông Các Đến Năm 2030", "Đông Các"),
]
