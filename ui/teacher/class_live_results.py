"""The Hasil Kelas tab "Kuis Langsung": the class's finished live quizzes, per student and per question.

Reads `Store.live_results_for_class` with the signed-in teacher's id (another
teacher's class raises `ClassNotFound` there). Nicknames stay plain text: they
reach the page only as table cells; the CSV leaves through `lessonkit.rules.safe_export`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from lessonkit.rules.safe_export import csv_bytes, safe_frame
from ui import data

if TYPE_CHECKING:
    from lessonkit.storage import LiveClassResult
    from ui.teacher.class_dashboard import Dashboard


def title_date(result: LiveClassResult) -> str:
    return data.when_short(result.created_at)


def _title(result: LiveClassResult) -> str:
    return f"{title_date(result)} · kode {result.code} · {result.questions} soal"


def student_table(result: LiveClassResult) -> pd.DataFrame:
    """One row per player, best first, with Indonesian headers."""
    return pd.DataFrame([{"Peringkat": s.rank, "Nama": s.nickname, "Poin": s.points, "Benar": s.correct,
                          "Dijawab": s.answered, "Skor (%)": round(100 * s.score),
                          "Siswa tersimpan": "ya" if s.student_id is not None else "tidak"}
                         for s in result.students],
                        columns=["Peringkat", "Nama", "Poin", "Benar", "Dijawab", "Skor (%)", "Siswa tersimpan"])


def show(board: Dashboard) -> None:
    results = board.store.live_results_for_class(board.teacher.id, board.klass.id)
    if not results:
        st.info("Belum ada Kuis Langsung yang selesai untuk kelas ini. Saat memulai kuis di halaman "
                "**Kuis Langsung (Guru)**, pilih kelas ini agar hasilnya tercatat di sini.")
        return
    by_id = {r.session_id: r for r in reversed(results)}  # newest first
    chosen = by_id[st.selectbox("Kuis Langsung", list(by_id), format_func=lambda i: _title(by_id[i]),
                                key="live-result")]
    players = len(chosen.students)
    mean = sum(s.score for s in chosen.students) / players if players else 0.0
    left, middle, right = st.columns(3)
    left.metric("Pemain", players)
    middle.metric("Rata-rata skor", f"{round(100 * mean)}%")
    right.metric("Soal", chosen.questions)
    table = student_table(chosen)
    st.dataframe(safe_frame(table), hide_index=True, width="stretch")
    if chosen.question_scores:
        st.markdown("**Skor kelas per soal** (yang paling sulit di atas)")
        bank = data.bank()
        ordered = chosen.question_scores
        st.plotly_chart(data.score_chart(tuple(f"Soal {s.number}" for s in ordered),
                                         tuple(s.mean_score for s in ordered)),
                        config={"displayModeBar": False}, key=f"live-scores-{chosen.session_id}")
        with st.expander("Teks soalnya"):
            for s in sorted(ordered, key=lambda s: s.number):
                try:
                    prompt = bank.question(s.question_id).prompt
                except KeyError:  # the bank changed since the quiz
                    prompt = "(soal ini sudah tidak ada di bank soal)"
                st.markdown(f"**Soal {s.number}** ({s.correct} benar dari {s.answered} jawaban). {prompt}")
    st.download_button("Unduh CSV", data=csv_bytes(table), file_name=f"kuis-langsung-{chosen.code}.csv",
                       mime="text/csv")
