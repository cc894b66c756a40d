"""The Hasil Kelas dashboard's tabs: Ringkasan (the class), Siswa (one member, read-only), Analisis Butir and
Kuis Langsung (`ui.teacher.class_live_results`).

Each tab is a function of a `ui.teacher.class_dashboard.Dashboard` (the teacher, the class, its members
and exams); the page lists them in ``TABS``, so a new tab is one line there.
Every store call carries the signed-in teacher's id. Names reach the page as
plain text: tables and select boxes show them as they are, charts get
``chart_label``; downloads leave through `lessonkit.rules.safe_export`.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from lessonkit.analytics import MIN_STUDENTS, export, gradebook
from lessonkit.analytics import item_charts as analysis_charts
from lessonkit.analytics.class_results import exam_matrix, item_labels, mastery_frames, mastery_heatmap
from lessonkit.analytics.items import decimal
from lessonkit.analytics.tp_mastery import tp_mastery
from lessonkit.quiz import class_exam
from lessonkit.rules.modes import Mode
from lessonkit.rules.safe_export import csv_bytes, safe_frame, xlsx_bytes
from ui import data
from ui.data import when, when_short
from ui.learn import progress_view, quiz_view
from ui.teacher import class_live_results
from ui.teacher.class_dashboard import Dashboard
from ui.text import chart_label, plain

if TYPE_CHECKING:
    from lessonkit.storage import ClassExamInfo

CHART = {"displayModeBar": False}
ITEM_COLUMNS = ["Soal", "P", "Kategori P", "D", "Kategori D", "r pbis", "Rekomendasi", "File", "Alasan"]


def _choose_exam(board: Dashboard, key: str) -> ClassExamInfo | None:
    if not board.exams:
        st.info("Kelas ini belum punya ujian. Buat ujian di halaman **Ujian Kelas**.")
        return None
    names = {e.id: f"{e.title} ({class_exam.status(e, time.time())})" for e in board.exams}
    chosen = st.selectbox("Ujian kelas", list(names), format_func=names.get, key=key)
    return next(e for e in board.exams if e.id == chosen)


# -- Ringkasan ------------------------------------------------------------------------------------------------------

def overview(board: Dashboard) -> None:
    if not board.members:
        st.info("Belum ada siswa yang bergabung. Tunjukkan kode gabung kelas di halaman **Kelas Saya**.")
        return
    lesson = data.lesson()
    ids = lesson.section_ids
    labels = board.labels
    progress = {m.student_id: board.store.member_progress(board.teacher.id, board.klass.id, m.student_id)
                for m in board.members}
    st.subheader(f"Siswa yang bergabung ({len(board.members)})")
    st.dataframe(safe_frame(pd.DataFrame([{
        "Nama panggilan": labels[m.student_id], "Bergabung": when_short(m.joined_at),
        "Materi dibuka": f"{sum(s in progress[m.student_id][0] for s in ids)} dari {len(ids)}",
        "Jawaban latihan": sum(1 for a in progress[m.student_id][1] if a.mode is Mode.PRACTICE),
    } for m in board.members])), hide_index=True, width="stretch")

    st.subheader("Penguasaan per bagian")
    st.caption("Warna: rata-rata 5 jawaban terakhir setiap siswa di bagian itu (latihan dan ujian); tulisan: "
               "tingkatnya (– dan abu-abu = belum ada jawaban).")
    averages, levels = mastery_frames({sid: p[1] for sid, p in progress.items()}, ids)
    titles = [chart_label(_short(f"{n}. {quiz_view.section_title(s)}")) for n, s in enumerate(ids, start=1)]
    st.plotly_chart(mastery_heatmap(averages, levels, titles, [chart_label(labels[sid]) for sid in averages.index]),
                    config=CHART)
    _tp_mastery(lesson, {sid: p[1] for sid, p in progress.items()})
    _exam_overview(board)


def _tp_mastery(lesson, answers_by_student) -> None:
    """The class's mastery of each learning objective (TP) of content/capaian.yaml."""
    if lesson.capaian is None:
        return
    st.subheader("Penguasaan per tujuan pembelajaran (TP)")
    st.caption("Untuk setiap siswa: rata-rata 5 jawaban terakhir pada soal yang mengukur TP itu (latihan dan "
               "ujian, tanpa uraian). Kolom Mahir sampai Belum: jumlah siswa pada tingkat itu.")
    table = tp_mastery(lesson.capaian.capaian, answers_by_student)
    st.dataframe(safe_frame(table), hide_index=True, width="stretch",
                 column_config={"Rata-rata kelas": st.column_config.ProgressColumn(format="%d%%", min_value=0,
                                                                                   max_value=100),
                                "Tujuan pembelajaran": st.column_config.TextColumn(width="large")})


def _mean_text(marks: list[int]) -> str:
    return _decimal(gradebook.mean_mark(marks))


def _decimal(value: float | None) -> str:
    """A mean mark with one decimal and a decimal comma ("58,3", "75"); "–" when there is none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.1f}".replace(".", ",").removesuffix(",0")


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _exam_overview(board: Dashboard) -> None:
    st.subheader("Ujian kelas")
    chosen = _choose_exam(board, "hasil_ringkasan_ujian")
    if chosen is None:
        return
    takes = board.takes(chosen.id)
    marks = gradebook.exam_column(data.bank(), chosen.title, takes).marks(t.student_id for t in takes)
    left, middle, right = st.columns(3)
    left.metric("Sudah mengumpulkan", f"{len(marks)} dari {len(board.members)}")
    middle.metric("Rata-rata nilai", _mean_text(marks))
    right.metric("Status", class_exam.status(chosen, time.time()).capitalize())
    if marks:
        st.plotly_chart(analysis_charts.score_histogram(marks), config=CHART, key="hasil_ringkasan_nilai")
    started = {t.student_id for t in takes}
    waiting = [board.labels[m.student_id] for m in board.members if m.student_id not in started]
    if waiting:
        st.markdown(f"**Belum memulai ujian ({len(waiting)}):** " + ", ".join(plain(n) for n in waiting))
    else:
        st.success("Semua siswa sudah memulai ujian ini.")


# -- Siswa ----------------------------------------------------------------------------------------------------------

def student_detail(board: Dashboard) -> None:
    if not board.members:
        st.info("Belum ada siswa yang bergabung.")
        return
    labels = board.labels
    chosen = st.selectbox("Siswa", list(labels), format_func=labels.get, key="hasil_siswa")
    visits, answers, exams = board.store.member_progress(board.teacher.id, board.klass.id, chosen)
    columns = grade_columns(board)
    if columns:
        st.subheader("Nilai di kelas ini")
        _show_book(gradebook.table({chosen: labels[chosen]}, columns))
    st.caption(f"Yang dilihat {plain(labels[chosen])} di halaman Kemajuan Saya (hanya baca).")
    progress_view.summary(visits, answers, exams)
    progress_view.scores_over_time(answers, exams, "Siswa ini belum mengerjakan latihan atau ujian.")


# -- Analisis Butir ------------------------------------------------------------------------------------------------

def _figure(value: float, too_few: str | None = None) -> str:
    """Two decimals with a decimal comma and a true minus sign (−0,50: plain text, never read as a formula);
    "–" when there is no figure; ``too_few`` ("perlu minimal N siswa") instead of a figure the class is too
    small for."""
    if too_few:
        return too_few
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return decimal(value)


def item_analysis(board: Dashboard) -> None:
    chosen = _choose_exam(board, "hasil_analisis_ujian")
    if chosen is None:
        return
    if chosen.per_student_draw:
        st.info("Soal ujian ini diacak berbeda untuk setiap siswa, jadi analisis butir tidak dapat dibuat: "
                "setiap soal hanya dikerjakan sebagian siswa.")
        return
    bank = data.bank()
    labels = board.labels
    takes = board.takes(chosen.id)
    submitted = [t for t in takes if t.submitted_at is not None]
    if len(submitted) < 2:
        st.info(f"Analisis butir muncul setelah minimal 2 siswa mengumpulkan ujian ini "
                f"(sekarang {len(submitted)}).")
        return
    responses = {t.student_id: t.responses for t in submitted}
    shown = {t.student_id: labels.get(t.student_id, t.display_name) for t in takes} | labels
    analysis = exam_matrix(bank, chosen.question_ids, responses, shown).analyse()
    names = item_labels(bank, list(analysis.items.index))
    _analysis_header(analysis)
    left, right = st.columns(2)
    with left:
        st.markdown("**Sebaran nilai**")
        items = len(analysis.scores.columns)
        st.plotly_chart(analysis_charts.score_histogram((analysis.totals / items * 100).tolist()), config=CHART,
                        key="hasil_analisis_nilai")
    with right:
        st.markdown("**Tingkat kesukaran dan daya pembeda**")
        if analysis.too_few:
            st.info(f"Grafik ini muncul bila ada minimal {MIN_STUDENTS} siswa: dengan {analysis.students} siswa "
                    "daya pembeda belum bermakna.")
        else:
            st.plotly_chart(analysis_charts.pd_scatter(analysis.items, {i: chart_label(n) for i, n in names.items()}),
                            config=CHART)
            st.caption("Arahkan penunjuk ke titik untuk melihat soalnya; nama soal ada di tabel di bawah.")
    st.subheader("Tabel analisis butir")
    _item_table(analysis, names)
    _distractors(analysis)
    column = gradebook.exam_column(bank, chosen.title, takes)
    everyone = dict.fromkeys([*labels, *(t.student_id for t in takes)])
    _downloads(analysis, chosen, {s: column.cell(s) for s in everyone})


def _analysis_header(analysis) -> None:
    if analysis.warning:
        st.warning(analysis.warning)
    reliability = analysis.reliability
    left, right = st.columns([1, 3], vertical_alignment="center")
    if analysis.too_few:  # as text: a metric would cut "perlu minimal 10 siswa" off
        left.markdown(f"Reliabilitas ({reliability.method})  \n**{analysis.too_few}**")
    else:
        left.metric(f"Reliabilitas ({reliability.method})", _figure(reliability.value))
    right.markdown(f"Reliabilitas ({reliability.method}) baru bisa diperkirakan bila ada minimal {MIN_STUDENTS} "
                   f"siswa; sekarang {analysis.students} siswa." if analysis.too_few else reliability.text)
    notes = [f"{analysis.students} siswa, percobaan pertama", analysis.groups.description, analysis.groups.ties]
    st.caption(" ".join(note.rstrip(".") + "." for note in notes if note))


def _item_table(analysis, names: dict[str, str]) -> None:
    table = export.item_table(analysis)
    table["Soal"] = table["Soal"].map(names)
    table["File"] = [f"{f}:{line}" if f else "" for f, line in zip(table["File"], table["Baris"], strict=True)]
    table["P"] = table["P"].map(_figure)
    for column in ("D", "r pbis"):
        table[column] = table[column].map(lambda value: _figure(value, analysis.too_few))
    if analysis.too_few:
        table["Kategori D"] = analysis.too_few
    st.dataframe(safe_frame(table[ITEM_COLUMNS]), hide_index=True, width="stretch", row_height=110,
                 column_config={"Alasan": st.column_config.TextColumn(width="large"),
                                "File": st.column_config.TextColumn(width="medium")})
    st.caption("P = tingkat kesukaran (≤ 0,30 sukar; 0,31–0,70 sedang; > 0,70 mudah). D = daya pembeda "
               "(negatif: buang; ≤ 0,20 jelek; 0,21–0,40 cukup; 0,41–0,70 baik; > 0,70 baik sekali). "
               "r pbis = korelasi butir dengan skor soal lainnya. File: letak soal untuk diperbaiki. Alasan lengkap "
               "ada juga di unduhan Excel.")


def _distractors(analysis) -> None:
    table = analysis.distractors
    if table.empty:
        return
    st.subheader("Analisis pengecoh")
    items = list(dict.fromkeys(table["soal"]))
    chosen = st.selectbox("Soal pilihan ganda", items, key="hasil_pengecoh")
    st.plotly_chart(analysis_charts.distractor_bars(table, chosen), config=CHART)
    rows = export.distractor_table(analysis)
    st.dataframe(safe_frame(rows[rows["Soal"] == chosen]), hide_index=True, width="stretch",
                 column_config={name: st.column_config.NumberColumn(format="percent")
                                for name in ("Kelompok atas", "Kelompok bawah", "Semua siswa")})


def _stem(title: str, fallback: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:40] or fallback


def _downloads(analysis, chosen: ClassExamInfo, marks: dict[str, int | str]) -> None:
    st.subheader("Unduh")
    stem = _stem(chosen.title, "ujian")
    files = export.csv_files(analysis, marks)
    with st.container(horizontal=True):
        st.download_button("Excel (semua lembar)", data=export.workbook(analysis, marks),
                           file_name=f"analisis-{stem}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type="primary")
        for name, content in files.items():
            st.download_button(f"CSV {name.removesuffix('.csv').replace('-', ' ')}", data=content,
                               file_name=f"{stem}-{name}", mime="text/csv")
    st.caption(f"Ujian dibuka {when(chosen.opens_at)}, ditutup {when(chosen.closes_at)}.")


# -- Buku Nilai ----------------------------------------------------------------------------------------------------

def grade_columns(board: Dashboard) -> list[gradebook.Column]:
    """The class exams (oldest first), then the class's finished Kuis Langsung."""
    bank = data.bank()
    exams = [gradebook.exam_column(bank, e.title, board.takes(e.id)) for e in sorted(board.exams, key=lambda e: e.id)]
    lives = board.store.live_results_for_class(board.teacher.id, board.klass.id)
    return exams + [gradebook.live_column(f"Kuis Langsung {class_live_results.title_date(r)}", r.students)
                    for r in lives]


def _show_book(book: pd.DataFrame) -> None:
    """The gradebook on screen: marks and statuses as text, means with a decimal comma."""
    screen = book.astype({c: str for c in book.columns if c not in (gradebook.NAME, gradebook.DONE, gradebook.MEAN)})
    screen[gradebook.MEAN] = book[gradebook.MEAN].map(_decimal)
    st.dataframe(safe_frame(screen), hide_index=True, width="stretch")


def grade_book(board: Dashboard) -> None:
    if not board.members:
        st.info("Belum ada siswa yang bergabung.")
        return
    columns = grade_columns(board)
    if not columns:
        st.info("Belum ada ujian kelas atau Kuis Langsung yang selesai untuk kelas ini.")
        return
    book = gradebook.table(board.labels, columns)
    _show_book(book)
    st.caption(f"Nilai 0–100; soal berbobot dihitung sesuai bobotnya. Kuis Langsung: persentase skor. "
               f"\"{gradebook.NOT_STARTED}\" = belum memulai, \"{gradebook.NOT_SUBMITTED}\" = sudah memulai, "
               f"belum mengumpulkan. Rata-rata dihitung dari yang sudah dikerjakan.")
    stem = _stem(board.klass.name, "kelas")
    with st.container(horizontal=True):
        st.download_button("Unduh Excel", data=xlsx_bytes({"Buku Nilai": book}, {gradebook.MEAN: "0.0"}),
                           file_name=f"nilai-{stem}.xlsx", type="primary",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        st.download_button("Unduh CSV", data=csv_bytes(book), file_name=f"nilai-{stem}.csv", mime="text/csv")


TABS = [
    ("Ringkasan", overview),
    ("Buku Nilai", grade_book),
    ("Siswa", student_detail),
    ("Analisis Butir", item_analysis),
    ("Kuis Langsung", class_live_results.show),
]
