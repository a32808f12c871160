"""kehoach report: the self-contained comparison page, its charts and links, checked in Chromium too."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from extractor import store
from extractor.batch import extract_into
from extractor.charts import BAR_WIDTH, Bar, bar_chart
from extractor.cli import main
from extractor.report_html import planned_rate, render_report

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "plans.db"
    extract_into(path, sorted(CORPUS.glob("*.txt")))
    return path


@pytest.fixture(scope="module")
def page(db_path) -> str:
    return render_report(store.open_db(db_path), base=CORPUS.parent)


def _section(page: str, anchor: str) -> str:
    return page.split(f'<section id="{anchor}">', 1)[1].split("</section>", 1)[0]


def _figures(html: str) -> list[tuple[str, str]]:
    """(caption, svg) of every chart in ``html``."""
    return regex.findall(r"<figcaption>(.*?)</figcaption>(<svg.*?</svg>)", html)


def test_compare_table_has_one_row_per_plan_with_vietnamese_numbers(page):
    table = _section(page, "so-sanh")
    rows = regex.findall(r"<tr id=\"so-sanh-[0-9a-f]+\">(.*?)</tr>", table)
    assert len(rows) == 5
    assert "<th>Kinh phí kế hoạch (đồng)</th>" in table and "<th>Tỷ lệ hộ nghèo (%)</th>" in table
    lai_chau = next(row for row in rows if ">Lai Châu<" in row)
    assert "<td>1.728.000.000</td>" in lai_chau  # 001: "1.728 triệu đồng"
    cam_binh = next(row for row in rows if ">Cẩm Bình<" in row)
    # 004: 67 poor households, 2,66 %, near-poor 2,27 %, planned reduction 0,91 points and 23 households.
    for cell in ("<td>67</td>", "<td>2,66</td>", "<td>2,27</td>", "<td>0,91</td>", "<td>23</td>"):
        assert cell in cam_binh
    assert '<td class="bad">4</td>' in cam_binh
    assert "(chưa rõ địa bàn)" in table  # 002 names no place of its own


def test_budget_charts_have_one_bar_per_component(page):
    charts = dict(_figures(_section(page, "kinh-phi")))
    planned = charts["Kinh phí kế hoạch theo hợp phần (đồng)"]
    # 001 plans seven components; 530, 342 and 685 million đồng read from its text.
    assert planned.count("<rect") == 7
    assert planned.count("Lai Châu — 2024") == 1
    for amount in ("530.000.000", "342.000.000", "685.000.000"):
        assert f">{amount}</text>" in planned
    earlier = charts["Kinh phí đã thực hiện năm trước theo hợp phần (đồng)"]
    # 000 reports 700 million (Dự án 1) and 380 million (Dự án 3) spent the year before.
    assert earlier.count("<rect") == 2 and ">700.000.000</text>" in earlier and ">380.000.000</text>" in earlier


def test_budget_bars_are_scaled_to_the_largest(page):
    planned = dict(_figures(_section(page, "kinh-phi")))["Kinh phí kế hoạch theo hợp phần (đồng)"]
    widths = [float(w) for w in regex.findall(r'<rect class="bar planned_vnd"[^>]* width="([\d.]+)"', planned)]
    assert max(widths) == BAR_WIDTH  # 685 million, the largest
    assert min(widths) == pytest.approx(BAR_WIDTH * 17 / 685, abs=0.1)


def test_poverty_chart_shows_base_and_aimed_rates(page):
    chart = _section(page, "ty-le-ngheo")
    # 004: 2,66 % in 2023; the plan states 1,82 % for 2024 and a cut of 0,91 points (2,66 − 0,91 = 1,75).
    assert ">2,66%</text>" in chart and ">1,82%</text>" in chart and ">1,75% (giảm 0,91 điểm %)</text>" in chart
    assert ">8,9%</text>" in chart  # 000: 8,9 % in 2023, no planned cut
    assert ">giảm 0,52 điểm %</text>" in chart  # 002: only the cut
    assert chart.count("<rect") == 5  # 004: three bars, 000 and 002: one each
    assert "Đa Quyn" not in chart  # 003 states no poor rate


def test_findings_chart_has_errors_and_warnings_per_plan(page):
    chart = _section(page, "phat-hien")
    assert chart.count('<rect class="bar error"') == 5 and chart.count('<rect class="bar warning"') == 5
    # 004: four errors (its golden findings) and one warning; 001: one warning.
    cam_binh = chart.split("Cẩm Bình — 2024", 1)[1]
    assert regex.findall(r'class="value"[^>]*>(\d+)</text>', cam_binh)[:2] == ["4", "1"]
    lai_chau = chart.split("Lai Châu — 2024", 1)[1]
    assert regex.findall(r'class="value"[^>]*>(\d+)</text>', lai_chau)[:2] == ["0", "1"]


def test_every_internal_link_has_its_target_and_every_bar_links_to_a_plan(page):
    ids = set(regex.findall(r'\bid="([^"]+)"', page))
    targets = regex.findall(r'href="#([^"]+)"', page)
    assert targets and not [t for t in targets if t not in ids]
    plan_ids = {i for i in ids if i.startswith("doc-")}
    assert len(plan_ids) == 5
    links = regex.findall(r'<a class="bar-link" href="#(doc-[0-9a-f]+)">', page)
    assert len(links) == page.count("<rect") and set(links) == plan_ids


def test_plan_list_links_to_the_files(page):
    plans = _section(page, "van-ban")
    assert plans.count("<li id=\"doc-") == 5
    path = CORPUS / "004_c0fdcc1763c22669.txt"
    assert f'href="{path.as_uri()}">{path}</a>' in plans
    assert "Số, ký hiệu: 4159/KH-UBND" in plans and "Năm kế hoạch: 2025" in plans


def test_page_is_self_contained(page):
    assert "http" not in page and "<script" not in page and "src=" not in page
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page and "<style>" in page
    assert "Bảng so sánh các địa bàn" in page and "Các kế hoạch làm căn cứ" in page


def test_text_from_the_plans_is_escaped(db_path, tmp_path):
    copy = tmp_path / "plans.db"
    shutil.copy(db_path, copy)
    db = store.open_db(copy)
    db.execute("update documents set commune = '<b>Tân & Hòa</b>', title = '<script>x()</script>' where commune = 'Cẩm Bình'")
    db.execute("update document_summary set commune = '<b>Tân & Hòa</b>', place = '<b>Tân & Hòa</b>' where commune = 'Cẩm Bình'")
    db.conn.commit()
    page = render_report(db)
    assert "<b>Tân" not in page and "<script>" not in page
    assert "&lt;b&gt;Tân &amp; Hòa&lt;/b&gt;" in page and "&lt;script&gt;x()&lt;/script&gt;" in page


def test_empty_database_gives_a_page_saying_so(tmp_path):
    page = render_report(store.open_db(tmp_path / "empty.db"))
    assert "Chưa có kế hoạch nào" in page and "<svg" not in page
    assert not regex.findall(r'href="#', page)


@pytest.mark.parametrize(
    ("base", "cut", "expected"),
    [(2.66, 0.91, Decimal("1.75")), (8.9, 1.0, Decimal("7.9")), (8.9, None, None), (None, 0.52, None)],
)
def test_planned_rate_is_base_minus_cut_in_decimals(base, cut, expected):
    assert planned_rate({"poor_rate_percent": base, "planned_poor_reduction_points": cut}) == expected


def test_bar_chart_scales_groups_and_keeps_zero_visible():
    svg = bar_chart(
        [("Xã A", [Bar("Dự án 1", 200, "200", "#doc-a"), Bar("Dự án 2", 0, "0", "#doc-a")]),
         ("Xã <B>", [Bar("Dự án 1", 100, "100")])],
        "Thử",
    )
    widths = [float(w) for w in regex.findall(r'<rect[^>]* width="([\d.]+)"', svg)]
    assert widths == [BAR_WIDTH, 1.5, BAR_WIDTH / 2]
    assert svg.count('<a class="bar-link" href="#doc-a">') == 2 and "Xã &lt;B&gt;" in svg


def test_cli_writes_the_report(db_path, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--db", str(db_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 plans" in result.output and "1.728.000.000" in out.read_text(encoding="utf-8")


def _png_pixels(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        if data[offset + 4:offset + 8] == b"IDAT":
            chunks.append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    return width, height, zlib.decompress(b"".join(chunks))


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_chromium_draws_the_page(page, tmp_path):
    html = tmp_path / "report.html"
    html.write_text(page, encoding="utf-8")
    png = tmp_path / "report.png"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1400,2000",
         html.as_uri()],
        check=True, capture_output=True, timeout=60,
    )
    width, height, pixels = _png_pixels(png)
    assert (width, height) == (1400, 2000)
    # A blank page compresses to a few values; text, bars in several colours give many.
    assert len(set(pixels)) > 50
