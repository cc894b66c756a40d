"""Tables leaving the app (CSV, Excel) that are safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab, a line break (or
their full-width forms, which some spreadsheets read the same way) is a
formula to Excel, LibreOffice and Google Sheets; a student's name such as
``=HYPERLINK("http://…")`` would run there. How to use it:

- CSV: ``csv_bytes(frame)``. Following OWASP's advice, such text cells get a
  leading ``'`` so they are shown as typed; numbers stay numbers. UTF-8 with
  a BOM, so Excel reads Indonesian text; CRLF line ends (RFC 4180), so a line
  break inside a cell is quoted and stays inside it.
- Excel: ``xlsx_bytes({"Sheet": frame, ...}, formats)``. Every text cell is
  written as text (never a formula); formula-like text also gets Excel's
  "quote prefix", so it shows exactly as typed, without a visible ``'``, and
  stays text when someone edits it. Characters a workbook cannot hold
  (control characters) are dropped. Header row bold, frozen and filtered;
  widths fitted; long text wraps.
- A table shown with ``st.dataframe``: its toolbar can download CSV, so give
  it ``safe_frame(frame)`` when it holds text a person typed.
- One value: ``safe_cell(value)``.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from datetime import date, datetime, time

import numpy as np
import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


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
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


MIN_WIDTH, MAX_WIDTH = 6, 60


def _excel_value(value):
    """A value openpyxl writes as is (number, truth value, naive date/time, None); anything else as text."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, datetime | date | time):
        return value.replace(tzinfo=None) if getattr(value, "tzinfo", None) else value
    return str(value)


def _write(cell, value) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = _excel_value(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = value
        cell.data_type = "s"  # openpyxl reads text starting with "=" as a formula; this keeps it text
        cell.quotePrefix = value.startswith(FORMULA_START)
    else:
        cell.value = value


def _width(header, values) -> float:
    longest = max([len(str(header)), *(len(str(v)) for v in values if _excel_value(v) is not None)])
    return min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame], formats: Mapping[str, str] | None = None) -> bytes:
    """A formula-safe Excel workbook: one sheet per frame (index not written), bold frozen header row
    with filters, fitted column widths (long text wraps), and ``formats`` (column name → Excel number
    format such as ``"0.00"`` or ``"0%"``) applied to the columns of that name."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for title, frame in sheets.items():
        sheet = book.create_sheet(ILLEGAL_CHARACTERS_RE.sub("", title)[:31] or "Data")
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
