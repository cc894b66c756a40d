"""The item analysis as tables with Indonesian headers, an Excel workbook and CSV files.

Sheets: "Nilai" (each student's item scores, total, mark and group),
"Analisis Butir" (one row per item), "Pengecoh" (one row per option) and
"Ringkasan" (class size, groups, reliability, warning). Everything leaves
through `lessonkit.rules.safe_export`, so a name like ``=HYPERLINK(…)`` stays text.
The same tables serve the dashboard.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping

import pandas as pd

from ..rules.safe_export import csv_bytes, xlsx_bytes
from .analysis import Analysis

SHEETS = ("Nilai", "Analisis Butir", "Pengecoh", "Ringkasan")
FORMATS = {
    "Skor": "0.00", "Jumlah skor": "0.00", "Nilai": "0", "P": "0.00", "D": "0.00", "r pbis": "0.00",
    "BA": "0.##", "BB": "0.##", "Kelompok atas": "0%", "Kelompok bawah": "0%", "Semua siswa": "0%",
}
CSV_NAMES = {"Nilai": "nilai.csv", "Analisis Butir": "analisis-butir.csv", "Pengecoh": "pengecoh.csv",
             "Ringkasan": "ringkasan.csv"}


def _group(upper: float, lower: float) -> str:
    if upper >= 1:
        return "atas"
    if lower >= 1:
        return "bawah"
    if upper > 0 or lower > 0:
        return "atas (sebagian)" if upper >= lower else "bawah (sebagian)"
    return "tengah"


def score_table(analysis: Analysis, marks: Mapping[Hashable, int | str] | None = None) -> pd.DataFrame:
    """One row per student, best first: item scores, total, mark out of 100 and group.

    ``marks`` (student key, as in the analysis, → mark or status, `gradebook.Column.cell`) gives the weighted
    marks every screen shows, and adds a row for each student it lists who is not in the analysis (not started
    or not submitted); without it every item counts one point.
    """
    scores = analysis.scores
    items = len(scores.columns)
    if marks is None:
        marks = {name: analysis.totals[name] / items * 100 if items else math.nan for name in scores.index}
    order = sorted(scores.index, key=lambda name: -marks[name])
    table = scores.loc[order].copy()
    table.insert(0, "Nama", [analysis.label(student) for student in order])
    table["Jumlah skor"] = analysis.totals.loc[order]
    table["Nilai"] = [marks[name] for name in order]
    groups = analysis.groups
    table["Kelompok"] = [_group(groups.upper[s], groups.lower[s]) for s in order]
    absent = pd.DataFrame({"Nama": [analysis.label(n) for n in marks if n not in scores.index],
                           "Nilai": [m for n, m in marks.items() if n not in scores.index]})
    table = pd.concat([table, absent], ignore_index=True) if len(absent) else table.reset_index(drop=True)
    table.insert(0, "No", range(1, len(table) + 1))
    return table


def item_table(analysis: Analysis) -> pd.DataFrame:
    items = analysis.items
    return pd.DataFrame({
        "No": range(1, len(items) + 1), "Soal": items.index, "P": items["p"], "Kategori P": items["kategori_p"],
        "D": items["d"], "Kategori D": items["kategori_d"], "r pbis": items["rpbis"], "BA": items["ba"],
        "JA": items["ja"], "BB": items["bb"], "JB": items["jb"], "Dijawab": items["dijawab"],
        "Rekomendasi": items["rekomendasi"], "Alasan": items["alasan"], "Pengecoh": items["pengecoh"],
        "File": items["file"], "Baris": items["baris"],
    }).reset_index(drop=True)


def distractor_table(analysis: Analysis) -> pd.DataFrame:
    table = analysis.distractors
    return pd.DataFrame({
        "Soal": table["soal"], "Pilihan": table["opsi"], "Teks pilihan": table["teks"],
        "Kunci": table["kunci"].map({True: "ya", False: ""}), "Kelompok atas": table["atas"],
        "Kelompok bawah": table["bawah"], "Semua siswa": table["semua"], "Keterangan": table["keterangan"],
    }).reset_index(drop=True)


def summary_table(analysis: Analysis, marks: Mapping[Hashable, int | str] | None = None) -> pd.DataFrame:
    reliability = analysis.reliability
    items = len(analysis.scores.columns)
    shown = score_table(analysis, marks)["Nilai"].iloc[:analysis.students]
    rows = [
        ("Jumlah siswa", analysis.students),
        ("Jumlah soal", items),
        ("Rata-rata nilai", round(float(shown.mean()), 1) if items and len(shown) else None),
        ("Kelompok atas dan bawah", analysis.groups.description),
        ("Skor sama di batas kelompok", analysis.groups.ties or "tidak ada"),
        (f"Reliabilitas ({reliability.method})",
         None if math.isnan(reliability.value) else round(reliability.value, 2)),
        ("Tafsiran reliabilitas", reliability.text),
        ("Peringatan", analysis.warning or ""),
    ]
    return pd.DataFrame(rows, columns=["Keterangan", "Isi"])


def tables(analysis: Analysis, marks: Mapping[Hashable, int | str] | None = None) -> dict[str, pd.DataFrame]:
    return dict(zip(SHEETS, (score_table(analysis, marks), item_table(analysis), distractor_table(analysis),
                             summary_table(analysis, marks)), strict=True))


def workbook(analysis: Analysis, marks: Mapping[str, int | str] | None = None) -> bytes:
    """The .xlsx file: the four sheets with number formats, frozen header row and fitted widths."""
    sheets = tables(analysis, marks)
    formats = {**FORMATS, **dict.fromkeys(analysis.scores.columns, FORMATS["Skor"])}
    return xlsx_bytes(sheets, formats)


def csv_files(analysis: Analysis, marks: Mapping[str, int | str] | None = None) -> dict[str, bytes]:
    """One UTF-8 (BOM) CSV per sheet, figures rounded to two decimals, keyed by file name."""
    return {CSV_NAMES[name]: csv_bytes(frame.round(2)) for name, frame in tables(analysis, marks).items()}
