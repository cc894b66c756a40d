"""Widgets shared by the practice and exam pages: a question with its stimulus, feedback and review."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from lessonkit.lesson.rubric import points_text, sample_text
from lessonkit.quiz import Bank, Grade
from lessonkit.quiz.base import LEVEL_NAMES, QuestionBase, unmarked
from lessonkit.quiz.grading import Verdict
from lessonkit.quiz.types import module_of, scoring_note, type_name
from lessonkit.quiz.types.essay import rated_score, self_score
from ui import data, nav
from ui.text import plain


def broken_quizzes(bank: Bank) -> None:
    """A clear message in place of each quiz file that could not be loaded."""
    for status in bank.files:
        if status.quiz is None:
            st.warning(f"Kuis “{status.label}” sedang tidak dapat dipakai karena filenya bermasalah. "
                       "Kuis lain tetap bisa dikerjakan.")
            with st.expander("Detail untuk guru"):
                st.code("\n".join(str(p) for p in status.problems), language=None)


def wrapping_pills(key: str) -> None:
    """Let the pills under ``key`` wrap long labels (section titles) instead of cutting them off on a phone."""
    st.html(f"<style>.st-key-{key} button, .st-key-{key} button * {{white-space: normal !important; "
            "text-overflow: clip !important; overflow: visible !important; height: auto; text-align: left;}</style>")


def section_title(section_id: str) -> str:
    section = data.lesson().section(section_id)
    return section.title if section else section_id


def question(q: QuestionBase, bank: Bank, *, number: int, key: str, order, disabled: bool = False,
             on_change: Callable | None = None, args: Sequence = (), checked_response=None):
    """Stimulus, prompt and the type's widget; returns the current response.

    ``checked_response``: the answer already checked, shown again in the disabled widget (Streamlit resets
    select boxes and multiselects when they become disabled), its options marked right ✓ and wrong ✗.
    """
    if checked_response is not None:
        st.session_state.update(module_of(q).state(q, key, order, checked_response))
    stimulus = bank.stimulus_of(q)
    if stimulus:
        with st.container(border=True):
            st.caption("BACAAN UNTUK SOAL INI")
            st.markdown(stimulus)
    st.caption(" · ".join(filter(None, (f"Soal {number}", type_name(q), LEVEL_NAMES[q.level], scoring_note(q)))))
    st.markdown(q.prompt)
    return module_of(q).render(q, key=key, order=order, disabled=disabled, on_change=on_change, args=args,
                               checked=checked_response)


def _status_box(result: Grade, text: str) -> None:
    box = {Verdict.RIGHT: st.success, Verdict.PARTLY: st.warning, Verdict.WRONG: st.error}.get(result.status, st.info)
    box(text)


def feedback(q: QuestionBase, response, result: Grade) -> None:
    """After 'Periksa': right / partly right / wrong with the score, option feedback and the explanation."""
    if result.score is not None:
        _status_box(result, f"**{result.label}** · skor {round(result.score * 100)}%")
    for line in module_of(q).feedback(q, response):
        st.markdown(f"- {line}")
    if result.status is not Verdict.RIGHT and q.auto_graded:
        st.markdown(f"**Jawaban yang tepat:** {module_of(q).key_text(q)}")
    st.markdown(f"**Pembahasan.** {q.explanation}")
    nav.link("materi", f"Pelajari lagi: {section_title(q.section)}", bagian=q.section)


def essay_self_check(q: QuestionBase, key: str) -> float:
    """Show the model answer, the samples and the rubric; the student rates each criterion (a level when the
    rubric describes levels, else a tick). Returns the self-score."""
    st.info("Soal uraian tidak dinilai otomatis. Bandingkan jawabanmu dengan contoh jawaban dan rubrik, "
            "lalu nilai sendiri setiap kriteria (penilaian diri).")
    st.markdown(f"**Contoh jawaban.** {q.model_answer}")
    if q.samples:
        with st.expander("Contoh jawaban siswa per tingkat"):
            for sample in q.samples:
                st.markdown(sample_text(sample))
    if all(c.levels for c in q.rubric):
        chosen = {}
        for i, c in enumerate(q.rubric):
            picked = st.radio(f"{c.criterion} ({c.points:g} poin)", range(len(c.levels)), index=None,
                              key=f"{key}-rubric-{i}",
                              format_func=lambda n, c=c: f"{c.levels[n].label} ({points_text(c.levels[n].points)}): "
                                                         f"{unmarked(c.levels[n].descriptor)}")
            if picked is not None:
                chosen[i] = picked
        score = rated_score(q, chosen)
    else:
        met = {i for i, c in enumerate(q.rubric)
               if st.checkbox(f"{c.criterion} ({c.points:g} poin)", key=f"{key}-rubric-{i}")}
        score = self_score(q, met)
    st.caption(f"Nilai penilaian diri: {round(score * 100)}%")
    return score


def section_chart(scores: dict[str, float]):
    """Score per section as horizontal bars."""
    return data.score_chart(tuple(section_title(s) for s in scores), tuple(scores.values()))


def review(results) -> None:
    """Every question with the student's answer, the right answer and the explanation."""
    for number, result in enumerate(results, start=1):
        q, response, grade = result.question, result.response, result.grade
        with st.expander(f"Soal {number} · {grade.label}", expanded=grade.status is not Verdict.RIGHT):
            st.markdown(q.prompt)
            module = module_of(q)
            st.markdown(f"**Jawabanmu:** {plain(unmarked(module.answer_text(q, response)))}")
            st.markdown(f"**Jawaban yang tepat:** {module.key_text(q)}")
            st.markdown(f"**Pembahasan.** {q.explanation}")
            nav.link("materi", f"Pelajari lagi: {section_title(q.section)}", bagian=q.section)
