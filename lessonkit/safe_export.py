"""Tables leaving the app (CSV, Excel) that are safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is a formula to Excel, LibreOffice and Google Sheets; a student's
name such as ``=HYPERLINK("http://…")`` would run there. Following OWASP's
advice, such text cells get a leading ``'`` so they are shown as typed.
Numbers stay numbers. CSV is UTF-8 with a BOM, so Excel reads Indonesian text.
"""

from __future__ import annotations

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
