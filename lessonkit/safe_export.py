"""Tables leaving the app (CSV, Excel) that are safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab, a line break (or
their full-width forms, which some spreadsheets read the same way) is a
formula to Excel, LibreOffice and Google Sheets; a student's name such as
``=HYPERLINK("http://…")`` would run there. How to use it:

- CSV: ``csv_bytes(frame)``. Following OWASP's advice, such text cells get a
  leading ``'`` so they are shown as typed; numbers stay numbers. UTF-8 with
  a BOM, so Excel reads Indonesian text; CRLF line ends (RFC 4180), so a line
  break inside a cell is quoted and stays inside it.
- Excel: ``xlsx_bytes(frame)``. Every text cell is written as text (never a
  formula) with Excel's "quote prefix", so it shows exactly as typed, without
  a visible ``'``, and stays text when someone edits it. Characters a
  workbook cannot hold (control characters) are dropped.
- A table shown with ``st.dataframe``: its toolbar can download CSV, so give
  it ``safe_frame(frame)`` when it holds text a person typed.
- One value: ``safe_cell(value)``.
"""

from __future__ import annotations

import io
import math
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


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "Data") -> bytes:
    """``frame`` as an Excel workbook in which every text cell is text, never a formula."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    table = book.active
    table.title = ILLEGAL_CHARACTERS_RE.sub("", sheet)[:31] or "Data"
    for row, values in enumerate([list(frame.columns), *frame.itertuples(index=False, name=None)], start=1):
        for column, value in enumerate(values, start=1):
            cell = table.cell(row=row, column=column)
            value = _excel_value(value)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.data_type = "s"
                cell.quotePrefix = True
            else:
                cell.value = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _excel_value(value):
    """A value openpyxl writes as is (number, truth value, naive date/time, None); anything else as text."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        value = None if pd.isna(value) else value.to_pydatetime()
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, datetime | date | time):
        return value.replace(tzinfo=None) if getattr(value, "tzinfo", None) else value
    return str(value)
