"""The item analysis workbook (Nilai, Analisis Butir, Pengecoh, Ringkasan) and CSV files, read back."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from lessonkit.analytics import analyse
from lessonkit.analytics.export import SHEETS, csv_files, workbook
from tests.lessonkit.analytics.test_worked_example import CHOICES, scores

EVIL = '=HYPERLINK("http://contoh.invalid","Klik")'


@pytest.fixture
def result():
    frame = scores().rename(index={"S01": EVIL})
    choices = pd.DataFrame(CHOICES).rename(index={"S01": EVIL})
    return analyse(frame, choices, keys={"I2": ["B"], "I3": ["A"]}, options={"I2": list("ABCD"), "I3": list("ABCD")},
                   sources={"I1": ("quizzes/01.yaml", 8)})


def _rows(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_workbook_has_the_sheets_with_indonesian_headers_and_the_hand_computed_figures(result):
    book = openpyxl.load_workbook(io.BytesIO(workbook(result)))
    assert book.sheetnames == list(SHEETS)
    items = _rows(book["Analisis Butir"])
    header = items[0]
    assert header[:7] == ["No", "Soal", "P", "Kategori P", "D", "Kategori D", "r pbis"]
    column = {name: i for i, name in enumerate(header)}
    by_item = {row[column["Soal"]]: row for row in items[1:]}
    assert by_item["I3"][column["D"]] == pytest.approx(-0.2)
    assert by_item["I3"][column["Rekomendasi"]] == "buang"
    assert by_item["I1"][column["File"]] == "quizzes/01.yaml" and by_item["I1"][column["Baris"]] == 8
    assert book["Analisis Butir"].cell(2, column["P"] + 1).number_format == "0.00"
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold


def test_nilai_sheet_ranks_students_keeps_a_formula_name_as_text_and_gives_marks(result):
    sheet = openpyxl.load_workbook(io.BytesIO(workbook(result)))["Nilai"]
    rows = _rows(sheet)
    assert rows[0] == ["No", "Nama", "I1", "I2", "I3", "I4", "I5", "Jumlah skor", "Nilai", "Kelompok"]
    assert rows[1][1] == EVIL and sheet["B2"].data_type == "s"
    assert rows[1][7:] == [5, 100, "atas"]
    assert rows[-1][7:] == [0, 0, "bawah"]


def test_pengecoh_sheet_gives_shares_as_percent(result):
    sheet = openpyxl.load_workbook(io.BytesIO(workbook(result)))["Pengecoh"]
    rows = _rows(sheet)
    assert rows[0] == ["Soal", "Pilihan", "Teks pilihan", "Kunci", "Kelompok atas", "Kelompok bawah", "Semua siswa",
                       "Keterangan"]
    flagged = next(r for r in rows if r[0] == "I3" and r[1] == "B")
    assert flagged[4:7] == [pytest.approx(0.6), 0, pytest.approx(0.3)] and flagged[7].startswith("dicurigai")
    assert sheet["E2"].number_format == "0%"


def test_csv_files_are_utf8_with_bom_rounded_and_formula_safe(result):
    files = csv_files(result)
    assert set(files) == {"nilai.csv", "analisis-butir.csv", "pengecoh.csv", "ringkasan.csv"}
    assert all(data.startswith(b"\xef\xbb\xbf") for data in files.values())
    assert "'=HYPERLINK" in files["nilai.csv"].decode("utf-8-sig")
    items = pd.read_csv(io.BytesIO(files["analisis-butir.csv"]), encoding="utf-8-sig")
    assert items["r pbis"].tolist() == [0.35, 0.35, -0.11, 0.31, 0.0]
    assert "Reliabilitas (KR-20)" in files["ringkasan.csv"].decode("utf-8-sig")
