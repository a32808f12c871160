"""A PlanDocument as text a reviewer reads in a terminal."""

from __future__ import annotations

from schemas import PlanDocument, PovertyStat, Value


def _vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đ"


def _v(located: Value | None) -> str:
    return "—" if located is None else str(located.value)


def _notes(stat: PovertyStat) -> str:
    """'  [kế hoạch, below, bảng]': a planned figure, its bound, read from a table."""
    notes = ["kế hoạch"] if stat.planned else []
    notes += [stat.comparator] if stat.comparator else []
    notes += ["bảng"] if stat.origin == "table" else []
    return f"  [{', '.join(notes)}]" if notes else ""


def describe(document: PlanDocument) -> str:
    """A readable summary of everything extracted from one file."""
    header = document.header
    lines = [f"{document.path}  [{document.format}, {document.status}]"]
    if document.message:
        lines.append(f"  {document.message}")
    date = header.issue_date.value.iso if header.issue_date else None
    number = "(để trống)" if header.number_blank else _v(header.so_hieu)
    lines += [
        f"  Loại: {_v(header.doc_type)}   Số: {number}   Ngày: {date or '—'}   Nơi: {_v(header.issue_place)}",
        f"  Cơ quan ban hành: {_v(header.issuer)} ({header.issuer_level or '—'})   Năm kế hoạch: {_v(header.plan_year)}",
        f"  Tỉnh/Huyện/Xã: {_v(header.province)} / {_v(header.district)} / {_v(header.commune)}",
        f"  Trích yếu: {_v(header.title)}",
        f"  Người ký: {_v(header.signer)} ({_v(header.signer_capacity)})",
    ]
    lines.append(f"\nVăn bản được viện dẫn ({len(document.references)}):")
    for ref in document.references:
        ref_date = ref.issue_date.value.iso if ref.issue_date else "—"
        lines.append(f"  {_v(ref.doc_type)} {ref.so_hieu.value}  ngày {ref_date}  {_v(ref.issuer)}")
    lines.append(f"\nKinh phí ({len(document.budget_items)}):")
    for item in document.budget_items:
        total = " [TỔNG]" if item.is_total else ""
        lines.append(
            f"  {_vnd(item.amount_vnd.value):>20}  {item.kind:<12} {item.year or '':<5} "
            f"{item.component or ''}: {item.label}{total}"
        )
    lines.append(f"\nChỉ tiêu ({len(document.targets)}):")
    for target in document.targets:
        lines.append(f"  {target.comparator:<8} {target.value.value} {target.unit:<8} {target.year or ''}  {target.indicator}")
    lines.append(f"\nThống kê nghèo ({len(document.poverty_stats)}):")
    for stat in document.poverty_stats:
        lines.append(
            f"  {stat.category:<16} {stat.measure:<9} {stat.year or '':<5} {stat.village or '':<14} "
            f"hộ={_v(stat.households)} / {_v(stat.total_households)}  tỷ lệ={_v(stat.rate_percent)}%{_notes(stat)}"
        )
    lines.append(f"\nHộ gia đình ({len(document.households)}):")
    for household in document.households:
        lines.append(
            f"  {household.village or '—'}: {household.honorific or ''} {household.name.value} "
            f"({household.category or '—'}), {_v(household.members)} khẩu, {_v(household.workers)} lao động; "
            f"{_v(household.cause)}"
        )
    lines.append(f"\nBảng ({len(document.tables)}):")
    for table in document.tables:
        lines.append(f"  #{table.index} {table.title or ''} ({len(table.rows)} dòng, ĐVT: {table.unit or '—'})")
    return "\n".join(lines)
