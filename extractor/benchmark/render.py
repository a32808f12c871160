"""A synthetic plan written as a file: .txt, .docx (python-docx) or .pdf (fpdf2, the optional extra ``bench``,
with a DejaVu TrueType font: Debian's fonts-dejavu-core, the only module here that needs them).

Byte-identical for the same plan: the zip entries and document properties of a .docx carry fixed dates, a
PDF a fixed creation date and file id."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC
from pathlib import Path

from extractor.benchmark.plan import HeaderBlock, Plan, TableBlock

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/usr/share/fonts"))
_FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)

# --- rendering ---------------------------------------------------------------------------------------

NATIONAL = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def render_txt(plan: Plan) -> bytes:
    """The plan as a UTF-8 text copy (tab-separated tables, optional ``**bold**`` markers)."""
    style = plan.style
    lines: list[str] = []
    for block in plan.blocks:
        if isinstance(block, HeaderBlock):
            if style["header"] == "tabs":  # as a Word header table comes out of a text export
                lines += [f"{' '.join(block.left)}\t{' '.join(NATIONAL)}", f"{block.number}\t{block.place_date}"]
            else:
                lines += [*block.left, *NATIONAL, block.number, block.place_date]
        elif isinstance(block, TableBlock):
            lines += [block.title] + ([block.unit] if block.unit else [])
            lines += ["\t".join(row) for row in block.rows]
        elif block.kind == "village" and style["bold_markers"]:
            marker, _, rest = block.text.partition(" ")
            lines.append(f"{marker} **{rest}**")
        else:
            lines.append(block.text)
    joiner = "\n\n" if style["blank_lines"] else "\n"
    return (joiner.join(lines) + "\n").encode("utf-8")


def render_docx(plan: Plan) -> bytes:
    """The plan as a Word document: header table, bold headings, real tables; byte-identical for one plan."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    for block in plan.blocks:
        if isinstance(block, HeaderBlock):
            table = document.add_table(rows=2, cols=2)
            _cell_lines(table.cell(0, 0), block.left, bold=True)
            _cell_lines(table.cell(0, 1), list(NATIONAL), bold=True)
            _cell_lines(table.cell(1, 0), [block.number])
            _cell_lines(table.cell(1, 1), [block.place_date], italic=True)
        elif isinstance(block, TableBlock):
            document.add_paragraph(block.title).alignment = WD_ALIGN_PARAGRAPH.CENTER
            if block.unit:
                document.add_paragraph(block.unit).alignment = WD_ALIGN_PARAGRAPH.RIGHT
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            for tr, row in zip(table._tbl.tr_lst, block.rows):  # table.cell() re-reads the grid each call
                for tc, text in zip(tr.tc_lst, row):
                    tc.p_lst[0].add_r().text = text
        else:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.bold = block.kind in ("heading", "centre", "village", "sign")
            if block.kind == "centre":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    properties = document.core_properties
    fixed = _fixed_datetime()
    properties.created = properties.modified = properties.last_printed = fixed
    properties.author = properties.last_modified_by = "kehoach benchmark"
    properties.title = plan.manifest["title"]
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _cell_lines(cell, lines: list[str], bold: bool = False, italic: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    first = True
    for line in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = paragraph.add_run(line)
        run.bold, run.italic = bold, italic
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _fixed_datetime():
    from datetime import datetime

    return datetime(*_FIXED_ZIP_TIME, tzinfo=UTC)


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ``_FIXED_ZIP_TIME`` (python-docx stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def find_font(bold: bool = False) -> Path:
    """A DejaVu Serif (or Sans) TrueType file, which has every Vietnamese letter."""
    names = ("DejaVuSerif-Bold.ttf", "DejaVuSans-Bold.ttf") if bold else ("DejaVuSerif.ttf", "DejaVuSans.ttf")
    for name in names:
        for folder in FONT_DIRS:
            found = sorted(folder.rglob(name)) if folder.is_dir() else []
            if found:
                return found[0]
    raise FileNotFoundError(
        "extractor/benchmark/generate.py: no DejaVu TrueType font found under /usr/share/fonts to write PDFs "
        "with; install it (apt-get install fonts-dejavu-core) or leave pdf out of --mix"
    )


def render_pdf(plan: Plan) -> bytes:
    """The plan as an A4 PDF with a text layer (fpdf2, DejaVu Serif); tables ruled, the header in two columns."""
    try:
        from fpdf import FPDF
    except ImportError:
        raise ImportError(
            "extractor/benchmark/generate.py: writing PDFs needs fpdf2: pip install 'kehoach[bench]' "
            "(or leave pdf out of --mix)"
        ) from None
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(_fixed_datetime())
    pdf.set_creator("kehoach benchmark")
    pdf.set_producer("kehoach benchmark")
    pdf.file_id = lambda: f"<{plan.index:032X}><{plan.index:032X}>"
    pdf.add_font("Serif", "", str(find_font()))
    pdf.add_font("Serif", "B", str(find_font(bold=True)))
    pdf.set_margins(20, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    _PdfLayout(pdf, plan.style["pdf_font_size"]).blocks(plan.blocks)
    return bytes(pdf.output())


class _PdfLayout:
    """Lines wrapped here (word widths cached) and placed with ``FPDF.text``: fpdf2's own multi_cell takes
    about a second per plan, which would make generating the benchmark's PDFs slower than reading them."""

    def __init__(self, pdf, size: int) -> None:
        self.pdf, self.size = pdf, size
        self.widths: dict[tuple[str, int, str], float] = {}
        self.y = pdf.t_margin

    def blocks(self, blocks: list) -> None:
        pdf = self.pdf
        width = pdf.epw
        for block in blocks:
            if isinstance(block, HeaderBlock):
                top = self.y
                self.paragraph(block.left, "B", 10, 0, width * 0.4, "C")
                self.paragraph([block.number], "", 10, 0, width * 0.4, "C")
                bottom, self.y = self.y, top
                self.paragraph(list(NATIONAL), "B", 10, width * 0.4, width * 0.6, "C")
                self.paragraph([block.place_date], "", 10, width * 0.4, width * 0.6, "C")
                self.y = max(bottom, self.y) + self.size * 0.5
            elif isinstance(block, TableBlock):
                self.paragraph([block.title], "B", self.size, 0, width, "C")
                if block.unit:
                    self.paragraph([block.unit], "", self.size - 1, 0, width, "R")
                self.table(block.rows)
            else:
                bold = block.kind in ("heading", "centre", "village", "sign")
                self.paragraph([block.text], "B" if bold else "", self.size, 0, width,
                               "C" if block.kind == "centre" else "L")
                self.y += self.size * 0.2

    def paragraph(self, texts: list[str], style: str, size: int, left: float, width: float, align: str) -> None:
        pdf = self.pdf
        pdf.set_font("Serif", style, size)
        line = size * 0.5
        for text in texts:
            for words in self._wrap(text, style, size, width):
                if self.y + line > pdf.h - pdf.b_margin:
                    pdf.add_page()
                    self.y = pdf.t_margin
                    pdf.set_font("Serif", style, size)
                self.y += line
                text_line = " ".join(words)
                used = self._width(text_line, style, size)
                x = pdf.l_margin + left + {"L": 0, "C": (width - used) / 2, "R": width - used}[align]
                pdf.text(x, self.y - line * 0.25, text_line)

    def _width(self, word: str, style: str, size: int) -> float:
        key = (style, size, word)
        if key not in self.widths:
            self.widths[key] = self.pdf.get_string_width(word)
        return self.widths[key]

    def _wrap(self, text: str, style: str, size: int, width: float) -> list[list[str]]:
        space = self._width(" ", style, size)
        lines: list[list[str]] = []
        current: list[str] = []
        used = 0.0
        for word in text.split(" "):
            need = self._width(word, style, size)
            if current and used + space + need > width:
                lines.append(current)
                current, used = [], 0.0
            used += (space if current else 0) + need
            current.append(word)
        lines.append(current)
        return lines

    def table(self, rows: list[list[str]]) -> None:
        pdf = self.pdf
        size = self.size - 2
        pdf.set_font("Serif", "", size)
        columns = len(rows[0])
        widths = (8, 40, *(52 / (columns - 2),) * (columns - 2)) if columns > 3 else (10, 60, 30)
        pdf.set_y(self.y + 1)
        with pdf.table(col_widths=widths, text_align="LEFT", line_height=size * 0.5, first_row_as_headings=False) as t:
            for row in rows:
                cells = t.row()
                for text in row:
                    cells.cell(text)
        self.y = pdf.get_y() + self.size * 0.5


RENDERERS = {"txt": render_txt, "docx": render_docx, "pdf": render_pdf}
