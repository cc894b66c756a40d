"""Kemajuan Saya: the student's own progress, mastery per section, history, and their data (download, delete)."""

import streamlit as st

from lessonkit.progress import RULE, history, mastery, to_csv, weakest
from ui import data, nav, quiz_view, student
from ui.text import plain

st.title("Kemajuan Saya")
if st.session_state.pop("data_deleted", False):
    st.success("Semua datamu sudah dihapus.")
learner, lesson = student.current(), data.lesson()
if learner is None:
    st.info("Kemajuanmu belum disimpan. Buka **Simpan kemajuanmu** di bilah samping, isi nama panggilan, "
            "lalu semua bagian yang kamu baca dan soal yang kamu kerjakan akan tercatat di sini.")
    st.stop()

store = data.store()
visits = student.save(store.visits, learner.id) or {}
answers = student.save(store.answers, learner.id) or []
exams = student.save(store.exam_history, learner.id) or []
ids = lesson.section_ids
opened = [s for s in ids if s in visits]

classes = student.save(store.student_classes, learner.id) or []
st.caption(" · ".join([plain(learner.display_name)] + [f"kelas {plain(c.name)}" for c in classes]))
left, middle, right = st.columns(3)
left.metric("Materi dibuka", f"{len(opened)} dari {len(ids)}")
middle.metric("Jawaban latihan", sum(1 for a in answers if a.mode == "latihan"))
right.metric("Ujian selesai", len(exams))
st.progress(len(opened) / len(ids) if ids else 0.0, text="Penyelesaian materi")

st.subheader("Penguasaan per bagian")
st.markdown(RULE)
levels = mastery(answers, ids)
st.dataframe(
    [{"Bagian": quiz_view.section_title(m.section), "Tingkat": m.level,
      "Rata-rata": f"{round(m.average * 100)}%" if m.average is not None else "–", "Jawaban": m.count,
      "Dibuka": "Ya" if m.section in visits else "Belum"} for m in levels],
    hide_index=True, width="stretch")

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

st.subheader("Riwayat latihan dan ujian")
frame = history(answers, exams)
if frame.empty:
    st.info("Belum ada latihan atau ujian. Nilai-nilaimu akan tampil di sini.")
else:
    st.plotly_chart(data.history_chart(tuple(frame["Waktu"]), tuple(frame["Skor"]), tuple(frame["Jenis"])),
                    config={"displayModeBar": False})
    shown = frame.assign(Skor=(frame["Skor"] * 100).round().astype(int).astype(str) + "%",
                         Waktu=frame["Waktu"].dt.strftime("%d-%m-%Y %H:%M"))
    st.dataframe(shown.iloc[::-1], hide_index=True, width="stretch")

st.subheader("Dataku")
st.markdown("Yang disimpan tentang kamu hanya nama panggilan, kode kelas, dan catatan belajarmu di modul ini.")
export = student.save(store.export, learner.id) or []
st.download_button("Unduh semua dataku (CSV)", data=to_csv(export), file_name="data-belajar-saya.csv",
                   mime="text/csv")


def _delete() -> None:
    if student.save(lambda: store.delete_student(learner.id) or True):
        student.forget()
        st.session_state["data_deleted"] = True


with st.expander("Hapus semua dataku"):
    st.warning("Semua catatan belajarmu, nama, dan kode lanjut akan dihapus dan tidak bisa dikembalikan.")
    sure = st.checkbox("Saya mengerti dan ingin menghapus semua dataku.", key="confirm_delete")
    st.button("Hapus sekarang", type="primary", disabled=not sure, on_click=_delete)
