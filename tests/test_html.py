"""The HTML page: the text intact, every value and finding span marked, self-contained, and it renders."""

import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from conftest import CORPUS
from extractor.cli import main
from extractor.highlight import Mark, anchor_id, ordered_findings, segments, value_marks
from extractor.html import render_html
from extractor.pipeline import extract_file, extract_source
from extractor.text import SourceText, normalise
from schemas import Evidence, Finding
from synthetic_findings import BUDGET_MESSAGE, PLAN, RATE_MESSAGE, WARNING_MESSAGE, plan_with_findings, span

CHROMIUM = Path("/usr/bin/chromium")


class _Page(HTMLParser):
    """The document text as the page shows it, and every mark with its offsets into that text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.marks: list[dict] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self._in_main = self._skip = 0
        self._mark: dict | None = None

    @property
    def position(self) -> int:
        return sum(map(len, self.text))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag == "main":
            self._in_main = 1
        elif self._in_main and (tag == "sup" or (tag == "h3" and attrs.get("class") == "page-no")):
            self._skip += 1
        elif self._in_main and tag == "br":
            self.text.append("\n")
        elif self._in_main and tag == "mark":
            self._mark = {**attrs, "start": self.position, "anchors": []}
        elif self._mark is not None and attrs.get("class") == "anchor":
            self._mark["anchors"].append(attrs["id"])

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = 0
        elif self._in_main and (tag == "sup" or tag == "h3") and self._skip:
            self._skip -= 1
        elif tag == "mark" and self._mark is not None:
            self._mark["end"] = self.position
            self.marks.append(self._mark)
            self._mark = None

    def handle_data(self, data):
        if self._in_main and not self._skip:
            self.text.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def assert_findings_marked(document, page: str) -> _Page:
    parsed = parse(page)
    findings = ordered_findings(document)
    text = "".join(parsed.text)
    assert text == document.text, "the page shows the document's text, every character once, in order"
    for number, found in enumerate(findings, start=1):
        assert _escaped(found.message) in page
        assert f'id="finding-{number}"' in page
        for index, evidence in enumerate(found.evidence):
            name = anchor_id(number, index)
            assert f'href="#{name}"' in page, "the side panel links to each span"
            holder = next(mark for mark in parsed.marks if name in mark["anchors"])
            assert holder["start"] == evidence.start or holder["start"] < evidence.start < holder["end"]
            assert "finding" in holder["class"] and str(number) in holder["data-findings"].split()
            covering = [
                mark for mark in parsed.marks
                if mark["start"] < evidence.end and mark["end"] > evidence.start
            ]
            assert all("finding" in mark["class"] for mark in covering), "findings win over kinds on their spans"
            assert min(mark["start"] for mark in covering) <= evidence.start
            assert max(mark["end"] for mark in covering) >= evidence.end
    return parsed


def _escaped(message: str) -> str:
    return message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def assert_self_contained(page: str) -> None:
    targets = regex.findall(r"""\b(?:src|href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", page)
    assert targets and all(target.startswith('"#') for target in targets), "only links inside the page"
    assert "<script" not in page and "@import" not in page and "url(" not in page and "<link" not in page
    assert '<meta charset="utf-8">' in page


@pytest.fixture(scope="module")
def corpus_004():
    return extract_file(next(CORPUS.glob("004*.txt")))


def test_004_page_marks_every_finding_span_and_keeps_the_text(corpus_004):
    page = render_html(corpus_004)
    assert_findings_marked(corpus_004, page)
    assert_self_contained(page)
    # The header summary and the legend sit above the text.
    top = page.split("<main>", 1)[0]
    assert "Cẩm Bình" in top and "Thực hiện Chương trình MTQG giảm nghèo bền vững năm 2024" in top
    for name in ("Thống kê nghèo", "Hộ gia đình", "Kinh phí", "Chỉ tiêu", "Văn bản viện dẫn", "Thông tin văn bản",
                 "Bảng", "Lỗi", "Cảnh báo"):
        assert f"<b>{name}</b>" in top


def test_004_inconsistent_poor_rate_is_marked_on_both_numbers(corpus_004):
    # 1,82% (section IV.1) and 1,74% (section 4.2) are the same plan's 2024 poor rate.
    document = corpus_004.model_copy(deep=True)
    document.findings = [Finding(rule="poverty_rate_conflict", severity="error",
                                 message="Tỷ lệ hộ nghèo năm 2024 ghi 1,82% nhưng chỗ khác ghi 1,74%",
                                 evidence=[span(document, "1,82%"), span(document, "1,74%")])]
    parsed = assert_findings_marked(document, render_html(document))
    marked = {document.text[mark["start"]:mark["end"]] for mark in parsed.marks if "finding" in mark["class"]}
    assert marked == {"1,82%", "1,74%"}


def test_every_value_read_is_highlighted(corpus_004):
    parsed = parse(render_html(corpus_004))
    kinds = [mark for mark in parsed.marks if mark["class"].startswith("kind-")]
    for value in value_marks(corpus_004):
        assert any(mark["start"] < value.end and mark["end"] > value.start for mark in parsed.marks), value
    labels = {mark["class"] for mark in kinds}
    assert {"kind-header", "kind-reference", "kind-poverty", "kind-household", "kind-target", "kind-table"} <= labels


def test_the_annex_table_is_drawn_as_a_table(corpus_004):
    # 004's annex: a header row, 11 villages, and the 'Tổng' row 67/23/57/35.
    page = render_html(corpus_004)
    table = page.split('<table class="doc-table">', 1)[1].split("</table>", 1)[0]
    rows = regex.findall(r"(?s)<tr[^>]*>(.*?)</tr>", table)
    assert len(rows) == len(corpus_004.tables[0].rows) == 13
    assert table.count('<tr class="header">') == 1 and table.count('<tr class="total">') == 1
    total = regex.findall(r"(?s)<tr class=\"total\">(.*?)</tr>", table)[0]
    assert [regex.sub(r"<[^>]+>", "", cell).strip() for cell in total.split("<td>")[1:]][:6] == \
        ["", "Tổng", "67", "23", "57", "35"]


def test_synthetic_plan_with_errors_and_an_overlapping_warning():
    document = plan_with_findings()
    page = render_html(document)
    parsed = assert_findings_marked(document, page)
    assert_self_contained(page)
    for message in (RATE_MESSAGE, BUDGET_MESSAGE, WARNING_MESSAGE):
        assert _escaped(message) in page
    assert "<cần xem lại>" not in page and "&lt;cần xem lại&gt; &amp; &quot;đối chiếu&quot;" in page
    # '<tạm tính>', '"Ban chỉ đạo"' and '&' in the text are escaped, the Vietnamese letters kept as they are.
    assert "số liệu &lt;tạm tính&gt; của &quot;Ban chỉ đạo&quot; &amp; thôn Đồng Tâm" in page
    by_text = {document.text[mark["start"]:mark["end"]]: mark for mark in parsed.marks}
    # The error on '75 hộ' wins over the warning on '75 hộ nghèo'; the warning keeps ' nghèo'.
    assert by_text["75 hộ"]["class"] == "finding error"
    assert by_text["75 hộ"]["data-findings"].split() == ["1", "3"]
    assert by_text[" nghèo"]["class"] == "finding warning"
    # Findings are listed errors first, numbered as the marks show them.
    panel = page.split('<aside class="panel">', 1)[1]
    assert panel.index(_escaped(RATE_MESSAGE)) < panel.index(_escaped(BUDGET_MESSAGE)) < panel.index(_escaped(WARNING_MESSAGE))
    assert "Phát hiện: 2 lỗi, 1 cảnh báo" in panel
    assert "ghi: 6,40 · các số khác cho: 6,00 · sai số cho phép: ±0,005" in panel


def paged_plan():
    """The synthetic plan as a PDF gives it: three pages, the third starting inside '500 triệu| đồng'."""
    text = normalise(PLAN)
    cuts = (0, text.index("I. THỰC TRẠNG"), text.index(" đồng, trong đó"))
    source = SourceText(text, page_starts=cuts)
    document = extract_source(source, document_id="paged", path="tan_lap_27.pdf", fmt="pdf")
    document.findings = [
        Finding(rule="budget_total_mismatch", severity="error", message=BUDGET_MESSAGE,
                evidence=[source.evidence(found.start, found.end)
                          for found in (span(document, "500 triệu đồng"), span(document, "300 triệu đồng"))]),
    ]
    return document


def test_pdf_pages_are_numbered_and_anchors_sit_on_their_page():
    document = paged_plan()
    page = render_html(document)
    sections = regex.findall(r'<section class="page" id="page-(\d+)"><h3 class="page-no">Trang (\d+)</h3>', page)
    assert sections == [("1", "1"), ("2", "2"), ("3", "3")]
    assert "tan_lap_27.pdf · pdf · ok · 3 trang" in page
    for index, evidence in enumerate(document.findings[0].evidence):
        section = page.split(f'id="{anchor_id(1, index)}"', 1)[0].rsplit('<section class="page" id="page-', 1)[1]
        assert int(section.split('"', 1)[0]) == evidence.page == [2, 3][index]
    assert "«500 triệu đồng»</a> <span class=where>tr. 2</span>" in page
    parsed = assert_findings_marked(document, page)
    # The span that runs over a page break is marked on both pages.
    first = document.findings[0].evidence[0]
    pieces = [document.text[m["start"]:m["end"]] for m in parsed.marks if m["start"] < first.end and m["end"] > first.start]
    assert pieces == ["500 triệu", " đồng"]


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        # inner wins over outer: a poverty count inside a header title
        ([(0, 10, "HEADER"), (3, 5, "POVERTY")], [(0, 3, "HEADER"), (3, 5, "POVERTY"), (5, 10, "HEADER")]),
        # a finding wins over an inner value
        ([(3, 5, "POVERTY"), (0, 10, "ERROR")], [(0, 10, "ERROR")]),
        # the same span: error over warning over kinds, kinds in KINDS order
        ([(2, 4, "TABLE"), (2, 4, "POVERTY")], [(2, 4, "POVERTY")]),
        ([(2, 4, "WARNING"), (2, 4, "ERROR")], [(2, 4, "ERROR")]),
        # partial overlap of two findings: the error keeps its whole span (cut where the warning ends)
        ([(0, 4, "WARNING"), (2, 6, "ERROR")], [(0, 2, "WARNING"), (2, 4, "ERROR"), (4, 6, "ERROR")]),
        # touching marks of one kind become one mark
        ([(0, 2, "HEADER"), (2, 5, "HEADER")], [(0, 5, "HEADER")]),
    ],
)
def test_overlaps_resolve_deterministically(monkeypatch, marks, expected):
    document = plan_with_findings()
    document.findings = []
    findings = []
    values = []
    for start, end, label in marks:
        if label in ("ERROR", "WARNING"):
            evidence = Evidence(start=start, end=end, raw=document.text[start:end])
            findings.append(Finding(rule="r", severity=label.lower(), message=f"m{len(findings)}", evidence=[evidence]))
        else:
            values.append(Mark(start, end, label, f"{label} {start}"))
    monkeypatch.setattr("extractor.highlight.value_marks", lambda _document: values)
    for attempt in range(2):
        got = [(part.start, part.end, part.label) for part in segments(document, findings)]
        assert got == expected
        values.reverse()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium (apt-get install chromium)")
def test_headless_chromium_draws_the_page(tmp_path):
    html_path = tmp_path / "plan.html"
    html_path.write_text(render_html(plan_with_findings()), encoding="utf-8")
    png = tmp_path / "plan.png"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1400,1000",
         html_path.as_uri()],
        check=True, capture_output=True, timeout=90,
    )
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1400, 1000)
    assert len(data) > 30_000, "a blank page compresses to a few kilobytes"
    from PIL import Image  # installed with pdfplumber

    with Image.open(png) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert len(colours) > 50, "text, highlights and panel give many colours"
    red = sum(count for count, (r, g, b) in colours if r > 200 and g < 190 and b < 190)
    assert red > 500, "the error marks (red) are visible in the first screen"


def test_show_html_writes_the_page_and_show_stays_as_it_was(small_plan, tmp_path):
    out = tmp_path / "plan.html"
    result = CliRunner().invoke(main, ["show", str(small_plan), "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output and "Văn bản được viện dẫn" not in result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Kế hoạch số 12/KH-UBND" in page
    plain = CliRunner().invoke(main, ["show", str(small_plan)])
    assert plain.exit_code == 0 and "Văn bản được viện dẫn (1)" in plain.output and "<html" not in plain.output

