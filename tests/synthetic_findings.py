"""A short plan whose numbers disagree, with findings built by hand (the output tests do not depend on the rules)."""

from decimal import Decimal

from extractor.checks.finding import finding
from extractor.pipeline import extract_text
from schemas import Evidence, PlanDocument

# 75/1.250 is 6,00%, not 6,40%; 300 + 150 is 450, not 500. '<' '&' '"' test the escaping.
PLAN = """ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 27/KH-UBND
Tân Lập, ngày 14 tháng 3 năm 2025

KẾ HOẠCH
Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025

Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;

I. THỰC TRẠNG
Toàn xã có 1.250 hộ; cuối năm 2024 còn 75 hộ nghèo, chiếm tỷ lệ 6,40%; 40 hộ cận nghèo, chiếm 3,20%.
Ghi chú: số liệu <tạm tính> của "Ban chỉ đạo" & thôn Đồng Tâm.

II. KINH PHÍ
Tổng kinh phí thực hiện: 500 triệu đồng, trong đó:
1. Dự án 2: Đa dạng hóa sinh kế: 300 triệu đồng.
2. Dự án 4: Phát triển giáo dục nghề nghiệp: 150 triệu đồng.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Lê Thị Hoa
"""

RATE_MESSAGE = "Tỷ lệ hộ nghèo ghi 6,40% nhưng 75 hộ / 1.250 hộ = 6,00%"
BUDGET_MESSAGE = "Tổng kinh phí ghi 500 triệu đồng nhưng các dự án cộng lại là 450 triệu đồng"
WARNING_MESSAGE = "Số hộ nghèo 75 hộ <cần xem lại> & \"đối chiếu\" với danh sách"


def span(document: PlanDocument, needle: str, nth: int = 0) -> Evidence:
    """The evidence of the ``nth`` occurrence of ``needle`` in the document's text."""
    start = -1
    for _ in range(nth + 1):
        start = document.text.index(needle, start + 1)
    return Evidence(start=start, end=start + len(needle), raw=needle)


def plan_with_findings() -> PlanDocument:
    """The plan above, its findings replaced by two errors and a warning that overlaps the first error."""
    document = extract_text(PLAN, path="tan_lap_27.txt")
    document.findings = [
        finding("budget_total_mismatch", "error", BUDGET_MESSAGE, stated=500_000_000, expected=450_000_000,
                tolerance=0, evidence=[span(document, "500 triệu đồng"), span(document, "300 triệu đồng"),
                                       span(document, "150 triệu đồng")]),
        finding("poverty_rate_mismatch", "error", RATE_MESSAGE, stated=Decimal("6.40"), expected=Decimal("6.00"),
                tolerance=Decimal("0.005"),
                evidence=[span(document, "6,40%"), span(document, "75 hộ"), span(document, "1.250 hộ")]),
        finding("households_exceed_total", "warning", WARNING_MESSAGE, evidence=[span(document, "75 hộ nghèo")]),
    ]
    return document
