"""Tables leaving the app (CSV, Excel) that are safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is a formula to Excel, LibreOffice and Google Sheets; a student's
name such as ``=HYPERLINK("http://…")`` would run there. Following OWASP's
advice, such text cells get a leading ``'`` so they are shown as typed.
Numbers stay numbers. CSV is UTF-8 with a BOM, so Excel reads Indonesian text.

In an Excel workbook (`xlsx_bytes`) every text cell is stored as text, never
as a formula, and text that looks like one also gets Excel's quote prefix: it
shows exactly as typed and stays text even when a cell is edited.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A text cell that cannot be read as a formula; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell (and column name) made safe."""
    safe = frame.map(safe_cell)
    safe.columns = [safe_cell(c) for c in frame.columns]
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as a formula-safe UTF-8 CSV with a BOM (opens correctly in Excel)."""
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


MIN_WIDTH, MAX_WIDTH = 6, 60


def _plain(value):
    """A value openpyxl can store: numpy scalars unwrapped, missing values empty."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list | tuple | set | frozenset | dict):
        return str(value)
    return value


def _write(cell, value) -> None:
    value = _plain(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl reads text starting with "=" as a formula; this keeps it text
        cell.quotePrefix = value.startswith(FORMULA_START)


def _width(header, values) -> float:
    longest = max([len(str(header)), *(len(str(v)) for v in values if _plain(v) is not None)])
    return min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame], formats: Mapping[str, str] | None = None) -> bytes:
    """A formula-safe Excel workbook: one sheet per frame (index not written), bold frozen header row
    with filters, fitted column widths (long text wraps), and ``formats`` (column name → Excel number
    format such as ``"0.00"`` or ``"0%"``) applied to the columns of that name."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for title, frame in sheets.items():
        sheet = book.create_sheet(title)
        for col, name in enumerate(frame.columns, start=1):
            head = sheet.cell(row=1, column=col)
            _write(head, str(name))
            head.font, head.fill = header_font, header_fill
            head.alignment = Alignment(vertical="top", wrap_text=True)
            values = frame.iloc[:, col - 1].tolist()
            width = _width(name, values)
            number_format = (formats or {}).get(name)
            for row, value in enumerate(values, start=2):
                cell = sheet.cell(row=row, column=col)
                _write(cell, value)
                if number_format:
                    cell.number_format = number_format
                if width == MAX_WIDTH:
                    cell.alignment = Alignment(vertical="top", wrap_text=True)
            sheet.column_dimensions[get_column_letter(col)].width = width
        sheet.freeze_panes = "A2"
        if len(frame.columns):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
