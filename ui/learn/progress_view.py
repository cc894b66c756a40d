"""A student's progress as Kemajuan Saya shows it: counts, mastery per section and the history of scores.

Shared by the student's own page and the teacher's read-only view of one
member (Hasil Kelas, tab Siswa); the data comes in as the store returns it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lessonkit.lesson.progress import RULE, Mastery, history, mastery
from lessonkit.rules import school_time
from lessonkit.rules.modes import Mode
from ui import data, tables
from ui.learn import quiz_view


def summary(visits: dict, answers: list, exams: list) -> list[Mastery]:
    """Sections opened, practice answers and exams done, then mastery per section; returns the mastery levels."""
    lesson = data.lesson()
    ids = lesson.section_ids
    opened = [s for s in ids if s in visits]
    left, middle, right = st.columns(3)
    left.metric("Materi dibuka", f"{len(opened)} dari {len(ids)}")
    middle.metric("Jawaban latihan", sum(1 for a in answers if a.mode is Mode.PRACTICE))
    right.metric("Ujian selesai", len(exams))
    st.progress(len(opened) / len(ids) if ids else 0.0, text="Penyelesaian materi")
    st.subheader("Penguasaan per bagian")
    st.markdown(RULE)
    levels = mastery(answers, ids)
    tables.reflowing(pd.DataFrame(
        [{"Bagian": quiz_view.section_title(m.section), "TP": ", ".join(lesson.section(m.section).meta.tp) or "–",
          "Tingkat": m.level,
          "Rata-rata": f"{round(m.average * 100)}%" if m.average is not None else "–", "Jawaban": m.count,
          "Dibuka": "Ya" if m.section in visits else "Belum"} for m in levels]), key="lk-mastery")
    return levels


def scores_over_time(answers: list, exams: list, empty: str) -> None:
    """The history chart and table of practice (per day) and exam scores; ``empty`` when there is none."""
    st.subheader("Riwayat latihan dan ujian")
    frame = history(answers, exams)
    if frame.empty:
        st.info(empty)
        return
    zone = data.school_zone()
    frame = frame.assign(Waktu=frame["Waktu"].dt.tz_localize("UTC").dt.tz_convert(zone).dt.tz_localize(None))
    st.plotly_chart(data.history_chart(tuple(frame["Waktu"]), tuple(frame["Skor"]), tuple(frame["Jenis"])),
                    config={"displayModeBar": False})
    shown = frame.assign(Skor=(frame["Skor"] * 100).round().astype(int).astype(str) + "%",
                         Waktu=frame["Waktu"].dt.strftime("%d-%m-%Y %H.%M") + f" {school_time.ZONES[zone]}")
    tables.reflowing(shown.iloc[::-1], key="lk-history")
