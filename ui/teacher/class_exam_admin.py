"""The teacher's class-exam pieces (Ujian Kelas page): the form that sets an exam, and the list with its status.

Every action goes through ``teacher_action`` and carries the signed-in
teacher's id, so an exam of another teacher's class is never touched. Times
are entered as a date and a time on the school's clock (its time zone, named by the fields) and stored as
seconds.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import TYPE_CHECKING

import streamlit as st

from lessonkit.quiz import class_exam, exam
from lessonkit.quiz.base import LEVEL_NAMES
from lessonkit.quiz.types import TYPE_NAMES, module_of
from lessonkit.rules import school_time
from ui import data
from ui.data import when
from ui.learn import quiz_view
from ui.teacher.class_admin import NOTICE, _run
from ui.teacher.signin import teacher_action
from ui.text import plain

if TYPE_CHECKING:
    from lessonkit.storage import ClassExamInfo, TeacherInfo

FORM = "ujian_baru"
STATUS_TEXT = {class_exam.NOT_OPEN: "Belum dibuka", class_exam.RUNNING: "Sedang berlangsung",
               class_exam.FINISHED: "Selesai"}


def _key(name: str) -> str:
    return f"{FORM}_{name}"


def _moment(day: date, at) -> float:
    return school_time.seconds(day, at, data.school_zone())


def _questions(bank) -> tuple[list[str], dict | None, bool]:
    """(fixed question ids, draw settings, per-student draw) from the form's widgets."""
    state = st.session_state
    source = state.get(_key("source"), exam.RANDOM)
    if source != exam.RANDOM:
        return class_exam.fixed_questions(bank, source), None, False
    draw = {"count": int(state.get(_key("count")) or 0), "sections": list(state.get(_key("sections")) or []),
            "levels": list(state.get(_key("levels")) or [])}
    if state.get(_key("per_student")):
        return [], draw, True
    return class_exam.fixed_questions(bank, exam.RANDOM, draw), draw, False


@teacher_action
def _create(teacher: TeacherInfo, class_id: int) -> None:
    state, bank = st.session_state, data.bank()
    ids, draw, per_student = _questions(bank)
    opens = _moment(state[_key("open_day")], state[_key("open_time")])
    closes = _moment(state[_key("close_day")], state[_key("close_time")])
    created = _run(lambda store: store.create_class_exam(
        teacher.id, class_id, state.get(_key("title"), ""), minutes=float(state.get(_key("minutes")) or 0),
        opens_at=opens, closes_at=closes, question_ids=ids, draw=draw, per_student_draw=per_student,
        attempts=int(state.get(_key("attempts")) or 1), show_review=bool(state.get(_key("review"))),
        source=state.get(_key("source"), exam.RANDOM)))
    if created is not None:
        state[_key("title")] = ""
        state[NOTICE] = ("success", f"Ujian **{plain(created.title)}** dibuat. Siswa kelas ini melihatnya di "
                                    "halaman Ujian selama waktunya dibuka.")


def create_form(class_id: int, expanded: bool) -> None:
    """Title, questions (a quiz or a random draw), time limit, window, attempts and review."""
    bank, lesson = data.bank(), data.lesson()
    quizzes = {q.id: q.title for q in bank.quizzes if any(x.auto_graded for x in q.questions)}
    auto = [q for q in bank.questions if q.auto_graded]
    with st.expander("Buat ujian baru", expanded=expanded):
        st.text_input("Judul ujian", key=_key("title"), max_chars=120, placeholder="Ulangan Harian 1")
        source = st.selectbox("Soal", [exam.RANDOM, *quizzes], key=_key("source"),
                              format_func=lambda i: "Acak dari bank soal" if i == exam.RANDOM else quizzes[i])
        if source == exam.RANDOM:
            left, right = st.columns(2)
            sections = [s.id for s in lesson.sections if any(q.section == s.id for q in auto)]
            left.number_input("Jumlah soal", min_value=1, max_value=max(1, len(auto)), value=min(10, len(auto) or 1),
                              key=_key("count"))
            right.pills("Tingkat", list(LEVEL_NAMES), selection_mode="multi", default=list(LEVEL_NAMES),
                        key=_key("levels"), format_func=lambda level: f"{level} · {LEVEL_NAMES[level]}")
            quiz_view.wrapping_pills(_key("sections"))
            st.pills("Bagian materi", sections, selection_mode="multi", default=sections, key=_key("sections"),
                     format_func=quiz_view.section_title)
            st.checkbox("Acak soal berbeda untuk setiap siswa", key=_key("per_student"),
                        help="Tanpa centang, semua siswa mendapat soal yang sama (urutan pilihan tetap diacak). "
                             "Analisis butir hanya bisa dibuat bila soalnya sama untuk semua siswa.")
        ids, draw, per_student = _questions(bank)
        count = draw["count"] if per_student else len(ids)
        quiz = next((q for q in bank.quizzes if q.id == source), None)
        suggested = (quiz.time_limit_minutes if quiz and quiz.time_limit_minutes else exam.minutes_for(count)) or 10
        st.number_input("Lama mengerjakan (menit)", min_value=1, max_value=600, value=max(1, round(suggested)),
                        key=_key("minutes"))
        zone = data.school_zone()
        now = school_time.now_local(zone).replace(second=0, microsecond=0)
        later = now + timedelta(days=1)
        named = school_time.ZONES[zone]
        left, right = st.columns(2)
        left.date_input("Dibuka tanggal", value=now.date(), key=_key("open_day"), format="DD/MM/YYYY")
        right.time_input(f"Dibuka pukul ({named})", value=now.time(), key=_key("open_time"), step=300)
        left.date_input("Ditutup tanggal", value=later.date(), key=_key("close_day"), format="DD/MM/YYYY")
        right.time_input(f"Ditutup pukul ({named})", value=later.time(), key=_key("close_time"), step=300)
        left.number_input("Kesempatan mengerjakan", min_value=1, max_value=10, value=1, key=_key("attempts"))
        right.checkbox("Tampilkan pembahasan", value=True, key=_key("review"),
                       help="Siswa melihat pembahasan setiap soal setelah mengumpulkan jawaban.")
        st.caption(f"{count} soal" + (" acak untuk setiap siswa" if per_student else " yang sama untuk semua siswa")
                   + ". Nilai dan analisis butir memakai percobaan pertama setiap siswa.")
        st.button("Buat ujian", type="primary", on_click=_create, args=(class_id,), disabled=count == 0)


@teacher_action
def _close(teacher: TeacherInfo, exam_id: int) -> None:
    if _run(lambda store: store.close_class_exam(teacher.id, exam_id, time.time())) is not None:
        st.session_state[NOTICE] = ("success", "Ujian ditutup. Jawaban yang belum dikumpulkan dihitung sampai "
                                               "saat ini.")


@teacher_action
def _delete(teacher: TeacherInfo, exam_id: int) -> None:
    if not st.session_state.get(f"delete_sure_{exam_id}"):
        st.session_state[NOTICE] = ("warning", "Centang dulu kotak persetujuan untuk menghapus ujian.")
        return
    if _run(lambda store: store.delete_class_exam(teacher.id, exam_id)):
        st.session_state[NOTICE] = ("success", "Ujian dihapus. Nilai siswa tetap ada di riwayat masing-masing.")


def _questions_text(item: ClassExamInfo) -> str:
    if item.per_student_draw and item.draw:
        return f"{item.draw['count']} soal acak per siswa"
    return f"{len(item.question_ids)} soal sama untuk semua"


def preview(item: ClassExamInfo) -> None:
    """The exam's questions as the teacher checks them: prompt, type, level, points, key and explanation."""
    if item.per_student_draw:
        st.caption("Soal ujian ini diacak untuk setiap siswa, jadi tidak ada satu daftar soal untuk dipratinjau.")
        return
    bank = data.bank()
    known = {q.id for q in bank.questions}
    with st.expander(f"Pratinjau soal ({len(item.question_ids)})"):
        for number, qid in enumerate(item.question_ids, start=1):
            if qid not in known:
                st.warning(f"Soal {number} ({qid}) tidak ada lagi di bank soal dan tidak dinilai.")
                continue
            q = bank.question(qid)
            module = module_of(q)
            st.caption(f"Soal {number} · {TYPE_NAMES[q.type]} · {LEVEL_NAMES[q.level]} · {q.points:g} poin · {qid}")
            if stimulus := bank.stimulus_of(q):
                st.markdown(stimulus)
            st.markdown(q.prompt)
            st.markdown(f"**Jawaban yang tepat:** {module.key_text(q)}")
            st.markdown(f"**Pembahasan.** {q.explanation}")
            st.divider()


def exam_list(exams: list[ClassExamInfo], members: int) -> None:
    """Each exam: status, window, how many students submitted, and close early / delete."""
    st.subheader(f"Ujian kelas ini ({len(exams)})")
    if not exams:
        st.info("Belum ada ujian untuk kelas ini.")
        return
    now = time.time()
    for item in exams:
        state = class_exam.status(item, now)
        with st.container(border=True):
            left, right = st.columns([3, 1], vertical_alignment="center")
            left.markdown(f"**{plain(item.title)}** · {STATUS_TEXT[state]}")
            left.caption(f"{when(item.opens_at)} – {when(item.closes_at)} · {_questions_text(item)} · "
                         f"{item.minutes:g} menit · {item.attempts} kali kesempatan · pembahasan "
                         f"{'ditampilkan' if item.show_review else 'disembunyikan'}")
            right.metric("Sudah mengumpulkan", f"{item.submitted} dari {members}")
            preview(item)
            with st.expander("Tutup lebih awal atau hapus"):
                if state != class_exam.FINISHED:
                    st.button("Tutup ujian sekarang", key=f"close_{item.id}", on_click=_close, args=(item.id,))
                st.checkbox("Saya yakin: hapus ujian ini (nilai siswa tetap ada di riwayat mereka).",
                            key=f"delete_sure_{item.id}")
                st.button("Hapus ujian", key=f"delete_{item.id}", on_click=_delete, args=(item.id,))
