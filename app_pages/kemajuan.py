"""Kemajuan Saya: the student's own progress, mastery per section, history, and their data (download, delete)."""

import streamlit as st

from lessonkit.lesson.progress import to_csv, weakest
from ui import data, nav, student
from ui.learn import progress_view, quiz_view
from ui.text import plain

st.title("Kemajuan Saya")
if st.session_state.pop("data_deleted", False):
    st.success("Semua datamu sudah dihapus.")
learner = student.current()
if learner is None:
    st.info("Kemajuanmu belum disimpan. Buka **Simpan kemajuanmu** di bilah samping, isi nama panggilan, "
            "lalu semua bagian yang kamu baca dan soal yang kamu kerjakan akan tercatat di sini.")
    st.stop()

store = data.store()
visits = student.save(store.visits, learner.id) or {}
answers = student.save(store.answers, learner.id) or []
exams = student.save(store.exam_history, learner.id) or []
classes = student.save(store.student_classes, learner.id) or []
st.caption(" · ".join([plain(learner.display_name)] + [f"kelas {plain(c.name)}" for c in classes]))
levels = progress_view.summary(visits, answers, exams)

st.subheader("Tiga bagian yang perlu kamu perkuat")
focus = weakest(levels)
if not focus:
    st.success("Semua bagian sudah Mahir. Luar biasa!")
for item in focus:
    with st.container(border=True):
        st.markdown(f"**{quiz_view.section_title(item.section)}** · {item.level}")
        a, b = st.columns(2)
        with a:
            nav.link("materi", "Pelajari materinya", bagian=item.section)
        with b:
            nav.link("latihan", "Latihan soal bagian ini", bagian=item.section)

progress_view.scores_over_time(answers, exams, "Belum ada latihan atau ujian. Nilai-nilaimu akan tampil di sini.")

st.subheader("Dataku")
st.markdown("Yang disimpan tentang kamu hanya nama panggilan, kode kelas, dan catatan belajarmu di modul ini.")
export = student.save(store.export, learner.id) or []
st.download_button("Unduh semua dataku (CSV)", data=to_csv(export, data.school_zone()),
                   file_name="data-belajar-saya.csv", mime="text/csv")


def _delete() -> None:
    if student.save(lambda: store.delete_student(learner.id) or True):
        student.forget()
        st.session_state["data_deleted"] = True


with st.expander("Hapus semua dataku"):
    st.warning("Semua catatan belajarmu, nama, dan kode lanjut akan dihapus dan tidak bisa dikembalikan.")
    sure = st.checkbox("Saya mengerti dan ingin menghapus semua dataku.", key="confirm_delete")
    st.button("Hapus sekarang", type="primary", disabled=not sure, on_click=_delete)
